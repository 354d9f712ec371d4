"""Region checks for identifiers: provinces come from adminduk.regions, one table for both."""

from __future__ import annotations

from collections.abc import Collection

from adminduk._core.arguments import text, texts
from adminduk.regions import PROVINCE_SOURCE, Province, RegionLevel, find_province, find_region
from adminduk.regions import provinces as provinces

__all__ = ["PROVINCE_SOURCE", "Province", "check_regency", "find_province", "provinces"]


def check_regency(code: str, known: Collection[str] | None = None) -> bool:
    """Whether ``code`` (``"35.13"``) is a kabupaten/kota code: of ``known``, or of any list.

    Without ``known``, the Kemendagri lists since 2016 decide (:func:`adminduk.region`), old
    codes included, because a NIK keeps the prefix it was issued under: ``91.01`` (Kabupaten
    Merauke before the 2022 Papua split) passes. With ``known``, only those codes pass, e.g.
    ``{office.code for office in adminduk.offices()}``; an empty ``known`` refuses every code.

    Examples:
        >>> check_regency("91.01"), check_regency("35.69")
        (True, False)
        >>> check_regency("35.13", {"35.13", "35.14"})
        True
        >>> check_regency("35.74", {"35.13", "35.14"})
        False
    """
    regency = text("code", code, "a regency code, e.g. '35.13'")
    if known is not None:
        return regency in texts("known", known, "regency codes such as '35.13'")
    found = find_region(regency) if regency.count(".") == 1 else None
    return found is not None and found.level is RegionLevel.REGENCY
