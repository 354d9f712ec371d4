"""Time zones an office calendar accepts, and the supported date range."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from adminduk._core import arguments, moments
from adminduk._core.redact import is_text, safe_repr
from adminduk.errors import OutOfRange

__all__ = [
    "FIRST_YEAR",
    "INDONESIAN_ZONES",
    "LAST_YEAR",
    "SUPPORTED_FROM",
    "SUPPORTED_UNTIL",
    "ZoneProblem",
    "as_local",
    "is_naive",
    "load_zone",
]

# The years a calendar answers for. `holidays` computes Indonesian holidays up to 2100 and the
# national default hours are known from 1995; 2000–2099 covers every record an office keeps and
# every deadline it sets, and keeps a fully built calendar within a few megabytes.
FIRST_YEAR = 2000
LAST_YEAR = 2099
SUPPORTED_FROM = dt.date(FIRST_YEAR, 1, 1)
SUPPORTED_UNTIL = dt.date(LAST_YEAR, 12, 31)
SUPPORTED_DAYS = (SUPPORTED_FROM, SUPPORTED_UNTIL)
"""The first and last office-local day answered for (``advise``, a checked ``submit``)."""


def is_naive(at: dt.datetime) -> bool:
    """Whether ``at`` carries no UTC offset: no tzinfo, or one whose ``utcoffset()`` is None.

    Every entry point reads such a moment as the office's local wall time, never as the host's
    zone (which ``astimezone`` would assume).

    Raises:
        OutOfRange: ``at`` is not a datetime.

    Examples:
        >>> is_naive(dt.datetime(2020, 3, 24, 10)), is_naive(dt.datetime(2020, 3, 24, tzinfo=dt.UTC))
        (True, False)
    """  # noqa: E501
    checked = arguments.instance("at", at, dt.datetime, "a datetime")
    try:
        return moments.is_naive(checked)
    except Exception:  # a tzinfo that raises or returns junk: neither naive nor aware
        raise OutOfRange("at", at, "a datetime whose tzinfo gives an offset or None") from None


def as_local(at: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """``at`` as an aware moment in ``zone``: a naive one is wall time there, an aware one moves.

    Raises:
        OutOfRange: ``at`` is not a datetime, ``zone`` not a tzinfo, or the moment falls
            outside the years 1-9999 in UTC or in ``zone``.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> wita = ZoneInfo("Asia/Makassar")
        >>> as_local(dt.datetime(2020, 3, 24, 10), wita).isoformat()
        '2020-03-24T10:00:00+08:00'
        >>> as_local(dt.datetime(2020, 3, 24, 10, tzinfo=dt.UTC), wita).isoformat()
        '2020-03-24T18:00:00+08:00'
    """
    if not isinstance(zone, dt.tzinfo):
        raise OutOfRange("zone", zone, "a tzinfo, e.g. ZoneInfo('Asia/Jakarta')")
    return arguments.instant("at", at, zone)


class ZoneProblem(ValueError):
    """A zone name that is not an IANA zone, or whose UTC offset is not fixed."""


@cache
def load_zone(name: str) -> tuple[ZoneInfo, int]:
    """The zone and its fixed UTC offset in seconds over the supported years.

    Indonesia has no daylight saving time, so a calendar reads a naive time as local wall time
    without ambiguity and all arithmetic runs on one fixed offset. A zone whose offset changes
    between 2000 and 2099 (daylight saving, or a change of standard time) is refused rather than
    answered approximately.

    Raises:
        ZoneProblem: the name is not an IANA zone, or its offset is not fixed.
    """
    if not is_text(name) or not name.strip():
        raise ZoneProblem(f"must be an IANA time zone name, {_hint()}")
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ZoneProblem(f"{safe_repr(name)} is not an IANA time zone; {_hint()}") from None
    offsets = {
        zone.utcoffset(dt.datetime(year, month, 1))
        for year in range(FIRST_YEAR, LAST_YEAR + 2)
        for month in range(1, 13)
    }
    if len(offsets) != 1:
        raise ZoneProblem(
            f"{name!r} changes its UTC offset between {FIRST_YEAR} and {LAST_YEAR} (daylight "
            f"saving or a change of standard time); a calendar needs a fixed offset, {_hint()}"
        )
    (offset,) = offsets
    assert offset is not None  # a ZoneInfo always has an offset
    return zone, int(offset.total_seconds())


def _hint() -> str:
    # Only a refusal names the zones: reading them reads the provinces from the national law.
    from adminduk.regions._provinces import indonesian_zones

    return f"e.g. {', '.join(indonesian_zones())}"


def __getattr__(name: str) -> tuple[str, ...]:
    """``INDONESIAN_ZONES``: Indonesia's IANA zones, read from the national law file."""
    if name == "INDONESIAN_ZONES":
        from adminduk.regions._provinces import indonesian_zones

        return indonesian_zones()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    INDONESIAN_ZONES: tuple[str, ...]
    """Indonesia's IANA time zones, west to east."""
