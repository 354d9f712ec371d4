"""Kota Probolinggo (35.74, WIB): its service-standard pages and the 2017 SPP, as quoted."""

from __future__ import annotations

import datetime as dt

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)
DAY = dt.timedelta(days=1)


def test_ktp_el_one_day_from_complete_files() -> None:
    found = assert_standard(
        "35.74",
        "ktp-el/baru",
        NOW,
        "Penerbitan Kartu Tanda Penduduk Elektronik (KTP – el) dapat diselesaikan dalam waktu "
        "1 hari sejak berkas dinyatakan lengkap oleh petugas verifikasi",
        DAY,
        "hari",
        source="WEB-KTP",
    )
    assert found.completion is not None
    assert found.completion.counted_from == "berkas-lengkap"
    assert found.fee is not None and found.fee.is_free
    assert len(found.procedure) == 8


def test_kk_one_working_day_if_the_electronic_signature_works() -> None:
    found = assert_standard(
        "35.74",
        "kk/perubahan",
        NOW,
        "Penerbitan Kartu Keluarga dapat diselesaikan dalam waktu 1 hari kerja sejak berkas "
        "dinyatakan LENGKAP oleh petugas verifikasi dengan catatan proses penandatanganan "
        "Sertifikasi Tanda Tangan Elektronik Kartu Keluarga berjalan lancar.",
        DAY,
        "hari-kerja",
        source="WEB-KK",
    )
    assert found.completion is not None and found.completion.conditions_id


def test_akta_kematian_and_perkawinan() -> None:
    assert_standard(
        "35.74",
        "akta-kematian/baru",
        NOW,
        "Penerbitan Kutipan Akta Kematian dapat diselesaikan dalam waktu 1 hari kerja sejak "
        "berkas dinyatakan lengkap oleh petugas pelayanan.",
        DAY,
        "hari-kerja",
        source="WEB-KEMATIAN",
    )
    found = assert_standard(
        "35.74",
        "akta-perkawinan/baru",
        NOW,
        "Penerbitan Kutipan Akta Perkawinan dapat diselesaikan dalam waktu 1x 24 jam sejak "
        "dilaksanakan pencatatan perkawinan.",
        dt.timedelta(hours=24),
        "jam",
        source="WEB-PERKAWINAN",
    )
    assert found.completion is not None and found.completion.counted_from is None
    assert found.fee is not None and found.fee.basis == "UU 24/2013 Pasal 79A"


def test_the_2017_standard_holds_in_2018_and_is_marked_a_copy() -> None:
    found = assert_standard(
        "35.74",
        "akta-kelahiran/baru",
        dt.date(2018, 5, 2),
        "Penerbitan akta kelahiran dapat diselesaikan dalam waktu 1x24 jam sejak berkas "
        "dinyatakan lengkap oleh petugas verifikasi dengan catatan Pejabat Pencatatan Sipil "
        "(Kepala Dinas) ada di tempat.",
        dt.timedelta(hours=24),
        "jam",
        source="SPP-2017",
    )
    assert found.source.third_party_copy and found.source.standard_id == "spp-2017"
    assert [c.kind for c in found.complaints] == [
        "kotak-saran",
        "tatap-muka",
        "telepon",
        "radio",
    ]
    # After 2020 the site's pages hold, which were not read for akta kelahiran: national rule.
    later = adminduk.service_standard("35.74", "akta-kelahiran/baru", at=NOW)
    assert later is not None and later.source.national and later.completion is None


def test_complaint_lines_of_the_pages() -> None:
    found = adminduk.service_standard("35.74", "ktp-el/baru", at=NOW)
    assert found is not None
    lines = {c.kind: c for c in found.complaints}
    assert lines["whatsapp"].address == "+6282350657770"
    assert lines["telepon"].address == "(0335) 4438894"
    assert lines["surel"].address == "dispendukkotaprob@gmail.com"
    assert "sp4n-lapor" in lines
