"""The names of the days of the week, Monday first (as ``date.weekday()`` counts).

The one list every part draws on: the text catalogue's ``day.*`` entries, the keys of an office
file's weekly hours (``senin`` … ``minggu``), schema.org's ``dayOfWeek`` and the words the
command reads in a date. It imports nothing, so the lowest layers may use it.

Examples:
    >>> DAYS_ID[4], DAYS_EN[4]
    ('Jumat', 'Friday')
"""

from __future__ import annotations

from typing import Final

__all__ = ["DAYS_EN", "DAYS_ID"]

DAYS_ID: Final = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Indonesian day names (KBBI spelling; ``Jumat``, not ``Jum'at``)."""

DAYS_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""English day names, also schema.org's ``DayOfWeek`` members."""
