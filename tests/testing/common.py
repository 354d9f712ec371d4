"""Helpers for the testing-package tests: a minimal valid office, and findings by check."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from adminduk.offices import OfficeConfig, validate_office
from adminduk.testing import Finding, Severity, check_office
from tests.every_office import EXAMPLE_FILE

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "offices" / "broken.toml"
MALFORMED = HERE / "offices" / "malformed.toml"
ROOT = HERE.parents[1]
EXAMPLE = EXAMPLE_FILE


def minimal(**overrides: Any) -> dict[str, Any]:
    """A minimal valid office file's contents (real code 35.98, Jawa Timur) with overrides."""
    data: dict[str, Any] = {
        "code": "35.98",
        "slug": "kota-uji",
        "name": "Dinas Kependudukan dan Pencatatan Sipil Kota Uji",
        "region": "Kota Uji",
        "province": "Jawa Timur",
        "timezone": "Asia/Jakarta",
        "source": "S",
        "address": "Jalan Uji 1",
        "address_source": "S",
        "hours": {"senin": "08:00-15:00", "jumat": "08:00-11:00"},
        "hours_source": "S",
        "sources": {"S": {"title": "Sumber uji (fiktif)", "url": "https://uji.example/s"}},
    }
    data.update(copy.deepcopy(overrides))
    return data


def policy(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"id": "uji", "valid_from": "2030-01-01", "source": "S"}
    data.update(copy.deepcopy(overrides))
    return data


def office(**overrides: Any) -> OfficeConfig:
    return validate_office(minimal(**overrides))


def found(config: Any, check: str, severity: Severity | None = None) -> list[Finding]:
    """The findings of one check (optionally of one severity)."""
    return [
        f
        for f in check_office(config, checks=[check])
        if severity is None or f.severity is severity
    ]
