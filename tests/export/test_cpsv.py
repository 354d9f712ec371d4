"""``office_cpsv``: CPSV-AP 3.2 that the official SHACL shapes accept, and what it says.

The shapes are the release's own file (``tests/data/cpsv-ap/``, CC-BY 4.0). Every built-in
office and the example plugin are validated at today's date and at each of their policies'
first days. Documents for different offices share only identical code-list nodes, so
the documents of one round are validated together, in one pyshacl call per round; a failure
prints pyshacl's report, each violated shape with its message and focus node.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyshacl import validate
from rdflib import RDF, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef

import adminduk
from adminduk import OfficeConfig
from adminduk.errors import MissingExtra, OfficeNotFound, OutOfRange
from adminduk.export import CPSV_BASE, _cpsv_graph, office_cpsv
from adminduk.export._offer import offer
from adminduk.testing import strategies as ads
from tests.every_office import BUILT_IN_CODES as BUILT_INS
from tests.every_office import EXAMPLE_FILE as EXAMPLE

HERE = Path(__file__).parent
SHAPES_FILE = HERE.parent / "data" / "cpsv-ap" / "cpsv-ap-SHACL.ttl"
TODAY = dt.date(2026, 12, 1)

CPSV = Namespace("http://purl.org/vocab/cpsv#")
CV = Namespace("http://data.europa.eu/m8g/")
DCT = Namespace("http://purl.org/dc/terms/")
SCHEMA = Namespace("http://schema.org/")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def parse(text: str, format: str = "turtle") -> Graph:
    with warnings.catch_warnings():
        # rdflib's JSON-LD parser builds a ConjunctiveGraph, which rdflib itself deprecates.
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return Graph().parse(data=text, format=format)


@functools.cache
def offices() -> tuple[OfficeConfig, ...]:
    return (*(adminduk.get_office(code) for code in BUILT_INS), adminduk.load_office(EXAMPLE))


def built(office: OfficeConfig, at: dt.date | None) -> Graph:
    """The graph ``office_cpsv`` serialises, without the round trip through text."""
    return _cpsv_graph.build(offer(office, at), CPSV_BASE)


def days(office: OfficeConfig) -> list[dt.date | None]:
    """Today (``None``: the ordinary rules, for every built-in) and each policy's first day."""
    return [None, *(policy.valid_from for policy in office.policies)]


def same(a: Graph, b: Graph) -> bool:
    """Equal graphs: every node has an IRI (stable IRIs, no blank nodes), so as sets of triples."""
    assert not any(isinstance(term, BNode) for triple in a for term in triple)
    return set(a) == set(b)


def conformance(data: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=shapes)
    return bool(conforms), str(text)


def test_the_shapes_are_the_release_file_with_its_notice(shapes):
    # The trial validation recorded with the shapes (../shared/data/cpsv-ap) counted 1,064.
    assert len(shapes) == 1064
    notice = (SHAPES_FILE.parent / "README.md").read_text(encoding="utf-8")
    assert "CC-BY 4.0" in notice and "3.2.0" in notice


@pytest.mark.no_cover
def test_every_built_in_office_and_the_plugin_conform_at_every_policy_edge(shapes):
    by_office = {office.code: days(office) for office in offices()}
    rounds = max(len(found) for found in by_office.values())
    for index in range(rounds):
        data = Graph()
        described = []
        for office in offices():
            found = by_office[office.code]
            if index < len(found):
                data += built(office, found[index])
                described.append(f"{office.code}@{found[index]}")
        conforms, report = conformance(data, shapes)
        assert conforms, f"{', '.join(described)} do not conform:\n{report}"


def test_an_untyped_code_list_value_fails_and_the_report_says_why(shapes):
    # The release's own example fails this way: a skos:Concept must be typed in the data.
    data = parse(office_cpsv("35.14", at=dt.date(2020, 3, 23)))
    for concept in list(data.subjects(RDF.type, SKOS.Concept)):
        data.remove((concept, RDF.type, SKOS.Concept))
    conforms, report = conformance(data, shapes)
    assert not conforms
    assert "Value does not have class skos:Concept" in report
    assert "scheme/channel-kind/whatsapp" in report


