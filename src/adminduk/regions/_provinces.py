"""Indonesia's provinces (Kemendagri codes) and their time zones, as data (domain-facts.md §8)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

from adminduk._core.arguments import text

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = ["PROVINCE_SOURCE", "Province", "find_province", "provinces"]

PROVINCE_SOURCE: Final = (
    "Codes: Kepmendagri 300.2.2-2138/2025 (kode dan data wilayah), as carried by the public "
    "cahyadsn/wilayah data set; zones: Keppres 41/1987 (WIB, WITA, WIT); IANA names: tzdata "
    "zone.tab"
)

# code, name, local zone, IANA zone, first year (only where the sources give one). The name is
# the newest Kemendagri list's (wilayah.tsv), the one spelling every part of the library shows;
# a test holds the two equal. The table stays here rather than being read from the lists so
# that parsing a NIK does not load them.
_ROWS: Final[tuple[tuple[str, str, str, str, int | None], ...]] = (
    ("11", "Aceh", "WIB", "Asia/Jakarta", None),
    ("12", "Sumatera Utara", "WIB", "Asia/Jakarta", None),
    ("13", "Sumatera Barat", "WIB", "Asia/Jakarta", None),
    ("14", "Riau", "WIB", "Asia/Jakarta", None),
    ("15", "Jambi", "WIB", "Asia/Jakarta", None),
    ("16", "Sumatera Selatan", "WIB", "Asia/Jakarta", None),
    ("17", "Bengkulu", "WIB", "Asia/Jakarta", None),
    ("18", "Lampung", "WIB", "Asia/Jakarta", None),
    ("19", "Kepulauan Bangka Belitung", "WIB", "Asia/Jakarta", None),
    ("21", "Kepulauan Riau", "WIB", "Asia/Jakarta", None),
    ("31", "Daerah Khusus Ibukota Jakarta", "WIB", "Asia/Jakarta", None),
    ("32", "Jawa Barat", "WIB", "Asia/Jakarta", None),
    ("33", "Jawa Tengah", "WIB", "Asia/Jakarta", None),
    ("34", "Daerah Istimewa Yogyakarta", "WIB", "Asia/Jakarta", None),
    ("35", "Jawa Timur", "WIB", "Asia/Jakarta", None),
    ("36", "Banten", "WIB", "Asia/Jakarta", None),
    ("51", "Bali", "WITA", "Asia/Makassar", None),
    ("52", "Nusa Tenggara Barat", "WITA", "Asia/Makassar", None),
    ("53", "Nusa Tenggara Timur", "WITA", "Asia/Makassar", None),
    ("61", "Kalimantan Barat", "WIB", "Asia/Pontianak", None),
    ("62", "Kalimantan Tengah", "WIB", "Asia/Pontianak", None),
    ("63", "Kalimantan Selatan", "WITA", "Asia/Makassar", None),
    ("64", "Kalimantan Timur", "WITA", "Asia/Makassar", None),
    ("65", "Kalimantan Utara", "WITA", "Asia/Makassar", None),
    ("71", "Sulawesi Utara", "WITA", "Asia/Makassar", None),
    ("72", "Sulawesi Tengah", "WITA", "Asia/Makassar", None),
    ("73", "Sulawesi Selatan", "WITA", "Asia/Makassar", None),
    ("74", "Sulawesi Tenggara", "WITA", "Asia/Makassar", None),
    ("75", "Gorontalo", "WITA", "Asia/Makassar", None),
    ("76", "Sulawesi Barat", "WITA", "Asia/Makassar", None),
    ("81", "Maluku", "WIT", "Asia/Jayapura", None),
    ("82", "Maluku Utara", "WIT", "Asia/Jayapura", None),
    ("91", "Papua", "WIT", "Asia/Jayapura", None),
    ("92", "Papua Barat", "WIT", "Asia/Jayapura", None),
    ("93", "Papua Selatan", "WIT", "Asia/Jayapura", 2022),
    ("94", "Papua Tengah", "WIT", "Asia/Jayapura", 2022),
    ("95", "Papua Pegunungan", "WIT", "Asia/Jayapura", 2022),
    ("96", "Papua Barat Daya", "WIT", "Asia/Jayapura", 2022),
)

# Short forms in common use, accepted as input (an office file's `province`) and never shown:
# "DKI Jakarta" is the name the lists of 2016-2023 carry; "DI Yogyakarta" and "DIY" are the
# forms the province's own offices write (domain-facts §8 used "DI Yogyakarta").
_SHORT_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "31": ("DKI Jakarta",),
    "34": ("DI Yogyakarta", "DIY"),
}


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
        source: where the code and the zone come from.
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
    source: str = PROVINCE_SOURCE
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
    return tuple(Province(*row, short_names=_SHORT_NAMES.get(row[0], ())) for row in _ROWS)


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
