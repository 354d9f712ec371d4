"""Fixtures shared across the test packages."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from adminduk.offices._registry import _REGISTRY, _Registry
from tests.builders import registered
from tests.every_office import ROOT


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
