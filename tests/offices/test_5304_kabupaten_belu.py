"""Kabupaten Belu (53.04, WITA): its two entries on SIPPN under SK DKPS.470/83.a/V/2024.

Four completion times from two entries: the KK entry's "2 Hari dari pemasukan sampai pengambilan
dokumen" for a new KK, a KK after a change of data and a reprint (its three WNI headings), and
the death certificate's "2 hari dari dimasukan berkas sampai dokumen diterbitkan". Both count
elapsed days from when the application is handed in.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)
KK_TIME = "2 Hari dari pemasukan sampai pengambilan dokumen"
DEATH_TIME = "2 hari dari dimasukan berkas sampai dokumen diterbitkan"


@pytest.mark.parametrize(
    ("service", "quoted", "source", "counted_from_id"),
    [
        ("kk/baru", KK_TIME, "SIPPN-KK", "dari pemasukan sampai pengambilan dokumen"),
        ("kk/perubahan", KK_TIME, "SIPPN-KK", "dari pemasukan sampai pengambilan dokumen"),
        ("kk/cetak-ulang", KK_TIME, "SIPPN-KK", "dari pemasukan sampai pengambilan dokumen"),
        (
            "akta-kematian/baru",
            DEATH_TIME,
            "SIPPN-MATI",
            "dari dimasukan berkas sampai dokumen diterbitkan",
        ),
    ],
)
def test_four_completion_times(
    service: str, quoted: str, source: str, counted_from_id: str
) -> None:
    found = assert_standard(
        "53.04", service, NOW, quoted, dt.timedelta(days=2), "hari", source=source
    )
    assert found.completion is not None
    assert found.completion.counted_from == "permohonan-diterima"
    assert found.completion.counted_from_id == counted_from_id
    assert found.fee is not None and found.fee.is_free
    assert found.fee.text_id == "Tidak dipungut biaya"
    assert found.source.number == "DKPS.470/83.a/V/2024"
    assert found.source.url is not None and found.source.url.startswith(
        "https://sippn.menpan.go.id/pelayanan-publik/"
    )
    assert not found.source.third_party_copy  # the government's own entry on the portal


def test_the_standard_holds_from_may_2024_as_its_number_reads() -> None:
    doc = adminduk.get_office("53.04").standards[0]
    assert doc.number == "DKPS.470/83.a/V/2024" and doc.issued is None
    assert doc.valid_from == dt.date(2024, 5, 1) and doc.valid_until is None
    assert doc.notes_on_dates is not None and doc.notes_on_dates.startswith("[I]")
    before = adminduk.service_standard("53.04", "kk/baru", at=dt.date(2024, 4, 30))
    assert before is None or before.source.national


def test_services_the_entries_do_not_cover_are_left_to_the_national_rule() -> None:
    for service in ["ktp-el/baru", "akta-kelahiran/baru", "kia/baru"]:
        found = adminduk.service_standard("53.04", service, at=NOW)
        assert found is None or found.source.national, service


def test_the_complaint_handling_steps_are_not_complaint_lines() -> None:
    found = adminduk.service_standard("53.04", "akta-kematian/baru", at=NOW)
    assert found is not None
    assert [(c.kind.value, c.address) for c in found.complaints] == [("sp4n-lapor", None)]
    note = adminduk.get_office("53.04").source_info("SIPPN-KK")
    assert note is not None and note.note is not None
    assert "1. Cek di tempat 2. Koordinasi Internal 3. Koordinasi Eksternal" in note.note


def test_address_and_hours_stay_unknown_with_their_reason() -> None:
    office = adminduk.get_office("53.04")
    assert office.address is None and office.hours is None
    assert office.timezone == "Asia/Makassar"
    assert office.address_unknown_reason_id == (
        "situs kantor tidak ditemukan, dan entri SIPPN-nya tidak menyebut alamat kantor"
    )


def test_the_office_s_own_lists() -> None:
    at = dt.datetime(2024, 6, 3, 9, 0)

    def codes(service: str) -> list[str]:
        return [r.code for r in adminduk.advise("53.04", service, at=at).requirements]

    kk_baru = codes("kk/baru")
    assert kk_baru[-1] == "formulir-permohonan-kk"
    assert "surat-pengganti-identitas" not in kk_baru and "skdln" in kk_baru
    assert codes("kk/perubahan") == ["kk-lama", "bukti-perubahan", "formulir-permohonan-kk"]
    assert codes("kk/cetak-ulang") == [
        "surat-kehilangan-atau-kk-rusak",
        "ktp-el",
        "formulir-permohonan-kk",
    ]
    assert codes("akta-kematian/baru") == [
        "surat-keterangan-kematian-desa",
        "kk-almarhum-atau-surat-domisili",
        "formulir-laporan-kematian",
        "surat-keterangan-kepolisian",
        "penetapan-pengadilan-orang-hilang",
        "surat-pernyataan-maskapai",
        "surat-kematian-perwakilan-ri",
    ]


def test_ready_by_counts_two_elapsed_days_from_now() -> None:
    # Monday 3 June 2024, 09:00 WITA: two days on is Wednesday 5 June, 09:00.
    advice = adminduk.advise("53.04", "kk/baru", at=dt.datetime(2024, 6, 3, 9, 0))
    assert advice.ready_by is not None
    assert advice.ready_by.isoformat() == "2024-06-05T09:00:00+08:00"


@pytest.mark.parametrize("detail", ["full", "short"])
@pytest.mark.parametrize("service", ["kk/cetak-ulang", "akta-kematian/baru"])
def test_replies_state_time_fee_and_complaints_in_both_languages(
    detail: str, service: str
) -> None:
    advice = adminduk.advise("53.04", service, at=dt.datetime(2024, 6, 3, 9, 0))
    indonesian = advice.to_message("id", detail=detail)
    english = advice.to_message("en", detail=detail)
    assert "Selesai paling lama 2 hari sejak permohonan diterima" in indonesian
    assert "Done at most 2 days after the application is received" in english
    assert "Pengaduan: aplikasi LAPOR!" in indonesian and "Complaints: the LAPOR! app" in english
    assert "Gratis" in indonesian and "Free of charge" in english
