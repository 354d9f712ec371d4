"""Every entry point of advice refuses bad input with an AdmindukError that says what is valid."""

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import (
    AdmindukError,
    NeedsDatetime,
    OfficeNotFound,
    OutOfRange,
    UnknownReason,
    UnknownService,
    advise,
)

WHEN = dt.datetime(2020, 3, 24, 10, 0)


def test_unknown_office_suggests_the_regency():
    with pytest.raises(OfficeNotFound) as info:
        advise("probolinggo", "kk/baru", WHEN)
    assert any("kabupaten-probolinggo" in s for s in info.value.suggestions)


def test_unknown_service_suggests_close_matches():
    with pytest.raises(UnknownService) as info:
        advise("35.14", "kk/ubah", WHEN)
    assert "kk/perubahan" in info.value.suggestions


def test_unknown_reason_lists_the_valid_ones():
    with pytest.raises(UnknownReason) as info:
        advise("35.14", "kk/baru", WHEN, reasons=["bpj"])
    assert "bpjs" in info.value.valid
    assert info.value.suggestions[0] == "bpjs"


def test_a_single_reason_string_is_one_reason_not_letters():
    assert advise("35.04", "kk/baru", WHEN, reasons="rumah-sakit").rule_id == "urgent-counter"


def test_none_means_no_reason():
    assert advise("35.04", "kk/baru", WHEN, reasons=None).rule_id == "online"


@pytest.mark.parametrize("reasons", [42, [None], [3.5], [["bpjs"]]])
def test_reasons_that_are_not_codes_are_refused(reasons):
    with pytest.raises(UnknownReason) as info:
        advise("35.04", "kk/baru", WHEN, reasons=reasons)
    assert "bpjs" in info.value.valid


def test_reasons_are_normalised_and_deduplicated():
    advice = advise("35.04", "kk/baru", WHEN, reasons=[" BPJS", "bpjs"])
    assert advice.rule_id == "urgent-counter"


@pytest.mark.parametrize("value", ["2020-03-24", 1584, object()])
def test_at_must_be_a_datetime(value):
    with pytest.raises(OutOfRange) as info:
        advise("35.14", "kk/baru", value)
    assert info.value.field == "at"


def test_a_bare_date_is_asked_for_as_a_datetime():
    # Issue 15: the time of day decides the answer, so a date is not silently read as midnight.
    with pytest.raises(NeedsDatetime) as info:
        advise("35.14", "kk/baru", dt.date(2020, 3, 24))
    assert info.value.field == "at" and info.value.day == dt.date(2020, 3, 24)
    assert "give a datetime, e.g. datetime(2020, 3, 24, 10, 0)" in str(info.value)
    assert isinstance(info.value, TypeError) and not isinstance(info.value, OutOfRange)


@pytest.mark.parametrize("year", [1900, 2150])
def test_instants_outside_the_calendar_are_out_of_range(year):
    with pytest.raises(OutOfRange):
        advise("35.14", "kk/baru", dt.datetime(year, 1, 2, 10))


def test_aware_instants_are_converted_to_the_office_zone():
    utc = dt.datetime(2020, 3, 24, 3, 0, tzinfo=dt.UTC)
    advice = advise("52.71", "kk/baru", utc)
    assert advice.at.isoformat() == "2020-03-24T11:00:00+08:00"


def test_default_instant_is_now_in_the_office_zone():
    advice = advise("52.06", "kk/baru")
    assert advice.at.utcoffset() == dt.timedelta(hours=8)
    assert abs(advice.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


def test_to_message_refuses_an_unknown_language():
    with pytest.raises(OutOfRange, match="lang"):
        advise("35.14", "kk/baru", WHEN).to_message("fr")  # type: ignore[arg-type]


# Untraced: each refusal it reaches has an example test above.
@pytest.mark.no_cover
@given(
    st.one_of(st.sampled_from(["35.14", "kota-mataram"]), st.text(max_size=20)),
    st.one_of(st.sampled_from(["kk/baru", "ktp-el/baru"]), st.text(max_size=20)),
    st.lists(st.one_of(st.sampled_from(["bpjs", "tni-polri"]), st.text(max_size=12)), max_size=3),
)
def test_arbitrary_text_raises_only_admin_errors(office, service, reasons):
    with contextlib.suppress(AdmindukError):
        advise(office, service, WHEN, reasons=reasons)


@pytest.mark.parametrize("detail", ["", "SHORT", "ringkas", None, 3, b"short"])
def test_a_reply_form_that_is_not_full_or_short_is_refused(detail):
    advice = advise("35.14", "kk/baru", at=WHEN)
    with pytest.raises(OutOfRange, match="'full' or 'short'"):
        advice.to_message(detail=detail)
