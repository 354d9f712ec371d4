"""What may be shown of a value: personal numbers masked in free text, and a repr that never fails.

One place for the masks of personal numbers, below every layer (it imports nothing of
adminduk), so that error messages, office-file problems, the identity types and
``adminduk.redact`` all hide a NIK, a KK number or a phone number the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from typing import Final

__all__ = ["NIK_KEEP", "PHONE_KEEP", "hide", "long_number", "redact", "safe_repr"]

NIK_KEEP: Final = (4, 2)
"""Characters kept in front and behind when a NIK or KK number is shown: ``3513**********01``."""

PHONE_KEEP: Final = (6, 2)
"""Characters kept when a citizen's phone number is shown, in E.164: ``+62813******91``."""

# A run of digit groups as people write numbers: "3513 0145 0190 0001", "0813-5954-7691",
# "+62 (0)812 3860 693". A group may hold a mask already ("3513**********01"): such a group is
# never read again, so redacting twice changes nothing.
_RUN: Final = re.compile(r"(?<![\d*])\+?[\d*]+(?:[ \u00a0.\-()]{1,2}\+?[\d*]+)*")
_GROUP: Final = re.compile(r"\+?[\d*]+")
_MOBILE: Final = re.compile(r"8[1-9][0-9]{7,10}")  # national significant number, 9-12 digits
_NIK_DIGITS: Final = 16
_LONGEST: Final = 17  # more digits than any NIK or phone number (62 + 0 + 12 digits is 15)
_SHOWN_CHARS: Final = 80
_READ_CHARS: Final = 200  # of a long text, only the start is read: the rest is never shown


def hide(text: str, keep_start: int, keep_end: int, char: str = "*") -> str:
    """``text`` with its middle replaced by ``char``; all of it when the ends would cover it.

    Examples:
        >>> hide("3513014501900001", 4, 2)
        '3513**********01'
        >>> hide("1234", 2, 2)
        '****'
    """
    size = len(text)
    if keep_start + keep_end >= size:
        return char * size
    return text[:keep_start] + char * (size - keep_start - keep_end) + text[size - keep_end :]


def _masked(plus: bool, digits: str, alone: bool) -> str | None:
    """The mask of a NIK/KK number or a mobile number written as ``digits``; None if neither."""
    if len(digits) == _NIK_DIGITS and not plus:
        return hide(digits, *NIK_KEEP)
    if plus or digits.startswith("62"):
        national = digits[2:] if digits.startswith("62") else ""
        national = national[1:] if national.startswith("0") else national  # "+62 (0)812"
    elif digits.startswith("0"):
        national = digits[1:]
    else:  # the leading 0 lost ("85337287689"): only as one unbroken number, never "850.000.000"
        national = digits if alone else ""
    return hide("+62" + national, *PHONE_KEEP) if _MOBILE.fullmatch(national) else None


_Group = tuple[int, int, str, bool]  # start, end, digits, written with "+"
_Span = tuple[int, int, str]  # start, end, mask


def _spans(groups: list[_Group | None]) -> list[_Span]:
    """The numbers in a run of groups: the choice of spans that masks the most digits.

    Numbers written side by side ("0811-0000-000 3513 0145 0190 0001") can be cut in more
    than one way; the way that covers the most digits keeps every whole number whole. It also
    makes redacting twice change nothing: a second pass could only add a span the first pass
    would have taken.
    """
    alone = len(groups) == 1
    # best[i]: the most digits maskable in groups[i:], and the spans that do it.
    best: list[tuple[int, list[_Span]]] = [(0, [])] * (len(groups) + 1)
    for i in reversed(range(len(groups))):
        best[i] = best[i + 1]
        first = groups[i]
        if first is None:
            continue
        digits = ""
        for j in range(i, len(groups)):
            group = groups[j]
            if group is None or (j > i and group[3]) or len(digits) > _LONGEST:
                break
            digits += group[2]
            shown = _masked(first[3], digits, alone)
            covered = best[j + 1][0] + len(digits)
            if shown is not None and covered > best[i][0]:
                best[i] = (covered, [(first[0], group[1], shown), *best[j + 1][1]])
    return best[0][1]


