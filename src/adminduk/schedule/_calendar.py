"""``OfficeCalendar``: one timeline of opening hours, and fast business-time arithmetic on it.

How it is fast: the calendar keeps, for a contiguous run of whole years built on first use, one
list of opening patterns per day and two cumulative lists (working microseconds, working days)
before each day. Instants are local wall-clock microseconds since 1970 (the office zone has a
fixed offset, so wall time and the instant are one subtraction apart). A query finds its day by
one division, so ``is_open`` and ``working_time_between`` need no search at all, and every
"where does this budget run out" question is one ``bisect`` on a cumulative list: O(log n),
whatever the span. Building a year costs about a millisecond; 2000–2040 take about 1.5 MB.
"""

from __future__ import annotations

import datetime as dt
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from adminduk._core.arguments import english
from adminduk._core.public import publish
from adminduk._core.redact import is_text, plain
from adminduk.errors import OutOfRange
from adminduk.schedule._models import CalendarSpec, HoursOverride, HoursPeriod, TimeRange
from adminduk.schedule._national import (
    ClosedDay,
    ClosureKind,
    cuti_bersama_horizon,
    national_days,
)
from adminduk.schedule._zone import FIRST_YEAR, LAST_YEAR, is_naive, load_zone

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from adminduk.schedule._models import ExtraOpening

__all__ = ["Caveat", "CaveatKind", "DayInfo", "Interval", "OfficeCalendar", "SpanInfo"]

_DAY = 86_400_000_000  # microseconds in a day
_US = dt.timedelta(microseconds=1)
_EPOCH_NAIVE = dt.datetime(1970, 1, 1)
_EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_FIRST_DAY = dt.date(FIRST_YEAR, 1, 1).toordinal() - _EPOCH_ORDINAL
_END_DAY = dt.date(LAST_YEAR + 1, 1, 1).toordinal() - _EPOCH_ORDINAL
_VALID_INSTANT = (
    f"a datetime from {FIRST_YEAR}-01-01 00:00 to {LAST_YEAR}-12-31 23:59 office-local time "
    "(naive = office-local wall time), or a date, or an ISO 8601 string"
)
# `holidays` has, since 1990, put an estimated Islamic feast at most a day or two away from the
# decreed date, almost always one (shared/bench/ANCHORS.md §1): a day next to an estimated holiday
# is as uncertain as the holiday itself.
_ESTIMATE_MARGIN = dt.timedelta(days=1)

Pattern = tuple[tuple[int, int], ...]
"""A day's opening intervals as (open, close) microseconds after local midnight, merged."""

# The lazily built part of the timeline, swapped as one tuple so that a reader never sees a half
# grown state: (first day as days since 1970, number of days, pattern per day, working
# microseconds before each day (n + 1 values), working days before each day (n + 1 values)).
_State = tuple[int, int, list[Pattern], list[int], list[int]]


class Interval(NamedTuple):
    """An opening interval: open at ``opens``, closed again at ``closes`` (aware datetimes).

    Examples:
        >>> from datetime import datetime
        >>> from adminduk.schedule import Interval
        >>> i = Interval(datetime(2020, 3, 20, 8), datetime(2020, 3, 20, 11))
        >>> i.duration
        datetime.timedelta(seconds=10800)
    """

    opens: dt.datetime
    closes: dt.datetime

    @property
    def duration(self) -> dt.timedelta:
        """How long the interval is open."""
        return self.closes - self.opens


class CaveatKind(StrEnum):
    """Why an answer is provisional.

    Examples:
        >>> CaveatKind("estimated-holiday").value
        'estimated-holiday'
    """

    ESTIMATED_HOLIDAY = "estimated-holiday"
    """A holiday the office closes on is only estimated (not yet fixed by decree)."""
    CUTI_BERSAMA_UNKNOWN = "cuti-bersama-unknown"
    """The office closes on cuti bersama, but the year's cuti bersama are not decreed yet."""
    HOURS_UNKNOWN = "hours-unknown"
    """No period of weekly hours covers the date."""


@dataclass(frozen=True, slots=True)
class Caveat:
    """Why an answer may change: what is uncertain, about which date, in Indonesian and English.

    Attributes:
        kind: what is uncertain.
        date: the estimated holiday, the first day of the undecreed year, or the first day
            without hours.
        reason_id: the caveat in Indonesian.
        reason_en: the caveat in English.

    Examples:
        >>> from adminduk.schedule import OfficeCalendar, CalendarSpec, national_default_periods
        >>> cal = OfficeCalendar(CalendarSpec(zone="Asia/Jakarta",
        ...                                   periods=national_default_periods()))
        >>> for caveat in cal.day_info(dt.date(2035, 2, 19)).caveats:
        ...     print(caveat.kind.value, caveat.date)
        cuti-bersama-unknown 2035-01-01
        estimated-holiday 2035-02-19
        >>> print(cal.day_info(dt.date(2035, 2, 19)).caveats[1].reason_en)
        Eid al-Adha (estimated) on 2035-02-19 is an estimate; the decreed date may differ
    """

    kind: CaveatKind
    date: dt.date
    reason_id: str
    reason_en: str

    def reason(self, lang: str = "id") -> str:
        """The caveat in Indonesian (``id``) or English (``en``)."""
        return self.reason_en if english(lang) else self.reason_id


