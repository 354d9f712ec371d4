"""The fictional Kabupaten Contoh (99.01), an example adminduk office plugin.

The entry point ``adminduk.offices`` / ``99.01`` (named after the office's code, so only a
lookup of 99.01 imports it) resolves to :data:`OFFICE_FILE`; adminduk's registry loads and
validates the file, and reports a problem in it by the entry point's name instead of failing.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["OFFICE_FILE"]

OFFICE_FILE = Path(__file__).with_name("kabupaten-contoh.toml")
"""The office file this plugin publishes."""
