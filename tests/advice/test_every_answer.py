"""Every built-in answer, read as the citizen would: office x service x urgency x instant x lang.

The instants are the first and last day of each policy, the day after it, today's date in the
project (December 2026) and 2040. For each answer and each language:
- an Indonesian reply contains no English sentence, and an English one no Indonesian
  (source titles are names and are left out of the check);
- a reply never tells someone to wait on a matter with a legal deadline without the deadline
  and the route for urgent cases;
- a service with a step that needs the person present never reads "no need to come in";
- no reply presents a pandemic measure as in force after the pandemic status ended.
"""

import datetime as dt
import re
from functools import cache

import pytest

import adminduk
from adminduk import Outcome, advise, catalogue
from adminduk.offices import PANDEMIC_END, AppliesTo
from adminduk.triage import decide
from tests.every_office import BUILT_IN_CODES

ENGLISH = re.compile(
    r"\b(the|and|is|are|of|with|for|from|not|you|your|please|office|hours|working|days?|"
    r"week|number|known|service|counter|apply|deadline|collect(ed)?|printed|implementing)\b",
    re.IGNORECASE,
)
INDONESIAN = re.compile(
    r"\b(dan|yang|untuk|tidak|dengan|kantor|hari|sejak|belum|saat|ini|atau|silakan|mohon|"
    r"layanan|persyaratan|keterangan|sumber|diambil|berlaku|jam|petugas)\b",
    re.IGNORECASE,
)


def _instants(office):
    days = {dt.date(2026, 12, 1), dt.date(2040, 1, 3)}
    for policy in office.policies:
        assert policy.valid_from is not None
        days |= {policy.valid_from, policy.valid_from + dt.timedelta(days=2)}
        if policy.valid_until is not None:
            days |= {policy.valid_until, policy.valid_until + dt.timedelta(days=1)}
    return sorted(dt.datetime.combine(day, dt.time(10, 0)) for day in days)


def _reason_sets(office):
    own = tuple(info.code for info in office.urgency_reasons)
    return [(), ("bpjs",), ("sekolah",), ("rumah-sakit", "tni-polri"), own[:1]]


def _without_sources(message: str, marker: str) -> str:
    # Source titles are names, and a phrase in double quotes is the source's own words.
    return re.sub(r'"[^"]*"', "", message.split(marker, 1)[0])


@cache
def _answers(code: str) -> tuple[adminduk.Advice, ...]:
    office = adminduk.get_office(code)
    answers = []
    for when in _instants(office):
        for entry in catalogue():
            for reasons in dict.fromkeys(_reason_sets(office)):
                for has_whatsapp in (True, False):
                    answers.append(
                        advise(office, entry.service, when, reasons, has_whatsapp=has_whatsapp)
                    )
    return tuple(answers)


# The built-in offices (the word lists below are tuned to their texts), and two national
# baseline offices (WIB and WIT).
OFFICES = [*BUILT_IN_CODES, "35.78", "93.01"]


@pytest.mark.parametrize("code", OFFICES)
def test_an_indonesian_reply_has_no_english_and_an_english_reply_no_indonesian(code):
    # The office's street address is a name too ("Komplek Kantor Bupati ..."), as printed.
    address = adminduk.get_office(code).address or "\0"
    for advice in _answers(code):
        indonesian = _without_sources(advice.to_message("id"), "\nSumber:\n")
        english = _without_sources(advice.to_message("en"), "\nSources:\n").replace(address, "")
        assert not ENGLISH.findall(indonesian), (advice.service.code, advice.at, indonesian)
        assert not INDONESIAN.findall(english), (advice.service.code, advice.at, english)


@pytest.mark.parametrize("code", OFFICES)
def test_nobody_is_told_to_wait_on_a_deadline_without_the_deadline_and_the_urgent_route(code):
    for advice in _answers(code):
        if advice.outcome is not Outcome.DEFER:
            continue
        if catalogue()[advice.service].deadline is None:
            continue
        ids = {reason.rule_id for reason in advice.reasons}
        assert {"reporting-deadline", "urgent-route"} <= ids, (advice.service.code, advice.at)


@pytest.mark.parametrize("code", OFFICES)
def test_a_service_with_an_in_person_step_never_says_there_is_no_need_to_come(code):
    for advice in _answers(code):
        if not catalogue()[advice.service].in_person_steps:
            continue
        message = advice.to_message("id").lower() + advice.to_message("en").lower()
        assert "tidak perlu datang" not in message
        assert "no need to come" not in message
        if advice.outcome is Outcome.ONLINE:
            assert "in-person-step" in {reason.rule_id for reason in advice.reasons}


@pytest.mark.parametrize("code", OFFICES)
def test_no_pandemic_measure_is_in_force_after_the_pandemic_ended(code):
    office = adminduk.get_office(code)
    for advice in _answers(code):
        if advice.at.date() < PANDEMIC_END.effective:
            continue
        assert advice.policy_id == "ordinary"
        policy_ids = {p.id for p in office.policies}
        assert advice.policy_id not in policy_ids
        assert "Berlaku kebijakan kantor" not in advice.to_message("id")


@pytest.mark.parametrize("code", OFFICES)
def test_an_answer_after_its_review_period_says_when_it_was_last_confirmed(code):
    for advice in _answers(code):
        message = advice.to_message("id")
        assert ("Perhatian: informasi ini" in message) is advice.stale
        if advice.confirmed_on is not None and advice.stale:
            assert "terakhir dikonfirmasi" in message


@pytest.mark.parametrize("code", OFFICES)
def test_a_counter_checklist_never_asks_for_what_only_remote_applications_send(code):
    office = adminduk.get_office(code)
    remote_only = {
        change.item.code
        for policy in office.policies
        for change in policy.requirement_changes
        if change.applies_to is AppliesTo.REMOTE and change.item is not None
    }
    for advice in _answers(code):
        codes = {item.code for item in advice.requirements}
        ids = {reason.rule_id for reason in advice.reasons}
        if advice.outcome is Outcome.IN_PERSON:
            assert not codes & remote_only, (advice.service.code, advice.at)
            assert "originals-checked" not in ids, (advice.service.code, advice.at)


@pytest.mark.parametrize("code", OFFICES)
def test_an_accepted_urgent_need_without_a_route_is_told_so(code):
    office = adminduk.get_office(code)
    for when in _instants(office):
        policy = office.policy_at(when)
        for entry in catalogue():
            for reasons in _reason_sets(office):
                decision = decide(policy, entry.service, reasons)
                advice = advise(office, entry.service, when, reasons)
                ids = {reason.rule_id for reason in advice.reasons}
                refused = advice.outcome in (Outcome.DEFER, Outcome.UNAVAILABLE)
                told = "urgent-not-exempt" in ids
                assert told is (refused and bool(decision.urgent)), (entry.service.code, when)
