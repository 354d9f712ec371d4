"""Loading office files: every problem of a file in one ConfigError, each with its path."""

from __future__ import annotations

import datetime as dt
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import adminduk
from adminduk.errors import ConfigError
from adminduk.offices import (
    OfficeConfig,
    load_office,
    office_schema,
    parse_office,
    validate_office,
)
from tests.builders import builtin_data, channel_data, office_data, policy_data


def problems(data: Any) -> dict[str, str]:
    """path -> message (with the value) of every problem validating ``data``."""
    with pytest.raises(ConfigError) as caught:
        validate_office(data)
    found: dict[str, str] = {}
    for problem in caught.value.problems:
        found.setdefault(problem.path, str(problem))
    return found


def only_problem(data: Any) -> tuple[str, str]:
    found = problems(data)
    assert len(found) == 1, found
    ((path, text),) = found.items()
    return path, text


# -- the happy paths ------------------------------------------------------------------------------
def test_minimal_office_loads_with_ordinary_rules() -> None:
    office = validate_office(office_data())
    assert office.code == "99.02"
    assert office.is_fictional
    assert office.policies == ()
    ordinary = office.ordinary_policy
    assert ordinary.is_ordinary
    assert [ch.kind for ch in ordinary.channels] == ["counter"]
    assert ordinary.counter is not None
    assert all(ordinary.counter.takes(entry.service) for entry in adminduk.catalogue())


def test_load_office_reads_toml_paths_and_package_resources(tmp_path: Path) -> None:
    data = resources.files("adminduk.offices").joinpath("data", "3514-kabupaten-pasuruan.toml")
    from_resource = load_office(data)
    copy = tmp_path / "pasuruan.toml"
    copy.write_bytes(data.read_bytes())
    assert load_office(copy) == from_resource
    assert load_office(str(copy)) == from_resource


def test_json_files_load_the_same_office(tmp_path: Path) -> None:
    office = adminduk.get_office("52.71")
    path = tmp_path / "mataram.json"
    path.write_text(json.dumps(builtin_data("52.71"), default=str), encoding="utf-8")
    assert load_office(path) == office
    assert parse_office(office.model_dump_json(by_alias=True), format="json") == office


def test_a_dumped_office_validates_back_to_itself() -> None:
    for office in adminduk.offices():
        again = validate_office(office.model_dump(by_alias=True))
        assert again == office, office.code


def test_validate_office_accepts_a_validated_office() -> None:
    office = adminduk.get_office("35.13")
    assert OfficeConfig.model_validate(office) is office


