"""``plain``: a value of a subclass of a base type is read as the plain value it holds.

A caller's subclass may lie in its methods; the library never asks it anything (issue 25). The
subclasses of str, int, date and datetime are read in the fuzz campaign (tests/fuzz); these are
the other base types.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from adminduk._core.redact import plain


class LyingFloat(float):
    def __float__(self) -> float:
        raise RuntimeError("asked")


class LyingBytes(bytes):
    def __bytes__(self) -> bytes:
        raise RuntimeError("asked")


class LyingTime(dt.time):
    def utcoffset(self) -> dt.timedelta:
        raise RuntimeError("asked")


def test_a_float_bytes_or_time_subclass_becomes_the_plain_value() -> None:
    number = plain(LyingFloat(1.5))
    assert type(number) is float and number == 1.5
    data = plain(LyingBytes(b"35.14"))
    assert type(data) is bytes and data == b"35.14"
    wib = ZoneInfo("Asia/Jakarta")
    at = plain(LyingTime(8, 30, 15, 7, tzinfo=wib, fold=1))
    assert type(at) is dt.time
    assert (at.hour, at.minute, at.second, at.microsecond, at.tzinfo, at.fold) == (
        8,
        30,
        15,
        7,
        wib,
        1,
    )
