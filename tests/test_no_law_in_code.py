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

An office's law is its data file (``offices/data/*.toml``, and the example plugin's), and two of
its kinds of fact are held out of Python too (:func:`office_facts`):

* the days its measures run: the first and last day of a policy, a service standard, a
  requirement change, a closure or an hours override, an extra opening's day, and the days
  just outside a measure (the eve of its first day, the morrow of its last), in the same forms
  as the national dates (an ISO day also inside an instant, ``2020-04-08T00:00:00+07:00``);
* its working-hour ranges, as above or as a pair of quoted times (``'08:00:00', '11:00:00'``).

They may appear in a docstring example's input, in an output that repeats that input, and as a
format example; see :func:`office_facts` for why.
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
        rf"(?<![\w-]){day:%Y-%m-%d}(?!\d)"  # also an instant: 2020-04-08T00:00:00+07:00
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


# -- an office's facts -----------------------------------------------------------------------
OFFICE_FILES = sorted((SRC / "offices" / "data").glob("*.toml")) + sorted(
    (SRC.parent.parent / "examples" / "adminduk-kantor-contoh" / "src").rglob("*.toml")
)
# The fields of an office file that hold the days its measures run: a policy's, a service
# standard's and a requirement change's validity, a closure's and an hours override's first and
# last day, an extra opening's day. A source's ``published`` day and a standard's ``issued`` day
# date a document, not a measure, and are left out.
_MEASURE_DAYS = frozenset({"valid_from", "valid_until", "start", "end", "date"})
_RANGE = re.compile(r"(\d\d)[:.](\d\d)\s*[-–—]\s*(\d\d)[:.](\d\d)")


