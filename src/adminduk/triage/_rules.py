"""The triage decision: an ordered list of rules, the first that applies decides.

Each :class:`Rule` carries its own condition and its own result, and :data:`RULES` is the one
statement of their order: :func:`decide` takes the first rule whose condition holds. The rules
read only the fields of the policy in force (never an office's name), so the same procedure
serves every office, built-in or plugin. ``docs/advice.md`` shows the table; a test holds it
equal to :data:`RULES`.

Which needs are urgent: those the policy names. Where the policy's list is only examples
(``urgency_reasons_exhaustive = false``: the articles say "such as …"), the urgent needs of the
national instruction (Surat Dirjen Dukcapil 443.1/2978/Dukcapil: BPJS, hospital, TNI/Polri,
school) are accepted too, and the answer says it rests on the national list
(``national_urgent``). Urgency only matters where the policy restricts someone: a counter that
serves only urgent needs, a request to wait, or a suspension that lets urgent needs through.
Where nothing is restricted, a given reason changes nothing and is not judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from adminduk._core import arguments
from adminduk._core.redact import is_text, plain
from adminduk.documents import Service, catalogue
from adminduk.errors import OutOfRange
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    Channel,
    ChannelKind,
    CounterOnly,
    InForce,
    InPersonStance,
    Policy,
    Suspension,
    SuspensionMode,
)
from adminduk.triage._vocabulary import Outcome

__all__ = [
    "RULES",
    "Decision",
    "Rule",
    "Situation",
    "accepted_reasons",
    "decide",
    "decide_in_force",
    "exists_on",
    "rule",
]


@dataclass(frozen=True, slots=True)
class Situation:
    """What the rules look at: one person, one service, under the policy in force.

    Attributes:
        policy: the policy in force.
        service: the service asked about.
        urgent: the given reasons accepted as urgent.
        national_urgent: those of ``urgent`` accepted only through the national list.
        not_accepted: the given reasons not accepted (only where urgency matters).
        urgency_matters: whether the policy restricts anyone by urgency.
        counter: the counter channel, when the counter is not closed (on the day, if given).
        serves: whether the counter serves this person for this service.
        remote: the remote channels that take the service (those holding on the day, if
            given: :meth:`~adminduk.offices.Policy.channels_on`).
        reachable: those of ``remote`` a citizen can follow (an address, or how to find it).
        usable: those of ``reachable`` this person can use (WhatsApp only for someone who has
            it).
        suspension: the suspension of the service, if any.
        counter_only: the rule keeping the service at the counter, if any.
        needs_presence: whether the service has a step that needs the person present.
        introduced: whether the service exists on the day asked about (see
            :class:`~adminduk.documents.Introduction`); true where no day is given.
        has_whatsapp: whether the person can use WhatsApp.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> policy = get_office("35.14").policy_at(dt.date(2020, 3, 24))
        >>> situation = Situation.of(policy, Service.parse("ktp-el/baru"))
        >>> situation.needs_presence, [ch.kind.value for ch in situation.usable]
        (True, ['whatsapp'])
    """

    policy: Policy
    service: Service
    urgent: tuple[str, ...]
    national_urgent: tuple[str, ...]
    not_accepted: tuple[str, ...]
    urgency_matters: bool
    counter: Channel | None
    serves: bool
    remote: tuple[Channel, ...]
    reachable: tuple[Channel, ...]
    usable: tuple[Channel, ...]
    suspension: Suspension | None
    counter_only: CounterOnly | None
    needs_presence: bool
    introduced: bool = True
    has_whatsapp: bool = True

    @classmethod
    def of(
        cls,
        policy: Policy,
        service: Service,
        reasons: Sequence[str] = (),
        has_whatsapp: bool = True,
        day: dt.date | None = None,
    ) -> Situation:
        """Read the situation off the policy, for a person with these reasons, on ``day``.

        Examples:
            >>> import datetime as dt
            >>> from adminduk import get_office
            >>> policy = get_office("52.71").policy_at(dt.date(2020, 3, 25))
            >>> Situation.of(policy, Service.parse("kk/baru"), ["bpjs"]).urgency_matters
            False
        """
        urgency_matters = _urgency_matters(policy)
        urgent, national_urgent, not_accepted = (
            _sort_reasons(policy, reasons) if urgency_matters else ((), (), ())
        )
        # The channels of the day (a dated channel not holding then is left out): read once.
        channels = policy._channels_on(day)
        counter = next((ch for ch in channels if ch.kind is ChannelKind.COUNTER), None)
        serves = _counter_serves(policy, counter, service, urgent)
        remote = tuple(
            ch for ch in channels if ch.kind.is_remote and service.code in ch.service_codes
        )
        # A channel nobody can find is no route: the answer must not send anyone to it.
        reachable = tuple(ch for ch in remote if ch.followable)
        entry = catalogue()[service]
        introduced = day is None or exists_on(service, day)
        return cls(
            policy=policy,
            service=service,
            urgent=urgent,
            national_urgent=national_urgent,
            not_accepted=not_accepted,
            urgency_matters=urgency_matters,
            counter=counter,
            serves=serves,
            remote=remote,
            reachable=reachable,
            usable=tuple(ch for ch in reachable if has_whatsapp or not ch.kind.needs_whatsapp),
            suspension=policy.suspension_for(service),
            counter_only=policy.counter_only_for(service),
            needs_presence=bool(entry.in_person_steps),
            introduced=introduced,
            has_whatsapp=has_whatsapp,
        )

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every need the policy accepts as urgent (see :func:`accepted_reasons`)."""
        return accepted_reasons(self.policy)

    @property
    def counter_route(self) -> tuple[Channel, ...]:
        """The counter alone, or nothing when the counter is closed."""
        return (self.counter,) if self.counter is not None else ()

    @property
    def exempt_from_suspension(self) -> bool:
        """Whether this person's urgent need lets them past the suspension, to the counter."""
        return (
            self.suspension is not None
            and self.suspension.urgent_exempt
            and bool(self.urgent)
            and self.serves
        )

    @property
    def walk_in_served(self) -> bool:
        """Whether the counter takes the service from someone who walks in without WhatsApp."""
        return (
            self.counter is not None
            and self.counter.takes(self.service)
            and (self.policy.walk_ins_without_whatsapp or self.serves)
        )


