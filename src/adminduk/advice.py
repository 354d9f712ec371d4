"""``advise()``: the library's main job, composing catalogue, office rules, calendar and triage.

A citizen (or the bot speaking for one) says which office, which service, when, and why it is
urgent; :func:`advise` answers what to do — apply online through which channel, come to the
counter, wait, or that the service is not offered now — with the checklist, the opening hours
and the reasons, each reason citing the rule that gave it and the source of the fact it rests on.

Examples:
    >>> from datetime import datetime
    >>> import adminduk
    >>> advice = adminduk.advise("35.14", "kk/perubahan", at=datetime(2020, 3, 24, 10, 0))
    >>> advice.outcome.value, advice.channels[0].address
    ('online', '+6281359547692')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from pydantic import BaseModel, ConfigDict

from adminduk._advice_text import Lang, service_name, text
from adminduk._suggest import close_matches
from adminduk.documents import Requirement, Service, catalogue
from adminduk.errors import OutOfRange, UnknownReason
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    Channel,
    Fulfilment,
    OfficeConfig,
    Policy,
    get_office,
)
from adminduk.schedule import DayInfo, OfficeCalendar
from adminduk.triage import Decision, Outcome, decide

__all__ = ["Advice", "AdviceReason", "advise"]

# Holiday dates, estimates and cuti bersama come from the `holidays` package's Indonesia data.
_CALENDAR_SOURCE: Final = "python-holidays, Indonesia (public and government categories)"


class AdviceReason(BaseModel):
    """One reason behind an advice: the rule that gave it, its text, and its source.

    Attributes:
        rule_id: the triage rule (``online``, ``counter-only`` …) or context item
            (``policy``, ``default-hours``, ``fulfilment`` …) that produced it.
        text_id: the reason in Indonesian.
        text_en: the reason in English.
        source: the source reference as the office file or catalogue gives it (e.g. ``A1``).
        source_text: the same source spelled out for a reader.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("35.04", "kk/perubahan", at=datetime(2020, 3, 20, 9))
        >>> advice.reasons[0].rule_id, advice.reasons[0].source
        ('online', 'A3')
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule_id: str
    text_id: str
    text_en: str
    source: str
    source_text: str

    def text(self, lang: Lang = "id") -> str:
        """The reason in Indonesian (``id``) or English (``en``)."""
        return self.text_en if lang == "en" else self.text_id


class Advice(BaseModel):
    """What a citizen should do about one service at one office at one moment, and why.

    A frozen, JSON-serialisable value; :meth:`to_message` turns it into a WhatsApp reply.

    Attributes:
        office_code: the office's Kemendagri code.
        office_name: the office's official name.
        timezone: the office's IANA time zone.
        service: the service asked about.
        at: the moment asked about, aware, in the office's zone.
        policy_id: the policy in force at ``at`` (``ordinary`` outside every dated policy).
        outcome: ``online``, ``in-person``, ``defer`` or ``unavailable``.
        rule_id: the triage rule that decided.
        channels: the channels to use, best first (empty for ``defer`` / ``unavailable``).
        requirements: the checklist: national baseline merged with the office's changes.
        requirements_note: why the checklist is empty, when no source gives one.
        in_person_allowed: whether the counter would serve this person for this service.
        office_open: whether the office is open at ``at``.
        next_opening: the first opening at or after ``at`` (``at`` itself when open).
        ready_by: the earliest pick-up opening, where the office states a processing time.
        fulfilment: how finished documents reach the citizen, where a source says.
        hours_are_default: whether the hours used are the national default, not the office's.
        provisional: whether an answer rests on an estimated holiday or undecreed cuti bersama.
        reasons: why, each with its rule id, texts and source; the deciding rule first.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("52.71", "ktp-el/baru", at=datetime(2020, 3, 25, 10))
        >>> advice.outcome.value, advice.in_person_allowed, advice.at.isoformat()
        ('in-person', True, '2020-03-25T10:00:00+08:00')
        >>> advice == adminduk.Advice.model_validate_json(advice.model_dump_json())
        True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    office_code: str
    office_name: str
    timezone: str
    service: Service
    at: dt.datetime
    policy_id: str
    outcome: Outcome
    rule_id: str
    channels: tuple[Channel, ...]
    requirements: tuple[Requirement, ...]
    requirements_note: str | None
    in_person_allowed: bool
    office_open: bool
    next_opening: dt.datetime
    ready_by: dt.datetime | None
    fulfilment: Fulfilment | None
    hours_are_default: bool
    provisional: bool
    reasons: tuple[AdviceReason, ...]

    def to_message(self, lang: Lang = "id") -> str:
        """A reply a bot can send as it is, in Indonesian (``id``, default) or English (``en``).

        The outcome in one sentence; the channels with a ``https://wa.me/…`` link or URL; the
        checklist numbered; the next opening written the Indonesian way; the reasons and the
        sources they rest on.

        Examples:
            >>> from datetime import datetime
            >>> import adminduk
            >>> advice = adminduk.advise("35.14", "kk/perubahan", at=datetime(2020, 3, 24, 10))
            >>> print(advice.to_message())  # doctest: +ELLIPSIS
            Silakan ajukan Kartu Keluarga (KK): perubahan data secara online.
            <BLANKLINE>
            Saluran:
            - WhatsApp layanan Kartu Keluarga: https://wa.me/6281359547692
            ...
        """
        if lang not in ("id", "en"):
            raise OutOfRange("lang", lang, "'id' (Indonesian) or 'en' (English)")
        from adminduk._advice_render import render

        return render(self, lang)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What does not change with the minute asked about: cached per policy, service, person."""

    office: OfficeConfig
    policy: Policy
    decision: Decision
    requirements: tuple[Requirement, ...]
    requirements_note: str | None
    fulfilment: Fulfilment | None
    reasons: tuple[AdviceReason, ...]


