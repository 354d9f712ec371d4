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
import compileall
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PY = sys.executable
# The installed console script, as a user runs it (the same interpreter runs it).
SCRIPT = shutil.which("adminduk", path=str(Path(PY).parent)) or "adminduk"

_FLOOR = (
    "from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator\n"
    "class Model(BaseModel):\n"
    "    model_config = ConfigDict(defer_build=True)\n"
    "    value: int = Field(0)\n"
    "import importlib.metadata\n"
    "importlib.metadata.entry_points(group='adminduk.offices')"
)

CASES: dict[str, tuple[list[str], float | None]] = {
    "python -c pass (interpreter start-up)": ([PY, "-c", "pass"], None),
    "import pydantic (anchor)": ([PY, "-c", "import pydantic"], None),
    # What any pydantic library with plugins pays before its own code runs: BaseModel and one
    # model class (pydantic imports most of itself lazily, on the first), and reading the
    # installed packages' entry points.
    "pydantic model + entry points (floor)": ([PY, "-c", _FLOOR], None),
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


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # As an installed wheel has them: byte-code compiled. Without this, a machine that sets
    # PYTHONDONTWRITEBYTECODE (as some CI images do) compiles adminduk from source in every
    # process, which measured ~80 ms of the first get_office here.
    package = Path(__import__("adminduk").__file__).parent
    compileall.compile_dir(package, quiet=1)
    print(f"byte-code compiled: {package}")
    walls: dict[str, list[float]] = {name: [] for name in CASES}
    cpus: dict[str, list[float]] = {name: [] for name in CASES}
    for argv, _ in CASES.values():
        run_once(argv)  # warm the file cache once
    for _ in range(args.runs):
        for name, (argv, _) in CASES.items():
            wall, cpu = run_once(argv)
            walls[name].append(wall)
            cpus[name].append(cpu)
    base = "python -c pass (interpreter start-up)"
    wall0, cpu0 = statistics.median(walls[base]), statistics.median(cpus[base])
    print(f"{args.runs} runs each, interleaved; medians in ms. The verdict reads the wall time")
    print("above the interpreter; CPU time (user + system) is steadier on a busy machine.")
    header = f"{'case':46} {'wall':>7} {'above':>7} {'cpu':>7} {'above':>7} {'target':>7}"
    print(f"{header}  verdict")
    for name, (_, target) in CASES.items():
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        shown = f"{target * 1000:7.0f}" if target is not None else f"{'':7}"
        verdict = "" if target is None else ("OK" if wall - wall0 <= target else "OVER")
        print(
            f"{name:46} {wall * 1000:7.1f} {(wall - wall0) * 1000:7.1f} {cpu * 1000:7.1f} "
            f"{(cpu - cpu0) * 1000:7.1f} {shown}  {verdict}"
        )


if __name__ == "__main__":
    main()
