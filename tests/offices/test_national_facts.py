"""National law as data (issue 26): the data files say what the code said.

Until issue 26 the urgent-need list of the 2020 instruction, the national sources, the end of
the pandemic status and the national working hours were Python constants. They are now read from
the national law file (``adminduk/_law/national.toml``); these tests hold every value read equal
to the constant it replaced, written out here as it was, so moving the law into data changed no
answer. A later, sourced change to the file changes these values on purpose, and the test with
them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import threading
from importlib import resources

import pytest

from adminduk import _law
from adminduk.errors import ConfigError
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
    PANDEMIC_END,
    NationalEvent,
    SourceInfo,
    UrgencyReasonInfo,
    _national_facts,
    _sources,
)
from adminduk.offices._national_checks import national_issues
from adminduk.schedule import HoursPeriod, WeeklyHours, national_default_periods
from adminduk.schedule._national_hours import _Sections as _HoursSections
from adminduk.schedule._national_hours import national_hours_periods
from adminduk.triage import UrgencyReason

# The constants as adminduk 0.1.0.dev0 wrote them in offices/_sources.py before issue 26.
WAS_URGENCY_REASONS = {
    "bpjs": ("Urusan BPJS Kesehatan", "BPJS health insurance"),
    "rumah-sakit": ("Pasien di rumah sakit", "A patient in hospital"),
    "tni-polri": ("Pendaftaran TNI/Polri", "TNI/Polri recruitment"),
    "sekolah": ("Pendaftaran sekolah", "School enrolment"),
}
WAS_SOURCES = {
    "DIRJEN-2978-2020": (
        "Surat Dirjen Dukcapil No. 443.1/2978/Dukcapil",
        "Ditjen Dukcapil Kemendagri",
        dt.date(2020, 3, 16),
        None,
    ),
    "DIRJEN-2978-2020-EXTENSION": (
        "Dukcapil memperpanjang penundaan perekaman KTP-el sampai pandemi berakhir",
        "Kompas.com",
        dt.date(2020, 4, 8),
        "https://nasional.kompas.com/read/2020/04/08/19244571",
    ),
    "KEPPRES-17-2023": (
        "Keppres 17/2023 tentang Penetapan Berakhirnya Status Pandemi COVID-19 di Indonesia",
        "Presiden Republik Indonesia",
        dt.date(2023, 6, 22),
        "https://setkab.go.id/en/govt-issues-presidential-decree-on-end-of-covid-19-pandemic-status",
    ),
}
WAS_PANDEMIC_END = NationalEvent(
    code="akhir-pandemi-covid-19",
    name_id="berakhirnya status pandemi Covid-19 (Keppres 17/2023, berlaku 21 Juni 2023)",
    name_en="the end of the Covid-19 pandemic status (Keppres 17/2023, in force 21 June 2023)",
    effective=dt.date(2023, 6, 21),
    source="KEPPRES-17-2023",
    short_id="Keppres 17/2023",
    short_en="Keppres 17/2023",
)


def test_the_urgent_needs_are_what_the_code_said_in_its_order() -> None:
    assert list(BUILTIN_URGENCY_REASONS) == list(WAS_URGENCY_REASONS)
    for code, (name_id, name_en) in WAS_URGENCY_REASONS.items():
        reason = BUILTIN_URGENCY_REASONS[code]
        assert isinstance(reason, UrgencyReasonInfo)
        assert (reason.code, reason.name_id, reason.name_en) == (code, name_id, name_en)
        assert reason.source == "DIRJEN-2978-2020"


def test_the_urgency_reason_codes_are_the_files_reasons() -> None:
    # The enum's codes are stable vocabulary; what each one means is the file's.
    assert [reason.value for reason in UrgencyReason] == list(BUILTIN_URGENCY_REASONS)
    for reason in UrgencyReason:
        assert reason.info is BUILTIN_URGENCY_REASONS[reason.value]
        assert reason.info.qualifies("id") and reason.info.qualifies("en")


def test_the_national_sources_are_what_the_code_said() -> None:
    assert set(WAS_SOURCES) <= set(NATIONAL_SOURCES)
    for key, (title, publisher, published, url) in WAS_SOURCES.items():
        info = NATIONAL_SOURCES[key]
        assert isinstance(info, SourceInfo)
        assert (info.title, info.publisher, info.published, info.url) == (
            title,
            publisher,
            published,
            url,
        )
        assert info.note  # each says how it is known
    assert "21 Juni 2023" in NATIONAL_SOURCES["KEPPRES-17-2023"].note  # type: ignore[operator]


def test_the_end_of_the_pandemic_is_what_the_code_said() -> None:
    assert PANDEMIC_END == WAS_PANDEMIC_END
    package = importlib.import_module("adminduk.offices")
    assert PANDEMIC_END is package.PANDEMIC_END is _national_facts.pandemic_end()
    assert PANDEMIC_END.last_day_before == dt.date(2023, 6, 20)
    with pytest.raises(dataclasses.FrozenInstanceError):
        PANDEMIC_END.effective = dt.date(2024, 1, 1)  # type: ignore[misc,unused-ignore]


def test_the_views_read_like_the_mappings_they_were() -> None:
    assert dict(NATIONAL_SOURCES) == _law.national_law().sources
    assert "bpjs" in BUILTIN_URGENCY_REASONS and "nothing" not in BUILTIN_URGENCY_REASONS
    assert len(BUILTIN_URGENCY_REASONS) == 4
    assert repr(BUILTIN_URGENCY_REASONS).startswith("mappingproxy({'bpjs': ")
    assert dict(BUILTIN_URGENCY_REASONS.items()) == {**BUILTIN_URGENCY_REASONS}
    with pytest.raises(TypeError):
        BUILTIN_URGENCY_REASONS["bpjs"] = BUILTIN_URGENCY_REASONS["sekolah"]  # type: ignore[index]
    with pytest.raises(KeyError):
        NATIONAL_SOURCES["nothing"]


def test_an_unknown_name_of_the_module_is_refused() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'NOTHING'"):
        _sources.NOTHING  # type: ignore[attr-defined,unused-ignore]  # noqa: B018


def test_threads_asking_first_get_one_load() -> None:
    _national_facts._facts.cache_clear()
    try:
        seen: list[object] = []
        threads = [
            threading.Thread(target=lambda: seen.append(_national_facts.national_facts()))
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(facts is seen[0] for facts in seen)
        assert _national_facts._facts.cache_info().misses == 1
    finally:
        _national_facts._facts.cache_clear()
        # The package keeps PANDEMIC_END once asked for: let it ask again, so that it stays
        # the object the module serves (tests/test_public_names.py).
        vars(importlib.import_module("adminduk.offices")).pop("PANDEMIC_END", None)


TEXT = (resources.files("adminduk._law") / _law.LAW_FILE).read_text("utf-8")


def _issues(text: str) -> list[str]:
    """The error issues of the checker for the national file written as ``text``."""
    law = _law.parse_law(text)
    # Only the reader is swapped: the facts already served (PANDEMIC_END, which the package
    # keeps once asked for) stay the objects they were.
    _law._sections.cache_clear()
    original = _law._read
    try:
        _law._read = lambda: law  # type: ignore[assignment]
        from adminduk.offices import _service_standard

        _service_standard.national_standards.cache_clear()
        return [
            f"{path}: {issue.text()}"
            for check, path, issue in national_issues()
            if check.severity == "error"
        ]
    finally:
        _law._read = original  # type: ignore[method-assign]
        _law._sections.cache_clear()
        _service_standard.national_standards.cache_clear()


def test_the_national_file_passes_the_office_files_checks() -> None:
    assert _issues(TEXT) == []
    assert [c.id for c, _, _ in national_issues() if c.severity == "error"] == []


def test_the_kit_shows_the_national_files_findings_as_an_office_files() -> None:
    from adminduk.testing import check_national

    findings = check_national()
    assert not [f for f in findings if f.is_error]
    assert {f.check for f in findings} <= {"sources", "standards"}


def test_an_unknown_citation_in_the_national_file_is_found_by_the_shared_check() -> None:
    broken = TEXT.replace('source = "DIRJEN-2978-2020"', 'source = "DIRJEN-1"', 1)
    found = _issues(broken)
    assert len(found) == 1
    assert "'DIRJEN-1' looks like a source key but the [sources] table has no such key" in found[0]


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda text: text.replace('code = "sekolah"', 'code = "bpjs"'),
            "a code is given twice",
        ),
        (lambda text: text.replace("effective = 2023-06-21", 'effective = "soon"'), "effective"),
        (
            lambda text: text.replace("\n[pandemic_end]\n", "\n[pandemic_end]\nfee = 'free'\n"),
            "fee",
        ),
    ],
)
def test_a_broken_facts_section_is_refused_with_the_problem(edit: object, problem: str) -> None:
    law = _law.parse_law(edit(TEXT))  # type: ignore[operator]
    data = {name: law.sections[name] for name in ("urgency_reasons", "pandemic_end")}
    with pytest.raises(ConfigError, match=problem):
        _national_facts.NationalFacts.model_validate(data)
    assert _national_facts.pandemic_end() == WAS_PANDEMIC_END


def test_a_broken_source_or_a_missing_section_is_refused_with_its_path() -> None:
    with pytest.raises(ConfigError, match=r"sources\.UU-24-2013\.url"):
        _law.parse_law(
            TEXT.replace('url = "https://github.com/mblonyox', 'url = "github.com/m', 1)
        )
    with pytest.raises(ConfigError, match="not valid TOML"):
        _law.parse_law(TEXT + "\n[[[")
    with pytest.raises(ConfigError, match=r"nothing: no such section"):
        _law.sections(_HoursSections, "nothing")


# -- the national working hours (the national law file's [working_hours]) ---------------------
WAS_MON_THU = ("07:30-12:00", "13:00-16:00")
WAS_HOURS = WeeklyHours.model_validate(
    {
        "senin": WAS_MON_THU,
        "selasa": WAS_MON_THU,
        "rabu": WAS_MON_THU,
        "kamis": WAS_MON_THU,
        "jumat": ("07:30-11:30", "13:00-16:30"),
    }
)
WAS_PERIODS = (
    HoursPeriod(
        valid_from=None,
        valid_until=dt.date(2023, 4, 11),
        hours=WAS_HOURS,
        is_default=True,
        label="Keppres 68/1995",
        source="Keppres 68/1995 Pasal 1(2); Kepmenpan 08/1996",
        note_id="jam kerja nasional instansi pemerintah: lima hari kerja, 37,5 jam efektif "
        "per minggu",
        note_en="national government working hours: five working days, 37.5 effective hours "
        "a week",
    ),
    HoursPeriod(
        valid_from=dt.date(2023, 4, 12),
        valid_until=None,
        hours=WAS_HOURS,
        is_default=True,
        label="Perpres 21/2023",
        source="Perpres 21/2023",
        note_id="jam kerja nasional instansi pemerintah: lima hari kerja, 37 jam 30 menit "
        "per minggu di luar istirahat; jam harian ditetapkan pimpinan instansi, sehingga "
        "dipakai pola harian Keppres 68/1995",
        note_en="national government working hours: five working days, 37 h 30 min a week "
        "excluding breaks; daily times set by each institution's head, so the Keppres "
        "68/1995 daily pattern is used",
    ),
)


def test_the_national_working_hours_are_what_the_code_said() -> None:
    periods = national_default_periods()
    assert periods == WAS_PERIODS
    assert periods is national_default_periods()  # read once
    for period in periods:
        assert period.hours.weekly_total() == dt.timedelta(hours=37.5)
        assert period.model_dump(exclude_unset=True) == HoursPeriod.model_validate(
            period.model_dump(exclude_unset=True)
        ).model_dump(exclude_unset=True)


def test_a_broken_hours_section_is_refused_with_the_problem() -> None:
    def hours(text: str) -> object:
        law = _law.parse_law(text)
        return national_hours_periods(
            _HoursSections.model_validate(
                {"working_hours": law.sections["working_hours"]}
            ).working_hours
        )

    with pytest.raises(ConfigError, match="senin"):
        hours(TEXT.replace('senin = ["07:30-12:00"', 'senin = ["7 pagi"'))
    with pytest.raises(ConfigError, match="note_en"):
        hours(TEXT.replace('note_en = "national', 'note_xx = "national', 1))
