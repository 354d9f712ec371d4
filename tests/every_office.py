"""The offices every contract test runs over: built-in, a baseline sample, the example plugin.

One list for the whole suite, derived from the library's own table of built-in offices, from
the region table (for the baseline sample) and from the example plugin's published file, so no
test file writes the office codes out again: an office added to ``BUILTIN_OFFICES`` joins every
suite that takes its offices from here. A test pinned to one office's source facts still names
that office, in that office's own module under ``tests/offices/``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from adminduk_kantor_contoh import OFFICE_FILE

from adminduk import regions
from adminduk.offices import BUILTIN_OFFICES, load_office

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILE: Path = OFFICE_FILE
"""The example plugin's office file (``examples/adminduk-kantor-contoh``)."""

BUILT_IN_CODES: tuple[str, ...] = tuple(sorted(BUILTIN_OFFICES))
"""The built-in offices' codes, as the registry's table lists them."""

EXAMPLE_CODE: str = load_office(EXAMPLE_FILE).code
"""The example plugin's office code."""


def _baseline_sample() -> tuple[str, ...]:
    # The first kabupaten/kota with no office file in each of WIB, WITA and WIT, and in Jakarta
    # (whose offices are the Suku Dinas of each city): every shape a baseline office takes.
    picks: dict[object, str] = {}
    for place in regions("kabupaten-kota"):
        if place.code not in BUILTIN_OFFICES:
            offset = place.zone.utcoffset(dt.datetime(2026, 1, 1))
            picks.setdefault("jakarta" if place.code[:2] == "31" else offset, place.code)
    return tuple(sorted(picks.values()))


BASELINE_SAMPLE: tuple[str, ...] = _baseline_sample()
"""A few of the regions that answer from the national baseline, one per kind."""

OFFICES_WITH_FILES: tuple[str, ...] = (*BUILT_IN_CODES, EXAMPLE_CODE)
"""The offices published as a file: the built-ins, then the example plugin."""

EVERY_OFFICE: tuple[str, ...] = (*BUILT_IN_CODES, *BASELINE_SAMPLE, EXAMPLE_CODE)
"""Every office the contract covers: the built-ins, the baseline sample, the example plugin."""


def office_file(code: str) -> Path:
    """The file an office of :data:`OFFICES_WITH_FILES` is published in."""
    if code == EXAMPLE_CODE:
        return EXAMPLE_FILE
    return ROOT / "src" / "adminduk" / "offices" / "data" / BUILTIN_OFFICES[code]
