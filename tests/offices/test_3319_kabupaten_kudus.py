"""Kabupaten Kudus (33.19, WIB): the per-service standards read on disdukcapilkudus.com.

Four completion times (akta kelahiran, akta kematian, KK, SKPWNI), all "1 x 24 jam"; the site's
domain could not be verified as the office's, so the standard is marked as read in a copy.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)
AFTER_COMPLETE = "Maksimal Maksimal 1 x 24 jam setelah persyaratan dinyatakan lengkap"


def test_four_completion_times() -> None:
    lahir = assert_standard(
        "33.19",
        "akta-kelahiran/baru",
        NOW,
        "Maksimal 1x 24 jam",
        dt.timedelta(hours=24),
        "jam",
        source="WEB-LAHIR",
    )
    assert lahir.completion is not None and lahir.completion.counted_from is None
    for service, source in [
        ("akta-kematian/baru", "WEB-MATI"),
        ("kk/perubahan", "WEB-KK"),
        ("skpwni/baru", "WEB-PINDAH"),
    ]:
        found = assert_standard(
            "33.19",
            service,
            NOW,
            AFTER_COMPLETE,
            dt.timedelta(hours=24),
            "jam",
            source=source,
        )
        assert found.completion is not None
        assert found.completion.counted_from == "berkas-lengkap"
        assert found.fee is not None and found.fee.is_free and found.fee.text_id == "Gratis"


def test_a_kk_reprint_is_left_to_the_national_rule() -> None:
    reprint = adminduk.service_standard("33.19", "kk/cetak-ulang", at=NOW)
    assert reprint is None or reprint.source.national


def test_the_standard_is_marked_a_copy_and_holds_from_perpres_96_2018() -> None:
    doc = adminduk.get_office("33.19").standards[0]
    assert doc.third_party_copy and doc.valid_from == dt.date(2018, 10, 16)
    before = adminduk.service_standard("33.19", "skpwni/baru", at=dt.date(2018, 10, 15))
    assert before is None or before.source.national


def test_complaint_lines_without_a_number_are_not_offered() -> None:
    pindah = adminduk.service_standard("33.19", "skpwni/baru", at=NOW)
    assert pindah is not None and pindah.source.national_parts == ()
    assert [c.kind.value for c in pindah.complaints] == ["kotak-saran", "media-sosial", "situs"]


def test_the_office_s_own_lists() -> None:
    at = dt.datetime(2024, 6, 3, 9, 0)
    lahir = [r.code for r in adminduk.advise("33.19", "akta-kelahiran/baru", at=at).requirements]
    assert "ktp-el-orang-tua" not in lahir and "kk" in lahir
    mati = [r.code for r in adminduk.advise("33.19", "akta-kematian/baru", at=at).requirements]
    assert mati[-1] == "ktp-el-ahli-waris"


@pytest.mark.parametrize("detail", ["full", "short"])
def test_replies_state_time_fee_and_complaints_in_both_languages(detail: str) -> None:
    advice = adminduk.advise("33.19", "skpwni/baru", at=dt.datetime(2024, 6, 3, 9, 0))
    indonesian = advice.to_message("id", detail=detail)
    english = advice.to_message("en", detail=detail)
    assert "Selesai paling lama 24 jam sejak berkas lengkap" in indonesian
    assert "Done at most 24 hours after the files are found complete" in english
    # The standard's own lines have no address: the national SP4N-LAPOR! comes first.
    assert "Pengaduan: SP4N-LAPOR! https://www.lapor.go.id; kotak pengaduan" in indonesian
    assert "Complaints: SP4N-LAPOR! https://www.lapor.go.id; complaints box" in english
    assert "Gratis" in indonesian and "Free of charge" in english
