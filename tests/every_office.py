"""The offices every contract test runs over: each built-in office and the example plugin.

One list for the whole suite, derived from the library's own table of built-in offices and
from the example plugin's published file, so no test file writes the office codes out again.
A test pinned to one office's source facts still names that office.
"""

from __future__ import annotations

from pathlib import Path

from adminduk_kantor_contoh import OFFICE_FILE

from adminduk.offices import BUILTIN_OFFICES, load_office

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILE: Path = OFFICE_FILE
"""The example plugin's office file (``examples/adminduk-kantor-contoh``)."""

BUILT_IN_CODES: tuple[str, ...] = tuple(sorted(BUILTIN_OFFICES))
"""The built-in offices' codes, as the registry's table lists them."""

EXAMPLE_CODE: str = load_office(EXAMPLE_FILE).code
"""The example plugin's office code."""

EVERY_OFFICE: tuple[str, ...] = (*BUILT_IN_CODES, EXAMPLE_CODE)
"""Every office the contract covers: the built-ins, then the example plugin."""


def office_file(code: str) -> Path:
    """The file an office of :data:`EVERY_OFFICE` is published in."""
    if code == EXAMPLE_CODE:
        return EXAMPLE_FILE
    return ROOT / "src" / "adminduk" / "offices" / "data" / BUILTIN_OFFICES[code]
