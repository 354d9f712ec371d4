"""What may be shown of a value: personal numbers masked in free text, and a repr that never fails.

One place for the masks of personal numbers, below every layer (it imports nothing of
adminduk), so that error messages, office-file problems, the identity types and
``adminduk.redact`` all hide a NIK, a KK number or a phone number the same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import reprlib
import sys
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeGuard, TypeVar

__all__ = [
    "MAX_SEPARATORS",
    "NIK_KEEP",
    "NIK_SEPARATORS",
    "PHONE_KEEP",
    "PHONE_SEPARATORS",
    "fold_digits",
    "hide",
    "is_text",
    "long_number",
    "plain",
    "redact",
    "safe_repr",
    "written_digits",
]

NIK_KEEP: Final = (4, 2)
"""Characters kept in front and behind when a NIK or KK number is shown: ``3513**********01``."""

PHONE_KEEP: Final = (6, 2)
"""Characters kept when a citizen's phone number is shown, in E.164: ``+62813******91``."""

# -- How personal numbers are written -------------------------------------------------------
# One definition, read by the parsers (Nik, KkNumber, CitizenPhone, normalize_whatsapp) and by
# redact(): whatever a parser accepts, redact() masks. A test generates the written forms from
# these constants and checks both sides.
#
# Digits: any Unicode decimal digit (category Nd: ASCII, fullwidth, Arabic-Indic, Devanagari,
# ...), folded to ASCII; phone keyboards and copy-pasted documents produce them.
# Between digits: any Unicode white space (what str.split() splits on: NBSP, THIN SPACE,
# IDEOGRAPHIC SPACE, U+0085, ...), a dot, or a dash of any of the kinds below; a phone number
# also brackets ("+62 (0)812"). At most MAX_SEPARATORS such characters in a row ("0812 - 3456").
# A slash is not a separator: "470/081/2345/2020" is a letter number, never a phone number.
_DASHES: Final = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
NIK_SEPARATORS: Final = "." + _DASHES
"""Characters besides white space allowed between the digits of a NIK or KK number."""
PHONE_SEPARATORS: Final = ".()" + _DASHES
"""Characters besides white space allowed between the digits of a phone number."""
MAX_SEPARATORS: Final = 3
"""The most separator characters (white space included) in a row between two digits."""


def fold_digits(text: str) -> str:
    """``text`` with every Unicode decimal digit written as its ASCII digit.

    Examples:
        >>> fold_digits("\uff10\uff18\uff11\uff12 \u0663\u0665")
        '0812 35'
    """
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def written_digits(text: str, separators: str, *, plus: bool = False) -> tuple[str, int]:
    """The ASCII digits of ``text`` written as one number, and where it breaks the rules.

    Returns ``(digits, 0)`` when ``text`` is digits with white space and ``separators``
    between them (at most :data:`MAX_SEPARATORS` in a row; any number at either end), with
    one ``+`` before the first digit when ``plus``; otherwise the 1-based position of the
    first character that is not allowed. The digits keep the ``+`` when there is one.

    Examples:
        >>> written_digits("3513\u2009\u0660\u0661\u0664\u0665 0190-0001", NIK_SEPARATORS)
        ('3513014501900001', 0)
        >>> written_digits("3513 0145 x", NIK_SEPARATORS)
        ('35130145', 11)
        >>> written_digits("0812 -  3456", PHONE_SEPARATORS)
        ('0812', 8)
    """
    digits: list[str] = []
    run_start = 0  # where the separators since the last digit start; 0: none
    for position, ch in enumerate(text, 1):
        if ch.isdecimal():
            if run_start and digits and position - run_start > MAX_SEPARATORS:
                return "".join(digits), run_start + MAX_SEPARATORS
            digits.append(ch if ch <= "9" else str(unicodedata.decimal(ch)))
            run_start = 0
        elif ch.isspace() or ch in separators:
            run_start = run_start or position
        elif ch == "+" and plus and not digits:
            digits.append("+")
        else:
            return "".join(digits), position
    return "".join(digits), 0


