"""--at: refused where a reading would be a guess; a date alone means the office's opening time."""

from __future__ import annotations

import pytest

from adminduk.cli import has_time, main

from .conftest import run_main
from .test_commands import one_error_line


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("3/24/2020", "write the day before the month, as in 24/3/2020"),
        ("12/31/2020 10:00", "write the day before the month, as in 31/12/2020"),
        ("Senin 24/3/2020", "write the weekday of 24 March 2020, a Tuesday (selasa)"),
        ("Friday, 24 March 2020 10.00", "a Tuesday (selasa)"),
        ("kemarin", "use ISO 8601"),
    ],
)
def test_a_guess_is_refused_with_what_to_write(when: str, expected: str) -> None:
    run = run_main("advise", "35.14", "kk/perubahan", "--at", when)
    assert run.code == 2
    assert expected in one_error_line(run)


@pytest.mark.parametrize(
    "when", ["Selasa 24/3/2020 10.00", "24/3/2020 10.00", "Tuesday 24 March 2020"]
)
def test_a_reading_that_fits_is_accepted(when: str) -> None:
    assert run_main("advise", "35.14", "kk/perubahan", "--at", when).code == 0


def test_a_date_alone_means_the_opening_time_that_day_and_says_so() -> None:
    run = run_main("advise", "35.14", "kk/perubahan", "--at", "24/3/2020")
    assert run.out.startswith("(--at hanya memuat tanggal: jawaban ini untuk jam buka kantor")
    timed = run_main("advise", "35.14", "kk/perubahan", "--at", "24/3/2020 07.30")
    assert run.out.split("\n\n", 1)[1] == timed.out
    english = run_main("advise", "35.14", "kk/perubahan", "--at", "2020-03-24", "--lang", "en")
    assert english.out.startswith("(--at gives a date only: this answer is for the office's")


def test_a_date_alone_on_a_closed_day_says_the_office_does_not_open() -> None:
    run = run_main("advise", "35.14", "kk/perubahan", "--at", "2020-03-22")
    assert "kantor tidak buka hari itu" in run.out.splitlines()[0]


@pytest.mark.parametrize(
    ("text", "timed"),
    [("24/3/2020", False), ("2020-03-24", False), ("24.03.2020", False), ("24/3/2020 8.30", True),
     ("2020-03-24T10:00", True), ("24 Maret 2020 pukul 10", True), ("10 am 24/3/2020", True)],
)  # fmt: skip
def test_has_time(text: str, timed: bool) -> None:
    assert has_time(text) is timed


def test_main_is_importable() -> None:
    assert callable(main)