# -- the file itself ------------------------------------------------------------------------------
def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_office(tmp_path / "missing.toml")
    assert caught.value.source == str(tmp_path / "missing.toml")
    assert "cannot read the file" in str(caught.value)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_office(tmp_path)  # a directory


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    # Opening a FIFO for reading waits for a writer: the red team's `check` hung on one.
    fifo = tmp_path / "office.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_office(fifo)
    from adminduk.testing import check_office

    (finding,) = [f for f in check_office(fifo) if f.is_error]
    assert "not a regular file" in finding.message
    import io

    from adminduk.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(fifo)], out=out, err=err) == 1  # `adminduk check` hung on one
    assert "not a regular file" in out.getvalue() + err.getvalue()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_an_entry_point_that_resolves_to_a_fifo_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import adminduk
    from adminduk.offices import OfficePluginWarning, _registry

    fifo = tmp_path / "office.toml"
    os.mkfifo(fifo)

    class EntryPoint:
        name, value, group, dist = "fifo", "fifo:OFFICE", _registry.ENTRY_POINT_GROUP, None

        def load(self) -> object:
            return str(fifo)

    monkeypatch.setattr(_registry, "_REGISTRY", _registry._Registry())
    monkeypatch.setattr(_registry, "_entry_points", lambda: [EntryPoint()])
    with pytest.warns(OfficePluginWarning, match="not a regular file"):
        assert _registry.get_office("35.13").code == "35.13"
    (failure,) = adminduk.registry_errors()
    assert "not a regular file" in failure.message


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text('code = "35.13"\ncode = "35.14"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML") as caught:
        load_office(path)
    assert len(caught.value.problems) == 1


def test_not_utf8() -> None:
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        parse_office(b'name = "\xff"')


def test_not_json_and_duplicate_json_keys() -> None:
    with pytest.raises(ConfigError, match="not valid JSON"):
        parse_office("{", format="json")
    with pytest.raises(ConfigError, match="appears twice"):
        parse_office('{"code": "35.13", "code": "35.14"}', format="json")


@pytest.mark.parametrize("data", [[], "office", 42, None])
def test_top_level_must_be_a_table(data: Any) -> None:
    with pytest.raises(ConfigError, match="top level of an office file is a table"):
        validate_office(data)
    with pytest.raises(ConfigError, match="top level"):
        parse_office(json.dumps(data), format="json")


def test_parse_office_refuses_other_types() -> None:
    with pytest.raises(ConfigError, match="expected the file's text"):
        parse_office(42)  # type: ignore[arg-type]


def test_too_deeply_nested() -> None:
    with pytest.raises(ConfigError, match="nested too deeply"):
        parse_office("[" * 3000 + "]" * 3000, format="json")


# -- identity fields ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("overrides", "path", "fragment"),
    [
        ({"code": "3513"}, "code", "expected a Kemendagri code, two digits, a dot, two digits"),
        ({"code": "35.00"}, "code", "runs 01-69 (kabupaten) or 71-99 (kota)"),
        ({"code": "35.70"}, "code", "not 70"),
        ({"code": "20.01", "slug": "kabupaten-uji"}, "code", "20 is not a province code"),
        ({"slug": "kota-uji"}, "slug", "starts with 'kabupaten-'"),
        ({"slug": "Kabupaten Uji"}, "slug", "words joined by dashes, e.g. 'kabupaten-"),
        ({"timezone": "Asia/Jakartaa"}, "timezone", "not an IANA time zone"),
        ({"timezone": "Europe/Paris"}, "timezone", "not an Indonesian time zone"),
        ({"timezone": ""}, "timezone", "cannot be empty"),
        ({"source": "NOPE"}, "source", "[sources] table has no such key (keys: S)"),
        ({"source": " ; "}, "source", "cannot be empty"),
        ({"replaces": "99.03"}, "replaces", "its own code (99.02)"),
        ({"address": "Jalan Uji 1"}, "address_source", "the address needs a source"),
        ({"hours": {"senin": "08:00-12:00"}}, "hours_source", "the hours need a source"),
        ({"colour": "blue"}, "colour", "unknown key; valid here: address,"),
        ({"sources": {"s": {"title": "x"}}}, "sources.s", "the key: expected a key in capitals"),
    ],
)
def test_identity_problems(overrides: dict[str, Any], path: str, fragment: str) -> None:
    found = problems(office_data(**overrides))
    assert path in found, found
    assert fragment in found[path]


def test_province_and_zone_must_match_the_code() -> None:
    found = problems(
        office_data(code="52.71", slug="kota-uji", province="Jawa Timur", timezone="Asia/Jakarta")
    )
    assert "code 52.71 lies in Nusa Tenggara Barat" in found["province"]
    assert "Nusa Tenggara Barat keeps WITA: Asia/Makassar" in found["timezone"]


def test_province_names_are_compared_without_case() -> None:
    office = validate_office(
        office_data(
            code="52.71", slug="kota-uji", province="nusa tenggara barat", timezone="Asia/Makassar"
        )
    )
    assert office.province == "nusa tenggara barat"


def test_unknown_key_suggests_the_close_one() -> None:
    path, text = only_problem(office_data(policies=[policy_data(valid_unti="2030-02-01")]))
    assert path == "policies[0].valid_unti"
    assert "did you mean 'valid_until'?" in text


def test_missing_required_fields_are_named() -> None:
    found = problems({"code": "99.02"})
    for field in ("slug", "name", "region", "province", "timezone", "source"):
        assert found[field] == f"{field}: required, but missing"


def test_wrong_types() -> None:
    found = problems(office_data(closes_on_cuti_bersama="maybe", policies="none"))
    assert "closes_on_cuti_bersama" in found
    assert "policies" in found


# -- policies -------------------------------------------------------------------------------------
def test_valid_until_before_valid_from() -> None:
    path, text = only_problem(office_data(policies=[policy_data(valid_until="2029-12-31")]))
    assert path == "policies[0].valid_until"
    assert "ends before it starts (valid_from is 2030-01-01)" in text
    assert "(got '2029-12-31')" in text


