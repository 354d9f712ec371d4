"""The contract every office passes, one suite: each built-in, a baseline sample, the plugin.

As python-holidays' ``tests/common.py`` holds the checks every country passes, this module holds
what every office must satisfy, whoever publishes it: the registry serves it by code and slug
(from its file, or from the national baseline), the conformance checks find no error, the
property tests of ``advise`` hold, its JSON-LD is valid schema.org, and the command's pages
answer for it. The offices come from ``tests/every_office.py`` (the registry's table, the
region table and the example plugin), never written out here; a new built-in office or a change
to the example is covered without touching this file. Tests of one office's source facts stay
in that office's own module.
"""

from __future__ import annotations

import datetime as dt
import json
from types import ModuleType
from typing import Any

import pytest
from pyld import jsonld

import adminduk
from adminduk import OfficeConfig
from adminduk.export import SCHEMA_ORG_CONTEXT, office_jsonld
from adminduk.export._offer import exists_under
from adminduk.testing import CHECKS, check_office
from adminduk.testing._properties import PROPERTIES, OfficeProperty
from tests.cli.conftest import run_main
from tests.every_office import EVERY_OFFICE, OFFICES_WITH_FILES, office_file
from tests.export.common import (
    OPTIONS,
    SCHEMA,
    by_type,
    flat_nodes,
    typed_references_resolve,
    types_of,
    values,
)

# Enough examples per property and office for the gate; CI's profile and `--adminduk-examples`
# run more (the pytest plugin runs the same properties over an office repository's file).
EXAMPLES = 10
CHECK_IDS = {check.id for check in CHECKS}


@pytest.fixture(scope="module", params=EVERY_OFFICE)
def office(request: pytest.FixtureRequest) -> OfficeConfig:
    return adminduk.get_office(request.param)


def moments(office: OfficeConfig) -> list[dt.datetime]:
    """10:00 office time on the first day of each dated policy, and the day before the first."""
    starts = sorted({p.valid_from for p in office.policies if p.valid_from is not None})
    days = [starts[0] - dt.timedelta(days=1), *starts] if starts else [dt.date(2020, 3, 24)]
    return [dt.datetime.combine(day, dt.time(10, 0)) for day in days]


@pytest.fixture(scope="module", params=OFFICES_WITH_FILES)
def published(request: pytest.FixtureRequest) -> OfficeConfig:
    """An office published as a file (a built-in or the example plugin)."""
    return adminduk.get_office(request.param)


# --------------------------------------------------------------------------- loads and registry
def test_the_registry_serves_it_by_code_and_slug(office: OfficeConfig) -> None:
    assert adminduk.get_office(office.slug) is office
    assert office in adminduk.offices(include_baseline=True)
    # An office file, or the national baseline of its region: never both.
    assert office.baseline is (office.code not in OFFICES_WITH_FILES)
    assert (office in adminduk.offices()) is not office.baseline


def test_it_loads_from_its_file_into_the_office_the_registry_serves(
    published: OfficeConfig,
) -> None:
    assert adminduk.load_office(office_file(published.code)) == published


# --------------------------------------------------------------------------- conformance
def test_the_conformance_checks_find_no_error(office: OfficeConfig) -> None:
    findings = check_office(office)
    assert [f for f in findings if f.is_error] == []
    for finding in findings:
        assert finding.check in CHECK_IDS
        assert finding.message
        assert finding.hint


@pytest.mark.no_cover
def test_its_file_gets_the_findings_of_the_office_it_loads_into(published: OfficeConfig) -> None:
    assert check_office(office_file(published.code)) == check_office(published)


# --------------------------------------------------------------------------- properties
@pytest.mark.no_cover
@pytest.mark.parametrize("prop", PROPERTIES, ids=lambda p: p.id)
def test_the_properties_of_advise_hold(office: OfficeConfig, prop: OfficeProperty) -> None:
    prop.run(office, EXAMPLES)


# --------------------------------------------------------------------------- JSON-LD
@pytest.fixture(scope="module")
def document(office: OfficeConfig) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    doc = office_jsonld(office, default_hours=True)
    return doc, flat_nodes(doc)


