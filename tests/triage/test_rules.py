"""The triage procedure, rule by rule, on small hand-written policies and on the built-ins."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import Service, catalogue, get_office
from adminduk.offices import BUILTIN_URGENCY_REASONS, Policy
from adminduk.triage import RULES, Outcome, UrgencyReason, decide, rule

KK = Service.parse("kk/perubahan")
KTP_NEW = Service.parse("ktp-el/baru")


def policy(**rules) -> Policy:
    fields = {"id": "p", "valid_from": dt.date(2020, 3, 18), "source": "test"}
    return Policy.model_validate({**fields, **rules})


COUNTER = {
    "kind": "counter",
    "address": "Kantor",
    "label": "Loket",
    "services": ["*"],
    "source": "test",
}
WA_KK = {
    "kind": "whatsapp",
    "address": "0813-5954-7692",
    "label": "WA KK",
    "services": ["kk/*"],
    "source": "test",
}
PORTAL_KK = {
    "kind": "portal",
    "address": "https://portal.example",
    "label": "Portal",
    "services": ["kk/*"],
    "source": "test",
}


def test_rules_have_unique_ids_and_every_outcome_is_reachable():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert {r.outcome for r in RULES} == set(Outcome)
    assert rule("online").outcome is Outcome.ONLINE


def test_urgency_reasons_match_the_offices_built_ins():
    assert {r.value for r in UrgencyReason} == set(BUILTIN_URGENCY_REASONS)


def test_non_urgent_people_are_sent_online():
    d = decide(
        policy(in_person="urgent-only", urgency_reasons=["bpjs"], channels=[WA_KK, COUNTER]), KK
    )
    assert (d.outcome, d.rule.id, d.in_person_allowed) == (Outcome.ONLINE, "online", False)
    assert [c.kind.value for c in d.channels] == ["whatsapp"]


def test_urgent_people_may_come_in_counter_first():
    d = decide(
        policy(in_person="urgent-only", urgency_reasons=["bpjs"], channels=[WA_KK, COUNTER]),
        KK,
        ["bpjs"],
    )
    assert (d.outcome, d.rule.id, d.in_person_allowed) == (
        Outcome.IN_PERSON,
        "urgent-counter",
        True,
    )
    assert [c.kind.value for c in d.channels] == ["counter", "whatsapp"]
    assert d.urgent == ("bpjs",)


def test_a_reason_the_policy_does_not_accept_counts_for_nothing():
    d = decide(
        policy(in_person="urgent-only", urgency_reasons=["bpjs"], channels=[WA_KK, COUNTER]),
        KK,
        ["tni-polri"],
    )
    assert d.outcome is Outcome.ONLINE
    assert d.not_accepted == ("tni-polri",)
    assert d.urgent == ()


def test_counter_only_services_wait_unless_urgent():
    rules = {
        "in_person": "urgent-only",
        "urgency_reasons": ["tni-polri"],
        "channels": [WA_KK, COUNTER],
        "counter_only": [{"services": ["ktp-el/baru"], "why": "biometric", "source": "test"}],
    }
    waiting = decide(policy(**rules), KTP_NEW)
    assert (waiting.outcome, waiting.rule.id) == (Outcome.DEFER, "counter-only-wait")
    assert waiting.channels == ()
    urgent = decide(policy(**rules), KTP_NEW, ["tni-polri"])
    assert (urgent.outcome, urgent.rule.id) == (Outcome.IN_PERSON, "counter-only")
    assert [c.kind.value for c in urgent.channels] == ["counter"]


def test_counter_only_with_an_open_counter_goes_in_person():
    d = decide(
        policy(
            channels=[WA_KK, COUNTER],
            counter_only=[{"services": ["ktp-el/*"], "why": "biometric", "source": "test"}],
        ),
        KTP_NEW,
    )
    assert (d.outcome, d.rule.id) == (Outcome.IN_PERSON, "counter-only")


@pytest.mark.parametrize(
    ("mode", "outcome"), [("defer", Outcome.DEFER), ("refuse", Outcome.UNAVAILABLE)]
)
def test_suspended_services(mode, outcome):
    rules = {
        "in_person": "urgent-only",
        "urgency_reasons": ["bpjs"],
        "channels": [COUNTER],
        "suspended": [
            {
                "services": ["ktp-el/baru"],
                "mode": mode,
                "reason_id": "ditunda",
                "reason_en": "paused",
                "source": "test",
            }
        ],
    }
    d = decide(policy(**rules), KTP_NEW, ["bpjs"])
    assert (d.outcome, d.rule.id, d.in_person_allowed) == (outcome, "suspended", False)


def test_urgent_exempt_suspension_lets_urgent_needs_through():
    rules = {
        "in_person": "urgent-only",
        "urgency_reasons": ["bpjs"],
        "channels": [COUNTER],
        "suspended": [
            {
                "services": ["ktp-el/baru"],
                "mode": "defer",
                "urgent_exempt": True,
                "reason_id": "ditunda",
                "reason_en": "paused",
                "source": "test",
            }
        ],
    }
    assert decide(policy(**rules), KTP_NEW).outcome is Outcome.DEFER
    assert decide(policy(**rules), KTP_NEW, ["bpjs"]).outcome is Outcome.IN_PERSON


def test_without_whatsapp_walk_ins_are_served_where_the_office_says_so():
    rules = {"in_person": "urgent-only", "urgency_reasons": ["bpjs"], "channels": [WA_KK, COUNTER]}
    refused = decide(policy(**rules), KK, has_whatsapp=False)
    assert (refused.outcome, refused.rule.id) == (Outcome.DEFER, "no-whatsapp-wait")
    served = decide(policy(**rules, walk_ins_without_whatsapp=True), KK, has_whatsapp=False)
    assert (served.outcome, served.rule.id, served.in_person_allowed) == (
        Outcome.IN_PERSON,
        "walk-in-no-whatsapp",
        True,
    )


def test_without_whatsapp_a_portal_still_works():
    d = decide(policy(in_person="closed", channels=[WA_KK, PORTAL_KK]), KK, has_whatsapp=False)
    assert d.outcome is Outcome.ONLINE
    assert [c.kind.value for c in d.channels] == ["portal"]


def test_no_route_is_unavailable_and_open_counter_serves():
    closed = decide(policy(in_person="closed", channels=[PORTAL_KK]), KTP_NEW)
    assert (closed.outcome, closed.rule.id) == (Outcome.UNAVAILABLE, "no-route")
    open_counter = decide(policy(channels=[COUNTER]), KTP_NEW)
    assert (open_counter.outcome, open_counter.rule.id) == (Outcome.IN_PERSON, "counter-open")


def test_ordinary_rules_serve_everything_at_the_counter():
    ordinary = get_office("35.14").policy_at(dt.date(2020, 3, 10))
    for entry in catalogue():
        d = decide(ordinary, entry.service)
        assert d.outcome is Outcome.IN_PERSON, entry.code
        assert d.in_person_allowed


OFFICES = ["35.13", "35.14", "52.71", "35.04", "52.06"]


@given(
    st.sampled_from(OFFICES),
    st.sampled_from([e.service for e in catalogue()]),
    st.dates(dt.date(2019, 1, 1), dt.date(2030, 12, 31)),
    st.lists(st.sampled_from(sorted(BUILTIN_URGENCY_REASONS)), max_size=3, unique=True),
    st.booleans(),
)
def test_decisions_are_total_and_consistent(code, service, day, reasons, has_whatsapp):
    d = decide(get_office(code).policy_at(day), service, reasons, has_whatsapp)
    assert d.rule.id in {r.id for r in RULES}
    if d.outcome is Outcome.ONLINE:
        assert d.channels and d.channels[0].kind.is_remote
        # The counter may follow, last, where it serves the person too.
        assert all(c.kind.is_remote for c in d.channels[:-1])
        assert d.channels[-1].kind.is_remote or d.in_person_allowed
        if not has_whatsapp:
            assert not any(c.kind.needs_whatsapp for c in d.channels)
    if d.outcome is Outcome.IN_PERSON:
        assert d.in_person_allowed
        assert d.channels[0].kind.value == "counter"
    if d.outcome in (Outcome.DEFER, Outcome.UNAVAILABLE):
        assert d.channels == ()
    if d.situation.urgency_matters:
        assert set(d.urgent) | set(d.not_accepted) == set(reasons)
    else:  # nothing is restricted, so reasons are not judged
        assert d.urgent == d.not_accepted == ()
    if d.outcome is Outcome.ONLINE and catalogue()[service].in_person_steps:
        assert d.rule.id == "online-with-visit"


def test_example_lists_admit_the_national_urgent_needs():
    rules = {"in_person": "urgent-only", "urgency_reasons": ["bpjs"], "channels": [WA_KK, COUNTER]}
    exhaustive = decide(policy(**rules), KK, ["rumah-sakit"])
    assert exhaustive.outcome is Outcome.ONLINE
    assert exhaustive.not_accepted == ("rumah-sakit",)
    examples = decide(policy(**rules, urgency_reasons_exhaustive=False), KK, ["rumah-sakit"])
    assert (examples.outcome, examples.rule.id) == (Outcome.IN_PERSON, "urgent-counter")
    assert examples.national_urgent == ("rumah-sakit",)
    assert examples.not_accepted == ()


def test_a_request_to_wait_is_not_a_refusal_the_route_stays_open():
    # Bima (A4): "Kami harap ... agar menunda" while "Setiap warga ... kami melayani lewat
    # WhatsApp": people are asked to wait, and still served; the advice carries the request.
    rules = {
        "in_person": "closed",
        "urgency_reasons": ["bpjs"],
        "channels": [WA_KK],
        "non_urgent_asked_to_wait": True,
    }
    asked = decide(policy(**rules), KK)
    assert (asked.outcome, asked.rule.id) == (Outcome.ONLINE, "online")
    assert [ch.address for ch in asked.channels] == ["+6281359547692"]
    assert asked.situation.urgency_matters
    urgent = decide(policy(**rules), KK, ["bpjs"])
    assert (urgent.outcome, urgent.rule.id, urgent.urgent) == (Outcome.ONLINE, "online", ("bpjs",))


def test_every_rule_is_reachable_and_the_last_one_always_applies():
    assert RULES[-1].applies(decide(policy(), KK).situation)
    assert len({r.id for r in RULES}) == len(RULES)


def test_an_unknown_rule_id_is_a_library_error():
    from adminduk.errors import OutOfRange

    with pytest.raises(OutOfRange, match="rule_id"):
        rule("nope")
    with pytest.raises(OutOfRange, match="rule_id"):
        rule(None)  # type: ignore[arg-type]
