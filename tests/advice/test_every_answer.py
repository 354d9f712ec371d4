"""Every built-in answer, read as the citizen would: office x service x urgency x instant x lang.

The instants are the first and last day of each policy, the day after it, today's date in the
project (December 2026) and 2040. For each answer and each language:
- an Indonesian reply contains no English sentence, and an English one no Indonesian
  (source titles are names and are left out of the check);
- a reply never tells someone to wait on a matter with a legal deadline without the deadline
  and the route for urgent cases;
- a service with a step that needs the person present never reads "no need to come in";
- no reply presents a pandemic measure as in force after the pandemic status ended.

The grid grows with every office built in (about 800 answers an office, each in four replies;
with WhatsApp and without it in turn), so the module runs untraced by coverage: what it reads
is the wording, and the lines that render it are reached by the golden answers
(``test_golden_answers.py``) and the scenario tests. Each answer's four replies are rendered
once, and every test reads those.
"""

import datetime as dt
import re
from functools import cache

import pytest

import adminduk
from adminduk import Outcome, advise, catalogue
from adminduk._advice_text import date_words
from adminduk.offices import PANDEMIC_END, AppliesTo
from adminduk.offices import rules_in_force as in_force
from adminduk.triage import Certainty, decide
from tests.every_office import BUILT_IN_CODES

pytestmark = pytest.mark.no_cover

ENGLISH = re.compile(
    r"\b(the|and|is|are|of|with|for|from|not|you|your|please|office|hours|working|days?|"
    r"week|number|known|service|counter|apply|deadline|collect(ed)?|printed|implementing|"
    # the words issue 23 found in the library's own Indonesian
    r"online|file|scan|e-mail|email|ordinary)\b",
    re.IGNORECASE,
)
INDONESIAN = re.compile(
    r"\b(dan|yang|untuk|tidak|dengan|kantor|hari|sejak|belum|saat|ini|atau|silakan|mohon|"
    r"layanan|persyaratan|keterangan|sumber|diambil|berlaku|jam|petugas)\b",
    re.IGNORECASE,
)


def _instants(office):
    # The grid of issue 23 (24 March, 15 April, 5 May 2020, 7 December 2026), the day the
    # national instruction was last confirmed and the end of its horizon, and 2040.
    days = {
        dt.date(2020, 3, 24),
        dt.date(2020, 4, 15),
        dt.date(2020, 5, 5),
        dt.date(2020, 8, 6),
        dt.date(2020, 8, 7),
        dt.date(2026, 12, 7),
        dt.date(2040, 1, 3),
    }
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


class _Answer:
    """An answer, with its four replies rendered once (the tests below read each many times)."""

    def __init__(self, advice: adminduk.Advice) -> None:
        self.advice = advice
        self.full = {lang: advice.to_message(lang) for lang in ("id", "en")}
        self.short = {lang: advice.to_message(lang, detail="short") for lang in ("id", "en")}


@cache
def _answers(code: str) -> tuple[_Answer, ...]:
    office = adminduk.get_office(code)
    answers = []
    # With WhatsApp and without it in turn, so that each service with each set of reasons is
    # asked both ways over the instants (seven at least), at half the cost of every pairing.
    for i, when in enumerate(_instants(office)):
        for entry in catalogue():
            for j, reasons in enumerate(dict.fromkeys(_reason_sets(office))):
                wa = (i + j) % 2 == 0
                advice = advise(office, entry.service, when, reasons, has_whatsapp=wa)
                answers.append(_Answer(advice))
    return tuple(answers)


# The built-in offices (the word lists below are tuned to their texts), and two national
# baseline offices (WIB and WIT).
OFFICES = [*BUILT_IN_CODES, "35.78", "93.01"]


@pytest.mark.parametrize("code", OFFICES)
def test_an_indonesian_reply_has_no_english_and_an_english_reply_no_indonesian(code):
    # The office's street address is a name too ("Komplek Kantor Bupati ..."), as printed.
    address = adminduk.get_office(code).address or "\0"
    for answer in _answers(code):
        advice = answer.advice
        indonesian = _without_sources(answer.full["id"], "\nSumber: ")
        english = _without_sources(answer.full["en"], "\nSources: ").replace(address, "")
        # So is a complaint line's postal address ("Dinas Kependudukan dan ... Kode Pos 79162").
        standard = adminduk.service_standard(code, advice.service.code, at=advice.at)
        for line in standard.complaints if standard is not None else ():
            english = english.replace(line.address or "\0", "")
        assert not ENGLISH.findall(indonesian), (advice.service.code, advice.at, indonesian)
        assert not INDONESIAN.findall(english), (advice.service.code, advice.at, english)


@pytest.mark.parametrize("code", OFFICES)
def test_nobody_is_told_to_wait_on_a_deadline_without_the_deadline_and_the_urgent_route(code):
    for answer in _answers(code):
        advice = answer.advice
        if advice.outcome is not Outcome.DEFER:
            continue
        if catalogue()[advice.service].deadline is None:
            continue
        ids = {reason.rule_id for reason in advice.reasons}
        assert {"reporting-deadline", "urgent-route"} <= ids, (advice.service.code, advice.at)


