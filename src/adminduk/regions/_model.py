"""What a region is: a Kemendagri code over the run of published lists it appears on."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Final

from adminduk._core import arguments
from adminduk._law import reader
from adminduk.regions._provinces import Province, find_province

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["REGION_SOURCE", "Region", "RegionLevel", "RegionList", "region_source"]


@cache
def region_source() -> str:
    """Where every region's code and name come from: the lists, named by the newest's decree.

    Served as :data:`REGION_SOURCE`; read from the national law file's ``[regions]`` (a test
    holds its decree equal to the region data's newest).

    Examples:
        >>> from adminduk.regions import region_lists
        >>> newest = region_lists()[-1]
        >>> f"(latest: {newest.decree})" in region_source()
        True
    """
    return _read_regions().source


@dataclass(frozen=True, slots=True)
class _Sections:
    """The national law file's ``[regions]``, checked without pydantic (a NIK's path)."""

    source: str

    @classmethod
    def model_validate(cls, data: Mapping[str, object]) -> _Sections:
        from adminduk.errors import ConfigError, ConfigProblem

        table = data.get("regions")
        source = table.get("source") if isinstance(table, Mapping) else None
        if not isinstance(source, str) or not source.strip():
            raise ConfigError([ConfigProblem("regions.source", "expected the regions' source")])
        return cls(source)


_read_regions = reader(_Sections, "regions")


class RegionLevel(StrEnum):
    """The three levels of region adminduk knows; a code's dots tell its level.

    Examples:
        >>> RegionLevel.from_code("35.13.01")
        <RegionLevel.DISTRICT: 'kecamatan'>
        >>> str(RegionLevel.REGENCY)
        'kabupaten-kota'
    """

    PROVINCE = "provinsi"
    REGENCY = "kabupaten-kota"
    DISTRICT = "kecamatan"

    @classmethod
    def from_code(cls, code: str) -> RegionLevel:
        """The level of a well-formed code: ``PP``, ``PP.KK`` or ``PP.KK.CC``."""
        return _BY_DOTS[code.count(".")]


_BY_DOTS: Final = (RegionLevel.PROVINCE, RegionLevel.REGENCY, RegionLevel.DISTRICT)


@dataclass(frozen=True, slots=True)
class RegionList:
    """One published list of region codes.

    Attributes:
        label: the list's label, e.g. ``"2023"``.
        since: the day it took effect. For a list whose decree the source does not name, this
            is 1 January of its labelled year, and ``exact`` is false.
        decree: the Kepmendagri that published it, where the source names one.
        description: what the list is, as the source describes it.
        index: its place among the lists, oldest first, from 0.

    Examples:
        >>> from adminduk.regions import region_lists
        >>> newest = region_lists()[-1]
        >>> newest.label, newest.since.year, newest.decree.startswith("Kepmendagri"), newest.exact
        ('2025', 2025, True, True)
        >>> region_lists()[0].exact
        False
    """

    label: str
    since: dt.date
    decree: str | None
    description: str
    index: int

    @property
    def exact(self) -> bool:
        """Whether ``since`` is a decree's date rather than the start of a labelled year."""
        return self.decree is not None

    def __str__(self) -> str:
        return f"the {self.label} list" + (f" ({self.decree})" if self.decree else "")


@dataclass(frozen=True, slots=True, eq=False)
class _Table:
    """Every region of every list, loaded once (see ``_data``)."""

    lists: tuple[RegionList, ...]
    by_code: Mapping[str, Region]
    starts: tuple[dt.date, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(item.since for item in self.lists))

    def list_on(self, day: dt.date) -> RegionList | None:
        """The list in force on ``day``; ``None`` before the oldest one."""
        index = bisect_right(self.starts, day) - 1
        return self.lists[index] if index >= 0 else None