def exists_on(service: Service, day: dt.date) -> bool:
    """Whether ``service`` exists on ``day``: the one place triage and advice ask it.

    Asked once per office and day by ``advise`` (which caches the answer with the day) and once
    per decision.

    Examples:
        >>> import datetime as dt
        >>> exists_on(Service.parse("ikd/baru"), dt.date(2021, 12, 31))
        False
        >>> exists_on(Service.parse("kk/baru"), dt.date(1990, 1, 1))
        True
    """
    introduced = catalogue()[service].introduced
    return introduced is None or introduced.offered_on(day)


def _national_list(policy: Policy) -> tuple[str, ...]:
    """The national urgent needs a policy also accepts: none where its own list is exhaustive."""
    return () if policy.urgency_reasons_exhaustive else tuple(BUILTIN_URGENCY_REASONS)


def accepted_reasons(policy: Policy) -> tuple[str, ...]:
    """Every need the policy accepts as urgent: its own list, then the national one.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> accepted_reasons(get_office("35.04").policy_at(dt.date(2020, 3, 20)))
        ('bpjs', 'rumah-sakit', 'tni-polri', 'sekolah')
    """
    return tuple(dict.fromkeys((*policy.urgency_reasons, *_national_list(policy))))


def _urgency_matters(policy: Policy) -> bool:
    """Whether the policy treats urgent people differently, so a person's reasons count."""
    return (
        policy.in_person is not InPersonStance.OPEN
        or policy.non_urgent_asked_to_wait
        or any(suspension.urgent_exempt for suspension in policy.suspended)
    )


