"""How an answer is dated: "terakhir dikonfirmasi …", "Info per …" and the sources listed.

Only a source the answer's own rules rest on dates an answer: one published by the day asked,
or a later report of a dated policy begun by then (never for the ordinary rules, which have no
start a later source could report); a
national instruction the answer rests on dates the short reply where nothing of the office's
does; a baseline office cites the national working hours of the day asked. Each example is
pinned to the offices' data (the sources' publication dates are quoted beside them).
"""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import advise, get_office
from adminduk.advice import Advice

UNDATED_ID = (
    "Perhatian: aturan kantor ini tidak bersandar pada sumber bertanggal; pastikan ke kantor."
)
UNDATED_SHORT_ID = "Aturan kantor tanpa sumber bertanggal; pastikan ke kantor."
UNDATED_SHORT_EN = "No dated source for the office's rules; check with the office."


def short(advice: Advice, lang: str = "id") -> list[str]:
    return advice.to_message(lang, detail="short").splitlines()


def sources_line(advice: Advice, lang: str = "id") -> str:
    return advice.to_message(lang).splitlines()[-1]


# ------------------------------------------------- A: a source published after the day asked
def test_a_later_report_dates_a_dated_policy_begun_by_the_day_asked():
    # 35.14's only dated source, A1 (Jawa Pos Radar Bromo), came out on 24 March 2020 and reports
    # the WhatsApp policy that runs from 18 March: on the 20th it confirms the policy too.
    early = advise("35.14", "kk/perubahan", at=dt.datetime(2020, 3, 20, 10))
    assert early.policy_id == "covid-19-layanan-whatsapp"
    assert early.confirmed_on == dt.date(2020, 3, 24) and not early.stale
    assert UNDATED_ID not in early.to_message("id").splitlines()
    on_the_day = advise("35.14", "kk/perubahan", at=dt.datetime(2020, 3, 24, 10))
    assert on_the_day.confirmed_on == dt.date(2020, 3, 24) and not on_the_day.stale


def test_the_example_plugin_is_dated_by_its_decree_only_from_the_decree_on():
    # The example's SK is dated 2 January 2020: the day before, nothing dates its answers; after
    # it, the SK does, and past the review period the reply says how old it is.
    before = advise("99.01", "kk/perubahan", at=dt.datetime(2019, 12, 2, 10))
    assert before.confirmed_on is None and UNDATED_SHORT_ID in short(before)
    later = advise("99.01", "kk/perubahan", at=dt.datetime(2024, 6, 3, 10))
    assert later.confirmed_on == dt.date(2020, 1, 2) and later.stale
    assert "Info per 2 Januari 2020; pastikan ke kantor." in short(later)
    assert "Information as of 2 January 2020; check with the office." in short(later, "en")


def test_the_example_plugin_gives_no_source_a_date_to_come():
    # A template's date is copied by every plugin author: it must be a day that has been.
    sources = get_office("99.01").sources
    assert all(s.published is None or s.published <= dt.date.today() for s in sources.values())


_OFFICES = ("35.04", "35.13", "35.14", "52.06", "52.71", "33.15", "99.01", "35.78")


@given(
    office=st.sampled_from(_OFFICES),
    day=st.dates(dt.date(2019, 12, 1), dt.date(2026, 12, 31)),
    service=st.sampled_from(("kk/perubahan", "ktp-el/baru", "akta-kelahiran/baru")),
)
def test_only_a_report_of_a_policy_begun_dates_an_answer_after_its_day(office, day, service):
    advice = advise(office, service, at=dt.datetime.combine(day, dt.time(10)))
    if advice.confirmed_on is not None and advice.confirmed_on > day:
        # Only a report of a dated policy begun by the day asked comes later.
        policy = next(p for p in get_office(office).policies if p.id == advice.policy_id)
        assert policy.valid_from is not None and policy.valid_from <= day
    # "Info per <date>" never names a day after the one asked about.
    for line in short(advice):
        if line.startswith("Info per "):
            assert advice.stale


