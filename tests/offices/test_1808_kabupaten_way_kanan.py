"""Kabupaten Way Kanan (18.08, WIB): the per-service standards of its own website.

Three completion times (KTP-el and SKTT "1 (satu) hari maksimal 14 (empat belas) hari kerja",
akta perceraian "1 (satu) hari"); the KK, akta kematian and akta perkawinan pages were read
only up to their requirements, so those services are left to the national rule.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)
ONE_TO_FOURTEEN = "1 (satu) hari maksimal 14 (empat belas) hari kerja"


def test_three_completion_times() -> None:
    for service, source in [
        ("ktp-el/baru", "WEB-KTP"),
        ("ktp-el/cetak-ulang", "WEB-KTP"),
        ("ktp-el/perubahan", "WEB-KTP"),
        ("sktt/baru", "WEB-SKTT"),
    ]:
        found = assert_standard(
            "18.08",
            service,
            NOW,
            ONE_TO_FOURTEEN,
            dt.timedelta(days=14),
            "hari-kerja",
            source=source,
        )
        assert found.completion is not None and found.completion.counted_from is None
        assert found.fee is not None and found.fee.is_free
    cerai = assert_standard(
        "18.08",
        "akta-perceraian/baru",
        NOW,
        "1 (satu) hari",
        dt.timedelta(days=1),
        "hari",
        source="WEB-CERAI",
    )
    assert cerai.fee is not None and cerai.fee.is_free
    assert cerai.fee.text_id.startswith("Pelaporan s.d. 60 hari kerja")


def test_services_whose_times_were_not_read_are_left_to_the_national_rule() -> None:
    for service in ["kk/baru", "akta-kematian/baru", "akta-perkawinan/baru"]:
        found = adminduk.service_standard("18.08", service, at=NOW)
        assert found is None or found.source.national, service


def test_the_standard_holds_from_perpres_96_2018() -> None:
    doc = adminduk.get_office("18.08").standards[0]
    assert doc.valid_from == dt.date(2018, 10, 16) and not doc.third_party_copy
    before = adminduk.service_standard("18.08", "ktp-el/baru", at=dt.date(2018, 10, 15))
    assert before is None or before.source.national


def test_complaint_lines_as_the_pages_print_them() -> None:
    ktp = adminduk.service_standard("18.08", "ktp-el/baru", at=NOW)
    assert ktp is not None and ktp.source.national_parts == ()
    assert [(c.kind.value, c.address) for c in ktp.complaints] == [
        ("kotak-saran", None),
        ("situs", "disdukcapil.waykanankab.go.id"),
        ("telepon", "(0723) 461041"),
        ("surel", "disdukcapil1808@gmail.com"),
        ("telepon", "085269021930"),
        ("telepon", "085279919562"),
    ]
    sktt = adminduk.service_standard("18.08", "sktt/baru", at=NOW)
    assert sktt is not None
    mail = next(c for c in sktt.complaints if c.kind.value == "surel")
    assert (mail.address, mail.published_as) == (
        "disdukcapil1808@gmail.com",
        "disdukcapil1808@gamail.com",
    )
    cerai = adminduk.service_standard("18.08", "akta-perceraian/baru", at=NOW)
    assert cerai is not None and [c.kind.value for c in cerai.complaints] == ["kotak-saran"]


def test_the_office_s_own_lists() -> None:
    at = dt.datetime(2024, 6, 3, 9, 0)
    perubahan = adminduk.advise("18.08", "ktp-el/perubahan", at=at).requirements
    assert [r.code for r in perubahan] == ["ktp-el-lama", "kk"]
    sktt = [r.code for r in adminduk.advise("18.08", "sktt/baru", at=at).requirements]
    assert sktt[-1] == "surat-keterangan-domisili-kampung"
    mati = [r.code for r in adminduk.advise("18.08", "akta-kematian/baru", at=at).requirements]
    assert mati[-3:] == ["akta-kelahiran-almarhum", "ktp-el-kk-pemohon", "ktp-el-dua-saksi"]


def test_address_and_hours_are_unknown_and_the_zone_is_wib() -> None:
    office = adminduk.get_office("18.08")
    assert office.timezone == "Asia/Jakarta" and office.address is None
    assert office.hours_source is None


@pytest.mark.parametrize("detail", ["full", "short"])
def test_replies_state_time_fee_and_complaints_in_both_languages(detail: str) -> None:
    advice = adminduk.advise("18.08", "ktp-el/cetak-ulang", at=dt.datetime(2024, 6, 3, 9, 0))
    indonesian = advice.to_message("id", detail=detail)
    english = advice.to_message("en", detail=detail)
    # The pages do not say from when the time runs, so the replies do not say it either.
    assert "Selesai paling lama 14 hari kerja" in indonesian and "sejak berkas" not in indonesian
    assert "Done at most 14 working days" in english and "found complete" not in english
    # The lines a citizen reaches from home come first (the page lists the box first).
    assert "Pengaduan: telepon/faksimile (0723) 461041; surel" in indonesian
    assert "Complaints: phone/fax (0723) 461041; e-mail" in english
    assert "Gratis" in indonesian and "Free of charge" in english
    if detail == "full":
        assert "telepon/faksimile (0723) 461041" in indonesian
        assert "phone/fax (0723) 461041" in english
