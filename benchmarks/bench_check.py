"""Whether ``check_office`` stays linear in the number of policies.

Run: python benchmarks/bench_check.py [--sizes 100 200 400 800]

Builds an office with N one-day policies (every other day from 2030) and times loading it and
running every conformance check, best of 3. Linear means the time per policy stays flat as N
doubles; the issue 25 red team measured 12.8 s for 1,000 policies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # the office builder lives with the tests
from adminduk.testing import check_office
from tests.testing.common import office, policy


def _policies(count: int) -> list[dict[str, object]]:
    start = dt.date(2030, 1, 1)
    return [
        policy(id=f"p{i}", valid_from=start + dt.timedelta(days=2 * i),
               valid_until=start + dt.timedelta(days=2 * i))
        for i in range(count)
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 800])
    args = parser.parse_args()
    print(f"{'policies':>8}  {'load s':>7}  {'check s':>7}  {'ms/policy':>9}")
    for size in args.sizes:
        data = _policies(size)
        load = check = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            config = office(policies=data)
            loaded = time.perf_counter()
            check_office(config)
            done = time.perf_counter()
            load, check = min(load, loaded - started), min(check, done - loaded)
        print(f"{size:>8}  {load:>7.2f}  {check:>7.2f}  {(load + check) / size * 1000:>9.2f}")


if __name__ == "__main__":
    main()
