"""Reading a moment in an office's zone: the one rule every entry point follows.

A bottom module (it imports nothing of adminduk), so argument checks and the schedule share it.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["as_local", "is_naive"]


def is_naive(at: dt.datetime) -> bool:
    """Whether ``at`` carries no UTC offset: no tzinfo, or one whose ``utcoffset()`` is None.

    Python's own definition of naive; every entry point reads such a moment the same way, as
    the office's local wall time, never as the host's zone (which ``astimezone`` would assume).

    Examples:
        >>> class NoOffset(dt.tzinfo):
        ...     def utcoffset(self, d): return None
        >>> is_naive(dt.datetime(2020, 3, 24, 10)), is_naive(dt.datetime(2020, 3, 24, tzinfo=NoOffset()))
        (True, True)
        >>> is_naive(dt.datetime(2020, 3, 24, 10, tzinfo=dt.UTC))
        False
    """  # noqa: E501
    return at.tzinfo is None or at.utcoffset() is None  # a hostile tzinfo raises here


def as_local(at: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """``at`` as an aware moment in ``zone``: a naive one is wall time there, an aware one moves.

    Naive is :func:`is_naive`'s reading, so a tzinfo without an offset is never the host's zone.
    Unchecked: the public form is :func:`adminduk.schedule.as_local`.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> as_local(dt.datetime(1924, 1, 1, 0, 5), ZoneInfo("Asia/Jakarta")).isoformat()
        '1924-01-01T00:05:00+07:20'
    """
    # Through UTC: a wall time the zone skipped (Jakarta's 1924 change) reads as the real
    # instant, whichever way it came in. May raise OverflowError near year 1 or 9999; the
    # checked entry point is adminduk._core.arguments.instant.
    aware = at.replace(tzinfo=zone) if is_naive(at) else at
    return aware.astimezone(dt.UTC).astimezone(zone)
