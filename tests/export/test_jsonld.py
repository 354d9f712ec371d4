"""``office_jsonld`` / ``adminduk export``: valid JSON-LD with the schema.org types, offline.

Documents are processed offline (``common.py``). What every office's document must satisfy is
in the contract suite (``tests/test_every_office.py``); here, the facts of single offices and
random ones.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import adminduk
from adminduk import OfficeConfig
from adminduk.export import SCHEMA_ORG_CONTEXT, office_jsonld
from adminduk.export._offer import exists_under
from adminduk.testing import strategies as ads
from tests.every_office import BUILT_IN_CODES, EXAMPLE_FILE

from .common import by_type, flat_nodes, typed_references_resolve, values

# The schema.org types, resolving references, RDF and one service per catalogue entry and policy
# are part of the contract every office passes: tests/test_every_office.py.


# The offices built in from their published service standards have no dated policy.
WITH_POLICIES = [code for code in BUILT_IN_CODES if adminduk.get_office(code).policies]


@pytest.mark.parametrize("code", WITH_POLICIES)
def test_every_built_in_policy_of_2020_is_marked_a_covid_measure(code):
    announcements = by_type(flat_nodes(office_jsonld(code)), "SpecialAnnouncement")
    assert announcements
    covid = [values(a, "category") for a in announcements]
    assert covid == [["https://www.wikidata.org/wiki/Q81068910"]] * len(announcements)


def test_pasuruan_kk_goes_to_the_kk_whatsapp_line():
    graph = {node["@id"]: node for node in office_jsonld("35.14")["@graph"]}
    service = graph["_:covid-19-layanan-whatsapp-service-kk-perubahan"]
    assert service["serviceType"] == "kk/perubahan"
    channels = [graph[ref["@id"]] for ref in service["availableChannel"]]
    phones = [ch["servicePhone"]["telephone"] for ch in channels if "servicePhone" in ch]
    assert phones == ["+6281359547692"]
    assert channels[0]["serviceUrl"] == "https://wa.me/6281359547692"
    assert [ch.get("serviceLocation", {}).get("@type") for ch in channels][1:] == ["Place"]
    assert graph[service["provider"]["@id"]]["@type"] == "GovernmentOffice"


def test_an_unknown_number_is_never_invented():
    graph = office_jsonld("52.06")["@graph"]
    (whatsapp,) = [
        n for n in graph if n["@type"] == "ServiceChannel" and "WhatsApp" in n["name"][0]["@value"]
    ]
    assert "servicePhone" not in whatsapp and "serviceUrl" not in whatsapp
    assert any("banner" in d for d in whatsapp["description"] if isinstance(d, str))


def test_a_host_without_a_scheme_stays_as_published():
    graph = office_jsonld("35.13")["@graph"]
    app = next(n for n in graph if n["@type"] == "ServiceChannel" and "godigital" in str(n))
    assert "serviceUrl" not in app
    assert "address as published: godigital.dispendukcapil.probolinggokab.go.id" in str(
        app["description"]
    )


def test_default_hours_are_left_out_unless_asked_and_then_marked():
    office = office_jsonld("52.71")["@graph"][0]
    assert "openingHoursSpecification" not in office
    marked = office_jsonld("52.71", default_hours=True)["@graph"][0]["openingHoursSpecification"]
    assert marked
    for spec in marked:
        assert "not this office's own published hours" in spec["description"][1]["@value"]


def test_probolinggo_policy_hours_are_dated():
    specs = office_jsonld("35.13")["@graph"][0]["openingHoursSpecification"]
    assert {(s["dayOfWeek"][0].rsplit("/", 1)[1], s["opens"], s["closes"]) for s in specs} == {
        ("Monday", "08:00:00", "15:00:00"),
        ("Tuesday", "08:00:00", "15:00:00"),
        ("Wednesday", "08:00:00", "15:00:00"),
        ("Thursday", "08:00:00", "15:00:00"),
        ("Friday", "08:00:00", "11:00:00"),
    }
    assert {s["validFrom"] for s in specs} == {"2020-03-17"}
    # Open-ended in the articles; a pandemic measure ends with the pandemic status.
    assert {s["validThrough"] for s in specs} == {"2023-06-20"}


def test_tulungagung_announcement_expires_after_its_last_day():
    (announcement,) = [
        n for n in office_jsonld("35.04")["@graph"] if n["@type"] == "SpecialAnnouncement"
    ]
    assert announcement["datePosted"] == "2020-03-18T00:00:00+07:00"
    assert announcement["expires"] == "2020-04-08T00:00:00+07:00"
    assert announcement["identifier"] == "se-470-318-105-2020"
    cited = [w.get("@id") for w in announcement["isBasedOn"]]
    assert cited == ["_:source-a3", "_:source-se-470"]


def test_ktp_el_under_tulungagung_circular_keeps_only_the_counter_for_emergencies():
    graph = office_jsonld("35.04")["@graph"]
    ktp = next(n for n in graph if n["@id"] == "_:se-470-318-105-2020-service-ktp-el-baru")
    # [I] A3: "tetap memberi pelayanan pada yang darurat": urgent needs reach the counter.
    assert len(ktp["availableChannel"]) == 1
    assert ktp["description"][0]["@value"].startswith("Pengurusan KTP elektronik ditunda")


def test_the_example_plugin_exports_its_own_hours_closures_and_exemptions():
    office = adminduk.load_office(EXAMPLE_FILE)
    doc = office_jsonld(office)
    nodes = flat_nodes(doc)
    specs = by_type(nodes, "OpeningHoursSpecification")
    closed = [s for s in specs if values(s, "opens") == ["00:00:00"]]
    assert [values(s, "validFrom") for s in closed] == [["2031-08-18"]]
    graph = doc["@graph"]
    (announcement,) = [n for n in graph if n["@type"] == "SpecialAnnouncement"]
    assert "category" not in announcement  # a renovation, not Covid-19
    ktp = next(n for n in graph if n["@id"] == "_:renovasi-gedung-2031-service-ktp-el-baru")
    counter = next(n for n in graph if n["@id"] == ktp["availableChannel"][0]["@id"])
    assert "serviceLocation" in counter  # urgent cases are still recorded at the counter
    pembetulan = next(
        n for n in graph if n["@id"] == "_:renovasi-gedung-2031-service-biodata-pembetulan"
    )
    assert pembetulan["description"][1]["@value"] == "At the counter only (direct-verification)"
    counter_text = str(counter["description"])
    assert "The counter serves urgent needs only" in counter_text
    assert "other urgent needs" not in counter_text  # the list is exhaustive


def test_extra_openings_overrides_and_midnight():
    from tests.builders import calendar_data

    office = OfficeConfig.model_validate(
        calendar_data(
            policies=[
                {
                    "id": "tutup-total",
                    "valid_from": "2030-07-01",
                    "source": "S",
                    "in_person": "closed",
                    "suspended": [
                        {
                            "services": ["*"],
                            "mode": "refuse",
                            "reason_id": "Tutup",
                            "reason_en": "Closed",
                            "source": "S",
                        }
                    ],
                },
                {
                    "id": "hanya-aplikasi",
                    "valid_from": "2030-01-01",
                    "valid_until": "2030-06-30",
                    "source": "S",
                    "in_person": "closed",
                    "channels": [
                        {
                            "kind": "app",
                            "address": "https://uji.example/app",
                            "label": "Aplikasi uji",
                            "services": ["kk/*"],
                            "source": "S",
                        }
                    ],
                },
            ]
        )
    )
    graph = office_jsonld(office)["@graph"]
    specs = graph[0]["openingHoursSpecification"]
    wednesday = [s for s in specs if s.get("dayOfWeek") == ["https://schema.org/Wednesday"]]
    assert [(s["opens"], s["closes"]) for s in wednesday if "validFrom" not in s] == [
        ("08:00:00", "12:00:00"),
        ("20:00:00", "23:59:59"),
    ]
    extra = [s for s in specs if s.get("validFrom") == "2030-06-08"]
    assert [(s["dayOfWeek"], s["opens"]) for s in extra] == [
        (["https://schema.org/Saturday"], "08:00:00")
    ]
    ramadan = [s for s in specs if s.get("validFrom") == "2030-06-06"]
    assert {s["validThrough"] for s in ramadan} == {"2030-06-07"}
    closed = [n for n in graph if n["@id"].startswith("_:tutup-total-service-")]
    assert closed and all(n["availableChannel"] == [] for n in closed)
    assert not [n for n in graph if n["@id"].startswith("_:tutup-total-channel-")]
    app_only = next(n for n in graph if n["@id"] == "_:hanya-aplikasi-service-ktp-el-baru")
    assert app_only["availableChannel"] == []
    assert app_only["description"][1]["@value"] == (
        "No channel takes this service while this policy is in force"
    )
    kk = next(n for n in graph if n["@id"] == "_:hanya-aplikasi-service-kk-baru")
    assert kk["availableChannel"] == [{"@id": "_:hanya-aplikasi-channel-1"}]
    assert flat_nodes({"@context": SCHEMA_ORG_CONTEXT, "@graph": graph})


def test_an_office_without_policies_has_only_its_ordinary_services():
    from tests.builders import calendar_data

    office = OfficeConfig.model_validate(calendar_data())
    graph = office_jsonld(office)["@graph"]
    assert not [n for n in graph if n["@type"] == "SpecialAnnouncement"]
    ordinary = [n for n in graph if n["@type"] == "GovernmentService"]
    assert len(ordinary) == len(adminduk.catalogue())
    unsourced = ordinary[0]["subjectOf"][0]
    assert unsourced["@type"] == "CreativeWork"
    assert unsourced["name"].startswith("adminduk default")


def test_an_unknown_office():
    with pytest.raises(adminduk.OfficeNotFound):
        office_jsonld("kota-atlantis")


def test_an_announcement_says_when_others_are_asked_to_wait():
    (announcement,) = [
        n for n in office_jsonld("52.06")["@graph"] if n["@type"] == "SpecialAnnouncement"
    ]
    assert announcement["text"][1]["@value"].endswith(
        "People without an urgent need are asked to wait."
    )
    (mataram,) = [
        n for n in office_jsonld("52.71")["@graph"] if n["@type"] == "SpecialAnnouncement"
    ]
    assert "asked to wait" not in mataram["text"][1]["@value"]


# JSON-LD processing costs ~50 ms an office: fewer examples than the profile's default (every
# real office's document is checked the same way by tests/test_every_office.py).
@pytest.mark.no_cover
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ads.offices(), st.booleans())
def test_any_valid_office_exports_as_json_ld_whose_references_resolve(office, default_hours):
    doc = office_jsonld(office, default_hours=default_hours)
    graph = doc["@graph"]
    assert [n["@type"] for n in graph].count("SpecialAnnouncement") == len(office.policies)
    services = [n for n in graph if n["@type"] == "GovernmentService"]
    # Every service under the ordinary rules and under each policy, except a service that did
    # not exist yet while the policy ran (the IKD under a policy that ended before 2022).
    existing = sum(exists_under(e, p) for p in office.policies for e in adminduk.catalogue())
    assert len(services) == len(adminduk.catalogue()) + existing
    typed_references_resolve(flat_nodes(doc))


# ------------------------------------------------- the code's scheme names the list it is on
def _code_identifier(code):
    graph = office_jsonld(code)["@graph"]
    (office,) = [node for node in graph if node["@type"] == "GovernmentOffice"]
    return office["identifier"]


@pytest.mark.parametrize("code", ["93.01", "94.01", "96.01"])
def test_a_papua_code_of_2022_is_not_credited_to_permendagri_72_2019(code):
    # domain-facts §11.4: Papua Selatan (93), Papua Tengah (94) by UU 14-16/2022, listed first by
    # Kepmendagri 100.1.1-6117/2022; Papua Barat Daya (96) by UU 29/2022, on the 2025 list only.
    identifier = _code_identifier(code)
    assert identifier["value"] == code
    assert "72/2019" not in identifier["propertyID"]
    assert identifier["propertyID"] == "Kode wilayah Kemendagri (Kepmendagri 300.2.2-2138/2025)"


def test_a_built_in_office_code_names_the_newest_list_it_is_on():
    # The five built-in codes are on all six lists (domain-facts §3.3, §11.4).
    identifier = _code_identifier("35.13")
    assert identifier["propertyID"] == "Kode wilayah Kemendagri (Kepmendagri 300.2.2-2138/2025)"


def test_a_code_on_no_list_gets_the_scheme_alone():
    from adminduk.export._schemaorg import code_scheme

    assert code_scheme("99.01") == "Kode wilayah Kemendagri"  # the example plugin's fiction


@given(st.sampled_from(adminduk.regions(level="kabupaten-kota")))
def test_the_scheme_names_a_list_the_code_is_on(found):
    from adminduk.export._schemaorg import code_scheme

    scheme = code_scheme(found.code)
    newest = found.lists[-1]
    assert scheme.endswith(f"({newest.decree or 'daftar ' + newest.label})")
    if found.valid_from.year > 2020:  # created after Permendagri 72/2019
        assert "72/2019" not in scheme


def test_a_published_standard_is_an_offer_and_a_completion_time_in_words():
    nodes = flat_nodes(office_jsonld("64.74", at=dt.date(2024, 6, 3)))
    services = {values(n, "identifier")[0]: n for n in by_type(nodes, "GovernmentService")}
    kk = services["kk/perubahan"]
    (offer_ref,) = kk["http://schema.org/offers"]
    offer_node = next(n for n in nodes if n.get("@id") == offer_ref["@id"])
    assert values(offer_node, "price") == [0] and values(offer_node, "priceCurrency") == ["IDR"]
    assert any("at most 3 working days" in text for text in values(kk, "description"))
