"""Decision use: what an answer takes from the triage decision, worded, once per situation.

Triage decides (:func:`~adminduk.triage.decide_in_force`: the route, whether the service
exists on the day, the rules in force, the route for urgent cases); this module words that
decision as the answer's reasons, with the checklist and the rules in force, and caches the
result per office, policy, service and person. Nothing here decides again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from adminduk._core.cache import OwnedCache
from adminduk.advice._day import Day
from adminduk.advice._reasons import Bilingual, Reasons, both, date_pair, period, service_pair
from adminduk.advice._render import channel_where
from adminduk.advice._values import AdviceReason
from adminduk.advice._wording import in_a_sentence
from adminduk.documents import Requirement, Service, catalogue
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
    Fulfilment,
    OfficeConfig,
    Policy,
    office_origin,
)
from adminduk.offices._changes import RequirementChange
from adminduk.offices._national import InForce, confirmed_on
from adminduk.offices._national_facts import pandemic_end
from adminduk.offices._requirements import merged_requirements
from adminduk.offices._types import source_parts
from adminduk.triage import Certainty, Decision, Outcome
from adminduk.triage._rules import decide_in_force

__all__ = ["Plan", "plan"]


@dataclass(frozen=True, slots=True)
class Plan:
    """What does not change with the minute asked about: cached per policy, service, person.

    It holds no reference to its office, so the cache (owned by the office) lets it go.
    """

    policy: Policy
    decision: Decision
    requirements: tuple[Requirement, ...]
    requirements_note: str | None
    fulfilment: Fulfilment | None
    reasons: tuple[AdviceReason, ...]
    dated: tuple[dt.date, ...]
    certainty: Certainty
    ready_days: int | None

    def confirmed_on(self, day: dt.date) -> dt.date | None:
        """The newest of the answer's dated sources that can confirm the rules of ``day``.

        A dated policy begun by ``day`` is confirmed by every source of it, a later report too
        (Pasuruan's article of 24 March 2020 reports the WhatsApp service it began on 18
        March). The office's ordinary rules have no start a later source could report: only
        sources published by ``day`` confirm them (a 2030 decree says nothing of 2021). The
        plan is shared by every day under the same rules, so the day chooses here.
        """
        dated = self.dated
        if not dated:
            return None
        begun = self.policy.valid_from
        if dated[0] <= day or (begun is not None and begun <= day):
            return dated[0]  # the newest: the common case, on the hot path
        return next((d for d in dated if d <= day), None)


_PlanKey = tuple[tuple[str, ...], str, tuple[str, ...], bool, bool]
# Owned by the office: bounded per office, dropped with it, safe under threads.
_PLANS: Final[OwnedCache[_PlanKey, Plan]] = OwnedCache(per_owner=4096)


def _urgent_names(office: OfficeConfig, codes: Iterable[str]) -> Bilingual:
    known = {**BUILTIN_URGENCY_REASONS, **{info.code: info for info in office.urgency_reasons}}
    listed = tuple(codes)
    return (
        ", ".join(in_a_sentence(known[c].name_id) if c in known else c for c in listed),
        ", ".join(in_a_sentence(known[c].name_en) if c in known else c for c in listed),
    )


def _national_source(source: str) -> bool:
    """Whether every source a rule cites is national (the instruction, not the office)."""
    parts = [part.strip() for part in source.split(";") if part.strip()]
    return bool(parts) and all(part in NATIONAL_SOURCES for part in parts)


def _rule_reason(reasons: Reasons, decision: Decision, service: Service) -> None:
    fields: dict[str, str | Bilingual] = {"service": service_pair(service)}
    if decision.suspension is not None and decision.rule.id == "suspended":
        fields["why"] = (decision.suspension.reason_id, decision.suspension.reason_en)
    elif decision.counter_only is not None:
        fields["why"] = both(f"why.{decision.counter_only.why.value}")
    introduced = catalogue()[service].introduced
    if introduced is not None and not decision.situation.introduced:
        fields["basis"] = (introduced.basis("id"), introduced.basis("en"))
        fields["year"] = str(introduced.year)
    if decision.urgent:
        fields["reasons"] = _urgent_names(reasons.office, decision.urgent)
    if decision.rule.id == "no-whatsapp-wait":
        # Told to ask a relative who uses WhatsApp, the person needs the number to give them.
        # A line whose number the sources do not give says where it is posted (Bima's banner).
        line = decision.situation.reachable[0]
        where = channel_where(line)
        if where is None:  # reachable, so followable: how to find it, in both languages
            how_id, how_en = line.how_to_find("id"), line.how_to_find("en")
            assert how_id is not None
            assert how_en is not None
            fields["channel"] = (how_id, how_en)
        else:
            fields["channel"] = where
    reasons.add(decision.rule.id, _rule_key(decision), decision.source, fields)
    suspension = decision.suspension
    if suspension is not None and decision.rule.id == "suspended" and suspension.note_id:
        # What the postponement leaves in place, as the source says it (Tulungagung's A3: the
        # suket that stands in for a KTP-el does not expire).
        note = (suspension.note_id, suspension.note_en or suspension.note_id)
        reasons.add("suspension-note", "rule.suspension-note", suspension.source, {"note": note})


def _rule_key(decision: Decision) -> str:
    """The wording of the deciding rule's reason."""
    key = f"rule.{decision.rule.id}"
    if decision.rule.id == "suspended" and decision.outcome is Outcome.UNAVAILABLE:
        return "rule.suspended-refuse"  # a refusal is not a postponement
    if decision.rule.id in _NATIONAL_VARIANTS and _national_source(decision.source):
        return f"{key}-national"  # the national instruction asked it, not the office
    return key


