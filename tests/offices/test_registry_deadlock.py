"""The registry never holds its lock while plugin code runs (issue 25).

Reproduction of the red team's deadlock: thread B imports a plugin module directly, and the
module asks the registry for another office while it is being imported; thread A asks for the
plugin's office at the same moment. With the lock held during the import, A waits for B's
module and B for A's lock, forever. Run in a subprocess with a timeout, so a regression fails
the test instead of hanging the run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/adminduk-kantor-contoh/src/adminduk_kantor_contoh/kabupaten-contoh.toml"

PLUGIN = """
import time
import adminduk

time.sleep(0.5)  # thread A asks for this plugin's office meanwhile
BIMA = adminduk.get_office("52.06").code  # at import: the registry, from inside the import
OFFICE = adminduk.load_office({path!r})
"""

SCRIPT = """
import sys, threading, time
from importlib import metadata
sys.path.insert(0, {folder!r})
from adminduk.offices import _registry

{entry_points}
answers = {{}}

def b():
    import plug_deadlock
    answers["b"] = plug_deadlock.BIMA

def a():
    answers["a"] = _registry.get_office("99.01").code

tb = threading.Thread(target=b)
tb.start()
time.sleep(0.2)  # B is inside the import, holding its module lock
ta = threading.Thread(target=a)
ta.start()
ta.join(30)
tb.join(30)
print(answers.get("a"), answers.get("b"), ta.is_alive() or tb.is_alive())
"""

NAMED = (
    'ep = metadata.EntryPoint("99.01", "plug_deadlock:OFFICE", _registry.ENTRY_POINT_GROUP)\n'
    "_registry._entry_points = lambda: [ep]"
)
UNNAMED = NAMED.replace('"99.01"', '"tanpa-kode"')


@pytest.mark.parametrize("entry_points", [NAMED, UNNAMED], ids=["named", "unnamed"])
def test_a_plugin_that_looks_up_an_office_at_import_does_not_deadlock(
    tmp_path: Path, entry_points: str
) -> None:
    (tmp_path / "plug_deadlock.py").write_text(PLUGIN.format(path=str(EXAMPLE)))
    script = SCRIPT.format(folder=str(tmp_path), entry_points=entry_points)
    try:
        out = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(script)],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    except subprocess.TimeoutExpired:  # pragma: no cover - the regression this test is for
        pytest.fail("deadlock: the lookups did not finish within 90 s")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["99.01", "52.06", "False"]