_PLANS: dict[tuple[int, str, str, tuple[str, ...], bool], _Plan] = {}
_PLAN_CACHE_LIMIT: Final = 20_000


Bilingual = tuple[str, str]
"""A template field in Indonesian and English; a plain ``str`` serves both languages."""


def _reason(
    office: OfficeConfig,
    rule_id: str,
    key: str,
    source: str,
    fields: Mapping[str, str | Bilingual] | None = None,
) -> AdviceReason:
    given = fields or {}

    def pick(index: int) -> dict[str, str]:
        return {k: v if isinstance(v, str) else v[index] for k, v in given.items()}

    return AdviceReason(
        rule_id=rule_id,
        text_id=text(key, "id", **pick(0)),
        text_en=text(key, "en", **pick(1)),
        source=source,
        source_text=office.describe_source(source),
    )


def _both(key: str, **fields: str | int) -> Bilingual:
    return text(key, "id", **fields), text(key, "en", **fields)


def _service_name(service: Service) -> Bilingual:
    return service_name(service, "id"), service_name(service, "en")


def _period(policy: Policy) -> Bilingual:
    if policy.valid_until is None:
        return _both("period.open-ended", start=str(policy.valid_from))
    return _both("period.bounded", start=str(policy.valid_from), end=str(policy.valid_until))


def _urgent_names(office: OfficeConfig, codes: tuple[str, ...]) -> Bilingual:
    known = {**BUILTIN_URGENCY_REASONS, **{info.code: info for info in office.urgency_reasons}}
    return (
        ", ".join(known[code].name_id if code in known else code for code in codes),
        ", ".join(known[code].name_en if code in known else code for code in codes),
    )


def _rule_reason(office: OfficeConfig, decision: Decision, service: Service) -> AdviceReason:
    fields: dict[str, str | Bilingual] = {"service": _service_name(service)}
    if decision.suspension is not None and decision.rule.id == "suspended":
        fields["why"] = (decision.suspension.reason_id, decision.suspension.reason_en)
    elif decision.counter_only is not None:
        fields["why"] = _both(f"why.{decision.counter_only.why.value}")
    if decision.urgent:
        fields["reasons"] = _urgent_names(office, decision.urgent)
    return _reason(office, decision.rule.id, f"rule.{decision.rule.id}", decision.source, fields)