def _sort_reasons(
    policy: Policy, reasons: Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The reasons that make a person urgent, those urgent by national rule only, and the rest.

    A policy whose urgency list is exhaustive leaves no room for the national reasons.
    """
    national = _national_list(policy)
    national_urgent = tuple(r for r in reasons if not policy.accepts(r) and r in national)
    urgent = tuple(r for r in reasons if policy.accepts(r) or r in national_urgent)
    not_accepted = tuple(r for r in reasons if r not in urgent)
    return urgent, national_urgent, not_accepted


def _counter_serves(
    policy: Policy, counter: Channel | None, service: Service, urgent: tuple[str, ...]
) -> bool:
    """Whether the counter takes the service from this person: open to all, or to the urgent."""
    stance = policy.in_person
    return (
        counter is not None
        and counter.takes(service)
        and (
            stance is InPersonStance.OPEN
            or (stance is InPersonStance.URGENT_ONLY and bool(urgent))
        )
    )


def _none(_: Situation) -> tuple[Channel, ...]:
    return ()


def _counter(situation: Situation) -> tuple[Channel, ...]:
    return situation.counter_route


def _online_then_counter(situation: Situation) -> tuple[Channel, ...]:
    """The remote channels, then the counter where it serves this person too.

    An answer that sends someone online still names the counter that would take them: a reply
    saying "the counter serves everyone" must not leave it out of its channels.
    """
    return situation.usable + (situation.counter_route if situation.serves else ())


def _policy_source(situation: Situation) -> str:
    return situation.policy.source


def _introduction_source(situation: Situation) -> str:
    introduced = catalogue()[situation.service].introduced
    assert introduced is not None  # the rule applies only to a service with one
    return introduced.legal_basis


def _suspension_source(situation: Situation) -> str:
    assert situation.suspension is not None  # the rule applies only with one
    return situation.suspension.source


def _counter_only_source(situation: Situation) -> str:
    assert situation.counter_only is not None  # the rule applies only with one
    return situation.counter_only.source


def _first_remote_source(situation: Situation) -> str:
    return situation.remote[0].source


def _first_reachable_source(situation: Situation) -> str:
    return situation.reachable[0].source


def _first_usable_source(situation: Situation) -> str:
    return situation.usable[0].source


def _counter_source(situation: Situation) -> str:
    assert situation.counter is not None  # the rule applies only with one
    return situation.counter.source


def _cited(field_name: str) -> Callable[[Situation], str]:
    def source(situation: Situation) -> str:
        return situation.policy.source_of(field_name)

    return source


def _urgent_source(situation: Situation) -> str:
    """Who says the person's needs are urgent: the policy, or the national instruction.

    The policy for its own list, the national instruction for the needs accepted only through
    it (never the office for those).
    """
    parts: list[str] = []
    if any(reason not in situation.national_urgent for reason in situation.urgent):
        parts.append(situation.policy.source_of("urgency_reasons"))
    parts += [BUILTIN_URGENCY_REASONS[reason].source for reason in situation.national_urgent]
    return "; ".join(dict.fromkeys(parts))


def _served(situation: Situation) -> bool:
    return situation.serves


def _suspended_outcome(situation: Situation) -> Outcome:
    assert situation.suspension is not None  # the rule applies only with one
    refused = situation.suspension.mode is SuspensionMode.REFUSE
    return Outcome.UNAVAILABLE if refused else Outcome.DEFER


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the triage procedure: when it applies, and what it then answers.

    Attributes:
        id: stable identifier, quoted in every answer the rule gives.
        outcome: the outcome it yields (for ``suspended``: the ``defer`` case; a refusal gives
            ``unavailable``).
        summary: when it applies, in English, for readers of the procedure.
        applies: the condition, over a :class:`Situation`.
        route: the channels it offers, best first.
        source: the source of the fact it rests on.
        allowed: whether the counter would serve this person (default: whether it serves them).
        outcome_of: the outcome when it depends on the situation (default: ``outcome``).

    Examples:
        >>> RULES[0].id, RULES[1].id, RULES[-1].outcome.value
        ('not-introduced', 'suspended', 'unavailable')
    """

    id: str
    outcome: Outcome
    summary: str
    applies: Callable[[Situation], bool] = field(repr=False, compare=False)
    route: Callable[[Situation], tuple[Channel, ...]] = field(repr=False, compare=False)
    source: Callable[[Situation], str] = field(repr=False, compare=False)
    allowed: Callable[[Situation], bool] = field(default=_served, repr=False, compare=False)
    outcome_of: Callable[[Situation], Outcome] | None = field(
        default=None, repr=False, compare=False
    )


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "not-introduced",
        Outcome.UNAVAILABLE,
        "the service did not exist yet on the day asked about (the year of the regulation "
        "that brought it in)",
        applies=lambda s: not s.introduced,
        route=_none,
        source=_introduction_source,
        allowed=lambda _: False,
    ),
    Rule(
        "suspended",
        Outcome.DEFER,
        "the policy suspends the service and this person's urgent need does not lift it "
        "(a deferral gives 'defer', a refusal 'unavailable')",
        applies=lambda s: s.suspension is not None and not s.exempt_from_suspension,
        route=_none,
        source=_suspension_source,
        allowed=lambda _: False,
        outcome_of=_suspended_outcome,
    ),
    Rule(
        "counter-only",
        Outcome.IN_PERSON,
        "the service needs the counter, and the counter serves this person",
        applies=lambda s: s.counter_only is not None and s.serves,
        route=_counter,
        source=_counter_only_source,
    ),
    Rule(
        "counter-only-wait",
        Outcome.DEFER,
        "the service needs the counter, which does not serve this person now",
        applies=lambda s: s.counter_only is not None,
        route=_none,
        source=_counter_only_source,
    ),
    Rule(
        "urgent-counter",
        Outcome.IN_PERSON,
        "an accepted urgent need, and the counter serves urgent needs for this service",
        applies=lambda s: bool(s.urgent) and s.serves,
        route=lambda s: s.counter_route + s.usable,
        source=_urgent_source,
    ),
    Rule(
        "online-with-visit",
        Outcome.ONLINE,
        "a remote channel this person can use takes the application, and a step of the "
        "service needs the person present",
        applies=lambda s: bool(s.usable) and s.needs_presence,
        route=_online_then_counter,
        source=_first_usable_source,
    ),
    Rule(
        "online",
        Outcome.ONLINE,
        "a remote channel this person can use takes the service",
        applies=lambda s: bool(s.usable),
        route=_online_then_counter,
        source=_first_usable_source,
    ),
    Rule(
        "walk-in-no-whatsapp",
        Outcome.IN_PERSON,
        "only WhatsApp takes it online, the person has none, and walk-ins are served",
        # The person's lack of WhatsApp decides only where they said so and a channel needs
        # it: a channel nobody can find is no reason to speak of their WhatsApp.
        applies=lambda s: (
            not s.has_whatsapp
            and any(ch.kind.needs_whatsapp for ch in s.remote)
            and s.walk_in_served
        ),
        route=_counter,
        source=_cited("walk_ins_without_whatsapp"),
        allowed=lambda _: True,
    ),
    Rule(
        "counter-open",
        Outcome.IN_PERSON,
        "the counter is open to this person and takes the service",
        applies=_served,
        route=_counter,
        source=_counter_source,
    ),
    Rule(
        "no-whatsapp-wait",
        Outcome.DEFER,
        "only WhatsApp takes it online, the person has none, and the counter does not serve them",
        applies=lambda s: bool(s.reachable),
        route=_none,
        source=_first_reachable_source,
    ),
    Rule(
        "asked-to-wait",
        Outcome.DEFER,
        "nothing serves this person now, and the rules ask people without an urgent need to wait",
        applies=lambda s: s.policy.non_urgent_asked_to_wait and not s.urgent,
        route=_none,
        source=_cited("non_urgent_asked_to_wait"),
    ),
    Rule(
        "urgent-only-wait",
        Outcome.DEFER,
        "the counter takes the service but serves only urgent needs now, and nothing else "
        "serves this person",
        applies=lambda s: (
            s.counter is not None
            and s.counter.takes(s.service)
            and s.policy.in_person is InPersonStance.URGENT_ONLY
            and not s.urgent
        ),
        route=_none,
        source=_cited("in_person"),
    ),
    Rule(
        "route-unknown",
        Outcome.UNAVAILABLE,
        "remote channels take the service, but the sources give none of their addresses nor "
        "how to find them, and the counter does not serve this person",
        applies=lambda s: bool(s.remote),
        route=_none,
        source=_first_remote_source,
    ),
    Rule(
        "no-route",
        Outcome.UNAVAILABLE,
        "nothing takes the service under this policy",
        applies=lambda _: True,
        route=_none,
        source=_policy_source,
    ),
)
"""The triage procedure: the first rule that applies decides. The last one always applies."""

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
        situation: everything the rules looked at.
        urgent_route: where this person gets no route, though the service exists, and gave
            no accepted urgent need: the decision for the first need the policy accepts as
            urgent (``None`` otherwise), so an answer can say where urgent cases go.
        in_force: the rules in force on the day, where the decision was taken from them
            (:func:`decide_in_force`); ``None`` for a decision over a policy alone.

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
    situation: Situation = field(repr=False, compare=False)
    urgent_route: Decision | None = field(default=None, repr=False, compare=False)
    in_force: InForce | None = field(default=None, repr=False, compare=False)


