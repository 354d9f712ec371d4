"""Kabupaten Bandung (32.04, WIB): three of its own publications, one after the other.

Akta kematian from its 2018 article, akta kelahiran from its SIPPN entry (both until June 2020
[I]), KIA and akta kelahiran from a later standard read in a third-party copy (from July 2020 [I]).
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

from .standards_common import assert_standard

BEFORE_TTE = dt.date(2019, 6, 3)
NOW = dt.date(2024, 6, 3)


def test_three_completion_times() -> None:
    mati = assert_standard(
        "32.04",
        "akta-kematian/baru",
        BEFORE_TTE,
        "Proses pembuatan Pencatatan kematian paling lambat 3 (tiga) hari kerja setelah"
        " persyaratan dinyatakan lengkap",
        dt.timedelta(days=3),
        "hari-kerja",
        source="ART-KEMATIAN",
    )
    assert mati.source.national_parts == ("fee", "complaints")
    lahir = assert_standard(
        "32.04",
        "akta-kelahiran/baru",
        BEFORE_TTE,
        "1 (satu) Hari / One Day Service pada proses pelayanan langsung oleh pemohon pada Kantor"
        " Dinas;",
        dt.timedelta(days=1),
        "hari",
        channel="luring",
        source="SIPPN-LAHIR",
    )
    assert lahir.fee is not None and lahir.fee.text_id == "Tidak dipungut biaya"
    assert lahir.completion is not None and lahir.completion.conditions_id == (
        "pada proses pelayanan langsung oleh pemohon pada Kantor Dinas",
    )
    kia = assert_standard(
        "32.04",
        "kia/baru",
        NOW,
        "1 (satu) hari s/d 3 (tiga) hari kerja sejak persyaratan dinyatakan lengkap oleh petugas"
        " pelayanan Disdukcapil",
        dt.timedelta(days=3),
        "hari-kerja",
        source="COPY-SP",
    )
    assert kia.fee is not None and kia.fee.text_id == "Rp. 0,- (TIDAK DIKENAKAN BIAYA/ GRATIS)"


def test_the_sippn_time_is_the_counter_s_only() -> None:
    online = adminduk.service_standard(
        "32.04", "akta-kelahiran/baru", at=BEFORE_TTE, channel="daring"
    )
    assert online is None or online.source.national


def test_the_copy_is_marked_a_third_party_copy_and_its_complaint_lines_are_kept() -> None:
    office = adminduk.get_office("32.04")
    copy = next(doc for doc in office.standards if doc.id == "sp-salinan")
    assert copy.third_party_copy and copy.valid_from == dt.date(2020, 7, 1)
    kia = adminduk.service_standard("32.04", "kia/baru", at=NOW)
    assert kia is not None
    assert [(c.kind.value, c.address) for c in kia.complaints if c.address] == [
        ("telepon", "022-5892126"),
        ("whatsapp", "+6282118612428"),
        ("sms", "08156006060"),
    ]


def test_the_2018_and_sippn_standards_end_with_hand_signed_certificates() -> None:
    later = adminduk.service_standard("32.04", "akta-kematian/baru", at=dt.date(2020, 7, 1))
    assert later is None or later.completion is None
    lahir = adminduk.service_standard("32.04", "akta-kelahiran/baru", at=NOW)
    assert lahir is not None and lahir.completion is not None
    assert lahir.completion.at_most == dt.timedelta(days=3)


def test_its_own_hours_with_the_midday_break() -> None:
    calendar = adminduk.get_office("32.04").calendar()
    assert calendar.is_open(dt.datetime(2024, 6, 3, 9, 0))  # Monday morning
    assert not calendar.is_open(dt.datetime(2024, 6, 3, 12, 30))  # the break
    assert not calendar.is_open(dt.datetime(2024, 6, 7, 12, 0))  # Friday's longer break
    assert calendar.is_open(dt.datetime(2024, 6, 7, 15, 30))


@pytest.mark.parametrize("detail", ["full", "short"])
def test_replies_state_time_fee_and_complaints_in_both_languages(detail: str) -> None:
    advice = adminduk.advise("32.04", "kia/baru", at=dt.datetime(2024, 6, 3, 9, 0))
    indonesian = advice.to_message("id", detail=detail)
    english = advice.to_message("en", detail=detail)
    assert "Selesai paling lama 3 hari kerja sejak berkas lengkap" in indonesian
    assert "Done at most 3 working days after the files are found complete" in english
    assert "Pengaduan: telepon 022-5892126; WhatsApp +6282118612428" in indonesian
    assert "Complaints: phone 022-5892126; WhatsApp +6282118612428" in english
    assert "Gratis" in indonesian and "Free of charge" in english