def test_dated_policy_needs_valid_from() -> None:
    path, text = only_problem(office_data(policies=[policy_data(valid_from=None)]))
    assert path == "policies[0].valid_from"
    assert "needs valid_from" in text
    path, _ = only_problem(office_data(policies=[{"id": "x", "source": "S"}]))
    assert path == "policies[0].valid_from"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"valid_from": "2030-01-01"}, {"valid_from": "2031-01-01"}),  # first is open-ended
        ({"valid_until": "2030-03-01"}, {"valid_from": "2030-03-01"}),  # one shared day
        ({"valid_until": "2030-12-31"}, {"valid_from": "2030-06-01", "valid_until": "2030-07-01"}),
    ],
)
def test_overlapping_policies(first: dict[str, Any], second: dict[str, Any]) -> None:
    data = office_data(policies=[policy_data(id="a", **first), policy_data(id="b", **second)])
    path, text = only_problem(data)
    assert path == "policies[1].valid_from"
    assert "overlaps policies[0]" in text


def test_adjacent_policies_do_not_overlap() -> None:
    office = validate_office(
        office_data(
            policies=[
                policy_data(id="b", valid_from="2030-03-02"),
                policy_data(id="a", valid_until="2030-03-01"),
            ]
        )
    )
    assert office.policy_at(office.policies[1].valid_until).id == "a"  # type: ignore[arg-type]
    assert office.policy_at(office.policies[0].valid_from).id == "b"  # type: ignore[arg-type]


def test_overlaps_are_found_even_when_a_policy_is_otherwise_invalid() -> None:
    data = office_data(
        policies=[
            policy_data(id="a", in_person="sometimes"),
            policy_data(id="b", valid_from="2030-06-01"),
        ]
    )
    found = problems(data)
    assert set(found) == {"policies[0].in_person", "policies[1].valid_from"}


def test_policy_ids_are_unique_and_ordinary_is_reserved() -> None:
    data = office_data(
        policies=[
            policy_data(id="a", valid_until="2030-01-31"),
            policy_data(id="a", valid_from="2030-02-01", valid_until="2030-02-28"),
            policy_data(id="ordinary", valid_from="2030-03-01"),
        ]
    )
    found = problems(data)
    assert "policies[0] has this id" in found["policies[1].id"]
    assert "reserved for the [ordinary] table" in found["policies[2].id"]


def test_urgency_reasons() -> None:
    path, text = only_problem(
        office_data(
            policies=[policy_data(in_person="urgent-only", urgency_reasons=["bpjs", "les-privat"])]
        )
    )
    assert path == "policies[0].urgency_reasons[1]"
    assert "unknown urgency reason 'les-privat'" in text
    path, text = only_problem(office_data(policies=[policy_data(in_person="urgent-only")]))
    assert path == "policies[0].urgency_reasons"
    assert "names the urgency reasons it accepts" in text
    path, text = only_problem(
        office_data(
            policies=[policy_data(in_person="urgent-only", urgency_reasons=["bpjs", "bpjs"])]
        )
    )
    assert "listed twice" in text


def test_office_defined_urgency_reasons() -> None:
    own = {"code": "les-privat", "name_id": "Les privat", "name_en": "Tutoring", "source": "S"}
    office = validate_office(
        office_data(
            urgency_reasons=[own],
            policies=[
                policy_data(in_person="urgent-only", urgency_reasons=["les-privat", "bpjs"])
            ],
        )
    )
    assert office.urgency_reason("les-privat").name_en == "Tutoring"
    found = problems(office_data(urgency_reasons=[own, own, {**own, "code": "bpjs"}]))
    assert "defined twice" in found["urgency_reasons[1].code"]
    assert "is built in" in found["urgency_reasons[2].code"]


def test_cite_names_rule_fields() -> None:
    path, text = only_problem(
        office_data(policies=[policy_data(cite={"colour": "S", "hours": "S"})])
    )
    assert path == "policies[0].cite.colour"
    assert "cite names a rule field" in text
    path, _ = only_problem(office_data(policies=[policy_data(cite={"hours": "MISSING"})]))
    assert path == "policies[0].cite.hours"


