"""Fixtures for the office tests: raw built-in files, a minimal valid office, a clean registry."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import pytest

from adminduk.offices._registry import _REGISTRY, BUILTIN_OFFICES, _Registry


def builtin_raw(code: str) -> dict[str, Any]:
    """The parsed TOML of a built-in office file, as a fresh mutable dict."""
    text = resources.files("adminduk.offices").joinpath("data", BUILTIN_OFFICES[code]).read_text()
    return tomllib.loads(text)


def minimal(**overrides: Any) -> dict[str, Any]:
    """A minimal valid office (fictional code 99.02) with ``overrides`` applied."""
    data: dict[str, Any] = {
        "code": "99.02",
        "slug": "kabupaten-uji",
        "name": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji",
        "region": "Kabupaten Uji",
        "province": "Provinsi Uji",
        "timezone": "Asia/Jakarta",
        "source": "S",
        "sources": {"S": {"title": "Sumber uji (fiktif)"}},
    }
    data.update(copy.deepcopy(overrides))
    return data


def policy(**overrides: Any) -> dict[str, Any]:
    """A minimal valid dated policy with ``overrides`` applied."""
    data: dict[str, Any] = {"id": "uji", "valid_from": "2030-01-01", "source": "S"}
    data.update(copy.deepcopy(overrides))
    return data


def channel(**overrides: Any) -> dict[str, Any]:
    """A minimal valid app channel with ``overrides`` applied."""
    data: dict[str, Any] = {
        "kind": "app",
        "address": "https://uji.example",
        "label": "Aplikasi uji",
        "services": ["kk/*"],
        "source": "S",
    }
    data.update(copy.deepcopy(overrides))
    return data


@pytest.fixture
def fresh_registry() -> Iterator[_Registry]:
    """The registry, emptied before the test and again after it (reloaded on next use)."""
    _REGISTRY.reset()
    yield _REGISTRY
    _REGISTRY.reset()


@pytest.fixture
def raw() -> Callable[[str], dict[str, Any]]:
    return builtin_raw
