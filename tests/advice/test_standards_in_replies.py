"""A reply for an office with a published standard states its time, where to complain, the fee."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adminduk
import adminduk.documents
from adminduk.offices import BUILTIN_OFFICES

# (office, a service its own standard covers, the completion time as the reply words it, and
# when the standard says the time starts, as the reply words it: only Kota Probolinggo's says)
CASES = [
    ("35.74", "akta-kematian/baru", "1 hari kerja", "1 working day"),
    ("64.74", "kk/perubahan", "3 hari kerja", "3 working days"),
    ("81.07", "kia/baru", "3 hari kerja", "3 working days"),
    ("64.02", "kk/baru", "2 jam kerja", "2 working hours"),
    ("33.15", "ktp-el/baru", "1 hari", "1 day"),
]
STATED_START = {"35.74": (" sejak berkas lengkap", " after the files are found complete")}
AT = dt.datetime(2024, 6, 3, 9, 0)  # a Monday


@pytest.mark.parametrize(("code", "service", "time_id", "time_en"), CASES)
def test_both_replies_state_time_complaints_and_fee(
    code: str, service: str, time_id: str, time_en: str
) -> None:
    advice = adminduk.advise(code, service, at=AT)
    indonesian, english = advice.to_message("id"), advice.to_message("en")
    start_id, start_en = STATED_START.get(code, ("", ""))
    assert f"Selesai paling lama {time_id}{start_id} (standar pelayanan: " in indonesian
    assert f"Done at most {time_en}{start_en} (service standard: " in english
    assert "Pengaduan: " in indonesian and "Complaints: " in english
    # Free of charge is said once, by the national fee rule every answer states.
    assert indonesian.count("Gratis: tidak dipungut biaya") == 1
    assert english.count("Free of charge: no fee may be asked") == 1
    assert advice.ready_by is not None and advice.ready_by > advice.at


def test_a_standard_that_gives_no_start_is_not_made_to_give_one() -> None:
    # Kota Bontang's KK gives no start: the reply does not say "since the files are complete" as
    # the standard's words; the day it runs out still assumes complete files, and says so.
    advice = adminduk.advise("64.74", "kk/perubahan", at=AT)
    reason = next(r for r in advice.reasons if r.rule_id == "standard-completion")
    head_id, _, tail_id = reason.text_id.partition("(standar pelayanan")
    assert "sejak" not in head_id and "bila berkas lengkap sekarang" in tail_id
    head_en, _, tail_en = reason.text_en.partition("(service standard")
    assert "after" not in head_en and "if the files are complete now" in tail_en


def test_a_time_counted_from_another_event_is_said_so_with_no_day() -> None:
    # Kota Probolinggo's marriage certificate: "1x 24 jam sejak dilaksanakan pencatatan
    # perkawinan". The reply once said "if the files are complete now, by <tomorrow>", and its
    # quote was cut just before the words that start the clock.
    advice = adminduk.advise("35.74", "akta-perkawinan/baru", at=AT)
    reason = next(r for r in advice.reasons if r.rule_id == "standard-completion")
    assert reason.text_id.startswith(
        "Selesai paling lama 24 jam sejak dilaksanakan pencatatan perkawinan (standar"
    )
    assert reason.text_en.startswith(
        "Done at most 24 hours from the registration of the marriage (service standard"
    )
    assert "berkas lengkap" not in reason.text_id and "complete now" not in reason.text_en
    assert advice.ready_by is None
    short = advice.to_message("id", detail="short")
    assert "Selesai paling lama 24 jam sejak dilaksanakan pencatatan perkawinan." in short


def test_ready_by_is_counted_in_the_office_calendar() -> None:
    # Kota Bontang KK, 3 working days from Wednesday 8 May 2024 10:00 (WITA): the holiday, the
    # cuti bersama and the weekend do not count.
    advice = adminduk.advise("64.74", "kk/perubahan", at=dt.datetime(2024, 5, 8, 10, 0))
    assert advice.ready_by is not None
    assert advice.ready_by.isoformat() == "2024-05-15T16:00:00+08:00"
    reason = next(r for r in advice.reasons if r.rule_id == "standard-completion")
    assert "15 Mei 2024" in reason.text_id and any("WEB-KK" in c for c in reason.cited)


def test_an_office_without_its_own_standard_says_nothing_new() -> None:
    advice = adminduk.advise("35.14", "kk/perubahan", at=dt.datetime(2020, 3, 24, 10))
    assert not [r for r in advice.reasons if r.rule_id.startswith("standard-")]


def test_a_complaint_line_the_national_rule_fills_in_cites_the_national_source() -> None:
    # Kota Bontang's KK standard names no complaint line: the reply's "Pengaduan: SP4N-LAPOR!"
    # is the national rule's, so it cites SP4N's source, not Bontang's page, which never names it.
    advice = adminduk.advise("64.74", "kk/perubahan", at=AT)
    complaints = next(r for r in advice.reasons if r.rule_id == "standard-complaints")
    assert complaints.text_id == "Pengaduan: SP4N-LAPOR! https://www.lapor.go.id."
    assert [c.key for c in complaints.citations] == ["OMBUDSMAN-SP4N"]
    assert complaints.cited[0].startswith("OMBUDSMAN-SP4N: SP4N-LAPOR!")
    # An office whose standard names its own lines still cites its standard for them.
    own = adminduk.advise("61.01", "skpwni/baru", at=AT)
    complaints = next(r for r in own.reasons if r.rule_id == "standard-complaints")
    assert [c.key for c in complaints.citations] == [complaints.source]
    assert "SP4N-LAPOR! (Sistem" not in own.to_message("id")


def test_only_a_standard_s_own_date_dates_an_answer() -> None:
    # Kota Bontang's KK page is undated: the day its standard is taken to hold from (1 July 2020)
    # is an inference ([I] in its file), so no reply calls it the day the information was "last
    # confirmed", nor prints it as the standard's date. Nor is the answer dated by the newest
    # source of the file that it does not rest on (its 2014 SPP, which it once said "confirmed"
    # a 2026 answer). Grobogan's page is dated 8 November 2022, and says so.
    late = dt.datetime(2026, 12, 7, 10, 0)
    undated = adminduk.advise("64.74", "kk/perubahan", at=late)
    assert undated.confirmed_on is None and undated.stale
    assert "tidak bersandar pada sumber bertanggal" in undated.to_message("id")
    assert "2014" not in undated.to_message("id", detail="short")
    # Nor by the article of a measure that has ended: Tulungagung's 2020 circular said what held
    # then, and its date once stood over the ordinary counter of 2026.
    ended = adminduk.advise("35.04", "kk/baru", at=late)
    assert ended.confirmed_on is None
    assert "20 Maret 2020 dan mungkin" not in ended.to_message("id")
    assert "Aturan kantor tanpa sumber bertanggal" in ended.to_message("id", detail="short")
    reason = next(r for r in undated.reasons if r.rule_id == "standard-completion")
    assert [c.published for c in reason.citations] == [None]
    assert "1 Juli 2020" not in undated.to_message("id")
    belu = adminduk.advise("53.04", "kk/baru", at=late)  # no dated source at all
    assert belu.confirmed_on is None
    assert "tidak bersandar pada sumber bertanggal" in belu.to_message("id")
    dated = adminduk.advise("33.15", "ktp-el/baru", at=late)
    assert dated.confirmed_on == dt.date(2022, 11, 8)
    assert "terakhir dikonfirmasi 8 November 2022" in dated.to_message("id")
    # Its akta kematian rests on nothing Grobogan published: the KTP-el page's date is not stamped
    # on it.
    other = adminduk.advise("33.15", "akta-kematian/baru", at=late)
    assert other.confirmed_on is None
    assert "8 November 2022" not in other.to_message("id")


def test_sp4n_lapor_named_without_its_address_gets_the_national_one() -> None:
    # Belu's SIPPN entries say "aplikasi LAPOR!" and show no address; a reader is told where it
    # is from the national rule, whose source is cited beside the office's standard.
    advice = adminduk.advise("53.04", "kk/baru", at=dt.datetime(2024, 6, 3, 9, 0))
    complaints = next(r for r in advice.reasons if r.rule_id == "standard-complaints")
    assert complaints.text_id == "Pengaduan: aplikasi LAPOR! https://www.lapor.go.id."
    assert complaints.text_en == "Complaints: the LAPOR! app https://www.lapor.go.id."
    keys = [c.key for c in complaints.citations]
    assert keys[0] != "OMBUDSMAN-SP4N" and keys[1:] == ["OMBUDSMAN-SP4N"]
    # The office's file keeps what the entry shows: no address.
    standard = adminduk.service_standard("53.04", "kk/baru", at=dt.date(2024, 6, 3))
    assert standard is not None and standard.complaints[0].address is None


def test_a_fee_of_the_standards_own_is_a_reason_in_both_languages() -> None:
    # No built-in standard names a cost (the law forbids one); a file that did would be heard.
    from tests.builders import office

    paid = {
        "id": "sp",
        "title_id": "Standar Pelayanan (fiktif)",
        "valid_from": "2020-01-01",
        "source": "S",
        "fee": {"amount_idr": 15000, "text_id": "Rp. 15.000,-", "basis": "Perda Uji 1/2019"},
        "services": [
            {
                "services": ["kk/*"],
                "completion": {"text_id": "3 Hari", "amount": 3, "unit": "hari"},
                "source": "S",
            }
        ],
    }
    advice = adminduk.advise(office(standards=[paid]), "kk/baru", at=AT)
    (fee,) = [r for r in advice.reasons if r.rule_id == "standard-fee"]
    assert "Rp15.000 (Perda Uji 1/2019)" in fee.text_id
    assert "Rp15.000 (Perda Uji 1/2019)" in fee.text_en


@pytest.mark.parametrize(
    ("code", "service", "english"),
    [
        ("64.02", "kk/baru", "SMS/WhatsApp (chat only) +628115811814"),
        ("64.02", "kk/baru", "Facebook/Instagram/TikTok: Gisa Kutai Kartanegara"),
        ("32.04", "kia/baru", "Instagram disdukcasipbandung, Twitter @disdukcasipbdg"),
        ("35.74", "akta-kematian/baru", "Radio Suara Kota"),
    ],
)
def test_an_english_reply_keeps_what_a_complaint_line_names(
    code: str, service: str, english: str
) -> None:
    # It once gave the kind's bare name ("social media", "radio", "WhatsApp"): the handle, the
    # station and the "chat only" were in the Indonesian reply alone.
    assert english in adminduk.advise(code, service, at=AT).to_message("en")


_BUILT_IN = sorted(BUILTIN_OFFICES)


@pytest.mark.parametrize("code", _BUILT_IN)
def test_a_short_reply_names_first_a_complaint_line_reached_from_home(code: str) -> None:
    # A chat shows two complaint lines: the suggestion box and "in person" once filled them
    # while the office's phone and WhatsApp were cut (Way Kanan, Kota Probolinggo, Aru).
    at = dt.datetime(2026, 12, 7, 10, 0)
    for entry in adminduk.catalogue():
        standard = adminduk.service_standard(code, entry.service, at=at.date())
        if standard is None or standard.source.national:
            continue
        remote = [
            c
            for c in standard.complaints
            if c.address and c.kind.value not in ("tatap-muka", "kotak-saran", "tertulis")
        ]
        short = adminduk.advise(code, entry.service, at=at).to_message("id", detail="short")
        line = next((x for x in short.splitlines() if x.startswith("Pengaduan: ")), None)
        if remote and line is not None:
            first = line.removeprefix("Pengaduan: ").rstrip(".").split("; ")[0]
            assert any(first == c.text("id") for c in remote), (entry.code, line)


@pytest.mark.parametrize("code", _BUILT_IN)
def test_every_complaints_line_gives_one_way_to_complain_from_home(code: str) -> None:
    # Kudus's SKPWNI standard names a box, "social media" and "the website", none with an
    # address: the reply now gives the national SP4N-LAPOR! first, cited to its source.
    at = dt.datetime(2026, 12, 7, 10, 0)
    for entry in adminduk.catalogue():
        advice = adminduk.advise(code, entry.service, at=at)
        complaints = [r for r in advice.reasons if r.rule_id == "standard-complaints"]
        for reason in complaints:
            assert any(mark in reason.text_id for mark in ("http", "@", "(0", "+62", "08")), (
                entry.code,
                reason.text_id,
            )


def test_kudus_skpwni_complaints_begin_with_sp4n_lapor() -> None:
    advice = adminduk.advise("33.19", "skpwni/baru", at=dt.datetime(2026, 12, 7, 10, 0))
    (reason,) = [r for r in advice.reasons if r.rule_id == "standard-complaints"]
    assert reason.text_id.startswith("Pengaduan: SP4N-LAPOR! https://www.lapor.go.id; ")
    assert any("SP4N-LAPOR!" in cited for cited in reason.cited)


@pytest.mark.parametrize(
    ("code", "service", "title"),
    [
        ("32.04", "kia/baru", "Standar pelayanan Disdukcapil Kabupaten Bandung"),
        (
            "64.02",
            "kk/baru",
            "Standar Pelayanan 2022 Disdukcapil Kutai Kartanegara (layanan luring)",
        ),
    ],
)
def test_a_standard_read_in_a_copy_is_cited_as_one_in_both_languages(
    code: str, service: str, title: str
) -> None:
    # Only Bandung's said so, in its title; Kutai Kartanegara's Scribd copies read as its own.
    advice = adminduk.advise(code, service, at=AT)
    assert f"{title} (salinan pihak ketiga)" in advice.to_message("id")
    assert f"{title} (third-party copy)" in advice.to_message("en")
    # An office's own page is not.
    own = adminduk.advise("35.74", "akta-kematian/baru", at=AT)
    assert "pihak ketiga" not in own.to_message("id")


def test_a_start_the_file_gives_only_in_indonesian_is_quoted_in_english() -> None:
    from adminduk.advice._standard import _stated_start
    from adminduk.offices._standards import Completion

    c = Completion(
        text_id="1x 24 jam sejak akad", amount=24, unit="jam", counted_from_id="sejak akad"
    )
    assert _stated_start(c, "id") == "sejak akad"
    assert _stated_start(c, "en") == 'from the event the service standard names ("sejak akad")'


@pytest.mark.parametrize(
    ("code", "service", "at", "ready"),
    [
        # Belu: "2 Hari" from Thursday 2 May 2024, 10:00 WITA runs out on Saturday 4 May: the
        # document is collected when the office opens again, on Monday.
        ("53.04", "kk/baru", dt.datetime(2024, 5, 2, 10), dt.date(2024, 5, 6)),
        # Grobogan: "1 (satu) Hari (LURING)" from Friday 31 December 2027 runs out on New Year's
        # Day, a holiday: Monday 3 January 2028.
        ("33.15", "ktp-el/baru", dt.datetime(2027, 12, 31, 13, 30), dt.date(2028, 1, 3)),
    ],
)
def test_a_time_in_plain_days_that_runs_out_while_closed_gives_the_next_opening(
    code: str, service: str, at: dt.datetime, ready: dt.date
) -> None:
    advice = adminduk.advise(code, service, at=at)
    assert advice.ready_by is not None
    assert advice.ready_by.date() == ready
    assert adminduk.get_office(code).calendar().is_open(advice.ready_by)


_STANDARD_OFFICES = sorted(code for code in BUILTIN_OFFICES if adminduk.get_office(code).standards)


@settings(max_examples=60, deadline=None)
@given(
    code=st.sampled_from(_STANDARD_OFFICES),
    service=st.sampled_from([entry.code for entry in adminduk.documents.catalogue()]),
    at=st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2027, 12, 31)),
)
def test_a_ready_by_day_is_always_one_the_office_is_open(
    code: str, service: str, at: dt.datetime
) -> None:
    # Whatever unit a standard counts in, the day a reply names for the pick-up is one the
    # office opens: the instant itself is open, or it is the close of an opening.
    advice = adminduk.advise(code, service, at=at)
    if advice.ready_by is None:
        return
    calendar = adminduk.get_office(code).calendar()
    just_before = advice.ready_by - dt.timedelta(microseconds=1)
    assert calendar.is_open(advice.ready_by) or calendar.is_open(just_before)