@dataclass(frozen=True, slots=True)
class Region:
    """A province, kabupaten/kota or kecamatan, as the Kemendagri lists name it.

    A region is a code over the unbroken run of lists it appears on. Codes move: Kabupaten
    Merauke was ``91.01`` up to the early-2022 list and is ``93.01`` since the Papua split, so
    ``91.01`` is a region of its own whose :meth:`current` is ``93.01``. Get one with
    :func:`~adminduk.regions.region`.

    Attributes:
        code: the Kemendagri code, ``PP``, ``PP.KK`` or ``PP.KK.CC``.
        level: province, kabupaten/kota or kecamatan.
        name: the name on the newest list it appears on, normalised (``Kabupaten Probolinggo``).
        lists: the lists it appears on, oldest first.
        former_names: other spellings or names on its earlier lists, newest first.

    Examples:
        >>> from adminduk.regions import region
        >>> merauke = region("91.01")
        >>> merauke.name, merauke.level.value, merauke.province.name
        ('Kabupaten Merauke', 'kabupaten-kota', 'Papua')
        >>> [item.label for item in merauke.lists]
        ['2016', '2018', '2020', '2022']
        >>> merauke.current()
        Region('93.01', 'Kabupaten Merauke')
        >>> print(region("35.13.19"))
        35.13.19 Dringu
    """

    code: str
    level: RegionLevel
    name: str
    lists: tuple[RegionList, ...]
    former_names: tuple[str, ...] = ()
    successor_code: str | None = field(default=None, repr=False)
    _table: _Table | None = field(default=None, repr=False, compare=False)
    # The day the first list without it took effect (None while current): valid_on's bound.
    _end: dt.date | None = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"Region({self.code!r}, {self.name!r})"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def _get(self, code: str) -> Region:
        assert self._table is not None  # every Region comes from a loaded table
        return self._table.by_code[code]

    # -- hierarchy --------------------------------------------------------------------------
    @property
    def province(self) -> Region:
        """The province it lies in (itself for a province).

        Examples:
            >>> from adminduk.regions import region
            >>> region("52.71.01").province.name
            'Nusa Tenggara Barat'
        """
        return self if self.level is RegionLevel.PROVINCE else self._get(self.code[:2])

    @property
    def regency(self) -> Region | None:
        """The kabupaten/kota it lies in (itself for one); ``None`` for a province.

        Examples:
            >>> from adminduk.regions import region
            >>> region("35.13.19").regency.name
            'Kabupaten Probolinggo'
        """
        if self.level is RegionLevel.PROVINCE:
            return None
        return self if self.level is RegionLevel.REGENCY else self._get(self.code[:5])

    @property
    def parent(self) -> Region | None:
        """The region one level up; ``None`` for a province."""
        if self.level is RegionLevel.PROVINCE:
            return None
        return self._get(self.code.rsplit(".", 1)[0])

    # -- history ----------------------------------------------------------------------------
    @property
    def is_current(self) -> bool:
        """Whether it is on the newest list."""
        assert self._table is not None
        return self.lists[-1] is self._table.lists[-1]

    @property
    def successor(self) -> Region | None:
        """The region that took its place on the next list, matched by name and parent.

        ``None`` for a region on the newest list, and where no single match exists.
        """
        return None if self.successor_code is None else self._get(self.successor_code)

    def current(self) -> Region | None:
        """The region it is on the newest list: itself, or its successors' last.

        ``None`` when the chain breaks: the region left the lists and no single region of the
        next list has its name and parent.

        Examples:
            >>> from adminduk.regions import region
            >>> region("91.01.01").current()
            Region('93.01.01', 'Merauke')
            >>> region("35.13").current() is region("35.13")
            True
        """
        found: Region | None = self
        while found is not None and not found.is_current:
            found = found.successor
        return found

    @property
    def valid_from(self) -> dt.date:
        """The day the first list it is on took effect (see :attr:`RegionList.exact`)."""
        return self.lists[0].since

    @property
    def valid_until(self) -> dt.date | None:
        """The last day it was valid: the eve of the first list without it; ``None`` if current.

        Examples:
            >>> from adminduk.regions import region
            >>> old = region("91.01")  # Merauke, which moved to a new province
            >>> old.valid_until == old.successor.valid_from - dt.timedelta(days=1)
            True
            >>> region("35.13").valid_until is None
            True
        """
        return None if self._end is None else self._end - dt.timedelta(days=1)

    def valid_on(self, day: dt.date) -> bool:
        """Whether it is on the list in force on ``day``.

        Examples:
            >>> import datetime as dt
            >>> from adminduk.regions import region
            >>> region("91.01").valid_on(dt.date(2020, 6, 1)), region("91.01").valid_on(dt.date(2023, 1, 1))
            (True, False)
        """  # noqa: E501
        when = arguments.day("day", day)  # a datetime counts by its own wall date
        end = self._end
        return self.lists[0].since <= when and (end is None or when < end)

    # -- time zone (domain-facts §8) ------------------------------------------------------------
    @property
    def _zone_row(self) -> Province:
        province = find_province(self.code[:2])
        assert province is not None  # a test holds the zone table to the lists' provinces
        return province

    @property
    def timezone(self) -> str:
        """The IANA time zone of its province, e.g. ``Asia/Makassar``.

        Examples:
            >>> from adminduk.regions import region
            >>> region("52.71").timezone, region("52.71").local_zone
            ('Asia/Makassar', 'WITA')
        """
        return self._zone_row.timezone

    @property
    def local_zone(self) -> str:
        """``WIB`` (UTC+7), ``WITA`` (UTC+8) or ``WIT`` (UTC+9), by its province."""
        return self._zone_row.local_zone

    @property
    def zone(self) -> ZoneInfo:
        """Its province's time zone as a ``ZoneInfo``."""
        return self._zone_row.zone

    @property
    def source(self) -> str:
        """Where the code and the name come from."""
        return region_source()


def __getattr__(name: str) -> str:
    """``REGION_SOURCE``, read from the region data when first asked for."""
    if name == "REGION_SOURCE":
        return region_source()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    REGION_SOURCE: str
    """Where every region's code and name come from."""
