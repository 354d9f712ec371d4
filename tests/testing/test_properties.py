"""The kit's checks of an advice: what they find, and that ``python -O`` cannot strip them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import adminduk
from adminduk.testing import PropertyFailed, check_advice

from .common import BROKEN

# That the properties hold for every built-in office and the example is part of the contract
# every office passes (tests/test_every_office.py).


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
    with pytest.raises(PropertyFailed, match="ready after the request") as failed:
        check_advice(office, early)
    assert failed.value.expected == "documents are ready after the request"
    assert failed.value.counterexample == {
        "office": "35.14",
        "service": "ktp-el/cetak-ulang",
        "at": "2020-03-24T09:00:00+07:00",
        "policy": "covid-19-layanan-whatsapp",
        "outcome": "online",
        "rule": advice.rule_id,
    }
    silent = changed(outcome=adminduk.Outcome.DEFER)
    with pytest.raises(AssertionError, match="names no channel"):  # still an AssertionError
        check_advice(office, silent)
    counterless = changed(outcome=adminduk.Outcome.IN_PERSON, in_person_allowed=True)
    with pytest.raises(PropertyFailed, match="the counter comes first"):
        check_advice(office, counterless)
    unrouted = changed(outcome=adminduk.Outcome.IN_PERSON, in_person_allowed=True, channels=())
    with pytest.raises(PropertyFailed, match="names the counter"):
        check_advice(office, unrouted)


_UNDER_O = f"""
import datetime as dt, sys
from hypothesis import Phase, settings
import adminduk
from adminduk.testing import PropertyFailed, check_advice
from adminduk.testing._properties import PROPERTIES

assert False, "asserts must be off for this test to mean anything"
settings.register_profile("o", phases=[Phase.generate], max_examples=20, derandomize=True,
                          database=None)
settings.load_profile("o")
office = adminduk.get_office("35.14")
advice = adminduk.advise(office, "ktp-el/cetak-ulang", at=dt.datetime(2020, 3, 24, 9))
try:
    check_advice(office, advice.model_copy(update={{"ready_by": advice.at}}))
except PropertyFailed as err:
    print("advice:", err.expected)
broken = adminduk.load_office({str(BROKEN)!r})
routes = next(p for p in PROPERTIES if p.id == "routes")
try:
    routes.run(broken, 20)
except PropertyFailed as err:
    print("office:", err.expected)
"""


def test_the_checks_hold_under_python_dash_o() -> None:
    # `python -O` strips `assert` statements; the kit must still fail a broken advice and a
    # broken office there (the script's own `assert False` proves asserts are off).
    out = subprocess.run(
        [sys.executable, "-O", "-c", _UNDER_O], capture_output=True, text=True, check=True
    )
    lines = out.stdout.splitlines()
    assert lines[0] == "advice: documents are ready after the request"
    assert lines[1].startswith("office: nobody can apply for ")
    assert "under policy 'pintu-tertutup'" in lines[1]
