"""National holidays and cuti bersama of Indonesia, read from the ``holidays`` package.

The years the calendar covers (2000-2099) come from a table written from ``holidays``
(``data/national_days.json``, by ``python scripts/gen_national_days.py``); a test holds the
table equal to what the installed ``holidays`` answers, year by year. Reading it costs a few
milliseconds, where asking ``holidays`` imports its 250 country modules (about 0.1-0.3 s), so
a first answer does not pay for the countries it never asks about; it is served precomputed
(``data/precomputed/national_days.pickle``, see :mod:`adminduk._core.precomputed`), so a first
answer parses no JSON either. The table is used only when
the installed ``holidays`` is the version it was written from; otherwise, and for a year
outside the table, ``holidays`` itself is asked, and imported only then. Results are cached
per year for the whole process, so every calendar shares them.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Final

from adminduk._core.arguments import english
from adminduk._core.public import publish

__all__ = ["ClosedDay", "ClosureKind", "cuti_bersama_horizon", "national_days"]

# `holidays` marks a date it has not seen decreed (an Islamic, Chinese or Buddhist feast beyond
# its confirmed years) with this suffix in Indonesian and English. The label is the only public
# signal of the estimate, so both languages are checked.
_ESTIMATED_MARKS = ("(perkiraan)", "(estimated)")


class ClosureKind(StrEnum):
    """Why an office is closed on a date.

    Examples:
        >>> ClosureKind("cuti-bersama") is ClosureKind.CUTI_BERSAMA
        True
    """

    HOLIDAY = "libur-nasional"
    """A national public holiday (``holidays`` category ``public``)."""
    CUTI_BERSAMA = "cuti-bersama"
    """Collective leave of civil servants (``holidays`` category ``government``)."""
    LOCAL = "penutupan"
    """A closure decided by the office itself (``CalendarSpec.closures``)."""


@dataclass(frozen=True, slots=True)
class ClosedDay:
    """A date on which an office is closed for a dated reason, with the reason's names.

    Attributes:
        date: the local date.
        kind: national holiday, cuti bersama, or local closure.
        name_id: the reason in Indonesian (e.g. ``Hari Suci Nyepi``).
        name_en: the reason in English (e.g. ``Day of Silence``).
        estimated: ``True`` when ``holidays`` only estimates the date (an Islamic, Chinese or
            Buddhist feast beyond the years confirmed by decree): the real date may differ.
        source: where the fact comes from.

    Examples:
        >>> from adminduk.schedule import national_days
        >>> nyepi = next(d for d in national_days(2020) if d.date == dt.date(2020, 3, 25))
        >>> nyepi.kind, nyepi.name_id, nyepi.name_en, nyepi.estimated
        (<ClosureKind.HOLIDAY: 'libur-nasional'>, 'Hari Suci Nyepi', 'Day of Silence', False)
    """

    date: dt.date
    kind: ClosureKind
    name_id: str
    name_en: str
    estimated: bool
    source: str

    def name(self, lang: str = "id") -> str:
        """The reason in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk.schedule import national_days
            >>> national_days(2020)[0].name("en")
            "New Year's Day"
        """
        return self.name_en if english(lang) else self.name_id


TABLE_FILE: Final = "national_days.json"
PRECOMPUTED_TABLE: Final = "precomputed/national_days.pickle"
_KINDS: Final = {"public": ClosureKind.HOLIDAY, "government": ClosureKind.CUTI_BERSAMA}


def _source(category: str, version: str) -> str:
    return f"python-holidays {version}, country ID, category {category}"


@cache
def _installed_version() -> str:
    from importlib.metadata import version

    return version("holidays")


def from_holidays(year: int) -> tuple[ClosedDay, ...]:
    """Every national holiday and cuti bersama day of ``year``, asked of ``holidays`` itself.

    Examples:
        >>> from_holidays(2020) == national_days(2020)
        True
    """
    import holidays
    from holidays.constants import GOVERNMENT, PUBLIC

    days: list[ClosedDay] = []
    for category, kind in ((PUBLIC, ClosureKind.HOLIDAY), (GOVERNMENT, ClosureKind.CUTI_BERSAMA)):
        names_id = holidays.country_holidays(
            "ID", years=year, categories=(category,), language="id"
        )
        names_en = holidays.country_holidays(
            "ID", years=year, categories=(category,), language="en_US"
        )
        source = _source(category, _installed_version())
        for day, written in names_id.items():
            name_en = names_en.get(day, written)
            name_id = _spelled(written)
            estimated = any(mark in f"{name_id} {name_en}" for mark in _ESTIMATED_MARKS)
            days.append(ClosedDay(day, kind, name_id, name_en, estimated, source))
    days.sort(key=lambda d: (d.date, d.kind != ClosureKind.HOLIDAY))
    return tuple(days)


# ``holidays`` writes the Indonesian for a substitute day as "Pegangti" (its observed label,
# "Pegangti %s"); the word is "Pengganti" (KBBI). Corrected here, where its names are read.
_MISSPELLED: Final = ("Pegangti ", "Pengganti ")


def _spelled(name_id: str) -> str:
    """A holiday's Indonesian name as the language writes it.

    Examples:
        >>> _spelled("Pegangti Hari Raya Idul Fitri")
        'Pengganti Hari Raya Idul Fitri'
    """
    wrong, right = _MISSPELLED
    return right + name_id[len(wrong) :] if name_id.startswith(wrong) else name_id


def table_rows(days: tuple[ClosedDay, ...]) -> list[list[Any]]:
    """``days`` as rows of the table file: date, category, names, estimated.

    Examples:
        >>> table_rows(national_days(2020))[0]
        ['2020-01-01', 'public', 'Tahun Baru Masehi', "New Year's Day", False]
    """
    category = {kind: name for name, kind in _KINDS.items()}
    return [
        [d.date.isoformat(), category[d.kind], d.name_id, d.name_en, d.estimated] for d in days
    ]


def _installed_is(version: str) -> bool:
    """Whether the installed ``holidays`` is ``version``, found without importing it."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or not spec.submodule_search_locations:
        return False
    site = os.path.dirname(next(iter(spec.submodule_search_locations)))
    return os.path.isdir(os.path.join(site, f"holidays-{version}.dist-info"))


