"""Kota Bontang (64.74, WITA): the service standards on its own website, as quoted."""

from __future__ import annotations

import datetime as dt

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)
BEFORE_TTE = dt.date(2019, 6, 3)  # before certificates were signed electronically (1 July 2020)


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
        BEFORE_TTE,
        "Lama waktu penyelesaian :1 -  5 (Lima) hari kerja",
        dt.timedelta(days=5),
        "hari-kerja",
        source="WEB-LAHIR",
    )
    mati = assert_standard(
        "64.74",
        "akta-kematian/baru",
        BEFORE_TTE,
        "1  - 5  ( lima ) hari kerja",
        dt.timedelta(days=5),
        "hari-kerja",
        source="WEB-MATI",
    )
    assert len(mati.procedure) == 7


def test_the_older_site_s_hand_signed_certificates_end_with_the_electronic_signature() -> None:
    # The older site's akta kelahiran and akta kematian are signed by the head of the office in
    # the register and on the kutipan, with no electronic signature: [I] they held at the latest
    # until 30 June 2020, as Kabupaten Bandung's hand-signed standards (32.04) do. From 1 July
    # 2020 no time of the office's own is known for them, and the national rule answers.
    old = next(doc for doc in adminduk.get_office("64.74").standards if doc.valid_until)
    assert old.id == "situs-lama-pencatatan-sipil"
    assert old.valid_until == dt.date(2020, 6, 30)
    assert old.notes_on_dates is not None and "[I]" in old.notes_on_dates
    for service in ("akta-kelahiran/baru", "akta-kematian/baru"):
        last = adminduk.service_standard("64.74", service, at=dt.date(2020, 6, 30))
        assert last is not None and last.completion is not None, service
        for day in (dt.date(2020, 7, 1), NOW, dt.date(2026, 12, 7)):
            later = adminduk.service_standard("64.74", service, at=day)
            assert later is not None and later.source.national and later.completion is None


def test_today_s_replies_give_no_2014_time_for_the_certificates() -> None:
    today = dt.datetime(2026, 12, 7, 10, 0)
    for service in ("akta-kelahiran/baru", "akta-kematian/baru"):
        advice = adminduk.advise("64.74", service, at=today)
        assert advice.ready_by is None
        for lang in ("id", "en"):
            message = advice.to_message(lang)
            assert "5 (Lima)" not in message and "( lima )" not in message
            assert "situs lama" not in message
    before = adminduk.advise("64.74", "akta-kematian/baru", at=dt.datetime(2018, 3, 1, 10, 0))
    assert "Selesai paling lama 5 hari kerja" in before.to_message("id")
    assert "Done at most 5 working days" in before.to_message("en")


def test_no_complaint_line_was_read_so_the_national_one_answers() -> None:
    found = adminduk.service_standard("64.74", "kk/baru", at=NOW)
    assert found is not None and found.source.national_parts == ("complaints",)
    assert [c.kind.value for c in found.complaints] == ["sp4n-lapor"]


def test_the_kk_page_holds_from_the_electronic_kk_only() -> None:
    before = adminduk.service_standard("64.74", "kk/baru", at=dt.date(2019, 1, 2))
    assert before is not None and before.source.national
    assert adminduk.get_office("64.74").timezone == "Asia/Makassar"