# The two serialisations are rdflib's; what an office adds is its content, which the SHACL test
# above checks for every office. A sample reads back: the first and the last built-in office by
# code and the example plugin.
def round_trip_sample() -> tuple[OfficeConfig, ...]:
    built_in = offices()[:-1]
    return (built_in[0], built_in[-1], offices()[-1])


@pytest.mark.no_cover
def test_turtle_and_json_ld_read_back_as_the_graph_built():
    for office in round_trip_sample():
        graph = built(office, dt.date(2020, 3, 23))
        assert same(graph, parse(office_cpsv(office, at=dt.date(2020, 3, 23))))
        text = office_cpsv(office, at=dt.date(2020, 3, 23), format="json-ld")
        assert same(graph, parse(text, "json-ld"))
        assert json.loads(text)["@context"]["cv"] == str(CV)


def test_the_output_is_stable():
    assert office_cpsv("52.71", at=TODAY) == office_cpsv("52.71", at=TODAY)


@pytest.mark.no_cover
def test_today_every_built_in_office_is_on_its_ordinary_rules():
    # Every built-in policy ended with the pandemic status (last day 20 June 2023).
    # The graph office_cpsv serialises (its text reads back as it: the test above).
    for office in offices()[:-1]:
        graph, code = built(office, None), office.code
        (rule,) = graph.subjects(RDF.type, CPSV.Rule)
        assert str(rule) == f"{CPSV_BASE}office/{code}/policy/ordinary"
        assert len(set(graph.subjects(RDF.type, CPSV.PublicService))) == len(adminduk.catalogue())


def test_the_office_its_region_and_province():
    graph = parse(office_cpsv("35.14", at=dt.date(2020, 3, 23)))
    office = URIRef(f"{CPSV_BASE}office/35.14")
    assert (office, RDF.type, CV.PublicOrganisation) in graph
    assert graph.value(office, SKOS.prefLabel) == Literal(
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pasuruan", lang="id"
    )
    region = graph.value(office, DCT.spatial)
    assert (region, RDF.type, DCT.Location) in graph
    assert graph.value(region, DCT.identifier) == Literal("35.14")
    province = graph.value(region, DCT.isPartOf)
    assert (province, RDF.type, DCT.Location) in graph
    assert graph.value(province, SKOS.prefLabel) == Literal("Jawa Timur", lang="id")


def test_pasuruan_ktp_under_the_whatsapp_policy():
    graph = parse(office_cpsv("35.14", at=dt.date(2020, 3, 23)))
    service = URIRef(f"{CPSV_BASE}office/35.14/service/ktp-el/cetak-ulang")
    assert graph.value(service, CV.processingTime) == Literal("P5D", datatype=XSD.duration)
    assert any("5 hari kerja" in str(d) for d in graph.objects(service, DCT.description))
    channels = set(graph.objects(service, CV.hasChannel))
    phones = {str(graph.value(ch, SCHEMA.telephone)) for ch in channels} - {"None"}
    assert phones == {"+6281359547691"}
    kinds = {graph.value(graph.value(ch, DCT.type), SKOS.notation) for ch in channels}
    assert kinds == {Literal("whatsapp"), Literal("counter")}
    for channel in channels:
        concept = graph.value(channel, DCT.type)
        assert (concept, RDF.type, SKOS.Concept) in graph
    rule = graph.value(service, CPSV.follows)
    assert str(rule).endswith("/policy/covid-19-layanan-whatsapp")
    period = graph.value(rule, DCT.temporal)
    ends = graph.value(period, URIRef("http://www.w3.org/ns/dcat#endDate"))
    assert ends == Literal(dt.date(2023, 6, 20), datatype=XSD.date)
    # A deferred service without an urgent exemption would be missing; these keep the counter.
    assert (URIRef(f"{CPSV_BASE}office/35.14/service/kia/baru"), RDF.type, CPSV.PublicService) in (
        graph
    )