def _office_days(value: Any, field: str = "") -> Iterator[dt.date]:
    """Every day a measure starts or ends, and the days just outside it (its eve, its morrow).

    The days outside are facts too: a policy's end is written as the next day's midnight
    (schema.org's ``expires``), a standard's start as the previous one's end.
    """
    if isinstance(value, dt.date):
        if field in _MEASURE_DAYS:
            yield value
        if field in {"valid_from", "start"}:
            yield value - dt.timedelta(days=1)
        elif field in {"valid_until", "end"}:
            yield value + dt.timedelta(days=1)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _office_days(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _office_days(item, field)


def _office_ranges(value: Any, under_hours: bool = False) -> Iterator[str]:
    """Every opening interval written under an ``hours`` key, as ``HH:MM-HH:MM``."""
    if isinstance(value, str) and under_hours:
        for hit in _RANGE.finditer(value):
            yield "{}:{}-{}:{}".format(*hit.groups())
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _office_ranges(item, under_hours or name == "hours")
    elif isinstance(value, list):
        for item in value:
            yield from _office_ranges(item, under_hours)


def _range_pattern(text: str) -> re.Pattern[str]:
    """A range with ``:`` or ``.`` and any dash, or its ends as a pair of quoted times."""
    start, end = text.split("-")
    return re.compile(
        rf"(?<![\d:.]){_clock(start)}\s*[-–—]\s*{_clock(end)}(?!\d|[:.]\d)"
        rf"|['\"]{start}(?::00)?['\"],\s*['\"]{end}(?::00)?['\"]"
    )


def _office_patterns() -> list[tuple[str, re.Pattern[str]]]:
    days: set[dt.date] = set()
    ranges: set[str] = set()
    for path in OFFICE_FILES:
        data = tomllib.loads(path.read_text("utf-8"))
        days.update(_office_days(data))
        ranges.update(_office_ranges(data))
    found = [(f"an office's date {day}", _date_pattern(day)) for day in sorted(days)]
    found += [(f"an office's hours {text}", _range_pattern(text)) for text in sorted(ranges)]
    return found


OFFICE_PATTERNS = _office_patterns()
# A value written to show a format ("a date such as ...", "e.g. '08:00-15:00'", a JSON-schema
# ``examples`` list) is the shape of a value, not an office's statement.
_FORMAT_EXAMPLE = re.compile(r"(?:\be\.g\.,?|\bsuch as|\blike|\"examples\":\s*\[)\s*[`'\"]*$")


def _is_input(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith((">>> ", "... ")) or stripped in {">>>", "..."}


def office_facts(text: str) -> list[tuple[int, str, str]]:
    """(line, what, the text found) for every office fact in ``text``.

    An office's dates and hours count in code, strings, comments, docstring prose and a
    docstring example's *output*. Unlike the national facts of :func:`legal_facts`, they do not
    count

    * in an example's *input* (``>>>`` and ``...`` lines): a query day is the reader's choice,
      and examples ask on a measure's first day or the day before it to show where it starts;
      an example's own calendar (``WeeklyHours.parse({"senin": "08:00-15:00"})``) is the
      example's data. The national dates can be banned in inputs too because they are few and
      no example needs to ask on them; the offices' are many and include ordinary days
      (1 January, a Monday of March 2020). Outputs are held all the same, even computed ones:
      an example whose answer falls on an office's day by chance (the Monday after a Friday)
      shows it another way (``.strftime("%A")``), since nothing in the text tells a computed
      day from one read out of an office's file;
    * in an output that repeats what the example's input states (``TimeRange.parse("08.00-11.00")``
      shows ``TimeRange('08:00-11:00')``): the example's data again, not the office's;
    * right after "e.g.", "such as", "like" or in a JSON-schema ``"examples"`` list: the
      shape of a value, in an error message or a docstring about parsing.
    """
    found: list[tuple[int, str, str]] = []
    inputs: list[str] = []  # the input lines of the example being read, if any
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if _is_input(line):
            inputs.append(line)
            continue
        in_output = bool(inputs) and stripped != "" and not stripped.startswith('"""')
        if not in_output:
            inputs = []
        for what, pattern in OFFICE_PATTERNS:
            for hit in pattern.finditer(line):
                if _FORMAT_EXAMPLE.search(line[: hit.start()]):
                    continue
                if in_output and any(pattern.search(given) for given in inputs):
                    continue
                found.append((number, what, hit.group()))
    return found


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


def test_every_office_file_gives_days_and_hours() -> None:
    # The built-in offices and the example plugin, and both kinds of fact from them.
    assert any("adminduk-kantor-contoh" in path.as_posix() for path in OFFICE_FILES)
    assert any("date" in what for what, _ in OFFICE_PATTERNS)
    assert any("hours" in what for what, _ in OFFICE_PATTERNS)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        # A policy's first and last day (35.04), as ISO, a date literal and in words.
        ("from 2020-03-18 to 2020-04-07; the counter serves urgent needs only.", "2020-04-07"),
        ("        ('se', datetime.date(2020, 3, 18), None)", "2020-03-18"),
        ("berlaku sejak 18 Maret 2020", "2020-03-18"),
        # A service standard's last day (35.74), a requirement change's first (53.04).
        ("    valid_until=dt.date(2020, 12, 31)", "2020-12-31"),
        ("# the new list holds from 2024-05-01", "2024-05-01"),
        # The example plugin's closure.
        ("closed on 2031-08-18", "2031-08-18"),
        # An office's hours, in code and in a doctest output, in each written form.
        ('    hours = {"jumat": "08:00-11:00"}', "08:00-11:00"),
        ("        (datetime.date(2020, 3, 17), '08:00-11:00')", "08:00-11:00"),
        ("        [('08:00:00', '11:00:00', 'x')]", "08:00-11:00"),
        # The eve of a requirement change's first day (53.04).
        ("        (datetime.date(2024, 4, 30), False)", "2024-04-30"),
        # Prose after an example: the example has ended, its input no longer counts.
        (
            "    >>> p.covers(dt.date(2020, 4, 7))\n    True\n\n    It ends on 2020-04-07.",
            "2020-04-07",
        ),
        # The day after a policy's last day, as the instant it ends.
        ("        ['2020-04-08T00:00:00+07:00']", "2020-04-08"),
        ("buka 08.00–16.30", "08:00-16:30"),
        # An output that the example's input does not state.
        (">>> hours_on(office, day)\n(TimeRange('08:00-11:00'),)", "08:00-11:00"),
    ],
)
def test_each_kind_of_office_fact_is_found(text: str, what: str) -> None:
    assert any(what in found for _, found, _ in office_facts(text))


@pytest.mark.parametrize(
    "text",
    [
        # A query day, even a measure's first day, and an example's own calendar (inputs).
        "    >>> office.policy_at(dt.date(2020, 3, 18)).id",
        '    ...     "hours": {"senin": "08:00-15:00", "jumat": "08:00-11:00"},',
        # An output repeating the example's input.
        "    >>> TimeRange.parse(\"08.00–11.00\")\n    TimeRange('08:00-11:00')",
        # The shape of a value.
        '"date_type": "a date such as 2020-03-18",',
        "write the interval as opens-closes, e.g. '08:00-15:00'",
        "raise _RangeProblem(\"must look like '08:00-15:00' (HH:MM-HH:MM)\")",
        '"examples": ["08:00-15:00"],',
        # No office's: a date no office file gives, a range inside a longer one.
        "2020-03-24",
        "08:00-11:005",
        "a date and time such as 2020-03-23T09:00",
        "2020-03-170",
    ],
)
def test_what_is_not_an_office_fact_is_not_found(text: str) -> None:
    assert office_facts(text) == []


def test_no_office_fact_is_written_in_python() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {what} ({text!r})"
        for path in _modules()
        for line, what, text in office_facts(path.read_text("utf-8"))
    ]
    assert not found, (
        "an office's dates or hours written in Python; an example shows them through the API "
        "from the office's data file (offices/data/*.toml), code reads them:\n" + "\n".join(found)
    )
