"""``advise()``: the library's main job, composing catalogue, office rules, calendar and triage.

A citizen (or the bot speaking for one) says which office, which service, when, and why it is
urgent; :func:`advise` answers what to do — apply online through which channel, come to the
counter, wait, or that the service is not offered now — with the checklist, the opening hours
and the reasons, each reason citing the rule that gave it and the source of the fact it rests on.

Examples:
    >>> from datetime import datetime
    >>> from adminduk import advise
    >>> print(advise("52.71", "kk/baru", at=datetime(2020, 3, 24, 10)).to_message("en"))
    ... # doctest: +ELLIPSIS
    Please apply for Family card (KK): first issuance online.
    ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from adminduk._advice_standard import from_standard
from adminduk._advice_text import LANGS, date_words, language, service_name, text
from adminduk._core import arguments
from adminduk._core.cache import OwnedCache
from adminduk._core.redact import is_text, plain
from adminduk._core.validation import ConfigErrorModel, frozen_config, trusted
from adminduk.documents import Requirement, Service, catalogue
from adminduk.errors import OutOfRange
from adminduk.offices import (
    BASELINE_RULES,
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
    ORDINARY_SOURCE,
    Channel,
    Fulfilment,
    OfficeConfig,
    Policy,
    get_office,
    office_origin,
)
from adminduk.offices._national import (
    InForce,
    confirmed_on,
    newest_source,
    rules_in_force,
)
from adminduk.offices._sources import pandemic_end
from adminduk.offices._types import source_parts
from adminduk.schedule import DayInfo, OfficeCalendar
from adminduk.schedule._zone import SUPPORTED_DAYS
from adminduk.triage import Certainty, Decision, Outcome, check_reasons, decide

__all__ = ["Advice", "AdviceReason", "Citation", "MenuItem", "advise", "menu"]

# Holiday dates, estimates and cuti bersama come from the `holidays` package's Indonesia data.
_CALENDAR_SOURCE: Final = "python-holidays, Indonesia (public and government categories)"


class Citation(ConfigErrorModel):
    """One source an answer cites, as a reader sees it: title, publisher and date.

    Attributes:
        key: the key the office file or the national data gives it (``A3``,
            ``DIRJEN-2978-2020``), or the reference itself where it has no key.
        title: the source's title, as published.
        publisher: who published it, where known.
        published: its date, where known.
        url: where to read it, where known.

    Examples:
        >>> import datetime as dt
        >>> cited = Citation(key="A3", title="Dispendukcapil Alihkan Pelayanan",
        ...                  publisher="Harian Bhirawa", published=dt.date(2020, 3, 20))
        >>> cited.text("id")
        'Dispendukcapil Alihkan Pelayanan (Harian Bhirawa, 20 Maret 2020)'
        >>> cited.text("en")
        'Dispendukcapil Alihkan Pelayanan (Harian Bhirawa, 20 March 2020)'
    """

    model_config = frozen_config()

    key: str
    title: str
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None

    def text(self, lang: str = "id") -> str:
        """The citation in a reply's language: never the internal key.

        adminduk's own default for ordinary rules no source describes is worded in ``lang``;
        a title stays as published.
        """
        chosen = language(lang)
        if self.key == ORDINARY_SOURCE:
            return text("source.ordinary", chosen)
        extra = [part for part in (self.publisher,) if part]
        if self.published is not None:
            extra.append(date_words(self.published, chosen))
        return f"{self.title} ({', '.join(extra)})" if extra else self.title


class AdviceReason(ConfigErrorModel):
    """One reason behind an advice: the rule that gave it, its text, and its source.

    Attributes:
        rule_id: the triage rule (``online``, ``counter-only`` …) or context item
            (``policy``, ``default-hours``, ``fulfilment`` …) that produced it.
        text_id: the reason in Indonesian.
        text_en: the reason in English.
        source: the source reference as the office file or catalogue gives it (e.g. ``A1``).
        source_text: the same source spelled out for a reader.
        cited: each source it cites, spelled out with its key, one entry per source (a title
            is never split).
        citations: the same sources as a reader sees them (title, publisher, date).

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("35.04", "kk/perubahan", at=datetime(2020, 3, 20, 9))
        >>> advice.reasons[0].rule_id, advice.reasons[0].source
        ('online', 'A3')
    """

    model_config = frozen_config()

    rule_id: str
    text_id: str
    text_en: str
    source: str
    source_text: str
    cited: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    def text(self, lang: str = "id") -> str:
        """The reason in Indonesian (``id``) or English (``en``); any BCP 47 tag of either."""
        return self.text_en if language(lang) == "en" else self.text_id


class Advice(ConfigErrorModel):
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
        requirements_note: why the national checklist is empty, when no source gives one (the
            office's own items, if any, are still in ``requirements``).
        in_person_allowed: whether the counter would serve this person for this service.
        office_open: whether the office is open at ``at``.
        next_opening: the first opening at or after ``at`` (``at`` itself when open);
            ``None`` when the office does not open again within the calendar's horizon (a
            reason says so).
        ready_by: the earliest pick-up opening, where the office states a processing time.
        fulfilment: how finished documents reach the citizen, where a source says.
        hours_are_default: whether the hours used are the national default, not the office's.
        provisional: whether an answer rests on an estimated holiday or undecreed cuti bersama.
        confirmed_on: the newest publication date among the office's own sources the answer
            rests on (a national decree that does not name the office never counts); ``None``
            when none of them is dated.
        certainty: whether the measures the answer rests on are confirmed for ``at``
            (``known``), taken to still hold after their newest source (``assumed``), or so
            long unconfirmed that the answer falls back on the rules that remain and asks the
            citizen to check with the office (``unknown``).
        stale: whether the answer is not ``known``, ``at`` is more than the office's review
            period (365 days unless its file says otherwise) after ``confirmed_on``, or nothing
            dated confirms the answer.
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

    model_config = frozen_config()

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
    next_opening: dt.datetime | None
    ready_by: dt.datetime | None
    fulfilment: Fulfilment | None
    hours_are_default: bool
    provisional: bool
    confirmed_on: dt.date | None
    certainty: Certainty
    stale: bool
    reasons: tuple[AdviceReason, ...]

    def to_message(self, lang: str = "id", *, detail: str = "full") -> str:
        """A reply a bot can send as it is, in Indonesian (``id``, default) or English (``en``).

        ``lang`` is a BCP 47 tag in any case (``id-ID``, ``EN``, ``en_GB``); its primary subtag
        chooses the language. Another language raises OutOfRange naming those on offer.

        ``detail="full"`` (default): the outcome in one sentence; how old the facts are when
        they may have changed; the channels with a ``https://wa.me/…`` link or URL; the
        checklist numbered; the next opening written the Indonesian way; the reasons; that the
        service is free; the sources by title, publisher and date. ``detail="short"``: at most
        640 characters for one chat bubble: what to do, one channel with its address, what to
        bring, the deadline if one runs, "gratis", and how to ask for the details.

        Raises:
            OutOfRange: ``lang`` is no tag of Indonesian or English, or ``detail`` is neither
                ``"full"`` nor ``"short"``.

        Examples:
            >>> from datetime import datetime
            >>> import adminduk
            >>> advice = adminduk.advise("35.14", "kk/perubahan", at=datetime(2020, 3, 24, 10))
            >>> print(advice.to_message())  # doctest: +ELLIPSIS
            Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.
            <BLANKLINE>
            Saluran:
            - WhatsApp layanan Kartu Keluarga: https://wa.me/6281359547692
            ...
            >>> len(advice.to_message("en", detail="short")) <= 640
            True
        """
        from adminduk._advice_render import render, render_short

        chosen = language(lang)
        form = plain(detail)  # a str subclass may lie in its own __eq__
        if not is_text(form) or form not in _DETAILS:
            raise OutOfRange("detail", detail, "'full' or 'short'")
        return render_short(self, chosen) if form == "short" else render(self, chosen)


@dataclass(frozen=True, slots=True)
class _Plan:
    """What does not change with the minute asked about: cached per policy, service, person.

    It holds no reference to its office, so the cache (owned by the office) lets it go.
    """

    policy: Policy
    decision: Decision
    requirements: tuple[Requirement, ...]
    requirements_note: str | None
    fulfilment: Fulfilment | None
    reasons: tuple[AdviceReason, ...]
    confirmed_on: dt.date | None
    certainty: Certainty


_PlanKey = tuple[str, str, str, str, str, str, tuple[str, ...], bool, bool, bool]
# Both caches belong to the office: bounded per office, dropped with it, safe under threads.
_PLANS: Final[OwnedCache[_PlanKey, _Plan]] = OwnedCache(per_owner=4096)
_ReasonKey = tuple[str, str, str, tuple[tuple[str, str | tuple[str, str]], ...]]
_REASONS: Final[OwnedCache[_ReasonKey, AdviceReason]] = OwnedCache(per_owner=8192)
# Room for every day the calendar answers for (2000-2099): requests spread over years fit.
_DAYS: Final[OwnedCache[dt.date, tuple[DayInfo, InForce]]] = OwnedCache(per_owner=36_525)


Bilingual = tuple[str, str]
"""A template field in Indonesian and English; a plain ``str`` serves both languages."""


class _Reasons:
    """The reasons of one answer, each worded in both languages and citing its source."""

    def __init__(self, office: OfficeConfig) -> None:
        self.office = office
        self.items: list[AdviceReason] = []

    def add(
        self,
        rule_id: str,
        key: str,
        source: str,
        fields: Mapping[str, str | Bilingual] | None = None,
    ) -> None:
        given = fields or {}
        # The same reason recurs on most answers (the default hours, the fee): worded once per
        # office, then reused; a reason is a frozen value.
        cache_key = (rule_id, key, source, tuple(sorted(given.items())))
        hit = _REASONS.get(self.office, cache_key)
        if hit is not None:
            self.items.append(hit)
            return

        def pick(index: int) -> dict[str, str]:
            return {k: v if is_text(v) else v[index] for k, v in given.items()}

        cited = self.office.describe_sources(source)
        reason = AdviceReason(
            rule_id=rule_id,
            text_id=text(key, "id", **pick(0)),
            text_en=text(key, "en", **pick(1)),
            source=source,
            source_text="; ".join(cited),
            cited=cited,
            citations=tuple(self.citation(part) for part in source_parts(source)),
        )
        self.items.append(_REASONS.put(self.office, cache_key, reason))

    def citation(self, part: str) -> Citation:
        info = self.office.source_info(part)
        if info is None:  # a free reference ("Keppres 68/1995 Pasal 1(2)") is its own title
            return Citation(key=part, title=part)
        return Citation(
            key=part,
            title=info.title,
            publisher=info.publisher,
            published=info.published,
            url=info.url,
        )


def _both(key: str, **fields: str | int) -> Bilingual:
    return text(key, "id", **fields), text(key, "en", **fields)


def _date(day: dt.date) -> Bilingual:
    return date_words(day, "id"), date_words(day, "en")


def _service_name(service: Service) -> Bilingual:
    return service_name(service, "id"), service_name(service, "en")


def _dated(key: str, **days: dt.date) -> Bilingual:
    """A template whose fields are dates, each written out in the template's language."""
    id_text, en_text = (
        text(key, lang, **{name: date_words(day, lang) for name, day in days.items()})
        for lang in LANGS
    )
    return id_text, en_text