# Reasons about rules the answer does not rest on: what held before the day asked, and a dated
# policy no longer used (its sources said the counter was shut; the ordinary rules answer).
# They date no answer.
_HISTORY: Final = frozenset({"policy-ended", "policy-lapsed"})


# Rules whose reason names who restricted: the office, or the national instruction.
_NATIONAL_VARIANTS: Final = frozenset(
    {"asked-to-wait", "suspended", "urgent-only-wait", "urgent-counter"}
)


def _presence_reasons(
    reasons: Reasons, policy: Policy, decision: Decision, service: Service
) -> None:
    """Name each step that needs the person present, and where and when the office does it."""
    if decision.outcome is not Outcome.ONLINE:
        return  # at the counter every step is done there; otherwise nothing is applied for
    office_step = policy.in_person_step_for(service)
    for step in catalogue()[service].in_person_steps:
        fields: dict[str, str | Bilingual] = {"step": (step.name_id, step.name_en)}
        if office_step is not None and office_step.step == step.code:
            source = f"{step.legal_basis}; {office_step.source}"
            if office_step.place_id is not None and office_step.place_en is not None:
                fields["place"] = (office_step.place_id, office_step.place_en)
                when = (office_step.when("id"), office_step.when("en"))
                fields["when"] = (when[0] or "-", when[1] or "-")
                key = "presence.known"
            else:
                fields["why"] = (
                    office_step.unknown_reason("id") or "",
                    office_step.unknown_reason("en") or "",
                )
                key = "presence.unknown"
        else:
            source = step.legal_basis
            key = "presence.unstated"
        reasons.add("in-person-step", key, source, fields)