def _plan(
    office: OfficeConfig,
    policy: Policy,
    service: Service,
    reasons: tuple[str, ...],
    has_whatsapp: bool,
    at: dt.datetime,
) -> _Plan:
    key = (id(office), policy.id, service.code, reasons, has_whatsapp)
    plan = _PLANS.get(key)
    if plan is not None and plan.office is office:
        return plan
    decision = decide(policy, service, reasons, has_whatsapp)
    entry = catalogue()[service]
    requirements = office.requirements(service, at)
    fulfilment = policy.fulfilment_for(service)
    collected = [_rule_reason(office, decision, service)]
    if policy.is_ordinary:
        collected.append(_reason(office, "policy", "policy.ordinary", policy.source))
    else:
        fields: dict[str, str | Bilingual] = {
            "title": (policy.title("id"), policy.title("en")),
            "period": _period(policy),
        }
        collected.append(
            _reason(office, "policy", "policy.dated", policy.source_of("valid_from"), fields)
        )
    if decision.national_urgent:
        reason_source = BUILTIN_URGENCY_REASONS[decision.national_urgent[0]].source
        collected.append(
            _reason(
                office,
                "reason-national",
                "reason.national",
                reason_source,
                {"reasons": _urgent_names(office, decision.national_urgent)},
            )
        )
    if decision.not_accepted:
        collected.append(
            _reason(
                office,
                "reason-not-accepted",
                "reason.not-accepted",
                policy.source_of("urgency_reasons"),
                {"reasons": _urgent_names(office, decision.not_accepted)},
            )
        )
    if decision.outcome in (Outcome.ONLINE, Outcome.IN_PERSON) and fulfilment is not None:
        if fulfilment.pickup is not None:
            pickup = _both(f"pickup.{fulfilment.pickup.value}")
            collected.append(
                _reason(
                    office,
                    "fulfilment",
                    "fulfilment.pickup",
                    fulfilment.source,
                    {"pickup": pickup},
                )
            )
        if fulfilment.originals_checked:
            collected.append(
                _reason(office, "originals-checked", "fulfilment.originals", fulfilment.source)
            )
    if entry.deadline is not None:
        deadline = entry.deadline
        fields = {
            "days": str(deadline.days),
            "counted_from": (deadline.counted_from_id, deadline.counted_from_en),
            "basis": deadline.legal_basis,
        }
        collected.append(
            _reason(office, "reporting-deadline", "deadline", deadline.legal_basis, fields)
        )
    plan = _Plan(
        office=office,
        policy=policy,
        decision=decision,
        requirements=requirements,
        requirements_note=None if requirements else entry.requirements_note,
        fulfilment=fulfilment,
        reasons=tuple(collected),
    )
    if len(_PLANS) >= _PLAN_CACHE_LIMIT:
        _PLANS.clear()
    _PLANS[key] = plan
    return plan


_DAYS: dict[tuple[int, dt.date], tuple[OfficeCalendar, DayInfo]] = {}
_DAY_CACHE_LIMIT: Final = 50_000


def _day_info(calendar: OfficeCalendar, day: dt.date) -> DayInfo:
    """The calendar's view of a date, cached: many requests fall on the same days."""
    key = (id(calendar), day)
    hit = _DAYS.get(key)
    if hit is not None and hit[0] is calendar:
        return hit[1]
    info = calendar.day_info(day)
    if len(_DAYS) >= _DAY_CACHE_LIMIT:
        _DAYS.clear()
    _DAYS[key] = (calendar, info)
    return info


_ALL_FIELDS: Final = frozenset(Advice.model_fields)


def _construct(**fields: object) -> Advice:
    """Build an Advice from parts that are already validated, without validating again.

    Equivalent to ``Advice.model_construct`` with every field given (a test checks the result
    equals a validated copy), at a fraction of its cost on the hot path.
    """
    advice = Advice.__new__(Advice)
    object.__setattr__(advice, "__dict__", fields)
    object.__setattr__(advice, "__pydantic_fields_set__", _ALL_FIELDS)
    object.__setattr__(advice, "__pydantic_extra__", None)
    object.__setattr__(advice, "__pydantic_private__", None)
    return advice


def _office(office: OfficeConfig | str) -> OfficeConfig:
    if isinstance(office, OfficeConfig):
        return office
    return get_office(office)


def _instant(zone: dt.tzinfo, at: dt.datetime | None) -> dt.datetime:
    if at is None:
        return dt.datetime.now(zone)
    if not isinstance(at, dt.datetime):
        raise OutOfRange("at", at, "a datetime (naive means the office's local wall time)")
    if at.tzinfo is None:
        return at.replace(tzinfo=zone)
    return at.astimezone(zone)