def _period(policy: Policy) -> Bilingual:
    start = policy.valid_from or dt.date.min
    # A pandemic measure's last day is only its latest possible end: no source dates it.
    if policy.valid_until is None or policy.ended_with_pandemic:
        return _dated("period.open-ended", start=start)
    return _dated("period.bounded", start=start, end=policy.valid_until)


def _urgent_names(office: OfficeConfig, codes: Iterable[str]) -> Bilingual:
    known = {**BUILTIN_URGENCY_REASONS, **{info.code: info for info in office.urgency_reasons}}
    listed = tuple(codes)
    return (
        ", ".join(known[code].name_id if code in known else code for code in listed),
        ", ".join(known[code].name_en if code in known else code for code in listed),
    )


def _national_source(source: str) -> bool:
    """Whether every source a rule cites is national (the instruction, not the office)."""
    parts = [part.strip() for part in source.split(";") if part.strip()]
    return bool(parts) and all(part in NATIONAL_SOURCES for part in parts)


def _rule_reason(reasons: _Reasons, decision: Decision, service: Service) -> None:
    fields: dict[str, str | Bilingual] = {"service": _service_name(service)}
    if decision.suspension is not None and decision.rule.id == "suspended":
        fields["why"] = (decision.suspension.reason_id, decision.suspension.reason_en)
    elif decision.counter_only is not None:
        fields["why"] = _both(f"why.{decision.counter_only.why.value}")
    introduced = catalogue()[service].introduced
    if introduced is not None and not decision.situation.introduced:
        fields["basis"] = (introduced.basis("id"), introduced.basis("en"))
        fields["year"] = str(introduced.year)
    if decision.urgent:
        fields["reasons"] = _urgent_names(reasons.office, decision.urgent)
    key = f"rule.{decision.rule.id}"
    if decision.rule.id == "suspended" and decision.outcome is Outcome.UNAVAILABLE:
        key = "rule.suspended-refuse"  # a refusal is not a postponement
    elif decision.rule.id in _NATIONAL_VARIANTS and _national_source(decision.source):
        key = f"{key}-national"  # the national instruction asked it, not the office
    reasons.add(decision.rule.id, key, decision.source, fields)


