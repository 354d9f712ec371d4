"""Looking regions up: by code, on a date, and listing a level."""

from __future__ import annotations

import datetime as dt
from functools import cache

from adminduk._core.redact import is_text, plain
from adminduk.errors import OutOfRange, RegionNotFound
from adminduk.regions import _data
from adminduk.regions._model import Region, RegionLevel, RegionList, _Table

__all__ = ["find_region", "region", "region_lists", "regions"]

_DIGIT_LENGTHS = (2, 4, 6)
_LEVELS = {
    **{level.value: level for level in RegionLevel},
    "province": RegionLevel.PROVINCE,
    "regency": RegionLevel.REGENCY,
    "district": RegionLevel.DISTRICT,
}


def region(code: str, *, on: dt.date | None = None) -> Region:
    """The province, kabupaten/kota or kecamatan with this Kemendagri code.

    Codes of every list since 2016 are known, so an old code answers with the region it was;
    its :meth:`~Region.current` is what it is now. With ``on``, the code must be on the list in
    force that day. The digits alone (``"3513"``, as in a NIK) are read as ``"35.13"``.

    Args:
        code: ``PP``, ``PP.KK`` or ``PP.KK.CC`` (``"35"``, ``"35.13"``, ``"35.13.01"``).
        on: a date the code must be valid on; ``None`` accepts a code of any list.

    Raises:
        RegionNotFound: no list has the code (with close matches), or it is not valid on
            ``on`` (saying when it was valid, and what succeeded it).
        OutOfRange: ``on`` is not a date, or before the oldest list (2016).

    Examples:
        >>> import datetime as dt
        >>> from adminduk.regions import region
        >>> region("35.13")
        Region('35.13', 'Kabupaten Probolinggo')
        >>> region("5271").name
        'Kota Mataram'
        >>> region("91.01", on=dt.date(2024, 1, 1))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        adminduk.errors.RegionNotFound: region 91.01 (Kabupaten Merauke) is not valid on 2024-01-01: it is on the lists 2016 to 2022, valid until ...; it is now 93.01 Kabupaten Merauke
    """  # noqa: E501
    code = plain(code)
    try:
        found = _data.index.get(code)
    except Exception:  # unhashable, or a hash that raises: reported by the slow path
        found = None
    if found is not None and (on is None or (type(on) is dt.date and found.valid_on(on))):
        return found
    return _slow(code, on)


def _slow(code: object, on: object) -> Region:
    table = _data.table()
    day = _day(on)
    found = _find(table, code)
    if found is None:
        # Anything but a text is named by its safe repr in the message (errors._show).
        raise RegionNotFound(code, _suggest(table, code) if is_text(code) else ())
    if day is not None and not found.valid_on(day):
        raise RegionNotFound(found.code, on=day, name=found.name, detail=_when(found))
    return found


def _find(table: _Table, code: object) -> Region | None:
    code = plain(code)
    if not is_text(code):  # by its real type: an object may lie about its __class__
        return None
    text = code.strip()
    if text.isdigit() and text.isascii() and len(text) in _DIGIT_LENGTHS:
        text = ".".join(text[i : i + 2] for i in range(0, len(text), 2))
    return table.by_code.get(text)


def _day(on: object) -> dt.date | None:
    if on is None:
        return None
    on = plain(on)  # by its real type: a subclass or an impostor may lie
    if type(on) is dt.datetime:
        on = on.date()
    if type(on) is not dt.date:
        raise OutOfRange("on", on, "a datetime.date")
    oldest = _data.table().lists[0]
    if on < oldest.since:
        raise OutOfRange("on", on.isoformat(), f"{oldest.since.isoformat()} or later ({oldest})")
    return on


