"""Offices: loading the five built-ins in a fresh process, and repeated get_office.

Run: python benchmarks/bench_offices.py [--repeats 11] [--lookups 200000]

Fresh process (each command in a new interpreter, median of the repeats, wall time):
- ``python -c pass``: the interpreter alone;
- the layers below offices: ``import adminduk`` + the catalogue + ``adminduk.schedule`` +
  ``adminduk.identity`` (pydantic, the national catalogue, calendars, phone numbers);
- ``import pydantic`` on its own, the anchor every pydantic-based loader pays;
- ``adminduk.get_office("35.13")``: loads all five built-in files and the installed plugins,
  validates them, answers.
Target (issue 4): under 50 ms beyond interpreter start. The table shows both the whole cost and
the part that is the offices' own (beyond the layers they stand on).

In process: ``get_office`` by code and by slug once loaded, against a plain ``dict.get`` (the
anchor: "repeated get_office is a dictionary lookup"); and ``load_office`` of each built-in
file, warm.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
import timeit
from importlib import resources

import adminduk
from adminduk.offices import BUILTIN_OFFICES, get_office, load_office

FRESH = {
    "interpreter (python -c pass)": "pass",
    "import pydantic (anchor)": "import pydantic",
    "layers below offices": (
        "import adminduk, adminduk.schedule, adminduk.identity; adminduk.catalogue()"
    ),
    "get_office('35.13') (five built-ins + plugins)": (
        "import adminduk; adminduk.get_office('35.13')"
    ),
}


def fresh_ms(code: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--lookups", type=int, default=200_000)
    args = parser.parse_args()

    python = platform.python_version()
    print(f"adminduk {adminduk.__version__}, Python {python}, {platform.machine()}")
    print(f"\nFresh process, median of {args.repeats} (ms)")
    fresh_ms("pass", 2)  # warm the OS file cache
    figures = {label: fresh_ms(code, args.repeats) for label, code in FRESH.items()}
    for label, value in figures.items():
        print(f"  {label:50} {value:8.1f}")
    start = figures["interpreter (python -c pass)"]
    below = figures["layers below offices"]
    total = figures["get_office('35.13') (five built-ins + plugins)"]
    print(f"  {'beyond interpreter start (target < 50)':50} {total - start:8.1f}")
    print(f"  {'of which the offices own (beyond the layers below)':50} {total - below:8.1f}")

    get_office("35.13")  # load once
    index = {o.code: o for o in adminduk.offices()} | {o.slug: o for o in adminduk.offices()}
    print(f"\nRepeated lookups, {args.lookups:,} calls (ns per call)")
    rows = {
        "dict.get (anchor)": lambda: index.get("35.13"),
        "get_office('35.13')": lambda: get_office("35.13"),
        "get_office('kota-mataram')": lambda: get_office("kota-mataram"),
    }
    for label, call in rows.items():
        best = min(timeit.repeat(call, number=args.lookups, repeat=5))
        print(f"  {label:50} {best / args.lookups * 1e9:8.0f}")

    print("\nload_office of each built-in file, warm (ms, best of 5)")
    data = resources.files("adminduk.offices").joinpath("data")
    for code, name in sorted(BUILTIN_OFFICES.items()):
        path = data.joinpath(name)
        best = min(timeit.repeat(lambda p=path: load_office(p), number=5, repeat=5)) / 5
        print(f"  {code} {name:46} {best * 1000:8.2f}")


if __name__ == "__main__":
    main()