# Rules whose reason names who restricted: the office, or the national instruction.
_NATIONAL_VARIANTS: Final = frozenset(
    {"asked-to-wait", "suspended", "urgent-only-wait", "urgent-counter"}
)


def _presence_reasons(
    reasons: _Reasons, policy: Policy, decision: Decision, service: Service
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


def _policy_reason(reasons: _Reasons, office: OfficeConfig, force: InForce) -> None:
    policy, ended = force.office_policy, force.ended
    if force.lapsed_policy is not None:
        lapsed = force.lapsed_policy
        fields: dict[str, str | Bilingual] = {
            "title": (lapsed.title("id"), lapsed.title("en")),
            "date": _date(confirmed_on(office, lapsed)),
        }
        reasons.add("policy-lapsed", "policy.lapsed", lapsed.source, fields)
    elif not policy.is_ordinary:
        fields = {"title": (policy.title("id"), policy.title("en")), "period": _period(policy)}
        reasons.add("policy", "policy.dated", policy.source_of("valid_from"), fields)
    elif ended is not None and ended.ended_with_pandemic:
        end = pandemic_end()
        fields = {
            "title": (ended.title("id"), ended.title("en")),
            "period": _period(ended),
            "end": _date(end.last_day_before),
            "event": (end.short_id, end.short_en),
        }
        reasons.add("policy-ended", "policy.ended-pandemic", end.source, fields)
    elif ended is not None:
        fields = {"title": (ended.title("id"), ended.title("en")), "period": _period(ended)}
        key = "policy.ended-national" if force.instruction else "policy.ended"
        reasons.add("policy-ended", key, ended.source_of("valid_until"), fields)
    elif not office.baseline and force.instruction is None and office.policies:
        # "No special policy on this date" is news only where an office has dated policies;
        # under a national measure, the measure says what held instead.
        reasons.add("policy", "policy.ordinary", policy.source)


def _national_reasons(reasons: _Reasons, force: InForce) -> None:
    """The national measure in force, how sure that is, or that it may have ended."""
    instruction = force.instruction or force.lapsed_instruction
    if instruction is None:
        return
    fields: dict[str, str | Bilingual] = {
        "start": _date(instruction.valid_from),
        "date": _date(instruction.confirmed_on),
    }
    if force.instruction is None:
        reasons.add("national-lapsed", "national.lapsed", instruction.source, fields)
        return
    key = "national.assumed" if instruction.confirmed_on in force.assumed else "national.known"
    reasons.add("national-measure", key, instruction.source, fields)


def _urgency_reasons(
    reasons: _Reasons,
    office: OfficeConfig,
    policy: Policy,
    decision: Decision,
    given: tuple[str, ...],
) -> None:
    if given and not decision.situation.urgency_matters:
        reasons.add("reason-not-needed", "reason.not-needed", policy.source_of("in_person"))
    if decision.national_urgent:
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
        # An accepted urgent need that still gets no route must hear so, not just "accepted".
        reasons.add(
            "urgent-not-exempt",
            "reason.urgent-not-exempt",
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


def _unreachable_reasons(reasons: _Reasons, decision: Decision) -> None:
    """Channels that take the service but that nobody can find: named, never offered."""
    situation = decision.situation
    for channel in situation.remote:
        if channel.followable:
            continue
        fields: dict[str, str | Bilingual] = {
            "channel": (channel.label, channel.label_en or channel.label),
        }
        reasons.add("channel-unreachable", "channel.unreachable", channel.source, fields)


def _accepted_reasons(policy: Policy) -> tuple[str, ...]:
    national = () if policy.urgency_reasons_exhaustive else tuple(BUILTIN_URGENCY_REASONS)
    return tuple(dict.fromkeys((*policy.urgency_reasons, *national)))


def _urgent_route(
    reasons: _Reasons,
    policy: Policy,
    decision: Decision,
    service: Service,
    has_whatsapp: bool,
) -> None:
    """Whoever is told to wait, or refused, learns the route for urgent cases, if any."""
    if decision.outcome.gives_a_route:
        return
    if not decision.situation.introduced:
        return  # no need, however urgent, reaches a service that does not exist yet
    accepted = _accepted_reasons(policy)
    route: Decision | None = None
    if accepted and not decision.urgent:
        route = decide(policy, service, accepted[:1], has_whatsapp)
    if route is not None and route.outcome.gives_a_route and route.channels:
        first = route.channels[0]
        fields: dict[str, str | Bilingual] = {
            "reasons": _urgent_names(reasons.office, accepted),
            "channel": (first.label, first.label_en or first.label),
        }
        reasons.add("urgent-route", "urgent.route", route.source, fields)
    elif catalogue()[service].deadline is not None:
        reasons.add("urgent-route", "urgent.none", policy.source)


def _fulfilment_reasons(
    reasons: _Reasons, decision: Decision, fulfilment: Fulfilment | None
) -> None:
    if not decision.outcome.gives_a_route or fulfilment is None:
        return
    if fulfilment.pickup is not None:
        pickup = _both(f"pickup.{fulfilment.pickup.value}")
        reasons.add("fulfilment", "fulfilment.pickup", fulfilment.source, {"pickup": pickup})
    # The originals are checked against the photos or scans sent remotely; someone who applied
    # at the counter showed them there.
    if fulfilment.originals_checked and decision.outcome is Outcome.ONLINE:
        place = (
            _both(f"place.{fulfilment.pickup.value}")
            if fulfilment.pickup
            else _both("place.unknown")
        )
        reasons.add(
            "originals-checked", "fulfilment.originals", fulfilment.source, {"place": place}
        )


def _provider_reason(reasons: _Reasons, office: OfficeConfig) -> None:
    if office.replaces is None:  # only an office that declares it can replace a built-in
        return
    origin = office_origin(office)
    if origin is None or not origin.replaces_builtin:
        return
    fields = {"code": office.code, "package": origin.package or ""}
    reasons.add("office-replaced", "office.replaced", str(origin), fields)


def _deadline_reason(reasons: _Reasons, decision: Decision, service: Service) -> None:
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


def _fee_reason(reasons: _Reasons) -> None:
    """That the service is free, said once in every answer (the national standard's fee rule)."""
    from adminduk.offices._service_standard import national_standards

    fee = next((s.fee for s in national_standards().standards if s.fee is not None), None)
    if fee is not None and fee.is_free and fee.basis is not None:
        reasons.add("fee", "fee.free", fee.basis, {"basis": fee.basis})


def _applies_remotely(decision: Decision) -> bool | None:
    # The checklist follows the route given: a counter visitor is not asked for the PDFs an
    # office wants over WhatsApp. With no route (wait, unavailable) every change is shown.
    if decision.outcome is Outcome.ONLINE:
        return True
    if decision.outcome is Outcome.IN_PERSON:
        return False
    return None


def _plan(
    office: OfficeConfig,
    force: InForce,
    service: Service,
    reasons: tuple[str, ...],
    has_whatsapp: bool,
    at: dt.datetime,
) -> _Plan:
    introduced = catalogue()[service].introduced
    exists = introduced is None or introduced.offered_on(at.date())
    key = (*force.key, service.code, reasons, has_whatsapp, exists, bool(force.assumed))
    plan = _PLANS.get(office, key)
    if plan is not None:
        return plan
    policy = force.policy
    decision = decide(policy, service, reasons, has_whatsapp, day=at.date())
    entry = catalogue()[service]
    # A service younger than the day asked has no checklist yet: a later one would be anachronism.
    requirements = (
        office.requirements(service, at, remote=_applies_remotely(decision)) if exists else ()
    )
    fulfilment = policy.fulfilment_for(service) if entry.produces_document else None
    collected = _Reasons(office)
    if office.baseline:  # first, so nobody reads the national rules as the office's own
        collected.add("baseline-office", "office.baseline", BASELINE_RULES)
    _rule_reason(collected, decision, service)
    _unreachable_reasons(collected, decision)
    _presence_reasons(collected, policy, decision, service)
    _policy_reason(collected, office, force)
    _national_reasons(collected, force)
    _urgency_reasons(collected, office, policy, decision, reasons)
    _urgent_route(collected, policy, decision, service, has_whatsapp)
    _fulfilment_reasons(collected, decision, fulfilment)
    _deadline_reason(collected, decision, service)
    _fee_reason(collected)
    _provider_reason(collected, office)
    # A national letter confirms nothing about the office itself: it dates no office fact.
    dates = [office.source_date(reason.source, national=False) for reason in collected.items]
    plan = _Plan(
        policy=policy,
        decision=decision,
        requirements=requirements,
        # Where no national checklist is known, say so even beside the office's own items:
        # "every file as a PDF" alone would point to a list nobody gave.
        requirements_note=entry.requirements_note if exists and not entry.requirements else None,
        fulfilment=fulfilment,
        reasons=tuple(collected.items),
        confirmed_on=max((d for d in dates if d is not None), default=None)
        or newest_source(office),
        certainty=force.certainty,
    )
    return _PLANS.put(office, key, plan)


def _day(office: OfficeConfig, day: dt.date) -> tuple[DayInfo, InForce]:
    """The calendar's view of a local date, and the rules in force on it.

    Cached per office: many requests fall on the same days.
    """
    hit = _DAYS.get(office, day)
    if hit is not None:
        return hit
    return _DAYS.put(office, day, (office.calendar().day_info(day), rules_in_force(office, day)))


_DETAILS: Final = ("full", "short")
_ALL_FIELDS: Final = set(Advice.model_fields)  # shared: see trusted


def _construct(**fields: object) -> Advice:
    """Build an Advice from parts that are already validated, without validating again.

    A test checks the result equals a validated copy.
    """
    return trusted(Advice, fields, _ALL_FIELDS)


def _office(office: OfficeConfig | str) -> OfficeConfig:
    if isinstance(office, OfficeConfig):
        return office
    return get_office(office)


def _instant(zone: dt.tzinfo, at: dt.datetime | None) -> dt.datetime:
    if at is None:
        return dt.datetime.now(zone)
    return arguments.instant("at", at, zone, within=SUPPORTED_DAYS)


def _next_opening(
    calendar: OfficeCalendar, moment: dt.datetime, is_open: bool
) -> dt.datetime | None:
    if is_open:
        return moment
    try:
        return calendar.next_opening(moment)
    except OutOfRange:
        return None  # the office never opens again within the calendar's horizon


def _staleness(office: OfficeConfig, confirmed_on: dt.date | None, moment: dt.datetime) -> bool:
    if confirmed_on is None:
        return True
    return (moment.date() - confirmed_on).days > office.review_period_days


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
        reasons: urgency-reason codes (``bpjs``, ``rumah-sakit``, ``tni-polri``, ``sekolah``,
            or one the office defines); a single code or ``None`` (no reason) is accepted too.
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
        >>> advice.confirmed_on, advice.stale
        (datetime.date(2020, 3, 24), False)
        >>> urgent = adminduk.advise("35.04", "kk/perubahan", datetime(2020, 3, 20, 9),
        ...                          reasons=["rumah-sakit"])
        >>> urgent.outcome.value, urgent.rule_id
        ('in-person', 'urgent-counter')
    """
    office = _office(office)
    service = Service.parse(service)
    checked = check_reasons(office, reasons)
    calendar: OfficeCalendar = office.calendar()
    moment = _instant(calendar.zone, at)
    day, force = _day(office, moment.date())
    flag = arguments.flag("has_whatsapp", has_whatsapp)
    plan = _plan(office, force, service, checked, flag, moment)
    policy = plan.policy
    decision = plan.decision
    office_open = calendar.is_open(moment)
    next_opening = _next_opening(calendar, moment, office_open)
    ready_by = None
    extra = _Reasons(office)
    fulfilment = plan.fulfilment
    provisional = day.provisional
    caveats = list(day.caveats)
    if next_opening is None:
        extra.add("no-opening", "hours.no-opening", office.hours_source or office.source)
    if (
        fulfilment is not None
        and fulfilment.processing_working_days is not None
        and decision.outcome.gives_a_route
        and next_opening is not None
    ):
        try:
            ready_by = calendar.add_working_days(moment, fulfilment.processing_working_days)
        except OutOfRange:
            ready_by = None  # no working days left within the calendar's horizon
    if ready_by is not None and fulfilment is not None:
        span = calendar.span_info(moment, ready_by)
        caveats.extend(c for c in span.caveats if c not in caveats)
        provisional = provisional or span.provisional
        place = (
            _both(f"place.{fulfilment.pickup.value}")
            if fulfilment.pickup
            else _both("place.unknown")
        )
        fields: dict[str, str | Bilingual] = {
            "when": _date(ready_by.date()),
            "days": str(fulfilment.processing_working_days),
            "place": place,
        }
        key = "fulfilment.ready"
        if fulfilment.processing_published is not None:
            fields["published"] = fulfilment.processing_published
            key = "fulfilment.ready-read"
        extra.add("ready-by", key, fulfilment.source, fields)
    # The office's published standard, where it has one for the service: its time gives
    # ready_by (before any stated processing time), and the reply states it, the complaint
    # lines and the fee (_advice_standard.py).
    start = next_opening if decision.outcome.gives_a_route else None
    published, standard_reasons = from_standard(
        office, service, moment, start, calendar, decision.channels
    )
    if published is not None:
        ready_by = published
    extra.items.extend(standard_reasons)
    # The office's own published standard is a dated source about the office, like an article.
    standard_dates = [c.published for r in standard_reasons for c in r.citations if c.published]
    confirmed = max(
        (d for d in (plan.confirmed_on, *standard_dates) if d is not None), default=None
    )
    hours_default = day.is_default_hours
    if hours_default and day.period is not None:
        period = day.period
        basis_id, basis_en = (text("hours.national", lang, source=period.source) for lang in LANGS)
        extra.add("default-hours", "hours.default", period.source, {"basis": (basis_id, basis_en)})
    for caveat in caveats:
        extra.add(
            f"provisional-{caveat.kind.value}",
            "caveat",
            _CALENDAR_SOURCE,
            {"text": (caveat.reason_id, caveat.reason_en)},
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
        confirmed_on=confirmed,
        certainty=plan.certainty,
        stale=plan.certainty is not Certainty.KNOWN or _staleness(office, confirmed, moment),
        reasons=plan.reasons + tuple(extra.items),
    )


@dataclass(frozen=True, slots=True)
class MenuItem:
    """One line of an office's menu: a service, what to do about it now, and its label.

    Attributes:
        service: the catalogue service.
        outcome: the outcome of :func:`advise` for it at the menu's instant.
        label_id: a short label in Indonesian (document and action).
        label_en: the same in English.
        advice: the whole answer, for the reply once the citizen picks this line.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> item = adminduk.menu("35.14", at=datetime(2020, 3, 24, 10))[0]
        >>> item.service, item.outcome.value, item.label("en-GB")
        (Service('ktp-el/baru'), 'online', 'Electronic identity card (KTP-el): first issuance')
        >>> item.advice.channels[0].kind.value
        'whatsapp'
    """

    service: Service
    outcome: Outcome
    label_id: str
    label_en: str
    advice: Advice

    def label(self, lang: str = "id") -> str:
        """The label in Indonesian (``id``) or English (``en``); any BCP 47 tag of either."""
        return self.label_en if language(lang) == "en" else self.label_id


_MENU_ORDER: Final = {outcome: rank for rank, outcome in enumerate(Outcome)}


def menu(office: OfficeConfig | str, at: dt.datetime | None = None) -> tuple[MenuItem, ...]:
    """Every catalogue service with its outcome at ``at``: the menu a bot shows.

    Ordered online, then in-person, then defer, then unavailable, and in catalogue order within
    each. Every item is the answer of :func:`advise` for that service at the same instant
    (no urgency reasons, a citizen with WhatsApp). Built in about a millisecond, so a bot can
    build it for every message (``benchmarks/bench_bot.py``).

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig`, or a registered code or slug.
        at: the moment; naive means the office's local wall time; default now.

    Raises:
        OfficeNotFound: no registered office has that code or slug.
        OutOfRange: ``at`` is not a datetime, or outside the years the calendar covers.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> items = adminduk.menu("kabupaten-pasuruan", at=datetime(2020, 3, 24, 10))
        >>> len(items) == len(adminduk.catalogue())
        True
        >>> [(item.service.code, item.outcome.value) for item in items][9:11]
        [('biodata/sinkronisasi', 'online'), ('kia/baru', 'defer')]
    """
    office = _office(office)
    moment = _instant(office.calendar().zone, at)
    items = []
    for entry in catalogue():
        advice = advise(office, entry.service, at=moment)
        items.append(
            MenuItem(
                service=entry.service,
                outcome=advice.outcome,
                label_id=service_name(entry.service, "id"),
                label_en=service_name(entry.service, "en"),
                advice=advice,
            )
        )
    # sorted() is stable: catalogue order holds within each outcome.
    return tuple(sorted(items, key=lambda item: _MENU_ORDER[item.outcome]))
