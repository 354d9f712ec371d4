"""The long fuzz campaign: 100,000 calls (or more) over adminduk's whole public surface.

    .venv/bin/python fuzz/campaign.py                  # 100,000 calls, seed 0
    .venv/bin/python fuzz/campaign.py 500000 --seed 7  # longer, another seed

It prints the calls made, the library errors, and the non-library exceptions grouped by root
cause (the exception type and the innermost adminduk line it passed through), each with one
call that reproduces it. The exit status is 1 when any non-library exception was found, so a
nightly job fails on it. The gate runs the same engine for a few seconds
(``tests/fuzz/test_surface.py``); the engine itself is ``tests/fuzz/surface.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for tests.fuzz

from tests.fuzz.surface import Campaign


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("calls", type=int, nargs="?", default=100_000, help="calls to make")
    parser.add_argument("--seed", type=int, default=0, help="the same seed makes the same calls")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds allowed per call")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(10_000)  # deep inputs must fail inside adminduk, not in the harness
    started = time.perf_counter()
    campaign = Campaign(seed=args.seed, timeout=args.timeout)
    report = campaign.run(args.calls)
    print(report.summary())
    print(f"seed {args.seed}, {time.perf_counter() - started:.0f} s")
    return 1 if report.escapes else 0


if __name__ == "__main__":
    raise SystemExit(main())
