"""Every cross-field check of an office file, each with a file it must flag and one it must pass.

The checks live once, in ``adminduk.offices._checks``; the loader runs the error-level ones and
the conformance kit runs them all. Each row below is a pair of nearly identical files that lie
on either side of one check, so a check that is weakened (flags less) or loosened (flags more)
fails here, whichever of its two users would have hidden it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from adminduk.errors import ConfigError
from adminduk.offices import parse_office, validate_office
from adminduk.offices._checks import CROSS_CHECKS, Scope, Severity, cross_checks
from adminduk.schedule import ExtraOpening
from adminduk.testing import check_office
from tests.builders import channel_data, office_data, policy_data

S = {"source": "S"}
WA = {"kind": "whatsapp", "label": "WA", "services": ["kk/*"], **S}
DEFER = {"services": ["kk/*"], "mode": "defer", "reason_id": "Ditunda", "reason_en": "Later", **S}
STEP = {"services": ["ktp-el/baru"], "step": "perekaman-biometrik", **S}
ADD = {"services": ["kk/*"], "kind": "add", **S}
ITEM = {"code": "berkas-asli", "name_id": "Berkas asli", "name_en": "Originals"}
OPENING = {"date": "2030-01-05", "hours": ["08:00-12:00"], "reason_id": "a", "reason_en": "a", **S}
CLOSURE = {"start": "2030-01-01", "reason_id": "Tutup", "reason_en": "Closed", **S}
TIME = {"text_id": "3 Hari", "amount": 3, "unit": "hari"}
ENTRY = {"services": ["kia/*"], "completion": TIME, **S}


def standard(**overrides: Any) -> dict[str, Any]:
    fields = {"id": "sp", "title_id": "SP", "valid_from": "2030-01-01", "services": [ENTRY], **S}
    return office_data(standards=[{**fields, **overrides}])


JATIM = {"code": "35.98", "slug": "kota-uji", "province": "Jawa Timur", "timezone": "Asia/Jakarta"}


def rules(**overrides: Any) -> dict[str, Any]:
    return office_data(policies=[policy_data(**overrides)])


def pickup(**rule: Any) -> dict[str, Any]:
    return rules(fulfilment=[{"services": ["kk/*"], **S, **rule}])


# check id -> (a file it flags, the path it names, a file just on the other side)
CASES: dict[str, tuple[dict[str, Any], str, dict[str, Any]]] = {
    "channel-address-or-reason": (
        rules(channels=[channel_data(address=None)]),
        "policies[0].channels[0].address_unknown_reason",
        rules(channels=[channel_data(address=None, address_unknown_reason="only on a banner")]),
    ),
    "channel-url": (
        rules(channels=[channel_data(address="dukcapil kab uji")]),
        "policies[0].channels[0].address",
        rules(channels=[channel_data(address="uji.example/layanan")]),
    ),
    "whatsapp-number": (
        rules(channels=[{**WA, "address": "0341-551234"}]),
        "policies[0].channels[0].address",
        rules(channels=[{**WA, "address": "0812-3456-7890"}]),
    ),
    "counter-intake": (
        rules(channels=[channel_data(kind="counter", address="Jalan Uji 1", intake=["photo"])]),
        "policies[0].channels[0].intake",
        rules(channels=[channel_data(kind="counter", address="Jalan Uji 1")]),
    ),
    "channel-reason-languages": (
        rules(
            channels=[
                channel_data(
                    address=None, address_unknown_reason=None, address_unknown_reason_id="x"
                )
            ]
        ),
        "policies[0].channels[0].address_unknown_reason",
        rules(
            channels=[
                channel_data(
                    address=None, address_unknown_reason="x", address_unknown_reason_id="x"
                )
            ]
        ),
    ),
    "channel-reason-indonesian": (
        rules(channels=[channel_data(address=None, address_unknown_reason="only on a banner")]),
        "policies[0].channels[0].address_unknown_reason_id",
        rules(
            channels=[
                channel_data(
                    address=None, address_unknown_reason="x", address_unknown_reason_id="x"
                )
            ]
        ),
    ),
    "suspension-note-languages": (
        rules(suspended=[{**DEFER, "note_id": "Datang lagi bulan depan"}]),
        "policies[0].suspended[0].note_en",
        rules(suspended=[{**DEFER, "note_id": "Datang lagi", "note_en": "Come back"}]),
    ),
    "in-person-step-languages": (
        rules(
            in_person_steps=[{**STEP, "place_id": "Loket", "place_en": "Counter", "when_id": "x"}]
        ),
        "policies[0].in_person_steps[0].when_en",
        rules(in_person_steps=[{**STEP, "place_id": "Loket", "place_en": "Counter"}]),
    ),
    "in-person-step-place": (
        rules(in_person_steps=[STEP]),
        "policies[0].in_person_steps[0].place_id",
        rules(in_person_steps=[{**STEP, "unknown_reason_id": "x", "unknown_reason_en": "x"}]),
    ),
    "pickup-or-reason": (
        pickup(),
        "policies[0].fulfilment[0].pickup",
        pickup(pickup_unknown_reason="no source says"),
    ),
    "delivery": (
        pickup(pickup="dinas", delivers=True),
        "policies[0].fulfilment[0].delivers",
        pickup(pickup="village-office", delivers=True),
    ),
    "change-fields": (
        rules(requirement_changes=[{**ADD, "kind": "remove"}]),
        "policies[0].requirement_changes[0].target",
        rules(requirement_changes=[{**ADD, "item": ITEM}]),
    ),
    "change-baseline": (
        rules(requirement_changes=[{**ADD, "kind": "remove", "target": "akta-nikah"}]),
        "policies[0].requirement_changes[0].target",
        rules(requirement_changes=[{**ADD, "kind": "remove", "target": "kk-lama"}]),
    ),
    "change-dates": (
        rules(
            requirement_changes=[{**ADD, "valid_from": "2024-05-01", "valid_until": "2024-04-30"}]
        ),
        "policies[0].requirement_changes[0].valid_until",
        rules(
            requirement_changes=[{**ADD, "valid_from": "2024-05-01", "valid_until": "2024-05-01"}]
        ),
    ),
    "channel-dates": (
        rules(channels=[channel_data(valid_from="2021-01-01", valid_until="2020-12-31")]),
        "policies[0].channels[0].valid_until",
        rules(channels=[channel_data(valid_from="2021-01-01", valid_until="2021-01-01")]),
    ),
    "cite-fields": (
        rules(cite={"hours_of_service": "S"}),
        "policies[0].cite.hours_of_service",
        rules(cite={"hours": "S"}),
    ),
    "urgent-only-reasons": (
        rules(in_person="urgent-only"),
        "policies[0].urgency_reasons",
        rules(in_person="urgent-only", urgency_reasons=["bpjs"]),
    ),
    "channel-twice": (
        rules(channels=[{**WA, "address": "0812-3456-7890"}, {**WA, "address": "+6281234567890"}]),
        "policies[0].channels[1]",
        rules(channels=[{**WA, "address": "0812-3456-7890"}, {**WA, "address": "0812-3456-7891"}]),
    ),
    "counter-only-online": (
        rules(
            channels=[channel_data()],
            counter_only=[{"services": ["kk/baru"], "why": "direct-verification", **S}],
        ),
        "policies[0].counter_only[0].services",
        rules(
            channels=[channel_data()],
            counter_only=[{"services": ["kia/baru"], "why": "direct-verification", **S}],
        ),
    ),
    "suspended-online": (
        rules(channels=[channel_data()], suspended=[DEFER]),
        "policies[0].suspended[0].services",
        rules(channels=[channel_data(services=["kia/*"])], suspended=[DEFER]),
    ),
    "rules-claimed-twice": (
        rules(suspended=[DEFER, {**DEFER, "services": ["kk/*", "kia/*"]}]),
        "policies[0].suspended[1].services",
        rules(suspended=[DEFER, {**DEFER, "services": ["kk/baru"]}]),
    ),
    "change-twice": (
        rules(requirement_changes=[{**ADD, "item": ITEM}, {**ADD, "item": ITEM}]),
        "policies[0].requirement_changes[1]",
        rules(
            requirement_changes=[
                {**ADD, "item": ITEM},
                {**ADD, "services": ["kia/*"], "item": ITEM},
            ]
        ),
    ),
    "policy-dated": (
        rules(valid_from=None),
        "policies[0].valid_from",
        rules(),
    ),
    "policy-ends-after-start": (
        rules(valid_until="2029-12-31"),
        "policies[0].valid_until",
        rules(valid_until="2030-01-01"),
    ),
    "pandemic-measure-dates": (
        rules(pandemic_measure=True, valid_from="2023-06-22"),
        "policies[0].pandemic_measure",
        rules(pandemic_measure=True, valid_from="2023-06-20"),
    ),
    "fictional-code": (office_data(), "code", office_data(**JATIM)),
    "slug-kind": (office_data(slug="kota-uji"), "slug", office_data()),
    "province-of-code": (
        office_data(**{**JATIM, "province": "Jawa Tengah"}),
        "province",
        office_data(**{**JATIM, "province": "JAWA TIMUR"}),
    ),
    "zone-of-province": (
        office_data(**{**JATIM, "timezone": "Asia/Makassar"}),
        "timezone",
        office_data(**JATIM),
    ),
    "cited-address": (
        office_data(address="Jalan Uji 1"),
        "address_source",
        office_data(address="Jalan Uji 1", address_source="S"),
    ),
    "cited-hours": (
        office_data(hours={"senin": "08:00-12:00"}),
        "hours_source",
        office_data(hours={"senin": "08:00-12:00"}, hours_source="S"),
    ),
    "office-reason-languages": (
        office_data(address_unknown_reason="not published"),
        "address_unknown_reason_id",
        office_data(address_unknown_reason="not published", address_unknown_reason_id="x"),
    ),
    "replaces-own-code": (
        office_data(replaces="99.03"),
        "replaces",
        office_data(replaces="99.02"),
    ),
    "own-reasons": (
        office_data(urgency_reasons=[{"code": "bpjs", "name_id": "x", "name_en": "x", **S}]),
        "urgency_reasons[0].code",
        office_data(urgency_reasons=[{"code": "les-privat", "name_id": "x", "name_en": "x", **S}]),
    ),
    "policy-ids": (
        office_data(
            policies=[policy_data(valid_until="2030-01-31"), policy_data(valid_from="2030-02-01")]
        ),
        "policies[1].id",
        office_data(
            policies=[
                policy_data(valid_until="2030-01-31"),
                policy_data(id="b", valid_from="2030-02-01"),
            ]
        ),
    ),
    "policy-overlap": (
        office_data(
            policies=[
                policy_data(valid_until="2030-01-31"),
                policy_data(id="b", valid_from="2030-01-31"),
            ]
        ),
        "policies[1].valid_from",
        office_data(
            policies=[
                policy_data(valid_until="2030-01-31"),
                policy_data(id="b", valid_from="2030-02-01"),
            ]
        ),
    ),
    "extra-opening-twice": (
        office_data(extra_openings=[OPENING, {**OPENING, "hours": ["13:00-15:00"]}]),
        "extra_openings[1].date",
        office_data(extra_openings=[OPENING, {**OPENING, "date": "2030-01-06"}]),
    ),
    "never-opens-again": (
        office_data(closures=[{**CLOSURE, "end": "2099-12-31"}]),
        "closures[0].end",
        office_data(closures=[{**CLOSURE, "end": "2099-12-30"}]),
    ),
    "never-opens-hours": (
        office_data(policies=[policy_data(hours={})]),
        "policies[0].hours",
        office_data(policies=[policy_data(hours={}, valid_until="2030-01-31")]),
    ),
    "standard-completion-or-reason": (
        standard(services=[{"services": ["kia/*"], **S}]),
        "standards[0].services[0].completion_unknown_reason",
        standard(services=[{"services": ["kia/*"], "completion_unknown_reason": "unread", **S}]),
    ),
    "standard-dates": (
        standard(valid_until="2029-12-31"),
        "standards[0].valid_until",
        standard(valid_until="2030-01-01"),
    ),
    "standard-one-entry": (
        standard(services=[ENTRY, {**ENTRY, "services": ["kia/baru"]}]),
        "standards[0].services[1].services",
        standard(services=[ENTRY, {**ENTRY, "services": ["kia/baru"], "channel": "daring"}]),
    ),
    "standard-complaint-address": (
        standard(complaints=[{"kind": "telepon"}]),
        "standards[0].complaints[0].address",
        standard(complaints=[{"kind": "kotak-saran"}]),
    ),
    "standard-complaint-label-en": (
        standard(
            services=[{**ENTRY, "complaints": [{"kind": "radio", "label_id": "Radio Suara Kota"}]}]
        ),
        "standards[0].services[0].complaints[0].label_en",
        standard(
            services=[
                {
                    **ENTRY,
                    "complaints": [
                        {"kind": "radio", "label_id": "Radio Suara Kota", "label_en": "Radio"}
                    ],
                }
            ]
        ),
    ),
    "source-copy": (
        standard(third_party_copy=True),
        "standards[0].source",
        office_data(
            sources={"S": {"title": "Sumber uji (fiktif)", "third_party_copy": True}},
            standards=[
                {
                    "id": "sp",
                    "title_id": "SP",
                    "valid_from": "2030-01-01",
                    "services": [ENTRY],
                    "third_party_copy": True,
                    **S,
                }
            ],
        ),
    ),
    "source-refs": (office_data(source="S; NOPE"), "source", office_data(source="S; UU 24/2013")),
    "source-cited": (
        office_data(
            sources={"S": {"title": "x", "url": "https://x.example"}, "T": {"title": "y"}}
        ),
        "sources.T",
        office_data(sources={"S": {"title": "x", "url": "https://x.example"}}),
    ),
    "source-findable": (
        office_data(),
        "sources.S",
        office_data(sources={"S": {"title": "x", "publisher": "Antara"}}),
    ),
}


# The checks of a whole office before publishing (scope "publishing"): the kit runs them, the
# loader never does; each names the path of what it found, at the severity of what it found.
CASES |= {
    "whatsapp-printed": (
        rules(channels=[{**WA, "address": "0813-5954-7691", "published_as": "0813 5954 7690"}]),
        "policies[0].channels[0].address",
        rules(channels=[{**WA, "address": "0813-5954-7691", "published_as": "0813 5954 7691"}]),
    ),
    "hours-plausible": (
        office_data(hours={"senin": "05:00-12:00"}, hours_source="S"),
        "hours.senin[0]",
        office_data(hours={"senin": "07:00-12:00"}, hours_source="S"),
    ),
    "policies-claims": (
        rules(in_person="closed", urgency_reasons=["bpjs"]),
        "policies[0].urgency_reasons",
        rules(in_person="urgent-only", urgency_reasons=["bpjs"]),
    ),
    "fulfilment-originals": (
        pickup(pickup="self-print", originals_checked=True),
        "policies[0].fulfilment[0].originals_checked",
        pickup(pickup="dinas", originals_checked=True),
    ),
    "addresses-known": (
        office_data(),
        "address",
        office_data(address="Jl. Uji 1", address_source="S"),
    ),
    "presence-placed": (
        rules(channels=[channel_data(services=["ktp-el/baru"])]),
        "policies[0].channels[0].services",
        rules(channels=[channel_data(services=["ktp-el/baru"])], in_person_steps=[STEP]),
    ),
    # A source dated after today (a template's date copied as it was): it dates no answer
    # before that day.
    "source-published": (
        office_data(sources={"S": {"title": "SK", "published": "2098-12-01"}}),
        "sources.S.published",
        office_data(sources={"S": {"title": "SK", "published": "2020-01-02"}}),
    ),
}


def test_every_check_has_a_case_and_a_unique_id() -> None:
    ids = [check.id for check in CROSS_CHECKS]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(CASES)


def _flagged(check_id: str, data: dict[str, Any]) -> set[str]:
    """The paths that one check names in a file, through the loader or the conformance kit."""
    check = next(c for c in CROSS_CHECKS if c.id == check_id)
    if check.scope is Scope.PUBLISHING:  # each issue at its own severity, never at load
        return {f.path for f in check_office(data, checks=[check.kit])}
    if check.severity is Severity.ERROR:
        try:
            validate_office(data)
        except ConfigError as err:
            return {p.path for p in err.problems}
        return set()
    return {f.path for f in check_office(data, checks=[check.kit]) if f.severity == check.severity}


@pytest.mark.parametrize("check_id", sorted(CASES))
def test_each_check_flags_its_case_and_passes_the_one_beside_it(check_id: str) -> None:
    bad, path, fine = CASES[check_id]
    assert path in _flagged(check_id, bad)
    assert path not in _flagged(check_id, fine)


def test_the_loader_never_runs_a_check_of_a_whole_office() -> None:
    for check_id in (c.id for c in CROSS_CHECKS if c.scope is Scope.PUBLISHING):
        bad, path, _ = CASES[check_id]
        validate_office(bad)  # loads: these checks are for publishing, not for reading
        assert path in _flagged(check_id, bad)


@pytest.mark.parametrize(
    "check_id",
    sorted(
        c.id
        for c in CROSS_CHECKS
        if c.severity is Severity.ERROR and c.scope is not Scope.PUBLISHING
    ),
)
def test_the_conformance_kit_reports_what_the_loader_refuses(check_id: str) -> None:
    # The kit runs the very same check: on a file that does not load, it reports the loader's
    # problems (check "loads"); both name the same path.
    bad, path, _ = CASES[check_id]
    findings = check_office(bad)
    assert (path, "loads") in {(f.path, f.check) for f in findings}


def test_checks_are_listed_by_scope_and_severity() -> None:
    errors = cross_checks(Scope.FULFILMENT, Severity.ERROR)
    assert [c.id for c in errors] == ["pickup-or-reason", "delivery"]
    assert cross_checks(Scope.OFFICE, Severity.INFO) == tuple(
        c for c in CROSS_CHECKS if c.scope is Scope.OFFICE and c.severity is Severity.INFO
    )


def test_an_office_built_without_validation_gets_the_same_checks() -> None:
    office = validate_office(CASES["delivery"][2])
    dated = office.policies[0]
    # pydantic's own copy, which skips validation (the library's model_copy checks).
    rule = BaseModel.model_copy(dated.fulfilment[0], update={"pickup": None})
    unchecked = BaseModel.model_copy(
        office, update={"policies": (BaseModel.model_copy(dated, update={"fulfilment": (rule,)}),)}
    )
    found = {(f.check, f.path) for f in check_office(unchecked) if f.is_error}
    assert ("fulfilment", "policies[0].fulfilment[0].delivers") in found
    assert ("fulfilment", "policies[0].fulfilment[0].pickup") in found


# -- properties: the date checks against a brute-force reading of the same dates --------------
def _run(check_id: str, part: dict[str, Any]) -> list[str]:
    check = next(c for c in CROSS_CHECKS if c.id == check_id)
    return [issue.path for issue in check.issues(part)]


_spans = st.lists(
    st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(0, 20))), max_size=6
)


@given(_spans)
def test_policies_are_flagged_exactly_when_two_share_a_day(
    spans: list[tuple[int, int | None]],
) -> None:
    base = dt.date(2030, 1, 1)
    policies = [
        {
            "id": f"p{index}",
            "valid_from": base + dt.timedelta(days=start),
            "valid_until": None if length is None else base + dt.timedelta(days=start + length),
        }
        for index, (start, length) in enumerate(spans)
    ]
    horizon = 100  # past every start and end above

    def days(start: int, length: int | None) -> set[int]:
        return set(range(start, horizon if length is None else start + length + 1))

    shared = any(days(*a) & days(*b) for i, a in enumerate(spans) for b in spans[i + 1 :])
    flagged = _run("policy-overlap", {"policies": policies})
    assert bool(flagged) == shared
    for path in flagged:
        index = int(path.split("[")[1].split("]")[0])
        others = [days(*s) for i, s in enumerate(spans) if i != index]
        assert any(days(*spans[index]) & other for other in others)


@given(st.lists(st.integers(0, 5), max_size=6))
def test_extra_openings_are_flagged_exactly_on_a_repeated_date(offsets: list[int]) -> None:
    openings = [
        ExtraOpening.model_validate({**OPENING, "date": dt.date(2030, 1, 1 + offset)})
        for offset in offsets
    ]
    flagged = _run("extra-opening-twice", {"extra_openings": openings})
    assert len(flagged) == len(offsets) - len(set(offsets))


def test_office_hours_that_open_on_no_day_need_a_reason() -> None:
    assert "hours" in _flagged("never-opens-hours", office_data(hours={}, hours_source="S"))
    explained = office_data(
        hours={},
        hours_source="S",
        never_reopens_reason="the office merged into another",
        never_reopens_reason_id="kantor digabung dengan kantor lain",
    )
    assert not _flagged("never-opens-hours", explained)


# ------------------------------------------------------------------ one spelling per province
DIY = {"code": "34.98", "slug": "kota-uji", "timezone": "Asia/Jakarta"}


@pytest.mark.parametrize(
    "province",
    [
        "Daerah Istimewa Yogyakarta",  # the Kemendagri list's name, as region("34").name gives it
        "DI Yogyakarta",  # short forms in common use
        "DIY",
        "di  yogyakarta",
    ],
)
def test_an_office_file_may_copy_the_regions_province_name_or_a_short_form(province: str) -> None:
    assert "province" not in _flagged("province-of-code", office_data(**DIY, province=province))


def test_a_short_form_of_another_province_is_refused() -> None:
    assert "province" in _flagged("province-of-code", office_data(**DIY, province="DKI Jakarta"))


# ------------------------------------------------------------------ day keys (issue 23)
@pytest.mark.parametrize(("english", "indonesian"), [("monday", "senin"), ("Friday", "jumat")])
def test_an_english_day_key_in_an_office_file_gets_the_indonesian_one(
    english: str, indonesian: str
) -> None:
    data = office_data(hours={english: "08:00-12:00"}, hours_source="S")
    with pytest.raises(ConfigError) as caught:
        parse_office(json.dumps(data), format="json")
    (problem,) = caught.value.problems
    assert problem.path == f"hours.{english}"
    assert problem.message.endswith(f"did you mean {indonesian!r}?")
    in_policy = rules(hours={english: "08:00-12:00"})
    assert _file_paths(in_policy) == {f"policies[0].hours.{english}"}


def _file_paths(data: dict[str, Any]) -> set[str]:
    try:
        parse_office(json.dumps(data), format="json")
    except ConfigError as err:
        return {p.path for p in err.problems}
    return set()


def test_in_python_the_english_day_names_still_work() -> None:
    from adminduk.schedule import WeeklyHours

    # A model_dump (English attribute names) validates again; only a file's text is refused.
    office = validate_office(office_data(hours={"senin": "08:00-12:00"}, hours_source="S"))
    assert validate_office(office.model_dump(mode="json")) == office

    assert (
        WeeklyHours(monday=["08:00-12:00"]).monday
        == WeeklyHours.parse({"senin": "08:00-12:00"}).monday
    )
    assert WeeklyHours.parse({"monday": "08:00-12:00"}).day(0)


def test_a_standard_resting_on_copies_alone_must_say_it_was_read_in_one() -> None:
    data = office_data(
        sources={"S": {"title": "Sumber uji (fiktif)", "third_party_copy": True}},
        standards=[
            {"id": "sp", "title_id": "SP", "valid_from": "2030-01-01", "services": [ENTRY], **S}
        ],
    )
    found = {f.path: f.message for f in check_office(data)}
    assert "mark the standard too" in found["standards[0].third_party_copy"]