def decide(
    policy: Policy,
    service: Service,
    reasons: Sequence[str] = (),
    has_whatsapp: bool = True,
    *,
    day: dt.date | None = None,
) -> Decision:
    """Run the triage rules in order; the first that applies decides.

    ``reasons`` are urgency-reason codes already checked to exist (``advise`` checks them);
    those the policy does not accept are reported in ``not_accepted`` and count for nothing.
    ``day`` is the date asked about: a service younger than it (the IKD before 2022) has no
    route; without a day, the policy alone decides.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> policy = get_office("35.04").policy_at(dt.date(2020, 3, 20))
        >>> decide(policy, Service.parse("kk/perubahan")).outcome.value
        'online'
        >>> decide(policy, Service.parse("kk/perubahan"), ["rumah-sakit"]).outcome.value
        'in-person'
        >>> decide(policy, Service.parse("ikd/baru"), day=dt.date(2020, 3, 20)).rule.id
        'not-introduced'
    """
    arguments.instance("policy", policy, Policy, "a Policy, e.g. office.policy_at(day)")
    service = Service.parse(service)
    reasons = arguments.texts("reasons", reasons, "urgency reason codes")
    on = None if day is None else arguments.day("day", day)
    return _decide(policy, service, tuple(reasons), has_whatsapp, on)


