"""Reading the packaged region data once, on first use, behind a lock.

``import adminduk`` never reads it: the first lookup does (about 8,500 rows, some tens of
milliseconds), and every later lookup is a dictionary lookup.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Final

from adminduk.regions._model import Region, RegionLevel, RegionList, _Table

__all__ = ["DATA_FILE", "district_days", "index", "listed_until", "table"]

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


def _read() -> str:
    from importlib import resources  # ~10 ms to import: only when the data is read

    return resources.files("adminduk.regions").joinpath("data", DATA_FILE).read_text("utf-8")


_NOT_LISTED: Final = dt.date.min
# code -> the last day it is valid (date.max while current); empty until first asked.
_last_days: dict[str, dt.date] = {}


def listed_until(code: str) -> dt.date | None:
    """The last day ``code`` is on a list (``date.max`` while current); ``None``: on no list.

    Checking a NIK needs only this: the codes and when each left the lists. It reads the data
    file without building the regions (a third of the cost of :func:`table`), once.

    Examples:
        >>> listed_until("35.13.01") == dt.date.max, listed_until("35.69")  # current; never listed
        (True, None)
        >>> from adminduk.regions import region
        >>> listed_until("91.01") == region("91.01").valid_until  # left the lists
        True
    """
    if not _last_days:
        _read_last_days()
    found = _last_days.get(code, _NOT_LISTED)
    return None if found is _NOT_LISTED else found


# "PPKKCC" (a kecamatan's code without dots, as a NIK writes it) -> the last days of its
# regency and of itself: one lookup on the hot path of Nik.parse.
_districts: dict[str, tuple[dt.date, dt.date]] = {}


def district_days(digits: str) -> tuple[dt.date, dt.date] | None:
    """The last listed days of the regency and the kecamatan written ``PPKKCC`` (no dots).

    ``None`` when either is on no list. The same data as :func:`listed_until`, keyed the way a
    NIK or KK number writes it.

    Examples:
        >>> district_days("351301")
        (datetime.date(9999, 12, 31), datetime.date(9999, 12, 31))
        >>> district_days("910101")[0] == listed_until("91.01")  # a regency that left the lists
        True
        >>> district_days("351399") is None
        True
    """
    if not _last_days:
        _read_last_days()
    return _districts.get(digits)


def _read_last_days() -> None:
    global _last_days, _districts
    with _lock:
        if _last_days:
            return
        last_days = _index_last_days(_read())
        _districts = {
            code.replace(".", ""): (last_days[code[:5]], day)
            for code, day in last_days.items()
            if len(code) == 8 and code[:5] in last_days
        }
        _last_days = last_days  # last: a reader that sees it sees the districts too


def _index_last_days(text: str) -> dict[str, dt.date]:
    starts: list[dt.date] = []
    last_list: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("list\t"):
            starts.append(dt.date.fromisoformat(line.split("\t", 3)[2]))
        elif line[:1].isdigit():
            code, _, last, _ = line.split("\t", 3)
            last_list[code] = int(last)
    # A list ends the day before the next one takes effect; the newest is current.
    ends = [*(day - dt.timedelta(days=1) for day in starts[1:]), dt.date.max]
    return {code: ends[last] for code, last in last_list.items()}


def table() -> _Table:
    """Every region, read from the package data on the first call (thread-safe)."""
    global _table, index
    found = _table
    if found is not None:
        return found
    with _lock:
        if _table is None:  # another thread may have read it while this one waited
            loaded = _parse(_read())
            index = dict(loaded.by_code)
            _table = loaded
        return _table
