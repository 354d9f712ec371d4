"""The table of national days is what the installed ``holidays`` answers, year by year."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

from adminduk.schedule import _national
from adminduk.schedule._zone import FIRST_YEAR, LAST_YEAR

HINT = "the table is stale: run python scripts/gen_national_days.py"


def test_the_table_was_written_from_the_installed_holidays() -> None:
    table = _national._table()
    if table is None:
        # Answers stay right (they come from holidays itself), only a first one is slower.
        pytest.skip(f"holidays {version('holidays')} is not the table's version: {HINT}")
    assert table["holidays"] == version("holidays")
    assert sorted(map(int, table["years"])) == list(range(FIRST_YEAR, LAST_YEAR + 1))


def test_a_table_of_another_holidays_version_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_national, "_installed_is", lambda version: False)
    _national._table.cache_clear()
    _national._national_days.cache_clear()
    _national.cuti_bersama_horizon.cache_clear()
    try:
        assert _national._table() is None
        assert _national.national_days(2020) == _national.from_holidays(2020)
        assert _national.cuti_bersama_horizon() == _national.horizon_from_holidays()
    finally:
        monkeypatch.undo()
        _national._table.cache_clear()
        _national._national_days.cache_clear()
        _national.cuti_bersama_horizon.cache_clear()


def test_the_installed_version_is_found_without_importing_holidays() -> None:
    assert _national._installed_is(version("holidays"))
    assert not _national._installed_is("0.0")


@pytest.mark.parametrize("year", range(FIRST_YEAR, LAST_YEAR + 1))
def test_every_year_of_the_table_equals_holidays(year: int) -> None:
    assert _national.national_days(year) == _national.from_holidays(year), HINT


def test_the_cuti_bersama_horizon_equals_holidays() -> None:
    assert _national.cuti_bersama_horizon() == _national.horizon_from_holidays(), HINT


def test_a_year_outside_the_table_is_asked_of_holidays() -> None:
    outside = _national._national_days(LAST_YEAR + 1)  # the public call refuses such a year
    assert outside == _national.from_holidays(LAST_YEAR + 1)
    assert outside[0].date.year == LAST_YEAR + 1


def test_a_first_answer_does_not_import_holidays() -> None:
    code = (
        "import sys, datetime as dt, adminduk\n"
        "adminduk.advise('35.14', 'kk/perubahan', dt.datetime(2020, 3, 24, 10))\n"
        "print(sorted(m for m in ('holidays', 'babel') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
