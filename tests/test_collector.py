"""The garbage collector paused while a cold start loads (adminduk._core.collector).

A pause must leave the collector as it found it, whatever happens inside: an error, a nested
pause, a pause in another thread, a collector the caller had disabled.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk._core import lazy, precomputed
from adminduk._core.collector import paused


@pytest.fixture(autouse=True)
def _collector_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def _fail_while_paused() -> None:
    with paused():
        assert not gc.isenabled()
        raise ZeroDivisionError


def test_a_pause_resumes_the_collector_even_after_an_error() -> None:
    with pytest.raises(ZeroDivisionError):
        _fail_while_paused()
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@given(st.lists(st.booleans(), max_size=12))
def test_nested_pauses_resume_only_when_the_last_ends(opens: list[bool]) -> None:
    # True opens a pause, False closes the innermost open one (if any); all close at the end.
    stack = []
    for opening in opens:
        if opening:
            pause = paused()
            pause.__enter__()
            stack.append(pause)
        elif stack:
            stack.pop().__exit__(None, None, None)
        assert gc.isenabled() == (not stack)
    while stack:
        stack.pop().__exit__(None, None, None)
    assert gc.isenabled()


def test_overlapping_pauses_in_threads_resume_the_collector_once_all_end() -> None:
    inside = threading.Barrier(4)
    leave = threading.Event()

    def hold() -> None:
        with paused():
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=hold) for _ in range(3)]
    for thread in threads:
        thread.start()
    inside.wait()  # all three are inside their pause
    assert not gc.isenabled()
    leave.set()
    for thread in threads:
        thread.join()
    assert gc.isenabled()


def test_a_failed_lazy_import_and_a_damaged_form_leave_the_collector_running(
    tmp_path: Path,
) -> None:
    get, _ = lazy.attributes("adminduk", {"missing": "adminduk._no_such_module"})
    with pytest.raises(ModuleNotFoundError):
        get("missing")
    assert gc.isenabled()
    damaged = tmp_path / "form.pickle"
    damaged.write_bytes(b"not a pickle")
    assert precomputed.read(damaged, b"source", object) is None
    assert gc.isenabled()


def test_a_first_get_office_and_a_command_leave_the_collector_running() -> None:
    code = (
        "import gc, adminduk\n"
        "adminduk.get_office('35.13')\n"
        "print(gc.isenabled())\n"
        "from adminduk.cli import main\n"
        "main(['advise', '35.14', 'kk/perubahan', '--at', '2020-03-24 10:00'])\n"
        "print(gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert [lines[0], lines[-1]] == ["True", "True"]


def test_leaving_moves_what_the_process_holds_out_of_the_collectors_passes() -> None:
    code = (
        "import gc\n"
        "from adminduk._core.collector import leaving\n"
        "before = gc.get_freeze_count()\n"
        "leaving()\n"
        "print(before == 0, gc.get_freeze_count() > 0, gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]


_COMMAND = ["advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00"]


@pytest.mark.parametrize(
    ("argv", "code"), [(_COMMAND, 0), (["advise", "35.13", "kk/baru", "--lang", "xx"], 2)]
)
def test_the_console_command_answers_as_main_and_leaves_as_it_exits(
    argv: list[str], code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from adminduk.cli import main

    assert main(argv) == code
    printed = capsys.readouterr()
    # What runs at exit sees the collector told: the console command ends the process.
    script = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print(gc.get_freeze_count() > 0, file=sys.stderr))\n"
        "from adminduk.cli import console\n"
        f"sys.argv = ['adminduk', *{argv!r}]\n"
        "console()"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (code, printed.out)
    assert done.stderr == printed.err + "True\n"


def test_the_console_command_runs_main_then_tells_the_collector_then_exits(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # In this process the collector must not really be told (nothing here would be collected
    # again): the order of the three steps is what is checked.
    import adminduk.cli as cli

    steps: list[str] = []
    monkeypatch.setattr(cli, "leaving", lambda: steps.append("leaving"))
    monkeypatch.setattr(sys, "argv", ["adminduk", "advise", "35.13", "kk/baru", "--lang", "xx"])
    with pytest.raises(SystemExit) as ended:
        cli.console()
    assert (ended.value.code, steps) == (2, ["leaving"])
    assert capsys.readouterr().err.startswith("adminduk: error: ")