def read_table(text: str) -> dict[str, Any]:
    """The table file's text, parsed: what its precomputed form holds.

    Examples:
        >>> read_table('{"holidays": "0.1", "years": {}}')["holidays"]
        '0.1'
    """
    import json  # only where the precomputed form is not the file's: ~1 ms of a cold start

    table: dict[str, Any] = json.loads(text)
    return table


@cache  # read once; two threads reading it at once get equal tables
def _table() -> dict[str, Any] | None:
    """The table, if it was written from the installed ``holidays``; else ``None``."""
    from adminduk._core import precomputed

    # A plain path, not importlib.resources (as the national law is read): importing it alone
    # would cost a first answer several milliseconds.
    data = Path(__file__).parent / "data"
    source = data / TABLE_FILE
    table = precomputed.load(
        source, data / PRECOMPUTED_TABLE, dict, lambda: read_table(source.read_text("utf-8"))
    )
    return table if _installed_is(table["holidays"]) else None


def national_days(year: int) -> tuple[ClosedDay, ...]:
    """Every national holiday and cuti bersama day of ``year``, in date order.

    Names come in Indonesian and English whatever the environment's locale (``holidays`` would
    otherwise pick the language from ``LANG``).

    Examples:
        >>> days = national_days(2020)
        >>> [d.date for d in days] == sorted(d.date for d in days)
        True
        >>> [(d.name_en, d.kind.value) for d in days][-2:]
        [('Christmas Day', 'libur-nasional'), ('Eid al-Fitr Joint Holiday (observed)', 'cuti-bersama')]
        >>> [d.name_en for d in national_days(2028) if d.estimated][:2]
        ['Lunar New Year (estimated)', 'Eid al-Fitr (estimated)']
        >>> national_days(1900)
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: year=1900 is out of range; valid: a year from 2000 to 2099
    """  # noqa: E501
    from adminduk._core.arguments import integer
    from adminduk.schedule._zone import FIRST_YEAR, LAST_YEAR

    valid = f"a year from {FIRST_YEAR} to {LAST_YEAR}"
    return _national_days(integer("year", year, FIRST_YEAR, LAST_YEAR, valid))


@cache
def _national_days(year: int) -> tuple[ClosedDay, ...]:
    table = _table()
    rows = None if table is None else table["years"].get(str(year))
    if table is None or rows is None:
        return from_holidays(year)
    version = table["holidays"]
    return tuple(
        ClosedDay(
            dt.date.fromisoformat(day),
            _KINDS[category],
            name_id,
            name_en,
            estimated,
            _source(category, version),
        )
        for day, category, name_id, name_en, estimated in rows
    )


@cache
def cuti_bersama_horizon() -> int:
    """The last year for which ``holidays`` lists cuti bersama (the last decree it knows).

    Beyond it the package has no cuti bersama at all, so a calendar that closes on cuti bersama
    cannot know which days will be closed.

    Examples:
        >>> cuti_bersama_horizon() >= 2027
        True
    """
    from adminduk.schedule._zone import FIRST_YEAR

    table = _table()
    if table is None:
        return horizon_from_holidays()
    years = (
        int(year)
        for year, rows in table["years"].items()
        if any(row[1] == "government" for row in rows)
    )
    return max(years, default=FIRST_YEAR - 1)


def horizon_from_holidays() -> int:
    """:func:`cuti_bersama_horizon`, asked of ``holidays`` itself (the table's source)."""
    import holidays
    from holidays.constants import GOVERNMENT

    from adminduk.schedule._zone import FIRST_YEAR, LAST_YEAR

    days = holidays.country_holidays(
        "ID", years=range(FIRST_YEAR, LAST_YEAR + 1), categories=(GOVERNMENT,), language="id"
    )
    return max((day.year for day in days), default=FIRST_YEAR - 1)


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.schedule", __all__, globals())
