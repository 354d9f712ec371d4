"""``advise()``: the answer for one moment, its arguments checked once, at this edge.

:func:`advise` checks what a caller gives (office, service, reasons, instant, WhatsApp) and
hands the checked values to :func:`answer`, which composes the parts: the day (calendar and
rules in force, cached per office and date), the plan (the triage decision, worded, cached per
situation: ``_plan.py``), and what changes with the minute (open now, the next opening, the
ready-by day, the office's standard: ``_standard.py``). Nothing below the edge checks again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from adminduk import _arguments
from adminduk._advice_text import LANGS
from adminduk._cache import OwnedCache
from adminduk._validation import trusted
from adminduk.advice._model import Advice
from adminduk.advice._plan import plan
from adminduk.advice._reasons import Bilingual, Reasons, both, date_pair
from adminduk.advice._standard import from_standard
from adminduk.advice._values import AdviceReason
from adminduk.advice._wording import text
from adminduk.documents import Service
from adminduk.errors import OutOfRange
from adminduk.offices import Fulfilment, OfficeConfig, get_office
from adminduk.offices._national import InForce, rules_in_force
from adminduk.schedule import Caveat, DayInfo, OfficeCalendar
from adminduk.schedule._zone import SUPPORTED_DAYS
from adminduk.triage import Certainty
from adminduk.triage._reasons import checked_reasons

__all__ = ["advise", "answer", "office_and_moment"]

# Holiday dates, estimates and cuti bersama come from the `holidays` package's Indonesia data.
_CALENDAR_SOURCE: Final = "python-holidays, Indonesia (public and government categories)"


@dataclass(frozen=True, slots=True)
class _Day:
    """One local date of an office: its calendar, the rules in force, and what it adds.

    ``reasons`` are the day's own lines of every answer on it, in the order an answer gives
    them: the national default hours where they hold, then each caveat of the day.
    """

    info: DayInfo
    force: InForce
    reasons: tuple[AdviceReason, ...]


# Room for every day the calendar answers for (2000-2099): requests spread over years fit.
_DAYS: Final[OwnedCache[dt.date, _Day]] = OwnedCache(per_owner=36_525)


def _day(office: OfficeConfig, day: dt.date) -> _Day:
    """The calendar's view of a local date, and the rules in force on it.

    Cached per office: many requests fall on the same days.
    """
    hit = _DAYS.get(office, day)
    if hit is not None:
        return hit
    info = office.calendar().day_info(day)
    words = Reasons(office)
    if info.is_default_hours and info.period is not None:
        source = info.period.source
        basis = tuple(text("hours.national", lang, source=source) for lang in LANGS)
        words.add("default-hours", "hours.default", source, {"basis": (basis[0], basis[1])})
    for caveat in info.caveats:
        words.items.append(_caveat(words, caveat))
    found = _Day(info, rules_in_force(office, day), tuple(words.items))
    return _DAYS.put(office, day, found)


def _caveat(words: Reasons, caveat: Caveat) -> AdviceReason:
    fields: dict[str, str | Bilingual] = {"text": (caveat.reason_id, caveat.reason_en)}
    return words.word(f"provisional-{caveat.kind.value}", "caveat", _CALENDAR_SOURCE, fields)


_ALL_FIELDS: Final = set(Advice.model_fields)  # shared: see trusted


def _construct(**fields: object) -> Advice:
    """Build an Advice from parts that are already validated, without validating again.

    A test checks the result equals a validated copy.
    """
    return trusted(Advice, fields, _ALL_FIELDS)


def office_and_moment(
    office: OfficeConfig | str, at: dt.datetime | None
) -> tuple[OfficeConfig, dt.datetime]:
    """The office (an OfficeConfig, or a registered code or slug) and ``at`` in its zone.

    Naive ``at`` is the office's local wall time; ``None`` is now. The one check of both, for
    :func:`advise` and :func:`~adminduk.advice.menu`.

    Raises:
        OfficeNotFound: no registered office has that code or slug.
        OutOfRange: ``at`` is not a datetime, or outside the years the calendar covers.

    Examples:
        >>> import datetime as dt
        >>> office, moment = office_and_moment("52.71", dt.datetime(2020, 3, 24, 10))
        >>> office.code, moment.isoformat()
        ('52.71', '2020-03-24T10:00:00+08:00')
    """
    found = office if isinstance(office, OfficeConfig) else get_office(office)
    return found, _instant(found, at)


def _instant(office: OfficeConfig, at: dt.datetime | None) -> dt.datetime:
    zone = office.calendar().zone
    if at is None:
        return dt.datetime.now(zone)
    return _arguments.instant("at", at, zone, within=SUPPORTED_DAYS)


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
    found = office if isinstance(office, OfficeConfig) else get_office(office)
    wanted = Service.parse(service)
    checked = checked_reasons(found, reasons)
    moment = _instant(found, at)
    flag = _arguments.flag("has_whatsapp", has_whatsapp)
    return answer(found, wanted, moment, checked, flag)


def answer(
    office: OfficeConfig,
    service: Service,
    moment: dt.datetime,
    reasons: tuple[str, ...] = (),
    has_whatsapp: bool = True,
) -> Advice:
    """:func:`advise` for arguments it has checked: ``moment`` aware, in the office's zone.

    Examples:
        >>> import adminduk
        >>> office, moment = office_and_moment("35.14", dt.datetime(2020, 3, 24, 10))
        >>> answer(office, adminduk.Service.parse("kk/perubahan"), moment).rule_id
        'online'
    """
    calendar: OfficeCalendar = office.calendar()
    day = _day(office, moment.date())
    found = plan(office, day.force, service, reasons, has_whatsapp, moment.date())
    decision = found.decision
    gives_a_route = decision.outcome.gives_a_route
    try:  # the moment itself when the office is open then: is_open and next_opening in one
        next_opening: dt.datetime | None = calendar.next_opening(moment)
    except OutOfRange:
        next_opening = None  # the office never opens again within the calendar's horizon
    office_open = next_opening == moment
    words = Reasons(office)
    if next_opening is None:
        words.add("no-opening", "hours.no-opening", office.hours_source or office.source)
    fulfilment = found.fulfilment
    ready_by = _ready_by(calendar, moment, fulfilment, next_opening, gives_a_route)
    provisional = day.info.provisional
    caveats = list(day.info.caveats)
    span_reasons = []
    if ready_by is not None and fulfilment is not None:
        span = calendar.span_info(moment, ready_by)
        for caveat in span.caveats:
            if caveat not in caveats:
                caveats.append(caveat)
                span_reasons.append(_caveat(words, caveat))
        provisional = provisional or span.provisional
        words.items.append(_ready_reason(words, fulfilment, ready_by))
    # The office's published standard, where it has one for the service: its time gives
    # ready_by (before any stated processing time), and the reply states it, the complaint
    # lines and the fee (_standard.py).
    start = next_opening if gives_a_route else None
    published, standard_reasons = from_standard(
        office, service, moment, start, calendar, decision.channels
    )
    if published is not None:
        ready_by = published
    # The office's own published standard is a dated source about the office, like an article.
    confirmed = found.confirmed_on
    for reason in standard_reasons:
        for citation in reason.citations:
            if citation.published and (confirmed is None or citation.published > confirmed):
                confirmed = citation.published
    return _construct(
        office_code=office.code,
        office_name=office.name,
        timezone=office.timezone,
        service=service,
        at=moment,
        policy_id=found.policy.id,
        outcome=decision.outcome,
        rule_id=decision.rule.id,
        channels=decision.channels,
        requirements=found.requirements,
        requirements_note=found.requirements_note,
        in_person_allowed=decision.in_person_allowed,
        office_open=office_open,
        next_opening=next_opening,
        ready_by=ready_by,
        fulfilment=fulfilment,
        hours_are_default=day.info.is_default_hours,
        provisional=provisional,
        confirmed_on=confirmed,
        certainty=found.certainty,
        stale=found.certainty is not Certainty.KNOWN or _staleness(office, confirmed, moment),
        reasons=(*found.reasons, *words.items, *standard_reasons, *day.reasons, *span_reasons),
    )


def _ready_by(
    calendar: OfficeCalendar,
    moment: dt.datetime,
    fulfilment: Fulfilment | None,
    next_opening: dt.datetime | None,
    gives_a_route: bool,
) -> dt.datetime | None:
    """When the document is ready, where the office states a processing time in working days."""
    if (
        fulfilment is None
        or fulfilment.processing_working_days is None
        or not gives_a_route
        or next_opening is None
    ):
        return None
    try:
        return calendar.add_working_days(moment, fulfilment.processing_working_days)
    except OutOfRange:
        return None  # no working days left within the calendar's horizon


def _ready_reason(words: Reasons, fulfilment: Fulfilment, ready_by: dt.datetime) -> AdviceReason:
    place = (
        both(f"place.{fulfilment.pickup.value}") if fulfilment.pickup else both("place.unknown")
    )
    fields: dict[str, str | Bilingual] = {
        "when": date_pair(ready_by.date()),
        "days": str(fulfilment.processing_working_days),
        "place": place,
    }
    key = "fulfilment.ready"
    if fulfilment.processing_published is not None:
        fields["published"] = fulfilment.processing_published
        key = "fulfilment.ready-read"
    return words.word("ready-by", key, fulfilment.source, fields)