# -- channels -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"kind": "fax"}, "kind", "expected 'app', 'whatsapp', 'portal' or 'counter'"),
        ({"kind": "whatsapp", "address": "0341-551234"}, "address", "landline"),
        ({"kind": "whatsapp", "address": "+1 202 555 0101"}, "address", "only Indonesian"),
        (
            {"kind": "whatsapp", "address": 8123860693},
            "address",
            "expected text in quotes, got a whole number",
        ),
        ({"address": "godigital dispendukcapil"}, "address", "address is a URL"),
        ({"address": None}, "address_unknown_reason", "give the channel's address"),
        ({"address_unknown_reason": "x"}, "address_unknown_reason", "not both"),
        ({"services": []}, "services", "name at least one service"),
        ({"services": ["ktp-el/terbang"]}, "services[0]", "did you mean"),
        ({"services": ["paspor/*"]}, "services[0]", "unknown service 'paspor/*'"),
        ({"services": [42]}, "services[0]", "a service pattern is text"),
        ({"intake": ["fax"]}, "intake[0]", "'photo', 'scan' or 'pdf'"),
        ({"source": "NOPE"}, "source", "no such key"),
    ],
)
def test_channel_problems(overrides: dict[str, Any], field: str, fragment: str) -> None:
    # A second channel of its own (another address): the same one twice is refused anyway.
    second = channel_data(**{"address": "https://uji.example/kedua", **overrides})
    path, text = only_problem(
        office_data(policies=[policy_data(channels=[channel_data(), second])])
    )
    assert path == f"policies[0].channels[1].{field}"
    assert fragment in text


def test_counter_channels_take_no_intake_formats() -> None:
    counter = channel_data(kind="counter", address="Jalan Uji 1", intake=["photo"])
    path, text = only_problem(office_data(policies=[policy_data(channels=[counter])]))
    assert (path, "remote channels only" in text) == ("policies[0].channels[0].intake", True)


def test_service_patterns_are_normalised() -> None:
    office = validate_office(
        office_data(
            policies=[policy_data(channels=[channel_data(services=[" KK / Perubahan ", "*"])])]
        )
    )
    assert office.policies[0].channels[0].services == ("kk/perubahan", "*")


def test_app_addresses_may_be_urls_or_host_names() -> None:
    for address in ("https://uji.example/layanan?x=1", "uji.example", "http://uji.example:8080"):
        validate_office(
            office_data(policies=[policy_data(channels=[channel_data(address=address)])])
        )


def test_listed_counter_channel_is_kept() -> None:
    counter = channel_data(kind="counter", address="Loket khusus", services=["kk/*"])
    office = validate_office(office_data(policies=[policy_data(channels=[counter])]))
    assert office.policies[0].channels == (office.policies[0].counter,)
    assert office.policies[0].counter is not None
    assert office.policies[0].counter.address == "Loket khusus"


def test_closed_counter_gets_no_counter_channel() -> None:
    office = validate_office(
        office_data(ordinary={"in_person": "closed", "channels": [channel_data()]})
    )
    assert office.ordinary_policy.counter is None
    assert [ch.kind for ch in office.ordinary_policy.channels] == ["app"]


# -- service rules --------------------------------------------------------------------------------
def test_counter_only_and_suspended_services_must_not_be_online() -> None:
    data = office_data(
        policies=[
            policy_data(
                channels=[channel_data(services=["kk/*", "ktp-el/*"])],
                counter_only=[{"services": ["kk/baru"], "why": "biometric", "source": "S"}],
                suspended=[
                    {
                        "services": ["ktp-el/*"],
                        "mode": "defer",
                        "reason_id": "Ditunda",
                        "reason_en": "Postponed",
                        "source": "S",
                    }
                ],
            )
        ]
    )
    found = problems(data)
    assert "keeps at the counter" in found["policies[0].counter_only[0].services"]
    assert "which this rule suspends" in found["policies[0].suspended[0].services"]


def test_a_service_claimed_twice_at_one_level_is_refused() -> None:
    rule = {"services": ["kk/*"], "pickup": "dinas", "source": "S"}
    path, text = only_problem(office_data(policies=[policy_data(fulfilment=[rule, rule])]))
    assert path == "policies[0].fulfilment[1].services"
    assert "equally specific" in text


def test_the_most_specific_rule_wins() -> None:
    rules = [
        {"services": ["*"], "pickup": "dinas", "source": "S"},
        {"services": ["kk/*"], "pickup": "kecamatan", "source": "S"},
        {"services": ["kk/baru"], "pickup": "self-print", "source": "S"},
    ]
    office = validate_office(office_data(policies=[policy_data(fulfilment=rules)]))
    current = office.policies[0]
    picks = [current.fulfilment_for(s).pickup for s in ("kia/baru", "kk/perubahan", "kk/baru")]  # type: ignore[union-attr]
    assert picks == ["dinas", "kecamatan", "self-print"]


