"""Kabupaten Kutai Kartanegara (64.02, WITA): its 2022 counter and 2021 online standards.

Both were read only in third-party copies, first page each: two completion times, fewer than
the three the issue asks for.
"""

from __future__ import annotations

import datetime as dt

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)


def test_counter_and_online_standards() -> None:
    counter = assert_standard(
        "64.02",
        "kk/baru",
        NOW,
        "2 (dua) Jam kerja **",
        dt.timedelta(hours=2),
        "jam-kerja",
        channel="luring",
        source="SP-LURING-2022",
    )
    assert counter.channel == "luring" and counter.source.third_party_copy
    online = assert_standard(
        "64.02",
        "skpwni/baru",
        NOW,
        "Masimal 2 (dua) hari kerja **",
        dt.timedelta(days=2),
        "hari-kerja",
        channel="daring",
        source="SP-ONLINE-2021",
    )
    assert online.channel == "daring"
    assert [c.address for c in online.complaints if c.kind.value == "whatsapp"] == [
        "+628115811814"
    ]


def test_before_2022_the_counter_standard_does_not_hold() -> None:
    found = adminduk.service_standard("64.02", "kk/baru", at=dt.date(2021, 6, 1))
    assert found is not None and found.source.national


def test_the_online_standard_s_website_is_a_channel_for_skpwni_from_2021() -> None:
    # SP-ONLINE-2021: "1. Pemohon mengakses layanan online pada website Disdukcapil Kutai
    # Kartanegara; 2. Pemohon melakukan registrasi dan mengupload dokumen persyaratan ...";
    # its complaint lines: "website: https://disdukcapil.kutaikartanegarakab.go.id" [I: the
    # website the procedure names]. From 1 January 2021 [I], the standard's own first day.
    office = adminduk.get_office("64.02")
    sources = dict(office.sources)
    quoted = sources["SP-ONLINE-2021"].note or ""
    assert "Pemohon mengakses layanan online pada website Disdukcapil Kutai Kartanegara" in quoted
    assert "website: https://disdukcapil.kutaikartanegarakab.go.id" in quoted
    (app,) = [ch for ch in office.ordinary_policy.channels if ch.kind.value == "app"]
    assert app.address == "https://disdukcapil.kutaikartanegarakab.go.id"
    assert app.service_codes == frozenset({"skpwni/baru"})
    assert (app.source, app.valid_from, app.valid_until) == (
        "SP-ONLINE-2021",
        dt.date(2021, 1, 1),
        None,
    )
    assert app.valid_from == next(
        s.valid_from for s in office.standards if s.id == "sp-online-2021"
    )
    # The counter stays adminduk's default: the counter standard was read on its first page only.
    counter = office.ordinary_policy.counter
    assert counter is not None and counter.services == ("*",)


def test_a_reply_gives_the_website_its_time_and_complaint_lines_from_2021_on() -> None:
    today = adminduk.advise("64.02", "skpwni/baru", at=dt.datetime(2026, 12, 7, 10))
    text = today.to_message("id")
    assert today.outcome.value == "online"
    assert "https://disdukcapil.kutaikartanegarakab.go.id" in text
    assert '"Masimal 2 (dua) hari kerja **"' in text
    assert "Pengaduan: surel disdukcapilkukar.2017@gmail.com" in text
    assert "datang ke loket" not in text
    before = adminduk.advise("64.02", "skpwni/baru", at=dt.datetime(2020, 12, 31, 10))
    assert [ch.kind.value for ch in before.channels] == ["counter"]
    assert "kutaikartanegarakab.go.id" not in before.to_message("id")
    assert "kutaikartanegarakab.go.id" not in before.to_message("en")