class _Lazy:
    """A regular expression compiled on its first use, not at import.

    Only a text that is masked reads these patterns: a cold start that masks nothing (a first
    ``get_office``) does not pay about 2 ms to compile them.
    """

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(*self._args)
        return compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._get().fullmatch(text)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._get().search(text, pos, endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._get().finditer(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self._get().sub(repl, text)


# A run of digit groups as people write numbers: "3513 0145 0190 0001", "0813-5954-7691",
# "+62 (0)812 3860 693", in any digit script. A group may hold a mask already
# ("3513**********01"): such a group is never read again, so redacting twice changes nothing.
_SEPARATOR: Final = r"[\s" + re.escape(NIK_SEPARATORS + PHONE_SEPARATORS) + "]"
_RUN: Final = _Lazy(rf"(?<![\d*])\+?[\d*]+(?:{_SEPARATOR}{{1,{MAX_SEPARATORS}}}\+?[\d*]+)*")
_GROUP: Final = _Lazy(r"\+?[\d*]+")
_MOBILE: Final = _Lazy(r"8[1-9][0-9]{7,10}")  # national significant number, 9-12 digits
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
            digits = fold_digits(core.lstrip("+"))
            groups.append((start, start + len(core), digits, core.startswith("+")))
    pieces: list[str] = []
    done = 0
    for start, end, shown in _spans(groups):
        pieces += [run[done:start], shown]
        done = end
    pieces.append(run[done:])
    return "".join(pieces)


# -- e-mail addresses and birth dates ---------------------------------------------------------
# An address: its local part is masked but its first character, the domain stays (a provider
# or an employer, not a person). "*" is not a local-part character here, so a masked address
# is never read again.
_EMAIL: Final = _Lazy(
    r"(?<![\w.%+*-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
)
# A date is a birth date only right after a birth word: "lahir", "tgl lahir", "TTL",
# "kelahiran" (but not "akta kelahiran", a document), Javanese "lair", English "born",
# "date of birth", "DOB". Only the first date within _BIRTH_GAP characters is masked, so in
# "lahir 01-01-1945, meninggal 4 Juni 2026" the death date stays; a sentence end stops the
# search. Other dates (a visit, an issue date, a queue day) are not personal and stay.
_BIRTH_WORD: Final = _Lazy(
    r"\b(?:(?<!akta )(?<!akte )kelahiran|lahir|lair|ttl|born|date of birth|dob)\b",
    re.IGNORECASE,
)
_MONTHS: Final = (
    "januari|january|jan|februari|pebruari|february|feb|maret|march|mar|april|apr|mei|may|"
    "juni|june|jun|juli|july|jul|agustus|august|agst|agt|agu|aug|september|sept|sep|oktober|"
    "october|okt|oct|november|nopember|nov|desember|december|des|dec"
)
# Digits or their masks: a birth date masked already is still the first date after its word.
_DATE: Final = _Lazy(
    r"(?<![\d/.*-])(?:[\d*]{1,2}[./-][\d*]{1,2}[./-](?:[\d*]{4}|[\d*]{2})"
    r"|[\d*]{4}[./-][\d*]{1,2}[./-][\d*]{1,2}"
    rf"|[\d*]{{1,2}}\s+(?:{_MONTHS})\.?\s+[\d*]{{4}})(?![\d/*])",
    re.IGNORECASE,
)
_BIRTH_GAP: Final = 40
_SENTENCE_END: Final = _Lazy(r"[.?!]\s|[\n?!]")
_DIGIT: Final = _Lazy(r"\d")


_BIRTH_HINTS: Final = ("lahir", "lair", "ttl", "born", "birth", "dob")


def _mask_birth_dates(text: str) -> str:
    lower = text.lower()
    if not any(hint in lower for hint in _BIRTH_HINTS):  # most messages: no regex at all
        return text
    pieces: list[str] = []
    done = 0
    for word in _BIRTH_WORD.finditer(text):
        if word.end() < done:
            continue
        date = _DATE.search(text, word.end(), word.end() + _BIRTH_GAP + 20)
        if date is None or date.start() - word.end() > _BIRTH_GAP:
            continue
        if _SENTENCE_END.search(text, word.end(), date.start()):
            continue
        pieces += [text[done : date.start()], _DIGIT.sub("*", date.group())]
        done = date.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _mask_email(match: re.Match[str]) -> str:
    local = match.group(0)[: match.start(2) - match.start(0) - 1]
    return hide(local, 1, 0) + "@" + match.group(2)


# A mobile number written with slashes ("0821/3344/5567") is masked when the slashes join
# nothing but it: a letter number ("470/0812/3456/2020") has more groups around it. The
# parsers do not read slashes; redact masks more than they accept, never less.
_SLASHED: Final = _Lazy(r"(?<![\d*/])\+?\d+(?:/\d+){1,3}(?![\d*/])")


def _redact_slashed(match: re.Match[str]) -> str:
    written = match.group()
    digits = fold_digits(written.replace("/", "").lstrip("+"))
    if len(digits) > _LONGEST:
        return written
    shown = _masked(written.startswith("+"), digits, alone=False)
    return written if shown is None else shown


def redact(text: str) -> str:
    """``text`` with personal data masked: the rule behind :func:`adminduk.redact`.

    For a text already known to be one: the error types redact what they echo with it, below
    the argument checks; users call :func:`adminduk.redact`, which checks its argument first.

    Examples:
        >>> redact("NIK 3513014501900001, WA 081359547691")
        'NIK 3513**********01, WA +62813******91'
    """
    text = str.__str__(text)  # a str subclass's own methods are never called
    if "@" in text:
        text = _EMAIL.sub(_mask_email, text)
    text = _mask_birth_dates(text)
    if "/" in text:
        text = _SLASHED.sub(_redact_slashed, text)
    return _RUN.sub(lambda match: _redact_run(match.group()), text)


# The built-in types themselves: their methods are their own, so a value of one is kept as it
# is (rebuilding an exact datetime part by part was most of advise()'s check of ``at``).
_EXACT: Final = frozenset(
    {str, int, float, bool, bytes, type(None), dt.datetime, dt.date, dt.time}
)
_T = TypeVar("_T")


def plain(value: _T) -> _T:
    """``value`` as the built-in type it derives from, read with that type's own methods.

    A subclass of ``str``, ``int``, ``float``, ``bytes``, ``date``, ``datetime`` or ``time``
    may lie in its methods (a ``strip()`` that returns an int, an ``astimezone`` that raises):
    the library reads such a value as the plain value it holds, and never asks it anything.
    Enum members are kept (their methods are the enum's); anything else is returned as it is.
    Never raises.

    Examples:
        >>> class Lying(str):
        ...     def strip(self):
        ...         return 42
        >>> type(plain(Lying("35.14"))), plain(Lying("35.14")).strip()
        (<class 'str'>, '35.14')
        >>> plain(3) == 3, plain("x") == "x"
        (True, True)
    """
    return _plain(value)  # type: ignore[no-any-return]  # the base type of _T's own type


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _EXACT or isinstance(value, enum.Enum):
        return value
    try:
        if issubclass(kind, str):
            return str.__str__(value)
        if issubclass(kind, int):
            return int.__int__(value)
        if issubclass(kind, float):
            return float.__float__(value)
        if issubclass(kind, bytes):
            return bytes(memoryview(value))
        if issubclass(kind, dt.datetime):
            get = dt.datetime
            year, month, day, hour, minute, second, micro = (
                getattr(get, part).__get__(value) for part in _DATETIME_PARTS
            )
            zone = get.tzinfo.__get__(value)
            fold = get.fold.__get__(value)
            return dt.datetime(year, month, day, hour, minute, second, micro, zone, fold=fold)
        if issubclass(kind, dt.date):
            return dt.date(
                *(getattr(dt.date, part).__get__(value) for part in _DATETIME_PARTS[:3])
            )
        if issubclass(kind, dt.time):
            get_time = dt.time
            hour, minute, second, micro = (
                getattr(get_time, part).__get__(value) for part in _DATETIME_PARTS[3:]
            )
            zone = get_time.tzinfo.__get__(value)
            return dt.time(hour, minute, second, micro, zone, fold=get_time.fold.__get__(value))
    except Exception:  # pragma: no cover - the base types' own getters do not fail
        return value
    return value


def is_text(value: object) -> TypeGuard[str]:
    """Whether ``value`` really is a ``str``: by its type, which cannot lie like ``__class__``.

    Examples:
        >>> class Posing:
        ...     __class__ = str
        >>> isinstance(Posing(), str), is_text(Posing()), is_text("x")
        (True, False, True)
    """
    return issubclass(type(value), str)


_DATETIME_PARTS: Final = ("year", "month", "day", "hour", "minute", "second", "microsecond")

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
    bits = int.bit_length(value)  # the int's own: a subclass may lie in its methods
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
    value = plain(value)
    try:
        if type(value) is str:
            text = repr(value[:_READ_CHARS])
        elif type(value) in (dt.date, dt.datetime, dt.time):  # the instant, not a constructor
            text = repr(value.isoformat())  # type: ignore[attr-defined]
        elif type(value) is int and (described := long_number(value)) is not None:
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
