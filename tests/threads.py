"""One check for thread safety: the same calls from 16 threads give the serial answers."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence


def same_in_threads(calls: Sequence[Callable[[], object]], threads: int = 16) -> bool:
    """Whether every thread, running all ``calls`` at once with the others, gets serial results."""
    serial = [call() for call in calls]
    results: list[list[object]] = [[] for _ in range(threads)]

    def work(slot: int) -> None:
        results[slot] = [call() for call in calls]

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return all(result == serial for result in results)