def _policy_reason(reasons: Reasons, office: OfficeConfig, force: InForce) -> None:
    policy, ended = force.office_policy, force.ended
    if force.lapsed_policy is not None:
        lapsed = force.lapsed_policy
        fields: dict[str, str | Bilingual] = {
            "title": (lapsed.title("id"), lapsed.title("en")),
            "date": date_pair(confirmed_on(office, lapsed)),
        }
        reasons.add("policy-lapsed", "policy.lapsed", lapsed.source, fields)
    elif not policy.is_ordinary:
        fields = {"title": (policy.title("id"), policy.title("en")), "period": period(policy)}
        reasons.add("policy", "policy.dated", policy.source_of("valid_from"), fields)
    elif ended is not None and ended.ended_with_pandemic:
        end = pandemic_end()
        fields = {
            "title": (ended.title("id"), ended.title("en")),
            "period": period(ended),
            "end": date_pair(end.last_day_before),
            "event": (end.short_id, end.short_en),
        }
        reasons.add("policy-ended", "policy.ended-pandemic", end.source, fields)
    elif ended is not None:
        fields = {"title": (ended.title("id"), ended.title("en")), "period": period(ended)}
        key = "policy.ended-national" if force.instruction else "policy.ended"
        reasons.add("policy-ended", key, ended.source_of("valid_until"), fields)
    elif not office.baseline and force.instruction is None and office.policies:
        # "No special policy on this date" is news only where an office has dated policies;
        # under a national measure, the measure says what held instead.
        reasons.add("policy", "policy.ordinary", policy.source)


def _national_reasons(reasons: Reasons, force: InForce, decision: Decision) -> None:
    """The national measure in force, how sure that is, or that it may have ended."""
    instruction = force.instruction or force.lapsed_instruction
    if instruction is None:
        return
    fields: dict[str, str | Bilingual] = {
        "start": date_pair(instruction.valid_from),
        "date": date_pair(instruction.confirmed_on),
    }
    if force.instruction is None:
        reasons.add("national-lapsed", "national.lapsed", instruction.source, fields)
        return
    if instruction.confirmed_on in force.assumed:
        key = "national.assumed"
    elif decision.rule.id in _SAYS_THE_MEASURE and _national_source(decision.source):
        key = "national.known-brief"  # the deciding rule has just said what it asks
    else:
        key = "national.known"
    reasons.add("national-measure", key, instruction.source, fields)


# The national variants of these rules already say what the instruction asked of the counter.
_SAYS_THE_MEASURE: Final = frozenset({"asked-to-wait", "urgent-only-wait"})


def _urgency_reasons(
    reasons: Reasons,
    office: OfficeConfig,
    policy: Policy,
    decision: Decision,
    given: tuple[str, ...],
) -> None:
    if given and not decision.situation.urgency_matters and decision.situation.introduced:
        reasons.add("reason-not-needed", "reason.not-needed", policy.source_of("in_person"))
    # The deciding rule may already say the need is the national instruction's ("Keperluan
    # mendesak Anda … termasuk yang menurut instruksi nasional tetap dilayani").
    if decision.national_urgent and _rule_key(decision) != "rule.urgent-counter-national":
        reasons.add(
            "reason-national",
            "reason.national",
            BUILTIN_URGENCY_REASONS[decision.national_urgent[0]].source,
            {"reasons": _urgent_names(office, decision.national_urgent)},
        )
    if decision.not_accepted:
        reasons.add(
            "reason-not-accepted",
            "reason.not-accepted",
            policy.source_of("urgency_reasons"),
            {"reasons": _urgent_names(office, decision.not_accepted)},
        )
    if decision.urgent and not decision.outcome.gives_a_route:
        # An accepted urgent need that still gets no route must hear so, not just "accepted";
        # and why: a service that does not exist yet is no matter of exceptions.
        key = (
            "reason.urgent-not-exempt"
            if decision.situation.introduced
            else "reason.urgent-not-yet-a-service"
        )
        reasons.add(
            "urgent-not-exempt",
            key,
            decision.source,
            {"reasons": _urgent_names(office, decision.urgent)},
        )
    asked = policy.non_urgent_asked_to_wait and not decision.urgent
    if asked and decision.outcome.gives_a_route:
        reasons.add(
            "asked-to-wait",
            "reason.asked-to-wait",
            policy.source_of("non_urgent_asked_to_wait"),
        )


def _unreachable_reasons(reasons: Reasons, decision: Decision) -> None:
    """Channels that take the service but that nobody can find: named, never offered."""
    situation = decision.situation
    for channel in situation.remote:
        if channel.followable:
            continue
        if channel.kind.needs_whatsapp and not situation.has_whatsapp:
            continue  # a person without WhatsApp has just heard the counter serves them instead
        # Indonesian names it first in its sentence; English within it ("taken through …").
        fields: dict[str, str | Bilingual] = {
            "channel": (channel.label, in_a_sentence(channel.label_en or channel.label)),
        }
        reasons.add("channel-unreachable", "channel.unreachable", channel.source, fields)


