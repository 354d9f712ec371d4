"""Example tests pinned to the sources' facts, the documented conventions, and bad input."""

from __future__ import annotations

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest

import adminduk
from adminduk.errors import ConfigError, OutOfRange
from adminduk.schedule import (
    CalendarSpec,
    CaveatKind,
    ClosureKind,
    OfficeCalendar,
    cuti_bersama_horizon,
    national_days,
    national_default_periods,
)

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
H = dt.timedelta(hours=1)
US = dt.timedelta(microseconds=1)

# Kabupaten Probolinggo, seeds/000_1ad220c1c85a72e3.txt: "Senin-Kamis. Yakni, pukul 08.00 hingga
# 15.00 WIB. Kemudian, hari Jumat mulai pukul 08.00 hingga pukul 11.00 WIB", Sabtu–Minggu closed.
PROBOLINGGO_HOURS = {
    "senin": "08:00-15:00",
    "selasa": "08:00-15:00",
    "rabu": "08:00-15:00",
    "kamis": "08:00-15:00",
    "jumat": "08:00-11:00",
}
SEED = "seeds/000_1ad220c1c85a72e3.txt"


def calendar(zone: str = "Asia/Jakarta", **extra: object) -> OfficeCalendar:
    spec = {"zone": zone, "periods": [{"hours": PROBOLINGGO_HOURS, "source": SEED}], **extra}
    return OfficeCalendar.from_spec(spec)


@pytest.fixture(scope="module")
def probolinggo() -> OfficeCalendar:
    return calendar()


def wib(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=WIB)


# -- the acceptance facts ----------------------------------------------------------------------
def test_probolinggo_is_open_friday_morning_and_closed_after_eleven(probolinggo):
    assert probolinggo.is_open(wib(2020, 3, 20, 10, 30))
    assert not probolinggo.is_open(wib(2020, 3, 20, 11, 30))


def test_nyepi_and_good_friday_2020_are_closed(probolinggo):
    for day in (dt.date(2020, 3, 25), dt.date(2020, 4, 10)):
        assert not probolinggo.is_working_day(day)
        assert not probolinggo.is_open(dt.datetime.combine(day, dt.time(9)))
    names = [
        c.name_en for c in probolinggo.closures_between(dt.date(2020, 3, 1), dt.date(2020, 4, 30))
    ]
    assert names == ["Day of Silence", "Good Friday"]


def test_next_opening_after_friday_closing_is_monday_eight_wib(probolinggo):
    got = probolinggo.next_opening(wib(2020, 3, 20, 11, 30))
    assert got == wib(2020, 3, 23, 8)
    assert got.isoformat() == "2020-03-23T08:00:00+07:00"


def test_a_mataram_calendar_answers_in_wita():
    mataram = calendar("Asia/Makassar")
    got = mataram.next_opening(dt.datetime(2020, 3, 20, 11, 30))
    assert got.isoformat() == "2020-03-23T08:00:00+08:00"
    assert got.tzinfo is WITA
    # The same instant written in WIB is 12:30 in Mataram: closed on a Friday.
    assert not mataram.is_open(wib(2020, 3, 20, 10, 30))
    assert mataram.is_open(wib(2020, 3, 20, 9, 30))


def test_the_anchor_figures_for_the_real_schedule(probolinggo):
    # shared/bench/ANCHORS.md §3, "ref FULL (land on close)", cross-checked by naive walk there.
    start = wib(2024, 4, 5, 10)
    add = probolinggo.add_working_time
    assert add(start, 1 * H) == wib(2024, 4, 5, 11)
    assert add(start, 40 * H) == wib(2024, 4, 24, 9)
    assert add(start, 1000 * H) == wib(2024, 12, 9, 15)
    assert add(start, 10_000 * H) == wib(2030, 11, 15, 10)
    year = dt.timedelta(days=365)
    for a, hours in ((wib(2020, 3, 20, 10), 1498), (wib(2024, 4, 5, 10), 1444)):
        assert probolinggo.working_time_between(a, a + year) == hours * H
    assert probolinggo.add_working_days(dt.date(2024, 4, 5), 5).date() == dt.date(2024, 4, 22)
    assert probolinggo.add_working_days(dt.date(2025, 12, 24), 5).date() == dt.date(2026, 1, 5)