def _reasons(office: OfficeConfig, reasons: Iterable[str] | None) -> tuple[str, ...]:
    valid = set(BUILTIN_URGENCY_REASONS) | {info.code for info in office.urgency_reasons}
    if reasons is None:
        return ()
    if isinstance(reasons, str):
        reasons = (reasons,)
    elif not isinstance(reasons, Iterable):
        raise UnknownReason(reasons, valid=sorted(valid))
    checked: list[str] = []
    for reason in reasons:
        code = reason.strip().lower() if isinstance(reason, str) else reason
        if not isinstance(code, str):
            raise UnknownReason(reason, valid=sorted(valid))
        if code not in valid:
            raise UnknownReason(
                reason, valid=sorted(valid), suggestions=close_matches(code, valid)
            )
        if code not in checked:
            checked.append(code)
    return tuple(checked)


def advise(
    office: OfficeConfig | str,
    service: Service | str,
    at: dt.datetime | None = None,
    reasons: Iterable[str] | None = (),
    has_whatsapp: bool = True,
) -> Advice:
    """Advise a citizen: what to do about ``service`` at ``office`` at ``at``, and why.

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig`, or a registered office's code or
            slug (``"35.14"``, ``"kabupaten-pasuruan"``).
        service: a catalogue service or its code (``"kk/perubahan"``).
        at: the moment asked about; naive means the office's local wall time; default now.
        reasons: urgency-reason codes (``bpjs``, ``rumah-sakit``, ``tni-polri``, or one the
            office defines); a single code or ``None`` (no reason) is accepted too.
        has_whatsapp: whether the citizen can use WhatsApp.

    Raises:
        OfficeNotFound: no registered office has that code or slug.
        UnknownService: the service is not in the catalogue.
        UnknownReason: a reason is neither built in nor defined by the office.
        OutOfRange: ``at`` is not a datetime, or outside the years the calendar covers.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("35.14", "kk/perubahan", at=datetime(2020, 3, 24, 10, 0))
        >>> advice.outcome.value, advice.channels[0].address
        ('online', '+6281359547692')
        >>> [r.code for r in advice.requirements]
        ['kk-lama', 'bukti-perubahan']
        >>> urgent = adminduk.advise("35.04", "kk/perubahan", datetime(2020, 3, 20, 9),
        ...                          reasons=["rumah-sakit"])
        >>> urgent.outcome.value, urgent.rule_id
        ('in-person', 'urgent-counter')
    """
    office = _office(office)
    service = Service.parse(service)
    checked = _reasons(office, reasons)
    calendar: OfficeCalendar = office.calendar()
    moment = _instant(calendar.zone, at)
    policy = office.policy_at(moment)
    plan = _plan(office, policy, service, checked, bool(has_whatsapp), moment)
    decision = plan.decision
    office_open = calendar.is_open(moment)
    next_opening = moment if office_open else calendar.next_opening(moment)
    day = _day_info(calendar, moment.date())
    ready_by = None
    reasons_out = list(plan.reasons)
    fulfilment = plan.fulfilment
    provisional = day.provisional
    caveats = list(day.caveats)
    if (
        fulfilment is not None
        and fulfilment.processing_working_days is not None
        and decision.outcome in (Outcome.ONLINE, Outcome.IN_PERSON)
    ):
        ready_by = calendar.add_working_days(moment, fulfilment.processing_working_days)
        span = calendar.span_info(moment, ready_by)
        caveats.extend(c for c in span.caveats if c not in caveats)
        provisional = provisional or span.provisional
        fields = {
            "when": ready_by.date().isoformat(),
            "days": str(fulfilment.processing_working_days),
        }
        reasons_out.append(
            _reason(office, "ready-by", "fulfilment.ready", fulfilment.source, fields)
        )
    hours_default = day.is_default_hours
    if hours_default and day.period is not None:
        basis = day.period.source
        reasons_out.append(
            _reason(office, "default-hours", "hours.default", basis, {"basis": basis})
        )
    for caveat in caveats:
        reasons_out.append(
            _reason(
                office,
                f"provisional-{caveat.kind.value}",
                "caveat",
                _CALENDAR_SOURCE,
                {"text": (caveat.reason_id, caveat.reason_en)},
            )
        )
    return _construct(
        office_code=office.code,
        office_name=office.name,
        timezone=office.timezone,
        service=service,
        at=moment,
        policy_id=policy.id,
        outcome=decision.outcome,
        rule_id=decision.rule.id,
        channels=decision.channels,
        requirements=plan.requirements,
        requirements_note=plan.requirements_note,
        in_person_allowed=decision.in_person_allowed,
        office_open=office_open,
        next_opening=next_opening,
        ready_by=ready_by,
        fulfilment=fulfilment,
        hours_are_default=hours_default,
        provisional=provisional,
        reasons=tuple(reasons_out),
    )