def _urgent_route(reasons: Reasons, policy: Policy, decision: Decision, service: Service) -> None:
    """Whoever is told to wait, or refused, learns the route for urgent cases, if any."""
    if decision.outcome.gives_a_route:
        return
    if not decision.situation.introduced:
        return  # no need, however urgent, reaches a service that does not exist yet
    route = decision.urgent_route
    if route is not None and route.outcome.gives_a_route and route.channels:
        first = route.channels[0]
        fields: dict[str, str | Bilingual] = {
            "reasons": _urgent_names(reasons.office, decision.situation.accepted),
            "channel": (first.label, first.label_en or first.label),
        }
        reasons.add("urgent-route", "urgent.route", route.source, fields)
        if (where := channel_where(first)) is not None:
            # Where to go, on a line of its own: the chat names the route, the details say where.
            reasons.add("urgent-route-where", "urgent.route-where", route.source, {"where": where})
    elif catalogue()[service].deadline is not None:
        reasons.add("urgent-route", "urgent.none", policy.source)


def _fulfilment_reasons(
    reasons: Reasons, decision: Decision, fulfilment: Fulfilment | None
) -> None:
    if not decision.outcome.gives_a_route or fulfilment is None:
        return
    if fulfilment.pickup is not None:
        pickup = both(f"pickup.{fulfilment.pickup.value}")
        reasons.add("fulfilment", "fulfilment.pickup", fulfilment.source, {"pickup": pickup})
    # The originals are checked against the photos or scans sent remotely; someone who applied
    # at the counter showed them there.
    if fulfilment.originals_checked and decision.outcome is Outcome.ONLINE:
        place = (
            both(f"place.{fulfilment.pickup.value}")
            if fulfilment.pickup
            else both("place.unknown")
        )
        reasons.add(
            "originals-checked", "fulfilment.originals", fulfilment.source, {"place": place}
        )


def _provider_reason(reasons: Reasons, office: OfficeConfig) -> None:
    if office.replaces is None:  # only an office that declares it can replace a built-in
        return
    origin = office_origin(office)
    if origin is None or not origin.replaces_builtin:
        return
    fields = {"code": office.code, "package": origin.package or ""}
    reasons.add("office-replaced", "office.replaced", str(origin), fields)


def _deadline_reason(reasons: Reasons, decision: Decision, service: Service) -> None:
    deadline = catalogue()[service].deadline
    if deadline is None:
        return
    fields: dict[str, str | Bilingual] = {
        "days": str(deadline.days),
        "counted_from": (deadline.counted_from_id, deadline.counted_from_en),
        "basis": (deadline.basis("id"), deadline.basis("en")),
    }
    # Whoever is told to wait, or gets no route, hears that the deadline still runs.
    key = "deadline" if decision.outcome.gives_a_route else "deadline.no-route"
    reasons.add("reporting-deadline", key, deadline.legal_basis, fields)


def _checklist(
    office: OfficeConfig, service: Service, day: dt.date, policy: Policy, remote: bool | None
) -> tuple[tuple[Requirement, ...], tuple[RequirementChange, ...]]:
    """The checklist of the office's rules used, and the changes behind its items (sourced)."""
    checklist, diff = merged_requirements(office, service, day, remote=remote, policy=policy)
    return checklist, diff.changes


def _fee_reason(reasons: Reasons) -> None:
    """That the service is free, said once in every answer (the national standard's fee rule)."""
    from adminduk.offices._service_standard import national_fee

    fee = national_fee()
    if fee.is_free and fee.basis is not None:
        reasons.add("fee", "fee.free", fee.basis, {"basis": fee.basis})


