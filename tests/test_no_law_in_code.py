"""No legal fact in Python: the law is data, and code reads it (issue 26, "Done when").

A legal fact, for this test, is any of:

* a reference to a regulation: an act's kind and its number and year (``UU 24/2013``,
  ``Perpres 96/2018``, ``Kepmendagri 300.2.2-2138/2025``, ``SE 470/318/105/2020``), or an
  article (``Pasal 79A``);
* a date the national law file states (a source's date, the start or end of a measure, the end
  of the pandemic status and the last day before it), written as ISO (``2023-06-21``), as a
  ``date(...)``/``datetime(...)`` literal, or in words in English or Indonesian
  (``21 June 2023``, ``21 Juni 2023``);
* a working hour the national law file states: one of its ranges (``07:30-12:00``, with ``:``
  or ``.`` and any dash), or a boundary time off the full hour (``07:30``, ``11:30``, ``16:30``,
  also as ``time(7, 30)``). Times on the full hour (``12:00``) are every example's, so only
  the ranges catch them.

None may appear anywhere in ``src/**/*.py``: not in code, strings, comments or docstrings, not
in a docstring example's input or its output. A docstring that needs one reads it from the data
in the example. The only exception is the national law's loader, :data:`ALLOWED`.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "adminduk"
LAW = SRC / "_law" / "national.toml"

# The loader of the national law file: the only Python that may name what the file states.
ALLOWED = frozenset({"_law/__init__.py", "_law/_source.py"})

_KINDS = (
    r"UU|PP|Perpres|Keppres|Inpres|Permendagri|Kepmendagri|Permenpan(?:-?RB)?|Kepmenpan"
    r"|MenPAN-RB|Perda|Perbup|Perwali|Pergub|SKB|SE|Surat Edaran|Surat Dirjen|Kepmen\w*|Permen\w*"
)
REGULATION = re.compile(
    rf"\b(?:{_KINDS})\.?\s+(?:No\.?\s*|Nomor\s+)?[A-Z0-9][\w.\-]*(?:/[\w.\-]+)*/(?:19|20)\d\d\b"
    r"|\bPasal\s+\d+"
)
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def _dates(value: Any, field: str = "") -> Iterator[dt.date]:
    """Every date of the national file, and the last day before each ``effective`` one."""
    if isinstance(value, dt.date):
        yield value
        if field == "effective":
            yield value - dt.timedelta(days=1)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _dates(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _dates(item, field)


def _date_pattern(day: dt.date) -> re.Pattern[str]:
    month_en, month_id = _MONTHS_EN[day.month - 1], _MONTHS_ID[day.month - 1]
    return re.compile(
        rf"\b{day:%Y-%m-%d}\b"
        rf"|\bdate(?:time)?\(\s*{day.year}\s*,\s*0?{day.month}\s*,\s*0?{day.day}\b"
        rf"|\b{day.day}\s+(?:{month_en}|{month_id})\s+{day.year}\b"
    )


def _clock(text: str) -> str:
    return rf"{text[:2]}[:.]{text[3:]}"


def _hour_patterns(law: dict[str, Any]) -> Iterator[tuple[str, re.Pattern[str]]]:
    ranges = {r for day in law["working_hours"]["hours"].values() for r in day}
    for text in sorted(ranges):
        start, end = text.split("-")
        yield text, re.compile(rf"{_clock(start)}\s*[-–—]\s*{_clock(end)}")
        for time in (start, end):
            if not time.endswith(":00"):
                hour, minute = int(time[:2]), int(time[3:])
                yield (
                    time,
                    re.compile(
                        rf"(?<![\d:.]){_clock(time)}(?!\d)|\btime\(\s*{hour}\s*,\s*{minute}\s*\)"
                    ),
                )


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    law = tomllib.loads(LAW.read_text("utf-8"))
    found: list[tuple[str, re.Pattern[str]]] = [("a regulation", REGULATION)]
    found += [(f"the date {day}", _date_pattern(day)) for day in sorted(set(_dates(law)))]
    found += [(f"the working hour {text}", pattern) for text, pattern in _hour_patterns(law)]
    return found


PATTERNS = _patterns()


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def legal_facts(text: str) -> list[tuple[int, str, str]]:
    """(line, what, the text found) for every legal fact in ``text``."""
    return [
        (number, what, hit.group())
        for number, line in enumerate(text.splitlines(), 1)
        for what, pattern in PATTERNS
        for hit in pattern.finditer(line)
    ]


def test_the_allowlist_names_the_loader_and_nothing_else() -> None:
    for name in ALLOWED:
        assert (SRC / name).is_file(), name
    assert {path.parent.name for path in map(SRC.joinpath, ALLOWED)} == {"_law"}


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("# the fee rule (UU 24/2013 Pasal 79A)", "a regulation"),
        ('title = "Keppres 41/1987 (WIB, WITA, WIT)"', "a regulation"),
        ("    >>> source_info('Kepmendagri 300.2.2-2138/2025')", "a regulation"),
        ("the SE 470/318/105/2020 of the Bupati", "a regulation"),
        ("    datetime.date(2023, 6, 21)", "the date 2023-06-21"),
        ("ended by 20 June 2023", "the date 2023-06-20"),
        ("berlaku 21 Juni 2023", "the date 2023-06-21"),
        ("'2020-03-16'", "the date 2020-03-16"),
        ("Fri 07.30–11.30", "the working hour 07:30-11:30"),
        ("    datetime.time(16, 30)", "the working hour 16:30"),
    ],
)
def test_each_kind_of_legal_fact_is_found(text: str, what: str) -> None:
    assert what in [found for _, found, _ in legal_facts(text)]


@pytest.mark.parametrize(
    "text",
    [
        "WeeklyHours.parse({'senin': '08:00-12:00'})",  # an example's hours
        "    >>> advise(office, 'kk/baru', at=dt.datetime(2020, 3, 24, 10))",  # a query's day
        "'+62 813-5954-7691'",
        "a span of 24 hours",
    ],
)
def test_what_is_not_a_legal_fact_is_not_found(text: str) -> None:
    assert legal_facts(text) == []


def test_no_legal_fact_is_written_in_python() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {what} ({text!r})"
        for path in _modules()
        if path.relative_to(SRC).as_posix() not in ALLOWED
        for line, what, text in legal_facts(path.read_text("utf-8"))
    ]
    assert not found, (
        "legal facts written in Python; move them into the national law file "
        "(src/adminduk/_law/national.toml) or the data file they belong to, and read them:\n"
        + "\n".join(found)
    )
