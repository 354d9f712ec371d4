"""A baseline office for every kabupaten/kota: the national rules, until a real one is known.

Five offices are described from sources; Indonesia has 514 kabupaten/kota. For every other one,
:func:`baseline_office` builds an office from what holds nationally: the region's name and code
(the Kemendagri list), its province's time zone (national law), the national catalogue and
checklists, the national working hours of government offices (marked as a default in every
answer), the counter open for every service, and no local channel. It says so
(``baseline=True``), and every answer for it says that the office's own rules are not known.
A built-in office or a plugin for the code always takes precedence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Final

from pydantic import model_validator

from adminduk._core.arguments import text
from adminduk._core.redact import is_text, plain
from adminduk._core.suggest import close_matches
from adminduk._core.validation import ConfigErrorModel, frozen_config
from adminduk._law import reader
from adminduk._law._source import SourceInfo
from adminduk.errors import OfficeNotFound
from adminduk.offices._channels import counter_channel
from adminduk.offices._office import OfficeConfig

if TYPE_CHECKING:
    from adminduk.regions import Region

# The region lists load when a baseline office is first asked for, not with the registry: a
# lookup of a built-in office never reads them.

__all__ = [
    "BASELINE_RULES",
    "baseline_codes",
    "baseline_office",
    "baseline_sources",
    "built",
    "carriers",
    "fallback",
    "find_baseline",
    "suggest",
    "with_baselines",
]

BASELINE_RULES: Final = "ATURAN-NASIONAL"
"""The source key of the national rules a baseline office rests on."""

# The sources every baseline office cites, and the provinces whose kabupaten/kota have no Dinas
# of their own, are national facts: the national law file's [baseline], read on first use.


class _OfficeKind(ConfigErrorModel):
    """A province whose offices are named otherwise (DKI Jakarta's Suku Dinas)."""

    model_config = frozen_config()

    province: str
    office_prefix: str
    counter_prefix: str
    key: str
    source_info: SourceInfo


class _Baseline(ConfigErrorModel):
    model_config = frozen_config()

    sources: dict[str, SourceInfo]
    office_kinds: tuple[_OfficeKind, ...] = ()

    @model_validator(mode="after")
    def _rules_source(self) -> _Baseline:
        if BASELINE_RULES not in self.sources:
            raise ValueError(f"sources: the national rules' key {BASELINE_RULES!r} is missing")
        return self


class _Section(ConfigErrorModel):
    model_config = frozen_config()

    baseline: _Baseline


_read_baseline = reader(_Section, "baseline")


@cache
def _law() -> _Baseline:
    return _read_baseline().baseline


def baseline_sources() -> Mapping[str, SourceInfo]:
    """The sources every baseline office cites, keyed as its ``[sources]``; the same for all.

    Examples:
        >>> BASELINE_RULES in baseline_sources()
        True
    """
    return _law().sources


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@cache
def _by_slug() -> dict[str, str]:
    from adminduk.regions import RegionLevel, regions

    return {_slug(r.name): r.code for r in regions(RegionLevel.REGENCY)}


def baseline_codes() -> tuple[str, ...]:
    """The codes of the kabupaten/kota on the newest list: the 514 a baseline office exists for.

    Examples:
        >>> codes = baseline_codes()
        >>> len(codes), codes[0], "35.78" in codes
        (514, '11.01', True)
    """
    from adminduk.regions import RegionLevel, regions

    return tuple(r.code for r in regions(RegionLevel.REGENCY))


def find_baseline(code_or_slug: object) -> OfficeConfig | None:
    """The baseline office for a kabupaten/kota code or slug of the newest list, or ``None``.

    Examples:
        >>> find_baseline("kota-surabaya").code
        '35.78'
        >>> find_baseline("91.01") is None  # Merauke's old code: see baseline_office()
        True
    """
    from adminduk.regions import RegionLevel, find_region

    code_or_slug = plain(code_or_slug)
    if not is_text(code_or_slug):
        return None
    key = code_or_slug.strip().lower()
    found = find_region(_by_slug().get(key, key))
    if found is None or found.level is not RegionLevel.REGENCY or not found.is_current:
        return None
    return baseline_office(found.code)


# code and slug -> a baseline office built already; filled once each, never changed.
_BUILT: dict[str, OfficeConfig] = {}


def built(key: str, registered: Mapping[str, OfficeConfig]) -> OfficeConfig | None:
    """The baseline office built already for exactly this code or slug, unless one is registered.

    ``get_office`` asks this before the registry's own (slower) search, so a second lookup of
    a baseline office costs two dictionary lookups; an office registered since wins.
    """
    office = _BUILT.get(key)
    if office is None or office.code in registered or office.slug in registered:
        return None
    return office


def baseline_office(code: str) -> OfficeConfig:
    """The national baseline office for a kabupaten/kota of the newest list.

    Raises:
        OfficeNotFound: the code is not a kabupaten/kota of the newest list; an old code
            suggests what it is now (``91.01`` → ``93.01``), a name the close slugs.

    Examples:
        >>> office = baseline_office("35.78")
        >>> office.name, office.slug, office.timezone, office.baseline
        ('Dinas Dukcapil Kota Surabaya', 'kota-surabaya', 'Asia/Jakarta', True)
        >>> office.hours is None, office.policies
        (True, ())
        >>> baseline_office("91.01")
        Traceback (most recent call last):
        ...
        adminduk.errors.OfficeNotFound: no office with code or slug '91.01'; did you mean 93.01 (kabupaten-merauke)?
    """  # noqa: E501
    from adminduk.regions import RegionLevel, find_region

    code = text("code", code, "a kabupaten/kota code, e.g. '35.78'")
    found = find_region(code)
    if found is None or found.level is not RegionLevel.REGENCY or not found.is_current:
        suggestions, labels = suggest(code, found)
        raise OfficeNotFound(code, suggestions, labels=labels)
    return _build(found.code)


def suggest(value: object, found: Region | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Baseline offices close to ``value``: its successor's code, or close slugs; and labels.

    The suggestions are what ``get_office`` accepts; the labels add the other key.
    """
    from adminduk.regions import find_region

    if found is None and is_text(value):
        found = find_region(value)
    if found is not None:
        now = found.regency.current() if found.regency is not None else None
        if now is None:
            return (), ()
        return (now.code,), (f"{now.code} ({_slug(now.name)})",)
    slugs = _by_slug()
    close = tuple(close_matches(value, slugs))
    return close, tuple(f"{s} ({slugs[s]})" for s in close)


@cache
def _build(code: str) -> OfficeConfig:
    from adminduk.regions import find_region

    place = find_region(code)
    assert place is not None  # baseline_office() looked it up
    office = _validate(place)
    _BUILT[office.code] = _BUILT[office.slug] = office
    return office


def _validate(place: Region) -> OfficeConfig:
    from adminduk.regions import find_province

    province = find_province(place.code[:2])
    assert province is not None  # a test holds the zone table to the lists' provinces
    law = _law()
    cited = "; ".join(law.sources)
    name, short, source = f"Dinas Dukcapil {place.name}", "Dinas Dukcapil", cited
    sources: dict[str, object] = dict(law.sources)
    kind = next((kind for kind in law.office_kinds if kind.province == province.code), None)
    if kind is not None:
        short = kind.counter_prefix
        name, source = f"{kind.office_prefix} {place.name}", f"{kind.key}; {cited}"
        sources[kind.key] = kind.source_info
    return OfficeConfig.model_validate(
        {
            "code": place.code,
            "slug": _slug(place.name),
            "name": name,
            "region": place.name,
            "province": province.name,
            "timezone": province.timezone,
            "source": source,
            "sources": sources,
            # The counter every office has, citing the national rules, not an unknown address.
            "ordinary": {
                "source": BASELINE_RULES,
                "channels": [counter_channel(place.name, None, BASELINE_RULES, office=short)],
            },
            "baseline": True,
        }
    )


# The kind a slug starts with: a bare name is what is left ("kota-administrasi-jakarta-pusat").
_KIND: Final = re.compile(r"^(kabupaten|kota)(-administrasi)?-")


def _bare(slug: str) -> str:
    return _KIND.sub("", slug)


def carriers(key: object, registered: tuple[OfficeConfig, ...]) -> tuple[OfficeConfig, ...]:
    """Every answering office whose name is ``key`` without its kind: a bare name's offices.

    ``probolinggo`` is carried by Kabupaten Probolinggo (35.13) and Kota Probolinggo (35.74);
    both are suggested, never one picked (DESIGN.md). Registered offices and the baseline
    offices of the newest list count alike. The order is the rule of one place: where a Kota
    and a Kabupaten of the name lie in the same province, the kabupaten took its name from
    the town (its seat, or once its seat: domain-facts §3.3 on Probolinggo, Pasuruan and
    Bima), so the name is first the city's and the Kota comes first; otherwise (Kota Banjar
    in Jawa Barat, Kabupaten Banjar in Kalimantan Selatan share a name and nothing else) the
    offices come in code order. A key that is a slug or a code already carries nothing.

    Examples:
        >>> [o.code for o in carriers("Probolinggo", ())]
        ['35.74', '35.13']
        >>> [o.code for o in carriers("banjar", ())]
        ['32.79', '63.03']
        >>> carriers("kota-probolinggo", ())
        ()
    """
    key = plain(key)  # an object posing as a str is read by its real type
    if not is_text(key) or not key.strip():
        return ()
    bare = _slug(key)
    if _bare(bare) != bare:
        return ()  # "kota-…": a slug with its kind, not a bare name
    by_code = {o.code: o for o in registered if _bare(o.slug) == bare}
    for slug, code in _by_slug().items():
        if _bare(slug) == bare and code not in by_code:
            by_code[code] = baseline_office(code)
    found = list(by_code.values())
    return tuple(sorted(found, key=lambda o: (not _city_first(o, found), o.code)))


def _city_first(office: OfficeConfig, found: list[OfficeConfig]) -> bool:
    """Whether ``office`` is a Kota with a Kabupaten of the same name in its province."""
    return office.slug.startswith("kota-") and any(
        other.code[:2] == office.code[:2] and other.slug.startswith("kabupaten-")
        for other in found
    )


def fallback(
    key: object, missing: OfficeNotFound, registered: tuple[OfficeConfig, ...] = ()
) -> OfficeConfig:
    """What ``get_office`` answers when no registered office has ``key``: a baseline office.

    Raises:
        OfficeNotFound: a bare name with every office that carries it (:func:`carriers`);
            else ``missing`` itself, or with close baseline slugs when it had none.
    """
    from adminduk.regions import find_region

    found = find_baseline(key)
    if found is not None:
        return found
    named = carriers(key, registered)
    if named:
        raise OfficeNotFound(
            missing.value,
            tuple(o.slug for o in named),
            labels=tuple(f"{o.slug} ({o.code})" for o in named),
        ) from None
    # A region's code (an old one, a kecamatan) points at its kabupaten/kota as it is now.
    place = find_region(key) if is_text(key) else None
    more, labels = (
        suggest(key, place) if place is not None or not missing.suggestions else ((), ())
    )
    if more:
        raise OfficeNotFound(missing.value, more, labels=labels) from None
    raise missing


def with_baselines(registered: tuple[OfficeConfig, ...]) -> tuple[OfficeConfig, ...]:
    """The registered offices and a baseline office for every other kabupaten/kota, by code."""
    taken = {office.code for office in registered}
    extra = [baseline_office(code) for code in baseline_codes() if code not in taken]
    return tuple(sorted((*registered, *extra), key=lambda office: office.code))
