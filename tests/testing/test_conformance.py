"""check_office: the built-in offices conform; each check finds what it should, and only that."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import BaseModel

import adminduk
from adminduk._core.validation import unchecked
from adminduk.errors import ConfigError
from adminduk.offices import Channel, ChannelKind, OfficeConfig
from adminduk.schedule import TimeRange, WeeklyHours
from adminduk.testing import CHECKS, Finding, Severity, check_office, load_findings
from tests.builders import conforming_data, office, policy_data

from .common import EXAMPLE, found

CHECK_IDS = [check.id for check in CHECKS]


def _bare_range(start: int, end: int) -> TimeRange:
    """A TimeRange that skips its own validation (as code that builds configs by hand might)."""
    time_range = object.__new__(TimeRange)
    object.__setattr__(time_range, "start", start)
    object.__setattr__(time_range, "end", end)
    return time_range


# --------------------------------------------------------------------------- built-ins
# That every built-in office and the example have no errors is part of the contract every office
# passes (tests/test_every_office.py).


def test_the_built_ins_warn_only_where_their_sources_are_silent() -> None:
    # No built-in source gives office hours; Pasuruan's WhatsApp lines serve only the urgent
    # in person, and A1 says nothing of people without WhatsApp. A1 came out on 24 March 2020,
    # six days after the policy it reports began: those days' answers rest on no dated source.
    pasuruan = check_office(adminduk.get_office("35.14"))
    assert {(f.check, f.path) for f in pasuruan if f.severity is Severity.WARNING} == {
        ("routes", "policies[0]"),
        ("hours", "hours"),
        ("sources", "policies[0].valid_from"),
    }


def test_the_mataram_number_that_lost_its_zero_is_reported_as_read() -> None:
    (info,) = found(adminduk.get_office("52.71"), "whatsapp")
    assert info.severity is Severity.INFO
    assert "'85337287689'" in info.message
    assert "+6285337287689" in info.message


# --------------------------------------------------------------------------- entry point
def test_a_path_a_mapping_and_a_config_give_the_same_findings(tmp_path: Path) -> None:
    by_path = check_office(EXAMPLE)
    assert check_office(str(EXAMPLE)) == by_path
    assert check_office(adminduk.load_office(EXAMPLE)) == by_path
    data = conforming_data()
    assert check_office(data) == check_office(office(conforming_data()))
    as_json = tmp_path / "office.json"
    as_json.write_text(json.dumps(data), encoding="utf-8")
    assert check_office(as_json) == check_office(data)


def test_a_file_that_does_not_load_gives_only_load_findings(tmp_path: Path) -> None:
    findings = check_office(tmp_path / "missing.toml")
    assert [(f.check, f.severity, f.path) for f in findings] == [
        ("loads", Severity.ERROR, ""),
    ]
    assert "cannot read the file" in findings[0].message
    assert [f.path for f in check_office({"code": "35.13"})][:2] == ["slug", "name"]


def test_load_findings_show_the_value() -> None:
    err = ConfigError.single("timezone", "not an IANA time zone", "WIB")
    (finding,) = load_findings(err)
    assert finding.message == "not an IANA time zone (got 'WIB')"
    assert finding.check == "loads"
    assert finding.is_error


def test_checks_can_be_chosen() -> None:
    bima = adminduk.get_office("52.06")
    assert {f.check for f in check_office(bima, checks=["hours", "addresses"])} == {
        "hours",
        "addresses",
    }
    assert check_office(bima, checks="hours") == check_office(bima, checks=["hours"])
    assert check_office(bima, checks=[]) == []


def test_an_unknown_check_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ConfigError, match="did you mean 'routes'"):
        check_office(adminduk.get_office("52.06"), checks=["route"])
    with pytest.raises(ConfigError, match="not a conformance check"):
        check_office(adminduk.get_office("52.06"), checks=["zzz"])


def test_something_that_is_no_office_is_refused() -> None:
    with pytest.raises(ConfigError, match="expected an OfficeConfig"):
        check_office(42)  # type: ignore[arg-type]


def test_a_finding_reads_as_one_line() -> None:
    finding = Finding(Severity.ERROR, "", "broken", check="loads")
    assert str(finding) == "error: <file>: broken"
    assert finding.is_error
    assert [s.value for s in Severity] == ["error", "warning", "info"]


# --------------------------------------------------------------------------- routes
def test_a_service_without_a_route_is_an_error() -> None:
    closed = office(
        conforming_data(
            policies=[
                policy_data(
                    in_person="closed",
                    channels=[
                        {
                            "kind": "app",
                            "address": "https://uji.example",
                            "label": "App",
                            "services": ["kk/*"],
                            "source": "S",
                        }
                    ],
                    suspended=[
                        {
                            "services": ["ktp-el/*"],
                            "mode": "refuse",
                            "reason_id": "Tidak",
                            "reason_en": "No",
                            "source": "S",
                        }
                    ],
                )
            ]
        )
    )
    (error,) = found(closed, "routes", Severity.ERROR)
    assert error.path == "policies[0]"
    assert "nobody can apply for kia/baru" in error.message
    assert "kk/" not in error.message  # it has a channel
    assert "ktp-el/" not in error.message  # declared not offered
    assert "biodata/*" in error.message  # the whole document, compacted


def test_whatsapp_only_routes_warn_until_walk_ins_are_declared() -> None:
    channel = {
        "kind": "whatsapp",
        "address": "0813-5954-7691",
        "label": "WA",
        "services": ["kk/*"],
        "source": "S",
    }
    urgent = policy_data(in_person="urgent-only", urgency_reasons=["bpjs"], channels=[channel])
    strict = office(conforming_data(policies=[urgent]))
    (warning,) = found(strict, "routes")
    assert warning.severity is Severity.WARNING
    assert "people without WhatsApp have no route to kk/*" in warning.message
    lenient = office(
        conforming_data(
            policies=[
                policy_data(
                    in_person="urgent-only",
                    urgency_reasons=["bpjs"],
                    channels=[channel],
                    walk_ins_without_whatsapp=True,
                )
            ]
        )
    )
    assert found(lenient, "routes") == []

    # pydantic's own copy skips validation: how a configuration built in code can go wrong.


def _with_channel(config: OfficeConfig, channel: Channel) -> OfficeConfig:
    # model_copy does not validate: this is how a configuration built in code can go wrong.
    dated = BaseModel.model_copy(config.policies[0], update={"channels": (channel,)})
    return BaseModel.model_copy(config, update={"policies": (dated,)})


def test_a_landline_or_unnormalised_number_is_an_error() -> None:
    base = office(conforming_data(policies=[policy_data()]))
    landline = unchecked(
        Channel,
        kind=ChannelKind.WHATSAPP,
        address="+62370631234",
        label="WA",
        services=("kk/*",),
        source="S",
    )
    (error,) = found(_with_channel(base, landline), "whatsapp")
    assert error.severity is Severity.ERROR
    assert "a landline cannot receive WhatsApp" in error.message
    assert "landline" in error.message
    loose = unchecked(
        Channel,
        kind=ChannelKind.WHATSAPP,
        address="0813-5954-7691",
        label="WA",
        services=("kk/*",),
        source="S",
    )
    (error,) = found(_with_channel(base, loose), "whatsapp")
    assert "not in E.164 form (+6281359547691)" in error.message


# --------------------------------------------------------------------------- timezone
def test_the_zone_must_fit_the_province() -> None:
    real = office(conforming_data())
    assert found(real, "timezone") == []
    wrong_zone = BaseModel.model_copy(real, update={"timezone": "Asia/Makassar"})
    (error,) = found(wrong_zone, "timezone")
    assert error.path == "timezone"
    assert "Jawa Timur keeps WIB: Asia/Jakarta" in error.message
    assert "Keppres 41/1987" in error.message  # the table's source
    wrong_name = BaseModel.model_copy(real, update={"province": "Bali"})
    (error,) = found(wrong_name, "timezone")
    assert error.path == "province"
    # A code of no province is refused where the code is read (OfficeCode): there is no zone
    # or province name to compare it with.
    no_province = BaseModel.model_copy(real, update={"code": "20." + real.code[3:]})
    assert found(no_province, "timezone") == []
    (info,) = found(adminduk.get_office("99.01"), "timezone")
    assert info.severity is Severity.INFO


# --------------------------------------------------------------------------- hours
def test_overlapping_or_empty_intervals_are_errors() -> None:
    base = office(conforming_data())
    bad = unchecked(
        WeeklyHours,
        monday=(_bare_range(480, 720), _bare_range(660, 900)),
        tuesday=(_bare_range(600, 600),),
    )
    findings = found(BaseModel.model_copy(base, update={"hours": bad}), "hours", Severity.ERROR)
    assert [(f.path, f.message) for f in findings] == [
        ("hours.senin", "the intervals 08:00-12:00 and 11:00-15:00 overlap"),
        ("hours.selasa[0]", "10:00-10:00 is empty: it closes when it opens"),
    ]


def test_a_closed_policy_needs_no_hours_but_an_office_does() -> None:
    shut = {"services": ["*"], "mode": "defer", "reason_id": "Tutup", "reason_en": "Closed"}
    closing = policy_data(in_person="closed", hours={}, valid_until="2030-06-30",
                          suspended=[{**shut, "source": "S"}])  # fmt: skip
    closed = office(conforming_data(policies=[closing]))
    assert found(closed, "hours", Severity.ERROR) == []
    # Hours on no day, for good: the file does not load without a reason, and the kit says so.
    (error,) = found(conforming_data(hours={}, hours_source="S"), "hours", Severity.ERROR)
    assert error.path == "hours"
    assert "never opens again" in error.message


def test_dated_hours_outside_the_calendar_and_odd_extra_openings_warn() -> None:
    config = office(
        conforming_data(
            closures=[
                {
                    "start": "1999-12-30",
                    "end": "2000-01-02",
                    "reason_id": "Y2K",
                    "reason_en": "Y2K",
                    "source": "S",
                }
            ],
            extra_openings=[
                {
                    "date": "2030-01-05",
                    "hours": ["08:00-12:00", "19:00-22:00"],
                    "reason_id": "Buka",
                    "reason_en": "Open",
                    "source": "S",
                }
            ],
            hours_overrides=[
                {
                    "start": "2030-03-01",
                    "end": "2030-03-30",
                    "hours": {"senin": "08:00-14:00", "selasa": "05:30-14:00"},
                    "reason_id": "Ramadan",
                    "reason_en": "Ramadan",
                    "source": "S",
                }
            ],
        )
    )
    paths = {f.path for f in found(config, "hours", Severity.WARNING)}
    assert paths == {
        "closures[0]",
        "extra_openings[0].hours[1]",
        "hours_overrides[0].hours.selasa[0]",
    }


# --------------------------------------------------------------------------- policies
def test_overlapping_or_undated_policies_are_errors() -> None:
    a, b = (
        policy_data(id="a", valid_until="2030-06-30"),
        policy_data(id="b", valid_from="2030-07-01"),
    )
    base = office(conforming_data(policies=[a, b]))
    first, second = base.policies
    overlapping = BaseModel.model_copy(
        base,
        update={
            "policies": (
                first,
                BaseModel.model_copy(second, update={"valid_from": dt.date(2030, 6, 1)}),
            )
        },
    )
    (error,) = found(overlapping, "policies", Severity.ERROR)
    assert error.path == "policies[1].valid_from"
    assert "overlaps policies[0] (2030-01-01 to 2030-06-30)" in error.message
    undated = BaseModel.model_copy(
        base,
        update={"policies": (first, BaseModel.model_copy(second, update={"valid_from": None}))},
    )
    (error,) = found(undated, "policies", Severity.ERROR)
    assert error.path == "policies[1].valid_from"
    backwards = BaseModel.model_copy(
        base,
        update={
            "policies": (BaseModel.model_copy(first, update={"valid_until": dt.date(2029, 1, 1)}),)
        },
    )
    (error,) = found(backwards, "policies", Severity.ERROR)
    assert error.path == "policies[0].valid_until"


def test_an_open_counter_needs_a_counter_channel() -> None:
    base = office(conforming_data(policies=[policy_data()]))
    no_counter = BaseModel.model_copy(
        base,
        update={"policies": (BaseModel.model_copy(base.policies[0], update={"channels": ()}),)},
    )
    (error,) = found(no_counter, "policies", Severity.ERROR)
    assert error.path == "policies[0].channels"


def test_an_office_that_replaces_another_says_so() -> None:
    findings = found(office(conforming_data(replaces="35.98")), "policies", Severity.INFO)
    assert "replaces" in {f.path for f in findings}


# --------------------------------------------------------------------------- sources
def test_an_empty_source_is_an_error() -> None:
    base = office(conforming_data())
    (error,) = found(BaseModel.model_copy(base, update={"source": " ; "}), "sources")
    assert error.path == "source"
    assert error.message == "a source names where the fact comes from; it cannot be empty"


# --------------------------------------------------------------------------- fulfilment
def test_delivery_goes_to_a_kecamatan_or_village_office() -> None:
    kecamatan = {"services": ["kk/*"], "pickup": "kecamatan", "delivers": True, "source": "S"}
    base = office(conforming_data(policies=[policy_data(fulfilment=[kecamatan])]))
    dated = base.policies[0]
    rule = BaseModel.model_copy(dated.fulfilment[0], update={"pickup": None})
    broken = BaseModel.model_copy(
        base, update={"policies": (BaseModel.model_copy(dated, update={"fulfilment": (rule,)}),)}
    )
    pickup, error = found(broken, "fulfilment", Severity.ERROR)
    assert pickup.path == "policies[0].fulfilment[0].pickup"
    assert error.path == "policies[0].fulfilment[0].delivers"
    assert "(pickup: unknown)" in error.message


# --------------------------------------------------------------------------- addresses
def test_a_counter_without_a_place_warns_when_the_office_has_one() -> None:
    counter = {
        "kind": "counter",
        "address_unknown_reason": "a temporary hall",
        "label": "Loket darurat",
        "services": ["*"],
        "source": "S",
    }
    (warning,) = found(
        office(conforming_data(policies=[policy_data(channels=[counter])])), "addresses"
    )
    assert warning.path == "policies[0].channels[0].address"
    assert "a temporary hall" in warning.message


def _without_presence_steps(code: str) -> dict:
    data = adminduk.get_office(code).model_dump(mode="json", exclude_none=True)
    for rules in data["policies"]:
        rules["in_person_steps"] = []
        rules["channels"] = [ch for ch in rules["channels"] if ch["kind"] != "counter"]
    return data


@pytest.mark.parametrize("code", ["35.13", "35.14"])
def test_a_remote_route_to_a_service_with_an_in_person_step_must_place_the_step(code):
    findings = check_office(_without_presence_steps(code), checks=["presence"])
    assert [(f.severity.value, f.check) for f in findings] == [("error", "presence")]
    assert "perekaman-biometrik" in findings[0].message
    assert "ktp-el/baru" in findings[0].message


def test_an_unknown_address_explained_only_in_english_is_reported():
    data = adminduk.get_office("52.06").model_dump(mode="json", exclude_none=True)
    del data["policies"][0]["channels"][0]["address_unknown_reason_id"]
    findings = check_office(data, checks=["presence"])
    assert [f.path for f in findings] == ["policies[0].channels[0].address_unknown_reason_id"]
