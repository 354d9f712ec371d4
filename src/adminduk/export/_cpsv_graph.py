"""The RDF graph behind :func:`~adminduk.export.office_cpsv` (imports rdflib; loaded on demand).

The IRI scheme is documented in :mod:`adminduk.export._cpsv`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Final

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, TIME, XSD

from adminduk._core.days import DAYS_EN
from adminduk.documents import (
    CatalogueEntry,
    Confidence,
    Requirement,
    catalogue,
    group_requirements,
)
from adminduk.export._offer import (
    SERVICE_LANGUAGE_SOURCE,
    Offer,
    Route,
    hours_on,
    policy_summary,
    slug,
    standard_duration,
    standard_words,
)
from adminduk.offices import Channel, ChannelKind, Policy
from adminduk.offices._service_standard import ServiceStandard, service_standard
from adminduk.offices._types import source_parts
from adminduk.schedule import TimeRange, WeeklyHours

__all__ = ["build", "serialize"]

CPSV: Final = Namespace("http://purl.org/vocab/cpsv#")
CV: Final = Namespace("http://data.europa.eu/m8g/")
ELI: Final = Namespace("http://data.europa.eu/eli/ontology#")
LOCN: Final = Namespace("http://www.w3.org/ns/locn#")
SCHEMA: Final = Namespace("http://schema.org/")

# The Publications Office's language authority table: Indonesian.
_INDONESIAN: Final = URIRef("http://publications.europa.eu/resource/authority/language/IND")
_ACT: Final = re.compile(r"^(UU|PP|Perpres|Keppres|Permendagri|Kepmendagri) \d+/\d{4}")
_ARTICLE: Final = re.compile(r"Pasal (\d+[A-Z]?)")

# UU 24/2013 Pasal 79A (read in full; domain-facts §2.3): population documents are free.
_FREE_ACT: Final = "UU 24/2013"
_FREE_ARTICLE: Final = "79A"

_CHANNEL_KINDS: Final = {
    ChannelKind.APP: ("Aplikasi kantor", "The office's own app"),
    ChannelKind.WHATSAPP: ("WhatsApp", "WhatsApp"),
    ChannelKind.PORTAL: ("Portal daring", "Online portal"),
    ChannelKind.COUNTER: ("Loket (tatap muka)", "Counter (in person)"),
}
_REQUIREMENT_KINDS: Final = {
    "wajib": ("Satu dokumen atau syarat", "One document or condition"),
    "salah-satu": ("Salah satu dari beberapa dokumen", "Any one of several documents"),
}


def _text(id_text: str, en_text: str) -> tuple[Literal, Literal]:
    return Literal(id_text, lang="id"), Literal(en_text, lang="en")


def _time(minute: int) -> Literal:
    # xsd:time; an interval running to midnight closes at the day's last second.
    if minute >= 24 * 60:
        return Literal("23:59:59", datatype=XSD.time)
    return Literal(f"{minute // 60:02d}:{minute % 60:02d}:00", datatype=XSD.time)


def _hhmm(interval: TimeRange) -> str:
    return f"{interval.start // 60:02d}{interval.start % 60:02d}-{interval.end // 60:02d}{interval.end % 60:02d}"  # noqa: E501


def citations(basis: str, confidence: Confidence) -> Iterator[tuple[str, str | None]]:
    """The acts and articles a bare citation names, as far as its confidence vouches for them.

    An article number is kept where the text was read or a source cites it; a citation whose
    article is unverified names the act alone; local practice names no legal resource.

    Examples:
        >>> list(citations("UU 24/2013 Pasal 58 ayat (2); Pasal 64 ayat (1), (6)",
        ...                Confidence.PRIMARY))
        [('UU 24/2013', '58'), ('UU 24/2013', '64')]
        >>> list(citations("Perpres 96/2018", Confidence.SECONDARY))
        [('Perpres 96/2018', None)]
        >>> list(citations("Dispendukcapil Kota Malang", Confidence.LOCAL_PRACTICE))
        []
        >>> list(citations("Permendagri 109/2019; UU 24/2013 Pasal 79A", Confidence.SECONDARY))
        [('Permendagri 109/2019', None), ('UU 24/2013', None)]
        >>> list(citations("form F-1.06; UU 24/2013 Pasal 3", Confidence.PRIMARY))
        [('UU 24/2013', '3')]
    """
    if confidence is Confidence.LOCAL_PRACTICE:
        return
    act: str | None = None
    for part in basis.split(";"):
        found = _ACT.match(part.strip())
        if found is not None:
            act = found.group(0)
        if act is None:
            continue
        articles = _ARTICLE.findall(part) if confidence.is_verified_article else []
        if not articles:
            yield act, None
        for article in articles:
            yield act, article


class _Builder:
    def __init__(self, snapshot: Offer, base: str) -> None:
        self.snapshot = snapshot
        self.office = snapshot.office
        self.base = base
        self.g = Graph()
        for prefix, namespace in (
            ("cpsv", CPSV),
            ("cv", CV),
            ("dct", DCTERMS),
            ("dcat", DCAT),
            ("eli", ELI),
            ("foaf", FOAF),
            ("locn", LOCN),
            ("schema", SCHEMA),
            ("skos", SKOS),
            ("time", TIME),
            ("xsd", XSD),
            ("adminduk", Namespace(base)),
        ):
            self.g.bind(prefix, namespace, override=True, replace=True)
        self.office_iri = self.iri("office", self.office.code)

    # -- helpers -----------------------------------------------------------------------------
    def iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def add(self, subject: URIRef, predicate: URIRef, *objects: URIRef | Literal) -> None:
        for obj in objects:
            self.g.add((subject, predicate, obj))

    def typed(self, node: URIRef, *types: URIRef) -> URIRef:
        self.add(node, RDF.type, *types)
        return node

    def concept(
        self, scheme: str, code: str, labels: tuple[str, str], scheme_labels: tuple[str, str]
    ) -> URIRef:
        """A code-list value, typed ``skos:Concept`` in its typed ``skos:ConceptScheme``."""
        scheme_iri = self.typed(self.iri("scheme", scheme), SKOS.ConceptScheme)
        self.add(scheme_iri, SKOS.prefLabel, *_text(*scheme_labels))
        node = self.typed(self.iri("scheme", scheme, code), SKOS.Concept)
        self.add(node, SKOS.prefLabel, *_text(*labels))
        self.add(node, SKOS.notation, Literal(code))
        self.add(node, SKOS.inScheme, scheme_iri)
        return node

    def cite(self, subject: URIRef, source: str) -> None:
        """``dct:source`` each work a ``source`` value names, described once."""
        for part in source_parts(source):
            document = self.typed(
                self.iri("office", self.office.code, "source", slug(part)), FOAF.Document
            )
            self.add(subject, DCTERMS.source, document)
            info = self.office.source_info(part)
            self.add(document, DCTERMS.title, Literal(part if info is None else info.title))
            if info is None:
                continue
            self.add(document, DCTERMS.identifier, Literal(part))
            if info.publisher is not None:
                self.add(document, DCTERMS.publisher, Literal(info.publisher))
            if info.published is not None:
                self.add(document, DCTERMS.issued, Literal(info.published, datatype=XSD.date))
            if info.url is not None:
                self.add(document, SCHEMA.url, Literal(info.url, datatype=XSD.anyURI))

    # -- the office --------------------------------------------------------------------------
    def location(self, code: str, name: str) -> URIRef:
        node = self.typed(self.iri("region", code), DCTERMS.Location)
        self.add(node, DCTERMS.identifier, Literal(code))
        self.add(node, SKOS.prefLabel, Literal(name, lang="id"))
        return node

    def office_node(self) -> None:
        office = self.office
        node = self.typed(self.office_iri, CV.PublicOrganisation)
        self.add(node, SKOS.prefLabel, Literal(office.name, lang="id"))
        if office.official_name is not None:
            self.add(node, SKOS.altLabel, Literal(office.official_name, lang="id"))
        self.add(node, DCTERMS.identifier, Literal(office.code))
        region = self.location(office.code, office.region)
        self.add(region, DCTERMS.isPartOf, self.location(office.code[:2], office.province))
        self.add(node, DCTERMS.spatial, region)
        if office.address is not None:
            address = self.typed(self.iri("office", office.code, "address"), LOCN.Address)
            self.add(address, LOCN.fullAddress, Literal(office.address, lang="id"))
            self.add(address, LOCN.adminUnitL2, Literal(office.province, lang="id"))
            self.add(node, LOCN.address, address)
        self.cite(node, office.source)

    def rule(self, policy: Policy) -> URIRef:
        node = self.typed(self.iri("office", self.office.code, "policy", policy.id), CPSV.Rule)
        self.add(node, DCTERMS.identifier, Literal(policy.id))
        self.add(node, DCTERMS.title, *_text(policy.title("id"), policy.title("en")))
        self.add(
            node,
            DCTERMS.description,
            *_text(policy_summary(policy, "id"), policy_summary(policy, "en")),
        )
        for note in policy.notes:
            self.add(node, DCTERMS.description, *_text(note.text_id, note.text_en))
        if policy.valid_from is not None:
            period = self.typed(URIRef(f"{node}/period"), DCTERMS.PeriodOfTime)
            self.add(period, DCAT.startDate, Literal(policy.valid_from, datatype=XSD.date))
            if policy.valid_until is not None:
                self.add(period, DCAT.endDate, Literal(policy.valid_until, datatype=XSD.date))
            self.add(node, DCTERMS.temporal, period)
        self.cite(node, policy.source)
        return node

    # -- hours -------------------------------------------------------------------------------
    def _hours_node(
        self,
        path: tuple[str, ...],
        weekday: int | None,
        interval: TimeRange | None,
        start: dt.date | None,
        end: dt.date | None,
        description: tuple[str, str],
    ) -> URIRef:
        node = self.typed(
            self.iri("office", self.office.code, *path),
            TIME.TemporalEntity,
            SCHEMA.OpeningHoursSpecification,
        )
        if weekday is not None:
            self.add(node, SCHEMA.dayOfWeek, SCHEMA[DAYS_EN[weekday]])
        # A closed day opens and closes at midnight (schema.org's convention).
        self.add(node, SCHEMA.opens, _time(0 if interval is None else interval.start))
        self.add(node, SCHEMA.closes, _time(0 if interval is None else interval.end))
        if start is not None:
            self.add(node, SCHEMA.validFrom, Literal(start, datatype=XSD.date))
        if end is not None:
            self.add(node, SCHEMA.validThrough, Literal(end, datatype=XSD.date))
        self.add(node, DCTERMS.description, *_text(*description))
        return node

    def _weekly(
        self,
        kind: str,
        hours: WeeklyHours,
        start: dt.date | None,
        end: dt.date | None,
        description: tuple[str, str],
    ) -> Iterator[URIRef]:
        span = "always" if start is None else f"{start}" if end is None else f"{start}--{end}"
        for weekday, name in enumerate(DAYS_EN):
            for interval in hours.day(weekday):
                path = (kind, span, f"{name.lower()}-{_hhmm(interval)}")
                yield self._hours_node(path, weekday, interval, start, end, description)

    def counter_hours(self, channel: URIRef) -> None:
        hours = hours_on(self.office.calendar_spec, self.snapshot.day)
        if hours.regular is None:
            self.add(
                channel,
                DCTERMS.description,
                *_text(
                    "Sumber tidak menyebut jam layanan kantor ini; jam kerja nasional instansi "
                    "pemerintahan berlaku sebagai bawaan",
                    "The sources give no service hours of this office; the national working "
                    "hours of government institutions apply by default",
                ),
            )
        else:
            period = hours.regular
            source = (f"Sumber: {period.source}", f"Source: {period.source}")
            for node in self._weekly(
                "hours", period.hours, period.valid_from, period.valid_until, source
            ):
                self.add(channel, CV.openingHours, node)
        special: list[URIRef] = []
        for override in hours.overrides:
            reason = (override.reason_id, override.reason_en)
            special.extend(
                self._weekly("override", override.hours, override.start, override.end, reason)
            )
        for extra in hours.extra_openings:
            for interval in extra.hours:
                path = ("opening", f"{extra.date}", _hhmm(interval))
                reason = (extra.reason_id, extra.reason_en)
                weekday = extra.date.weekday()
                special.append(
                    self._hours_node(path, weekday, interval, extra.date, extra.date, reason)
                )
        for closure in hours.closures:
            span = f"{closure.start}--{closure.end}"
            reason = (closure.reason_id, closure.reason_en)
            special.append(
                self._hours_node(("closure", span), None, None, closure.start, closure.end, reason)
            )
        self.add(channel, CV.specialOpeningHoursSpecification, *special)

    # -- channels ----------------------------------------------------------------------------
    def _channel_key(self, channel: Channel) -> str:
        if channel.kind is ChannelKind.COUNTER:
            return "counter"
        return f"{channel.kind.value}-{slug(channel.address or channel.label)}"

    def channel(self, policy: Policy, channel: Channel) -> URIRef:
        key = self._channel_key(channel)
        node = self.iri("office", self.office.code, "policy", policy.id, "channel", key)
        if (node, RDF.type, CV.Channel) in self.g:
            return node
        self.typed(node, CV.Channel)
        self.add(node, DCTERMS.identifier, Literal(key))
        labels = _CHANNEL_KINDS[channel.kind]
        kind = self.concept(
            "channel-kind", channel.kind.value, labels, ("Jenis saluran", "Channel kinds")
        )
        self.add(node, DCTERMS.type, kind)
        id_parts = [channel.label]
        en_parts = [channel.label_en or channel.label]
        if channel.address is None:
            reason_id = channel.unknown_address_reason("id")
            reason_en = channel.unknown_address_reason("en")
            if reason_id is not None:
                id_parts.append(f"Alamat tidak diketahui: {reason_id}")
            if reason_en is not None:
                en_parts.append(f"Address not known: {reason_en}")
        else:
            id_parts.append(f"Alamat: {channel.address}")
            en_parts.append(f"Address: {channel.address}")
            if channel.kind is ChannelKind.WHATSAPP:
                self.add(node, SCHEMA.telephone, Literal(channel.address))
                link = channel.link()
                if link is not None:
                    self.add(node, SCHEMA.url, Literal(link, datatype=XSD.anyURI))
            elif channel.address.startswith(("http://", "https://")):
                self.add(node, SCHEMA.url, Literal(channel.address, datatype=XSD.anyURI))
        if channel.intake:
            formats = ", ".join(fmt.value for fmt in channel.intake)
            id_parts.append(f"Berkas dikirim sebagai: {formats}")
            en_parts.append(f"Documents sent as: {formats}")
        self.add(node, DCTERMS.description, *_text(". ".join(id_parts), ". ".join(en_parts)))
        if channel.kind is ChannelKind.COUNTER:
            self.counter_hours(node)
        self.cite(node, channel.source)
        return node

    # -- services ----------------------------------------------------------------------------
    def legal_resource(self, act: str, article: str | None) -> URIRef:
        act_node = self.typed(self.iri("law", slug(act)), ELI.LegalResource)
        self.add(act_node, DCTERMS.title, Literal(act, lang="id"))
        self.add(act_node, DCTERMS.identifier, Literal(act))
        if article is None:
            return act_node
        name = f"{act} Pasal {article}"
        node = self.typed(
            self.iri("law", slug(act), f"pasal-{article.lower()}"), ELI.LegalResource
        )
        self.add(node, DCTERMS.title, Literal(name, lang="id"))
        self.add(node, DCTERMS.identifier, Literal(name))
        self.add(node, ELI.is_part_of, act_node)
        return node

    def cost(self, standard: ServiceStandard | None, service: URIRef) -> URIRef:
        fee = None if standard is None or "fee" in standard.source.national_parts else standard.fee
        if standard is not None and not standard.source.national and fee is not None:
            # The office's own standard states the fee: its words, beside the national rule.
            own = self.typed(URIRef(f"{service}/cost/{standard.source.standard_id}"), CV.Cost)
            self.add(own, DCTERMS.identifier, Literal(f"{standard.source.standard_id}/biaya"))
            self.add(own, CV.hasValue, Literal(float(fee.amount_idr), datatype=XSD.double))
            words_en = "Free of charge" if fee.is_free else f"IDR {fee.amount_idr}"
            self.add(
                own,
                DCTERMS.description,
                *_text(
                    f'Biaya menurut standar pelayanan: "{fee.text_id}"',
                    f'{words_en}, as the service standard states it: "{fee.text_id}"',
                ),
            )
            return own
        node = self.typed(self.iri("cost", "gratis-uu-24-2013-pasal-79a"), CV.Cost)
        self.add(node, DCTERMS.identifier, Literal("gratis"))
        self.add(node, CV.hasValue, Literal(0.0, datatype=XSD.double))
        self.add(
            node,
            DCTERMS.description,
            *_text(
                "Gratis: pengurusan dan penerbitan dokumen kependudukan tidak dipungut biaya "
                "(UU 24/2013 Pasal 79A).",
                "Free of charge: processing and issuing population documents costs nothing "
                "(UU 24/2013 Pasal 79A).",
            ),
        )
        return node

    def language(self) -> URIRef:
        node = self.typed(_INDONESIAN, DCTERMS.LinguisticSystem)
        self.add(node, SKOS.prefLabel, *_text("Bahasa Indonesia", "Indonesian"))
        self.add(node, DCTERMS.description, Literal(SERVICE_LANGUAGE_SOURCE, lang="en"))
        return node

    def checklist(self, service: URIRef, items: tuple[Requirement, ...]) -> None:
        for point in group_requirements(items):
            if len(point) == 1:
                key, kind = point[0].code, "wajib"
                title = (point[0].name_id, point[0].name_en)
            else:
                key, kind = f"salah-satu-{point[0].one_of}", "salah-satu"
                title = (
                    "Salah satu dari: " + "; ".join(r.name_id for r in point),
                    "Any one of: " + "; ".join(r.name_en for r in point),
                )
            requirement = self.typed(URIRef(f"{service}/requirement/{key}"), CV.Requirement)
            self.add(requirement, DCTERMS.identifier, Literal(key))
            self.add(requirement, DCTERMS.title, *_text(*title))
            labels = _REQUIREMENT_KINDS[kind]
            self.add(
                requirement,
                DCTERMS.type,
                self.concept(
                    "requirement-kind", kind, labels, ("Jenis syarat", "Requirement kinds")
                ),
            )
            self.add(service, CV.holdsRequirement, requirement)
            for item in point:
                evidence = self.typed(URIRef(f"{service}/evidence/{item.code}"), CV.Evidence)
                self.add(evidence, DCTERMS.identifier, Literal(item.code))
                self.add(evidence, DCTERMS.title, *_text(item.name_id, item.name_en))
                self.add(evidence, DCTERMS.description, *_text(item.basis("id"), item.basis("en")))
                self.add(evidence, CV.supportsRequirement, requirement)
                self.add(requirement, CV.hasSupportingEvidence, evidence)
                self.add(service, CPSV.hasInput, evidence)

    def laws(self, entry: CatalogueEntry, items: Iterable[Requirement]) -> list[URIRef]:
        cited: list[tuple[str, str | None]] = []
        for item in (*items, *entry.in_person_steps):
            cited.extend(citations(item.legal_basis, item.confidence))
        if entry.deadline is not None:
            cited.extend(citations(entry.deadline.legal_basis, entry.deadline.confidence))
        cited.append((_FREE_ACT, _FREE_ARTICLE))
        return [self.legal_resource(act, article) for act, article in dict.fromkeys(cited)]

    def service(self, entry: CatalogueEntry, route: Route, rule: URIRef) -> URIRef:
        office, policy = self.office, self.snapshot.policy
        code = entry.service
        node = self.typed(
            self.iri("office", office.code, "service", code.document.value, code.action.value),
            CPSV.PublicService,
        )
        self.add(node, DCTERMS.identifier, Literal(f"{office.code}/{code.code}"))
        self.add(node, DCTERMS.title, *_text(entry.name_id, entry.name_en))
        description_id = [f"{entry.name_id}, {office.name}."]
        description_en = [f"{entry.name_en}, {office.name}."]
        if route.note_id is not None and route.note_en is not None:
            description_id.append(route.note_id.rstrip(".") + ".")
            description_en.append(route.note_en.rstrip(".") + ".")
        standard = service_standard(office, code, at=self.snapshot.day)
        duration = None if standard is None else standard_duration(standard)
        fulfilment = policy.fulfilment_for(code)
        if standard is not None and duration is not None:
            # The office's published standard: its completion time is the processing time.
            self.add(node, CV.processingTime, Literal(duration, datatype=XSD.duration))
            description_id.append(standard_words(standard, "id") or "")
            description_en.append(standard_words(standard, "en") or "")
        elif fulfilment is not None and fulfilment.processing_working_days is not None:
            days = fulfilment.processing_working_days
            # ISO 8601 has no working days: the duration counts them as days, and the text
            # says they are working days.
            self.add(node, CV.processingTime, Literal(f"P{days}D", datatype=XSD.duration))
            published_id = published_en = ""
            if fulfilment.processing_published is not None:
                published_id = f' (diumumkan: "{fulfilment.processing_published}")'
                published_en = f' (as published: "{fulfilment.processing_published}")'
            description_id.append(f"Waktu proses: {days} hari kerja{published_id}.")
            description_en.append(f"Processing time: {days} working days{published_en}.")
        items = office.requirements(code, self.snapshot.day)
        if not items:
            note_id = entry.requirements_note_text("id")
            note_en = entry.requirements_note_text("en")
            if note_id is not None and note_en is not None:
                description_id.append(note_id)
                description_en.append(note_en)
        self.add(
            node, DCTERMS.description, *_text(" ".join(description_id), " ".join(description_en))
        )
        self.add(node, CV.hasCompetentAuthority, self.office_iri)
        self.add(node, DCTERMS.spatial, self.iri("region", office.code))
        self.add(node, DCTERMS.language, self.language())
        document = self.concept(
            "document",
            code.document.value,
            (
                catalogue().document_name(code.document, "id"),
                catalogue().document_name(code.document, "en"),
            ),
            ("Dokumen kependudukan", "Population documents"),
        )
        self.add(node, DCTERMS.type, document)
        self.add(node, CPSV.follows, rule)
        self.add(node, CV.hasCost, self.cost(standard, node))
        for channel in route.channels:
            self.add(node, CV.hasChannel, self.channel(policy, channel))
        self.checklist(node, items)
        self.add(node, CV.hasLegalResource, *self.laws(entry, items))
        return node

    def build(self) -> Graph:
        self.office_node()
        rule = self.rule(self.snapshot.policy)
        for entry, route in self.snapshot.services:
            self.service(entry, route, rule)
        return self.g


def build(snapshot: Offer, base: str) -> Graph:
    """The CPSV-AP graph of an office's offer at one instant, its IRIs under ``base``."""
    return _Builder(snapshot, base).build()


def serialize(graph: Graph, format: str) -> str:
    """``graph`` as Turtle, or as JSON-LD compacted with the graph's prefixes."""
    if format == "json-ld":
        context = {
            prefix: str(namespace)
            for prefix, namespace in graph.namespaces()
            if prefix in _PREFIXES
        }
        return graph.serialize(format="json-ld", context=context, auto_compact=True, indent=2)
    return graph.serialize(format="turtle")


_PREFIXES: Final = frozenset(
    {
        "adminduk",
        "cpsv",
        "cv",
        "dct",
        "dcat",
        "eli",
        "foaf",
        "locn",
        "schema",
        "skos",
        "time",
        "xsd",
    }
)
