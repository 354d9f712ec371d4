"""Requirement sets: the national checklist with an office's changes, and the diff."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk.errors import UnknownService
from adminduk.offices import diff_requirements, validate_office
from tests.builders import office_data, policy_data

RENOVATION = dt.date(2031, 1, 10)


def national(service: str) -> list[str]:
    return [r.code for r in adminduk.catalogue()[service].requirements]


def test_an_added_item_comes_last_with_office_origin() -> None:
    office = adminduk.get_office("99.01")
    checklist = office.requirements("kk/perubahan", RENOVATION)
    assert [r.code for r in checklist] == [*national("kk/perubahan"), "formulir-contoh"]
    assert checklist[-1].origin == "office"
    assert checklist[-1].confidence == "local-practice"
    assert checklist[-1].source.startswith("SK: Keputusan Bupati Contoh")


def test_a_replaced_item_takes_the_national_one_s_place() -> None:
    office = adminduk.get_office("99.01")
    checklist = office.requirements("kk/cetak-ulang", RENOVATION)
    assert [r.code for r in checklist] == ["surat-pernyataan-kehilangan", "ktp-el"]
    diff = diff_requirements(office, "kk/cetak-ulang", RENOVATION)
    ((old, new),) = diff.replaced
    assert (old.code, old.origin, new.code, new.origin) == (
        "surat-kehilangan-atau-kk-rusak",
        "national",
        "surat-pernyataan-kehilangan",
        "office",
    )
    assert "~ surat-kehilangan-atau-kk-rusak -> surat-pernyataan-kehilangan" in str(diff)


def test_removed_items_and_wildcards() -> None:
    change = {"services": ["kk/*"], "kind": "remove", "target": "kk-lama", "source": "S"}
    office = validate_office(office_data(policies=[policy_data(requirement_changes=[change])]))
    at = dt.date(2030, 1, 2)
    assert "kk-lama" not in [r.code for r in office.requirements("kk/perubahan", at)]
    diff = diff_requirements(office, "kk/perubahan", at)
    assert [r.code for r in diff.removed] == ["kk-lama"]
    assert "- kk-lama" in str(diff)
    # kk/baru has no kk-lama item: the wildcard change leaves it alone.
    unchanged = diff_requirements(office, "kk/baru", at)
    assert unchanged.is_baseline
    assert unchanged.changes == ()
    assert str(unchanged).endswith("the national checklist, unchanged")


def test_outside_the_policy_the_checklist_is_national() -> None:
    office = adminduk.get_office("99.01")
    diff = diff_requirements(office, "kk/perubahan", dt.date(2030, 1, 1))
    assert diff.is_baseline
    assert diff.policy_id == "ordinary"
    checklist = office.requirements("kk/perubahan", dt.date(2030, 1, 1))
    assert [r.code for r in checklist] == national("kk/perubahan")


def test_every_built_in_checklist_keeps_the_national_items() -> None:
    for office in adminduk.offices():
        for current in (office.ordinary_policy, *office.policies):
            day = current.valid_from or dt.date(2019, 1, 1)
            for entry in adminduk.catalogue():
                checklist = office.requirements(entry.service, day)
                codes = [r.code for r in checklist]
                assert len(codes) == len(set(codes)), (office.code, entry.code)
                diff = diff_requirements(office, entry.service, day)
                if not diff.removed and not diff.replaced:
                    assert codes[: len(entry.requirements)] == national(entry.code)


def test_unknown_services_are_refused() -> None:
    with pytest.raises(UnknownService):
        adminduk.get_office("52.71").requirements("kk/hilang", RENOVATION)


@pytest.mark.parametrize(
    ("code", "service"),
    [("61.01", "ktp-el/baru"), ("33.19", "kk/baru"), ("35.75", "kk/baru"), ("53.04", "kk/baru")],
)
def test_a_page_that_only_lists_requirements_is_not_cited_for_an_open_counter(
    code: str, service: str
) -> None:
    # These offices' [ordinary] tables exist only to carry one page's own requirement lists.
    # That page says nothing about the counter serving every service, so the replies' "the
    # counter serves everyone" must stay adminduk's default, not cite it (the KTP-el reply of
    # Sambas once cited its birth-certificate reprint page for it).
    advice = adminduk.advise(code, service, at=dt.datetime(2026, 12, 7, 10), reasons=["bpjs"])
    counter = {r.rule_id: r for r in advice.reasons}
    assert counter["counter-open"].source == adminduk.offices.ORDINARY_SOURCE
    assert counter["reason-not-needed"].source == adminduk.offices.ORDINARY_SOURCE


@pytest.mark.parametrize(
    ("code", "service", "page"),
    [
        ("61.01", "akta-kelahiran/cetak-ulang", "Layanan Pencatatan Akta Hilang atau Rusak"),
        ("53.04", "kk/baru", "Kartu Keluarga"),
        ("18.08", "akta-kematian/baru", "Kutipan Akta Kematian"),
    ],
)
def test_the_page_of_an_office_s_own_items_is_in_the_sources_line(
    code: str, service: str, page: str
) -> None:
    # An item marked "(ketentuan kantor)" names its page in the reply's sources, without a
    # line of its own among the reasons.
    advice = adminduk.advise(code, service, at=dt.datetime(2026, 12, 7, 10))
    assert any(r.origin == "office" for r in advice.requirements)
    cites = next(r for r in advice.reasons if r.rule_id == "office-requirements")
    assert cites.text_en == "Items marked (office rule) are this office's own."
    for lang in ("id", "en"):
        message = advice.to_message(lang)
        sources = message.rsplit("\n\n", 1)[1]
        assert page in sources
        assert (cites.text_id if lang == "id" else cites.text_en) not in message


@pytest.mark.parametrize(
    ("code", "service", "first_day"),
    [("53.04", "kk/baru", dt.date(2024, 5, 1)), ("61.01", "akta-kelahiran/cetak-ulang", None)],
)
def test_an_office_s_list_holds_only_from_the_day_its_page_speaks_for(
    code: str, service: str, first_day: dt.date | None
) -> None:
    # Belu's lists come from its 2024 entries: a 2020 checklist is the national one, not a
    # 2024 rule read back into 2020. Sambas's from a page taken to hold from 1 July 2020.
    office = adminduk.get_office(code)
    first = first_day or next(
        c.valid_from for c in office.ordinary_policy.requirement_changes if c.valid_from
    )
    before = office.requirements(service, first - dt.timedelta(days=1))
    after = office.requirements(service, first)
    assert [r.code for r in before] == national(service)
    assert any(r.origin == "office" for r in after)


@pytest.mark.parametrize("day", ["2024-05-01", None, 20240501])
def test_holds_on_refuses_what_is_not_a_day(day: object) -> None:
    change = adminduk.get_office("53.04").ordinary_policy.requirement_changes[0]
    with pytest.raises(adminduk.errors.OutOfRange, match="day"):
        change.holds_on(day)  # type: ignore[arg-type]
