"""What both exports read from an office: routes, the offer at an instant, hours, language.

One place for the rules the schema.org and the CPSV-AP exports share, so the two documents
never disagree on which channel takes a service, which services an office offers at an
instant, or which hours hold on a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from adminduk._core.arguments import english
from adminduk._core.validation import ConfigErrorModel, frozen_config
from adminduk._law import reader
from adminduk.documents import CatalogueEntry, Service, catalogue
from adminduk.offices import (
    Channel,
    InPersonStance,
    OfficeConfig,
    Policy,
    get_office,
)
from adminduk.offices._service_standard import ServiceStandard
from adminduk.offices._standards import CompletionUnit
from adminduk.schedule import CalendarSpec, Closure, ExtraOpening, HoursOverride, HoursPeriod

__all__ = [
    "Hours",
    "Offer",
    "Route",
    "day_of",
    "exists_under",
    "hours_on",
    "offer",
    "policy_summary",
    "resolve",
    "route",
    "service_language",
    "slug",
    "standard_duration",
    "standard_words",
]


class _Language(ConfigErrorModel):
    model_config = frozen_config()

    code: str
    statement: str
    source: str


class _Section(ConfigErrorModel):
    model_config = frozen_config()

    service_language: _Language


_read_language = reader(_Section, "service_language")


@cache
def service_language() -> tuple[str, str]:
    """The language every office serves in (BCP 47), and why: the national law file's.

    Other languages stay unknown.

    Examples:
        >>> from adminduk.offices import NATIONAL_SOURCES
        >>> code, why = service_language()
        >>> code, why.startswith(f"{NATIONAL_SOURCES['PERPRES-63-2019'].title}:")
        ('id', True)
    """
    language = _read_language().service_language
    return language.code, language.statement


_NOT_SAFE: Final = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """``text`` as a lowercase slug, safe in a node id or an IRI path segment.

    Examples:
        >>> slug("Surat 470/318"), slug("+62 813-5954")
        ('surat-470-318', '62-813-5954')
    """
    return _NOT_SAFE.sub("-", text.lower()).strip("-")


def resolve(office: OfficeConfig | str) -> OfficeConfig:
    """An office given as a config, or as a registered office's code or slug.

    Raises:
        OfficeNotFound: no registered office has that code or slug.
    """
    return office if isinstance(office, OfficeConfig) else get_office(office)


def day_of(office: OfficeConfig, at: dt.datetime | dt.date | None) -> dt.date:
    """The office-local date of ``at``; today in the office's zone when ``at`` is ``None``.

    Raises:
        OutOfRange: ``at`` is not a date or a datetime.
    """
    if at is None:
        return dt.datetime.now(office.zone).date()
    return office.local_date(at)


def _sentence(clause: str) -> str:
    """A reason written to stand inside a sentence, as a sentence of its own."""
    clause = clause.rstrip(".")
    return f"{clause[:1].upper()}{clause[1:]}."


@dataclass(frozen=True, slots=True)
class Route:
    """The channels that take a service under a policy, and why there are so few, if so.

    Attributes:
        channels: the channels, in file order; empty when the service is not offered.
        note_id: why the route is restricted, in Indonesian; ``None`` for an ordinary route.
        note_en: the same in English.
    """

    channels: tuple[Channel, ...]
    note_id: str | None = None
    note_en: str | None = None


def route(policy: Policy, service: Service, day: dt.date | None = None) -> Route:
    """The route to ``service`` under ``policy``: suspensions, counter-only rules, channels.

    A suspension that lets urgent cases through keeps the counter; a counter-only service has
    the counter alone; otherwise the channels that take the service. With ``day`` (checked),
    only the channels that hold that day (:meth:`~adminduk.offices.Policy.channels_on`);
    without, every channel of the policy.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office, Service
        >>> policy = get_office("35.04").policy_at(dt.date(2020, 3, 20))
        >>> r = route(policy, Service.parse("ktp-el/baru"))
        >>> [ch.kind.value for ch in r.channels], r.note_en[:24]
        (['counter'], 'KTP-el applications are ')
    """
    suspension = policy.suspension_for(service)
    channels: tuple[Channel, ...]
    if suspension is not None:
        counter = policy.counter_on(day)
        channels = (counter,) if suspension.urgent_exempt and counter is not None else ()
        return Route(channels, _sentence(suspension.reason_id), _sentence(suspension.reason_en))
    counter_only = policy.counter_only_for(service)
    if counter_only is not None:
        counter = policy.counter_on(day)
        why = counter_only.why.value
        return Route(
            (counter,) if counter is not None else (),
            f"Hanya di loket ({why})",
            f"At the counter only ({why})",
        )
    channels = policy.channels_for(service, day)
    if not channels:
        return Route(
            (),
            "Tidak ada saluran untuk layanan ini selama kebijakan ini berlaku",
            "No channel takes this service while this policy is in force",
        )
    return Route(channels)


def exists_under(entry: CatalogueEntry, policy: Policy) -> bool:
    """Whether the service exists on some day of ``policy`` (the IKD not under a 2020 policy).

    Examples:
        >>> import datetime as dt
        >>> from adminduk import catalogue, get_office
        >>> covid = get_office("35.04").policy_at(dt.date(2020, 3, 20))
        >>> ikd, kk = catalogue()["ikd/baru"], catalogue()["kk/baru"]
        >>> exists_under(ikd, covid), exists_under(kk, covid)
        (False, True)
    """
    introduced = entry.introduced
    if introduced is None or policy.valid_until is None:
        return True
    return introduced.offered_on(policy.valid_until)


@dataclass(frozen=True, slots=True)
class Offer:
    """What an office offers on one day: the policy in force and each service with a route.

    Attributes:
        office: the office.
        day: the office-local date the offer is for.
        policy: the policy in force that day (the ordinary rules outside every dated one).
        services: each service with at least one channel, in catalogue order, with its route.
    """

    office: OfficeConfig
    day: dt.date
    policy: Policy
    services: tuple[tuple[CatalogueEntry, Route], ...]


def offer(office: OfficeConfig, at: dt.datetime | dt.date | None) -> Offer:
    """The services ``office`` offers at ``at`` (today when ``None``): those with a route.

    A service suspended without an exemption for urgent cases, taken by no channel, or not yet
    in being that day (:class:`~adminduk.documents.Introduction`), is not offered then.

    Raises:
        OutOfRange: ``at`` is not a date or a datetime.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> tulungagung = get_office("35.04")
        >>> snapshot = offer(tulungagung, dt.date(2020, 3, 20))
        >>> snapshot.policy.id, "ktp-el/baru" in [e.code for e, _ in snapshot.services]
        ('se-470-318-105-2020', True)
        >>> offer(tulungagung, dt.date(2024, 1, 2)).policy.is_ordinary
        True
    """
    day = day_of(office, at)
    policy = office.policy_at(day)
    offered = []
    for entry in catalogue():
        if entry.introduced is not None and not entry.introduced.offered_on(day):
            continue  # not yet in being that day
        found = route(policy, entry.service, day)
        if found.channels:
            offered.append((entry, found))
    return Offer(office, day, policy, tuple(offered))


def policy_summary(policy: Policy, lang: str) -> str:
    """One sentence on a policy: its dates, who the counter serves, whether others must wait.

    Examples:
        >>> from adminduk import get_office
        >>> policy = get_office("35.04").policies[0]
        >>> print(policy_summary(policy, "en"))  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
        Service moved online to prevent the spread of Covid-19 (circular 470/318/105/2020):
        from ... to ...; the counter serves urgent needs only.

        The dates are the policy's own, as its office's file gives them:

        >>> f"from {policy.valid_from} to {policy.valid_until};" in policy_summary(policy, "en")
        True
        >>> print(policy_summary(get_office("35.04").ordinary_policy, "id"))
        Layanan biasa: di luar setiap kebijakan bertanggal; loket tetap melayani semua orang.
    """
    in_english = english(lang)
    stance = {
        InPersonStance.OPEN: (
            "loket tetap melayani semua orang",
            "the counter still serves everyone",
        ),
        InPersonStance.URGENT_ONLY: (
            "loket hanya melayani keperluan mendesak",
            "the counter serves urgent needs only",
        ),
        InPersonStance.CLOSED: ("loket tutup", "the counter is closed"),
    }[policy.in_person][in_english]
    if policy.valid_from is None:
        when = (
            "outside every dated policy" if in_english else "di luar setiap kebijakan bertanggal"
        )
    else:
        until = ""
        if policy.valid_until is not None:
            until = f" to {policy.valid_until}" if in_english else f" sampai {policy.valid_until}"
        when = f"{'from' if in_english else 'sejak'} {policy.valid_from}{until}"
    wait = ""
    if policy.non_urgent_asked_to_wait:
        wait = (
            " People without an urgent need are asked to wait."
            if in_english
            else " Warga tanpa keperluan mendesak diminta menunda pengurusan."
        )
    return f"{policy.title(lang)}: {when}; {stance}.{wait}"


@dataclass(frozen=True, slots=True)
class Hours:
    """The hours of an office that matter on a day: what holds then, and what is still to come.

    Attributes:
        regular: the weekly hours holding on the day, or ``None`` when they are the national
            default (not the office's own) and defaults were not asked for.
        overrides: date-range weekly hours (Ramadan, half days) not over by the day.
        extra_openings: extra opening days on or after the day.
        closures: local closures not over by the day.
    """

    regular: HoursPeriod | None
    overrides: tuple[HoursOverride, ...]
    extra_openings: tuple[ExtraOpening, ...]
    closures: tuple[Closure, ...]


def hours_on(spec: CalendarSpec, day: dt.date, *, default_hours: bool = False) -> Hours:
    """The hours that hold on ``day`` and the special ones still to come.

    The last period covering ``day`` holds (the calendar's layering rule).

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> hours = hours_on(get_office("35.13").calendar_spec, dt.date(2020, 3, 20))
        >>> hours.regular.label, hours.regular.hours.friday[0].duration  # the policy's hours
        ('Layanan daring selama pencegahan Covid-19', datetime.timedelta(seconds=10800))
        >>> hours_on(get_office("52.71").calendar_spec, dt.date(2020, 3, 20)).regular is None
        True
    """
    holding = [period for period in spec.periods if period.covers(day)]
    regular = holding[-1] if holding else None
    if regular is not None and regular.is_default and not default_hours:
        regular = None
    return Hours(
        regular=regular,
        overrides=tuple(o for o in spec.overrides if o.end >= day),
        extra_openings=tuple(e for e in spec.extra_openings if e.date >= day),
        closures=tuple(c for c in spec.closures if c.end >= day),
    )


# ----------------------------------------------------------------------- service standards
def standard_duration(standard: ServiceStandard) -> str | None:
    """The standard's completion time as an ISO 8601 duration (``P3D``, ``PT2H``), if known.

    ISO 8601 has no working days or hours: the duration counts them as days or hours, and the
    words beside it (:func:`standard_words`) say which.

    Examples:
        >>> from adminduk import service_standard
        >>> standard_duration(service_standard("64.74", "kk/baru", at=dt.date(2024, 6, 3)))
        'P3D'
    """
    completion = standard.completion
    if completion is None:
        return None
    if completion.unit is CompletionUnit.MINUTES:
        return f"PT{completion.amount}M"
    if completion.unit in (CompletionUnit.HOURS, CompletionUnit.WORKING_HOURS):
        return f"PT{completion.amount}H"
    return f"P{completion.amount}D"


def standard_words(standard: ServiceStandard, lang: str) -> str | None:
    """The completion time in words, as the office publishes it, for an export's description.

    Examples:
        >>> from adminduk import service_standard
        >>> print(standard_words(service_standard("64.74", "kk/baru", at=dt.date(2024, 6, 3)), "en"))
        Completion time (service standard): at most 3 working days (as published: "Jangka Waktu : 1 - 3 hari Kerja").
    """  # noqa: E501
    completion = standard.completion
    if completion is None:
        return None
    if english(lang):
        return (
            f"Completion time (service standard): {completion.text('en')} "
            f'(as published: "{completion.text_id}").'
        )
    return (
        f"Waktu penyelesaian (standar pelayanan): {completion.text('id')} "
        f'(tertulis: "{completion.text_id}").'
    )