def test_a_service_not_offered_is_left_out():
    office = adminduk.get_office("52.06")
    snapshot = offer(office, dt.date(2020, 5, 4))
    offered = {entry.code for entry, _ in snapshot.services}
    graph = parse(office_cpsv(office, at=dt.date(2020, 5, 4)))
    described = {
        str(graph.value(s, DCT.identifier)).split("/", 1)[1]
        for s in graph.subjects(RDF.type, CPSV.PublicService)
    }
    assert described == offered
    # Bima refused first KTP-el issuance then, urgent cases included [I].
    assert "ktp-el/baru" not in offered


def test_one_of_groups_are_one_requirement_with_alternative_evidence():
    graph = parse(office_cpsv("35.14", at=dt.date(2020, 3, 23)))
    service = URIRef(f"{CPSV_BASE}office/35.14/service/akta-kelahiran/baru")
    requirements = set(graph.objects(service, CV.holdsRequirement))
    inputs = set(graph.objects(service, CPSV.hasInput))
    group = URIRef(f"{service}/requirement/salah-satu-bukti-kelahiran")
    assert group in requirements
    alternatives = {
        str(e).rsplit("/", 1)[1] for e in graph.objects(group, CV.hasSupportingEvidence)
    }
    assert alternatives == {"surat-keterangan-kelahiran", "sptjm-kelahiran"}
    titles = {str(t) for t in graph.objects(group, DCT.title)}
    assert any(t.startswith("Any one of: ") for t in titles)
    kind = graph.value(group, DCT.type)
    assert graph.value(kind, SKOS.notation) == Literal("salah-satu")
    # Every input supports exactly one of the service's requirements.
    for evidence in inputs:
        (supported,) = graph.objects(evidence, CV.supportsRequirement)
        assert supported in requirements


def test_legal_resources_and_the_cost():
    graph = parse(office_cpsv("35.14", at=TODAY))
    service = URIRef(f"{CPSV_BASE}office/35.14/service/ktp-el/baru")
    laws = {
        str(law).removeprefix(CPSV_BASE) for law in graph.objects(service, CV.hasLegalResource)
    }
    # Pasal 63(1), 58(2), 64(1) read in full; Pasal 15 cited by a secondary source; the SKDLN
    # item has no article, so the Perpres itself; Pasal 79A for the cost.
    assert laws == {
        "law/uu-24-2013/pasal-63",
        "law/uu-24-2013/pasal-58",
        "law/uu-24-2013/pasal-64",
        "law/perpres-96-2018/pasal-15",
        "law/perpres-96-2018",
        "law/uu-24-2013/pasal-79a",
    }
    article = URIRef(f"{CPSV_BASE}law/uu-24-2013/pasal-79a")
    assert graph.value(article, URIRef("http://data.europa.eu/eli/ontology#is_part_of")) == (
        URIRef(f"{CPSV_BASE}law/uu-24-2013")
    )
    cost = graph.value(service, CV.hasCost)
    assert graph.value(cost, CV.hasValue) == Literal(0.0, datatype=XSD.double)
    assert any("Pasal 79A" in str(d) for d in graph.objects(cost, DCT.description))


def test_the_counter_has_the_office_hours_and_the_closures_still_to_come():
    example = adminduk.load_office(EXAMPLE)
    graph = parse(office_cpsv(example, at=dt.date(2031, 1, 10)))
    counter = URIRef(f"{CPSV_BASE}office/99.01/policy/renovasi-gedung-2031/channel/counter")
    hours = set(graph.objects(counter, CV.openingHours))
    friday = [h for h in hours if graph.value(h, SCHEMA.dayOfWeek) == SCHEMA.Friday]
    assert [
        (str(graph.value(h, SCHEMA.opens)), str(graph.value(h, SCHEMA.closes))) for h in friday
    ] == [("08:00:00", "11:00:00")]
    assert {graph.value(h, SCHEMA.validThrough) for h in hours} == {
        Literal(dt.date(2031, 2, 28), datatype=XSD.date)
    }
    (closure,) = graph.objects(counter, CV.specialOpeningHoursSpecification)
    assert graph.value(closure, SCHEMA.validFrom) == Literal(
        dt.date(2031, 8, 18), datatype=XSD.date
    )
    assert (closure, RDF.type, URIRef("http://www.w3.org/2006/time#TemporalEntity")) in graph
    # After the closure, nothing special is left to announce.
    later = parse(office_cpsv(example, at=dt.date(2031, 8, 19)))
    assert not set(later.objects(None, CV.specialOpeningHoursSpecification))


