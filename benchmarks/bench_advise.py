"""advise() throughput on random requests, with a per-part breakdown.

Run: python benchmarks/bench_advise.py [--requests 20000] [--runs 5]

Target (issue 26): at least 50,000 advice per second on one core, median of 5 runs, in CPU
time (``time.process_time``: the machine is shared, and wall time counts the others' work).
To compare with a baseline, run its checkout in the same session, interleaved with this one.
The breakdown times each part on the same requests with its cache bypassed, so a regression
is easy to place: lookup (office, service, reasons), calendar (is-open, next opening, day info,
ready-by), triage (the rule list) and checklist (national baseline merged with the office's
changes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

import adminduk
from adminduk.triage import decide
from adminduk.triage._reasons import checked_reasons

OFFICES = ["35.13", "35.14", "52.71", "35.04", "52.06"]
REASONS = [(), (), (), ("bpjs",), ("tni-polri", "rumah-sakit")]


def requests(
    n: int, seed: int = 20200318
) -> list[tuple[str, str, dt.datetime, tuple[str, ...], bool]]:
    rng = random.Random(seed)
    services = [entry.code for entry in adminduk.catalogue()]
    start = dt.datetime(2019, 1, 1)
    span = int((dt.datetime(2031, 1, 1) - start).total_seconds() // 60)
    return [
        (
            rng.choice(OFFICES),
            rng.choice(services),
            start + dt.timedelta(minutes=rng.randrange(span)),
            rng.choice(REASONS),
            rng.random() < 0.8,
        )
        for _ in range(n)
    ]


def timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        begin = time.process_time()
        fn()
        samples.append(time.process_time() - begin)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    reqs = requests(args.requests)
    n = len(reqs)

    def run_advise() -> None:
        for office, service, at, reasons, whatsapp in reqs:
            adminduk.advise(office, service, at, reasons, whatsapp)

    run_advise()  # warm: offices loaded, calendars built, plan caches filled
    total = timed(run_advise, args.runs)

    offices = {code: adminduk.get_office(code) for code in OFFICES}
    prepared = [
        (offices[o], adminduk.Service.parse(s), at.replace(tzinfo=offices[o].zone), r, w)
        for o, s, at, r, w in reqs
    ]

    def lookup() -> None:
        for office, service, _, reasons, _ in reqs:
            found = adminduk.get_office(office)
            adminduk.Service.parse(service)
            checked_reasons(found, reasons)

    def calendar() -> None:
        for office, _, at, _, _ in prepared:
            cal = office.calendar()
            if not cal.is_open(at):
                cal.next_opening(at)
            cal.day_info(at.date())
            cal.add_working_days(at, 5)

    policies = [(office.policy_at(at), service, r, w) for office, service, at, r, w in prepared]

    def triage() -> None:
        for policy, service, reasons, whatsapp in policies:
            decide(policy, service, reasons, whatsapp)

    def checklist() -> None:
        for office, service, at, _, _ in prepared:
            office.requirements(service, at)

    parts = {
        "lookup (office, service, reasons)": timed(lookup, args.runs),
        "calendar (open, next, day, +5 wd)": timed(calendar, args.runs),
        "triage (rules, uncached)": timed(triage, args.runs),
        "checklist (merge, uncached)": timed(checklist, args.runs),
    }
    print(
        f"{n:,} random requests (5 built-in offices x {len(adminduk.catalogue())} services x "
        "2019-2030 x reasons x WhatsApp), median of "
        f"{args.runs} runs\n"
    )
    print(f"{'part':40} {'us/request':>11}")
    for name, seconds in parts.items():
        print(f"{name:40} {seconds / n * 1e6:11.2f}")
    print(f"{'advise() end to end (cached plans)':40} {total / n * 1e6:11.2f}")
    rate = n / total
    verdict = "meets" if rate >= 50_000 else "MISSES"
    print(
        f"\nthroughput: {rate:,.0f} advice/s on one core, CPU time ({verdict} the 50,000/s target)"
    )


if __name__ == "__main__":
    main()
