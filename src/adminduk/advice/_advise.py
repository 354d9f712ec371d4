"""``advise()``: the answer for one moment, its arguments checked once, at this edge.

:func:`advise` checks what a caller gives (office, service, reasons, instant, WhatsApp) and
hands the checked values to :func:`answer`, which composes the parts: the day (calendar and
rules in force, cached per office and date), the plan (the triage decision, worded, cached per
situation: ``_plan.py``), and what changes with the minute (open now, the next opening, the
ready-by day, the office's standard: ``_standard.py``). Nothing below the edge checks again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from typing import Final

from adminduk._core import arguments
from adminduk._core.cache import OwnedCache
from adminduk._core.validation import trusted
from adminduk.advice._day import Day, caveat_reason, day_of
from adminduk.advice._model import Advice
from adminduk.advice._plan import Plan, plan
from adminduk.advice._reasons import Bilingual, Reasons, both, date_pair
from adminduk.advice._standard import from_standard, office_number, reachable_from_home
from adminduk.advice._values import AdviceReason
from adminduk.documents import Service, catalogue
from adminduk.errors import OutOfRange
from adminduk.offices import Fulfilment, OfficeConfig, get_office
from adminduk.schedule import OfficeCalendar
from adminduk.schedule._zone import SUPPORTED_DAYS
from adminduk.triage import Certainty
from adminduk.triage._reasons import checked_reasons

__all__ = ["advise", "answer", "office_and_moment"]

# Every answer is built from parts already valid, without validating again (trusted; a test
# holds the result equal to a validated copy), and shares this fields-set.
_ALL_FIELDS: Final = set(Advice.model_fields)


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
    return arguments.instant("at", at, zone, within=SUPPORTED_DAYS)


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
    flag = arguments.flag("has_whatsapp", has_whatsapp)
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
    asked = moment.date()
    day = day_of(office, asked)
    found = plan(office, day, service, reasons, has_whatsapp)
    decision = found.decision
    try:  # the moment itself when the office is open then: is_open and next_opening in one
        next_opening: dt.datetime | None = calendar.next_opening(moment)
    except OutOfRange:
        next_opening = None  # the office never opens again within the calendar's horizon
    open_until = reopens_at = None
    if next_opening == moment:  # "open now" says until when: a door that shuts in ten minutes
        with contextlib.suppress(OutOfRange):  # no closing, or opening, before the horizon
            open_until = calendar.next_closing(moment)
            after = calendar.next_opening(open_until)
            reopens_at = after if after.date() == open_until.date() else None
    # The hours an answer names are those of the day it next opens: shut on a Saturday, the
    # reply's "buka kembali Senin …" rests on Monday's hours, and says whose they are.
    day_reasons = day.reasons
    hours_are_default = day.info.is_default_hours
    if next_opening is not None and next_opening.date() != asked:
        opening_day = day_of(office, next_opening.date())
        hours_are_default = opening_day.info.is_default_hours
        if opening_day.hours != day.hours:
            day_reasons = (*opening_day.hours, *day.closed, *day.caveats)
    provisional = day.info.provisional
    ready_by = None
    extra: tuple[AdviceReason, ...] = ()  # the lines of this minute, before the standard's
    late: tuple[AdviceReason, ...] = ()  # the caveats of the days until ready_by, last
    if next_opening is None:
        words = Reasons(office)
        extra = (
            words.word("no-opening", "hours.no-opening", office.hours_source or office.source),
        )
    elif found.ready_days is not None:
        ready_by, extra, late, span_provisional = _ready(
            office, calendar, moment, day, found.fulfilment, found.ready_days
        )
        provisional = provisional or span_provisional
    routed = decision.outcome.gives_a_route
    confirmed = found.confirmed_on(asked)
    standard_reasons: tuple[AdviceReason, ...] = ()
    if office.standards:
        # The office's published standard, where it has one for the service: its time gives
        # ready_by (before any stated processing time), and the reply states it, the complaint
        # lines and the fee (_standard.py).
        start = next_opening if routed else None
        published, standard_reasons = from_standard(
            office, service, moment, start, calendar, decision.channels
        )
        if published is not None:
            ready_by = published
        # The office's own published standard is a dated source about the office, like an
        # article (one published after the day asked confirms nothing of that day).
        for reason in standard_reasons:
            for citation in reason.citations:
                issued = citation.published
                if issued is None or issued > asked:
                    continue
                if confirmed is None or issued > confirmed:
                    confirmed = issued
    contact = not routed and _has_deadline(service)
    if contact or found.certainty is Certainty.UNKNOWN:
        number = _number_to_ask(office, found, service, asked, has_whatsapp, contact=contact)
        if number is not None:
            extra = (*extra, number)
    stale = found.certainty is not Certainty.KNOWN or _staleness(office, confirmed, moment)
    measure = day.force.instruction  # in force only where it narrows the rules the answer uses
    measure_confirmed = measure.confirmed_by(asked) if measure is not None else None
    reasons_given = found.reasons
    if extra or standard_reasons or day_reasons or late:
        reasons_given = (*reasons_given, *extra, *standard_reasons, *day_reasons, *late)
    return trusted(
        Advice,
        {
            "office_code": office.code,
            "office_name": office.name,
            "timezone": office.timezone,
            "service": service,
            "at": moment,
            "policy_id": found.policy.id,
            "outcome": decision.outcome,
            "rule_id": decision.rule.id,
            "channels": decision.channels,
            "requirements": found.requirements,
            "requirements_note": found.requirements_note,
            "in_person_allowed": decision.in_person_allowed,
            "office_open": next_opening == moment,
            "next_opening": next_opening,
            "open_until": open_until,
            "reopens_at": reopens_at,
            "ready_by": ready_by,
            "fulfilment": found.fulfilment,
            "hours_are_default": hours_are_default,
            "provisional": provisional,
            "confirmed_on": confirmed,
            "measure_confirmed_on": measure_confirmed,
            "certainty": found.certainty,
            "stale": stale,
            "reasons": reasons_given,
        },
        _ALL_FIELDS,
    )


# The number to ask by of a service on a day (its lookups read standards and channels: once).
_NUMBERS_TO_ASK: Final[
    OwnedCache[tuple[str, dt.date, bool, bool, str], tuple[AdviceReason | None]]
] = OwnedCache(per_owner=65_536)


def _number_to_ask(
    office: OfficeConfig,
    found: Plan,
    service: Service,
    asked: dt.date,
    has_whatsapp: bool,
    *,
    contact: bool,
) -> AdviceReason | None:
    """How to ask the office, where a reply asks the citizen to (``contact``: a deadline runs).

    "Contact the office before the deadline runs out", or "ask the office first": by a number,
    unless the reply already gives one for this matter (a WhatsApp line that takes it, or a
    line of its own standard): the office's number from another of its standards or a
    WhatsApp line, or, before a deadline, that the sources give none.
    """
    rule = found.decision.rule.id
    key = (service.code, asked, has_whatsapp, contact, rule)
    hit = _NUMBERS_TO_ASK.get(office, key)
    if hit is not None:
        return hit[0]
    number = None
    channels = found.policy.channels_on(asked)
    if not reachable_from_home(office, service, asked, channels):
        number = office_number(office, asked, channels, has_whatsapp)
        # The relative's line already says where the numbers are (Bima's banner).
        if number is None and contact and rule != "no-whatsapp-wait":
            source = found.policy.source_of("channels")
            number = Reasons(office).word("deadline-no-contact", "deadline.no-contact", source)
    return _NUMBERS_TO_ASK.put(office, key, (number,))[0]


def _has_deadline(service: Service) -> bool:
    """Whether the service has a legal deadline.

    With no route now, the reply then asks the citizen to contact the office before it runs
    out ("deadline.no-route", a postponement's headline).
    """
    return catalogue()[service].deadline is not None


def _ready(
    office: OfficeConfig,
    calendar: OfficeCalendar,
    moment: dt.datetime,
    day: Day,
    fulfilment: Fulfilment | None,
    days: int,
) -> tuple[dt.datetime | None, tuple[AdviceReason, ...], tuple[AdviceReason, ...], bool]:
    """When the document is ready, where the office states a processing time in working days.

    With the line that says so, the caveats of the days until then that the day itself does
    not already give, and whether any of those days is provisional.
    """
    try:
        ready_by = calendar.add_working_days(moment, days)
    except OutOfRange:
        return None, (), (), False  # no working days left within the calendar's horizon
    assert fulfilment is not None  # a plan counts ready days only for a stated fulfilment
    words = Reasons(office)
    span = calendar.span_info(moment, ready_by)
    caveats = list(day.info.caveats)
    late = []
    for caveat in span.caveats:
        if caveat not in caveats:
            caveats.append(caveat)
            late.append(caveat_reason(words, caveat))
    place = (
        both(f"place.{fulfilment.pickup.value}") if fulfilment.pickup else both("place.unknown")
    )
    fields: dict[str, str | Bilingual] = {
        "when": date_pair(ready_by.date()),
        "days": str(days),
        "place": place,
    }
    key = "fulfilment.ready"
    if fulfilment.processing_published is not None:
        fields["published"] = fulfilment.processing_published
        key = "fulfilment.ready-read"
    line = words.word("ready-by", key, fulfilment.source, fields)
    return ready_by, (line,), tuple(late), span.provisional
