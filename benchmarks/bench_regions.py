"""Cost of the region lookups, against the anchors of /work/shared/bench/ANCHORS.md.

Run: python benchmarks/bench_regions.py [--number N] [--repeat R] [--runs K]

Target: `region()` at most 2 µs per warm call. Anchors: a plain `dict.get` in the same run
(the floor of any keyed lookup), and the figures ANCHORS.md measured on these machines: a plain
dict transition 0.054 µs (§6) and ref-bisect `is_open` on ints 0.28 µs (§4). Each row is the
best of R timing runs of N calls, in microseconds per call. The cold rows are the median of K
fresh interpreters: the first lookup reads the package data (which `import adminduk` never does).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from collections.abc import Callable

from bench_identity import per_call_us  # run from benchmarks/, beside its siblings
from bench_import import run_once

from adminduk import Nik, get_office, region, regions

TARGET_US = 2.0
ANCHORS_MD = {  # µs per call, as ANCHORS.md reports them
    "ANCHORS §6: plain dict transition": 0.054,
    "ANCHORS §4: ref-bisect is_open (ints)": 0.28,
}
NIK = "9101010101190001"  # synthetic: Kabupaten Merauke, before the 2022 Papua split
COLD = {
    "python -c pass (interpreter start-up)": "pass",
    "import adminduk": "import adminduk",
    "import adminduk + first region()": "import adminduk; adminduk.region('35.13')",
    "import adminduk + get_office (baseline)": "import adminduk; adminduk.get_office('35.78')",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--number", type=int, default=200_000, help="calls per timing run")
    parser.add_argument("--repeat", type=int, default=7, help="timing runs per row")
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters per cold row")
    args = parser.parse_args()
    n, r = args.number, args.repeat
    table = {"35.13": 1}
    nik = Nik.parse(NIK)
    on = dt.date(2020, 6, 1)
    rows: list[tuple[str, Callable[[], object], int]] = [
        ("anchor: dict.get (same run)", lambda: table.get("35.13"), n),
        ("region('35.13')", lambda: region("35.13"), n),
        ("region('35.13.19') (kecamatan)", lambda: region("35.13.19"), n),
        ("region('91.01', on=2020-06-01)", lambda: region("91.01", on=on), n // 10),
        ("region('3513') (digits, slow path)", lambda: region("3513"), n // 10),
        ("region('91.01').current()", lambda: region("91.01").current(), n),
        ("nik.regency (Merauke NIK)", lambda: nik.regency, n),
        ("regions('kabupaten-kota') (514, cached)", lambda: regions("kabupaten-kota"), n // 10),
        ("get_office('35.78') (baseline, warm)", lambda: get_office("35.78"), n // 10),
    ]
    results = {name: per_call_us(func, number, r) for name, func, number in rows}
    anchor = results["anchor: dict.get (same run)"]
    print(f"{'case':44} {'µs/call':>9} {'x dict.get':>10}")
    for name, cost in {**results, **ANCHORS_MD}.items():
        print(f"{name:44} {cost:9.3f} {cost / anchor:10.2f}")
    print(f"\n{'cold case (fresh interpreter)':44} {'median ms':>9}")
    for name, code in COLD.items():
        command = [sys.executable, "-c", code]
        median = statistics.median(run_once(command)[0] for _ in range(args.runs))
        print(f"{name:44} {median * 1000:9.1f}")
    warm = results["region('35.13')"]
    print(
        f"\nregion(), warm: {warm:.3f} µs per call, "
        f"{'OK' if warm <= TARGET_US else 'OVER TARGET'} (target ≤ {TARGET_US} µs)"
    )


if __name__ == "__main__":
    main()
