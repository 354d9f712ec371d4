"""NIK and KK numbers: structure checks, parts, masking, pydantic field types.

Facts (domain-facts.md §3.1, §3.2): a NIK is 16 digits ``PP KK CC DDMMYY SSSS`` (province,
kabupaten/kota and kecamatan where it was first registered; birth date with 40 added to the day
for women, two-digit year; serial from 0001). A KK number is 16 digits whose first six are the
issuing region's code. Kabupaten codes run 01-69 and kota codes 71-99 (§3.3).

``Nik.parse`` sits on hot paths (a bot checks every message), so it is plain Python with no
pydantic and no regular expressions on the common path.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Final, NoReturn

from adminduk._core.arguments import MAX_IDENTIFIER, text_problem, texts
from adminduk._core.pydantic_hooks import text_json_schema
from adminduk._core.redact import (
    MAX_SEPARATORS,
    NIK_KEEP,
    NIK_SEPARATORS,
    is_text,
    plain,
    written_digits,
)
from adminduk.errors import IdentityError, KkNumberError, NikError, OutOfRange
from adminduk.identity._mask import MaskedValue
from adminduk.identity._schema import personal_schema
from adminduk.regions import Region, find_region, provinces
from adminduk.regions._data import district_days, listed_until

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["KkNumber", "Nik", "Sex"]

_LENGTH: Final = 16
# Province and regency stay visible: where the number was issued, not who holds it.
# The JSON-schema hint: the ASCII forms (the parser also folds other digit scripts).
_INPUT_PATTERN: Final = r"^[\s.\-]*(?:[0-9][\s.\-]*){16}$"
_NO_REGENCY: Final = frozenset({"00", "70"})  # kabupaten 01-69, kota 71-99 (domain-facts §3.3)
_PROVINCE_CODES: Final = frozenset(province.code for province in provinces())
_set = object.__setattr__


class Sex(StrEnum):
    """Sex as encoded in a NIK: 40 is added to the birth day of women.

    The values are the words printed on a KTP-el (``jenis kelamin``), in lowercase.

    Examples:
        >>> Nik.parse("3513014501900001").sex
        <Sex.FEMALE: 'perempuan'>
        >>> str(Sex.MALE)
        'laki-laki'
    """

    MALE = "laki-laki"
    FEMALE = "perempuan"


def _clean_digits(text: object, error: type[IdentityError], label: str) -> str:
    """The 16 ASCII digits of ``text`` as a person writes them, or ``error`` naming the part.

    The written forms (digit scripts, separators) are defined once in ``adminduk._core.redact``,
    which ``redact`` reads too: any NIK or KK number accepted here is masked there.
    """
    if type(text) is not str:  # the common case is a plain str: no more checks for it
        text = plain(text)
    if is_text(text):
        if len(text) == _LENGTH and text.isdigit() and text.isascii():
            return text  # the common case: already clean
    elif isinstance(text, bytes | bytearray | memoryview):
        try:
            text = bytes(text).decode("ascii")
        except UnicodeDecodeError:
            raise error(
                "characters", f"{label} has only digits, spaces, dots and dashes; found a byte"
            ) from None
    else:
        raise error("type", f"{label} is given as text (str), not {type(text).__name__}")
    problem = text_problem(text, MAX_IDENTIFIER)
    if problem is not None:  # before any parsing: the message never quotes the text
        raise error("characters", f"the text of the {label} {problem}")
    digits, bad = written_digits(text, NIK_SEPARATORS)
    if bad:
        raise error(
            "characters",
            f"{label} has only digits, with at most {MAX_SEPARATORS} spaces, dots or dashes "
            f"between them (character {bad} is not allowed)",
        )
    if not digits:
        raise error("length", f"{label} has {_LENGTH} digits, got none")
    if len(digits) != _LENGTH:
        raise error("length", f"{label} has {_LENGTH} digits, got {len(digits)}")
    return digits


def _check_region(
    digits: str, error: type[IdentityError], label: str, known: Collection[str] | None
) -> None:
    province = digits[:2]
    if province not in _PROVINCE_CODES:
        raise error(
            "province",
            f"{province} (digits 1-2 of the {label}) is not an Indonesian province code; "
            "valid codes are listed by adminduk.identity.provinces()",
        )
    regency = digits[2:4]
    if regency in _NO_REGENCY:
        raise error(
            "regency",
            f"{regency} (digits 3-4 of the {label}) is not a regency code; "
            "kabupaten run 01-69, kota 71-99",
        )
    if known is not None:
        known = texts("known_regencies", known, "regency codes such as '35.13'")
    if known is not None and f"{province}.{regency}" not in known:
        raise error(
            "regency",
            f"{province}.{regency} (digits 1-4 of the {label}) is not among the "
            f"{len(known)} regency codes supplied",
        )


def _check_listed(
    digits: str, error: type[IdentityError], label: str, born: date | None = None
) -> None:
    """The regency and kecamatan of ``digits`` are on a Kemendagri list valid by ``born``.

    A number is issued under the codes in force when it is issued, never before the holder's
    birth: a code that left the lists before ``born`` cannot be in it (a Merauke child born in
    2023 gets 93.01, not 91.01). The shipped lists run from 2016 (adminduk.region_lists()), so
    a code retired before 2016 is refused too. The messages name the part, never the kecamatan
    digits (they are hidden in the masked number).
    """
    days = district_days(digits[:6])
    if days is not None and (born is None or (days[0] >= born and days[1] >= born)):
        return  # the common case: one lookup
    regency_code = f"{digits[:2]}.{digits[2:4]}"
    if digits[4:6] == "00":
        raise error(
            "district",
            f"digits 5-6 of the {label} are 00, which is no kecamatan code (they start at 01)",
        )
    regency_until = listed_until(regency_code)
    if regency_until is None:
        raise error(
            "regency",
            f"{regency_code} (digits 1-4 of the {label}) is on no Kemendagri region list "
            "since 2016; see adminduk.regions()",
        )
    if days is None:
        raise error(
            "district",
            f"digits 5-6 of the {label} are no kecamatan of {regency_code} on any Kemendagri "
            "region list since 2016; see adminduk.regions(level='kecamatan')",
        )
    for until, part, where in ((days[0], "regency", "1-4"), (days[1], "district", "5-6")):
        if born is not None and until < born:
            raise error(
                part,
                f"the code in digits {where} of the {label} left the region lists on "
                f"{(until + _ONE_DAY).isoformat()}, before the birth date it holds "
                "(a number keeps the code it was issued under, never one retired before)",
            )


_ONE_DAY: Final = timedelta(days=1)


# The default reference date is today in Asia/Jakarta (WIB), never the host's zone, so a parse
# gives the same birth date on every machine. WIB has been UTC+7 since 1964, without daylight
# saving, so the date is plain arithmetic on the epoch (no zone database on the hot path).
_WIB_SECONDS: Final = 7 * 3600
_DAY_SECONDS: Final = 86_400
_EPOCH_ORDINAL: Final = date(1970, 1, 1).toordinal()
# Working the date out costs about a third of a parse; it changes once a day, so keep it with
# the instant (seconds since the epoch) at which it runs out.
_today_cache: tuple[float, date] = (float("-inf"), date.min)


def _today() -> date:
    """Today's date in Asia/Jakarta, whatever the host's zone."""
    global _today_cache
    now = time.time()
    expires, today = _today_cache
    if now < expires:
        return today
    days = int((now + _WIB_SECONDS) // _DAY_SECONDS)
    today = date.fromordinal(_EPOCH_ORDINAL + days)
    _today_cache = ((days + 1) * _DAY_SECONDS - _WIB_SECONDS, today)
    return today


def _bad_date(reason: str) -> NoReturn:
    raise NikError("date", f"digits 7-12 (DDMMYY, day + 40 for women) {reason}")


def _parse_nik(
    text: object, reference_date: date | None, known_regencies: Collection[str] | None
) -> tuple[str, date, Sex]:
    digits = _clean_digits(text, NikError, "a NIK")
    _check_region(digits, NikError, "NIK", known_regencies)
    day = int(digits[6:8])
    month = int(digits[8:10])
    sex = Sex.MALE
    if day > 40:
        day -= 40
        sex = Sex.FEMALE
    if not 1 <= day <= 31:
        _bad_date("do not hold a day 01-31 (41-71 for women)")
    if not 1 <= month <= 12:
        _bad_date("do not hold a month 01-12")
    if reference_date is None:
        reference_date = _today()
    elif not isinstance(reference_date, date):
        raise OutOfRange("reference_date", reference_date, "a datetime.date")
    ref_year = reference_date.year
    year = ref_year - ref_year % 100 + int(digits[10:12])
    # The latest year, for these two digits, that puts the birth date on or before the reference.
    if (year, month, day) > (ref_year, reference_date.month, reference_date.day):
        year -= 100
    try:
        birth = date(year, month, day)
    except ValueError:
        _bad_date("are not a date that exists")
    if digits[12:] == "0000":
        raise NikError("serial", "digits 13-16 are a serial that starts at 0001")
    _check_listed(digits, NikError, "NIK", birth)
    return digits, birth, sex


class _RegionCoded(MaskedValue):
    """A 16-digit number whose first six digits are the region code where it was issued."""

    __slots__ = ()
    _keep = NIK_KEEP
    _label: ClassVar[str]
    _long_name: ClassVar[str]

    @property
    def province_code(self) -> str:
        """The province code where the number was issued, e.g. ``"35"`` (Jawa Timur)."""
        return self._secret[:2]

    @property
    def regency_code(self) -> str:
        """The kabupaten/kota code where the number was issued, e.g. ``"35.13"``."""
        d = self._secret
        return f"{d[:2]}.{d[2:4]}"

    @property
    def district_code(self) -> str:
        """The kecamatan code where the number was issued, e.g. ``"35.13.01"``."""
        d = self._secret
        return f"{d[:2]}.{d[2:4]}.{d[4:6]}"

    @property
    def province(self) -> Region:
        """The province the number was issued in, with its name and time zone.

        Examples:
            >>> Nik.parse("5271010101900001").province.timezone
            'Asia/Makassar'
        """
        found = find_region(self._secret[:2])
        assert found is not None  # parsing checked the code; a test holds both tables equal
        return found

    @property
    def regency(self) -> Region | None:
        """The kabupaten/kota the number was issued in, as the lists since 2016 name it.

        A number keeps its code for life, so this is the region of the code, even where the
        code has moved since: a Merauke NIK from before the 2022 Papua split starts ``9101``,
        and ``nik.regency.current()`` is ``93.01``. ``None`` when no list since 2016 has the
        code (the parse checks only its shape).

        Examples:
            >>> nik = Nik.parse("9101010101900001")
            >>> nik.regency.name, nik.regency.current().code
            ('Kabupaten Merauke', '93.01')
        """
        return find_region(self.regency_code)

    @property
    def district(self) -> Region | None:
        """The kecamatan the number was issued in; ``None`` when no list since 2016 has it.

        Examples:
            >>> Nik.parse("3513190101900001").district.name
            'Dringu'
        """
        return find_region(self.district_code)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return personal_schema(cls._label, cls)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return text_json_schema(
            handler,
            read={
                "pattern": _INPUT_PATTERN,
                "description": f"a {cls._long_name}: 16 digits, spaces, dots or dashes allowed",
            },
            written={
                "pattern": r"^[0-9]{4}\*{10}[0-9]{2}$|^[0-9]{16}$",
                "description": f"a {cls._label}, masked unless the dump reveals it",
            },
        )


class Nik(_RegionCoded):
    """A NIK (Nomor Induk Kependudukan), the 16-digit number of every resident; personal data.

    Read one with :meth:`parse` (or ``Nik(text)``), which checks the structure
    ``PP KK CC DDMMYY SSSS``: the province code against :func:`provinces`, the regency and
    kecamatan codes against the Kemendagri region lists (on a list, still valid on the birth
    date; kecamatan never 00), the birth date (40 added to the day for women), the serial
    (from 0001). The century of the birth year is the latest one that does not put the birth
    after the reference date (default: today in Asia/Jakarta, whatever the host's zone). There
    is no check digit: a NIK that passes is well-formed, not necessarily issued.

    ``str`` and ``repr`` are masked (``3513**********01``); :meth:`reveal` gives the digits.
    As a pydantic field type it validates any accepted spelling, reports errors without the
    number, and serialises masked unless the dump's context reveals it (``REVEAL_CONTEXT``).
    Two NIKs are equal when their digits are.

    Raises:
        NikError: with ``part`` one of ``type``, ``characters``, ``length``, ``province``,
            ``regency``, ``district``, ``date``, ``serial``; the message never contains the
            number.

    Examples:
        >>> nik = Nik.parse("3513 0145 0190 0001")
        >>> nik
        Nik('3513**********01')
        >>> nik.province_code, nik.regency_code, nik.district_code
        ('35', '35.13', '35.13.01')
        >>> nik.birth_date, nik.sex, nik.serial
        (datetime.date(1990, 1, 5), <Sex.FEMALE: 'perempuan'>, 1)
        >>> nik.reveal()
        '3513014501900001'
        >>> Nik.parse("3513013201900001")
        Traceback (most recent call last):
        ...
        adminduk.errors.NikError: invalid NIK (date): digits 7-12 (DDMMYY, day + 40 for women) do not hold a day 01-31 (41-71 for women)
    """  # noqa: E501

    __slots__ = ("_birth_date", "_sex")
    _label = "NIK"
    _long_name = "NIK (Nomor Induk Kependudukan)"
    _birth_date: date
    _sex: Sex

    def __new__(
        cls,
        text: str | bytes | Nik,
        *,
        reference_date: date | None = None,
        known_regencies: Collection[str] | None = None,
    ) -> Nik:
        return cls.parse(text, reference_date=reference_date, known_regencies=known_regencies)

    @classmethod
    def parse(
        cls,
        text: str | bytes | Nik,
        *,
        reference_date: date | None = None,
        known_regencies: Collection[str] | None = None,
    ) -> Nik:
        """Read and check a NIK, tolerating the spaces, dots and dashes a person types.

        Args:
            text: the NIK, as ``str`` or ASCII ``bytes``; a ``Nik`` is returned as it is
                (after the regency check, if ``known_regencies`` is given).
            reference_date: the date the two-digit birth year is resolved against; the birth
                date is never after it. Default: today's date in Asia/Jakarta (WIB), not the
                host's zone, so the answer is the same on every machine on the same day; pass
                it to make the answer independent of the day too.
            known_regencies: regency codes (``"35.13"``) to accept; the offices layer
                supplies them (see :func:`check_regency`). ``None`` skips the check.

        Raises:
            NikError: which part is wrong, without the number.
            OutOfRange: ``reference_date`` is not a date.

        Examples:
            >>> from datetime import date, timedelta
            >>> Nik.parse("3513010101250001", reference_date=date(2024, 6, 1)).birth_date
            datetime.date(1925, 1, 1)
            >>> Nik.parse("35.13.01.010125.0001", reference_date=date(2025, 6, 1)).birth_date
            datetime.date(2025, 1, 1)
            >>> Nik.parse("3574010101900001", known_regencies={"35.13", "35.14"})
            Traceback (most recent call last):
            ...
            adminduk.errors.NikError: invalid NIK (regency): 35.74 (digits 1-4 of the NIK) is not among the 2 regency codes supplied
        """  # noqa: E501
        if isinstance(text, Nik):
            if known_regencies is not None:
                _check_region(text._secret, NikError, "NIK", known_regencies)
            return text
        digits, birth, sex = _parse_nik(text, reference_date, known_regencies)
        self = object.__new__(cls)
        _set(self, "_secret", digits)
        _set(self, "_birth_date", birth)
        _set(self, "_sex", sex)
        return self

    @property
    def birth_date(self) -> date:
        """The birth date, with the century resolved at parse time."""
        return self._birth_date

    @property
    def sex(self) -> Sex:
        """The sex the NIK encodes (day + 40 for women)."""
        return self._sex

    @property
    def serial(self) -> int:
        """The serial that tells apart people of the same region and birth date, from 1."""
        return int(self._secret[12:])

    def __reduce__(self) -> tuple[Any, tuple[str, date, Sex]]:
        return (_restore_nik, (self._secret, self._birth_date, self._sex))


def _restore_nik(digits: str, birth_date: date, sex: Sex) -> Nik:
    """Rebuild a pickled or copied Nik without resolving its century again."""
    self = object.__new__(Nik)
    _set(self, "_secret", digits)
    _set(self, "_birth_date", birth_date)
    _set(self, "_sex", sex)
    return self


class KkNumber(_RegionCoded):
    """A KK (Kartu Keluarga, family card) number: 16 digits; personal data.

    Checked: 16 digits (the spaces, dots and dashes a person types are tolerated), a
    province code of :func:`provinces` in digits 1-2, a regency code in digits 3-4
    (kabupaten 01-69, kota 71-99) and a kecamatan in digits 5-6 that are on a Kemendagri
    region list, and optionally the regency against codes the caller knows. Digits 1-6 are
    the issuing region (province, kabupaten/kota, kecamatan).

    **Not verified**: digits 7-16. They are commonly said to be the recording date (DDMMYY,
    with no +40 rule) and a 4-digit family serial, but that split has not been seen in an
    official text, so nothing is checked or derived from them. A KK number also changes when
    a family moves, splits or loses its head; it identifies a card, not a family for life.

    ``str``/``repr`` are masked like a NIK's; :meth:`reveal` gives the digits.

    Raises:
        KkNumberError: with ``part`` one of ``type``, ``characters``, ``length``,
            ``province``, ``regency``, ``district``; the message never contains the number.

    Examples:
        >>> kk = KkNumber.parse("5271 0123 0420 0007")
        >>> kk, kk.regency_code, kk.province.name
        (KkNumber('5271**********07'), '52.71', 'Nusa Tenggara Barat')
        >>> KkNumber.parse("9971012304200007")
        Traceback (most recent call last):
        ...
        adminduk.errors.KkNumberError: invalid KK number (province): 99 (digits 1-2 of the KK number) is not an Indonesian province code; valid codes are listed by adminduk.identity.provinces()
    """  # noqa: E501

    __slots__ = ()
    _label = "KK number"
    _long_name = "KK (Kartu Keluarga) number"

    def __new__(
        cls, text: str | bytes | KkNumber, *, known_regencies: Collection[str] | None = None
    ) -> KkNumber:
        return cls.parse(text, known_regencies=known_regencies)

    @classmethod
    def parse(
        cls, text: str | bytes | KkNumber, *, known_regencies: Collection[str] | None = None
    ) -> KkNumber:
        """Read and check a KK number, tolerating the spaces, dots and dashes a person types.

        Args:
            text: the number, as ``str`` or ASCII ``bytes``; a ``KkNumber`` is returned as
                it is (after the regency check, if ``known_regencies`` is given).
            known_regencies: regency codes (``"35.13"``) to accept; ``None`` skips the check.

        Raises:
            KkNumberError: which part is wrong, without the number.

        Examples:
            >>> KkNumber.parse("3514.1401.0320.0012").district_code
            '35.14.14'
        """
        if isinstance(text, KkNumber):
            digits = text._secret
            if known_regencies is None:
                return text
        else:
            digits = _clean_digits(text, KkNumberError, "a KK number")
            _check_region(digits, KkNumberError, "KK number", None)
            _check_listed(digits, KkNumberError, "KK number")
        _check_region(digits, KkNumberError, "KK number", known_regencies)
        self = object.__new__(cls)
        _set(self, "_secret", digits)
        return self

    def __reduce__(self) -> tuple[type[KkNumber], tuple[str]]:
        return (KkNumber, (self._secret,))
