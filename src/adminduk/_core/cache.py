"""Caches that belong to an object: bounded, safe under threads, gone when the object is.

A module-level dict keyed by ``id(office)`` keeps every office it has seen alive (25,000
offices advised once each took a process to 1.35 GB). Here each owner gets its own small LRU
table, and a weak-reference finalizer drops the table when the owner is collected, so a cache
never outlives, nor keeps alive, what it caches for. Values must not refer to their owner, or
the owner could never be collected.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Hashable
from typing import Generic, TypeVar

__all__ = ["OwnedCache"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class OwnedCache(Generic[K, V]):
    """Up to ``per_owner`` entries for each live owner, the oldest dropped first.

    Reads take no lock (a dict read is atomic in CPython, and a table is only ever changed
    under the lock); writes and evictions do.

    Examples:
        >>> class Owner:
        ...     pass
        >>> cache: OwnedCache[str, int] = OwnedCache(per_owner=2)
        >>> owner = Owner()
        >>> cache.put(owner, "a", 1), cache.put(owner, "b", 2), cache.put(owner, "c", 3)
        (1, 2, 3)
        >>> cache.get(owner, "a") is None, cache.get(owner, "b"), cache.get(owner, "c")
        (True, 2, 3)
        >>> len(cache)
        1
        >>> del owner
        >>> len(cache)
        0
    """

    def __init__(self, per_owner: int) -> None:
        if per_owner < 1:
            raise ValueError("per_owner must be at least 1")
        self._per_owner = per_owner
        self._lock = threading.Lock()
        self._tables: dict[int, dict[K, V]] = {}

    def __len__(self) -> int:
        """How many owners have a table."""
        return len(self._tables)

    def get(self, owner: object, key: K) -> V | None:
        """The value cached for ``owner`` under ``key``, or ``None``."""
        table = self._tables.get(id(owner))
        return None if table is None else table.get(key)

    def put(self, owner: object, key: K, value: V) -> V:
        """Cache ``value`` for ``owner`` under ``key``; return it."""
        ident = id(owner)
        with self._lock:
            table = self._tables.get(ident)
            if table is None:
                table = self._tables[ident] = {}
                # Runs when the owner is collected, before its id can be reused.
                weakref.finalize(owner, self._tables.pop, ident, None)
            table[key] = value
            if len(table) > self._per_owner:
                del table[next(iter(table))]  # the oldest: dicts keep insertion order
        return value

    def clear(self) -> None:
        """Forget every entry (the finalizers then find nothing to drop)."""
        with self._lock:
            self._tables.clear()
