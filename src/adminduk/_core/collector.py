"""The cyclic garbage collector, paused while a cold start builds what the process keeps.

A first ``get_office`` imports the office models and unpickles a precomputed office: tens of
thousands of new objects (classes, functions, validators, the office's values), none of them
garbage. Each allocation threshold the collector reaches makes it walk them all again, which
cost a first ``get_office`` about 3 ms and a first ``adminduk advise`` about as much
(``benchmarks/bench_import.py``). So loading a package's names on first use
(:mod:`adminduk._core.lazy`), reading a precomputed form (:mod:`adminduk._core.precomputed`) and
a run of the command line pause it, and resume it as they found it: a collector the caller had
disabled stays disabled. Pauses may nest and overlap across threads; the collector resumes when
the last one ends. Nothing is lost: garbage made meanwhile is collected at the next pass after.

A process that is about to end has the opposite problem: the interpreter's last collections at
exit walk everything the process still holds only for the operating system to release it all
anyway, about a tenth of an ``adminduk advise`` run. The console command, and only it (a
library call must not change its caller's collector), calls :func:`leaving` as it exits.
"""

from __future__ import annotations

import _thread
import gc
from types import TracebackType
from typing import Final

__all__ = ["leaving", "paused"]

# The low-level lock (documented, as _thread): importing threading would cost a bare
# ``import adminduk``, which loads this module, about a millisecond.
_LOCK: Final = _thread.allocate_lock()


class _Pause:
    """The state shared by every pause: how many are open, and whether to resume at the end."""

    depth = 0
    resume = False


class paused:  # noqa: N801 - used as a function: ``with paused():``
    """Pause the cyclic garbage collector inside a ``with`` block; resume it as it was.

    Examples:
        >>> import gc
        >>> with paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
        >>> gc.disable()
        >>> with paused():
        ...     pass
        >>> gc.isenabled()  # the caller's choice stands
        False
        >>> gc.enable()
    """

    __slots__ = ()

    def __enter__(self) -> None:
        with _LOCK:
            if _Pause.depth == 0:
                _Pause.resume = gc.isenabled()
                gc.disable()
            _Pause.depth += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with _LOCK:
            _Pause.depth -= 1
            if _Pause.depth == 0 and _Pause.resume:
                gc.enable()


def leaving() -> None:
    """The process is about to exit: let the collector's passes at exit skip what it holds.

    Everything alive now moves to the collector's permanent generation (:func:`gc.freeze`), which
    no pass walks, so the interpreter's collections at exit find nothing to do; its memory goes
    back with the process. Only code that ends the process calls it (the console command): in a
    process that goes on, nothing alive now would ever be collected.

    Examples:
        >>> import subprocess, sys
        >>> script = (
        ...     "import gc; from adminduk._core.collector import leaving; "
        ...     "leaving(); print(gc.get_freeze_count() > 0)"
        ... )
        >>> done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        >>> done.stdout.split()
        ['True']
    """
    gc.freeze()
