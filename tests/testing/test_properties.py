"""The office property tests the pytest plugin runs, called directly on the built-in offices."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk.testing._properties import PROPERTIES, check_advice


@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda p: p.id)
@pytest.mark.parametrize("code", ["35.14", "52.06"])
def test_the_properties_hold_for_built_in_offices(prop: object, code: str) -> None:
    prop.run(adminduk.get_office(code), 15)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("code", "service", "at", "outcome"),
    [
        ("35.14", "ktp-el/cetak-ulang", dt.datetime(2020, 3, 24, 9), "online"),  # ready_by
        ("35.04", "ktp-el/baru", dt.datetime(2020, 3, 20, 9), "defer"),
        ("52.06", "ktp-el/baru", dt.datetime(2020, 5, 4, 9), "unavailable"),
        ("52.71", "ktp-el/baru", dt.datetime(2020, 3, 25, 9), "in-person"),
    ],
)
def test_every_kind_of_advice_passes_the_checks(
    code: str, service: str, at: dt.datetime, outcome: str
) -> None:
    office = adminduk.get_office(code)
    advice = adminduk.advise(office, service, at=at)
    assert advice.outcome.value == outcome
    check_advice(office, advice)


def test_a_broken_advice_fails_the_checks() -> None:
    office = adminduk.get_office("35.14")
    advice = adminduk.advise(office, "ktp-el/cetak-ulang", at=dt.datetime(2020, 3, 24, 9))
    assert advice.ready_by is not None

    def changed(**fields: object) -> adminduk.Advice:
        return adminduk.Advice.model_validate({**advice.model_dump(), **fields})

    early = changed(ready_by=advice.at)
    with pytest.raises(AssertionError, match="ready after the request"):
        check_advice(office, early)
    silent = changed(outcome=adminduk.Outcome.DEFER)
    with pytest.raises(AssertionError, match="names no channel"):
        check_advice(office, silent)