def _applies_remotely(decision: Decision) -> bool | None:
    # The checklist follows the route given: a counter visitor is not asked for the PDFs an
    # office wants over WhatsApp. With no route now (wait, unavailable) every change is shown
    # where a remote line a citizen can follow takes the service; where none does, the PDFs of
    # a remote application have no line to go to (Kabupaten Probolinggo's officers' WhatsApp,
    # whose numbers no source gives), and the checklist is the counter's.
    if decision.outcome is Outcome.ONLINE:
        return True
    if decision.outcome is Outcome.IN_PERSON or not decision.situation.reachable:
        return False
    return None


def plan(
    office: OfficeConfig,
    day: Day,
    service: Service,
    reasons: tuple[str, ...],
    has_whatsapp: bool,
) -> Plan:
    """The part of an answer that does not change with the minute: decided once, then cached.

    Arguments already checked (``advise`` checks them at its edge). Triage decides, once; the
    plan words the decision, the checklist, the rules in force and the fee.
    """
    key = (day.rules_key, service.code, reasons, has_whatsapp, service.code in day.absent)
    found = _PLANS.get(office, key)
    if found is not None:
        return found
    on = day.info.date
    decision = decide_in_force(day.force, service, reasons, has_whatsapp, on)
    return _PLANS.put(office, key, _build(office, day.force, decision, service, reasons, on))


def _build(
    office: OfficeConfig,
    force: InForce,
    decision: Decision,
    service: Service,
    reasons: tuple[str, ...],
    day: dt.date,
) -> Plan:
    policy = force.policy
    entry = catalogue()[service]
    exists = decision.situation.introduced
    # A service younger than the day asked has no checklist yet: a later one would be anachronism.
    requirements, changes = (
        _checklist(office, service, day, force.office_policy, _applies_remotely(decision))
        if exists
        else ((), ())
    )
    fulfilment = policy.fulfilment_for(service) if entry.produces_document else None
    collected = Reasons(office)
    if office.baseline:  # first, so nobody reads the national rules as the office's own
        # Imported here: the baseline module's models cost an answer from a built-in office
        # about a millisecond of its cold start (benchmarks/bench_import.py).
        from adminduk.offices import BASELINE_RULES

        collected.add("baseline-office", "office.baseline", BASELINE_RULES)
    _rule_reason(collected, decision, service)
    _unreachable_reasons(collected, decision)
    _presence_reasons(collected, policy, decision, service)
    _policy_reason(collected, office, force)
    _national_reasons(collected, force, decision)
    _urgency_reasons(collected, office, policy, decision, reasons)
    _urgent_route(collected, policy, decision, service)
    _fulfilment_reasons(collected, decision, fulfilment)
    _deadline_reason(collected, decision, service)
    if changes:  # the sources of the items marked as the office's own, in the sources line
        keys = dict.fromkeys(key for c in changes for key in source_parts(c.source))
        collected.add("office-requirements", "requirements.office", "; ".join(keys))
    _fee_reason(collected)
    _provider_reason(collected, office)
    # A national letter confirms nothing about the office itself: it dates no office fact; nor
    # does the article of a measure that has ended, which says what held then, not now.
    dates = {
        office.source_date(part, national=False)
        for reason in collected.items
        if reason.rule_id not in _HISTORY
        for part in source_parts(reason.source)
    }
    return Plan(
        policy=policy,
        decision=decision,
        requirements=requirements,
        # Where no national checklist is known, say so even beside the office's own items:
        # "every file as a PDF" alone would point to a list nobody gave.
        requirements_note=entry.requirements_note if exists and not entry.requirements else None,
        fulfilment=fulfilment,
        reasons=tuple(collected.items),
        # Only a dated source the answer rests on confirms it: the file's newest article (on a
        # Covid measure, say) does not confirm the ordinary counter years after it. Newest
        # first: the day asked takes the newest published by then (Plan.confirmed_on).
        dated=tuple(sorted((d for d in dates if d is not None), reverse=True)),
        certainty=force.certainty,
        # A ready-by day is counted only where a route is given and the office states a time.
        ready_days=(
            fulfilment.processing_working_days
            if fulfilment is not None and decision.outcome.gives_a_route
            else None
        ),
    )
