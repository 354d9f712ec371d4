"""Helpers for the testing-package tests: the sample office files, and findings by check.

Test offices are built by ``tests/builders.py`` (``conforming_data`` is the shape these
tests start from).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from adminduk.testing import Finding, Severity, check_office
from tests.every_office import EXAMPLE_FILE

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "offices" / "broken.toml"
MALFORMED = HERE / "offices" / "malformed.toml"
ROOT = HERE.parents[1]
EXAMPLE = EXAMPLE_FILE


def found(config: Any, check: str, severity: Severity | None = None) -> list[Finding]:
    """The findings of one check (optionally of one severity)."""
    return [
        f
        for f in check_office(config, checks=[check])
        if severity is None or f.severity is severity
    ]