# ------------------------------------------------ B: a lapsed policy's source dates nothing
def test_a_lapsed_policy_does_not_date_the_ordinary_answer_it_gave_way_to():
    # Bima's WhatsApp policy (A4, 4 May 2020) said the counter was closed; by 24 December 2020
    # no source had confirmed it for too long, so the ordinary rules (adminduk's default: the
    # counter serves everyone) answer. A4 says nothing of that counter: it dates nothing.
    advice = advise("52.06", "kk/perubahan", at=dt.datetime(2020, 12, 24, 10))
    assert "policy-lapsed" in {r.rule_id for r in advice.reasons}
    assert advice.confirmed_on is None and advice.stale
    assert UNDATED_SHORT_ID in short(advice)
    assert "4 Mei 2020" not in advice.to_message("id", detail="short")
    full = advice.to_message("id")
    assert UNDATED_ID in full.splitlines()
    # The lapsed policy's own line still says when it was last confirmed.
    assert "terakhir dikonfirmasi 4 Mei 2020" in full


# ------------------------------------------ C: the national instruction dates the short reply
@pytest.mark.parametrize("office", ["11.01", "35.78", "91.71", "81.07", "64.02"])
def test_a_short_reply_resting_on_the_national_instruction_says_its_date(office):
    # The instruction of 16 March 2020 was last confirmed on 8 April 2020 (KOMPAS1) and is
    # taken to still apply on 15 July 2020; nothing of these offices' own is dated.
    advice = advise(office, "kk/perubahan", at=dt.datetime(2020, 7, 15, 10))
    assert advice.confirmed_on is None
    assert advice.measure_confirmed_on == dt.date(2020, 4, 8)
    assert "Info per 8 April 2020; pastikan ke kantor." in short(advice)
    assert "Information as of 8 April 2020; check with the office." in short(advice, "en")
    full = advice.to_message("id")
    assert "terakhir dikonfirmasi 8 April 2020 dan dianggap masih berlaku" in full
    assert "last confirmed on 8 April 2020" in advice.to_message("en")


def test_a_long_full_reply_keeps_the_date_its_short_reply_gives():
    # Over the full reply's limit, the national measure's line is the one that dates the
    # answer: the other spared lines and the sources beyond the first give way before it, and
    # it goes only where the reply would not fit even then (this English one).
    advice = advise("35.14", "akta-kelahiran/baru", at=dt.datetime(2020, 8, 6, 19, 45))
    assert "Info per 8 April 2020; pastikan ke kantor." in short(advice)
    assert "terakhir dikonfirmasi 8 April 2020" in advice.to_message("id")
    assert len(advice.to_message("en")) <= 2000


def test_an_answer_resting_on_no_national_instruction_keeps_the_undated_line():
    # After the instruction's horizon (120 days after 8 April 2020) it is no longer the answer.
    advice = advise("35.78", "kk/perubahan", at=dt.datetime(2020, 8, 10, 10))
    assert advice.measure_confirmed_on is None
    assert UNDATED_SHORT_ID in short(advice)


# ------------------------------------------------------ D: a baseline office's sources by day
@pytest.mark.parametrize("office", ["11.01", "35.78", "91.71"])
def test_a_baseline_office_cites_the_working_hours_regulation_of_the_day(office):
    # Perpres 21/2023 holds from 12 April 2023; Keppres 68/1995 until the day before.
    july_2020 = advise(office, "kk/perubahan", at=dt.datetime(2020, 7, 15, 10))
    july_2024 = advise(office, "kk/perubahan", at=dt.datetime(2024, 7, 15, 10))
    for lang in ("id", "en"):
        before = sources_line(july_2020, lang)
        assert "Perpres 21/2023" not in before
        assert "Keppres 68/1995 Pasal 1(2)" in before
        after = sources_line(july_2024, lang)
        assert "Perpres 21/2023" in after
        assert "Keppres 68/1995" not in after