def test_an_office_without_published_hours_says_so_on_the_counter():
    graph = parse(office_cpsv("52.71", at=TODAY))
    counter = URIRef(f"{CPSV_BASE}office/52.71/policy/ordinary/channel/counter")
    assert not set(graph.objects(counter, CV.openingHours))
    assert any("national working hours" in str(d) for d in graph.objects(counter, DCT.description))


def test_an_unknown_number_is_never_invented():
    graph = parse(office_cpsv("52.06", at=dt.date(2020, 5, 4)))
    whatsapp = [
        ch for ch in graph.subjects(RDF.type, CV.Channel) if "/channel/whatsapp-" in str(ch)
    ]
    assert whatsapp
    for channel in whatsapp:
        assert graph.value(channel, SCHEMA.telephone) is None
        assert any("Address not known" in str(d) for d in graph.objects(channel, DCT.description))


def test_without_rdflib_the_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "rdflib", None)
    monkeypatch.delitem(sys.modules, "adminduk.export._cpsv_graph", raising=False)
    with pytest.raises(MissingExtra) as caught:
        office_cpsv("35.14")
    err = caught.value
    assert isinstance(err, ImportError) and isinstance(err, adminduk.AdmindukError)
    assert (err.extra, err.package) == ("rdf", "rdflib")
    assert "pip install 'adminduk[rdf]'" in str(err)


def test_another_import_error_is_not_taken_for_a_missing_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "adminduk.export._cpsv_graph", None)
    with pytest.raises(ImportError) as caught:
        office_cpsv("35.14")
    assert not isinstance(caught.value, MissingExtra)


def test_bad_input():
    with pytest.raises(OutOfRange, match="format='rdf/xml'"):
        office_cpsv("35.14", format="rdf/xml")  # type: ignore[arg-type]
    with pytest.raises(OutOfRange, match="at="):
        office_cpsv("35.14", at="2020-03-23")  # type: ignore[arg-type]
    with pytest.raises(OfficeNotFound):
        office_cpsv("kota-atlantis")


# pyshacl costs ~0.1 s a document: fewer examples than the profile's default. Untraced: the
# example tests in this module reach every line of the graph builder without it.
@pytest.mark.no_cover
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ads.offices(), st.dates(dt.date(2019, 1, 1), dt.date(2035, 12, 31)))
def test_any_valid_office_conforms_and_offers_each_service_once(shapes, office, day):
    graph = parse(office_cpsv(office, at=day))
    assert same(graph, built(office, day))
    services = list(graph.subjects(RDF.type, CPSV.PublicService))
    identifiers = [str(graph.value(s, DCT.identifier)) for s in services]
    expected = [f"{office.code}/{entry.code}" for entry, _ in offer(office, day).services]
    assert sorted(identifiers) == sorted(expected)
    assert len(set(identifiers)) == len(identifiers)
    for service in services:
        assert set(graph.objects(service, CV.hasChannel))
        assert len(set(graph.objects(service, CPSV.follows))) == 1
    conforms, report = conformance(graph, shapes)
    assert conforms, report


@pytest.mark.no_cover
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([*BUILT_INS, "kabupaten-pasuruan"]) | st.text(max_size=12) | st.integers(),
    st.none() | st.dates() | st.datetimes() | st.text(max_size=10) | st.integers() | st.booleans(),
    st.sampled_from(["turtle", "json-ld"]) | st.text(max_size=8) | st.none(),
)
def test_arguments_of_any_type_give_text_or_an_adminduk_error(office, at, format):
    try:
        text = office_cpsv(office, at=at, format=format)
    except adminduk.AdmindukError:
        return
    assert text.strip()


