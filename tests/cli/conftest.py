"""Helpers for the command's tests: the real console script, and ``main`` in-process."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from adminduk import OfficeConfig, register
from adminduk.cli import main
from adminduk.offices._registry import _REGISTRY
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


def office_data(**overrides: Any) -> dict[str, Any]:
    """A fictional office (99.27) with every calendar feature the command shows."""
    data: dict[str, Any] = {
        "code": "99.27",
        "slug": "kabupaten-uji-cli",
        "name": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji CLI",
        "region": "Kabupaten Uji CLI",
        "province": "Provinsi Uji",
        "timezone": "Asia/Makassar",
        "source": "S",
        "sources": {"S": {"title": "Sumber uji (fiktif)", "url": "https://uji.example/s"}},
        "hours": {
            "senin": "08:00-15:00",
            "selasa": "08:00-15:00",
            "rabu": ["08:00-12:00", "20:00-24:00"],
            "kamis": "08:00-15:00",
            "jumat": "08:00-11:00",
        },
        "hours_source": "S",
        # A whole week closed, in years whose holidays and cuti bersama are decreed.
        "closures": [
            {
                "start": "2030-06-04",
                "end": "2030-06-04",
                "reason_id": "Hari jadi kabupaten",
                "reason_en": "Regency anniversary",
                "source": "S",
            },
            {
                "start": "2025-07-07",
                "end": "2025-07-13",
                "reason_id": "Pindah gedung",
                "reason_en": "Moving building",
                "source": "S",
            },
        ],
        "extra_openings": [
            {
                "date": "2030-06-08",
                "hours": ["08:00-12:00"],
                "reason_id": "Pelayanan Sabtu",
                "reason_en": "Saturday service",
                "source": "S",
            }
        ],
        "hours_overrides": [
            {
                "start": "2030-06-06",
                "end": "2030-06-07",
                "hours": {"kamis": "09:00-12:00", "jumat": "09:00-11:00"},
                "reason_id": "Jam Ramadan",
                "reason_en": "Ramadan hours",
                "source": "S",
            }
        ],
    }
    data.update(overrides)
    return data


@pytest.fixture
def uji_office() -> Iterator[OfficeConfig]:
    """The fictional office 99.27, registered for the test only."""
    _REGISTRY.reset()
    office = OfficeConfig.model_validate(office_data())
    register(office)
    yield office
    _REGISTRY.reset()
