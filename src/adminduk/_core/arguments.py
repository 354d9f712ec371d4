"""One check per kind of argument a public entry point takes (shared by every layer).

Each check returns the argument, normalised, or raises an ``AdmindukError`` naming the field,
the value (through the errors' bounded, redacted repr, which never fails) and what would be
valid. Entry points call these before they use an argument, so no
``TypeError``, ``AttributeError`` or ``OverflowError`` from deeper down reaches the caller.

Examples:
    >>> text("lang", "id", "'id' or 'en'")
    'id'
    >>> text("lang", b"id", "'id' or 'en'")
    Traceback (most recent call last):
    ...
    adminduk.errors.OutOfRange: lang=b'id' is out of range; valid: 'id' or 'en' (not a str but bytes)
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from adminduk._core.errors import AdmindukError, NeedsDatetime, OutOfRange
from adminduk._core.moments import as_local
from adminduk._core.redact import is_text, plain

__all__ = [
    "INSTANT_RANGE",
    "MAX_IDENTIFIER",
    "MAX_TEXT",
    "choice",
    "day",
    "flag",
    "instance",
    "instant",
    "integer",
    "items",
    "optional_text",
    "text",
    "text_problem",
    "texts",
]

# Longer than any code, name, date, phone number or free-text detail a caller has reason to
# pass; short enough that checking, parsing and quoting it costs nothing.
MAX_TEXT = 1000
# A NIK, KK or phone number as people type it: 16 digits with spaces, dots or dashes fit easily.
MAX_IDENTIFIER = 64
# Items in a collection argument (reasons, known regencies, checks, rows).
MAX_ITEMS = 10_000

INSTANT_RANGE = (
    "an instant from 0001-01-01 to 9999-12-31, both in UTC and in the office's time zone "
    "(a datetime; naive means the office's local wall time)"
)

T = TypeVar("T")

# Types whose repr is short, cannot fail and shows no more than the value.


class _Shown:
    """Stands in for a value whose repr could fail, run long, or say more than its type."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _refuse(field: str, value: object, valid: str) -> OutOfRange:
    return OutOfRange(field, value, valid)


def text_problem(value: object, limit: int = MAX_TEXT) -> str | None:
    r"""Why ``value`` is not an acceptable text, or None; for parsers that raise their own error.

    The length is checked first, so nothing longer than ``limit`` is ever scanned or parsed.

    Examples:
        >>> text_problem("35.14") is None
        True
        >>> text_problem("2" * 5000)
        'longer than 1000 characters (5000)'
        >>> text_problem("a\ud800"), text_problem(b"35")
        ('contains a lone surrogate (\\ud800)', 'not a str but bytes')
        >>> text_problem("a\x00")
        'contains a NUL character'
    """
    value = plain(value)
    if not is_text(value):  # its real type: an object may lie about __class__
        return f"not a str but {type(value).__name__}"
    if len(value) > limit:
        return f"longer than {limit} characters ({len(value)})"
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"contains a lone surrogate (\\u{ord(value[err.start]):04x})"
    return None


def english(lang: object) -> bool:
    """Whether a ``lang`` argument of a model's text method asks for English (``"en"``).

    Those methods read anything but ``"en"`` as Indonesian; a value that lies about being a
    text (a ``str`` subclass whose ``==`` raises) is read as its plain text.

    Examples:
        >>> english("en"), english("id"), english(None)
        (True, False, False)
    """
    value = plain(lang)
    return type(value) is str and value == "en"


def text(field: str, value: object, valid: str, *, limit: int = MAX_TEXT) -> str:
    """``value`` as a text of at most ``limit`` characters, without NUL or lone surrogates.

    Raises:
        OutOfRange: anything else; ``valid`` says what would do.

    Examples:
        >>> text("lang", "a" * 2000, "'id' or 'en'")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: lang='aaaa...aaa… is out of range; valid: 'id' or 'en' (longer than 1000 characters (2000))
    """  # noqa: E501
    problem = text_problem(value, limit)
    if problem is None:
        return plain(value)  # type: ignore[return-value]
    raise _refuse(field, value, f"{valid} ({problem})")


