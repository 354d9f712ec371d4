"""Import cost of adminduk in a fresh interpreter (target: `import adminduk` under 0.3 s).

Run: python benchmarks/bench_import.py [--runs N]

Prints the median wall time of a fresh `python -c ...` for each case, minus nothing: the
interpreter start-up is shown as its own row so the difference is visible.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass (interpreter start-up)": "pass",
    "import adminduk": "import adminduk",
    "import adminduk + Service.parse": "import adminduk; adminduk.Service.parse('kk/baru')",
    "import adminduk + catalogue()": "import adminduk; adminduk.catalogue()",
}


def wall(code: str, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    print(f"{'case':45} {'median ms':>10}")
    for name, code in CASES.items():
        print(f"{name:45} {wall(code, args.runs) * 1000:10.1f}")
    target = wall("import adminduk", args.runs)
    verdict = "OK" if target < 0.3 else "OVER TARGET"
    print(f"\nimport adminduk: {target * 1000:.1f} ms (target < 300 ms): {verdict}")


if __name__ == "__main__":
    main()
