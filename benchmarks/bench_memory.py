"""Memory under many reloaded offices: the caches must keep none of them alive.

Run: python benchmarks/bench_memory.py [--offices 25000] [--every 5000]

Each round reads a built-in office file again (a new, distinct ``OfficeConfig``, as an
application that reloads its offices makes), asks ``advise`` two questions about it (so the
plan and day caches fill), and drops it. The table shows the process's resident memory
(``/proc/self/statm``, else the peak from ``getrusage``) and how many offices the advice caches
hold, every ``--every`` offices. Before the caches belonged to their office, 25,000 offices
took a process to 1.35 GB (issue 14); flat means the last rows stay near the first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import sys
import time
from importlib import resources

import adminduk
from adminduk.advice import _plan
from adminduk.offices import BUILTIN_OFFICES, parse_office

AT = dt.datetime(2020, 3, 24, 10, 0)


def rss_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:  # not Linux: the peak is the best the platform offers
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offices", type=int, default=25_000)
    parser.add_argument("--every", type=int, default=5_000)
    args = parser.parse_args()
    files = resources.files("adminduk.offices").joinpath("data")
    texts = [files.joinpath(name).read_text("utf-8") for name in BUILTIN_OFFICES.values()]
    adminduk.advise("35.14", "kk/perubahan", AT)  # warm: catalogue, holidays, registry
    gc.collect()
    print(f"{'offices':>8} {'RSS MB':>8} {'offices cached':>15} {'s':>7}")
    start = time.perf_counter()
    print(f"{0:8} {rss_mb():8.1f} {len(_plan._PLANS):15} {0.0:7.1f}")
    for done in range(1, args.offices + 1):
        office = parse_office(texts[done % len(texts)])
        adminduk.advise(office, "kk/perubahan", AT)
        adminduk.advise(office, "ktp-el/baru", AT + dt.timedelta(days=done % 30))
        del office
        if done % args.every == 0 or done == args.offices:
            gc.collect()
            cached = len(_plan._PLANS)
            elapsed = time.perf_counter() - start
            print(f"{done:8} {rss_mb():8.1f} {cached:15} {elapsed:7.1f}")


if __name__ == "__main__":
    main()
