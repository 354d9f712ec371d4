"""Indonesian mobile numbers as WhatsApp addresses: normalisation, links, pydantic types.

Facts (domain-facts.md §5, from libphonenumber's metadata for ID): country code +62, trunk
prefix 0; a mobile national significant number matches ``8[1-35-9][0-9]{7,10}`` (9-12 digits,
10-13 when written with the leading 0). WhatsApp click-to-chat links are
``https://wa.me/<digits>`` with the international digits and no ``+``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from adminduk._core.arguments import MAX_IDENTIFIER, text_problem
from adminduk._core.links import link_to
from adminduk._core.pydantic_hooks import public_schema, text_json_schema
from adminduk._core.redact import (
    MAX_SEPARATORS,
    PHONE_KEEP,
    PHONE_SEPARATORS,
    is_text,
    plain,
    written_digits,
)
from adminduk.errors import PhoneNumberError
from adminduk.identity._mask import MaskedValue
from adminduk.identity._schema import personal_schema

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["CitizenPhone", "OfficePhone", "normalize_whatsapp", "whatsapp_link"]

_MOBILE_LENGTHS: Final = range(9, 13)  # national significant number, without the leading 0
_E164_PATTERN: Final = r"^\+628[1-35-9][0-9]{7,10}$"
_INPUT_PATTERN: Final = r"^[0-9+() .\s-]+$"  # the JSON-schema hint: the ASCII forms
_ACCEPTED: Final = "an Indonesian mobile number such as 0812-3456-7890 or +62 812 3456 7890"


def _national_number(text: object) -> str:
    """The national significant number of ``text`` (digits after +62 / 0), or PhoneNumberError."""
    text = plain(text)
    if not is_text(text):
        hint = "; call .reveal() on a CitizenPhone" if isinstance(text, CitizenPhone) else ""
        raise PhoneNumberError(
            "type", f"a phone number is given as text (str), not {type(text).__name__}{hint}"
        )
    problem = text_problem(text, MAX_IDENTIFIER)
    if problem is not None:  # before any parsing: a 5000-digit text is refused, not read
        raise PhoneNumberError("text", f"the text {problem}; expected {_ACCEPTED}")
    # The written forms are defined once in adminduk._core.redact, which redact() reads too.
    cleaned, bad = written_digits(text, PHONE_SEPARATORS, plus=True)
    digits = cleaned[1:] if cleaned.startswith("+") else cleaned
    if bad:
        raise PhoneNumberError(
            "characters",
            f"only digits, a leading '+', and at most {MAX_SEPARATORS} spaces, dashes, dots "
            f"or brackets in a row between them are allowed (character {bad} is not); "
            f"expected {_ACCEPTED}",
        )
    if not digits:
        raise PhoneNumberError("length", f"no digits were given; expected {_ACCEPTED}")
    # The same reading as redact()'s, so that every number accepted here is masked there.
    if cleaned.startswith("+") or digits.startswith("62"):
        if not digits.startswith("62"):
            raise PhoneNumberError(
                "country", f"only Indonesian numbers (+62) are accepted; expected {_ACCEPTED}"
            )
        national = digits[2:]
        if national.startswith("0"):  # "+62 (0)812 …" writes the trunk 0 after the country code
            national = national[1:]
    elif digits.startswith("0"):
        national = digits[1:]
    elif text.strip().isdecimal():  # the leading 0 lost, as in "85337287689"
        national = digits
    else:  # "850.000.000" is a price: without its 0, only an unbroken number is read
        raise PhoneNumberError(
            "number",
            f"a number without its leading 0 is read only as one unbroken run of digits; "
            f"expected {_ACCEPTED}",
        )
    return national


def _number_type(national: str) -> int:
    """The libphonenumber type of the Indonesian number with this national significant number."""
    import phonenumbers

    # Building the number directly skips phonenumbers.parse, which would redo our cleaning.
    number = phonenumbers.PhoneNumber(country_code=62, national_number=int(national))
    return int(phonenumbers.number_type(number))


def normalize_whatsapp(text: str) -> str:
    """Normalise an Indonesian mobile number to E.164 (``+628…``), the form WhatsApp uses.

    Tolerates what people type and what articles print: any digit script (fullwidth,
    Arabic-Indic, ...), up to three spaces, dashes, dots and brackets in a row between digits,
    a leading ``0``, ``62`` or ``+62``, and a lost leading ``0`` in an unbroken number
    (``85337287689``). A slash is not a separator. Every spelling accepted here is masked by
    :func:`adminduk.redact`. Landlines and anything else are refused; the message never repeats the
    number.

    Raises:
        PhoneNumberError: with ``part`` ``type`` (not text, or a landline), ``characters``,
            ``country`` (not +62), ``length`` or ``number`` (not in Indonesia's mobile plan).

    Examples:
        >>> normalize_whatsapp("0813-5954-7691")
        '+6281359547691'
        >>> normalize_whatsapp("85337287689")
        '+6285337287689'
        >>> normalize_whatsapp("+62 (0)812 3860 693")
        '+628123860693'
        >>> normalize_whatsapp("(0341) 551234")
        Traceback (most recent call last):
        ...
        adminduk.errors.PhoneNumberError: invalid phone number (type): a landline cannot receive WhatsApp; ...
    """  # noqa: E501
    national = _national_number(text)
    if not national.startswith("8"):
        if national and _number_type(national) == _FIXED_LINE:
            raise PhoneNumberError(
                "type", f"a landline cannot receive WhatsApp; expected {_ACCEPTED}"
            )
        raise PhoneNumberError(
            "number", f"Indonesian mobile numbers start with 08 (+62 8); expected {_ACCEPTED}"
        )
    if len(national) not in _MOBILE_LENGTHS:
        raise PhoneNumberError(
            "length",
            f"an Indonesian mobile number has 10-13 digits written with its leading 0, "
            f"got {len(national) + 1}",
        )
    if _number_type(national) not in _MOBILE_TYPES:
        raise PhoneNumberError(
            "number", f"not a mobile prefix in Indonesia's numbering plan; expected {_ACCEPTED}"
        )
    return "+62" + national


# phonenumbers.PhoneNumberType values, copied so that checking them needs no import.
_FIXED_LINE: Final = 0
_MOBILE_TYPES: Final = frozenset({1, 2})  # MOBILE, FIXED_LINE_OR_MOBILE


def whatsapp_link(number: str, text: str | None = None) -> str:
    """A WhatsApp click-to-chat link (``https://wa.me/62…``) to ``number``, with a message.

    ``number`` is normalised first (any spelling :func:`normalize_whatsapp` accepts, or an
    :class:`OfficePhone`). ``text``, when given, is percent-encoded into ``?text=`` and
    appears pre-filled in the chat. A citizen's number is not accepted as a
    :class:`CitizenPhone`: pass ``phone.reveal()``, so that putting it into a URL is a visible
    decision.

    Raises:
        PhoneNumberError: ``number`` is not an Indonesian mobile number.

    Examples:
        >>> whatsapp_link("0813-5954-7691")
        'https://wa.me/6281359547691'
        >>> whatsapp_link("0813-5954-7691", "Permohonan KTP-el: cetak ulang & foto")
        'https://wa.me/6281359547691?text=Permohonan%20KTP-el%3A%20cetak%20ulang%20%26%20foto'
    """
    return link_to(normalize_whatsapp(number), text)


class OfficePhone(str):
    """An office's public WhatsApp number, normalised to E.164; not personal data, not masked.

    A ``str`` subclass, so it compares, formats and serialises as the E.164 text. As a pydantic
    field type it accepts every spelling :func:`normalize_whatsapp` accepts and writes E.164.

    Raises:
        PhoneNumberError: not an Indonesian mobile number.

    Examples:
        >>> phone = OfficePhone("0813-5954-7692")
        >>> phone
        OfficePhone('+6281359547692')
        >>> phone == "+6281359547692", phone.national, phone.link()
        (True, '081359547692', 'https://wa.me/6281359547692')
        >>> from pydantic import BaseModel
        >>> class Line(BaseModel):
        ...     number: OfficePhone
        >>> Line(number="0812 4933 3360").model_dump_json()
        '{"number":"+6281249333360"}'
    """

    __slots__ = ()

    def __new__(cls, text: str) -> OfficePhone:
        if type(text) is cls:
            return text
        return super().__new__(cls, normalize_whatsapp(text))

    @property
    def national(self) -> str:
        """The number as written in Indonesia, with the leading 0.

        Examples:
            >>> OfficePhone("+6287761489446").national
            '087761489446'
        """
        return "0" + self[3:]

    def link(self, text: str | None = None) -> str:
        """A ``https://wa.me/`` link to this number (see :func:`whatsapp_link`).

        Examples:
            >>> OfficePhone("087761489446").link("Halo")
            'https://wa.me/6287761489446?text=Halo'
        """
        return whatsapp_link(self, text)

    def __repr__(self) -> str:
        return f"OfficePhone({str.__str__(self)!r})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return public_schema(cls, str.__str__)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return text_json_schema(
            handler,
            read={
                "pattern": _INPUT_PATTERN,
                "description": "an Indonesian mobile (WhatsApp) number, in any common spelling",
                "examples": ["0813-5954-7691", "+6281359547691"],
            },
            written={
                "pattern": _E164_PATTERN,
                "description": "an Indonesian mobile number in E.164",
            },
        )


class CitizenPhone(MaskedValue):
    """A citizen's mobile (WhatsApp) number: personal data, masked wherever it is shown.

    Validated like :func:`normalize_whatsapp`. ``str``, ``repr`` and the default pydantic JSON
    show it masked (``+62813******91``); :meth:`reveal` gives the E.164 number, and a dump with
    ``context=REVEAL_CONTEXT`` writes it unmasked. Equal when the numbers are equal, in any
    spelling.

    Raises:
        PhoneNumberError: not an Indonesian mobile number (the message omits the number).

    Examples:
        >>> phone = CitizenPhone("0813-5954-7691")
        >>> phone
        CitizenPhone('+62813******91')
        >>> phone.reveal()
        '+6281359547691'
        >>> phone == CitizenPhone("+62 813 5954 7691")
        True
    """

    __slots__ = ()
    _keep = PHONE_KEEP  # "+62" and the operator prefix stay visible

    def __init__(self, text: str | CitizenPhone) -> None:
        e164 = text._secret if isinstance(text, CitizenPhone) else normalize_whatsapp(text)
        object.__setattr__(self, "_secret", e164)

    def __reduce__(self) -> tuple[type[CitizenPhone], tuple[str]]:
        return (CitizenPhone, (self._secret,))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return personal_schema("phone number", cls)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return text_json_schema(
            handler,
            read={
                "pattern": _INPUT_PATTERN,
                "description": "a citizen's Indonesian mobile (WhatsApp) number; personal data",
            },
            # No pattern: a masked number and a revealed one are spelled differently.
            written={
                "description": "a citizen's mobile number, masked unless the dump reveals it",
            },
        )