@pytest.mark.parametrize("code", OFFICES)
def test_a_service_with_an_in_person_step_never_says_there_is_no_need_to_come(code):
    for answer in _answers(code):
        advice = answer.advice
        if not catalogue()[advice.service].in_person_steps:
            continue
        message = answer.full["id"].lower() + answer.full["en"].lower()
        assert "tidak perlu datang" not in message
        assert "no need to come" not in message
        if advice.outcome is Outcome.ONLINE:
            assert "in-person-step" in {reason.rule_id for reason in advice.reasons}


@pytest.mark.parametrize("code", OFFICES)
def test_no_pandemic_measure_is_in_force_after_the_pandemic_ended(code):
    office = adminduk.get_office(code)
    for answer in _answers(code):
        advice = answer.advice
        if advice.at.date() < PANDEMIC_END.effective:
            continue
        assert advice.policy_id == "ordinary"
        policy_ids = {p.id for p in office.policies}
        assert advice.policy_id not in policy_ids
        assert "Berlaku kebijakan kantor" not in answer.full["id"]


@pytest.mark.parametrize("code", OFFICES)
def test_an_answer_after_its_review_period_says_when_it_was_last_confirmed(code):
    for answer in _answers(code):
        advice = answer.advice
        message = answer.full["id"]
        assert ("\n\nPerhatian: " in message) is advice.stale, message
        if advice.confirmed_on is None or not advice.stale:
            continue
        written = date_words(advice.confirmed_on, "id")
        if advice.certainty is Certainty.KNOWN:
            assert f"terakhir dikonfirmasi {written}" in message
        else:  # an assumption names the source it rests on, and says it may no longer hold
            assert f"menurut sumber {written}; belum pasti masih berlaku" in message


@pytest.mark.parametrize("code", OFFICES)
def test_a_counter_checklist_never_asks_for_what_only_remote_applications_send(code):
    office = adminduk.get_office(code)
    remote_only = {
        change.item.code
        for policy in office.policies
        for change in policy.requirement_changes
        if change.applies_to is AppliesTo.REMOTE and change.item is not None
    }
    for answer in _answers(code):
        advice = answer.advice
        codes = {item.code for item in advice.requirements}
        ids = {reason.rule_id for reason in advice.reasons}
        if advice.outcome is Outcome.IN_PERSON:
            assert not codes & remote_only, (advice.service.code, advice.at)
            assert "originals-checked" not in ids, (advice.service.code, advice.at)


@pytest.mark.parametrize("code", OFFICES)
def test_an_accepted_urgent_need_without_a_route_is_told_so(code):
    office = adminduk.get_office(code)
    for when in _instants(office):
        policy = in_force(office, when.date()).policy  # the office's, narrowed nationally
        for entry in catalogue():
            for reasons in _reason_sets(office):
                decision = decide(policy, entry.service, reasons, day=when.date())
                advice = advise(office, entry.service, when, reasons)
                ids = {reason.rule_id for reason in advice.reasons}
                refused = advice.outcome in (Outcome.DEFER, Outcome.UNAVAILABLE)
                told = "urgent-not-exempt" in ids
                assert told is (refused and bool(decision.urgent)), (entry.service.code, when)


# -- issue 23: a reply a citizen can act on ------------------------------------------------
_SOURCE_KEY = re.compile(
    r"(?:^|[\s(;])(?:A[0-9]|SE-[0-9]+|KW72|[A-Z]+-[0-9]{2,}(?:-[0-9]+)*)(?::|[;,)]|$)"
)
_COME_IN = ("Silakan datang ke loket", "Please come to the counter")
_APPLY = ("Silakan ajukan", "Please apply")
_WAIT = ("tunda dulu", "postpone")


def _first_line(answer: _Answer, lang: str) -> str:
    return answer.full[lang].split("\n", 1)[0]


@pytest.mark.parametrize("code", OFFICES)
def test_the_headline_agrees_with_the_outcome_and_every_restriction(code):
    for answer in _answers(code):
        advice = answer.advice
        for index, lang in enumerate(("id", "en")):
            first = _first_line(answer, lang).lower()  # "… ordinary rules: please come …"
            came = _COME_IN[index].lower() in first
            applied = _APPLY[index].lower() in first
            waited = _WAIT[index].lower() in first
            assert came is (advice.outcome is Outcome.IN_PERSON), (advice.service.code, first)
            assert applied is (advice.outcome is Outcome.ONLINE), (advice.service.code, first)
            assert waited is (advice.outcome is Outcome.DEFER), (advice.service.code, first)
        ids = {reason.rule_id for reason in advice.reasons}
        # "Come in" never stands beside a restriction that would keep this person out.
        if advice.outcome is Outcome.IN_PERSON:
            assert advice.in_person_allowed
            assert not ({"asked-to-wait"} & ids and not advice.channels)
        if "national-measure" in ids and advice.outcome is Outcome.IN_PERSON:
            assert "urgent-counter" in ids or "counter-only" in ids, advice.service.code