def _when(found: Region) -> str:
    first, last = found.lists[0], found.lists[-1]
    lists = (
        f"the {first.label} list" if first is last else f"the lists {first.label} to {last.label}"
    )
    until = found.valid_until
    if until is None:
        approx = "" if first.exact else " (the list's year: its decree's date is not in the data)"
        return f"it is on {lists}, valid from {found.valid_from.isoformat()}{approx}"
    current = found.current()
    now = f"it is now {current}" if current is not None else "no successor is known"
    return f"it is on {lists}, valid until {until.isoformat()}; {now}"


def _suggest(table: _Table, code: object) -> tuple[str, ...]:
    from adminduk._core.suggest import close_matches  # difflib, only when a code is unknown

    if not is_text(code) or not code.strip():
        return ()
    text = code.strip()
    if any(ch.isalpha() for ch in text):
        # A name given where a code belongs: offer the regions of that name, kab/kota first.
        needle = text.casefold()
        hits = [r for r in table.by_code.values() if r.is_current and needle in r.name.casefold()]
        hits.sort(key=lambda r: (r.level is not RegionLevel.REGENCY, r.code))
        if not hits:
            # A misspelt name: compare without the kind word, kabupaten/kota first.
            for level in (RegionLevel.REGENCY, RegionLevel.PROVINCE, RegionLevel.DISTRICT):
                names = {
                    _bare(r.name): r
                    for r in table.by_code.values()
                    if r.is_current and r.level is level
                }
                hits += [names[n] for n in close_matches(needle, names)]
        return tuple(str(r) for r in hits[:3])
    same_level = [c for c in table.by_code if c.count(".") == text.count(".")]
    return tuple(f"{c} {table.by_code[c].name}" for c in close_matches(text, same_level))


def _bare(name: str) -> str:
    for kind in ("kabupaten ", "kota "):
        if name.casefold().startswith(kind):
            return name[len(kind) :].casefold()
    return name.casefold()


def find_region(code: str) -> Region | None:
    """The region with this code on any list, or ``None``; never raises.

    Examples:
        >>> from adminduk.regions import find_region
        >>> find_region("35.78").name
        'Kota Surabaya'
        >>> find_region("35.99") is None
        True
    """
    try:
        found = _data.index.get(code)
    except TypeError:
        return None
    return found if found is not None else _find(_data.table(), code)


def region_lists() -> tuple[RegionList, ...]:
    """The published lists the data holds, oldest first.

    Examples:
        >>> from adminduk.regions import region_lists
        >>> [item.label for item in region_lists()]
        ['2016', '2018', '2020', '2022', '2023', '2025']
    """
    return _data.table().lists


def regions(
    level: RegionLevel | str | None = None, *, on: dt.date | None = None
) -> tuple[Region, ...]:
    """The regions on the list in force on ``on`` (default: the newest list), in code order.

    Args:
        level: ``provinsi``, ``kabupaten-kota`` or ``kecamatan`` (or ``province``,
            ``regency``, ``district``); ``None`` for all three.
        on: the date whose list is wanted; ``None`` for the newest.

    Raises:
        OutOfRange: an unknown level, or ``on`` not a date or before the oldest list.

    Examples:
        >>> import datetime as dt
        >>> from adminduk.regions import regions
        >>> len(regions(level="kabupaten-kota"))
        514
        >>> len(regions("provinsi")), len(regions("provinsi", on=dt.date(2020, 1, 1)))
        (38, 34)
    """
    chosen: RegionLevel | None = None
    if level is not None:
        level = plain(level)
        chosen = _LEVELS.get(level) if is_text(level) else None
        if chosen is None:
            raise OutOfRange("level", level, "provinsi, kabupaten-kota or kecamatan")
    table = _data.table()
    day = _day(on)
    in_force = table.lists[-1] if day is None else table.list_on(day)
    assert in_force is not None  # _day refuses dates before the oldest list
    return _on_list(in_force.index, chosen)


@cache
def _on_list(index: int, level: RegionLevel | None) -> tuple[Region, ...]:
    table = _data.table()
    return tuple(
        r
        for r in table.by_code.values()
        if r.lists[0].index <= index <= r.lists[-1].index and (level is None or r.level is level)
    )