# -- conventions -------------------------------------------------------------------------------
def test_intervals_are_half_open(probolinggo):
    assert probolinggo.is_open(wib(2020, 3, 20, 8))
    assert not probolinggo.is_open(wib(2020, 3, 20, 11))
    assert probolinggo.is_open(wib(2020, 3, 20, 11) - US)
    assert probolinggo.next_opening(wib(2020, 3, 20, 8)) == wib(2020, 3, 20, 8)
    assert probolinggo.next_opening(wib(2020, 3, 20, 11)) == wib(2020, 3, 23, 8)


def test_a_budget_used_up_at_the_close_lands_on_the_close(probolinggo):
    assert probolinggo.add_working_time(wib(2020, 3, 20, 10), H) == wib(2020, 3, 20, 11)
    assert probolinggo.add_working_time(wib(2020, 3, 20, 10), H + US) == wib(2020, 3, 23, 8) + US


def test_going_back_lands_on_an_opening(probolinggo):
    assert probolinggo.add_working_time(wib(2020, 3, 23, 9), -H) == wib(2020, 3, 23, 8)
    assert probolinggo.add_working_time(wib(2020, 3, 23, 9), -2 * H) == wib(2020, 3, 20, 10)


def test_adding_nothing_returns_t_in_the_office_zone(probolinggo):
    saturday = dt.datetime(2020, 3, 21, 12)
    assert probolinggo.add_working_time(saturday, dt.timedelta(0)) == saturday.replace(tzinfo=WIB)
    aware = wib(2020, 3, 21, 12)
    assert probolinggo.add_working_time(aware, dt.timedelta(0)) is aware


def test_adding_from_a_closed_instant_starts_at_the_next_opening(probolinggo):
    assert probolinggo.add_working_time(wib(2020, 3, 21, 12), H) == wib(2020, 3, 23, 9)
    assert probolinggo.add_working_time(wib(2020, 3, 24, 20), H) == wib(2020, 3, 26, 9)  # Nyepi


def test_working_days_count_from_the_day_after(probolinggo):
    saturday = wib(2020, 3, 21, 12)
    assert probolinggo.add_working_days(saturday, 1) == wib(2020, 3, 23, 8)
    assert probolinggo.add_working_days(saturday, 5) == wib(2020, 3, 30, 8)  # Nyepi skipped
    monday_late = wib(2020, 3, 23, 16)
    assert probolinggo.add_working_days(monday_late, 1) == wib(2020, 3, 24, 8)
    assert probolinggo.add_working_days(wib(2020, 3, 23, 7), 1) == wib(2020, 3, 24, 8)
    assert probolinggo.add_working_days(saturday, -1) == wib(2020, 3, 20, 8)
    assert probolinggo.add_working_days(wib(2020, 3, 23, 9), -1) == wib(2020, 3, 20, 8)


def test_zero_working_days_rolls_forward_to_a_working_day(probolinggo):
    assert probolinggo.add_working_days(wib(2020, 3, 23, 12), 0) == wib(2020, 3, 23, 8)
    assert probolinggo.add_working_days(wib(2020, 3, 21, 12), 0) == wib(2020, 3, 23, 8)


