"""Property tests: the fast path against a day-by-day reference on random calendars, and the
invariants of business-time arithmetic."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from adminduk.errors import OutOfRange
from adminduk.schedule import CalendarSpec, OfficeCalendar

from .reference import Reference
from .strategies import calendars, durations, local_instants

# Untraced by coverage: each property compares the calendar with the reference over many random
# calendars; the calendar's lines are traced by its example tests (test_calendar.py).
pytestmark = pytest.mark.no_cover

UTC = dt.UTC
LOW = dt.datetime(2000, 1, 1)
HIGH = dt.datetime(2100, 1, 1)
US = dt.timedelta(microseconds=1)


def build(case: tuple[dict, dt.date]) -> tuple[OfficeCalendar, Reference, dt.date]:
    spec_map, base = case
    spec = CalendarSpec.parse(spec_map)
    return OfficeCalendar(spec), Reference(spec), base


def as_input(t: dt.datetime, zone: ZoneInfo, form: str) -> dt.datetime:
    if form == "naive":
        return t
    aware = t.replace(tzinfo=zone)
    return aware if form == "zone" else aware.astimezone(UTC)


def local(cal: OfficeCalendar, r: dt.datetime) -> dt.datetime:
    assert r.tzinfo is cal.zone
    return r.replace(tzinfo=None)


def in_range(t: dt.datetime) -> bool:
    return LOW <= t < HIGH


forms = st.sampled_from(["naive", "zone", "utc"])


@given(case=calendars(), data=st.data())
def test_instant_queries_match_the_reference(case, data):
    cal, ref, base = build(case)
    t = data.draw(local_instants(base))
    x = as_input(t, cal.zone, data.draw(forms))
    if not in_range(t):
        with pytest.raises(OutOfRange):
            cal.is_open(x)
        return
    assert cal.is_open(x) == ref.is_open(t)
    expected = ref.next_opening(t)
    if expected is not None and in_range(expected):
        got = cal.next_opening(x)
        assert local(cal, got) == expected
        assert cal.is_open(got)
    closing = ref.next_closing(t)
    if closing is not None and closing < HIGH - dt.timedelta(days=2):
        assert local(cal, cal.next_closing(x)) == closing
        assert not cal.is_open(cal.next_closing(x))


@given(case=calendars(), data=st.data())
def test_add_working_time_matches_the_reference(case, data):
    cal, ref, base = build(case)
    t = data.draw(local_instants(base))
    assume(in_range(t))
    d = data.draw(durations())
    x = as_input(t, cal.zone, data.draw(forms))
    expected = ref.add(t, d)
    assume(expected is not None)
    if not in_range(expected):
        with pytest.raises(OutOfRange):
            cal.add_working_time(x, d)
        return
    got = cal.add_working_time(x, d)
    assert local(cal, got) == expected
    # The inverse, and where a result may land.
    assert cal.working_time_between(x, got) == d
    if d > dt.timedelta(0):
        assert cal.is_open(got - US), "a forward result ends an opening, never a closed stretch"
    elif d < dt.timedelta(0):
        assert cal.is_open(got), "a backward result starts within an opening"


@given(case=calendars(), data=st.data())
def test_working_time_between_matches_the_reference(case, data):
    cal, ref, base = build(case)
    a = data.draw(local_instants(base))
    b = data.draw(local_instants(base))
    assume(in_range(a) and in_range(b))
    xa = as_input(a, cal.zone, data.draw(forms))
    xb = as_input(b, cal.zone, data.draw(forms))
    got = cal.working_time_between(xa, xb)
    assert got == ref.between(a, b)
    assert cal.working_time_between(xb, xa) == -got
    intervals = cal.opening_intervals(xa, xb)
    assert sum((i.duration for i in intervals), dt.timedelta(0)) == max(got, dt.timedelta(0))
    for first, second in itertools.pairwise(intervals):
        assert first.closes < second.opens
    for interval in intervals:
        assert cal.is_open(interval.opens)
        assert cal.is_open(interval.closes - US)


@given(case=calendars(), data=st.data())
def test_a_budget_used_up_at_a_boundary_lands_where_the_conventions_say(case, data):
    # Durations that end exactly at an opening or a closing: the reference's own working time
    # from t to a grid instant, forwards and backwards.
    cal, ref, base = build(case)
    t = data.draw(local_instants(base, span_days=100))
    r = data.draw(local_instants(base, span_days=100))
    assume(in_range(t) and in_range(r))
    d = ref.between(t, r)
    expected = ref.add(t, d)
    assume(expected is not None)
    got = cal.add_working_time(as_input(t, cal.zone, data.draw(forms)), d)
    assert local(cal, got) == expected
    assert cal.working_time_between(t, got) == d


@given(case=calendars(), data=st.data())
def test_add_is_monotonic_in_the_duration(case, data):
    cal, _, base = build(case)
    t = data.draw(local_instants(base, span_days=60))
    assume(dt.datetime(2001, 1, 1) <= t < dt.datetime(2099, 1, 1))
    d1, d2 = sorted((data.draw(durations(200)), data.draw(durations(200))))
    # A calendar closed for years may run out of range; that is covered elsewhere.
    with contextlib.suppress(OutOfRange):
        assert cal.add_working_time(t, d1) <= cal.add_working_time(t, d2)


@given(case=calendars(), data=st.data())
def test_working_days_match_the_reference(case, data):
    cal, ref, base = build(case)
    t = data.draw(local_instants(base))
    assume(in_range(t))
    n = data.draw(st.integers(-12, 12))
    expected = ref.add_days(t, n)
    assume(expected is not None)
    if not dt.date(2000, 1, 1) <= expected <= dt.date(2099, 12, 31):
        with pytest.raises(OutOfRange):
            cal.add_working_days(t, n)
        return
    got = cal.add_working_days(as_input(t, cal.zone, data.draw(forms)), n)
    assert got.date() == expected
    assert local(cal, got) == ref.day(expected)[0][0]
    assert cal.is_open(got)
    assert cal.is_working_day(got)
    if n != 0:
        assert cal.working_days_between(t, got) == n
    assert cal.working_days_between(t, expected) == ref.days_between(t.date(), expected)


@given(case=calendars(), data=st.data())
def test_day_info_matches_the_reference(case, data):
    cal, ref, base = build(case)
    day = data.draw(st.dates(base - dt.timedelta(days=130), base + dt.timedelta(days=130)))
    assume(dt.date(2000, 1, 1) <= day <= dt.date(2099, 12, 31))
    info = cal.day_info(day)
    merged: list[tuple[dt.datetime, dt.datetime]] = []
    for o, c in ref.day(day):
        if merged and merged[-1][1] == o:
            merged[-1] = (merged[-1][0], c)
        else:
            merged.append((o, c))
    assert [(local(cal, i.opens), local(cal, i.closes)) for i in info.intervals] == merged
    assert info.is_working_day == cal.is_working_day(day)
    closures = cal.closures_between(day, day)
    if closures:
        assert not info.is_working_day
        assert set(closures) <= set(info.closed_by)