@pytest.mark.parametrize(
    ("rule", "field", "fragment"),
    [
        ({"pickup": "rumah"}, "pickup", "'dinas', 'kecamatan', 'village-office' or 'self-print'"),
        ({}, "", "give the pickup place, or pickup_unknown_reason"),
        ({"pickup": "dinas", "delivers": True}, "", "only an office that sends documents on"),
        (
            {"pickup": "dinas", "processing_working_days": -1},
            "processing_working_days",
            "must be at least 0",
        ),
    ],
)
def test_fulfilment_problems(rule: dict[str, Any], field: str, fragment: str) -> None:
    data = office_data(
        policies=[policy_data(fulfilment=[{"services": ["kk/*"], "source": "S", **rule}])]
    )
    found = problems(data)
    path = f"policies[0].fulfilment[0].{field}".rstrip(".")
    matches = {p: t for p, t in found.items() if p.startswith(path)}
    assert any(fragment in text for text in matches.values()), found


def test_unknown_pickup_place_is_allowed_with_a_reason() -> None:
    rule = {"pickup_unknown_reason": "not stated", "source": "S"}
    office = validate_office(office_data(policies=[policy_data(fulfilment=[rule])]))
    fulfilment = office.policies[0].fulfilment_for("kk/baru")
    assert fulfilment is not None
    assert fulfilment.pickup is None


def test_suspension_notes_come_in_both_languages() -> None:
    rule = {
        "services": ["kk/*"],
        "mode": "refuse",
        "reason_id": "Tidak dilayani",
        "reason_en": "Not served",
        "note_id": "Catatan",
        "source": "S",
    }
    path, text = only_problem(office_data(policies=[policy_data(suspended=[rule])]))
    assert path == "policies[0].suspended[0].note_en"
    assert "both Indonesian and English" in text


# -- requirement changes --------------------------------------------------------------------------
ITEM = {"code": "formulir-uji", "name_id": "Formulir uji", "name_en": "Test form"}


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"kind": "add"}, "item", "gives the new item"),
        (
            {"kind": "add", "item": ITEM, "target": "kk-lama"},
            "target",
            "an add change has no target",
        ),
        ({"kind": "remove"}, "target", "names the national item's code"),
        (
            {"kind": "remove", "target": "kk-lama", "item": ITEM},
            "item",
            "a remove change has no item",
        ),
        (
            {"kind": "remove", "target": "nope"},
            "target",
            "kk/perubahan has no national item 'nope'",
        ),
        ({"kind": "replace", "target": "kk-lama"}, "item", "gives the new item"),
        ({"kind": "add", "item": ITEM, "applies_to": "whatsapp"}, "applies_to", "'any'"),
        (
            {"kind": "add", "item": {**ITEM, "code": "kk-lama"}},
            "item.code",
            "already has a national item with this code",
        ),
    ],
)
def test_requirement_change_problems(change: dict[str, Any], field: str, fragment: str) -> None:
    data = office_data(
        policies=[
            policy_data(
                requirement_changes=[{"services": ["kk/perubahan"], "source": "S", **change}]
            )
        ]
    )
    found = problems(data)
    path = f"policies[0].requirement_changes[0].{field}"
    assert path in found, found
    assert fragment in found[path]


def test_wildcard_change_target_must_exist_somewhere() -> None:
    change = {"services": ["kk/*"], "kind": "remove", "target": "nope", "source": "S"}
    path, text = only_problem(office_data(policies=[policy_data(requirement_changes=[change])]))
    assert path == "policies[0].requirement_changes[0].target"
    assert "no service these patterns cover" in text


# -- every problem at once ------------------------------------------------------------------------
def test_every_problem_is_reported_at_once() -> None:
    data = office_data(
        code="35.13",
        slug="probolinggo",
        timezone="Asia/Jakartaa",
        province="Jawa Tengah",
        colour="blue",
        policies=[
            policy_data(
                id="a",
                valid_until="2029-01-01",
                channels=[
                    channel_data(
                        kind="whatsapp", address="0341-551234", services=["ktp-el/terbang"]
                    )
                ],
            ),
            policy_data(id="b", valid_from="2030-02-01", hours={"senen": "08:00-12:00"}),
        ],
    )
    found = problems(data)
    assert set(found) == {
        "slug",
        "province",
        "timezone",
        "colour",
        "policies[0].valid_until",
        "policies[0].channels[0].address",
        "policies[0].channels[0].services[0]",
        "policies[1].hours.senen",
    }


