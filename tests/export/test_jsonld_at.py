"""``office_jsonld(at=...)``: what holds at one instant, channels with language and hours.

Google stopped using ``SpecialAnnouncement`` on 31 July 2025; the type stays valid schema.org,
and the document carries one only while a dated policy is in force at ``at``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import adminduk
from adminduk.export import office_jsonld
from adminduk.export._offer import offer
from adminduk.testing import strategies as ads
from tests.every_office import BUILT_IN_CODES as BUILT_INS
from tests.every_office import EXAMPLE_FILE as EXAMPLE
from tests.export.common import by_type, flat_nodes, typed_references_resolve

TODAY = dt.date(2026, 12, 1)


def of_type(doc: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [node for node in doc["@graph"] if node["@type"] == name]


def resolves(doc: dict[str, Any]) -> None:
    typed_references_resolve(flat_nodes(doc))


@pytest.mark.parametrize("code", BUILT_INS)
def test_today_no_built_in_office_announces_anything(code):
    # Every built-in policy ended with the pandemic status (last day 20 June 2023).
    doc = office_jsonld(code, at=TODAY)
    assert of_type(doc, "SpecialAnnouncement") == []
    services = of_type(doc, "GovernmentService")
    assert sorted(s["identifier"] for s in services) == sorted(
        e.code for e in adminduk.catalogue()
    )
    resolves(doc)


@pytest.mark.parametrize("code", [c for c in BUILT_INS if adminduk.get_office(c).policies])
def test_while_a_policy_holds_it_is_announced_once(code):
    office = adminduk.get_office(code)
    (policy,) = office.policies
    doc = office_jsonld(code, at=policy.valid_from)
    (announcement,) = of_type(doc, "SpecialAnnouncement")
    assert announcement["identifier"] == policy.id
    services = of_type(doc, "GovernmentService")
    offered = [entry.code for entry, _ in offer(office, policy.valid_from).services]
    assert [s["identifier"] for s in services] == offered
    assert len(announcement["governmentBenefitsInfo"]) == len(offered)
    resolves(doc)


def test_every_channel_names_its_language_and_the_counter_its_hours():
    doc = office_jsonld("35.13", at=dt.date(2020, 3, 20))
    channels = of_type(doc, "ServiceChannel")
    assert channels
    for channel in channels:
        assert channel["availableLanguage"]["alternateName"] == "id"
        assert "Perpres 63/2019" in channel["availableLanguage"]["description"]
    (counter,) = [c for c in channels if "serviceLocation" in c or "Loket" in str(c["name"])]
    office = doc["@graph"][0]
    specs = {spec["@id"]: spec for spec in office["openingHoursSpecification"]}
    held = [specs[ref["@id"]] for ref in counter["hoursAvailable"]]
    friday = [s for s in held if s.get("dayOfWeek") == ["https://schema.org/Friday"]]
    assert [(s["opens"], s["closes"]) for s in friday] == [("08:00:00", "11:00:00")]
    nodes = flat_nodes(doc)
    assert by_type(nodes, "OpeningHoursSpecification")


def test_the_example_plugin_today_has_no_announcement_but_its_closure_to_come():
    office = adminduk.load_office(EXAMPLE)
    doc = office_jsonld(office, at=TODAY)
    assert of_type(doc, "SpecialAnnouncement") == []
    (counter,) = [c for c in of_type(doc, "ServiceChannel") if "hoursAvailable" in c]
    specs = {s["@id"]: s for s in doc["@graph"][0]["openingHoursSpecification"]}
    closed = [specs[r["@id"]] for r in counter["hoursAvailable"]]
    assert [s["validFrom"] for s in closed if s["opens"] == "00:00:00"] == ["2031-08-18"]
    during = office_jsonld(office, at=dt.date(2031, 1, 6))
    (announcement,) = of_type(during, "SpecialAnnouncement")
    assert announcement["identifier"] == "renovasi-gedung-2031"


def test_the_history_document_is_unchanged_by_the_new_argument():
    assert office_jsonld("35.14") == office_jsonld("35.14", at=None)


def test_a_bad_instant():
    with pytest.raises(adminduk.OutOfRange, match="at="):
        office_jsonld("35.14", at="yesterday")  # type: ignore[arg-type]


# JSON-LD processing costs ~50 ms an office: fewer examples than the profile's default.
@pytest.mark.no_cover
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ads.offices(), st.dates(dt.date(2019, 1, 1), dt.date(2035, 12, 31)), st.booleans())
def test_at_any_instant_each_offered_service_appears_once(office, day, default_hours):
    doc = office_jsonld(office, at=day, default_hours=default_hours)
    now = offer(office, day)
    services = [n["identifier"] for n in of_type(doc, "GovernmentService")]
    assert services == [entry.code for entry, _ in now.services]
    announcements = of_type(doc, "SpecialAnnouncement")
    assert len(announcements) == (0 if now.policy.is_ordinary else 1)
    resolves(doc)
