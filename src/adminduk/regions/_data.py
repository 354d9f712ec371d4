"""Reading the packaged region data once, on first use, behind a lock.

``import adminduk`` never reads it: the first lookup does (about 8,500 rows, some tens of
milliseconds), and every later lookup is a dictionary lookup.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Final

from adminduk.regions._model import Region, RegionLevel, RegionList, _Table

__all__ = ["DATA_FILE", "index", "table"]

DATA_FILE: Final = "wilayah.tsv"

_lock: Final = threading.Lock()
_table: _Table | None = None
# code -> region; empty until loaded, then replaced whole (readers need no lock).
index: dict[str, Region] = {}


def _parse(text: str) -> _Table:
    lists: list[RegionList] = []
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "list":
            _, label, since, decree, description = cells
            lists.append(
                RegionList(
                    label, dt.date.fromisoformat(since), decree or None, description, len(lists)
                )
            )
        else:
            rows.append(cells)
    by_code: dict[str, Region] = {}
    table = _Table(tuple(lists), by_code)
    after = (*(item.since for item in lists[1:]), None)  # when the list after each one starts
    for code, first, last, name, successor, former in rows:
        by_code[code] = Region(
            code=code,
            level=RegionLevel.from_code(code),
            name=name,
            lists=table.lists[int(first) : int(last) + 1],
            former_names=tuple(former.split("|")) if former else (),
            successor_code=successor or None,
            _table=table,
            _end=after[int(last)],
        )
    return table


def table() -> _Table:
    """Every region, read from the package data on the first call (thread-safe)."""
    global _table, index
    found = _table
    if found is not None:
        return found
    with _lock:
        if _table is None:  # another thread may have read it while this one waited
            from importlib import resources  # ~10 ms to import: only when the data is read

            text = (
                resources.files("adminduk.regions")
                .joinpath("data", DATA_FILE)
                .read_text(encoding="utf-8")
            )
            loaded = _parse(text)
            index = dict(loaded.by_code)
            _table = loaded
        return _table
