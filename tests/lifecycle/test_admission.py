"""ServiceRequest.submit agrees with advise: what advise refuses, submit refuses."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adminduk
from adminduk import ChannelKind, NotOffered, ServiceRequest, UnknownReason, catalogue

CODES = ["35.13", "35.14", "52.71", "35.04", "52.06"]
REASONS = [(), ("rumah-sakit",), ("bpjs",), ("tni-polri",)]


def test_bimas_first_ktp_el_is_refused_while_it_is_unavailable() -> None:
    at = dt.datetime(2020, 5, 20, 10)
    assert adminduk.advise("52.06", "ktp-el/baru", at=at).outcome.value == "unavailable"
    for channel in ChannelKind:
        with pytest.raises(NotOffered) as caught:
            ServiceRequest.submit("52.06", "ktp-el/baru", at=at, channel=channel)
        assert caught.value.outcome == "unavailable"
        assert caught.value.offered == ()
        assert "ktp-el/baru" in str(caught.value)


def test_a_historical_record_is_imported_with_check_false() -> None:
    at = dt.datetime(2020, 5, 20, 10)
    req = ServiceRequest.submit("52.06", "ktp-el/baru", at=at, channel="whatsapp", check=False)
    done = req.apply("start_verification", at).apply("approve", at)
    assert done.status.value == "verified"
    assert ServiceRequest.from_history(done.history) == done  # replay never re-checks


def test_a_channel_the_office_does_not_take_the_service_through_is_refused() -> None:
    at = dt.datetime(2020, 3, 24, 10)
    with pytest.raises(NotOffered) as caught:
        ServiceRequest.submit("35.14", "kk/perubahan", at=at, channel="counter")
    assert caught.value.offered == ("whatsapp",)
    assert ServiceRequest.submit("35.14", "kk/perubahan", at=at, channel="whatsapp")


def test_an_urgent_case_is_let_in_at_the_counter_as_advise_says() -> None:
    at = dt.datetime(2020, 3, 24, 10)
    req = ServiceRequest.submit(
        "35.14", "kk/perubahan", at=at, channel="counter", reasons=["rumah-sakit"]
    )
    assert req.channel is ChannelKind.COUNTER


def test_reasons_are_checked_as_advise_checks_them() -> None:
    with pytest.raises(UnknownReason, match="did you mean 'bpjs'"):
        ServiceRequest.submit(
            "35.14", "kk/perubahan", at=dt.datetime(2020, 3, 24, 10), channel="whatsapp",
            reasons=["bpj"],
        )  # fmt: skip


@pytest.mark.no_cover
@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(CODES),
    st.sampled_from([entry.service for entry in catalogue()]),
    st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2021, 6, 30)),
    st.sampled_from(list(ChannelKind)),
    st.sampled_from(REASONS),
)
def test_submit_takes_exactly_what_some_advice_sends_that_way(
    code: str,
    service: adminduk.Service,
    at: dt.datetime,
    channel: ChannelKind,
    reasons: tuple[str, ...],
) -> None:
    routes = set()
    for has_whatsapp in (True, False):
        advice = adminduk.advise(code, service, at=at, reasons=reasons, has_whatsapp=has_whatsapp)
        routes |= {ch.kind for ch in advice.channels}
        if advice.in_person_allowed:
            routes.add(ChannelKind.COUNTER)
    try:
        ServiceRequest.submit(code, service, at=at, channel=channel, reasons=reasons)
    except NotOffered as err:
        assert channel not in routes
        assert set(err.offered) == {kind.value for kind in routes}
    else:
        assert channel in routes


@pytest.mark.parametrize("year", [1890, 2100, 9999])
def test_an_instant_advise_cannot_answer_for_is_refused_as_advise_refuses_it(year: int) -> None:
    at = dt.datetime(year, 3, 24, 10)
    with pytest.raises(adminduk.OutOfRange) as advised:
        adminduk.advise("35.14", "kk/perubahan", at=at)
    with pytest.raises(adminduk.OutOfRange) as submitted:
        ServiceRequest.submit("35.14", "kk/perubahan", at=at, channel="whatsapp")
    assert submitted.value.valid == advised.value.valid
    assert ServiceRequest.submit("35.14", "kk/perubahan", at=at, channel="whatsapp", check=False)


def test_a_bare_date_is_asked_for_as_a_datetime_by_submit_and_apply():
    import datetime as _dt

    from adminduk import NeedsDatetime, ServiceRequest

    with pytest.raises(NeedsDatetime):
        ServiceRequest.submit("35.14", "kk/baru", at=_dt.date(2020, 3, 24), channel="whatsapp")
    request = ServiceRequest.submit(
        "35.14", "kk/perubahan", at=_dt.datetime(2020, 3, 24, 10), channel="whatsapp"
    )
    with pytest.raises(NeedsDatetime):
        request.apply("start_verification", at=_dt.date(2020, 3, 25))


def test_check_must_be_a_bool():
    import datetime as _dt

    from adminduk import OutOfRange, ServiceRequest

    with pytest.raises(OutOfRange, match="check"):
        ServiceRequest.submit(
            "35.14", "kk/perubahan", at=_dt.datetime(2020, 3, 24, 10), channel="whatsapp",
            check="no",  # type: ignore[arg-type]
        )  # fmt: skip
