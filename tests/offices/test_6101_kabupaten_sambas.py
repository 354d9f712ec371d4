"""Kabupaten Sambas (61.01, WIB): the per-service standards on the office's own two websites.

Four completion times: SKPWNI "3 (tiga) hari kerja" and a reprinted akta "14 (empat belas) hari
kerja" on the current site (from 1 July 2020 [I]), a first KTP-el and, before, a reprinted akta
"5 (lima) hari kerja" on the older site (from 20 August 2019 [I]); the SKPWNI page also gives its
fee and complaint lines.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)


def test_three_completion_times_in_force_today() -> None:
    pindah = assert_standard(
        "61.01",
        "skpwni/baru",
        NOW,
        "3 (tiga) hari kerja sejak permohonan dan persyaratan diterima dengan benar dan lengkap.",
        dt.timedelta(days=3),
        "hari-kerja",
        source="NEW-PINDAH",
    )
    assert pindah.completion is not None
    assert pindah.completion.counted_from == "berkas-lengkap"
    assert pindah.fee is not None and pindah.fee.is_free
    assert pindah.fee.text_id == "Tidak dipungut biaya atau gratis"
    ktp = assert_standard(
        "61.01",
        "ktp-el/baru",
        NOW,
        "5 (lima) hari kerja sejak permohonan dan persyaratan diterima dengan benar dan lengkap",
        dt.timedelta(days=5),
        "hari-kerja",
        source="OLD-KTP",
    )
    assert ktp.completion is not None
    assert ktp.completion.counted_from == "berkas-lengkap"
    akta = assert_standard(
        "61.01",
        "akta-kelahiran/cetak-ulang",
        NOW,
        "14 (empat belas) hari kerja sejak berkas diterima dengan benar dan lengkap",
        dt.timedelta(days=14),
        "hari-kerja",
        source="NEW-AKTA-RH",
    )
    assert akta.completion is not None
    assert akta.completion.counted_from == "berkas-lengkap"


def test_the_older_site_s_reprint_time_holds_before_the_current_site_s() -> None:
    old = assert_standard(
        "61.01",
        "akta-kelahiran/cetak-ulang",
        dt.date(2020, 6, 30),
        "5 (lima) hari kerja sejak permohonan dan persyaratan diterima",
        dt.timedelta(days=5),
        "hari-kerja",
        source="OLD-AKTA-RH",
    )
    # The excerpt ends after "diterima": recorded as read, from receipt.
    assert old.completion is not None
    assert old.completion.counted_from == "permohonan-diterima"
    new = adminduk.service_standard("61.01", "akta-kelahiran/cetak-ulang", at=dt.date(2020, 7, 1))
    assert new is not None and new.completion is not None
    assert new.completion.at_most == dt.timedelta(days=14)


def test_the_older_pages_give_no_fee_so_the_national_rule_speaks() -> None:
    ktp = adminduk.service_standard("61.01", "ktp-el/baru", at=NOW)
    assert ktp is not None and ktp.fee is not None and ktp.fee.is_free
    assert ktp.fee.source == "UU-24-2013"


@pytest.mark.parametrize(
    ("service", "first_day"),
    [("skpwni/baru", dt.date(2020, 7, 1)), ("ktp-el/baru", dt.date(2019, 8, 20))],
)
def test_each_site_holds_from_its_inferred_day(service: str, first_day: dt.date) -> None:
    before = adminduk.service_standard("61.01", service, at=first_day - dt.timedelta(days=1))
    assert before is None or before.source.national
    on = adminduk.service_standard("61.01", service, at=first_day)
    assert on is not None and not on.source.national


def test_services_the_pages_do_not_name_are_left_to_the_national_rule() -> None:
    for service in ["ktp-el/cetak-ulang", "kk/baru", "akta-kematian/baru"]:
        found = adminduk.service_standard("61.01", service, at=NOW)
        assert found is None or found.source.national, service


def test_complaint_lines_of_the_skpwni_page() -> None:
    pindah = adminduk.service_standard("61.01", "skpwni/baru", at=NOW)
    assert pindah is not None
    assert [c.kind.value for c in pindah.complaints] == [
        "tatap-muka",
        "whatsapp",
        "kotak-saran",
        "tertulis",
        "situs",
    ]
    whatsapp = pindah.complaints[1]
    assert (whatsapp.address, whatsapp.published_as) == ("+6281254303355", "081254303355")


def test_the_current_site_s_own_list_for_a_reprinted_akta() -> None:
    at = dt.datetime(2024, 6, 3, 9, 0)
    codes = [
        r.code for r in adminduk.advise("61.01", "akta-kelahiran/cetak-ulang", at=at).requirements
    ]
    assert codes == [
        "kutipan-rusak-atau-laporan-kehilangan",
        "fotokopi-kutipan-akta-kelahiran",
        "fotokopi-kk-dan-ktp",
    ]


def test_the_office_keeps_the_catalogue_lists_and_its_zone() -> None:
    office = adminduk.get_office("61.01")
    assert office.timezone == "Asia/Pontianak"
    at = dt.datetime(2024, 6, 3, 9, 0)
    pindah = [r.code for r in adminduk.advise("61.01", "skpwni/baru", at=at).requirements]
    assert pindah == ["kk", "ktp-el"]


@pytest.mark.parametrize("detail", ["full", "short"])
def test_replies_state_time_fee_and_complaints_in_both_languages(detail: str) -> None:
    advice = adminduk.advise("61.01", "skpwni/baru", at=dt.datetime(2024, 6, 3, 9, 0))
    indonesian = advice.to_message("id", detail=detail)
    english = advice.to_message("en", detail=detail)
    assert "Selesai paling lama 3 hari kerja sejak berkas lengkap" in indonesian
    assert "Done at most 3 working days after the files are found complete" in english
    assert "Pengaduan: WA Konsultasi +6281254303355; situs web" in indonesian
    assert "Complaints: WhatsApp consultation line +6281254303355; website" in english
    assert "Gratis" in indonesian and "Free of charge" in english


def test_the_skpwni_is_taken_by_a_whatsapp_service_number_the_page_does_not_give() -> None:
    # NEW-PINDAH: "1. Pemohon mengirim berkas permohonan adminduk melalui Nomor WA Layanan dalam
    # bentuk file pdf"; the page's "WA Konsultasi : 081254303355" is a complaint line, not it.
    office = adminduk.get_office("61.01")
    quoted = dict(office.sources)["NEW-PINDAH"].note or ""
    assert "melalui Nomor WA Layanan dalam bentuk file pdf" in quoted
    (wa,) = [ch for ch in office.ordinary_policy.channels if ch.kind.value == "whatsapp"]
    assert wa.address is None and wa.link() is None and not wa.followable
    assert "+6281254303355" not in (wa.address or "")
    assert [fmt.value for fmt in wa.intake] == ["pdf"]
    assert wa.service_codes == frozenset({"skpwni/baru"})
    assert (wa.source, wa.valid_from) == ("NEW-PINDAH", dt.date(2020, 7, 1))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_today_the_reply_says_whatsapp_without_a_number_and_the_counter(lang: str) -> None:
    advice = adminduk.advise("61.01", "skpwni/baru", at=dt.datetime(2026, 12, 7, 10))
    text = advice.to_message(lang)
    assert [ch.kind.value for ch in advice.channels] == ["counter"]
    said = {
        "id": "Nomor WA Layanan Disdukcapil Kabupaten Sambas juga menerima keperluan ini, tetapi "
        "nomor/alamatnya tidak tercantum dalam sumber.",
        "en": "WhatsApp service number of the Disdukcapil of Kabupaten Sambas, but the sources "
        "do not give the number or address.",
    }[lang]
    assert said in text
    assert "wa.me" not in text
    before = adminduk.advise("61.01", "skpwni/baru", at=dt.datetime(2020, 6, 30, 10))
    assert "WA Layanan" not in before.to_message("id")
