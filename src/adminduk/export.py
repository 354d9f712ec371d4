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
import re
from collections.abc import Iterable
from typing import Any, Final

from adminduk._arguments import flag
from adminduk.documents import Service, catalogue
from adminduk.offices import (
    Channel,
    ChannelKind,
    InPersonStance,
    OfficeConfig,
    Policy,
    get_office,
)
from adminduk.schedule import HoursPeriod, TimeRange, WeeklyHours

__all__ = ["SCHEMA_ORG_CONTEXT", "office_jsonld"]

SCHEMA_ORG_CONTEXT: Final = "https://schema.org"
"""The ``@context`` of every document :func:`office_jsonld` returns."""

# Wikidata's item for the COVID-19 pandemic: the category Google and schema.org ask a
# SpecialAnnouncement about it to carry.
_COVID_CATEGORY: Final = "https://www.wikidata.org/wiki/Q81068910"
_WEEKDAYS: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_NOT_SAFE: Final = re.compile(r"[^a-z0-9]+")

Node = dict[str, Any]


def _lang(text_id: str, text_en: str | None = None) -> list[dict[str, str]]:
    """A text in Indonesian, and in English where the data gives it, as tagged JSON-LD values."""
    values = [{"@value": text_id, "@language": "id"}]
    if text_en is not None and text_en != text_id:
        values.append({"@value": text_en, "@language": "en"})
    return values


def _ref(node_id: str) -> dict[str, str]:
    return {"@id": node_id}


def _safe(text: str) -> str:
    return _NOT_SAFE.sub("-", text.lower()).strip("-")


def _time(minute: int) -> str:
    # schema.org Time; an interval running to midnight closes at the day's last second.
    if minute >= 24 * 60:
        return "23:59:59"
    return f"{minute // 60:02d}:{minute % 60:02d}:00"


def _sentence(clause: str) -> str:
    """A reason written to stand inside a sentence, as a sentence of its own."""
    clause = clause.rstrip(".")
    return f"{clause[:1].upper()}{clause[1:]}."