def test_working_days_between_counts_the_end_not_the_start(probolinggo):
    between = probolinggo.working_days_between
    assert between(dt.date(2020, 3, 23), dt.date(2020, 3, 24)) == 1
    assert between(dt.date(2020, 3, 21), dt.date(2020, 3, 23)) == 1
    assert between(dt.date(2020, 3, 23), dt.date(2020, 3, 23)) == 0
    assert between(dt.date(2020, 3, 24), dt.date(2020, 3, 23)) == -1
    assert between(dt.date(2020, 3, 23), dt.date(2020, 3, 21)) == 0  # Saturday counts, closed
    assert between(dt.date(2020, 3, 23), dt.date(2020, 3, 20)) == -1  # Friday the 20th
    assert between(dt.datetime(2020, 3, 20, 23), wib(2020, 3, 30, 1)) == 5


def test_every_input_form_names_the_same_instant(probolinggo):
    forms = [
        wib(2020, 3, 20, 10, 30),
        dt.datetime(2020, 3, 20, 10, 30),
        dt.datetime(2020, 3, 20, 3, 30, tzinfo=dt.UTC),
        dt.datetime(2020, 3, 20, 11, 30, tzinfo=WITA),
        dt.datetime(2020, 3, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        "2020-03-20T10:30:00+07:00",
        "2020-03-20 10:30",
    ]
    for t in forms:
        assert probolinggo.is_open(t)
        assert probolinggo.next_opening(t) == wib(2020, 3, 20, 10, 30)
        assert probolinggo.next_opening(t).tzinfo is WIB
    assert probolinggo.is_open(dt.date(2020, 3, 20)) is False  # a date is its local midnight
    assert probolinggo.next_opening(dt.date(2020, 3, 20)) == wib(2020, 3, 20, 8)


def test_next_closing(probolinggo):
    assert probolinggo.next_closing(wib(2020, 3, 20, 10)) == wib(2020, 3, 20, 11)
    assert probolinggo.next_closing(wib(2020, 3, 20, 7)) == wib(2020, 3, 20, 11)
    assert probolinggo.next_closing(wib(2020, 3, 20, 11)) == wib(2020, 3, 23, 15)
    assert probolinggo.next_closing(wib(2020, 3, 24, 15)) == wib(2020, 3, 26, 15)


def test_round_the_clock_openings_run_through_midnight():
    always = OfficeCalendar.from_spec(
        {
            "zone": "Asia/Jayapura",
            "periods": [
                {
                    "hours": {
                        "senin": "00:00-24:00",
                        "selasa": ["00:00-12:00", "12:00-24:00"],
                        "rabu": "00:00-10:00",
                    },
                    "source": "x",
                }
            ],
            "closes_on_cuti_bersama": False,
        }
    )
    monday = dt.datetime(2021, 3, 1, 9)
    assert always.next_closing(monday).isoformat() == "2021-03-03T10:00:00+09:00"
    assert always.is_open(dt.datetime(2021, 3, 2))
    (interval,) = always.opening_intervals(monday, dt.datetime(2021, 3, 4))
    assert interval.opens == monday.replace(tzinfo=always.zone)
    assert interval.duration == dt.timedelta(hours=15 + 24 + 10)
    assert always.add_working_time(monday, dt.timedelta(hours=15)) == dt.datetime(
        2021, 3, 2, tzinfo=always.zone
    )


# -- one timeline: periods, overrides, extra openings, closures, cuti bersama -----------------
def test_later_periods_override_earlier_ones_where_they_apply():
    cal = OfficeCalendar.from_spec(
        {
            "zone": "Asia/Jakarta",
            "periods": [
                {"hours": PROBOLINGGO_HOURS, "source": "ordinary"},
                {
                    "valid_from": "2020-03-18",
                    "valid_until": "2020-04-07",
                    "hours": {"senin": "09:00-12:00"},
                    "source": "emergency policy",
                    "label": "online only",
                },
            ],
        }
    )
    assert cal.is_open(wib(2020, 3, 17, 14))
    assert not cal.is_open(wib(2020, 3, 18, 14))
    assert cal.is_open(wib(2020, 3, 23, 9))
    assert not cal.is_open(wib(2020, 3, 24, 9))
    assert cal.is_open(wib(2020, 4, 8, 14))
    # Arithmetic runs across both changes as one timeline: Tue 17 Mar 14:00 + 1 h of the old
    # hours, then Mon 23 and Mon 30 (3 h each), Mon 6 Apr, then Wed 8 Apr back on the old hours.
    got = cal.add_working_time(wib(2020, 3, 17, 14), 11 * H)
    assert got == wib(2020, 4, 8, 9)
    assert cal.working_time_between(wib(2020, 3, 17, 14), got) == 11 * H
    info = cal.day_info(dt.date(2020, 3, 23))
    assert info.period is not None and info.period.label == "online only"
    assert info.hours_source == "emergency policy"


def test_overrides_change_hours_but_holidays_still_close():
    cal = calendar(
        overrides=[
            {
                "start": "2020-04-24",
                "end": "2020-05-23",
                "hours": {"senin": "08:00-14:00", "kamis": "08:00-14:00", "jumat": "08:00-10:00"},
                "reason_id": "Jam kerja Ramadan",
                "reason_en": "Ramadan hours",
                "source": "SE MenPAN-RB",
            }
        ]
    )
    assert not cal.is_open(wib(2020, 4, 27, 14, 30))
    assert cal.is_open(wib(2020, 4, 23, 14, 30))
    assert not cal.is_open(wib(2020, 4, 28, 9))  # no Tuesday hours in the override
    assert not cal.is_working_day(dt.date(2020, 5, 7))  # Waisak, a Thursday
    info = cal.day_info(dt.date(2020, 4, 27))
    assert info.override is not None and info.hours_source == "SE MenPAN-RB"


def test_extra_openings_win_over_holidays_and_closures():
    cal = calendar(
        closures=[
            {
                "start": "2020-03-18",
                "end": "2020-04-07",
                "reason_id": "Layanan tatap muka ditiadakan",
                "reason_en": "Counter closed (Covid-19)",
                "source": "policy",
            }
        ],
        extra_openings=[
            {
                "date": "2020-03-25",
                "hours": "09:00-10:00",
                "reason_id": "buka",
                "reason_en": "open",
                "source": "x",
            },
            {
                "date": "2020-03-28",
                "hours": ["08:00-09:00", "09:00-10:00"],
                "reason_id": "Sabtu",
                "reason_en": "Saturday service",
                "source": "x",
            },
        ],
    )
    assert not cal.is_open(wib(2020, 3, 24, 9))
    assert cal.is_open(wib(2020, 3, 25, 9, 30))  # Nyepi and the closure, opened anyway
    assert cal.next_closing(wib(2020, 3, 28, 8)) == wib(2020, 3, 28, 10)  # touching ranges merge
    closures = cal.closures_between(dt.date(2020, 3, 18), dt.date(2020, 4, 7))
    assert {c.kind for c in closures} == {ClosureKind.LOCAL}
    assert dt.date(2020, 3, 25) not in {c.date for c in closures}
    assert dt.date(2020, 3, 21) not in {c.date for c in closures}  # a Saturday: closed anyway
    assert len(closures) == 14
    info = cal.day_info(dt.date(2020, 3, 25))
    assert info.extra_opening is not None and info.hours_source == "x"
    assert {c.kind for c in info.closed_by} == {ClosureKind.HOLIDAY, ClosureKind.LOCAL}


def test_cuti_bersama_closes_only_offices_that_close_on_it():
    closing, staying = calendar(), calendar(closes_on_cuti_bersama=False)
    cuti = wib(2020, 8, 21, 9)  # Cuti Bersama Tahun Baru Islam, a Friday
    assert not closing.is_open(cuti)
    assert staying.is_open(cuti)
    (entry,) = closing.closures_between(dt.date(2020, 8, 21), dt.date(2020, 8, 21))
    assert entry.kind is ClosureKind.CUTI_BERSAMA
    assert staying.closures_between(dt.date(2020, 8, 21), dt.date(2020, 8, 21)) == ()
    assert closing.spec.cuti_bersama_source.startswith("Default: closed on cuti bersama")


def test_the_2020_national_days_match_the_final_decrees():
    days = national_days(2020)
    public = [d.date.isoformat() for d in days if d.kind is ClosureKind.HOLIDAY]
    cuti = [d.date.isoformat() for d in days if d.kind is ClosureKind.CUTI_BERSAMA]
    assert "2020-12-09" in public  # Pilkada, Keppres 22/2020
    assert cuti == ["2020-08-21", "2020-10-28", "2020-10-30", "2020-12-24", "2020-12-31"]
    assert not any(d.estimated for d in days)
    assert all(d.source.startswith("python-holidays") for d in days)


def test_national_default_hours_are_marked_as_defaults():
    cal = OfficeCalendar(CalendarSpec(zone="Asia/Makassar", periods=national_default_periods()))
    monday = cal.day_info(dt.date(2023, 4, 10))
    assert monday.is_default_hours
    assert [(i.opens.time(), i.closes.time()) for i in monday.intervals] == [
        (dt.time(7, 30), dt.time(12)),
        (dt.time(13), dt.time(16)),
    ]
    assert "Keppres 68/1995" in (monday.hours_source or "")
    assert "Perpres 21/2023" in (cal.day_info(dt.date(2023, 4, 12)).hours_source or "")
    assert cal.span_info(dt.date(2023, 4, 10), dt.date(2023, 4, 14)).default_hours
    assert not cal.day_info(dt.date(2023, 4, 15)).is_default_hours  # a Saturday: no hours
    assert cal.working_time_between(dt.date(2023, 5, 8), dt.date(2023, 5, 15)) == 37.5 * H


def test_own_hours_are_not_defaults(probolinggo):
    assert not probolinggo.day_info(dt.date(2020, 3, 20)).is_default_hours
    assert not probolinggo.span_info(dt.date(2020, 3, 1), dt.date(2020, 3, 31)).default_hours


# -- honest horizons ---------------------------------------------------------------------------
def test_answers_past_the_cuti_bersama_horizon_are_provisional(probolinggo):
    horizon = cuti_bersama_horizon()
    assert horizon >= 2027
    beyond = dt.date(horizon + 1, 6, 1)
    while not probolinggo.day_info(beyond).is_working_day:
        beyond += dt.timedelta(days=1)
    info = probolinggo.day_info(beyond)
    assert info.provisional
    assert CaveatKind.CUTI_BERSAMA_UNKNOWN in {c.kind for c in info.caveats}
    # An office open on cuti bersama does not depend on the decree.
    staying = calendar(closes_on_cuti_bersama=False)
    assert CaveatKind.CUTI_BERSAMA_UNKNOWN not in {
        c.kind for c in staying.day_info(beyond).caveats
    }
    # Within the horizon a working day with no estimate nearby is certain.
    assert not probolinggo.day_info(dt.date(2020, 3, 20)).provisional


def test_estimated_holidays_stay_marked():
    estimated = [d for d in national_days(2035) if d.estimated]
    assert estimated and all("(perkiraan)" in d.name_id for d in estimated)
    cal = calendar(closes_on_cuti_bersama=False)
    eid_al_adha = next(d for d in estimated if d.name_en.startswith("Eid al-Adha"))
    assert eid_al_adha.date == dt.date(2035, 2, 19)
    assert not cal.is_working_day(eid_al_adha.date)
    (closure,) = cal.closures_between(eid_al_adha.date, eid_al_adha.date)
    assert closure.estimated
    # The day itself and the working day after it are provisional: the decreed date may be a day
    # off. The Sunday before is closed whatever the date, so nothing about it is uncertain.
    assert not cal.day_info(eid_al_adha.date - dt.timedelta(days=1)).provisional
    for offset in (0, 1):
        info = cal.day_info(eid_al_adha.date + dt.timedelta(days=offset))
        assert [c.kind for c in info.caveats] == [CaveatKind.ESTIMATED_HOLIDAY]
        assert "2035-02-19" in info.caveats[0].reason("en")
        assert "perkiraan" in info.caveats[0].reason("id")
    span = cal.span_info(
        dt.datetime(2035, 2, 12, 9), cal.add_working_days(dt.date(2035, 2, 12), 5)
    )
    assert span.provisional and span.caveats[0].date == eid_al_adha.date
    assert not cal.span_info(dt.date(2035, 3, 26), dt.date(2035, 3, 30)).provisional


def test_days_without_any_period_have_unknown_hours():
    cal = OfficeCalendar.from_spec(
        {
            "zone": "Asia/Jakarta",
            "periods": [{"valid_from": "2020-03-18", "hours": PROBOLINGGO_HOURS, "source": "x"}],
        }
    )
    info = cal.day_info(dt.date(2020, 3, 17))
    assert not info.is_working_day and info.period is None and info.hours_source is None
    assert [c.kind for c in info.caveats] == [CaveatKind.HOURS_UNKNOWN]
    span = cal.span_info(dt.date(2020, 3, 20), dt.date(2020, 3, 10))  # given backwards
    assert span.start == dt.date(2020, 3, 10) and span.provisional
    assert cal.next_opening(wib(2020, 3, 16, 9)) == wib(2020, 3, 18, 8)


# -- range and bad input -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "t",
    [
        dt.datetime(1999, 12, 31, 23, 59),
        dt.datetime(2100, 1, 1),
        dt.datetime(1999, 12, 31, 16, 59, tzinfo=dt.UTC),
        "1999-12-31",
    ],
)
def test_instants_outside_the_supported_range_raise(probolinggo, t):
    for call in (
        probolinggo.is_open,
        probolinggo.next_opening,
        probolinggo.next_closing,
        probolinggo.is_working_day,
        probolinggo.day_info,
    ):
        with pytest.raises(OutOfRange) as err:
            call(t)
        assert "2000-01-01" in str(err.value)
    with pytest.raises(OutOfRange):
        probolinggo.add_working_time(t, H)
    with pytest.raises(OutOfRange):
        probolinggo.working_time_between(t, wib(2020, 1, 1))
    with pytest.raises(OutOfRange):
        probolinggo.working_time_between(wib(2020, 1, 1), t)
    with pytest.raises(OutOfRange):
        probolinggo.add_working_days(t, 1)
    with pytest.raises(OutOfRange):
        probolinggo.working_days_between(wib(2020, 1, 1), t)
    with pytest.raises(OutOfRange):
        probolinggo.opening_intervals(wib(2020, 1, 1), t)
    with pytest.raises(OutOfRange):
        probolinggo.closures_between(t, wib(2020, 1, 1))


