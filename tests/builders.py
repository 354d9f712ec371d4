"""Test offices, built in one place: every test that needs an office file or config uses this.

Three shapes of a fictional office, each the smallest that serves its kind of test, and each
taking keyword overrides of any top-level field (values are deep-copied, so a test may mutate
what it passes or gets back):

- :func:`office_data`: the minimal valid file (fictional code 99.02, one source, no hours);
  for the loader, the models and the checks, which add the one field they are about.
- :func:`conforming_data`: a file every conformance check passes without a warning (the real,
  unused code 35.98 in Jawa Timur, an address and hours); for the conformance kit.
- :func:`calendar_data`: an office with every calendar feature the command and the exports
  show (fictional 99.27, WITA, closures, an extra opening, changed hours).

:func:`office` validates any of them into an :class:`~adminduk.OfficeConfig`;
:func:`policy_data` and :func:`channel_data` build the parts a test puts in ``policies``;
:func:`builtin_data` reads a built-in office's file as a fresh dict; :func:`registered` makes
offices known to the registry for one test and forgets them after.

>>> office(region="Kabupaten Coba").region
'Kabupaten Coba'
>>> office(calendar_data()).timezone
'Asia/Makassar'
"""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from typing import Any

from adminduk.offices import BUILTIN_OFFICES, OfficeConfig, register, validate_office

# The registry has no public way to forget a registered office: tests reset the private one.
from adminduk.offices._registry import _REGISTRY

SOURCE = "S"
"""The key of the one source every built office cites."""

_MINIMAL: dict[str, Any] = {
    "code": "99.02",
    "slug": "kabupaten-uji",
    "name": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji",
    "region": "Kabupaten Uji",
    "province": "Provinsi Uji",
    "timezone": "Asia/Jakarta",
    "source": SOURCE,
    "sources": {SOURCE: {"title": "Sumber uji (fiktif)"}},
}

# A real code no kabupaten/kota uses, so the region checks find the province it belongs to.
_CONFORMING: dict[str, Any] = {
    "code": "35.98",
    "slug": "kota-uji",
    "name": "Dinas Kependudukan dan Pencatatan Sipil Kota Uji",
    "region": "Kota Uji",
    "province": "Jawa Timur",
    "address": "Jalan Uji 1",
    "address_source": SOURCE,
    "hours": {"senin": "08:00-15:00", "jumat": "08:00-11:00"},
    "hours_source": SOURCE,
    "sources": {SOURCE: {"title": "Sumber uji (fiktif)", "url": "https://uji.example/s"}},
}

_CALENDAR: dict[str, Any] = {
    "code": "99.27",
    "slug": "kabupaten-uji-cli",
    "name": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji CLI",
    "region": "Kabupaten Uji CLI",
    "timezone": "Asia/Makassar",
    "sources": {SOURCE: {"title": "Sumber uji (fiktif)", "url": "https://uji.example/s"}},
    "hours": {
        "senin": "08:00-15:00",
        "selasa": "08:00-15:00",
        "rabu": ["08:00-12:00", "20:00-24:00"],
        "kamis": "08:00-15:00",
        "jumat": "08:00-11:00",
    },
    "hours_source": SOURCE,
    # A whole week closed, in years whose holidays and cuti bersama are decreed.
    "closures": [
        {
            "start": "2030-06-04",
            "end": "2030-06-04",
            "reason_id": "Hari jadi kabupaten",
            "reason_en": "Regency anniversary",
            "source": SOURCE,
        },
        {
            "start": "2025-07-07",
            "end": "2025-07-13",
            "reason_id": "Pindah gedung",
            "reason_en": "Moving building",
            "source": SOURCE,
        },
    ],
    "extra_openings": [
        {
            "date": "2030-06-08",
            "hours": ["08:00-12:00"],
            "reason_id": "Pelayanan Sabtu",
            "reason_en": "Saturday service",
            "source": SOURCE,
        }
    ],
    "hours_overrides": [
        {
            "start": "2030-06-06",
            "end": "2030-06-07",
            "hours": {"kamis": "09:00-12:00", "jumat": "09:00-11:00"},
            "reason_id": "Jam Ramadan",
            "reason_en": "Ramadan hours",
            "source": SOURCE,
        }
    ],
}


def _built(*layers: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for layer in layers:
        data.update(copy.deepcopy(dict(layer)))
    return data


def office_data(**overrides: Any) -> dict[str, Any]:
    """The minimal valid office file (fictional 99.02, no hours), with ``overrides`` applied.

    >>> office_data(code="99.05")["code"], office_data()["sources"]
    ('99.05', {'S': {'title': 'Sumber uji (fiktif)'}})
    """
    return _built(_MINIMAL, overrides)


def conforming_data(**overrides: Any) -> dict[str, Any]:
    """An office file every conformance check passes (35.98, Jawa Timur), with ``overrides``.

    >>> conforming_data()["hours"]
    {'senin': '08:00-15:00', 'jumat': '08:00-11:00'}
    """
    return _built(_MINIMAL, _CONFORMING, overrides)


def calendar_data(**overrides: Any) -> dict[str, Any]:
    """An office with every calendar feature (fictional 99.27, WITA), with ``overrides``.

    >>> [c["reason_en"] for c in calendar_data()["closures"]]
    ['Regency anniversary', 'Moving building']
    """
    return _built(_MINIMAL, _CALENDAR, overrides)


def office(data: Mapping[str, Any] | None = None, **overrides: Any) -> OfficeConfig:
    """``data`` (by default :func:`office_data`) with ``overrides``, validated as an office.

    >>> office(code="99.04").code, office(conforming_data(), slug="kota-coba").slug
    ('99.04', 'kota-coba')
    """
    return validate_office(_built(office_data() if data is None else data, overrides))


def policy_data(**overrides: Any) -> dict[str, Any]:
    """A minimal valid dated policy (``uji``, from 2030-01-01), with ``overrides`` applied.

    >>> office(policies=[policy_data(valid_until="2030-06-30")]).policies[0].valid_until
    datetime.date(2030, 6, 30)
    """
    return _built({"id": "uji", "valid_from": "2030-01-01", "source": SOURCE}, overrides)


def channel_data(**overrides: Any) -> dict[str, Any]:
    """A minimal valid app channel for every KK service, with ``overrides`` applied.

    >>> channel_data(kind="portal")["kind"]
    'portal'
    """
    channel = {
        "kind": "app",
        "address": "https://uji.example",
        "label": "Aplikasi uji",
        "services": ["kk/*"],
        "source": SOURCE,
    }
    return _built(channel, overrides)


def builtin_data(code: str) -> dict[str, Any]:
    """The parsed TOML of the built-in office ``code``, as a fresh mutable dict.

    >>> builtin_data("35.13")["slug"]
    'kabupaten-probolinggo'
    """
    name = BUILTIN_OFFICES[code]
    text = resources.files("adminduk.offices").joinpath("data", name).read_text("utf-8")
    return tomllib.loads(text)


@contextmanager
def registered(*offices: OfficeConfig) -> Iterator[None]:
    """The registry with ``offices`` registered, emptied before and after (reloaded on next use).

    >>> import adminduk
    >>> with registered(office()):
    ...     adminduk.get_office("99.02").region
    'Kabupaten Uji'
    """
    _REGISTRY.reset()
    try:
        for each in offices:
            register(each)
        yield
    finally:
        _REGISTRY.reset()
