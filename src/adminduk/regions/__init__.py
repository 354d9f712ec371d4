"""Regions: Indonesia's provinces, kabupaten/kota and kecamatan, with their history.

The Kemendagri lists of 2016 to 2025 (package data, read on first use), each code over the
lists it appears on, every old code leading to what it is now. It stands at the bottom of the
library, beside nothing but the errors: identity (the region a NIK was issued under) and offices
(a baseline office for every kabupaten/kota) use it. The provinces' time zones
(domain-facts §8) live here too.

Examples:
    >>> import adminduk
    >>> adminduk.region("91.01").current()
    Region('93.01', 'Kabupaten Merauke')
    >>> len(adminduk.regions(level="kabupaten-kota"))
    514
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from typing import TYPE_CHECKING

from adminduk.regions import _lookup
from adminduk.regions._lookup import find_region, region, region_lists
from adminduk.regions._model import REGION_SOURCE, Region, RegionLevel, RegionList
from adminduk.regions._provinces import PROVINCE_SOURCE, Province, find_province, provinces

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "PROVINCE_SOURCE",
    "REGION_SOURCE",
    "Province",
    "Region",
    "RegionLevel",
    "RegionList",
    "find_province",
    "find_region",
    "provinces",
    "region",
    "region_lists",
    "regions",
]
# -- end of the public names --


class _RegionsModule(types.ModuleType):
    """This package, callable: ``adminduk.regions(level=...)`` lists regions.

    DESIGN.md names both this package and the function ``regions()`` ``adminduk.regions``, as
    it does for ``adminduk.offices``; the package answers the call.
    """

    def __call__(
        self, level: RegionLevel | str | None = None, *, on: dt.date | None = None
    ) -> tuple[Region, ...]:
        return _lookup.regions(level, on=on)


sys.modules[__name__].__class__ = _RegionsModule

if TYPE_CHECKING:
    from adminduk.regions._lookup import regions
else:
    regions = sys.modules[__name__]