@dataclass(frozen=True, slots=True)
class DayInfo:
    """Everything a calendar knows about one local date, and how sure it is.

    Attributes:
        date: the local date.
        intervals: the opening intervals of the day (aware, office zone); empty when closed.
        closed_by: the dated reasons that close the office that day (holiday, cuti bersama,
            local closure), whether or not the weekday has hours; empty when none applies.
        period: the period of weekly hours in force that day (``None`` when none covers it).
        override: the date-range hours override in force that day, if any.
        extra_opening: the extra opening that sets the day's hours, if any.
        is_default_hours: whether the day's hours are the national default hours, not the
            office's own published hours.
        caveats: why the answer for this day may change (estimated holiday nearby, cuti bersama
            not decreed yet, hours unknown); empty when the answer rests on confirmed data.

    Examples:
        >>> from adminduk.schedule import OfficeCalendar, CalendarSpec, national_default_periods
        >>> cal = OfficeCalendar(CalendarSpec(zone="Asia/Jakarta",
        ...                                   periods=national_default_periods()))
        >>> nyepi = cal.day_info(dt.date(2020, 3, 25))
        >>> nyepi.is_working_day, nyepi.closed_by[0].name_en, nyepi.provisional
        (False, 'Day of Silence', False)
        >>> cal.day_info(dt.date(2020, 3, 26)).is_default_hours
        True
    """

    date: dt.date
    intervals: tuple[Interval, ...]
    closed_by: tuple[ClosedDay, ...]
    period: HoursPeriod | None
    override: HoursOverride | None
    extra_opening: ExtraOpening | None
    is_default_hours: bool
    caveats: tuple[Caveat, ...]

    @property
    def is_working_day(self) -> bool:
        """Whether the office opens at all that day."""
        return bool(self.intervals)

    @property
    def provisional(self) -> bool:
        """Whether the answer rests on an estimate or on missing data (see ``caveats``)."""
        return bool(self.caveats)

    @property
    def hours_source(self) -> str | None:
        """The source of the day's hours (extra opening, override or period), if any."""
        if self.extra_opening is not None:
            return self.extra_opening.source
        if self.override is not None:
            return self.override.source
        return None if self.period is None else self.period.source


@dataclass(frozen=True, slots=True)
class SpanInfo:
    """How sure an answer over a span of dates is (e.g. from a request to its deadline).

    Attributes:
        start: the first local date of the span.
        end: the last local date of the span.
        caveats: why answers over the span may change, one per uncertain fact, in date order.
        default_hours: whether some working day in the span uses the national default hours.
        closures: the closures in the span (see ``OfficeCalendar.closures_between``).

    Examples:
        >>> from adminduk.schedule import OfficeCalendar, CalendarSpec, national_default_periods
        >>> cal = OfficeCalendar(CalendarSpec(zone="Asia/Jakarta",
        ...                                   periods=national_default_periods()))
        >>> span = cal.span_info(dt.date(2020, 3, 20), dt.date(2020, 3, 31))
        >>> span.provisional, span.default_hours, [c.name_en for c in span.closures]
        (False, True, ['Day of Silence'])
        >>> later = cal.span_info(dt.date(2035, 2, 1), dt.date(2035, 2, 28))
        >>> for caveat in later.caveats:
        ...     print(caveat.kind.value, caveat.date)
        cuti-bersama-unknown 2035-01-01
        estimated-holiday 2035-02-08
        estimated-holiday 2035-02-19
    """

    start: dt.date
    end: dt.date
    caveats: tuple[Caveat, ...]
    default_hours: bool
    closures: tuple[ClosedDay, ...]

    @property
    def provisional(self) -> bool:
        """Whether some answer over the span rests on an estimate or on missing data."""
        return bool(self.caveats)


def _merge(ranges: tuple[TimeRange, ...]) -> Pattern:
    out: list[tuple[int, int]] = []
    for r in ranges:
        start, end = r.start * 60_000_000, r.end * 60_000_000
        if out and out[-1][1] == start:  # touching intervals are one opening
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return tuple(out)