def optional_text(field: str, value: object, valid: str, *, limit: int = MAX_TEXT) -> str | None:
    """``None``, or a text as :func:`text` checks it.

    Examples:
        >>> optional_text("source", None, "a file name") is None
        True
    """
    return None if value is None else text(field, value, f"{valid}, or None", limit=limit)


def texts(
    field: str, value: object, valid: str, *, limit: int = MAX_ITEMS, each: int = MAX_TEXT
) -> tuple[str, ...]:
    """A collection of texts (not one text, which would be read letter by letter).

    Raises:
        OutOfRange: not a collection, too many items, or an item that is not a text.

    Examples:
        >>> texts("known", {"35.13"}, "region codes")
        ('35.13',)
        >>> texts("known", "35.13", "region codes")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: known='35.13' is out of range; valid: a collection of region codes, not one text
    """  # noqa: E501
    if isinstance(value, str | bytes | bytearray):
        raise _refuse(field, value, f"a collection of {valid}, not one text")
    return _each(
        field, value, valid, limit, lambda name, item: text(name, item, valid, limit=each)
    )


def items(field: str, value: object, kind: type[T], valid: str) -> tuple[T, ...]:
    """A collection whose every item is a ``kind``, as a tuple.

    Examples:
        >>> items("rows", [1, 2], int, "whole numbers")
        (1, 2)
        >>> items("rows", [1, "2"], int, "whole numbers")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: rows[1]='2' is out of range; valid: whole numbers
    """
    if isinstance(value, str | bytes | bytearray):
        raise _refuse(field, value, f"a collection of {valid}")
    return _each(
        field, value, valid, MAX_ITEMS, lambda name, item: instance(name, item, kind, valid)
    )


def _each(
    field: str, value: object, valid: str, limit: int, check: Callable[[str, object], T]
) -> tuple[T, ...]:
    """Every item of a collection through ``check``, at most ``limit`` of them."""
    if not isinstance(value, Iterable):
        raise _refuse(field, value, f"a collection of {valid}")
    found: list[T] = []
    try:
        for item in value:
            if len(found) == limit:
                raise _refuse(field, value, f"at most {limit} {valid}")
            found.append(check(f"{field}[{len(found)}]", item))
    except AdmindukError:
        raise
    except Exception:  # a caller's own iterable may fail in any way
        raise _refuse(field, value, f"a collection of {valid} that can be iterated") from None
    return tuple(found)


def choice(field: str, value: object, options: Iterable[str], what: str) -> str:
    """One of ``options`` (a text), else an error listing them and the close matches.

    Examples:
        >>> choice("document", "kartu", ["kk", "ktp-el"], "a document type")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: document='kartu' is out of range; valid: a document type: kk, ktp-el
    """  # noqa: E501
    listed = tuple(options)
    valid = f"{what}: {', '.join(listed)}"
    chosen = text(field, value, valid)
    if chosen not in listed:
        from adminduk._core.suggest import close_matches

        near = close_matches(chosen, listed)
        hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
        raise _refuse(field, chosen, valid + hint)
    return chosen


def integer(field: str, value: object, low: int, high: int, valid: str) -> int:
    """An ``int`` (not a bool) from ``low`` to ``high``.

    Examples:
        >>> integer("indent", 2, 0, 16, "0 to 16 spaces")
        2
        >>> integer("indent", 10**12, 0, 16, "0 to 16 spaces")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: indent=1000000000000 is out of range; valid: 0 to 16 spaces
    """
    value = plain(value)
    if type(value) is not int and not (isinstance(value, int) and not isinstance(value, bool)):
        raise _refuse(field, value, valid)
    if not low <= value <= high:
        raise _refuse(field, value, valid)
    return int(value)


