"""Service standards as data: the models, their checks, and service_standard's choice."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import adminduk
from adminduk.errors import ConfigError, OutOfRange, UnknownService
from adminduk.offices._service_standard import national_standards
from adminduk.offices._standards import Completion, CompletionUnit, StandardDocument
from adminduk.testing import check_office
from tests import builders


def _office(*standards: dict[str, Any]) -> adminduk.OfficeConfig:
    sources = {
        "S17": {
            "title": "Standar Pelayanan 2017 (fiktif)",
            "url": "https://x.example/17",
            "third_party_copy": True,  # as the standard that cites it says (check source-copy)
        },
        "S22": {"title": "Standar Pelayanan 2022 (fiktif)"},
    }
    return builders.office(source="S17", sources=sources, standards=list(standards))


def _standard(
    id: str, valid_from: str, source: str, *entries: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    return {
        "id": id,
        "title_id": f"Standar Pelayanan {id}",
        "valid_from": valid_from,
        "source": source,
        "services": list(entries),
        **extra,
    }


def _entry(services: list[str], text: str, amount: int, unit: str, **extra: Any) -> dict[str, Any]:
    return {
        "services": services,
        "completion": {"text_id": text, "amount": amount, "unit": unit},
        "source": extra.pop("source", "S17"),
        **extra,
    }


OLD = _standard(
    "sp-2017",
    "2017-01-02",
    "S17",
    _entry(["akta-kelahiran/baru"], "1x24 jam", 24, "jam"),
    valid_until="2022-09-08",
    number="470/1/2017",
    issued="2017-01-02",
    third_party_copy=True,
    complaints=[{"kind": "telepon", "address": "(0335) 4438894"}],
)
NEW = _standard(
    "sp-2022",
    "2022-09-09",
    "S22",
    _entry(["akta-kelahiran/baru"], "3 Hari", 3, "hari", source="S22"),
    _entry(["ktp-el/baru"], "1 (satu) Hari (LURING)", 1, "hari", channel="luring", source="S22"),
    _entry(["ktp-el/baru"], "3 (tiga) Hari (DARING)", 3, "hari", channel="daring", source="S22"),
    fee={"amount_idr": 0, "text_id": "GRATIS", "basis": "UU 24/2013 Pasal 79A"},
)


def test_a_2017_and_a_2022_standard_coexist() -> None:
    office = _office(OLD, NEW)
    old = adminduk.service_standard(office, "akta-kelahiran/baru", at=dt.date(2018, 5, 1))
    new = adminduk.service_standard(office, "akta-kelahiran/baru", at=dt.date(2023, 5, 1))
    assert old is not None and new is not None
    assert old.completion is not None and old.completion.at_most == dt.timedelta(hours=24)
    assert (old.source.number, old.source.url, old.source.third_party_copy) == (
        "470/1/2017",
        "https://x.example/17",
        True,
    )
    assert [c.address for c in old.complaints] == ["(0335) 4438894"]
    assert new.completion is not None and new.completion.text_id == "3 Hari"
    assert new.fee is not None and new.fee.basis == "UU 24/2013 Pasal 79A"
    assert not new.source.national


def test_channel_picks_the_luring_or_daring_entry() -> None:
    office = _office(NEW)
    on = dt.date(2024, 1, 2)

    def text(channel: object) -> str:
        found = adminduk.service_standard(office, "ktp-el/baru", at=on, channel=channel)
        assert found is not None and found.completion is not None
        return found.completion.text_id

    assert text("daring") == text("whatsapp") == text("portal") == "3 (tiga) Hari (DARING)"
    assert text("luring") == text("counter") == text(None) == "1 (satu) Hari (LURING)"
    with pytest.raises(OutOfRange, match="channel"):
        adminduk.service_standard(office, "ktp-el/baru", at=on, channel="online")


def test_a_service_without_its_own_standard_gets_the_national_rule() -> None:
    found = adminduk.service_standard(_office(NEW), "kk/baru", at=dt.date(2024, 1, 2))
    assert found is not None and found.source.national
    assert found.completion is None and found.completion_unknown_reason
    assert (
        found.fee is not None and found.fee.is_free and found.fee.basis == "UU 24/2013 Pasal 79A"
    )
    assert [c.kind.value for c in found.complaints] == ["sp4n-lapor"]


def test_before_any_standard_there_is_none() -> None:
    assert adminduk.service_standard("35.78", "kk/baru", at=dt.date(2010, 1, 1)) is None


def test_bad_arguments_name_the_field() -> None:
    with pytest.raises(UnknownService):
        adminduk.service_standard("35.78", "kk/nothing", at=dt.date(2024, 1, 1))
    with pytest.raises(OutOfRange, match="at"):
        adminduk.service_standard("35.78", "kk/baru", at="2024-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("entry", "path", "message"),
    [
        ({"services": ["kia/*"], "source": "S17"}, "completion_unknown_reason", "give the"),
        (
            {**_entry(["kia/*"], "3 Hari", 3, "hari"), "completion_unknown_reason": "x"},
            "completion_unknown_reason",
            "not both",
        ),
        (_entry(["kia/*"], "3 Hari", 0, "hari"), "completion.amount", "at least 1"),
        (_entry(["kia/*"], "3 Hari", 3, "pekan"), "completion.unit", "hari-kerja"),
    ],
)
def test_an_entry_without_a_sound_completion_time_is_refused(
    entry: dict[str, Any], path: str, message: str
) -> None:
    with pytest.raises(ConfigError) as err:
        _office(_standard("sp", "2022-01-01", "S17", entry))
    found = [p for p in err.value.problems if p.path.endswith(path)]
    assert found and message in found[0].message, err.value.problems


def test_the_checks_of_a_standard_report_every_problem() -> None:
    bad = _standard(
        "sp",
        "2022-01-01",
        "S99",
        _entry(["kia/*"], "3 Hari", 3, "hari"),
        _entry(["kia/baru"], "2 Hari", 2, "hari"),
        valid_until="2021-01-01",
        complaints=[{"kind": "surel"}],
    )
    with pytest.raises(ConfigError) as err:
        _office(bad)
    paths = {p.path for p in err.value.problems}
    assert {
        "standards[0].valid_until",
        "standards[0].services[1].services",
        "standards[0].complaints[0].address",
        "standards[0].source",
    } <= paths, paths


def test_the_conformance_kit_runs_the_standard_checks() -> None:
    assert [f for f in check_office(_office(OLD, NEW)) if f.check == "standards"] == []


def test_whatsapp_complaint_lines_keep_the_printed_spelling() -> None:
    doc = StandardDocument.model_validate(
        _standard(
            "sp",
            "2022-01-01",
            "S",
            _entry(["kia/*"], "3 Hari", 3, "hari"),
            complaints=[{"kind": "whatsapp", "address": "(+62) 812-5012-1174"}],
        )
    )
    assert (doc.complaints[0].address, doc.complaints[0].published_as) == (
        "+6281250121174",
        "(+62) 812-5012-1174",
    )


def test_the_national_file_cites_only_its_own_sources() -> None:
    from adminduk.offices._checks import source_refs
    from adminduk.offices._types import source_parts

    national = national_standards()
    for path, refs in source_refs(national.standards, "standards"):
        for key in source_parts(refs):
            assert key in national.sources, f"{path}: {key}"


@given(
    amount=st.integers(1, 10_000),
    unit=st.sampled_from(list(CompletionUnit)),
)
def test_at_most_is_the_amount_in_its_unit(amount: int, unit: CompletionUnit) -> None:
    completion = Completion(text_id="x", amount=amount, unit=unit)
    per = {
        CompletionUnit.MINUTES: dt.timedelta(minutes=1),
        CompletionUnit.HOURS: dt.timedelta(hours=1),
        CompletionUnit.WORKING_HOURS: dt.timedelta(hours=1),
        CompletionUnit.DAYS: dt.timedelta(days=1),
        CompletionUnit.WORKING_DAYS: dt.timedelta(days=1),
    }[unit]
    assert completion.at_most == amount * per


def test_a_standards_source_reads_as_a_citation() -> None:
    office = _office(OLD, NEW)
    old = adminduk.service_standard(office, "akta-kelahiran/baru", at=dt.date(2018, 5, 1))
    new = adminduk.service_standard(office, "akta-kelahiran/baru", at=dt.date(2023, 5, 1))
    assert old is not None and new is not None
    # Title, number, date, address, and whether it was read in a copy, where the file says.
    assert str(old.source) == (
        "Standar Pelayanan sp-2017, No. 470/1/2017, 2017-01-02, https://x.example/17, "
        "salinan pihak ketiga / third-party copy"
    )
    assert str(new.source) == "Standar Pelayanan sp-2022"
