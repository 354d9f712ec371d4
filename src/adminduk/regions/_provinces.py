"""Indonesia's provinces (Kemendagri codes) and their time zones, from the national law file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from pydantic import Field, model_validator

from adminduk._arguments import text
from adminduk._validation import ConfigErrorModel, frozen_config

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["PROVINCE_SOURCE", "Province", "find_province", "indonesian_zones", "provinces"]

# The provinces and their zones are national law (Keppres 41/1987 for the zones, the Kemendagri
# list for codes and names): data in the national law file's [time_zones] and [[provinces]],
# read when a province is first asked for. The names are the newest Kemendagri list's
# (wilayah.tsv), the one spelling every part of the library shows; a test holds the two equal.


class _Zone(ConfigErrorModel):
    model_config = frozen_config()

    name: str
    utc_offset_hours: int
    iana: tuple[str, ...]


class _TimeZones(ConfigErrorModel):
    model_config = frozen_config()

    source: str
    province_source: str
    zones: tuple[_Zone, ...]


class _ProvinceRow(ConfigErrorModel):
    model_config = frozen_config()

    code: str = Field(pattern=r"^[0-9]{2}$")
    name: str
    zone: str
    timezone: str
    since: int | None = None
    short_names: tuple[str, ...] = ()


class _Sections(ConfigErrorModel):
    model_config = frozen_config()

    time_zones: _TimeZones
    provinces: tuple[_ProvinceRow, ...]

    @model_validator(mode="after")
    def _zones_known(self) -> _Sections:
        zones = {zone.name: zone.iana for zone in self.time_zones.zones}
        for index, row in enumerate(self.provinces):
            if row.timezone not in zones.get(row.zone, ()):
                raise ValueError(
                    f"provinces[{index}]: {row.timezone!r} is not an IANA zone of {row.zone!r} "
                    f"(valid: {', '.join(f'{k}: {v}' for k, v in zones.items())})"
                )
        return self


@cache
def _law() -> _Sections:
    from adminduk._law import sections

    return sections(_Sections, "time_zones", "provinces")


def indonesian_zones() -> tuple[str, ...]:
    """The IANA names of Indonesia's time zones, west to east, as the national law file lists them.

    Examples:
        >>> indonesian_zones()[-1]
        'Asia/Jayapura'
        >>> sorted(indonesian_zones()) == sorted({p.timezone for p in provinces()})
        True
    """
    return tuple(name for zone in _law().time_zones.zones for name in zone.iana)


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
    law = _law()
    source = law.time_zones.province_source
    return tuple(
        Province(
            row.code,
            row.name,
            row.zone,
            row.timezone,
            row.since,
            source=source,
            short_names=row.short_names,
        )
        for row in law.provinces
    )


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
        return _law().time_zones.province_source
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    PROVINCE_SOURCE: str
    """Where the provinces' codes, names and zones come from."""