def test_overrides_extra_days_midnight_and_an_idle_counter(shapes):
    from tests.builders import calendar_data

    refused = {
        "id": "hanya-darurat",
        "valid_from": "2030-09-01",
        "source": "S",
        "in_person": "urgent-only",
        "urgency_reasons": ["bpjs"],
        "suspended": [
            {
                "services": ["*"],
                "mode": "refuse",
                "reason_id": "Layanan dihentikan",
                "reason_en": "Service stopped",
                "source": "S",
            }
        ],
    }
    office = OfficeConfig.model_validate(calendar_data(policies=[refused]))
    graph = built(office, dt.date(2030, 6, 1))
    counter = URIRef(f"{CPSV_BASE}office/99.27/policy/ordinary/channel/counter")
    late = [
        h
        for h in graph.objects(counter, CV.openingHours)
        if graph.value(h, SCHEMA.dayOfWeek) == SCHEMA.Wednesday
        and str(graph.value(h, SCHEMA.opens)) == "20:00:00"
    ]
    assert [str(graph.value(h, SCHEMA.closes)) for h in late] == ["23:59:59"]
    special = set(graph.objects(counter, CV.specialOpeningHoursSpecification))
    starts = sorted(str(graph.value(h, SCHEMA.validFrom)) for h in special)
    # Ramadan hours on 6 and 7 June (Thursday and Friday), a closure on the 4th, a Saturday.
    assert starts == ["2030-06-04", "2030-06-06", "2030-06-06", "2030-06-08"]
    conforms, report = conformance(graph, shapes)
    assert conforms, report
    # While every service is refused, nothing is offered: no service, no channel.
    idle = built(office, dt.date(2030, 9, 2))
    assert not set(idle.subjects(RDF.type, CPSV.PublicService))
    assert not set(idle.subjects(RDF.type, CV.Channel))
    doc = adminduk.office_jsonld(office, at=dt.date(2030, 9, 2))
    assert [n["@type"] for n in doc["@graph"]].count("ServiceChannel") == 0


def test_the_published_standard_gives_processing_time_and_cost():
    office = adminduk.get_office("64.74")
    graph = built(office, dt.date(2024, 6, 3))
    kk = URIRef(f"{CPSV_BASE}office/64.74/service/kk/perubahan")
    assert list(graph.objects(kk, CV.processingTime)) == [Literal("P3D", datatype=XSD.duration)]
    (cost,) = graph.objects(kk, CV.hasCost)
    assert cost == URIRef(f"{kk}/cost/situs-persyaratan-dafduk")
    assert list(graph.objects(cost, CV.hasValue)) == [Literal(0.0, datatype=XSD.double)]
    words = {str(d) for d in graph.objects(cost, DCT.description)}
    assert any("Gratis / Tidak dipu[ngut biaya]" in text for text in words)
    description = " ".join(str(d) for d in graph.objects(kk, DCT.description))
    assert "at most 3 working days" in description and "paling lama 3 hari kerja" in description


def test_a_standard_in_hours_is_a_time_duration_and_the_national_fee_stays_national():
    graph = built(adminduk.get_office("64.02"), dt.date(2024, 6, 3))
    kk = URIRef(f"{CPSV_BASE}office/64.02/service/kk/baru")
    assert list(graph.objects(kk, CV.processingTime)) == [Literal("PT2H", datatype=XSD.duration)]
    # Akta kelahiran: no standard of the office, so no processing time and the national cost.
    akta = URIRef(f"{CPSV_BASE}office/64.02/service/akta-kelahiran/baru")
    assert list(graph.objects(akta, CV.processingTime)) == []
    assert list(graph.objects(akta, CV.hasCost)) == [
        URIRef(f"{CPSV_BASE}cost/gratis-uu-24-2013-pasal-79a")
    ]
