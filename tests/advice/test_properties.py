"""Invariants of ``advise`` over every built-in office, service, instant and reason."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import Advice, Outcome, advise, catalogue, get_office
from adminduk.offices import BUILTIN_OFFICES, BUILTIN_URGENCY_REASONS

OFFICES = ["35.13", "35.14", "52.71", "35.04", "52.06"]
SERVICES = [entry.code for entry in catalogue()]
REASONS = sorted(BUILTIN_URGENCY_REASONS)

# Minutes between 2019 and 2030, biased towards the 2020 policy period where most rules live.
instants = st.one_of(
    st.datetimes(dt.datetime(2019, 1, 1), dt.datetime(2030, 12, 31, 23, 59)),
    st.datetimes(dt.datetime(2020, 3, 1), dt.datetime(2020, 6, 30, 23, 59)),
)


@pytest.mark.no_cover
@given(
    st.sampled_from(OFFICES),
    st.sampled_from(SERVICES),
    instants,
    st.lists(st.sampled_from(REASONS), max_size=3, unique=True),
    st.booleans(),
)
def test_advise_is_total_and_consistent(code, service, at, reasons, has_whatsapp):
    advice = advise(code, service, at=at, reasons=reasons, has_whatsapp=has_whatsapp)
    zone = get_office(code).zone
    if advice.outcome is Outcome.ONLINE:
        assert advice.channels and advice.channels[0].kind.is_remote
        # The counter may follow, last, where it lets the person in too.
        assert all(ch.kind.is_remote for ch in advice.channels[:-1])
        assert advice.channels[-1].kind.is_remote or advice.in_person_allowed
    if advice.outcome is Outcome.IN_PERSON:
        assert advice.in_person_allowed
        assert advice.channels[0].kind.value == "counter"
    assert advice.at.tzinfo is not None and advice.at.utcoffset() == zone.utcoffset(at)
    assert advice.next_opening.tzinfo is not None
    assert advice.next_opening.utcoffset() == advice.at.utcoffset()
    assert advice.next_opening >= advice.at
    assert get_office(code).calendar().is_open(advice.next_opening)
    assert advice.office_open == (advice.next_opening == advice.at)
    if advice.ready_by is not None:
        assert advice.ready_by > advice.at
    assert advice.reasons[0].rule_id == advice.rule_id
    assert all(r.text_id and r.text_en and r.source for r in advice.reasons)


@pytest.mark.no_cover
@given(st.sampled_from(OFFICES), st.sampled_from(SERVICES), instants)
def test_advice_round_trips_through_json(code, service, at):
    advice = advise(code, service, at=at)
    again = Advice.model_validate_json(advice.model_dump_json())
    assert again == advice
    assert again.to_message("en") == advice.to_message("en")


@pytest.mark.no_cover
@given(
    st.sampled_from(OFFICES), st.sampled_from(SERVICES), instants, st.sampled_from(["id", "en"])
)
def test_messages_name_the_outcome_and_the_sources(code, service, at, lang):
    advice = advise(code, service, at=at)
    message = advice.to_message(lang)
    assert message.splitlines()[0]
    assert ("Sumber:" if lang == "id" else "Sources:") in message
    for channel in advice.channels:
        if channel.kind.value == "whatsapp" and channel.address:
            assert channel.link() in message


@pytest.mark.no_cover
@given(
    st.sampled_from(sorted(BUILTIN_OFFICES)),
    st.sampled_from(SERVICES),
    instants,
    st.sampled_from(["id", "en"]),
)
def test_a_chat_that_sends_the_citizen_somewhere_shut_says_when_it_opens(code, service, at, lang):
    # "Come to the counter" on a holiday with nothing more sends the citizen to a closed door.
    advice = advise(code, service, at=at)
    short = advice.to_message(lang, detail="short")
    if advice.outcome.gives_a_route and not advice.office_open:
        if advice.next_opening is None:
            assert _words(lang, "Tidak ada jadwal buka", "No further opening") in short
        else:
            day = advice.next_opening.astimezone(get_office(code).zone).day
            opens = _words(lang, "buka kembali", "opens again")
            online = _words(lang, "diproses lagi mulai", "handled again from")
            assert opens in short or online in short
            line = next(x for x in short.splitlines() if opens in x or online in x)
            assert f" {day} " in line


def _words(lang, indonesian, english):
    return english if lang == "en" else indonesian


@given(st.sampled_from([*OFFICES, "18.08", "64.02"]), instants)
def test_an_open_office_says_until_when_and_when_it_opens_again_that_day(code, at):
    advice = advise(code, "kk/baru", at=at)
    calendar = get_office(code).calendar()
    if not advice.office_open:
        assert (advice.open_until, advice.reopens_at) == (None, None)
        return
    until = advice.open_until
    assert until is not None and until > advice.at
    assert calendar.is_open(until - dt.timedelta(minutes=1)) and not calendar.is_open(until)
    if advice.reopens_at is not None:
        assert advice.reopens_at.date() == until.date() and advice.reopens_at > until
        assert calendar.next_opening(until) == advice.reopens_at
    else:
        assert calendar.next_opening(until).date() > until.date()