def _redact_run(run: str) -> str:
    groups: list[_Group | None] = []  # None for a group that holds a mask already
    for match in _GROUP.finditer(run):
        core = match.group().strip("*")
        start = match.start() + match.group().index(core) if core else match.start()
        if not core or "*" in core:
            groups.append(None)
        else:
            groups.append((start, start + len(core), core.lstrip("+"), core.startswith("+")))
    pieces: list[str] = []
    done = 0
    for start, end, shown in _spans(groups):
        pieces += [run[done:start], shown]
        done = end
    pieces.append(run[done:])
    return "".join(pieces)


def redact(text: object) -> str:
    """``text`` with every NIK, KK number and Indonesian mobile number masked.

    Numbers are found however people write them: with spaces, dashes, dots or brackets between
    the digits, and with a ``+62``, ``62`` or ``0`` in front. A NIK or KK number (16 digits)
    becomes ``3513**********01``, as ``str(Nik)`` shows it; a phone number becomes its E.164
    form masked as ``str(CitizenPhone)`` shows it, ``+62813******91``. Everything else is left
    as it was, and redacting twice changes nothing. Use it on chat logs before they are stored.

    Examples:
        >>> from adminduk import redact
        >>> redact("NIK saya 3513 0145 0190 0001, WA 0813-5954-7691 ya kak")
        'NIK saya 3513**********01, WA +62813******91 ya kak'
        >>> redact("hubungi +62 812 3860 693 atau 6285337287689")
        'hubungi +62812*****93 atau +62853******89'
        >>> redact("buka 08.00-12.00, antrean 25, Rp 1.500.000")
        'buka 08.00-12.00, antrean 25, Rp 1.500.000'
        >>> redact(redact("KK 5271012304200007")) == redact("KK 5271012304200007")
        True

    Raises:
        OutOfRange: ``text`` is not a string.
    """
    if not isinstance(text, str):
        from adminduk.errors import OutOfRange  # errors itself redacts: imported when needed

        raise OutOfRange("text", type(text).__name__, "a string (str) of free text")
    return _RUN.sub(lambda match: _redact_run(match.group()), text)


_LONG_NUMBER_BITS: Final = 192  # about 58 digits: no value adminduk reads is longer


def long_number(value: int) -> str | None:
    """How a message names a number too long to print, or ``None`` for one that is shown.

    ``repr()`` refuses ints over 4,300 digits, and no message should carry a thousand: such a
    number is described by its size, in the one wording every message uses.

    Examples:
        >>> long_number(10**5000)
        'a number of about 5001 digits'
        >>> long_number(3514) is None
        True
    """
    bits = value.bit_length()
    if bits <= _LONG_NUMBER_BITS:
        return None
    return f"a number of about {int(bits * 0.30103) + 1} digits"  # log10(2) digits per bit


_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _READ_CHARS
_REPR.maxother = _READ_CHARS
_REPR.maxlong = 60


def safe_repr(value: object, limit: int = _SHOWN_CHARS) -> str:
    """A one-line repr of ``value`` for a message: bounded, redacted, and never raising.

    Huge integers, deep or long containers and objects whose ``__repr__`` fails are all shown
    by a short description instead of breaking the error that shows them.

    Examples:
        >>> safe_repr("3513014501900001")
        "'3513**********01'"
        >>> safe_repr(10**5000)
        '<a number of about 5001 digits>'
        >>> class Bad:
        ...     def __repr__(self):
        ...         raise RuntimeError
        >>> safe_repr(Bad()).startswith("<Bad")
        True
        >>> len(safe_repr("x" * 10_000))
        80
        >>> from datetime import datetime, timezone
        >>> safe_repr(datetime(2020, 3, 24, 10, tzinfo=timezone.utc))
        "'2020-03-24T10:00:00+00:00'"
    """
    try:
        if isinstance(value, str):
            text = repr(value[:_READ_CHARS])
        elif isinstance(value, dt.date | dt.time):  # the instant, never a cut-off constructor
            text = repr(value.isoformat())
        elif isinstance(value, int) and (described := long_number(value)) is not None:
            text = f"<{described}>"
        else:
            text = _REPR.repr(value)
        text = redact(text)
    except Exception:  # a hostile __repr__, a recursion: describe the value instead
        try:
            name = type(value).__name__
        except Exception:  # pragma: no cover - a metaclass whose __name__ raises
            name = "value"
        text = f"<a {name} that cannot be shown>"
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
