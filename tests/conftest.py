"""Fixtures shared across the test packages."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from types import ModuleType

import coverage
import pytest

from adminduk.offices._registry import _REGISTRY, _Registry
from tests.builders import registered
from tests.every_office import ROOT


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """An untraced test (``no_cover``) runs untraced on a pytest-xdist worker too.

    pytest-cov (7.1) starts coverage twice in a worker, first as if the worker ran alone, then as
    the worker, and ``no_cover`` stops only the second: the first resumes and traces the test at
    full cost (``sys.gettrace()`` in such a test is a tracer). This wrapper runs inside
    pytest-cov's: it stops what still traces for the test, and starts it again before pytest-cov
    resumes its own. Without xdist nothing is left tracing, and it does nothing.
    """
    untraced = item.get_closest_marker("no_cover") is not None or "no_cover" in getattr(
        item, "fixturenames", ()
    )
    still = coverage.Coverage.current() if untraced and sys.gettrace() is not None else None
    if still is not None:
        still.stop()
    try:
        return (yield)
    finally:
        if still is not None:
            still.start()


@pytest.fixture
def fresh_registry() -> Iterator[_Registry]:
    """The registry, emptied before the test and again after it (reloaded on next use)."""
    with registered():
        yield _REGISTRY


@pytest.fixture(scope="module")
def office_pages() -> Iterator[ModuleType]:
    """``scripts/gen_office_pages.py``, the generator of the offices' documentation pages."""
    path = ROOT / "scripts" / "gen_office_pages.py"
    spec = importlib.util.spec_from_file_location("gen_office_pages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_office_pages"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["gen_office_pages"]