def test_the_edges_of_the_range_are_inside(probolinggo):
    first = dt.datetime(2000, 1, 1, tzinfo=WIB)
    last = dt.datetime(2099, 12, 31, 23, 59, 59, 999999)
    assert probolinggo.is_open(first) is False
    assert probolinggo.is_open(dt.datetime(1999, 12, 31, 17, tzinfo=dt.UTC)) is False
    assert probolinggo.is_open(last) is False
    assert probolinggo.next_opening(first) == wib(2000, 1, 3, 8)
    assert probolinggo.working_time_between(last, first) < dt.timedelta(0)


def test_results_beyond_the_range_raise(probolinggo):
    late = wib(2099, 12, 28, 9)
    with pytest.raises(OutOfRange, match="after 2099-12-31"):
        probolinggo.add_working_time(late, 100 * H)
    with pytest.raises(OutOfRange, match="before 2000-01-01"):
        probolinggo.add_working_time(wib(2000, 1, 4, 9), -100 * H)
    with pytest.raises(OutOfRange):
        probolinggo.add_working_days(late, 10)
    with pytest.raises(OutOfRange):
        probolinggo.add_working_days(wib(2000, 1, 4, 9), -10)
    with pytest.raises(OutOfRange):
        probolinggo.next_opening(wib(2099, 12, 31, 16))
    with pytest.raises(OutOfRange):
        probolinggo.next_closing(wib(2099, 12, 31, 16))