def test_errors_name_the_file_and_count(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text('code = "35.13"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_office(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: 6 problems\n")
    assert "  - slug: required, but missing" in text


def test_personal_identifiers_in_values_are_masked() -> None:
    found = problems(office_data(code="3513014101900001"))
    assert "3513014101900001" not in found["code"]
    assert "3513**********01" in found["code"]  # the one mask of a NIK, as str(Nik)


def test_direct_construction_raises_config_error_too() -> None:
    with pytest.raises(ConfigError) as caught:
        OfficeConfig(**office_data(code="35.13"))
    assert [p.path for p in caught.value.problems] == ["province"]
    with pytest.raises(ConfigError):
        OfficeConfig.model_validate_json(json.dumps(office_data(timezone="Mars/Base")))
    assert OfficeConfig.model_validate_json(json.dumps(office_data())).code == "99.02"
    with pytest.raises(ConfigError, match="expected a table of keys, got a list"):
        OfficeConfig.model_validate(["not", "a", "table"])


# -- schema ---------------------------------------------------------------------------------------
def test_schema_describes_the_file_format() -> None:
    schema = office_schema()
    json.dumps(schema)  # serialisable, for editors
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    assert {"code", "policies", "sources", "ordinary"} <= set(schema["properties"])
    hours = schema["$defs"]["WeeklyHours"]["properties"]
    assert "senin" in hours
    schema["title"] = "changed"
    assert office_schema()["title"] == "adminduk office file"  # each call a fresh copy


def test_the_schema_describes_in_prose_without_doctest_prompts() -> None:
    # Issue 23: `adminduk schema` printed the docstrings' examples, prompts and all.
    text = json.dumps(office_schema())
    assert ">>>" not in text and "Examples:" not in text
    channel = office_schema()["$defs"]["Channel"]["description"]
    assert channel.startswith("A way to apply for services")
    assert "address_unknown_reason" in channel


# -- the problem report itself --------------------------------------------------------------------
def test_long_values_are_shortened() -> None:
    change = {"services": ["kk/perubahan"], "kind": "remove", "target": "x" * 79, "source": "S"}
    found = problems(office_data(policies=[policy_data(requirement_changes=[change])]))
    text = found["policies[0].requirement_changes[0].target"]
    assert "…" in text
    assert text.endswith("…)")


@pytest.mark.parametrize("start", [dt.datetime(2030, 6, 1, 8, 0), "1 June 2030", 20300601])
def test_unreadable_dates_do_not_hide_other_problems(start: object) -> None:
    data = office_data(policies=[policy_data(id="a"), policy_data(id="b", valid_from=start)])
    assert set(problems(data)) == {"policies[1].valid_from"}


def test_office_reasons_given_as_objects() -> None:
    from adminduk.offices import UrgencyReasonInfo

    own = UrgencyReasonInfo(code="les-privat", name_id="Sekolah", name_en="School", source="S")
    office = OfficeConfig(
        **office_data(
            urgency_reasons=[own],
            policies=[policy_data(in_person="urgent-only", urgency_reasons=["les-privat"])],
        )
    )
    assert office.policies[0].accepts("les-privat")
    assert "urgency_reasons" in problems(office_data(urgency_reasons="les-privat"))


def test_problem_paths_and_values() -> None:
    from adminduk._core.validation import _model_at, _unknown_key_message, show_value
    from adminduk.offices import Channel, Policy

    assert _unknown_key_message(OfficeConfig, ("nope", "x")) == "unknown key"
    assert _model_at(OfficeConfig, ("policies", 0, "channels", 1)) is Channel
    assert _model_at(OfficeConfig, ("code", 0)) is None
    assert _model_at(OfficeConfig, ("code", "x")) is None
    assert _model_at(OfficeConfig, ("sources", "A0")).__name__ == "SourceInfo"  # type: ignore[union-attr]
    assert _model_at(tuple[Policy, ...], (0,)) is Policy
    assert _model_at(OfficeConfig, ("hours_source",)) is None
    assert show_value({"a": 1, "b": 2}) == "a table {'a', 'b'}"
    assert show_value(dt.date(2020, 3, 18)) == "'2020-03-18'"
    assert show_value(object()) == "a object"


@pytest.mark.parametrize("path", [None, 42, 3.5])
def test_load_office_refuses_what_is_not_a_path(path):
    with pytest.raises(ConfigError, match="given as a path"):
        load_office(path)