def test_the_json_ld_has_the_schema_org_types(
    office: OfficeConfig, document: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    doc, nodes = document
    assert doc["@context"] == SCHEMA_ORG_CONTEXT
    expected = {"GovernmentOffice", "GovernmentService", "ServiceChannel", "CreativeWork"}
    expected |= {"OpeningHoursSpecification"}
    if office.policies:
        expected |= {"SpecialAnnouncement"}
    assert {SCHEMA + name for name in expected} <= types_of(nodes)
    (provider,) = by_type(nodes, "GovernmentOffice")
    assert values(provider, "name")[0] == office.name


def test_every_json_ld_reference_resolves_to_a_typed_node(
    document: tuple[dict[str, Any], list[dict[str, Any]]],
) -> None:
    typed_references_resolve(document[1])


@pytest.mark.no_cover
def test_the_json_ld_converts_to_rdf_without_loss(
    office: OfficeConfig, document: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    doc, _ = document
    quads = jsonld.to_rdf(
        json.loads(json.dumps(doc)), {**OPTIONS, "format": "application/n-quads"}
    )
    assert f'"{office.code}"' in quads
    # An inline context gives the same graph, with no loader at all.
    inline = {**doc, "@context": {"@vocab": SCHEMA}}
    same = jsonld.to_rdf(inline, {"format": "application/n-quads", "documentLoader": None})
    assert len(same.splitlines()) == len(quads.splitlines())


def test_the_json_ld_offers_every_service_under_each_policy(
    office: OfficeConfig, document: tuple[dict[str, Any], list[dict[str, Any]]]
) -> None:
    _, nodes = document
    services = by_type(nodes, "GovernmentService")
    # Under each policy, every service that existed while it ran (no IKD before 2022).
    existing = sum(exists_under(e, p) for p in office.policies for e in adminduk.catalogue())
    assert len(services) == len(adminduk.catalogue()) + existing
    announcements = by_type(nodes, "SpecialAnnouncement")
    assert len(announcements) == len(office.policies)
    by_policy = sorted(
        sum(exists_under(e, p) for e in adminduk.catalogue()) for p in office.policies
    )
    offered = sorted(len(values(a, "governmentBenefitsInfo")) for a in announcements)
    assert offered == by_policy


# --------------------------------------------------------------------------- the command's pages
def _ok(*args: str) -> str:
    run = run_main(*args)
    assert run.code == 0, (args, run.err)
    assert run.err == ""
    return run.out


def test_the_command_lists_it(office: OfficeConfig) -> None:
    rows = [line.split()[0] for line in _ok("offices").splitlines()[1:]]
    assert office.code in rows


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_command_advises_on_it_as_the_library_does(office: OfficeConfig, lang: str) -> None:
    for at in moments(office):
        when = at.strftime("%Y-%m-%d %H:%M")
        page = _ok("advise", office.code, "kk/baru", "--at", when, "--lang", lang)
        advice = adminduk.advise(office, "kk/baru", at=at)
        assert page.strip() == advice.to_message(lang).strip()
        data = json.loads(_ok("advise", office.code, "kk/baru", "--at", when, "--json"))
        assert data == json.loads(advice.model_dump_json())


def test_the_command_shows_its_hours_and_checklists(office: OfficeConfig) -> None:
    for at in moments(office):
        day = at.date().isoformat()
        week = json.loads(_ok("hours", office.code, "--week", day, "--json"))
        assert week["office"] == office.code
        assert len(week["days"]) == 7
        assert office.region in _ok("hours", office.code, "--week", day)
        checklist = json.loads(_ok("requirements", office.code, "kk/baru", "--at", day, "--json"))
        assert checklist["policy"] == office.policy_at(at).id
        expected = office.requirements("kk/baru", at)
        assert [item["code"] for item in checklist["requirements"]] == [r.code for r in expected]


def test_the_command_exports_its_json_ld(office: OfficeConfig) -> None:
    assert json.loads(_ok("export", office.code)) == office_jsonld(office)


@pytest.mark.no_cover
def test_the_command_checks_its_file(published: OfficeConfig) -> None:
    path = str(office_file(published.code))
    assert _ok("check", path).startswith(f"{path}: ok")


def test_its_page_cites_every_source_and_names_every_number(
    published: OfficeConfig, office_pages: ModuleType
) -> None:
    page = office_pages.office_page(office_file(published.code).name, published)
    assert page.startswith(f"# {published.region} ({published.code})")
    for key in published.sources:
        assert f"| `{key}` |" in page
    for policy in published.policies:
        assert f"`{policy.id}`" in page
        for channel in policy.channels:
            if channel.kind.value == "whatsapp":
                assert (f"`{channel.address}`" if channel.address else "*unknown*") in page
