"""Reading ``--at`` and ``--week``: ISO 8601 and the forms a person types."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk.cli import main, parse_when
from adminduk.errors import OutOfRange

from .conftest import run_main

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31)).map(
    lambda t: t.replace(second=0, microsecond=0)
)


@given(moments)
def test_iso_8601_round_trips(moment):
    assert parse_when(moment.isoformat()) == moment
    assert parse_when(moment.strftime("%Y-%m-%d %H:%M")) == moment


@given(moments)
def test_the_indonesian_way_of_writing_a_moment(moment):
    typed = (
        f"{DAYS_ID[moment.weekday()]}, {moment.day} {MONTHS_ID[moment.month - 1]} {moment.year} "
        f"pukul {moment.hour:02d}.{moment.minute:02d}"
    )
    assert parse_when(typed) == moment


@given(moments)
def test_day_comes_before_month(moment):
    assert parse_when(f"{moment.day}/{moment.month}/{moment.year} {moment:%H.%M}") == moment
    assert (
        parse_when(f"{moment.day:02d}.{moment.month:02d}.{moment.year} {moment:%H:%M}") == moment
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-03-24", dt.datetime(2020, 3, 24)),
        ("2020/03/24 10.00", dt.datetime(2020, 3, 24, 10, 0)),
        ("24 Mar 2020 10:00", dt.datetime(2020, 3, 24, 10, 0)),
        ("24 Agt 2020", dt.datetime(2020, 8, 24)),
        ("tanggal 1 Desember 2020 jam 9.30", dt.datetime(2020, 12, 1, 9, 30)),
        ("March 24, 2020 10am", dt.datetime(2020, 3, 24, 10, 0)),
    ],
)
def test_examples(text, expected):
    assert parse_when(text) == expected


def test_zone_names_set_the_offset():
    for name, hours in (("WIB", 7), ("WITA", 8), ("WIT", 9)):
        moment = parse_when(f"24 Maret 2020 10.00 {name}")
        assert moment.utcoffset() == dt.timedelta(hours=hours)
    assert parse_when("2020-03-24T10:00+07:00").utcoffset() == dt.timedelta(hours=7)


def test_missing_parts_come_from_today():
    today = dt.datetime(2020, 3, 24, 15, 45)
    assert parse_when("10.00", today=today) == dt.datetime(2020, 3, 24, 10, 0)
    assert parse_when("Maret 2020", today=today) == dt.datetime(2020, 3, 24, 0, 0)


def test_without_a_today_the_missing_parts_come_from_jakartas_date():
    jakarta = dt.timezone(dt.timedelta(hours=7))
    before = dt.datetime.now(jakarta).date()
    got = parse_when("10.00").date()
    assert before <= got <= dt.datetime.now(jakarta).date()


@pytest.mark.parametrize("text", ["", "   ", "kemarin", "32/13/2020", "10.00.00.00", "9" * 40])
def test_unreadable_text_is_out_of_range(text):
    with pytest.raises(OutOfRange, match="ISO 8601"):
        parse_when(text)


def test_a_non_string_is_out_of_range():
    with pytest.raises(OutOfRange):
        parse_when(None)  # type: ignore[arg-type]


@pytest.mark.no_cover
@given(st.text(max_size=40))
def test_any_at_gives_an_answer_or_one_error_line(text):
    run = run_main("advise", "35.14", "kk/perubahan", "--at", text, "--json")
    assert run.code in (0, 2)
    if run.code:
        assert len(run.err.splitlines()) == 1
        assert run.err.startswith("adminduk: error: ")
    else:
        assert run.out.startswith("{")


def test_main_reads_sys_argv_when_no_argv_is_given(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["adminduk", "schema"])
    assert main() == 0
    assert '"title": "adminduk office file"' in capsys.readouterr().out
