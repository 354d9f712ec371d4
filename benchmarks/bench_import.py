"""Cold start: whole fresh processes, measured above a bare interpreter in the same run.

Run: python benchmarks/bench_import.py [--runs N]

Each case is a new process, timed from spawn to exit, ``--runs`` times, interleaved with the
other cases so a busy machine slows them all alike; the table shows the median and the
median above ``python -c pass`` (the interpreter alone, measured in the same rounds). Targets
(issue 13, item 6), on the figure above the interpreter:

- ``adminduk advise 35.14 kk/perubahan --at "2020-03-24 10:00"``: at most 0.20 s;
- ``import adminduk; adminduk.get_office("35.13")``: at most 0.12 s.

The other rows show where the time goes (``python -X importtime`` gives the detail).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PY = sys.executable
# The installed console script, as a user runs it (the same interpreter runs it).
SCRIPT = shutil.which("adminduk", path=str(Path(PY).parent)) or "adminduk"

CASES: dict[str, tuple[list[str], float | None]] = {
    "python -c pass (interpreter start-up)": ([PY, "-c", "pass"], None),
    "import pydantic (anchor)": ([PY, "-c", "import pydantic"], None),
    "import adminduk": ([PY, "-c", "import adminduk"], None),
    "import adminduk; get_office('35.13')": (
        [PY, "-c", "import adminduk; adminduk.get_office('35.13')"],
        0.12,
    ),
    "adminduk advise 35.14 kk/perubahan --at ...": (
        [SCRIPT, "advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00"],
        0.20,
    ),
}


def run_once(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    samples: dict[str, list[float]] = {name: [] for name in CASES}
    for argv, _ in CASES.values():
        run_once(argv)  # warm the file cache once
    for _ in range(args.runs):
        for name, (argv, _) in CASES.items():
            samples[name].append(run_once(argv))
    base = statistics.median(samples["python -c pass (interpreter start-up)"])
    print(f"{args.runs} runs each, interleaved; times in ms (median)")
    print(f"{'case':46} {'median':>8} {'above pass':>11} {'target':>8}  verdict")
    for name, (_, target) in CASES.items():
        median = statistics.median(samples[name])
        above = median - base
        shown = f"{target * 1000:8.0f}" if target is not None else f"{'':8}"
        verdict = "" if target is None else ("OK" if above <= target else "OVER")
        print(f"{name:46} {median * 1000:8.1f} {above * 1000:11.1f} {shown}  {verdict}")


if __name__ == "__main__":
    main()