def test_a_calendar_that_never_opens_says_so_instead_of_looping():
    never = OfficeCalendar.from_spec(
        {"zone": "Asia/Jakarta", "periods": [{"hours": {}, "source": "no hours published"}]}
    )
    with pytest.raises(OutOfRange, match="never opens"):
        never.next_opening(wib(2090, 1, 1))
    with pytest.raises(OutOfRange):
        never.add_working_time(wib(2095, 1, 1), H)
    assert never.working_time_between(wib(2095, 1, 1), wib(2096, 1, 1)) == dt.timedelta(0)


@pytest.mark.parametrize("bad", [None, 42, "next tuesday", object(), dt.time(9)])
def test_things_that_are_not_instants_raise_out_of_range_naming_the_argument(probolinggo, bad):
    with pytest.raises(OutOfRange) as err:
        probolinggo.is_open(bad)
    assert err.value.field == "t"
    with pytest.raises(OutOfRange) as err:
        probolinggo.working_time_between(wib(2020, 1, 1), bad)
    assert err.value.field == "b"
    with pytest.raises(OutOfRange):
        probolinggo.working_time_between(bad, wib(2020, 1, 1))
    with pytest.raises(OutOfRange):
        probolinggo.add_working_time(bad, H)
    with pytest.raises(OutOfRange):
        probolinggo.day_info(bad)


