"""Hypothesis strategies for random calendars near a random date of the supported range."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

ZONES = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "UTC")
DAY_KEYS = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
GRID = (0, 1, 15, 30, 59, 60, 450, 480, 660, 690, 720, 780, 900, 1439, 1440)


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


_POINT = st.sampled_from(GRID) | st.integers(0, 1440)


@st.composite
def day_ranges(draw: st.DrawFn, min_size: int = 0) -> list[str]:
    """0–3 ordered, non-overlapping ranges (touching allowed, 24:00 allowed)."""
    count = draw(st.integers(min_value=min_size, max_value=3))
    points = sorted(draw(_POINT) for _ in range(2 * count))
    out = []
    for i in range(count):
        start, end = points[2 * i], points[2 * i + 1]
        if end > start:
            out.append(f"{hhmm(start)}-{hhmm(end)}")
    return out


# Days that run into the next one: openings that touch at midnight must count as one.
ROUND_THE_CLOCK = st.sampled_from([["00:00-24:00"], ["00:00-06:00", "20:00-24:00"]])
_DAY = st.one_of(day_ranges(), day_ranges(), day_ranges(), ROUND_THE_CLOCK)
_ONE_OR_MORE = day_ranges(min_size=1)


@st.composite
def weekly(draw: st.DrawFn) -> dict[str, list[str]]:
    hours = {key: draw(_DAY) for key in DAY_KEYS}
    if not any(hours.values()):  # a calendar that never opens is tested on its own
        hours[draw(st.sampled_from(DAY_KEYS))] = ["08:00-15:00"]
    return hours


_WEEKLY = weekly()
_OFFSET = st.integers(-120, 120)
_LENGTH = st.integers(0, 30)
_FEW = st.integers(0, 2)
_ZONE = st.sampled_from(ZONES)


@st.composite
def calendars(draw: st.DrawFn) -> tuple[dict[str, Any], dt.date]:
    """A CalendarSpec mapping and a base date its dated rules cluster around."""
    base = draw(st.dates(dt.date(2000, 3, 1), dt.date(2098, 9, 30)))

    def near() -> dt.date:
        return base + dt.timedelta(days=draw(_OFFSET))

    def dated_range() -> tuple[dt.date, dt.date]:
        start = near()
        return start, start + dt.timedelta(days=draw(_LENGTH))

    periods: list[dict[str, Any]] = [{"hours": draw(_WEEKLY), "source": "background"}]
    for _ in range(draw(_FEW)):
        start, end = dated_range()
        period: dict[str, Any] = {"hours": draw(_WEEKLY), "source": "policy"}
        if draw(st.booleans()):
            period["valid_from"] = start
        if draw(st.booleans()):
            period["valid_until"] = end + dt.timedelta(days=60)
        periods.append(period)
    if draw(st.booleans()):  # a background that does not cover everything: unknown hours
        periods[0]["valid_from"] = base - dt.timedelta(days=draw(st.integers(0, 400)))
    closures = []
    for _ in range(draw(st.integers(0, 3))):
        start, end = dated_range()
        closures.append(
            {
                "start": start,
                "end": end,
                "reason_id": "tutup",
                "reason_en": "closed",
                "source": "h",
            }
        )
    extra = {}
    for _ in range(draw(_FEW)):
        day = near()
        extra[day] = {
            "date": day,
            "hours": draw(_ONE_OR_MORE) or ["09:00-10:00"],
            "reason_id": "buka",
            "reason_en": "open",
            "source": "h",
        }
    overrides = []
    for _ in range(draw(_FEW)):
        start, end = dated_range()
        overrides.append(
            {
                "start": start,
                "end": end,
                "hours": draw(_WEEKLY),
                "reason_id": "ramadan",
                "reason_en": "Ramadan",
                "source": "h",
            }
        )
    spec = {
        "zone": draw(_ZONE),
        "periods": periods,
        "closures": closures,
        "extra_openings": list(extra.values()),
        "overrides": overrides,
        "closes_on_cuti_bersama": draw(st.booleans()),
    }
    return spec, base


def local_instants(base: dt.date, span_days: int = 150) -> st.SearchStrategy[dt.datetime]:
    """Naive local instants near `base`: often on the minutes ranges are drawn from, so that
    instants at an opening or a closing minute are common (boundaries are where bugs live)."""
    lo = dt.datetime.combine(base - dt.timedelta(days=span_days), dt.time())
    hi = dt.datetime.combine(base + dt.timedelta(days=span_days), dt.time())
    days = st.integers(-span_days, span_days - 1).map(lambda k: base + dt.timedelta(days=k))
    on_grid = st.builds(
        lambda day, minute: dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute),
        days,
        st.sampled_from(GRID),
    )
    exact = st.datetimes(lo, hi).map(lambda t: t.replace(second=0, microsecond=0))
    return st.one_of(on_grid, exact, st.datetimes(lo, hi))


def durations(max_hours: int = 400) -> st.SearchStrategy[dt.timedelta]:
    whole = st.integers(-max_hours * 60, max_hours * 60).map(lambda m: dt.timedelta(minutes=m))
    fine = st.timedeltas(-dt.timedelta(hours=max_hours), dt.timedelta(hours=max_hours))
    return st.one_of(whole, fine)