class _Builder:
    """Builds the graph of one office; node ids are blank nodes local to the document."""

    def __init__(self, office: OfficeConfig, default_hours: bool) -> None:
        self.office = office
        self.default_hours = default_hours
        self.office_id = f"_:office-{_safe(office.code)}"
        self.graph: list[Node] = []

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
                "propertyID": "Kode wilayah Kemendagri (Permendagri 72/2019)",
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
        hours = self.hours()
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
        for weekday, name in enumerate(_WEEKDAYS):
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

    def hours(self) -> list[Node]:
        spec = self.office.calendar_spec
        specs: list[Node] = []
        for period in spec.periods:
            specs.extend(self._period(period))
        for override in spec.overrides:
            description = _lang(override.reason_id, override.reason_en)
            specs.extend(self._weekly(override.hours, override.start, override.end, description))
        for extra in spec.extra_openings:
            description = _lang(extra.reason_id, extra.reason_en)
            day = _WEEKDAYS[extra.date.weekday()]
            specs.extend(
                self._spec([day], interval, extra.date, extra.date, description)
                for interval in extra.hours
            )
        for closure in spec.closures:
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
        if channel.intake:
            formats = ", ".join(fmt.value for fmt in channel.intake)
            notes.append(f"Berkas dikirim sebagai / documents sent as: {formats}")
        if channel.note is not None:
            notes.append(channel.note)
        description: list[Any] = list(notes)
        if channel.kind is ChannelKind.COUNTER:
            description.extend(self._counter_description(policy) or [])
        if description:
            node["description"] = description
        return node

    def policy_nodes(self, policy: Policy) -> list[str]:
        """Add a policy's channels and services; return the ids of its services."""
        prefix = _safe(policy.id)
        channel_ids: dict[int, str] = {}
        for index, channel in enumerate(policy.channels):
            node_id = f"_:{prefix}-channel-{index + 1}"
            channel_ids[id(channel)] = node_id
            self.graph.append(self.channel(node_id, channel, policy))
        service_ids: list[str] = []
        cat = catalogue()
        for entry in cat:
            service = entry.service
            node_id = f"_:{prefix}-service-{_safe(service.code)}"
            channels, description = self._route(policy, service)
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

    def _day(self, policy: Policy) -> dt.date:
        if policy.valid_from is not None:
            return policy.valid_from
        # The ordinary rules: any day outside every dated policy; the day before the first.
        starts = [p.valid_from for p in self.office.policies if p.valid_from is not None]
        return min(starts) - dt.timedelta(days=1) if starts else dt.date(2020, 1, 1)

    def _route(
        self, policy: Policy, service: Service
    ) -> tuple[tuple[Channel, ...], list[dict[str, str]]]:
        suspension = policy.suspension_for(service)
        if suspension is not None:
            description = _lang(_sentence(suspension.reason_id), _sentence(suspension.reason_en))
            counter = policy.counter
            if suspension.urgent_exempt and counter is not None:
                return (counter,), description
            return (), description
        counter_only = policy.counter_only_for(service)
        if counter_only is not None:
            counter = policy.counter
            why = counter_only.why.value
            description = _lang(f"Hanya di loket ({why})", f"At the counter only ({why})")
            return ((counter,) if counter is not None else ()), description
        channels = policy.channels_for(service)
        if not channels:
            return (), _lang(
                "Tidak ada saluran untuk layanan ini selama kebijakan ini berlaku",
                "No channel takes this service while this policy is in force",
            )
        return channels, []

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
        if policy.valid_until is not None:
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
        until_id = f" sampai {policy.valid_until}" if policy.valid_until else ""
        until_en = f" to {policy.valid_until}" if policy.valid_until else ""
        stance_id = {
            InPersonStance.OPEN: "loket tetap melayani semua orang",
            InPersonStance.URGENT_ONLY: "loket hanya melayani keperluan mendesak",
            InPersonStance.CLOSED: "loket tutup",
        }[policy.in_person]
        stance_en = {
            InPersonStance.OPEN: "the counter still serves everyone",
            InPersonStance.URGENT_ONLY: "the counter serves urgent needs only",
            InPersonStance.CLOSED: "the counter is closed",
        }[policy.in_person]
        wait_id = wait_en = ""
        if policy.non_urgent_asked_to_wait:
            wait_id = " Warga tanpa keperluan mendesak diminta menunda pengurusan."
            wait_en = " People without an urgent need are asked to wait."
        return _lang(
            f"{policy.title('id')}: sejak {policy.valid_from}{until_id}; {stance_id}.{wait_id}",
            f"{policy.title('en')}: from {policy.valid_from}{until_en}; {stance_en}.{wait_en}",
        )

    def build(self) -> dict[str, Any]:
        self.office_node()
        self.sources()
        self.policy_nodes(self.office.ordinary_policy)
        for policy in sorted(self.office.policies, key=lambda p: p.valid_from or dt.date.min):
            self.announcement(policy, self.policy_nodes(policy))
        return {"@context": SCHEMA_ORG_CONTEXT, "@graph": self.graph}


def office_jsonld(office: OfficeConfig | str, *, default_hours: bool = False) -> dict[str, Any]:
    """The office as a schema.org JSON-LD document (a ``dict`` ready for ``json.dumps``).

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig`, or a registered office's code or slug.
        default_hours: also give the national default working hours where the office publishes
            none, each marked in its ``description`` as not the office's own.

    Raises:
        OfficeNotFound: no registered office has that code or slug.

    Examples:
        >>> doc = office_jsonld("35.13")
        >>> office = doc["@graph"][0]
        >>> office["@type"], office["identifier"]["value"]
        ('GovernmentOffice', '35.13')
        >>> friday = [s for s in office["openingHoursSpecification"]
        ...           if s["dayOfWeek"] == ["https://schema.org/Friday"]]
        >>> [(s["opens"], s["closes"], s["validFrom"]) for s in friday]
        [('08:00:00', '11:00:00', '2020-03-17')]
        >>> [n["expires"] for n in office_jsonld("35.04")["@graph"]
        ...  if n["@type"] == "SpecialAnnouncement"]
        ['2020-04-08T00:00:00+07:00']
    """
    config = office if isinstance(office, OfficeConfig) else get_office(office)
    return _Builder(config, flag("default_hours", default_hours)).build()
