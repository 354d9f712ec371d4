"""An office's services as schema.org JSON-LD, for search engines and national catalogues.

:func:`office_jsonld` describes one office as a flat ``@graph``:

* a ``GovernmentOffice`` (name, Kemendagri code, address, area served, and the
  ``OpeningHoursSpecification`` of its own published hours, each dated with ``validFrom`` /
  ``validThrough`` where a policy, an override or a closure sets them);
* for its ordinary rules and for every dated policy, one ``ServiceChannel`` per channel (a
  WhatsApp number as ``servicePhone`` and a ``https://wa.me/`` ``serviceUrl``, an app or portal
  as ``serviceUrl``, the counter as ``serviceLocation``) and one ``GovernmentService`` per
  catalogue service with the channels that take it;
* a ``SpecialAnnouncement`` per dated policy (the Covid-19 rules of March 2020), valid from its
  first day, expiring after its last, whose ``governmentBenefitsInfo`` are that policy's services;
* a ``CreativeWork`` per source, cited through ``subjectOf`` and ``isBasedOn``.

Every ``ServiceChannel`` names its ``availableLanguage`` (Indonesian, the language of public
administration) and the counter its ``hoursAvailable``.

That is the office's whole dated history. With ``at``, the document is what holds at that
instant instead: the policy in force, one ``GovernmentService`` per service the office offers
then, and a ``SpecialAnnouncement`` only while a dated policy is in force. Every built-in
policy ended by the end of the pandemic status (``adminduk.offices.PANDEMIC_END``), so today a
built-in office has none. Google stopped using ``SpecialAnnouncement`` on 31 July 2025; it stays valid schema.org.

Text is given in Indonesian and English as language-tagged values. Unknown facts stay out: a
WhatsApp channel whose number the sources do not give has no ``servicePhone``, only a
``description`` saying why; the national default working hours, which are not the office's own,
are left out unless ``default_hours=True``, and then each says it is a default.

Examples:
    >>> from adminduk.export import office_jsonld
    >>> doc = office_jsonld("35.14")
    >>> doc["@context"]
    'https://schema.org'
    >>> sorted({node["@type"] for node in doc["@graph"]})
    ['CreativeWork', 'GovernmentOffice', 'GovernmentService', 'ServiceChannel', 'SpecialAnnouncement']
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from adminduk._core.arguments import flag
from adminduk._core.days import DAYS_EN
from adminduk.documents import Service, catalogue
from adminduk.export._offer import (
    day_of,
    exists_under,
    hours_on,
    offer,
    policy_summary,
    resolve,
    route,
    service_language,
    standard_words,
)
from adminduk.export._offer import slug as _safe
from adminduk.offices import Channel, ChannelKind, InPersonStance, OfficeConfig, Policy
from adminduk.offices._service_standard import ServiceStandard, service_standard
from adminduk.regions import find_region
from adminduk.schedule import HoursPeriod, TimeRange, WeeklyHours

__all__ = ["SCHEMA_ORG_CONTEXT", "office_jsonld"]

SCHEMA_ORG_CONTEXT: Final = "https://schema.org"
"""The ``@context`` of every document :func:`office_jsonld` returns."""

# Wikidata's item for the COVID-19 pandemic: the category Google and schema.org ask a
# SpecialAnnouncement about it to carry.
_COVID_CATEGORY: Final = "https://www.wikidata.org/wiki/Q81068910"

Node = dict[str, Any]


def _lang(text_id: str, text_en: str | None = None) -> list[dict[str, str]]:
    """A text in Indonesian, and in English where the data gives it, as tagged JSON-LD values."""
    values = [{"@value": text_id, "@language": "id"}]
    if text_en is not None and text_en != text_id:
        values.append({"@value": text_en, "@language": "en"})
    return values


def _ref(node_id: str) -> dict[str, str]:
    return {"@id": node_id}


def _time(minute: int) -> str:
    # schema.org Time; an interval running to midnight closes at the day's last second.
    if minute >= 24 * 60:
        return "23:59:59"
    return f"{minute // 60:02d}:{minute % 60:02d}:00"


def code_scheme(code: str) -> str:
    """The scheme an office's code belongs to, naming the Kemendagri list that lists it.

    The newest list the code is on, by its decree where the region data names one (else by the
    list's year); a code on no list (a fictional office's) gets the scheme alone. Codes created
    after an older list, such as Papua Selatan's of 2022, are never credited to it.

    Examples:
        >>> from adminduk.regions import region_lists
        >>> code_scheme("35.13") == f"Kode wilayah Kemendagri ({region_lists()[-1].decree})"
        True
        >>> code_scheme("91.01")  # Merauke's code until the 2022 list; 93.01 since
        'Kode wilayah Kemendagri (daftar 2022)'
        >>> code_scheme("99.01")
        'Kode wilayah Kemendagri'
    """
    found = find_region(code)
    if found is None:
        return "Kode wilayah Kemendagri"
    newest = found.lists[-1]
    return f"Kode wilayah Kemendagri ({newest.decree or f'daftar {newest.label}'})"


class _Builder:
    """Builds the graph of one office; node ids are blank nodes local to the document."""

    def __init__(self, office: OfficeConfig, default_hours: bool, day: dt.date | None) -> None:
        self.office = office
        self.default_hours = default_hours
        self.day = day
        self.office_id = f"_:office-{_safe(office.code)}"
        self.graph: list[Node] = []
        self.office_hours: list[Node] = []

    # -- provenance --------------------------------------------------------------------------
    def _source_id(self, key: str) -> str:
        return f"_:source-{_safe(key)}"

    def cited(self, source: str) -> list[dict[str, Any]]:
        """The works a ``source`` value names: references to [sources] nodes, or inline ones."""
        works: list[dict[str, Any]] = []
        for part in [p.strip() for p in source.split(";") if p.strip()]:
            if part in self.office.sources:
                works.append(_ref(self._source_id(part)))
            else:
                works.append({"@type": "CreativeWork", "name": part})
        return works

    def sources(self) -> None:
        for key, info in self.office.sources.items():
            node: Node = {
                "@id": self._source_id(key),
                "@type": "CreativeWork",
                "identifier": key,
                "name": info.title,
            }
            if info.publisher is not None:
                node["publisher"] = {"@type": "Organization", "name": info.publisher}
            if info.published is not None:
                node["datePublished"] = info.published.isoformat()
            if info.url is not None:
                node["url"] = info.url
            if info.note is not None:
                node["description"] = info.note
            self.graph.append(node)

    # -- the office and its hours ------------------------------------------------------------
    def office_node(self) -> None:
        office = self.office
        node: Node = {
            "@id": self.office_id,
            "@type": "GovernmentOffice",
            "name": office.name,
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": code_scheme(office.code),
                "value": office.code,
            },
            "alternateName": office.slug,
            "areaServed": self._area(),
            "subjectOf": self.cited(office.source),
        }
        if office.address is not None:
            node["address"] = {
                "@type": "PostalAddress",
                "streetAddress": office.address,
                "addressRegion": office.province,
                "addressCountry": "ID",
            }
        # Each specification once, with an id the counters' hoursAvailable refer to.
        hours = [{"@id": f"_:hours-{n}", **spec} for n, spec in enumerate(self.hours(self.day), 1)]
        self.office_hours = hours
        if hours:
            node["openingHoursSpecification"] = hours
        self.graph.append(node)

    def _area(self) -> Node:
        return {
            "@type": "AdministrativeArea",
            "name": self.office.region,
            "containedInPlace": {"@type": "AdministrativeArea", "name": self.office.province},
        }

    def _weekly(
        self,
        hours: WeeklyHours,
        start: dt.date | None,
        end: dt.date | None,
        description: list[dict[str, str]],
    ) -> list[Node]:
        specs: list[Node] = []
        for weekday, name in enumerate(DAYS_EN):
            for interval in hours.day(weekday):
                specs.append(self._spec([name], interval, start, end, description))
        return specs

    def _spec(
        self,
        days: list[str],
        interval: TimeRange | None,
        start: dt.date | None,
        end: dt.date | None,
        description: list[dict[str, str]],
    ) -> Node:
        spec: Node = {"@type": "OpeningHoursSpecification"}
        if days:
            spec["dayOfWeek"] = [f"https://schema.org/{day}" for day in days]
        # A closed day is written as opening and closing at midnight (schema.org's convention).
        spec["opens"] = "00:00:00" if interval is None else _time(interval.start)
        spec["closes"] = "00:00:00" if interval is None else _time(interval.end)
        if start is not None:
            spec["validFrom"] = start.isoformat()
        if end is not None:
            spec["validThrough"] = end.isoformat()
        spec["description"] = description
        return spec

    def _period(self, period: HoursPeriod) -> list[Node]:
        if period.is_default:
            if not self.default_hours:
                return []
            description = _lang(
                "Jam kerja nasional instansi pemerintah, bukan jam layanan yang diumumkan kantor "
                f"ini ({period.source})",
                "National working hours of government institutions, not this office's own "
                f"published hours ({period.source})",
            )
        else:
            description = _lang(f"Sumber: {period.source}", f"Source: {period.source}")
        return self._weekly(period.hours, period.valid_from, period.valid_until, description)

    def hours(self, day: dt.date | None) -> list[Node]:
        """Every dated hour of the office; with ``day``, those holding then or still to come."""
        spec = self.office.calendar_spec
        if day is None:
            periods: tuple[HoursPeriod, ...] = spec.periods
            overrides, extras, closures = spec.overrides, spec.extra_openings, spec.closures
        else:
            now = hours_on(spec, day, default_hours=self.default_hours)
            periods = () if now.regular is None else (now.regular,)
            overrides, extras, closures = now.overrides, now.extra_openings, now.closures
        specs: list[Node] = []
        for period in periods:
            specs.extend(self._period(period))
        for override in overrides:
            description = _lang(override.reason_id, override.reason_en)
            specs.extend(self._weekly(override.hours, override.start, override.end, description))
        for extra in extras:
            description = _lang(extra.reason_id, extra.reason_en)
            weekday = DAYS_EN[extra.date.weekday()]
            specs.extend(
                self._spec([weekday], interval, extra.date, extra.date, description)
                for interval in extra.hours
            )
        for closure in closures:
            description = _lang(closure.reason_id, closure.reason_en)
            specs.append(self._spec([], None, closure.start, closure.end, description))
        return specs

    # -- channels and services ---------------------------------------------------------------
    def _counter_description(self, policy: Policy) -> list[dict[str, str]] | None:
        if policy.in_person is not InPersonStance.URGENT_ONLY:
            return None
        names = [self.office.urgency_reason(code) for code in policy.urgency_reasons]
        more_id = "" if policy.urgency_reasons_exhaustive else ", dan keperluan mendesak lain"
        more_en = "" if policy.urgency_reasons_exhaustive else ", and other urgent needs"
        return _lang(
            "Loket hanya melayani keperluan mendesak: "
            + "; ".join(n.name_id for n in names)
            + more_id,
            "The counter serves urgent needs only: "
            + "; ".join(n.name_en for n in names)
            + more_en,
        )

    def channel(self, node_id: str, channel: Channel, policy: Policy) -> Node:
        node: Node = {
            "@id": node_id,
            "@type": "ServiceChannel",
            "name": _lang(channel.label, channel.label_en),
            "subjectOf": self.cited(channel.source),
        }
        notes: list[str] = []
        if channel.address is None:
            notes.append(
                f"Alamat/nomor tidak diketahui / address not known: "
                f"{channel.address_unknown_reason}"
            )
        elif channel.kind is ChannelKind.WHATSAPP:
            node["servicePhone"] = {
                "@type": "ContactPoint",
                "telephone": channel.address,
                "contactType": "WhatsApp",
            }
            node["serviceUrl"] = channel.link()
        elif channel.kind is ChannelKind.COUNTER:
            node["serviceLocation"] = {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": channel.address,
                    "addressRegion": self.office.province,
                    "addressCountry": "ID",
                },
            }
        elif channel.address.startswith(("http://", "https://")):
            node["serviceUrl"] = channel.address
        else:
            # A host name published without a scheme stays as published: which scheme the
            # server speaks is not in the sources.
            notes.append(f"Alamat sebagaimana diumumkan / address as published: {channel.address}")
        if channel.dated:
            # ServiceChannel has no dates of its own: the days the channel holds are said.
            start, end = channel.valid_from, channel.valid_until
            notes.append(
                "Berlaku / in force: "
                + (f"{start.isoformat()}" if start is not None else "")
                + " – "
                + (f"{end.isoformat()}" if end is not None else "")
            )
        if channel.intake:
            formats = ", ".join(fmt.value for fmt in channel.intake)
            notes.append(f"Berkas dikirim sebagai / documents sent as: {formats}")
        if channel.note is not None:
            notes.append(channel.note)
        description: list[Any] = list(notes)
        if channel.kind is ChannelKind.COUNTER:
            description.extend(self._counter_description(policy) or [])
            wanted = self.hours(self.day if self.day is not None else self._day(policy))
            held = [
                _ref(spec["@id"])
                for spec in self.office_hours
                if {k: v for k, v in spec.items() if k != "@id"} in wanted
            ]
            if held:
                node["hoursAvailable"] = held
        node["availableLanguage"] = {
            "@type": "Language",
            "name": "Bahasa Indonesia",
            "alternateName": service_language()[0],
            "description": service_language()[1],
        }
        if description:
            node["description"] = description
        return node

    def policy_nodes(self, policy: Policy, offered: frozenset[str] | None = None) -> list[str]:
        """Add a policy's channels and services; return the ids of its services.

        With ``offered``, only those services, and only the channels that take one of them.
        """
        prefix = _safe(policy.id)
        entries = [
            e
            for e in catalogue()
            if (offered is None or e.code in offered) and exists_under(e, policy)
        ]
        routes = {entry.code: self._route(policy, entry.service) for entry in entries}
        used = {id(ch) for channels, _ in routes.values() for ch in channels}
        channel_ids: dict[int, str] = {}
        # On a day asked for, that day's channels only (the whole history gives each channel,
        # its dates in its description). Numbered by the file's order either way.
        holding = {id(ch) for ch in policy.channels_on(self.day)}
        for index, channel in enumerate(policy.channels):
            if id(channel) not in holding or (offered is not None and id(channel) not in used):
                continue
            node_id = f"_:{prefix}-channel-{index + 1}"
            channel_ids[id(channel)] = node_id
            self.graph.append(self.channel(node_id, channel, policy))
        service_ids: list[str] = []
        for entry in entries:
            service = entry.service
            node_id = f"_:{prefix}-service-{_safe(service.code)}"
            channels, description = routes[entry.code]
            node: Node = {
                "@id": node_id,
                "@type": "GovernmentService",
                "name": _lang(entry.name_id, entry.name_en),
                "serviceType": service.code,
                "identifier": service.code,
                "provider": _ref(self.office_id),
                "serviceOperator": _ref(self.office_id),
                "areaServed": self._area(),
                "availableChannel": [_ref(channel_ids[id(ch)]) for ch in channels],
                "subjectOf": self.cited(policy.source),
            }
            # The standard of the day asked for; without one, the one in force today.
            standard = service_standard(self.office, service, at=self.day)
            if standard is not None:
                self._standard(node, description, standard)
            requirements = self.office.requirements(service, self._day(policy))
            if requirements:
                description.extend(
                    _lang(
                        "Persyaratan: " + "; ".join(r.name_id for r in requirements),
                        "Requirements: " + "; ".join(r.name_en for r in requirements),
                    )
                )
            if description:
                node["description"] = description
            self.graph.append(node)
            service_ids.append(node_id)
        return service_ids

    def _standard(
        self, node: Node, description: list[dict[str, str]], standard: ServiceStandard
    ) -> None:
        """The published standard: its time in the description, its fee as an ``Offer``."""
        words_id, words_en = standard_words(standard, "id"), standard_words(standard, "en")
        if words_id is not None and words_en is not None:
            description.extend(_lang(words_id, words_en))
        if standard.fee is not None:
            fee = standard.fee
            node["offers"] = {
                "@type": "Offer",
                "price": fee.amount_idr,
                "priceCurrency": "IDR",
                "description": _lang(fee.text_id, fee.text("en")),
            }

    def _day(self, policy: Policy) -> dt.date:
        if policy.valid_from is not None:
            return policy.valid_from
        # The ordinary rules: any day outside every dated policy; the day before the first.
        starts = [p.valid_from for p in self.office.policies if p.valid_from is not None]
        if not starts:
            return dt.date(2020, 1, 1)
        # A policy from 0001-01-01 has no day before it: the first day then (no overflow).
        return max(min(starts), dt.date.min + dt.timedelta(days=1)) - dt.timedelta(days=1)

    def _route(
        self, policy: Policy, service: Service
    ) -> tuple[tuple[Channel, ...], list[dict[str, str]]]:
        found = route(policy, service, self.day)
        if found.note_id is None or found.note_en is None:
            return found.channels, []
        return found.channels, _lang(found.note_id, found.note_en)

    def announcement(self, policy: Policy, services: Iterable[str]) -> None:
        assert policy.valid_from is not None  # only dated policies are announced
        zone = self.office.zone
        start = dt.datetime.combine(policy.valid_from, dt.time(0, 0), tzinfo=zone)
        node: Node = {
            "@id": f"_:announcement-{_safe(policy.id)}",
            "@type": "SpecialAnnouncement",
            "identifier": policy.id,
            "name": _lang(policy.title("id"), policy.title("en")),
            "text": self._summary(policy),
            "datePosted": start.isoformat(),
            "announcementLocation": _ref(self.office_id),
            "spatialCoverage": self._area(),
            "governmentBenefitsInfo": [_ref(s) for s in services],
            "isBasedOn": self.cited(f"{policy.source}; {policy.source_of('valid_from')}"),
        }
        if policy.valid_until is not None and policy.valid_until < dt.date.max:
            # Through 9999-12-31 it never expires within the calendar (and has no next day).
            end = policy.valid_until + dt.timedelta(days=1)
            node["expires"] = dt.datetime.combine(end, dt.time(0, 0), tzinfo=zone).isoformat()
        # The category is claimed only where the office file itself calls it a Covid-19 measure.
        words = " ".join(
            [
                policy.id,
                policy.title("id"),
                policy.title("en"),
                policy.notes_on_dates or "",
                *(note.text_en for note in policy.notes),
            ]
        ).lower()
        if "covid" in words:
            node["category"] = _COVID_CATEGORY
        # isBasedOn lists each work once, in order.
        seen: list[Any] = []
        for work in node["isBasedOn"]:
            if work not in seen:
                seen.append(work)
        node["isBasedOn"] = seen
        self.graph.append(node)

    def _summary(self, policy: Policy) -> list[dict[str, str]]:
        return _lang(policy_summary(policy, "id"), policy_summary(policy, "en"))

    def build(self) -> dict[str, Any]:
        self.office_node()
        self.sources()
        if self.day is not None:
            now = offer(self.office, self.day)
            services = self.policy_nodes(now.policy, frozenset(e.code for e, _ in now.services))
            if not now.policy.is_ordinary:
                self.announcement(now.policy, services)
        else:
            self.policy_nodes(self.office.ordinary_policy)
            for policy in sorted(self.office.policies, key=lambda p: p.valid_from or dt.date.min):
                self.announcement(policy, self.policy_nodes(policy))
        return {"@context": SCHEMA_ORG_CONTEXT, "@graph": self.graph}


def office_jsonld(
    office: OfficeConfig | str,
    *,
    default_hours: bool = False,
    at: dt.datetime | dt.date | None = None,
) -> dict[str, Any]:
    """The office as a schema.org JSON-LD document (a ``dict`` ready for ``json.dumps``).

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig`, or a registered office's code or slug.
        default_hours: also give the national default working hours where the office publishes
            none, each marked in its ``description`` as not the office's own.
        at: describe what holds at this instant (a naive datetime is office-local wall time; a
            date is that day) instead of the whole dated history: one ``GovernmentService`` per
            service offered then, and a ``SpecialAnnouncement`` only while a dated policy is in
            force. What a search engine should get is ``at=datetime.now()``.

    Raises:
        OfficeNotFound: no registered office has that code or slug.
        OutOfRange: ``at`` is not a date or a datetime.

    Examples:
        >>> doc = office_jsonld("35.13")
        >>> office = doc["@graph"][0]
        >>> office["@type"], office["identifier"]["value"]
        ('GovernmentOffice', '35.13')
        >>> friday = [s for s in office["openingHoursSpecification"]
        ...           if s["dayOfWeek"] == ["https://schema.org/Friday"]]
        >>> sorted(friday[0])  # doctest: +NORMALIZE_WHITESPACE
        ['@id', '@type', 'closes', 'dayOfWeek', 'description', 'opens', 'validFrom',
         'validThrough']

        Those are the office's Friday hours under its policy, from the policy's first day:

        >>> from adminduk import get_office
        >>> policy = get_office("35.13").policies[0]
        >>> hours = policy.hours.friday[0]
        >>> [(s["opens"], s["closes"], s["validFrom"]) for s in friday] == [
        ...     (hours.opens.isoformat(), hours.closes.isoformat(), policy.valid_from.isoformat())]
        True

        A policy's announcement expires at the midnight that ends the policy's last day:

        >>> import datetime as dt
        >>> morrow = get_office("35.04").policies[0].valid_until + dt.timedelta(days=1)
        >>> [n["expires"] for n in office_jsonld("35.04")["@graph"]
        ...  if n["@type"] == "SpecialAnnouncement"] == [f"{morrow}T00:00:00+07:00"]
        True

        At an instant, each service once, and an announcement only while a policy holds:

        >>> then = office_jsonld("35.04", at=dt.date(2020, 3, 20))["@graph"]
        >>> [n["identifier"] for n in then if n["@type"] == "SpecialAnnouncement"]
        ['se-470-318-105-2020']
        >>> today = office_jsonld("35.04", at=dt.date(2026, 1, 5))["@graph"]
        >>> [n for n in today if n["@type"] == "SpecialAnnouncement"]
        []
    """
    config = resolve(office)
    day = None if at is None else day_of(config, at)
    return _Builder(config, flag("default_hours", default_hours), day).build()
