"""Business-time arithmetic: adminduk.schedule against the libraries users would otherwise pick.

Run:  .venv/bin/pip install -e '.[bench]'   (pandas, businesstime)
      .venv/bin/python benchmarks/bench_schedule.py [--quick]

In one process, on the same random inputs, it times per operation (median of 5 repeats, each
auto-calibrated to ~0.25 s; microseconds per call, loop overhead included):

  is_open       is the office open at t?                      random t in 2020–2029
  next_opening  the first open instant at or after t          random t in 2020–2029
  add_40h       t + 40 working hours                          random t in 2020–2027
  add_1000h     t + 1,000 working hours                       random t in 2020–2027
  between_1y    working time in [t, t + 365 days]             random t in 2020–2028
  add_5d        + 5 working days (day level)                  random dates in 2020–2027

Implementations, each on the schedule it can express:

  adminduk      OfficeCalendar, aware datetimes in and out, on the real Probolinggo hours
                (FULL: Mon–Thu 08–15, Fri 08–11 WIB; seeds/000_1ad220c1c85a72e3.txt) and on
                UNIFORM (Mon–Fri 08–15), the only schedule pandas and businesstime can express
  bisect-limit  a bare bisect over precomputed [open, close) intervals with cumulative working
                time, aware datetimes in and out: the pure-Python floor to approach
  pandas        CustomBusinessHour / CustomBusinessDay with the holiday list (UNIFORM)
  businesstime  BusinessTime with the holiday list (UNIFORM; naive datetimes, its only mode)
  holidays      holidays.ID(categories=(PUBLIC, GOVERNMENT)).get_nth_working_day (days only)

Closed dates everywhere: national holidays and cuti bersama from `holidays` (ID, categories
public + government), 2020–2030, time zone Asia/Jakarta.

Before timing, every anchor is checked against adminduk on a sample of the same inputs, and the
known convention differences are counted separately (pandas treats the closing instant as open
in is_on_offset/rollforward and rolls an addition that ends exactly at a close to the next
opening; adminduk is half-open and lands on the close).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from adminduk.schedule import CalendarSpec, OfficeCalendar, national_default_periods

ZONE_NAME = "Asia/Jakarta"
TZ = ZoneInfo(ZONE_NAME)
FIRST_YEAR, LAST_YEAR = 2020, 2030
SEED = 20200320
FULL = {
    "senin": "08:00-15:00",
    "selasa": "08:00-15:00",
    "rabu": "08:00-15:00",
    "kamis": "08:00-15:00",
    "jumat": "08:00-11:00",
}
UNIFORM = dict.fromkeys(("senin", "selasa", "rabu", "kamis", "jumat"), "08:00-15:00")
H40, H1000, YEAR = dt.timedelta(hours=40), dt.timedelta(hours=1000), dt.timedelta(days=365)
TARGETS_US = {"is_open": 1.0, "add_40h": 3.0, "add_1000h": 3.0, "between_1y": 4.0}


def calendar(hours: dict[str, str]) -> OfficeCalendar:
    return OfficeCalendar(
        CalendarSpec.parse(
            {
                "zone": ZONE_NAME,
                "periods": [{"hours": hours, "source": "benchmark"}],
                "closes_on_cuti_bersama": True,
            }
        )
    )


def closed_dates() -> list[dt.date]:
    import holidays
    from holidays.constants import GOVERNMENT, PUBLIC

    found = holidays.country_holidays(
        "ID", years=range(FIRST_YEAR, LAST_YEAR + 1), categories=(PUBLIC, GOVERNMENT)
    )
    return sorted(found)


# ---------------------------------------------------------------------------- the floor
class BisectLimit:
    """Sorted opening intervals as POSIX seconds, cumulative working seconds, one bisect per
    query; converts aware datetimes in and out. What a minimal pure-Python design costs."""

    def __init__(self, weekly: dict[int, tuple[dt.time, dt.time]], closed: set[dt.date]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.before: list[int] = []
        self.after: list[int] = []
        total, day = 0, dt.date(FIRST_YEAR, 1, 1)
        while day.year <= LAST_YEAR:
            if day.weekday() in weekly and day not in closed:
                o, c = weekly[day.weekday()]
                s = int(dt.datetime.combine(day, o, TZ).timestamp())
                e = int(dt.datetime.combine(day, c, TZ).timestamp())
                self.starts.append(s)
                self.ends.append(e)
                self.before.append(total)
                total += e - s
                self.after.append(total)
            day += dt.timedelta(days=1)

    def _worked(self, t: int) -> int:
        i = bisect_right(self.starts, t) - 1
        return (
            0 if i < 0 else self.before[i] + min(t - self.starts[i], self.ends[i] - self.starts[i])
        )

    def is_open(self, t: dt.datetime) -> bool:
        x = t.timestamp()
        i = bisect_right(self.starts, x) - 1
        return i >= 0 and x < self.ends[i]

    def add(self, t: dt.datetime, d: dt.timedelta) -> dt.datetime:
        target = self._worked(int(t.timestamp())) + int(d.total_seconds())
        j = bisect_left(self.after, target)
        return dt.datetime.fromtimestamp(self.starts[j] + target - self.before[j], TZ)

    def between(self, a: dt.datetime, b: dt.datetime) -> dt.timedelta:
        return dt.timedelta(
            seconds=self._worked(int(b.timestamp())) - self._worked(int(a.timestamp()))
        )


# ---------------------------------------------------------------------------- timing
def per_op_us(fn: Callable[[Any], object], inputs: Sequence[Any], target_s: float) -> float:
    """Median of 5 repeats of (elapsed / calls), in microseconds; each repeat ~target_s."""
    n = 8
    while True:
        start = time.perf_counter()
        for x in inputs[:n]:
            fn(x)
        elapsed = time.perf_counter() - start
        if elapsed >= target_s / 4 or n >= len(inputs):
            break
        n = min(len(inputs), n * 4)
    cost = max(elapsed / n, 1e-9)
    n = max(1, min(len(inputs), int(target_s / cost)))
    passes = max(1, round(target_s / (cost * n)))
    batch, samples = inputs[:n], []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(passes):
            for x in batch:
                fn(x)
        samples.append((time.perf_counter() - start) / (n * passes) * 1e6)
    return statistics.median(samples)


def instants(rng: random.Random, n: int, first: int, last_excl: int) -> list[dt.datetime]:
    lo = int(dt.datetime(first, 1, 1, tzinfo=TZ).timestamp())
    hi = int(dt.datetime(last_excl, 1, 1, tzinfo=TZ).timestamp())
    return [dt.datetime.fromtimestamp(rng.randrange(lo, hi), TZ) for _ in range(n)]


# ---------------------------------------------------------------------------- agreement
def agree(
    label: str,
    xs: Sequence[Any],
    ours: Callable[[Any], object],
    theirs: Callable[[Any], object],
    convention: Callable[[Any, object, object], bool] | None = None,
) -> bool:
    same = conv = 0
    bad: list[str] = []
    for x in xs:
        a, b = ours(x), theirs(x)
        if a == b:
            same += 1
        elif convention is not None and convention(x, a, b):
            conv += 1
        elif len(bad) < 3:
            bad.append(f"{x!r}: adminduk {a!r}, anchor {b!r}")
    extra = f" (+{conv} differ only by the documented convention)" if conv else ""
    ok = same + conv == len(xs)
    print(f"  {'OK ' if ok else 'BAD'} {label:62s} {same}/{len(xs)}{extra}")
    for line in bad:
        print(f"        {line}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer inputs, shorter repeats")
    args = parser.parse_args()
    n_inputs, target_s, sample = (2_000, 0.05, 150) if args.quick else (20_000, 0.25, 300)

    import businesstime
    import holidays
    import numpy as np
    import pandas as pd
    from businesstime import BusinessTime
    from holidays.constants import GOVERNMENT, PUBLIC

    print("# adminduk.schedule against pandas, businesstime and holidays")
    print(f"python {platform.python_version()} on {platform.machine()} / {platform.platform()}")
    print(
        f"holidays {holidays.__version__}, pandas {pd.__version__} (numpy {np.__version__}), "
        f"businesstime {businesstime.__version__}"
    )
    print(
        f"zone {ZONE_NAME}; inputs/op {n_inputs}; median of 5 repeats of ~{target_s}s; seed {SEED}"
    )

    # ------------------------------------------------------------------ set-up costs
    start = time.perf_counter()
    full = calendar(FULL)
    full.is_open(dt.datetime(2020, 1, 2, 9, tzinfo=TZ))
    first_use = time.perf_counter() - start
    start = time.perf_counter()
    full.is_open(dt.datetime(2030, 12, 31, 9, tzinfo=TZ))
    ten_years = time.perf_counter() - start
    uniform = calendar(UNIFORM)
    closed = closed_dates()
    tracemalloc.start()
    worst = OfficeCalendar(CalendarSpec(zone=ZONE_NAME, periods=national_default_periods()))
    worst.is_open(dt.datetime(2000, 1, 1))
    worst.is_open(dt.datetime(2040, 12, 31))
    memory = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    print(
        f"adminduk: first query {first_use * 1e3:.0f} ms (imports holidays, builds 2020); "
        f"2021–2030 built in {ten_years * 1e3:.0f} ms"
    )
    print(
        f"adminduk: memory for 2000–2040, national default hours (two intervals a day): "
        f"{memory / 2**20:.2f} MiB (target < 2 MB)"
    )

    weekly_full = {d: (dt.time(8), dt.time(15)) for d in range(4)} | {4: (dt.time(8), dt.time(11))}
    limit = BisectLimit(weekly_full, set(closed))
    mask = "Mon Tue Wed Thu Fri"
    cbh = {
        n: pd.offsets.CustomBusinessHour(
            n=n, start="08:00", end="15:00", weekmask=mask, holidays=closed
        )
        for n in (1, 40, 1000)
    }
    cbd5 = pd.offsets.CustomBusinessDay(n=5, weekmask=mask, holidays=closed)
    bt = BusinessTime(business_hours=(dt.time(8), dt.time(15)), weekends=(5, 6), holidays=closed)
    hol = holidays.country_holidays(
        "ID", years=range(FIRST_YEAR, LAST_YEAR + 1), categories=(PUBLIC, GOVERNMENT)
    )

    rng = random.Random(SEED)
    work = {
        "is_open": instants(rng, n_inputs, 2020, 2030),
        "next_opening": instants(rng, n_inputs, 2020, 2030),
        "add_40h": instants(rng, n_inputs, 2020, 2028),
        "add_1000h": instants(rng, n_inputs, 2020, 2028),
        "between_1y": [(t, t + YEAR) for t in instants(rng, n_inputs, 2020, 2029)],
        "add_5d": [t.date() for t in instants(rng, n_inputs, 2020, 2028)],
    }
    # Each library gets the inputs in its own native type, converted outside the timed loops.
    ts = {
        k: [pd.Timestamp(t) for t in work[k]]
        for k in ("is_open", "next_opening", "add_40h", "add_1000h")
    }
    naive = [t.replace(tzinfo=None) for t in work["is_open"]]
    naive_pairs = [(a.replace(tzinfo=None), b.replace(tzinfo=None)) for a, b in work["between_1y"]]
    ts_pairs = [(pd.Timestamp(a), pd.Timestamp(b)) for a, b in work["between_1y"][:sample]]
    ts_days = [pd.Timestamp(d) for d in work["add_5d"]]

    # ------------------------------------------------------------------ agreement
    print(f"\n## Agreement on the first {sample} inputs of each operation")
    k = range(sample)
    ok = True

    def at_close(cal: OfficeCalendar) -> Callable[[Any, object, object], bool]:
        # pandas' convention: an instant at a close is "on offset"/rolls to itself, and an
        # addition that ends exactly at a close moves to the next opening.
        def check(x: Any, ours: object, theirs: object) -> bool:
            if isinstance(ours, bool):
                t = x
                return cal.next_closing(t - dt.timedelta(microseconds=1)) == t
            assert isinstance(ours, dt.datetime)
            return cal.next_opening(ours) == theirs

        return check

    ok &= agree(
        "adminduk FULL vs bisect-limit FULL: is_open",
        [work["is_open"][i] for i in k],
        full.is_open,
        limit.is_open,
    )
    for op, d in (("add_40h", H40), ("add_1000h", H1000)):
        ok &= agree(
            f"adminduk FULL vs bisect-limit FULL: {op}",
            [work[op][i] for i in k],
            lambda t, d=d: full.add_working_time(t, d),
            lambda t, d=d: limit.add(t, d),
        )
    ok &= agree(
        "adminduk FULL vs bisect-limit FULL: between_1y",
        [work["between_1y"][i] for i in k],
        lambda p: full.working_time_between(*p),
        lambda p: limit.between(*p),
    )
    ok &= agree(
        "pandas CBH.is_on_offset vs adminduk UNIFORM is_open",
        list(k),
        lambda i: uniform.is_open(work["is_open"][i]),
        lambda i: bool(cbh[1].is_on_offset(ts["is_open"][i])),
    )
    ok &= agree(
        "pandas CBH.rollforward vs adminduk UNIFORM next_opening",
        list(k),
        lambda i: uniform.next_opening(work["next_opening"][i]),
        lambda i: cbh[1].rollforward(ts["next_opening"][i]).to_pydatetime(),
        lambda i, a, b: uniform.next_closing(b - dt.timedelta(microseconds=1)) == b,
    )
    for op, n, d in (("add_40h", 40, H40), ("add_1000h", 1000, H1000)):
        ok &= agree(
            f"pandas ts + CBH({n}) vs adminduk UNIFORM add_working_time",
            list(k),
            lambda i, op=op, d=d: uniform.add_working_time(work[op][i], d),
            lambda i, op=op, n=n: (ts[op][i] + cbh[n]).to_pydatetime(),
            lambda i, a, b: uniform.next_opening(a) == b,
        )
    ok &= agree(
        "businesstime isduringbusinesshours vs adminduk UNIFORM is_open",
        list(k),
        lambda i: uniform.is_open(work["is_open"][i]),
        lambda i: bt.isduringbusinesshours(naive[i]),
    )
    ok &= agree(
        "businesstime businesstime_hours vs adminduk UNIFORM between_1y",
        list(k),
        lambda i: uniform.working_time_between(*work["between_1y"][i]),
        lambda i: bt.businesstime_hours(*naive_pairs[i]),
    )
    ok &= agree(
        "holidays get_nth_working_day(d, 5) vs adminduk add_working_days(d, 5)",
        [work["add_5d"][i] for i in k],
        lambda d: full.add_working_days(d, 5).date(),
        lambda d: hol.get_nth_working_day(d, 5),
    )
    ok &= agree(
        "pandas Timestamp + CustomBusinessDay(5) vs adminduk add_working_days(d, 5)",
        list(k),
        lambda i: full.add_working_days(work["add_5d"][i], 5).date(),
        lambda i: (ts_days[i] + cbd5).date(),
    )
    if not ok:
        print("\nDISAGREEMENT: the timings below compare different answers.")

    # ------------------------------------------------------------------ timings
    rows: list[tuple[str, str, str, float]] = []

    def timed(
        op: str, impl: str, schedule: str, fn: Callable[[Any], object], xs: Sequence[Any]
    ) -> None:
        us = per_op_us(fn, xs, target_s)
        rows.append((op, impl, schedule, us))
        print(f"  {op:12s} {impl:44s} {schedule:8s} {us:12.2f} us", flush=True)

    print("\n## Timings (microseconds per call, median of 5)")
    timed("is_open", "adminduk OfficeCalendar.is_open", "FULL", full.is_open, work["is_open"])
    timed(
        "is_open", "adminduk OfficeCalendar.is_open", "UNIFORM", uniform.is_open, work["is_open"]
    )
    timed("is_open", "bisect-limit", "FULL", limit.is_open, work["is_open"])
    timed("is_open", "pandas CBH.is_on_offset", "UNIFORM", cbh[1].is_on_offset, ts["is_open"])
    timed(
        "is_open", "businesstime.isduringbusinesshours", "UNIFORM", bt.isduringbusinesshours, naive
    )

    timed(
        "next_opening",
        "adminduk OfficeCalendar.next_opening",
        "FULL",
        full.next_opening,
        work["next_opening"],
    )
    timed(
        "next_opening", "pandas CBH.rollforward", "UNIFORM", cbh[1].rollforward, ts["next_opening"]
    )

    for op, d, n in (("add_40h", H40, 40), ("add_1000h", H1000, 1000)):
        timed(
            op,
            "adminduk OfficeCalendar.add_working_time",
            "FULL",
            lambda t, d=d: full.add_working_time(t, d),
            work[op],
        )
        timed(
            op,
            "adminduk OfficeCalendar.add_working_time",
            "UNIFORM",
            lambda t, d=d: uniform.add_working_time(t, d),
            work[op],
        )
        timed(op, "bisect-limit", "FULL", lambda t, d=d: limit.add(t, d), work[op])
        timed(op, f"pandas Timestamp + CBH(n={n})", "UNIFORM", lambda t, o=cbh[n]: t + o, ts[op])

    timed(
        "between_1y",
        "adminduk OfficeCalendar.working_time_between",
        "FULL",
        lambda p: full.working_time_between(*p),
        work["between_1y"],
    )
    timed(
        "between_1y",
        "adminduk OfficeCalendar.working_time_between",
        "UNIFORM",
        lambda p: uniform.working_time_between(*p),
        work["between_1y"],
    )
    timed("between_1y", "bisect-limit", "FULL", lambda p: limit.between(*p), work["between_1y"])
    timed(
        "between_1y",
        "businesstime.businesstime_hours",
        "UNIFORM",
        lambda p: bt.businesstime_hours(*p),
        naive_pairs,
    )
    timed(
        "between_1y",
        "pandas len(date_range(freq=CBH)) [hours only]",
        "UNIFORM",
        lambda p: len(pd.date_range(p[0], p[1], freq=cbh[1])),
        ts_pairs,
    )

    timed(
        "add_5d",
        "adminduk OfficeCalendar.add_working_days",
        "days",
        lambda d: full.add_working_days(d, 5),
        work["add_5d"],
    )
    timed(
        "add_5d",
        "holidays get_nth_working_day",
        "days",
        lambda d: hol.get_nth_working_day(d, 5),
        work["add_5d"],
    )
    timed("add_5d", "pandas Timestamp + CustomBusinessDay(5)", "days", lambda t: t + cbd5, ts_days)

    # ------------------------------------------------------------------ summary
    ours = {
        op: us
        for op, impl, sched, us in rows
        if impl.startswith("adminduk") and sched in ("FULL", "days")
    }
    print("\n## Summary: adminduk (FULL schedule, aware datetimes) and the ratio to each anchor")
    print(
        f"| {'operation':12s} | {'adminduk us':>11s} | {'anchor':56s} | {'anchor us':>10s} | "
        f"{'anchor / adminduk':>17s} |"
    )
    print(f"|{'-' * 14}|{'-' * 13}|{'-' * 58}|{'-' * 12}|{'-' * 19}|")
    for op, impl, sched, us in rows:
        if impl.startswith("adminduk"):
            continue
        label = f"{impl} ({sched})"
        print(
            f"| {op:12s} | {ours[op]:11.2f} | {label:56s} | {us:10.2f} | {us / ours[op]:16.1f}x |"
        )

    print("\n## Targets")
    verdicts = []
    for op, limit_us in TARGETS_US.items():
        verdicts.append((f"{op} <= {limit_us:g} us", ours[op] <= limit_us, f"{ours[op]:.2f} us"))
    pandas_add = min(
        us for op, impl, _, us in rows if op == "add_40h" and impl.startswith("pandas")
    )
    bt_year = next(us for op, impl, _, us in rows if op == "between_1y" and "businesstime" in impl)
    ratio_add = pandas_add / max(ours["add_40h"], ours["add_1000h"])
    ratio_year = bt_year / ours["between_1y"]
    verdicts.append(("add hours >= 25x faster than pandas", ratio_add >= 25, f"{ratio_add:.0f}x"))
    verdicts.append(
        (
            "working time over a year >= 100x faster than businesstime",
            ratio_year >= 100,
            f"{ratio_year:.0f}x",
        )
    )
    for label, passed, value in verdicts:
        print(f"  {'PASS' if passed else 'MISS'}  {label:58s} {value}")

    print("\n## Import cost (fresh interpreter, median of 5, ms)")
    for label, code in (
        ("python -c pass", "pass"),
        ("import adminduk.schedule", "import adminduk.schedule"),
        (
            "+ first query (imports holidays, builds a year)",
            "import adminduk.schedule as s, datetime as d\n"
            "c = s.OfficeCalendar(s.CalendarSpec(zone='Asia/Jakarta', "
            "periods=s.national_default_periods()))\nc.is_open(d.datetime(2020, 3, 20, 9))",
        ),
    ):
        walls = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            walls.append((time.perf_counter() - start) * 1e3)
        print(f"  {label:50s} {statistics.median(walls):8.1f}")


if __name__ == "__main__":
    main()