def flag(field: str, value: object) -> bool:
    """A ``bool``; ``0``, ``1`` or a text are not silently read as one.

    Examples:
        >>> flag("reveal", "no")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: reveal='no' is out of range; valid: True or False
    """
    if not isinstance(value, bool):
        raise _refuse(field, value, "True or False")
    return value


def instance(field: str, value: object, kind: type[T], valid: str) -> T:
    """``value`` if it is a ``kind``.

    Examples:
        >>> instance("year", "2020", int, "a year, e.g. 2020")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: year='2020' is out of range; valid: a year, e.g. 2020
    """
    value = plain(value)
    if not issubclass(type(value), kind):  # its real type: an object may lie about __class__
        raise _refuse(field, value, valid)
    return value  # type: ignore[return-value]


def day(
    field: str, value: object, local: Callable[[dt.datetime], dt.date] | None = None
) -> dt.date:
    """A date; a datetime gives its date (``local`` says how, e.g. in the office's zone).

    Examples:
        >>> day("day", dt.datetime(2020, 3, 24, 10))
        datetime.date(2020, 3, 24)
        >>> day("day", "2020-03-24")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: day='2020-03-24' is out of range; valid: a datetime.date or datetime.datetime
    """  # noqa: E501
    value = plain(value)
    if type(value) is dt.datetime:
        try:
            return value.date() if local is None else local(value)
        except AdmindukError:
            raise
        except (ArithmeticError, ValueError, TypeError, RuntimeError):  # a hostile tzinfo
            raise _refuse(field, value, "a datetime with a tzinfo that gives an offset") from None
    if type(value) is dt.date:
        return value
    raise _refuse(field, value, "a datetime.date or datetime.datetime")


def _valid_instant(within: tuple[dt.date, dt.date] | None) -> str:
    if within is None:
        return INSTANT_RANGE
    return (
        f"an instant from {within[0]} 00:00 to {within[1]} 23:59 office-local time "
        "(a datetime; naive means the office's local wall time)"
    )


def instant(
    field: str, value: object, zone: dt.tzinfo, within: tuple[dt.date, dt.date] | None = None
) -> dt.datetime:
    """``value`` as an aware instant in ``zone``, read through UTC.

    A naive datetime (or one whose tzinfo gives no offset) is the office's local wall time.

    Raises:
        NeedsDatetime: a date, where the moment matters.
        OutOfRange: not a datetime, or an instant that falls outside the years 1–9999 once
            read in ``zone``, or outside ``within`` (first and last office-local day).

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> instant("at", dt.datetime(2020, 3, 24, 10), ZoneInfo("Asia/Jakarta")).isoformat()
        '2020-03-24T10:00:00+07:00'
        >>> late = dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-10)))
        >>> instant("at", late, ZoneInfo("Asia/Jakarta"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: at='9999-12-31T23:00:00-10:00' is out of range; valid: an instant from 0001-01-01 to 9999-12-31, both in UTC and in the office's time zone ...
    """  # noqa: E501
    # What is valid is worded only for a refusal: formatting two dates on every call was a
    # fifth of the check's time.
    value = plain(value)
    if type(value) is dt.date:
        raise NeedsDatetime(field, value)
    if type(value) is not dt.datetime:
        raise _refuse(field, value, _valid_instant(within))
    try:
        # Through UTC (as_local), so the office's offset cannot take it past year 1 or 9999.
        local = as_local(value, zone)
    except (OverflowError, ValueError):
        raise _refuse(field, value, _valid_instant(within)) from None
    except Exception:  # a tzinfo that raises or returns junk: no instant to read
        valid = f"{_valid_instant(within)}, with a tzinfo that gives an offset"
        raise _refuse(field, value, valid) from None
    if within is not None and not within[0] <= local.date() <= within[1]:
        raise _refuse(field, value, _valid_instant(within))
    return local
