"""The triage decision: an ordered list of rules, the first that applies decides.

The rules read only the fields of the policy in force (never an office's name), so the same
procedure serves every office, built-in or plugin:

==========================  ===================================================================
rule id                     applies when … → outcome
==========================  ===================================================================
``suspended``               the policy suspends the service and this person is not exempt
                            → ``defer`` (mode ``defer``) or ``unavailable`` (mode ``refuse``)
``counter-only``            the service needs the counter (biometric photo, direct
                            verification) and the counter serves this person → ``in-person``
``counter-only-wait``       the service needs the counter, which does not serve this person
                            now → ``defer``
``urgent-counter``          the person has an urgent need the policy accepts, and the counter
                            serves urgent needs and takes the service → ``in-person``
``non-urgent-wait``         the policy asks people without an urgent need to postpone, and
                            this person has none → ``defer``
``online``                  a remote channel (app, portal, or WhatsApp for someone who has it)
                            takes the service → ``online``
``walk-in-no-whatsapp``     only WhatsApp takes it online, the person has no WhatsApp, and the
                            counter serves walk-ins (open, or the policy says so) → ``in-person``
``counter-open``            the counter is open to everyone and takes the service
                            → ``in-person``
``no-whatsapp-wait``        only WhatsApp takes it online, the person has no WhatsApp and the
                            counter does not serve them → ``defer``
``no-route``                nothing takes the service under this policy → ``unavailable``
==========================  ===================================================================

A suspension marked ``urgent_exempt`` lets an accepted urgent need through to the counter.

Which needs are urgent: those the policy names. Where the policy's list is only examples
(``urgency_reasons_exhaustive = false``: the articles say "such as …"), the urgent needs of the
national instruction (Surat Dirjen Dukcapil 443.1/2978/Dukcapil: BPJS, hospital, TNI/Polri) are
accepted too, and the answer says it rests on the national list (``national_urgent``). Any
other reason counts as no urgency at all (``not_accepted``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from adminduk.documents import Service
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    Channel,
    CounterOnly,
    InPersonStance,
    Policy,
    Suspension,
    SuspensionMode,
)
from adminduk.triage._vocabulary import Outcome

__all__ = ["RULES", "Decision", "Rule", "decide", "rule"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the triage procedure.

    Attributes:
        id: stable identifier, quoted in every answer the rule gives.
        outcome: the outcome it yields (for ``suspended``: the ``defer`` case).
        summary: when it applies, in English, for readers of the procedure.

    Examples:
        >>> RULES[0].id, RULES[-1].outcome.value
        ('suspended', 'unavailable')
    """

    id: str
    outcome: Outcome
    summary: str


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "suspended",
        Outcome.DEFER,
        "the policy suspends the service and this person is not exempt "
        "(mode 'refuse' gives 'unavailable')",
    ),
    Rule(
        "counter-only",
        Outcome.IN_PERSON,
        "the service needs the counter, and the counter serves this person",
    ),
    Rule(
        "counter-only-wait",
        Outcome.DEFER,
        "the service needs the counter, which does not serve this person now",
    ),
    Rule(
        "urgent-counter",
        Outcome.IN_PERSON,
        "an accepted urgent need, and the counter serves urgent needs for this service",
    ),
    Rule(
        "non-urgent-wait",
        Outcome.DEFER,
        "the policy asks people without an urgent need to postpone, and this person has none",
    ),
    Rule("online", Outcome.ONLINE, "a remote channel this person can use takes the service"),
    Rule(
        "walk-in-no-whatsapp",
        Outcome.IN_PERSON,
        "only WhatsApp takes it online, the person has none, and walk-ins are served",
    ),
    Rule("counter-open", Outcome.IN_PERSON, "the counter is open to all and takes the service"),
    Rule(
        "no-whatsapp-wait",
        Outcome.DEFER,
        "only WhatsApp takes it online, the person has none, and the counter does not serve them",
    ),
    Rule("no-route", Outcome.UNAVAILABLE, "nothing takes the service under this policy"),
)
_BY_ID: Final = {rule.id: rule for rule in RULES}