class OfficeCalendar:
    """When an office is open, and business-time arithmetic over its one timeline.

    Built from a :class:`CalendarSpec`: weekly hours by period (later periods override earlier
    ones on the dates they cover), national holidays, cuti bersama when the office closes on them,
    local closures, hour overrides and extra openings. Every query runs across period changes as
    if the calendar were one.

    Conventions (all tested):

    * **Instants.** Every instant returned is aware, in the office zone. An aware input in any
      zone is converted; a **naive input is office-local wall time**. A ``date`` means its local
      midnight, and an ISO 8601 string is read as ``datetime.fromisoformat`` would.
    * **Intervals are half-open**: open at the opening minute, **closed at the closing minute**
      (``is_open`` at 11:00 on a Friday that closes at 11:00 is ``False``).
    * **Adding working time** ``d > 0`` returns the *earliest* instant ``r`` at which ``d`` of
      working time has passed since ``t``: a budget used up exactly at a closing minute lands **on
      the close** (Fri 10:00 + 1 h = Fri 11:00), not at the next opening. A negative ``d`` returns
      the *latest* instant ``r`` with ``-d`` of working time between ``r`` and ``t`` (it lands on
      an opening). ``d == 0`` returns ``t``.
    * **Working days** are dates with at least one opening. ``add_working_days(t, n)`` returns the
      **opening** of the n-th working day **after** ``t``'s date (before it, for ``n < 0``),
      whether or not ``t``'s own day is a working day or ``t`` is within hours: from Saturday,
      one working day is Monday. ``n == 0`` gives ``t``'s day if it is a working day, else the
      next one. ``working_days_between(a, b)`` counts the working days passed from ``a``'s date
      to ``b``'s: ``a``'s own date is not counted, ``b``'s is; negative when ``b`` is earlier.
    * **Range.** Instants from 2000-01-01 to 2099-12-31 (office-local); anything outside raises
      :class:`~adminduk.errors.OutOfRange`, as does a result that would fall outside.

    Examples:
        >>> from datetime import datetime, timedelta
        >>> from adminduk.schedule import CalendarSpec, OfficeCalendar
        >>> cal = OfficeCalendar(CalendarSpec.parse({"zone": "Asia/Jakarta", "periods": [{
        ...     "hours": {"senin": "08:00-15:00", "selasa": "08:00-15:00", "rabu": "08:00-15:00",
        ...               "kamis": "08:00-15:00", "jumat": "08:00-11:00"},
        ...     "source": "seeds/000_1ad220c1c85a72e3.txt"}]}))
        >>> cal.is_open(datetime(2020, 3, 20, 10, 30)), cal.is_open(datetime(2020, 3, 20, 11, 30))
        (True, False)
        >>> cal.next_opening(datetime(2020, 3, 20, 11, 30)).strftime("%A %H:%M %Z")
        'Monday 08:00 WIB'
        >>> cal.add_working_time(datetime(2020, 3, 20, 10), timedelta(hours=1))
        datetime.datetime(2020, 3, 20, 11, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta'))
        >>> cal.add_working_days(datetime(2020, 3, 20, 10), 5).date()  # Nyepi on the 25th
        datetime.date(2020, 3, 30)
    """

    __slots__ = (
        "_closures",
        "_epoch",
        "_extra",
        "_lock",
        "_off_us",
        "_overrides",
        "_patterns",
        "_periods",
        "_s",
        "_spec",
        "_zone",
    )

    def __init__(self, spec: CalendarSpec | Mapping[str, Any]) -> None:
        spec = CalendarSpec.parse(spec)
        zone, offset = load_zone(spec.zone)
        self._spec = spec
        self._zone = zone
        self._off_us = offset * 1_000_000
        self._epoch = dt.datetime(1970, 1, 1, tzinfo=zone)
        self._patterns: dict[Pattern, Pattern] = {}
        self._periods = tuple(reversed(spec.periods))  # the last one covering a date wins
        self._overrides = tuple(reversed(spec.overrides))
        self._closures = spec.closures
        self._extra = {e.date: e for e in spec.extra_openings}
        self._lock = threading.Lock()
        self._s: _State = (0, 0, [], [0], [0])

    def __reduce__(self) -> tuple[Any, ...]:
        # Its lock and the years built so far are a cache: a copy or an unpickled calendar is
        # built again from the spec (an office that was asked a question still pickles).
        return (type(self), (self._spec,))

    @classmethod
    def from_spec(cls, spec: CalendarSpec | Mapping[str, Any]) -> OfficeCalendar:
        """Build a calendar from a spec or from its mapping form (validated).

        Raises:
            ConfigError: the mapping is not a valid ``CalendarSpec``.

        Examples:
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Makassar",
            ...     "periods": [{"hours": {"senin": "08:00-12:00"}, "source": "x"}]})
            >>> cal.zone
            zoneinfo.ZoneInfo(key='Asia/Makassar')
        """
        return cls(spec)

    @property
    def spec(self) -> CalendarSpec:
        """The specification the calendar was built from."""
        return self._spec

    @property
    def zone(self) -> ZoneInfo:
        """The office's time zone."""
        return self._zone

    def __repr__(self) -> str:
        return f"OfficeCalendar(zone={self._spec.zone!r}, periods={len(self._spec.periods)})"

    # -- building --------------------------------------------------------------------------
    def _ranges(
        self, day: dt.date
    ) -> tuple[tuple[TimeRange, ...] | None, HoursPeriod | None, HoursOverride | None]:
        """The weekly-hours ranges of ``day`` before holidays, closures and extra openings."""
        period = next((p for p in self._periods if p.covers(day)), None)
        for override in self._overrides:
            if override.start <= day <= override.end:
                return override.hours.day(day.weekday()), period, override
        if period is None:
            return None, None, None
        return period.hours.day(day.weekday()), period, None

    def _pattern(self, ranges: tuple[TimeRange, ...]) -> Pattern:
        pattern = _merge(ranges)
        return self._patterns.setdefault(pattern, pattern)  # one shared tuple per distinct day

    def _closed_reasons(self, day: dt.date) -> list[ClosedDay]:
        reasons = [
            n
            for n in national_days(day.year)
            if n.date == day
            and (n.kind is ClosureKind.HOLIDAY or self._spec.closes_on_cuti_bersama)
        ]
        reasons.extend(
            ClosedDay(day, ClosureKind.LOCAL, c.reason_id, c.reason_en, False, c.source)
            for c in self._closures
            if c.covers(day)
        )
        return reasons

    def _closed_dates(self, year: int) -> set[dt.date]:
        closed = {
            n.date
            for n in national_days(year)
            if n.kind is ClosureKind.HOLIDAY or self._spec.closes_on_cuti_bersama
        }
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        for c in self._closures:
            day, end = max(c.start, first), min(c.end, last)
            while day <= end:
                closed.add(day)
                day += dt.timedelta(days=1)
        return closed

    def _build_year(self, year: int) -> list[Pattern]:
        closed = self._closed_dates(year)
        patterns: list[Pattern] = []
        day = dt.date(year, 1, 1)
        one = dt.timedelta(days=1)
        while day.year == year:
            extra = self._extra.get(day)
            if extra is not None:
                patterns.append(self._pattern(extra.hours))
            elif day in closed:
                patterns.append(())
            else:
                ranges = self._ranges(day)[0]
                patterns.append(() if ranges is None else self._pattern(ranges))
            day += one
        return patterns

    def _grow(self, right: bool) -> bool:
        """Build one more year on the right (or left) of the timeline; False at the range end."""
        with self._lock:
            day0, n, pats, cum, wd = self._s
            if n == 0:
                raise AssertionError("the first year is built by _reach")
            if right:
                year = dt.date.fromordinal(day0 + n - 1 + _EPOCH_ORDINAL).year + 1
            else:
                year = dt.date.fromordinal(day0 + _EPOCH_ORDINAL).year - 1
            if not FIRST_YEAR <= year <= LAST_YEAR:
                return False
            block = self._build_year(year)
            bcum, bwd = [0], [0]
            total = days = 0
            for pattern in block:
                for o, c in pattern:
                    total += c - o
                days += 1 if pattern else 0
                bcum.append(total)
                bwd.append(days)
            if right:
                self._s = (
                    day0,
                    n + len(block),
                    pats + block,
                    cum + [cum[-1] + x for x in bcum[1:]],
                    wd + [wd[-1] + x for x in bwd[1:]],
                )
            else:
                # Cumulative values keep their origin: only indices shift when growing left.
                self._s = (
                    day0 - len(block),
                    n + len(block),
                    block + pats,
                    [cum[0] - total + x for x in bcum[:-1]] + cum,
                    [wd[0] - days + x for x in bwd[:-1]] + wd,
                )
            return True

    def _reach(self, q: int, field: str, value: object) -> _State:
        """Make day ``q`` (days since 1970, local) part of the built timeline."""
        if not _FIRST_DAY <= q < _END_DAY:
            raise OutOfRange(field, value, _VALID_INSTANT)
        with self._lock:
            if self._s[1] == 0:
                year = dt.date.fromordinal(q + _EPOCH_ORDINAL).year
                block = self._build_year(year)
                cum, wd = [0], [0]
                for pattern in block:
                    cum.append(cum[-1] + sum(c - o for o, c in pattern))
                    wd.append(wd[-1] + (1 if pattern else 0))
                start = dt.date(year, 1, 1).toordinal() - _EPOCH_ORDINAL
                self._s = (start, len(block), block, cum, wd)
        while q < self._s[0]:
            self._grow(right=False)
        while q >= self._s[0] + self._s[1]:
            self._grow(right=True)
        return self._s

    def _beyond(self, field: str, value: object, forward: bool) -> OutOfRange:
        bound = f"{LAST_YEAR}-12-31" if forward else f"{FIRST_YEAR}-01-01"
        side = "after" if forward else "before"
        return OutOfRange(
            field,
            value,
            f"a result within the supported range: this one falls {side} {bound}, or the "
            f"office never opens in between",
        )

    # -- conversions -------------------------------------------------------------------------
    def _instant(self, t: object, field: str) -> int:
        """Local wall microseconds since 1970 for anything accepted as an instant (slow path)."""
        t = plain(t)  # a datetime subclass may lie in its own methods
        if type(t) is dt.datetime:
            try:
                naive = is_naive(t)
            except Exception:  # a tzinfo that raises or returns junk gives no instant
                raise OutOfRange(field, t, _VALID_INSTANT) from None
            if naive:
                return (t.replace(tzinfo=None) - _EPOCH_NAIVE) // _US
            return (t - _EPOCH_UTC) // _US + self._off_us
        if type(t) is dt.date:
            return (t.toordinal() - _EPOCH_ORDINAL) * _DAY
        if is_text(t):
            try:
                parsed = dt.datetime.fromisoformat(t)
            except ValueError:
                raise OutOfRange(field, t, _VALID_INSTANT) from None
            return self._instant(parsed, field)
        raise OutOfRange(field, t, _VALID_INSTANT)

    def _local(self, t: object, field: str) -> int:
        try:
            tz = t.tzinfo  # type: ignore[attr-defined]
            if tz is self._zone:
                return (t - self._epoch) // _US  # type: ignore[no-any-return,operator]
            if tz is None:
                return (t - _EPOCH_NAIVE) // _US  # type: ignore[no-any-return,operator]
        except (AttributeError, TypeError):
            pass
        return self._instant(t, field)

    def _day(self, d: object, field: str) -> int:
        """Days since 1970 of the local date of ``d`` (a date, or an instant's local date)."""
        if type(d) is dt.date:
            return d.toordinal() - _EPOCH_ORDINAL
        return self._local(d, field) // _DAY

    def _at(self, local_us: int) -> dt.datetime:
        return self._epoch + _US * local_us

    # -- instants ----------------------------------------------------------------------------
    # The methods below repeat the wall-clock fast path (tzinfo, toordinal, the clock fields)
    # on purpose, rather than call one helper: the extra call and tuple made is_open about 20 %
    # and the others 12-14 % slower in an A/B run of both versions (see bench_schedule.py).
    def is_open(self, t: dt.datetime) -> bool:
        """Whether the office is open at ``t`` (open at the opening minute, closed at the close).

        Raises:
            OutOfRange: ``t`` is outside 2000–2099 or not an instant.

        Examples:
            >>> from datetime import datetime
            >>> from adminduk.schedule import CalendarSpec, OfficeCalendar
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Jakarta", "periods": [
            ...     {"hours": {"jumat": "08:00-11:00"}, "source": "x"}]})
            >>> [cal.is_open(datetime(2020, 3, 20, h)) for h in (7, 8, 10, 11)]
            [False, True, True, False]
        """
        tz = None
        try:  # the fast path reads the wall clock; anything else goes through _instant
            tz = t.tzinfo
            if tz is self._zone or tz is None:
                q = t.toordinal() - _EPOCH_ORDINAL
                off = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
            else:
                q, off = divmod(self._instant(t, "t"), _DAY)
        except (AttributeError, TypeError):
            q, off = divmod(self._instant(t, "t"), _DAY)
        day0, n, pats, _, _ = self._s
        i = q - day0
        if not 0 <= i < n:
            day0, n, pats, _, _ = self._reach(q, "t", t)
            i = q - day0
        for o, c in pats[i]:
            if off < c:
                return off >= o
        return False

    def next_opening(self, t: dt.datetime) -> dt.datetime:
        """The first instant at or after ``t`` when the office is open (``t`` itself if open).

        Raises:
            OutOfRange: ``t`` is out of range, or the office does not open again before 2100.

        Examples:
            >>> from datetime import datetime
            >>> from adminduk.schedule import OfficeCalendar
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Makassar", "periods": [
            ...     {"hours": {"senin": "08:00-15:00"}, "source": "x"}]})
            >>> cal.next_opening(datetime(2020, 3, 20, 11, 30)).strftime("%A %H:%M%z")
            'Monday 08:00+0800'
        """
        tz = None
        try:  # the fast path reads the wall clock; anything else goes through _instant
            tz = t.tzinfo
            if tz is self._zone or tz is None:
                q = t.toordinal() - _EPOCH_ORDINAL
                off = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
            else:
                q, off = divmod(self._instant(t, "t"), _DAY)
        except (AttributeError, TypeError):
            q, off = divmod(self._instant(t, "t"), _DAY)
        day0, n, pats, cum, _ = self._s
        i = q - day0
        if not 0 <= i < n:
            day0, n, pats, cum, _ = self._reach(q, "t", t)
            i = q - day0
        for o, c in pats[i]:
            if off < c:
                if off >= o:
                    return t if tz is self._zone else self._at(q * _DAY + off)
                return self._at(q * _DAY + o)
        while True:
            # The first day after day i with any hours: the last day whose cumulative working
            # time still equals that at the start of day i + 1.
            j = bisect_right(cum, cum[i + 1], i + 1) - 1
            if j < n:
                return self._at((j + day0) * _DAY + pats[j][0][0])
            if not self._grow(right=True):
                raise self._beyond("t", t, forward=True)
            day0, n, pats, cum, _ = self._s
            i = q - day0

    def next_closing(self, t: dt.datetime) -> dt.datetime:
        """When the office next closes: the end of the opening ``t`` is in, or if it is closed
        at ``t``, the end of the next opening. Openings that run on past midnight count as one.

        Raises:
            OutOfRange: ``t`` is out of range, or no closing follows before 2100.

        Examples:
            >>> from datetime import datetime
            >>> from adminduk.schedule import OfficeCalendar
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Jakarta", "periods": [
            ...     {"hours": {"senin": "08:00-15:00", "jumat": "08:00-11:00"}, "source": "x"}]})
            >>> cal.next_closing(datetime(2020, 3, 20, 10)).time()
            datetime.time(11, 0)
            >>> cal.next_closing(datetime(2020, 3, 20, 11)).strftime("%A %H:%M%z")
            'Monday 15:00+0700'
        """  # noqa: D205
        q, off = divmod(self._local(t, "t"), _DAY)
        day0, n, pats, _, _ = self._s
        i = q - day0
        if not 0 <= i < n:
            day0, n, pats, _, _ = self._reach(q, "t", t)
            i = q - day0
        close = next((c for o, c in pats[i] if off < c), None)
        if close is None:
            opening = self.next_opening(self._at((q + 1) * _DAY))
            return self.next_closing(opening)
        end = q * _DAY + close
        while close == _DAY:  # open through midnight: the opening goes on if the next day's does
            q += 1
            if q >= _END_DAY:
                raise self._beyond("t", t, forward=True)
            day0, n, pats, _, _ = self._reach(q, "t", t)
            following = pats[q - day0]
            if not following or following[0][0] != 0:
                break
            close = following[0][1]
            end = q * _DAY + close
        return self._at(end)

    def opening_intervals(self, a: dt.datetime, b: dt.datetime) -> tuple[Interval, ...]:
        """The opening intervals between ``a`` and ``b``, clipped to ``[a, b]``, in order.

        Intervals that touch at midnight are joined. The durations sum to
        ``working_time_between(a, b)``; empty when ``b <= a``.

        Examples:
            >>> from datetime import datetime
            >>> from adminduk.schedule import OfficeCalendar
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Jakarta", "periods": [
            ...     {"hours": {"jumat": ["08:00-11:00", "13:00-15:00"]}, "source": "x"}]})
            >>> for i in cal.opening_intervals(datetime(2020, 3, 20, 9), datetime(2020, 3, 21)):
            ...     print(i.opens.time(), i.closes.time())
            09:00:00 11:00:00
            13:00:00 15:00:00
        """
        la, lb = self._local(a, "a"), self._local(b, "b")
        qa, qb = la // _DAY, lb // _DAY
        self._reach(qa, "a", a)
        day0, _, pats, _, _ = self._reach(qb, "b", b)
        if lb <= la:
            return ()
        spans: list[list[int]] = []
        for q in range(qa, qb + 1):
            base = q * _DAY
            for o, c in pats[q - day0]:
                start, end = max(base + o, la), min(base + c, lb)
                if start >= end:
                    continue
                if spans and spans[-1][1] == start:
                    spans[-1][1] = end
                else:
                    spans.append([start, end])
        return tuple(Interval(self._at(s), self._at(e)) for s, e in spans)

    # -- working time ----------------------------------------------------------------------
    def working_time_between(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        """The opening time between ``a`` and ``b``; negative when ``b`` is before ``a``.

        Raises:
            OutOfRange: ``a`` or ``b`` is out of range or not an instant.

        Examples:
            >>> from datetime import datetime
            >>> from adminduk.schedule import OfficeCalendar
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Jakarta", "periods": [
            ...     {"hours": {"senin": "08:00-15:00", "jumat": "08:00-11:00"}, "source": "x"}]})
            >>> cal.working_time_between(datetime(2020, 3, 20, 10), datetime(2020, 3, 23, 9))
            datetime.timedelta(seconds=7200)
            >>> cal.working_time_between(datetime(2020, 3, 23, 9), datetime(2020, 3, 20, 10))
            datetime.timedelta(days=-1, seconds=79200)
        """
        tz = None
        try:  # the fast path reads the wall clock; anything else goes through _instant
            tz = a.tzinfo
            if tz is self._zone or tz is None:
                qa = a.toordinal() - _EPOCH_ORDINAL
                oa = ((a.hour * 60 + a.minute) * 60 + a.second) * 1_000_000 + a.microsecond
            else:
                qa, oa = divmod(self._instant(a, "a"), _DAY)
        except (AttributeError, TypeError):
            qa, oa = divmod(self._instant(a, "a"), _DAY)
        tz = None
        try:  # the fast path reads the wall clock; anything else goes through _instant
            tz = b.tzinfo
            if tz is self._zone or tz is None:
                qb = b.toordinal() - _EPOCH_ORDINAL
                ob = ((b.hour * 60 + b.minute) * 60 + b.second) * 1_000_000 + b.microsecond
            else:
                qb, ob = divmod(self._instant(b, "b"), _DAY)
        except (AttributeError, TypeError):
            qb, ob = divmod(self._instant(b, "b"), _DAY)
        day0, n, pats, cum, _ = self._s
        ia, ib = qa - day0, qb - day0
        if not (0 <= ia < n and 0 <= ib < n):
            self._reach(qa, "a", a)
            day0, n, pats, cum, _ = self._reach(qb, "b", b)
            ia, ib = qa - day0, qb - day0
        wa = cum[ia]
        for o, c in pats[ia]:
            if oa <= o:
                break
            wa += (oa if oa < c else c) - o
        wb = cum[ib]
        for o, c in pats[ib]:
            if ob <= o:
                break
            wb += (ob if ob < c else c) - o
        return _US * (wb - wa)

    def add_working_time(self, t: dt.datetime, duration: dt.timedelta) -> dt.datetime:
        """The instant when ``duration`` of opening time has passed since ``t``.

        A budget used up exactly at a closing minute lands on the close; a negative duration
        goes back and lands on an opening (see the class conventions).
        ``working_time_between(t, add_working_time(t, d)) == d`` for every ``d``.

        Raises:
            OutOfRange: ``t`` or the result is outside 2000–2099, or ``duration`` is not a
                ``timedelta``.

        Examples:
            >>> from datetime import datetime, timedelta
            >>> from adminduk.schedule import OfficeCalendar
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Jakarta", "periods": [
            ...     {"hours": {"senin": "08:00-15:00", "jumat": "08:00-11:00"}, "source": "x"}]})
            >>> later = cal.add_working_time(datetime(2020, 3, 20, 10), timedelta(hours=2))
            >>> later.strftime("%A %H:%M")  # one hour on Friday, one on Monday
            'Monday 09:00'
            >>> cal.add_working_time(datetime(2020, 3, 23, 9), timedelta(hours=-2)).isoformat()
            '2020-03-20T10:00:00+07:00'
        """
        tz = None
        try:  # the fast path reads the wall clock; anything else goes through _instant
            tz = t.tzinfo
            if tz is self._zone or tz is None:
                q = t.toordinal() - _EPOCH_ORDINAL
                off = ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond
            else:
                q, off = divmod(self._instant(t, "t"), _DAY)
        except (AttributeError, TypeError):
            q, off = divmod(self._instant(t, "t"), _DAY)
        try:
            amount = duration // _US
        except TypeError:
            raise OutOfRange("duration", duration, "a datetime.timedelta") from None
        day0, n, pats, cum, _ = self._s
        i = q - day0
        if not 0 <= i < n:
            day0, n, pats, cum, _ = self._reach(q, "t", t)
            i = q - day0
        worked = cum[i]
        for o, c in pats[i]:
            if off <= o:
                break
            worked += (off if off < c else c) - o
        target = worked + amount
        if amount > 0:
            while target > cum[n]:
                if not self._grow(right=True):
                    raise self._beyond("duration", duration, forward=True)
                day0, n, pats, cum, _ = self._s
            j = bisect_left(cum, target, q - day0 + 1) - 1
            rest = target - cum[j]
            for o, c in pats[j]:
                if rest <= c - o:
                    return self._epoch + _US * ((j + day0) * _DAY + o + rest)
                rest -= c - o
        elif amount < 0:
            while target < cum[0]:
                if not self._grow(right=False):
                    raise self._beyond("duration", duration, forward=False)
                day0, n, pats, cum, _ = self._s
            j = bisect_right(cum, target, 0, q - day0 + 1) - 1
            rest = target - cum[j]
            for o, c in pats[j]:
                if rest < c - o:
                    return self._epoch + _US * ((j + day0) * _DAY + o + rest)
                rest -= c - o
        else:
            return t if tz is self._zone else self._at(q * _DAY + off)
        raise AssertionError("cumulative lists out of step with the day patterns")

    # -- working days ----------------------------------------------------------------------
    def is_working_day(self, d: dt.date | dt.datetime) -> bool:
        """Whether the office opens at all on ``d``'s local date.

        Examples:
            >>> from datetime import date
            >>> from adminduk.schedule import OfficeCalendar, CalendarSpec
            >>> from adminduk.schedule import national_default_periods
            >>> cal = OfficeCalendar(CalendarSpec(zone="Asia/Jakarta",
            ...                                   periods=national_default_periods()))
            >>> cal.is_working_day(date(2020, 3, 24)), cal.is_working_day(date(2020, 3, 25))
            (True, False)
        """
        q = self._day(d, "d")
        day0, n, pats, _, _ = self._s
        if not 0 <= q - day0 < n:
            day0, n, pats, _, _ = self._reach(q, "d", d)
        return bool(pats[q - day0])

    def add_working_days(self, t: dt.date | dt.datetime, n: int) -> dt.datetime:
        """The opening of the n-th working day after ``t``'s local date (before it if ``n < 0``).

        ``t``'s own date never counts, open or not: from a Saturday, 1 working day is Monday's
        opening; from a Monday at 16:00, it is Tuesday's. ``n == 0`` gives the opening of ``t``'s
        date if it is a working day, else of the next working day.

        Raises:
            OutOfRange: ``t`` or the result is outside 2000–2099, or ``n`` is not an int.

        Examples:
            >>> from datetime import datetime
            >>> from adminduk.schedule import OfficeCalendar, CalendarSpec
            >>> from adminduk.schedule import national_default_periods
            >>> cal = OfficeCalendar(CalendarSpec(zone="Asia/Jakarta",
            ...                                   periods=national_default_periods()))
            >>> monday = cal.add_working_days(datetime(2020, 3, 21, 9), 1)  # from a Saturday
            >>> monday.strftime("%A"), monday == cal.day_info(monday).intervals[0].opens
            ('Monday', True)
            >>> cal.add_working_days(datetime(2020, 3, 24, 9), 1).date()  # Nyepi on the 25th
            datetime.date(2020, 3, 26)
        """
        if type(n) is not int:
            raise OutOfRange("n", n, "a whole number of working days (int)")
        q = self._day(t, "t")
        day0, size, pats, _, wd = self._s
        if not 0 <= q - day0 < size:
            day0, size, pats, _, wd = self._reach(q, "t", t)
        i = q - day0
        # `index` numbers working days along the timeline; wd[k] is the count before day k.
        index = wd[i + 1] + n - 1 if n > 0 else wd[i] + n
        while index >= wd[size]:
            if not self._grow(right=True):
                raise self._beyond("n", n, forward=True)
            day0, size, pats, _, wd = self._s
        while index < wd[0]:
            if not self._grow(right=False):
                raise self._beyond("n", n, forward=False)
            day0, size, pats, _, wd = self._s
        j = bisect_left(wd, index + 1) - 1
        return self._at((j + day0) * _DAY + pats[j][0][0])

    def working_days_between(self, a: dt.date | dt.datetime, b: dt.date | dt.datetime) -> int:
        """The working days passed going from ``a``'s local date to ``b``'s.

        ``a``'s date is not counted and ``b``'s is; negative when ``b`` is earlier. So
        ``working_days_between(t, add_working_days(t, n)) == n`` for every ``n != 0``.

        Examples:
            >>> from datetime import date
            >>> from adminduk.schedule import OfficeCalendar, CalendarSpec
            >>> from adminduk.schedule import national_default_periods
            >>> cal = OfficeCalendar(CalendarSpec(zone="Asia/Jakarta",
            ...                                   periods=national_default_periods()))
            >>> cal.working_days_between(date(2020, 3, 20), date(2020, 3, 30))
            5
            >>> cal.working_days_between(date(2020, 3, 30), date(2020, 3, 20))
            -5
        """
        qa, qb = self._day(a, "a"), self._day(b, "b")
        self._reach(qa, "a", a)
        day0, _, _, _, wd = self._reach(qb, "b", b)
        ia, ib = qa - day0, qb - day0
        return wd[ib + 1] - wd[ia + 1] if ia <= ib else wd[ib] - wd[ia]

    # -- explanations ----------------------------------------------------------------------
    def _dates(self, a: object, b: object) -> tuple[dt.date, dt.date]:
        qa, qb = self._day(a, "a"), self._day(b, "b")
        for q, field, value in ((qa, "a", a), (qb, "b", b)):
            if not _FIRST_DAY <= q < _END_DAY:
                raise OutOfRange(field, value, _VALID_INSTANT)
        return (
            dt.date.fromordinal(qa + _EPOCH_ORDINAL),
            dt.date.fromordinal(qb + _EPOCH_ORDINAL),
        )

    def closures_between(
        self, a: dt.date | dt.datetime, b: dt.date | dt.datetime
    ) -> tuple[ClosedDay, ...]:
        """The closures from ``a``'s local date to ``b``'s (inclusive) that cost opening hours.

        One entry per date and reason, in date order: national holidays, cuti bersama (when the
        office closes on them) and local closures, each with its names, source and the
        ``estimated`` flag. A day that would have been closed anyway (a Sunday) or that an extra
        opening keeps open is left out.

        Examples:
            >>> from datetime import date
            >>> from adminduk.schedule import OfficeCalendar, CalendarSpec
            >>> from adminduk.schedule import national_default_periods
            >>> cal = OfficeCalendar(CalendarSpec(zone="Asia/Jakarta",
            ...                                   periods=national_default_periods()))
            >>> for c in cal.closures_between(date(2020, 3, 1), date(2020, 4, 30)):
            ...     print(c.date, c.kind.value, c.name_id)
            2020-03-25 libur-nasional Hari Suci Nyepi
            2020-04-10 libur-nasional Wafat Yesus Kristus
        """
        first, last = self._dates(a, b)
        out: list[ClosedDay] = []
        day = first
        while day <= last:
            if day not in self._extra and self._ranges(day)[0]:
                out.extend(self._closed_reasons(day))
            day += dt.timedelta(days=1)
        return tuple(out)

    def _caveats(self, day: dt.date, base: tuple[TimeRange, ...] | None) -> list[Caveat]:
        if day in self._extra:
            return []
        if base is None:
            return [
                Caveat(
                    CaveatKind.HOURS_UNKNOWN,
                    day,
                    f"Jam layanan pada {day.isoformat()} tidak diketahui",
                    f"no opening hours are known for {day.isoformat()}",
                )
            ]
        if not base:
            return []
        caveats = []
        horizon = cuti_bersama_horizon()
        if self._spec.closes_on_cuti_bersama and day.year > horizon:
            caveats.append(
                Caveat(
                    CaveatKind.CUTI_BERSAMA_UNKNOWN,
                    dt.date(day.year, 1, 1),
                    f"Cuti bersama tahun {day.year} belum ditetapkan (data sampai {horizon})",
                    f"cuti bersama for {day.year} are not decreed yet (data up to {horizon})",
                )
            )
        years = {(day - _ESTIMATE_MARGIN).year, day.year, (day + _ESTIMATE_MARGIN).year}
        for year in sorted(years & set(range(FIRST_YEAR, LAST_YEAR + 1))):
            for n in national_days(year):
                if not n.estimated or abs(n.date - day) > _ESTIMATE_MARGIN:
                    continue
                if n.kind is ClosureKind.CUTI_BERSAMA and not self._spec.closes_on_cuti_bersama:
                    continue
                name_id = n.name_id.replace(" (perkiraan)", "")  # the sentence says so
                caveats.append(
                    Caveat(
                        CaveatKind.ESTIMATED_HOLIDAY,
                        n.date,
                        f"Tanggal {name_id} ({n.date.isoformat()}) masih perkiraan; tanggal "
                        "resminya bisa berbeda",
                        f"{n.name_en} on {n.date.isoformat()} is an estimate; the decreed date "
                        "may differ",
                    )
                )
        return caveats

    def day_info(self, d: dt.date | dt.datetime) -> DayInfo:
        """What the calendar knows about ``d``'s local date, and how sure it is.

        Raises:
            OutOfRange: the date is outside 2000–2099.

        Examples:
            >>> from datetime import date
            >>> from adminduk.schedule import OfficeCalendar, CalendarSpec
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Jakarta", "periods": [
            ...     {"hours": {"jumat": "08:00-11:00"}, "source": "seed 000"}]})
            >>> info = cal.day_info(date(2020, 4, 10))
            >>> info.is_working_day, [c.name_id for c in info.closed_by]
            (False, ['Wafat Yesus Kristus'])
            >>> info = cal.day_info(date(2020, 4, 17))
            >>> info.intervals[0].opens.isoformat(), info.hours_source, info.is_default_hours
            ('2020-04-17T08:00:00+07:00', 'seed 000', False)
        """
        day, _ = self._dates(d, d)
        base, period, override = self._ranges(day)
        extra = self._extra.get(day)
        closed_by = tuple(self._closed_reasons(day))
        if extra is not None:
            pattern = self._pattern(extra.hours)
        elif closed_by or base is None:
            pattern = ()
        else:
            pattern = self._pattern(base)
        q = day.toordinal() - _EPOCH_ORDINAL
        intervals = tuple(
            Interval(self._at(q * _DAY + o), self._at(q * _DAY + c)) for o, c in pattern
        )
        default = bool(
            pattern and extra is None and override is None and period and period.is_default
        )
        return DayInfo(
            date=day,
            intervals=intervals,
            closed_by=closed_by,
            period=period,
            override=override,
            extra_opening=extra,
            is_default_hours=default,
            caveats=tuple(self._caveats(day, base)),
        )

    def span_info(self, a: dt.date | dt.datetime, b: dt.date | dt.datetime) -> SpanInfo:
        """How sure answers over ``a``'s date to ``b``'s date (inclusive) are.

        Use it on an answer's span, e.g. ``span_info(submitted, add_working_days(submitted,
        5))``: ``provisional`` is ``True`` when a day in between depends on an estimated holiday,
        on cuti bersama not yet decreed, or on unknown hours; ``default_hours`` when a working day
        uses the national default hours instead of the office's own.

        Examples:
            >>> from datetime import date
            >>> from adminduk.schedule import OfficeCalendar, CalendarSpec
            >>> cal = OfficeCalendar.from_spec({"zone": "Asia/Jakarta", "periods": [
            ...     {"hours": {"senin": "08:00-15:00"}, "source": "x"}]})
            >>> span = cal.span_info(date(2035, 2, 1), date(2035, 3, 1))
            >>> span.provisional, [c.date.isoformat() for c in span.caveats]
            (True, ['2035-01-01', '2035-02-19'])
        """
        first, last = self._dates(a, b)
        if last < first:
            first, last = last, first
        seen: dict[tuple[CaveatKind, dt.date], Caveat] = {}
        default = False
        day = first
        while day <= last:
            base, period, override = self._ranges(day)
            for caveat in self._caveats(day, base):
                seen.setdefault((caveat.kind, caveat.date), caveat)
            if (
                not default
                and base
                and period is not None
                and period.is_default
                and override is None
                and day not in self._extra
                and not self._closed_reasons(day)
            ):
                default = True
            day += dt.timedelta(days=1)
        caveats = tuple(sorted(seen.values(), key=lambda c: (c.date, c.kind)))
        return SpanInfo(first, last, caveats, default, self.closures_between(first, last))


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.schedule", __all__, globals())
