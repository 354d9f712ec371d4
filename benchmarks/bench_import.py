"""Cold start: whole fresh processes, measured above a bare interpreter in the same run.

Run: python benchmarks/bench_import.py [--runs N] [--baseline DIR]

Each case is a new process, timed from spawn to exit, ``--runs`` times, interleaved with the
other cases so a busy machine slows them all alike; the table shows the medians of wall and
CPU time (user + system), and the CPU time above the anchor: ``python -c "import pydantic;
from pydantic import BaseModel"``, what any pydantic library pays before its own code runs,
measured in the same rounds. Targets (issue 26), on the CPU time above the anchor:

- ``import adminduk; adminduk.get_office("35.13")``: at most 60 ms;
- ``adminduk advise 35.14 kk/perubahan --at "2020-03-24 10:00"``: at most 120 ms.

``--baseline DIR`` runs the adminduk cases a second time with ``DIR/src`` first on the path (a
checkout of another commit, e.g. ``git worktree add /tmp/base main``), interleaved with these,
so a change and its baseline are measured in one run on the same machine.

The other rows show where the time goes (``python -X importtime`` gives the detail).
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

PY = sys.executable
ROOT = Path(__file__).resolve().parent.parent
# The console script's command line, completed by _console_script for each checkout measured.
COMMAND = ["advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00"]

ANCHOR = "import pydantic; from pydantic import BaseModel (anchor)"
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
    "import pydantic": ([PY, "-c", "import pydantic"], None),
    # The anchor of the targets: pydantic imports most of itself lazily, on BaseModel.
    ANCHOR: ([PY, "-c", "import pydantic; from pydantic import BaseModel"], None),
    # What any pydantic library with plugins pays before its own code runs: BaseModel and one
    # model class (pydantic imports most of itself lazily, on the first), and reading the
    # installed packages' entry points.
    "pydantic model + entry points (floor)": ([PY, "-c", _FLOOR], None),
    "import adminduk": ([PY, "-c", "import adminduk"], None),
    "import adminduk; get_office('35.13')": (
        [PY, "-c", "import adminduk; adminduk.get_office('35.13')"],
        0.060,
    ),
    "adminduk advise 35.14 kk/perubahan --at ...": ([PY, "<console script>", *COMMAND], 0.120),
}


def _console_script(checkout: Path, into: Path) -> str:
    """The ``adminduk`` console script as pip installs it from ``checkout``'s pyproject.toml.

    Written for each checkout, so a baseline runs its own entry point (a console script reads
    the installed one's, which may be another commit's) in the same form a user runs.
    """
    with (checkout / "pyproject.toml").open("rb") as handle:
        entry = tomllib.load(handle)["project"]["scripts"]["adminduk"]
    module, function = entry.split(":")
    script = into / f"adminduk-{abs(hash(checkout))}"
    script.write_text(
        "import re\nimport sys\n"
        f"from {module} import {function}\n"
        "if __name__ == '__main__':\n"
        "    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n"
        f"    sys.exit({function}())\n",
        encoding="utf-8",
    )
    return str(script)


def run_once(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="a checkout to measure beside this one")
    args = parser.parse_args()
    # As an installed wheel has them: byte-code compiled. Without this, a machine that sets
    # PYTHONDONTWRITEBYTECODE (as some CI images do) compiles adminduk from source in every
    # process, which measured ~80 ms of the first get_office here.
    package = Path(__import__("adminduk").__file__).parent
    compileall.compile_dir(package, quiet=1)
    print(f"byte-code compiled: {package}")
    scripts = Path(tempfile.mkdtemp(prefix="bench-import-"))

    def command(argv: list[str], checkout: Path) -> list[str]:
        return [_console_script(checkout, scripts) if a == "<console script>" else a for a in argv]

    cases = {name: (command(argv, ROOT), target, None) for name, (argv, target) in CASES.items()}
    if args.baseline is not None:
        checkout = args.baseline.resolve()
        compileall.compile_dir(checkout / "src" / "adminduk", quiet=1)
        env = {**os.environ, "PYTHONPATH": str(checkout / "src")}
        for name, (argv, target) in CASES.items():
            if "adminduk" in name:
                cases[f"{name} [baseline]"] = (command(argv, checkout), target, env)
    walls: dict[str, list[float]] = {name: [] for name in cases}
    cpus: dict[str, list[float]] = {name: [] for name in cases}
    for argv, _, env in cases.values():
        run_once(argv, env)  # warm the file cache once
    for _ in range(args.runs):
        for name, (argv, _, env) in cases.items():
            wall, cpu = run_once(argv, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    shutil.rmtree(scripts)
    cpu0 = statistics.median(cpus[ANCHOR])
    print(f"{args.runs} runs each, interleaved; medians in ms. The verdict reads the CPU time")
    print("(user + system, steadier than wall time on a busy machine) above the anchor.")
    header = f"{'case':58} {'wall':>7} {'cpu':>7} {'above':>7} {'target':>7}"
    print(f"{header}  verdict")
    for name, (_, target, _) in cases.items():
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        shown = f"{target * 1000:7.0f}" if target is not None else f"{'':7}"
        verdict = "" if target is None else ("OK" if cpu - cpu0 <= target else "OVER")
        print(
            f"{name:58} {wall * 1000:7.1f} {cpu * 1000:7.1f} {(cpu - cpu0) * 1000:7.1f} "
            f"{shown}  {verdict}"
        )


if __name__ == "__main__":
    main()