@dataclass(frozen=True, slots=True)
class Decision:
    """The result of triage for one person, one service, under one policy.

    Attributes:
        outcome: what to do.
        rule: the rule that decided.
        channels: the channels to use, best first (the counter first when the outcome is
            ``in-person``); empty for ``defer`` and ``unavailable``.
        in_person_allowed: whether the counter would serve this person for this service.
        urgent: the given reasons accepted as urgent (named by the policy or, where its list
            is only examples, by the national instruction).
        national_urgent: those of ``urgent`` accepted only through the national list.
        not_accepted: the given reasons not accepted.
        suspension: the suspension that applies, if any.
        counter_only: the counter-only rule that applies, if any.
        source: the source of the fact the deciding rule rests on.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> policy = get_office("35.14").policy_at(dt.date(2020, 3, 24))
        >>> decision = decide(policy, Service.parse("kk/perubahan"))
        >>> decision.outcome.value, decision.rule.id, decision.channels[0].address
        ('online', 'online', '+6281359547692')
    """

    outcome: Outcome
    rule: Rule
    channels: tuple[Channel, ...]
    in_person_allowed: bool
    urgent: tuple[str, ...]
    national_urgent: tuple[str, ...]
    not_accepted: tuple[str, ...]
    suspension: Suspension | None
    counter_only: CounterOnly | None
    source: str


def _serves(policy: Policy, counter: Channel | None, service: Service, urgent: bool) -> bool:
    """Whether the counter serves this person for this service under the policy."""
    if counter is None or not counter.takes(service):
        return False
    stance = policy.in_person
    return stance is InPersonStance.OPEN or (stance is InPersonStance.URGENT_ONLY and urgent)


def decide(
    policy: Policy,
    service: Service,
    reasons: Sequence[str] = (),
    has_whatsapp: bool = True,
) -> Decision:
    """Run the triage rules in order; the first that applies decides.

    ``reasons`` are urgency-reason codes already checked to exist (``advise`` checks them);
    those the policy does not accept are reported in ``not_accepted`` and count for nothing.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> policy = get_office("35.04").policy_at(dt.date(2020, 3, 20))
        >>> decide(policy, Service.parse("kk/perubahan")).outcome.value
        'online'
        >>> decide(policy, Service.parse("kk/perubahan"), ["rumah-sakit"]).outcome.value
        'in-person'
    """
    national = () if policy.urgency_reasons_exhaustive else tuple(BUILTIN_URGENCY_REASONS)
    national_urgent = tuple(r for r in reasons if not policy.accepts(r) and r in national)
    urgent = tuple(r for r in reasons if policy.accepts(r) or r in national_urgent)
    not_accepted = tuple(r for r in reasons if r not in urgent)
    counter = policy.counter
    serves = _serves(policy, counter, service, bool(urgent))
    channels = policy.channels_for(service)
    remote = tuple(ch for ch in channels if ch.kind.is_remote)
    usable = tuple(ch for ch in remote if has_whatsapp or not ch.kind.needs_whatsapp)
    counter_first = ((counter,) if counter is not None else ()) + usable

    def decision(
        rule_id: str,
        chosen: tuple[Channel, ...],
        source: str,
        outcome: Outcome | None = None,
        allowed: bool = serves,
    ) -> Decision:
        rule = _BY_ID[rule_id]
        return Decision(
            outcome=outcome or rule.outcome,
            rule=rule,
            channels=chosen,
            in_person_allowed=allowed,
            urgent=urgent,
            national_urgent=national_urgent,
            not_accepted=not_accepted,
            suspension=suspension,
            counter_only=counter_only,
            source=source,
        )

    suspension = policy.suspension_for(service)
    counter_only = policy.counter_only_for(service)
    if suspension is not None and not (suspension.urgent_exempt and urgent and serves):
        outcome = Outcome.UNAVAILABLE if suspension.mode is SuspensionMode.REFUSE else None
        return decision("suspended", (), suspension.source, outcome, allowed=False)
    if counter_only is not None:
        if serves and counter is not None:
            return decision("counter-only", (counter,), counter_only.source)
        return decision("counter-only-wait", (), counter_only.source)
    if urgent and serves and counter is not None:
        return decision("urgent-counter", counter_first, policy.source_of("urgency_reasons"))
    if policy.non_urgent_asked_to_wait and not urgent and (usable or serves):
        return decision("non-urgent-wait", (), policy.source_of("non_urgent_asked_to_wait"))
    if usable:
        return decision("online", usable, usable[0].source)
    walk_ins = policy.walk_ins_without_whatsapp
    if remote and counter is not None and counter.takes(service) and (walk_ins or serves):
        # Someone without WhatsApp may come in where the office says walk-ins are served.
        return decision(
            "walk-in-no-whatsapp",
            (counter,),
            policy.source_of("walk_ins_without_whatsapp"),
            allowed=True,
        )
    if serves and counter is not None:
        return decision("counter-open", (counter,), counter.source)
    if remote:
        return decision("no-whatsapp-wait", (), remote[0].source)
    return decision("no-route", (), policy.source)


def rule(rule_id: str) -> Rule:
    """The rule with this id.

    Examples:
        >>> rule("online").outcome.value
        'online'
    """
    return _BY_ID[rule_id]
