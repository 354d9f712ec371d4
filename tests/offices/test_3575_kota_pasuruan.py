"""Kota Pasuruan (35.75, WIB): the service standards on its own websites, as quoted.

Three completion times: KIA and akta perkawinan on the current site (from 1 July 2020 [I]),
akta kelahiran on the older site (2010-2016 [I]); the current akta kelahiran page was read only
up to its procedure.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)


def test_three_completion_times() -> None:
    kia = assert_standard(
        "35.75",
        "kia/baru",
        NOW,
        "1 (satu) hari kerja setelah berkas diterima Petugas Dinas Kependudukan dan Pencatatan"
        " Sipil Kota Pasuruan",
        dt.timedelta(days=1),
        "hari-kerja",
        source="WEB-KIA",
    )
    assert kia.completion is not None
    assert kia.completion.counted_from == "permohonan-diterima"
    assert kia.fee is not None and kia.fee.is_free and kia.fee.text_id == "Tidak dipungut biaya"
    kawin = assert_standard(
        "35.75",
        "akta-perkawinan/baru",
        NOW,
        "1 (satu) hari kerja setelah berkas diterima petugas Dinas Kependudukan dan Pencatatan"
        " Sipil Kota Pasuruan dan diterbitkan tanda terima pengambilan",
        dt.timedelta(days=1),
        "hari-kerja",
        source="WEB-KAWIN",
    )
    assert kawin.fee is not None and kawin.fee.text_id == "TIDAK DIPUNGUT BIAYA"
    lahir = assert_standard(
        "35.75",
        "akta-kelahiran/baru",
        dt.date(2015, 6, 1),
        "Jangka waktu penyelesaian :  1 minggu",
        dt.timedelta(days=7),
        "hari",
        source="OLD-LAHIR",
    )
    assert lahir.source.national_parts == ("fee", "complaints")


def test_complaint_lines_of_the_marriage_page() -> None:
    kawin = adminduk.service_standard("35.75", "akta-perkawinan/baru", at=NOW)
    assert kawin is not None
    assert [(c.kind.value, c.address) for c in kawin.complaints] == [
        ("telepon", "(0343) 421717"),
        ("whatsapp", "+6281252881503"),
        ("situs", "dispendukcapil.pasuruankota.go.id"),
        ("surel", "dispendukcapil@pasuruan.go.id"),
        ("sp4n-lapor", None),
    ]
    kia = adminduk.service_standard("35.75", "kia/baru", at=NOW)
    assert kia is not None and kia.source.national_parts == ("complaints",)


def test_the_older_site_ends_with_2016_and_the_current_starts_in_july_2020() -> None:
    early = adminduk.service_standard("35.75", "akta-kelahiran/baru", at=dt.date(2009, 12, 31))
    assert early is None or early.source.national
    # Before UU 24/2013 there is no national rule, yet the office's own standard is its own.
    ancient = adminduk.service_standard("35.75", "akta-kelahiran/baru", at=dt.date(2012, 6, 1))
    assert ancient is not None and not ancient.source.national
    assert ancient.completion is not None and ancient.completion.text_id.endswith("1 minggu")
    last = adminduk.service_standard("35.75", "akta-kelahiran/baru", at=dt.date(2016, 12, 31))
    assert last is not None and not last.source.national
    gap = adminduk.service_standard("35.75", "akta-kelahiran/baru", at=dt.date(2018, 1, 2))
    assert gap is not None and gap.source.national
    now = adminduk.service_standard("35.75", "akta-kelahiran/baru", at=NOW)
    assert now is not None and now.completion is None  # the page was cut before its time
    before = adminduk.service_standard("35.75", "kia/baru", at=dt.date(2020, 6, 30))
    assert before is not None and before.source.national


def test_the_kia_photo_is_the_office_s_own_requirement() -> None:
    advice = adminduk.advise("35.75", "kia/baru", at=dt.datetime(2024, 6, 3, 9, 0))
    codes = [item.code for item in advice.requirements]
    assert "pas-foto-anak-2x3" in codes and "pas-foto-anak" not in codes


def test_kota_and_kabupaten_pasuruan_are_two_offices() -> None:
    kota, kabupaten = adminduk.get_office("35.75"), adminduk.get_office("35.14")
    assert (kota.slug, kabupaten.slug) == ("kota-pasuruan", "kabupaten-pasuruan")
    assert kota.timezone == "Asia/Jakarta" and kota.hours is None


@pytest.mark.parametrize("detail", ["full", "short"])
def test_replies_state_time_fee_and_complaints_in_both_languages(detail: str) -> None:
    advice = adminduk.advise("35.75", "akta-perkawinan/baru", at=dt.datetime(2024, 6, 3, 9, 0))
    indonesian = advice.to_message("id", detail=detail)
    english = advice.to_message("en", detail=detail)
    assert "Selesai paling lama 1 hari kerja sejak permohonan diterima" in indonesian
    assert "Done at most 1 working day after the application is received" in english
    assert "Pengaduan: telepon (0343) 421717" in indonesian
    assert "Complaints: phone (0343) 421717" in english
    assert "Gratis" in indonesian and "Free of charge" in english
    assert advice.ready_by == dt.datetime(2024, 6, 4, 16, 0, tzinfo=advice.ready_by.tzinfo)
