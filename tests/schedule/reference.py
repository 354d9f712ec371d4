"""A slow, obvious reference for OfficeCalendar: day by day, interval by interval.

It reads the CalendarSpec rules straight from their definitions (and the national holidays
straight from `holidays`), shares no code with the engine, and works on naive local wall time.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from adminduk.schedule import CalendarSpec

ONE_DAY = dt.timedelta(days=1)
ZERO = dt.timedelta(0)


@cache
def national_closed(year: int, with_cuti: bool) -> frozenset[dt.date]:
    import holidays
    from holidays.constants import GOVERNMENT, PUBLIC

    categories = (PUBLIC, GOVERNMENT) if with_cuti else (PUBLIC,)
    return frozenset(
        holidays.country_holidays("ID", years=year, categories=categories, language="id")
    )


class Reference:
    """Walks days; every instant is a naive local datetime."""

    def __init__(self, spec: CalendarSpec, limit_days: int = 1500) -> None:
        self.spec = spec
        self.limit = limit_days

    def day(self, d: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        spec = self.spec
        extra = [e for e in spec.extra_openings if e.date == d]
        if extra:
            ranges = extra[0].hours
        else:
            if d in national_closed(d.year, spec.closes_on_cuti_bersama):
                return []
            if any(c.start <= d <= c.end for c in spec.closures):
                return []
            overrides = [o for o in spec.overrides if o.start <= d <= o.end]
            periods = [p for p in spec.periods if p.covers(d)]
            if overrides:
                ranges = overrides[-1].hours.day(d.weekday())
            elif periods:
                ranges = periods[-1].hours.day(d.weekday())
            else:
                return []
        midnight = dt.datetime.combine(d, dt.time())
        return [
            (midnight + dt.timedelta(minutes=r.start), midnight + dt.timedelta(minutes=r.end))
            for r in ranges
        ]

    def is_open(self, t: dt.datetime) -> bool:
        return any(o <= t < c for o, c in self.day(t.date()))

    def next_opening(self, t: dt.datetime) -> dt.datetime | None:
        d = t.date()
        for _ in range(self.limit):
            for o, c in self.day(d):
                if t < c:
                    return max(o, t)
            d += ONE_DAY
        return None

    def runs(self, start: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """Opening runs from `start` on, touching intervals merged (also across midnight)."""
        out: list[tuple[dt.datetime, dt.datetime]] = []
        d = start
        for _ in range(self.limit):
            for o, c in self.day(d):
                if out and out[-1][1] == o:
                    out[-1] = (out[-1][0], c)
                else:
                    out.append((o, c))
            d += ONE_DAY
            if len(out) > 3 and d > start + dt.timedelta(days=40):
                break
        return out

    def next_closing(self, t: dt.datetime) -> dt.datetime | None:
        # Start a day early so that a run through midnight into t's date is seen whole.
        for _, c in self.runs(t.date() - ONE_DAY):
            if t < c:
                return c
        return None

    def add(self, t: dt.datetime, d: dt.timedelta) -> dt.datetime | None:
        if d == ZERO:
            return t
        if d > ZERO:
            left, day = d, t.date()
            for _ in range(self.limit):
                for o, c in self.day(day):
                    if c <= t:
                        continue
                    start = max(o, t)
                    if left <= c - start:
                        return start + left
                    left -= c - start
                day += ONE_DAY
            return None
        left, day = -d, t.date()
        for _ in range(self.limit):
            for o, c in reversed(self.day(day)):
                if o >= t:
                    continue
                end = min(c, t)
                if left <= end - o:
                    return end - left
                left -= end - o
            day -= ONE_DAY
        return None

    def between(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        if b < a:
            return -self.between(b, a)
        total, day = ZERO, a.date()
        while day <= b.date():
            for o, c in self.day(day):
                lo, hi = max(o, a), min(c, b)
                if hi > lo:
                    total += hi - lo
            day += ONE_DAY
        return total

    def add_days(self, t: dt.datetime, n: int) -> dt.date | None:
        day = t.date()
        if n == 0:
            if self.day(day):
                return day
            n = 1
        step = ONE_DAY if n > 0 else -ONE_DAY
        for _ in range(self.limit):
            day += step
            if self.day(day):
                n -= 1 if n > 0 else -1
                if n == 0:
                    return day
        return None

    def days_between(self, a: dt.date, b: dt.date) -> int:
        if a <= b:
            return sum(1 for i in range(1, (b - a).days + 1) if self.day(a + i * ONE_DAY))
        return -sum(1 for i in range((a - b).days) if self.day(b + i * ONE_DAY))