@pytest.mark.parametrize("code", OFFICES)
def test_every_route_can_be_followed(code):
    for answer in _answers(code):
        advice = answer.advice
        if advice.outcome is Outcome.ONLINE:
            assert advice.channels
            assert all(channel.followable for channel in advice.channels)
        if not advice.outcome.gives_a_route:
            assert advice.channels == (), (advice.service.code, advice.at)


_BRING = {"id": "Persyaratan: ", "en": "Requirements: "}


@pytest.mark.parametrize("code", OFFICES)
def test_short_replies_fit_a_chat_bubble_and_name_the_channel_address(code):
    for answer in _answers(code):
        advice = answer.advice
        for lang in ("id", "en"):
            short = answer.short[lang]
            assert len(short) <= 640, (advice.service.code, lang, short)
            assert ("Gratis" if lang == "id" else "Free of charge") in short
            bring = next((x for x in short.splitlines() if x.startswith(_BRING[lang])), None)
            if bring is not None:
                items = bring.removeprefix(_BRING[lang]).rstrip(".").split("; ")
                assert len(items) == len(set(items)), (advice.service.code, lang, bring)
            first = advice.channels[0] if advice.channels else None
            if first is not None and first.address is not None:
                if first.kind.value == "whatsapp":
                    assert f"https://wa.me/{first.address.lstrip('+')}" in short
                else:
                    assert first.address in short


@pytest.mark.parametrize("code", OFFICES)
def test_no_reply_says_the_sources_give_no_number_beside_a_number_of_the_office(code):
    # Kabupaten Pasuruan's A1 gives a WhatsApp line per service it takes online; a marriage
    # certificate it postponed was told "Sumber tidak memuat nomor kontak kantor".
    office = adminduk.get_office(code)
    for answer in _answers(code):
        advice = answer.advice
        if "deadline-no-contact" not in {r.rule_id for r in advice.reasons}:
            continue
        day = advice.at.date()
        lines = in_force(office, day).policy.channels_on(day)
        assert not [c for c in lines if c.kind.value == "whatsapp" and c.address], (
            advice.service.code,
            advice.at,
        )


_RELATIVE = {"id": "minta bantuan keluarga yang memakai WhatsApp", "en": "ask a relative who uses"}
_URGENT_LINE = {"id": "Bila keperluan Anda mendesak", "en": "If your need is urgent"}
_URGENT_DETAILS = {
    "id": ("Alamatnya:", "Kantor buka kembali"),
    "en": ("Where:", "The office opens"),
}


@pytest.mark.parametrize("code", OFFICES)
def test_a_postponing_chat_names_the_relative_and_the_urgent_details_only_with_their_route(code):
    # Without WhatsApp where only WhatsApp serves, the relative who has it is the way now; and
    # where the urgent route is, and when it opens, mean nothing without the route itself.
    for answer in _answers(code):
        advice = answer.advice
        if advice.outcome.gives_a_route:
            continue
        waits = any(r.rule_id == "no-whatsapp-wait" for r in advice.reasons)
        for lang in ("id", "en"):
            short, full = answer.short[lang], answer.full[lang]
            assert "()" not in full and "()" not in short
            assert (_RELATIVE[lang] in short) is waits, (advice.service.code, lang, short)
            lines = short.splitlines()
            if any(x.startswith(_URGENT_DETAILS[lang]) for x in lines):
                assert any(x.startswith(_URGENT_LINE[lang]) for x in lines), short


@pytest.mark.parametrize("code", OFFICES)
def test_full_replies_stay_within_2000_characters_and_cite_no_internal_key(code):
    for answer in _answers(code):
        advice = answer.advice
        for lang in ("id", "en"):
            full = answer.full[lang]
            assert len(full) <= 2000, (advice.service.code, lang, len(full))
            assert not _SOURCE_KEY.search(full), (advice.service.code, lang, full)
            marker = "Gratis:" if lang == "id" else "Free of charge:"
            assert full.count(marker) == 1


_GRID_DAYS = (
    dt.date(2020, 3, 24),
    dt.date(2020, 4, 15),
    dt.date(2020, 5, 5),
    dt.date(2026, 12, 7),
)


def test_full_replies_over_the_issue_grid_have_a_median_of_at_most_1200_characters():
    lengths = []
    for code in [*BUILT_IN_CODES, "35.78"]:
        for entry in catalogue():
            for day in _GRID_DAYS:
                for reasons in ((), ("bpjs",)):
                    advice = advise(
                        code, entry.service, dt.datetime.combine(day, dt.time(10)), reasons
                    )
                    lengths += [len(advice.to_message(lang)) for lang in ("id", "en")]
    lengths.sort()
    assert lengths[len(lengths) // 2] <= 1200
