"""Masking of personal data, and the switch that reveals it on purpose."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final

from adminduk._core import redact as redaction
from adminduk._core.arguments import integer
from adminduk._core.arguments import text as checked_text
from adminduk._core.redact import hide, is_text, plain
from adminduk.errors import OutOfRange

if TYPE_CHECKING:
    from pydantic_core import core_schema

__all__ = ["REVEAL_CONTEXT", "REVEAL_KEY", "MaskedValue", "mask", "redact"]

REVEAL_KEY: Final = "reveal_personal_data"
"""The pydantic serialisation-context key that turns masking off for one dump."""

REVEAL_CONTEXT: Final[Mapping[str, bool]] = MappingProxyType({REVEAL_KEY: True})
"""Pass as ``context=`` to ``model_dump``/``model_dump_json`` to write personal data unmasked.

Examples:
    >>> from pydantic import BaseModel
    >>> from adminduk.identity import Nik
    >>> class Form(BaseModel):
    ...     nik: Nik
    >>> form = Form(nik="3513014501900001")
    >>> form.model_dump_json()
    '{"nik":"3513**********01"}'
    >>> form.model_dump_json(context=REVEAL_CONTEXT)
    '{"nik":"3513014501900001"}'
"""


def redact(text: object) -> str:
    """``text`` with every NIK, KK number, mobile number, e-mail address and birth date masked.

    Numbers are found in every spelling the parsers accept (see "How numbers are written" in
    docs/identity.md): any digit script, spaces, dashes, dots or brackets between the digits,
    and a ``+62``, ``62`` or ``0`` in front. A NIK or KK number (16 digits) becomes
    ``3513**********01``, as ``str(Nik)`` shows it; a phone number becomes its E.164 form
    masked as ``str(CitizenPhone)`` shows it, ``+62813******91``. An e-mail address keeps its
    first character and its domain. A date right after a birth word (``lahir``, ``tgl lahir``,
    ``TTL``, ``kelahiran``, ``born``, ``date of birth``) has its digits masked. Everything else
    is left as it was — RT/RW, prices, queue and letter numbers, years, postcodes, other dates —
    and redacting twice changes nothing. Use it on chat logs before they are stored.

    Examples:
        >>> from adminduk import redact
        >>> redact("NIK saya 3513 0145 0190 0001, WA 0813-5954-7691 ya kak")
        'NIK saya 3513**********01, WA +62813******91 ya kak'
        >>> redact("hubungi +62 812 3860 693 atau 6285337287689")
        'hubungi +62812*****93 atau +62853******89'
        >>> redact("buka 08.00-12.00, antrean 25, Rp 1.500.000, RT 03/RW 05")
        'buka 08.00-12.00, antrean 25, Rp 1.500.000, RT 03/RW 05'
        >>> redact("email siti.aminah@gmail.com, TTL Malang, 12 Maret 1985")
        'email s**********@gmail.com, TTL Malang, ** Maret ****'
        >>> redact("lahir 01-01-1945, meninggal 4 Juni 2026")
        'lahir **-**-****, meninggal 4 Juni 2026'
        >>> redact(redact("KK 5271012304200007")) == redact("KK 5271012304200007")
        True
        >>> redact(3513014501900001)  # a number is not text: its type is named, never its digits
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: text='int' is out of range; valid: a string (str) of free text

    Raises:
        OutOfRange: ``text`` is not a string.
    """
    if not is_text(text):
        raise OutOfRange("text", type(text).__name__, "a string (str) of free text")
    return redaction.redact(text)


def mask(text: object, keep_start: int = 0, keep_end: int = 0, *, char: str = "*") -> str:
    """Hide the middle of ``text``: keep ``keep_start`` characters in front, ``keep_end`` behind.

    The masked text has the same length as ``text``, so a reader still sees its shape. When the
    kept parts would cover the whole text, everything is hidden instead: a value is never given
    away whole by its ends.

    Args:
        text: the value to mask (anything else is first turned into ``str``).
        keep_start: characters kept at the start.
        keep_end: characters kept at the end.
        char: the masking character.

    Raises:
        OutOfRange: ``keep_start`` or ``keep_end`` is not a whole number from 0, ``char`` is
            not one character, or ``text`` cannot be rendered by ``str()``.

    Examples:
        >>> mask("3513014501900001", 4, 2)
        '3513**********01'
        >>> mask("Siti Aminah", 1)
        'S**********'
        >>> mask("1234", 2, 2)
        '****'
        >>> mask("+6281359547691", 6, 2)
        '+62813******91'
    """
    keep_start = integer("keep_start", keep_start, 0, sys.maxsize, "0 or more")
    keep_end = integer("keep_end", keep_end, 0, sys.maxsize, "0 or more")
    char = checked_text("char", char, "one character", limit=1)
    text = plain(text)
    if not is_text(text):
        try:  # e.g. a number; a Nik or CitizenPhone is already masked by str()
            text = str(text)
        except Exception:
            raise OutOfRange("text", text, "a value that str() can render") from None
    return hide(text, keep_start, keep_end, char)


def reveal_requested(info: core_schema.SerializationInfo) -> bool:
    """Whether the caller asked pydantic to dump personal data unmasked."""
    context: Any = info.context
    return isinstance(context, Mapping) and context.get(REVEAL_KEY) is True


class MaskedValue:
    """Base of the personal identifiers: the raw text in one slot, masked wherever it is shown.

    ``str`` and ``repr`` mask the value (keeping ``_keep`` characters at each end); equality and
    hashing go by value; instances are immutable; :meth:`reveal` is the one explicit way to the
    raw text. Subclasses set ``_keep`` and store the value in ``_secret``.

    Examples:
        >>> from adminduk.identity import Nik
        >>> nik = Nik.parse("3513014501900001")
        >>> isinstance(nik, MaskedValue), str(nik), nik.reveal()
        (True, '3513**********01', '3513014501900001')
    """

    __slots__ = ("_secret",)
    _secret: str
    _keep: ClassVar[tuple[int, int]] = (0, 0)

    def reveal(self) -> str:
        """The value, unmasked. Use it only where the raw value is really needed.

        Examples:
            >>> from adminduk.identity import CitizenPhone
            >>> CitizenPhone("0813-5954-7691").reveal()
            '+6281359547691'
        """
        return self._secret

    def __str__(self) -> str:
        return mask(self._secret, *self._keep)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({mask(self._secret, *self._keep)!r})"

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._secret == other._secret
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self), self._secret))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")