@pytest.mark.parametrize("bad", [3600, 1.5, "1h", None])
def test_a_duration_must_be_a_timedelta(probolinggo, bad):
    with pytest.raises(OutOfRange) as err:
        probolinggo.add_working_time(wib(2020, 3, 20, 9), bad)
    assert err.value.field == "duration"


@pytest.mark.parametrize("bad", [1.0, "5", True, None])
def test_working_days_must_be_an_int(probolinggo, bad):
    with pytest.raises(OutOfRange) as err:
        probolinggo.add_working_days(wib(2020, 3, 20, 9), bad)
    assert err.value.field == "n"


def test_a_bad_spec_raises_config_error_with_paths():
    with pytest.raises(ConfigError) as err:
        OfficeCalendar.from_spec(
            {
                "zone": "Mars/Olympus",
                "periods": [{"hours": {"senin": ["08:00-15:00", "14:00-16:00"]}, "source": ""}],
            }
        )
    paths = [p.path for p in err.value.problems]
    assert paths == ["zone", "periods[0].hours.senin", "periods[0].source"]


def test_a_calendar_is_safe_to_share_between_threads():
    cal = calendar()
    results: list[dt.timedelta] = []

    def work(year: int) -> None:
        a = wib(year, 1, 2, 9)
        results.append(cal.working_time_between(a, cal.add_working_time(a, 500 * H)))

    threads = [threading.Thread(target=work, args=(2000 + 7 * k,)) for k in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [500 * H] * 12


def test_the_calendar_is_exported_at_the_top_level(probolinggo):
    assert adminduk.OfficeCalendar is OfficeCalendar
    assert repr(probolinggo) == "OfficeCalendar(zone='Asia/Jakarta', periods=1)"
    assert probolinggo.spec.zone == "Asia/Jakarta"
    assert OfficeCalendar.from_spec(probolinggo.spec).spec is probolinggo.spec


def test_an_office_open_round_the_clock_never_closes_within_the_range():
    always = OfficeCalendar.from_spec(
        {
            "zone": "Asia/Jakarta",
            "periods": [
                {
                    "hours": dict.fromkeys(
                        ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"),
                        "00:00-24:00",
                    ),
                    "source": "x",
                }
            ],
            "extra_openings": [
                {
                    "date": "2099-12-25",
                    "hours": "00:00-24:00",
                    "reason_id": "Natal",
                    "reason_en": "open on Christmas",
                    "source": "c",
                }
            ],
            "closes_on_cuti_bersama": False,
        }
    )
    with pytest.raises(OutOfRange):
        always.next_closing(wib(2099, 12, 26, 9))
    holidays = {d.date for d in national_days(2099) if d.kind is ClosureKind.HOLIDAY}
    holidays -= {dt.date(2099, 1, 1), dt.date(2099, 12, 25)}
    assert always.working_days_between(dt.date(2099, 1, 1), dt.date(2099, 12, 31)) == (
        364 - len(holidays)
    )


def test_counting_back_from_a_fresh_calendar_builds_the_year_before():
    cal = calendar()
    assert cal.add_working_days(wib(2020, 1, 2, 9), -3) == wib(2019, 12, 27, 8)


def test_cuti_bersama_estimates_only_matter_to_offices_that_close(monkeypatch):
    from adminduk.schedule import _calendar, _national

    day = dt.date(2030, 6, 5)  # a Wednesday
    fake = _national.ClosedDay(
        day, ClosureKind.CUTI_BERSAMA, "Cuti Bersama (perkiraan)", "Leave (estimated)", True, "t"
    )
    monkeypatch.setattr(_calendar, "national_days", lambda year: (fake,) if year == 2030 else ())
    staying = calendar(closes_on_cuti_bersama=False)
    assert staying.day_info(day).caveats == ()
    closing = calendar()
    assert CaveatKind.ESTIMATED_HOLIDAY in {c.kind for c in closing.day_info(day).caveats}


# -- walks across a day's intervals, midnight and whole years -----------------------------------
# 20 hours a week: Wednesday morning and evening (to midnight), Thursday, Friday with a break.
SPLIT_HOURS = {
    "rabu": ["08:00-12:00", "20:00-24:00"],
    "kamis": "08:00-15:00",
    "jumat": ["08:00-11:00", "13:00-15:00"],
}


@pytest.fixture
def split() -> OfficeCalendar:
    """A fresh calendar each test: its timeline is built as the walks reach it."""
    return OfficeCalendar.from_spec(
        {"zone": "Asia/Jakarta", "periods": [{"hours": SPLIT_HOURS, "source": SEED}]}
    )


def test_an_evening_to_midnight_closes_at_midnight_when_the_next_day_opens_later(split):
    # Thursday opens at 08:00, so Wednesday's opening to 24:00 does not go on past midnight.
    assert split.next_closing(wib(2020, 3, 18, 21)) == wib(2020, 3, 19, 0)


def test_a_budget_crosses_the_midday_break_either_way(split):
    # Friday 20 March 2020: 08:00-11:00, then 13:00-15:00.
    assert split.add_working_time(wib(2020, 3, 20, 8), 4 * H) == wib(2020, 3, 20, 14)
    assert split.add_working_time(wib(2020, 3, 20, 15), -1 * H) == wib(2020, 3, 20, 14)
    assert split.add_working_time(wib(2020, 3, 20, 15), -4 * H) == wib(2020, 3, 20, 9)


def test_counting_back_more_than_a_year_of_opening_hours(split):
    # 1,500 hours at 20 a week, and the holidays between: back in September 2018, the timeline
    # built a year at a time on the left.
    start = wib(2020, 3, 20, 15)
    back = split.add_working_time(start, -1500 * H)
    assert back == wib(2018, 9, 19, 9)
    assert split.working_time_between(back, start) == 1500 * H


def test_no_opening_intervals_when_the_end_is_not_after_the_start(split):
    assert split.opening_intervals(wib(2020, 3, 20, 12), wib(2020, 3, 20, 9)) == ()
    assert split.opening_intervals(wib(2020, 3, 20, 9), wib(2020, 3, 20, 9)) == ()
