"""Helpers for the command's tests: the real console script, and ``main`` in-process."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from adminduk import OfficeConfig
from adminduk.cli import main
from tests.builders import calendar_data, office, registered
from tests.every_office import EXAMPLE_FILE, ROOT

EXAMPLE_OFFICE = EXAMPLE_FILE


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def console_script() -> Path:
    """The ``adminduk`` executable the package installs, next to this interpreter."""
    path = Path(sys.executable).parent / "adminduk"
    assert path.exists(), f"the console script is not installed at {path}"
    return path


def run_script(*args: str, input: str | None = None) -> Run:
    done = subprocess.run(
        [str(console_script()), *args],
        capture_output=True,
        text=True,
        input=input,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def run_main(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out=out, err=err)
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli() -> Callable[..., Run]:
    return run_main


@pytest.fixture
def script() -> Callable[..., Run]:
    return run_script


@pytest.fixture
def uji_office() -> Iterator[OfficeConfig]:
    """The fictional office 99.27, registered for the test only."""
    uji = office(calendar_data())
    with registered(uji):
        yield uji
