"""menu: every service with its outcome at one instant, in the order a bot shows them."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adminduk
from adminduk import Outcome, OutOfRange, catalogue, menu
from adminduk.advice import MenuItem
from tests.threads import same_in_threads

ORDER = list(Outcome)
CODES = ["35.13", "35.14", "52.71", "35.04", "52.06"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(CODES),
    st.datetimes(min_value=dt.datetime(2019, 1, 1), max_value=dt.datetime(2021, 12, 31)),
)
def test_every_service_once_ordered_by_outcome_then_catalogue(code: str, at: dt.datetime) -> None:
    items = menu(code, at=at)
    services = [entry.service for entry in catalogue()]
    assert sorted(item.service for item in items) == sorted(services)
    keys = [(ORDER.index(item.outcome), services.index(item.service)) for item in items]
    assert keys == sorted(keys)
    for item in items:
        advice = adminduk.advise(code, item.service, at=at)
        assert item.outcome is advice.outcome
        assert item.advice == advice


def test_labels_are_short_and_in_each_language() -> None:
    item = next(
        i for i in menu("52.71", at=dt.datetime(2020, 3, 25, 10)) if i.service.code == "kk/baru"
    )
    assert item.label() == item.label("id-ID") == "Kartu Keluarga (KK): penerbitan baru"
    assert item.label("EN") == "Family card (KK): first issuance"
    assert isinstance(item, MenuItem)


def test_an_unavailable_service_comes_last() -> None:
    items = menu("52.06", at=dt.datetime(2020, 5, 20, 10))
    assert items[-1].outcome is Outcome.UNAVAILABLE


@pytest.mark.parametrize(
    ("office", "at", "error"),
    [
        ("probolinggo", None, adminduk.OfficeNotFound),
        ("35.13", dt.date(2020, 3, 24), adminduk.NeedsDatetime),
        ("35.13", "2020-03-24", OutOfRange),
    ],
)
def test_bad_input_gets_a_library_error(office: str, at: object, error: type) -> None:
    with pytest.raises(error):
        menu(office, at=at)  # type: ignore[arg-type]


@pytest.mark.no_cover
def test_advise_and_menu_are_thread_safe() -> None:
    moments = [dt.datetime(2020, 3, 16, 8) + dt.timedelta(hours=7 * i) for i in range(24)]
    calls = [partial(menu, code, at=at) for code in CODES for at in moments]
    assert same_in_threads(calls)
