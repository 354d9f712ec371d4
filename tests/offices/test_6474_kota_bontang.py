"""Kota Bontang (64.74, WITA): the service standards on its own website, as quoted."""

from __future__ import annotations

import datetime as dt

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)


def test_three_completion_times() -> None:
    kk = assert_standard(
        "64.74",
        "kk/perubahan",
        NOW,
        "Jangka Waktu : 1 - 3 hari Kerja",
        dt.timedelta(days=3),
        "hari-kerja",
        source="WEB-KK",
    )
    assert kk.fee is not None and kk.fee.is_free and kk.fee.text_id.startswith("Gratis")
    assert_standard(
        "64.74",
        "akta-kelahiran/baru",
        NOW,
        "Lama waktu penyelesaian :1 -  5 (Lima) hari kerja",
        dt.timedelta(days=5),
        "hari-kerja",
        source="WEB-LAHIR",
    )
    mati = assert_standard(
        "64.74",
        "akta-kematian/baru",
        NOW,
        "1  - 5  ( lima ) hari kerja",
        dt.timedelta(days=5),
        "hari-kerja",
        source="WEB-MATI",
    )
    assert len(mati.procedure) == 7


def test_no_complaint_line_was_read_so_the_national_one_answers() -> None:
    found = adminduk.service_standard("64.74", "kk/baru", at=NOW)
    assert found is not None and found.source.national_parts == ("complaints",)
    assert [c.kind.value for c in found.complaints] == ["sp4n-lapor"]


def test_the_kk_page_holds_from_the_electronic_kk_only() -> None:
    before = adminduk.service_standard("64.74", "kk/baru", at=dt.date(2019, 1, 2))
    assert before is not None and before.source.national
    assert adminduk.get_office("64.74").timezone == "Asia/Makassar"
