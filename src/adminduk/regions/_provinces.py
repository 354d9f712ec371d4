"""Indonesia's provinces (Kemendagri codes) and their time zones, from the national law file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from adminduk._core.arguments import text
from adminduk._law import reader

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["PROVINCE_SOURCE", "Province", "find_province", "indonesian_zones", "provinces"]

# The provinces and their zones are national law (the decree on time zones, the Kemendagri list
# for codes and names): data in the national law file's [time_zones] and [[provinces]],
# read when a province is first asked for. The names are the newest Kemendagri list's
# (wilayah.tsv), the one spelling every part of the library shows; a test holds the two equal.


@dataclass(frozen=True, slots=True)
class _Zone:
    name: str
    utc_offset_hours: int
    iana: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Sections:
    """The national law file's ``[time_zones]`` and ``[[provinces]]``, checked field by field.

    Checked here without pydantic: parsing a NIK reads the provinces, and imports no pydantic
    (``tests/identity/test_imports_and_today.py``).
    """

    source: str
    province_source: str
    zones: tuple[_Zone, ...]
    provinces: tuple[Province, ...]

    @classmethod
    def model_validate(cls, data: Any) -> _Sections:
        """The sections, or every problem at once, each with its path."""
        from adminduk.errors import ConfigError, ConfigProblem

        problems: list[ConfigProblem] = []

        def field(item: Any, path: str, name: str, kind: type, valid: str) -> Any:
            value = item.get(name) if isinstance(item, dict) else None
            if not isinstance(value, kind) or isinstance(value, bool) is not (kind is bool):
                problems.append(ConfigProblem(f"{path}.{name}", f"expected {valid}", repr(value)))
            return value

        zones_table = data.get("time_zones") if isinstance(data, dict) else None
        zones: list[_Zone] = []
        for index, zone in enumerate(_items(zones_table, "zones")):
            at = f"time_zones.zones[{index}]"
            iana = field(zone, at, "iana", list, "a list of IANA zone names")
            zones.append(
                _Zone(
                    field(zone, at, "name", str, "a zone's name, e.g. 'WIB'"),
                    field(zone, at, "utc_offset_hours", int, "whole hours, e.g. 7"),
                    tuple(iana) if isinstance(iana, list) else (),
                )
            )
        known = {zone.name: zone.iana for zone in zones}
        rows: list[Province] = []
        source = field(zones_table, "time_zones", "province_source", str, "a citation")
        for index, row in enumerate(_items(data, "provinces")):
            at = f"provinces[{index}]"
            code = field(row, at, "code", str, "a two-digit code, e.g. '35'")
            zone = field(row, at, "zone", str, f"one of {', '.join(known)}")
            timezone = field(row, at, "timezone", str, "an IANA zone name")
            since = row.get("since") if isinstance(row, dict) else None
            short = row.get("short_names", []) if isinstance(row, dict) else []
            if isinstance(code, str) and not (len(code) == 2 and code.isdigit()):
                problems.append(ConfigProblem(f"{at}.code", "expected two digits", repr(code)))
            if isinstance(timezone, str) and timezone not in known.get(zone, ()):
                valid = "; ".join(f"{name}: {', '.join(iana)}" for name, iana in known.items())
                problems.append(
                    ConfigProblem(f"{at}.timezone", f"not a zone of {zone!r}; valid: {valid}")
                )
            if since is not None and (not isinstance(since, int) or isinstance(since, bool)):
                problems.append(ConfigProblem(f"{at}.since", "expected a year", repr(since)))
            rows.append(
                Province(
                    code,
                    field(row, at, "name", str, "the province's name"),
                    zone,
                    timezone,
                    since,
                    source=source,
                    short_names=tuple(short) if isinstance(short, list) else (),
                )
            )
        if problems:
            raise ConfigError(problems)
        cited = field(zones_table, "time_zones", "source", str, "keys of [sources]")
        return cls(cited, source, tuple(zones), tuple(rows))


def _items(table: Any, name: str) -> list[Any]:
    value = table.get(name) if isinstance(table, dict) else None
    return value if isinstance(value, list) else []


_law = cache(reader(_Sections, "time_zones", "provinces"))


@cache
def indonesian_zones() -> tuple[str, ...]:
    """The IANA names of Indonesia's time zones, west to east, as the national law file lists them.

    Examples:
        >>> indonesian_zones()[-1]
        'Asia/Jayapura'
        >>> sorted(indonesian_zones()) == sorted({p.timezone for p in provinces()})
        True
    """
    return tuple(name for zone in _law().zones for name in zone.iana)


@dataclass(frozen=True, slots=True)
class Province:
    """One of Indonesia's provinces: its Kemendagri code, name and time zone.

    Attributes:
        code: the two-digit Kemendagri code, the first two digits of a NIK or KK number.
        name: the province's name, in Indonesian.
        local_zone: ``WIB`` (UTC+7), ``WITA`` (UTC+8) or ``WIT`` (UTC+9).
        timezone: the IANA time-zone name, e.g. ``Asia/Makassar``.
        since: the year the province was formed, where the sources give it (the 2022 Papua
            provinces); ``None`` otherwise.
        source: where the code and the zone come from (the national law file's
            ``province_source``).
        short_names: short forms accepted as input for the name (``DKI Jakarta``), never
            shown; see :meth:`is_named`.

    Examples:
        >>> ntb = find_province("52")
        >>> ntb.name, ntb.local_zone, ntb.timezone
        ('Nusa Tenggara Barat', 'WITA', 'Asia/Makassar')
        >>> ntb.zone
        zoneinfo.ZoneInfo(key='Asia/Makassar')
    """

    code: str
    name: str
    local_zone: str
    timezone: str
    since: int | None = None
    source: str = ""
    short_names: tuple[str, ...] = ()

    def is_named(self, name: str) -> bool:
        """Whether ``name`` names this province: its list name or a short form, in any case.

        Examples:
            >>> diy = find_province("34")
            >>> diy.name
            'Daerah Istimewa Yogyakarta'
            >>> diy.is_named("DI Yogyakarta"), diy.is_named("daerah istimewa yogyakarta")
            (True, True)
            >>> diy.is_named("Jawa Tengah")
            False
        """
        wanted = " ".join(text("name", name, "a province name, e.g. 'Jawa Timur'").split())
        names = (self.name, *self.short_names)
        return any(wanted.casefold() == known.casefold() for known in names)

    @property
    def zone(self) -> ZoneInfo:
        """The province's time zone as a ``ZoneInfo``.

        Examples:
            >>> str(find_province("91").zone)
            'Asia/Jayapura'
        """
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.timezone)


@cache
def provinces() -> tuple[Province, ...]:
    """Every province of Indonesia, in code order: 38 since the 2022 Papua split.

    A NIK keeps the region prefix under which it was first issued. At province level no code
    has been retired since NIKs were introduced: a new province gets a new code and its parent
    keeps its own (Papua stayed 91 when Papua Selatan, Papua Tengah and Papua Pegunungan were
    formed in 2022). So this one table also covers the historical prefixes a NIK may carry; the
    regency level is where codes moved (Kabupaten Merauke, 91.01 before 2022, is 93.01 now):
    see :func:`adminduk.regions.region`.

    Examples:
        >>> len(provinces())
        38
        >>> [p.code for p in provinces() if p.since == 2022]
        ['93', '94', '95', '96']
        >>> sorted({p.timezone for p in provinces()})
        ['Asia/Jakarta', 'Asia/Jayapura', 'Asia/Makassar', 'Asia/Pontianak']
    """
    return _law().provinces


@cache
def _by_code() -> dict[str, Province]:
    return {province.code: province for province in provinces()}


def find_province(code: str) -> Province | None:
    """The province with this two-digit code, or ``None`` when there is none.

    Examples:
        >>> find_province("35").name
        'Jawa Timur'
        >>> find_province("99") is None
        True
    """
    return _by_code().get(text("code", code, "a two-digit province code, e.g. '35'"))


def __getattr__(name: str) -> str:
    """``PROVINCE_SOURCE``, read from the national law file when first asked for."""
    if name == "PROVINCE_SOURCE":
        return _law().province_source
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    PROVINCE_SOURCE: str
    """Where the provinces' codes, names and zones come from."""