def decide_in_force(
    force: InForce,
    service: Service,
    reasons: tuple[str, ...],
    has_whatsapp: bool,
    day: dt.date,
) -> Decision:
    """:func:`decide` over the rules in force on ``day``, for arguments already checked.

    ``advise`` checks its arguments at its edge and asks here once: the decision carries the
    rules in force, whether the service exists on ``day`` and the route for urgent cases.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> from adminduk.offices import rules_in_force
        >>> day = dt.date(2020, 3, 20)
        >>> force = rules_in_force(get_office("35.04"), day)
        >>> decision = decide_in_force(force, Service.parse("kk/baru"), (), True, day)
        >>> decision.in_force is force, decision.rule.id
        (True, 'online')
    """
    return _decide(force.policy, service, reasons, has_whatsapp, day, in_force=force)


def _decide(
    policy: Policy,
    service: Service,
    reasons: Sequence[str],
    has_whatsapp: bool,
    day: dt.date | None,
    *,
    in_force: InForce | None = None,
    route_for_urgent: bool = True,
) -> Decision:
    """The decision, unchecked; with the urgent cases' route unless it is that route itself."""
    situation = Situation.of(policy, service, reasons, has_whatsapp, day)
    chosen = next(r for r in RULES if r.applies(situation))
    outcome = chosen.outcome_of(situation) if chosen.outcome_of else chosen.outcome
    urgent_route = None
    accepted = situation.accepted if route_for_urgent else ()
    # Whoever gets no route learns where urgent cases go: the policy decides that route on the
    # same day (its channels of the day), for the first need it accepts. No need reaches a
    # service that does not exist (the service exists on the day: ``introduced``).
    if accepted and not outcome.gives_a_route and situation.introduced and not situation.urgent:
        urgent_route = _decide(
            policy, service, accepted[:1], has_whatsapp, day, route_for_urgent=False
        )
    return Decision(
        outcome=outcome,
        rule=chosen,
        channels=chosen.route(situation),
        in_person_allowed=chosen.allowed(situation),
        urgent=situation.urgent,
        national_urgent=situation.national_urgent,
        not_accepted=situation.not_accepted,
        suspension=situation.suspension,
        counter_only=situation.counter_only,
        source=chosen.source(situation),
        situation=situation,
        urgent_route=urgent_route,
        in_force=in_force,
    )


def rule(rule_id: str) -> Rule:
    """The rule with this id.

    Raises:
        OutOfRange: no rule has this id.

    Examples:
        >>> rule("online").outcome.value
        'online'
    """
    rule_id = plain(rule_id)
    found = _BY_ID.get(rule_id) if is_text(rule_id) else None
    if found is None:
        raise OutOfRange("rule_id", rule_id, f"one of {', '.join(_BY_ID)}")
    return found
