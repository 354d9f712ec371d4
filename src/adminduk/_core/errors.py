"""The error types, written at the bottom so every layer can raise them.

Users import them from :mod:`adminduk.errors`, their public face, which documents the tree; each
class carries that module's name (in reprs, tracebacks and pickles), never this one's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from adminduk._core.public import publish
from adminduk._core.redact import long_number, redact, safe_repr

__all__ = [
    "AdmindukError",
    "ConfigError",
    "ConfigProblem",
    "IdentityError",
    "KkNumberError",
    "MissingExtra",
    "NeedsDatetime",
    "NikError",
    "NotOffered",
    "OfficeNotFound",
    "OutOfRange",
    "PhoneNumberError",
    "RegionNotFound",
    "UnknownReason",
    "UnknownService",
]


def _show(value: object) -> str:
    """Render an offending value for a message: one short line, personal numbers masked.

    Every value an error echoes goes through here, and so through ``adminduk.redact``; it never
    fails, whatever the value (a huge int, a deep list, an object whose ``__repr__`` raises).

    Examples:
        >>> _show("NIK 3513014501900001, WA 081359547691")
        "'NIK 3513**********01, WA +62813******91'"
        >>> _show(10**5000)
        '<a number of about 5001 digits>'
    """
    return safe_repr(value)


_KEPT_CHARS: Final = 200  # of an offending text kept in an attribute; the rest is never shown


def _kept(value: object) -> object:
    """What an error keeps of an offending value: the value, unless it may hold personal data.

    An attribute is read by code that may log it, so it obeys the same rule as the message:
    a text is kept redacted (and cut at 200 characters), a number that reads as a NIK or a
    phone number becomes its masked text, anything but a plain value (a list, an object)
    becomes its short, redacted rendering.

    Examples:
        >>> _kept("NIK 3513014501900001"), _kept(3513014501900001), _kept(25)
        ('NIK 3513**********01', '3513**********01', 25)
        >>> _kept(["081359547691"])
        "['+62813******91']"
    """
    if value is None or type(value) in (bool, float, date, datetime):
        return value
    if type(value) is int:
        if long_number(value) is not None:
            return f"<{long_number(value)}>"
        shown = redact(str(value))
        return value if shown == str(value) else shown
    if type(value) is str:
        cut = value[:_KEPT_CHARS]
        shown = redact(cut)
        return value if shown == value else shown
    return safe_repr(value)


def _kept_text(value: object) -> str:
    """What an error keeps of an offending text field: redacted, bounded; never the raw text."""
    if type(value) is str:
        return redact(value[:_KEPT_CHARS])
    return safe_repr(value)


def _did_you_mean(suggestions: Sequence[str]) -> str:
    if not suggestions:
        return ""
    quoted = ", ".join(repr(s) for s in suggestions)
    return f"; did you mean {quoted}?"


class AdmindukError(Exception):
    """Base class of every error adminduk raises on bad input.

    Catch this one class to handle anything the library refuses.

    Examples:
        >>> import adminduk
        >>> try:
        ...     adminduk.Service.parse("kk/hilang")
        ... except adminduk.AdmindukError as err:
        ...     print(type(err).__name__)
        UnknownService

    Every error pickles to an equal error (so it crosses a ``ProcessPoolExecutor``), with its
    message and every attribute; two errors are equal when their type, message and attributes
    are.

        >>> import pickle
        >>> err = UnknownService("kk/hilang", ("kk/baru",))
        >>> again = pickle.loads(pickle.dumps(err))
        >>> again == err, again.suggestions, str(again) == str(err)
        (True, ('kk/baru',), True)
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # The constructors take fields, not the message: rebuild from args and attributes
        # rather than calling the constructor with the message (which reads it as a field).
        return (_rebuild, (type(self), self.args, self.__dict__))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, AdmindukError)
        return self.args == other.args and _state(self) == _state(other)

    def __hash__(self) -> int:
        return hash((type(self), self.args))


def _state(error: BaseException) -> dict[str, object]:
    """An error's attributes, without what Python adds (notes), which do not make it different."""
    return {key: value for key, value in error.__dict__.items() if key != "__notes__"}


def _rebuild(
    cls: type[AdmindukError], args: tuple[object, ...], state: dict[str, object]
) -> AdmindukError:
    """Unpickle an error: its message and attributes, without calling its constructor."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One problem found in a configuration, located by its path.

    Attributes:
        path: where the problem is, e.g. ``policies[0].channels[2].address``;
            ``""`` for the whole file.
        message: what is wrong and what would be valid.
        value: the offending value as shown to the reader (already masked or shortened), or
            ``None`` when there is no single value (a missing field, an unreadable file).

    Examples:
        >>> print(ConfigProblem("timezone", "not an IANA time zone", "'Asia/Jakartaa'"))
        timezone: not an IANA time zone (got 'Asia/Jakartaa')
    """

    path: str
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.path or "<file>"
        got = f" (got {self.value})" if self.value is not None else ""
        return f"{where}: {self.message}{got}"


class ConfigError(AdmindukError, ValueError):
    """A configuration (an office file, a calendar, a catalogue) is invalid.

    It lists **every** problem at once, each with its path, so the author fixes a file in one
    round instead of one error at a time.

    Attributes:
        problems: the problems, in file order.
        source: the file or object the problems were found in, if known (redacted).

    Examples:
        >>> err = ConfigError([ConfigProblem("code", "must look like '35.13'", "'3513'")],
        ...                   source="office.toml")
        >>> print(err)
        office.toml: 1 problem
          - code: must look like '35.13' (got '3513')
        >>> err.problems[0].path
        'code'
    """

    def __init__(self, problems: Iterable[ConfigProblem], source: str | None = None) -> None:
        self.problems: tuple[ConfigProblem, ...] = tuple(problems)
        self.source = None if source is None else redact(str(source))
        count = len(self.problems)
        head = f"{self.source}: " if source else ""
        noun = "problem" if count == 1 else "problems"
        lines = [f"{head}{count} {noun}"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))

    @classmethod
    def single(cls, path: str, message: str, value: object = None) -> ConfigError:
        """Build an error with one problem, showing ``value`` (non-personal) when given.

        Examples:
            >>> print(ConfigError.single("zone", "not an IANA time zone", "Mars/Base"))
            1 problem
              - zone: not an IANA time zone (got 'Mars/Base')
        """
        shown = None if value is None else _show(value)
        return cls([ConfigProblem(path, message, shown)])


class OfficeNotFound(AdmindukError, LookupError):
    """No registered office answers to the given code or slug.

    Attributes:
        value: what was asked for (personal numbers masked, as in the message).
        suggestions: close matches, each a code or slug that ``get_office`` accepts.
        labels: the same matches for a reader, e.g. ``kabupaten-probolinggo (35.13)``.

    Examples:
        >>> err = OfficeNotFound("probolinggo", ("kabupaten-probolinggo",),
        ...                      labels=("kabupaten-probolinggo (35.13)",))
        >>> print(err)
        no office with code or slug 'probolinggo'; did you mean kabupaten-probolinggo (35.13)?
        >>> err.suggestions
        ('kabupaten-probolinggo',)
    """

    def __init__(
        self, value: object, suggestions: Sequence[str] = (), *, labels: Sequence[str] = ()
    ) -> None:
        self.value = _kept(value)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        self.labels: tuple[str, ...] = tuple(labels) or self.suggestions
        hint = f"; did you mean {' or '.join(self.labels)}?" if self.labels else ""
        super().__init__(f"no office with code or slug {_show(value)}{hint}")

    def __str__(self) -> str:
        # LookupError would otherwise quote the message like a KeyError does.
        return str(self.args[0])


class RegionNotFound(AdmindukError, LookupError):
    """No region has the given Kemendagri code, or not on the date asked about.

    Attributes:
        value: the code asked for (personal numbers masked).
        suggestions: close matches, as ``code name`` strings.
        on: the date the code had to be valid on, if one was given.
        detail: when the region was valid and what succeeded it, if it exists at all.

    Examples:
        >>> print(RegionNotFound("35.99", ("35.09 Kabupaten Jember",)))
        no region with code '35.99'; did you mean '35.09 Kabupaten Jember'?
        >>> import datetime as dt
        >>> print(RegionNotFound("91.01", on=dt.date(2024, 1, 1), name="Kabupaten Merauke",
        ...                      detail="it is now 93.01 Kabupaten Merauke"))
        region 91.01 (Kabupaten Merauke) is not valid on 2024-01-01: it is now 93.01 Kabupaten Merauke
    """  # noqa: E501

    def __init__(
        self,
        value: object,
        suggestions: Sequence[str] = (),
        *,
        on: date | None = None,
        name: str | None = None,
        detail: str = "",
    ) -> None:
        self.value = _kept(value)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        self.on = on
        self.detail = detail
        if on is None:
            message = f"no region with code {_show(value)}{_did_you_mean(self.suggestions)}"
        else:
            named = f" ({name})" if name else ""
            message = f"region {value}{named} is not valid on {on.isoformat()}: {detail}"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownService(AdmindukError, ValueError):
    """Not a service of the catalogue, written ``document/action`` (e.g. ``kk/perubahan``).

    Attributes:
        value: what was given (personal numbers masked).
        suggestions: close matches among the catalogue's codes.

    Examples:
        >>> UnknownService("kk/ubah", ("kk/perubahan",)).suggestions
        ('kk/perubahan',)
    """

    def __init__(self, value: object, suggestions: Sequence[str] = (), detail: str = "") -> None:
        self.value = _kept(value)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        extra = f" ({detail})" if detail else ""
        super().__init__(f"unknown service {_show(value)}{extra}{_did_you_mean(self.suggestions)}")


class UnknownReason(AdmindukError, ValueError):
    """Not an urgency reason the office accepts (``bpjs``, ``rumah-sakit``, ``tni-polri``, …).

    Attributes:
        value: what was given (personal numbers masked).
        valid: the reasons that would be accepted.
        suggestions: close matches among ``valid``.

    Examples:
        >>> print(UnknownReason("bpj", valid=("bpjs", "tni-polri"), suggestions=("bpjs",)))
        unknown urgency reason 'bpj' (valid: bpjs, tni-polri); did you mean 'bpjs'?
    """

    def __init__(
        self, value: object, valid: Sequence[str] = (), suggestions: Sequence[str] = ()
    ) -> None:
        self.value = _kept(value)
        self.valid: tuple[str, ...] = tuple(valid)
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        listed = f" (valid: {', '.join(self.valid)})" if self.valid else ""
        super().__init__(
            f"unknown urgency reason {_show(value)}{listed}{_did_you_mean(self.suggestions)}"
        )


class OutOfRange(AdmindukError, ValueError):
    """An instant or date outside what the library's data can answer for.

    Attributes:
        field: the argument that was out of range, e.g. ``at``.
        value: the value given (personal numbers masked).
        valid: a description of the valid range.

    Examples:
        >>> print(OutOfRange("at", "1899-01-01", "2000-01-01 to 2099-12-31"))
        at='1899-01-01' is out of range; valid: 2000-01-01 to 2099-12-31
    """

    def __init__(self, field: str, value: object, valid: str) -> None:
        self.field = field
        self.value = _kept(value)
        self.valid = valid
        super().__init__(f"{field}={_show(value)} is out of range; valid: {valid}")


class NeedsDatetime(AdmindukError, TypeError):
    """A date was given where the answer depends on the moment: a datetime is needed.

    Whether the counter is open, and what the next opening is, depend on the time of day, so
    ``advise``, ``submit`` and ``apply`` refuse a bare date rather than guess a time.

    Attributes:
        field: the argument, e.g. ``at``.
        day: the date that was given.

    Examples:
        >>> import datetime as dt
        >>> print(NeedsDatetime("at", dt.date(2020, 3, 24)))
        at is a date (2020-03-24), but the answer depends on the time of day: give a datetime, e.g. datetime(2020, 3, 24, 10, 0) (naive means the office's local wall time)
    """  # noqa: E501

    def __init__(self, field: str, day: date) -> None:
        self.field = field
        self.day = day
        example = f"datetime({day.year}, {day.month}, {day.day}, 10, 0)"
        super().__init__(
            f"{field} is a date ({day.isoformat()}), but the answer depends on the time of day: "
            f"give a datetime, e.g. {example} (naive means the office's local wall time)"
        )


class MissingExtra(AdmindukError, ImportError):
    """A feature that needs an optional extra of adminduk which is not installed.

    Attributes:
        feature: what was called, e.g. ``office_cpsv``.
        extra: the extra to install, e.g. ``rdf``.
        package: the missing distribution, e.g. ``rdflib``.

    Examples:
        >>> print(MissingExtra("office_cpsv", extra="rdf", package="rdflib"))
        office_cpsv needs rdflib, which is not installed; install the extra: pip install 'adminduk[rdf]'
    """  # noqa: E501

    def __init__(self, feature: str, *, extra: str, package: str) -> None:
        self.feature = feature
        self.extra = extra
        self.package = package
        super().__init__(
            f"{feature} needs {package}, which is not installed; install the extra: "
            f"pip install 'adminduk[{extra}]'"
        )


class NotOffered(AdmindukError, ValueError):
    """The office does not take this service, or not through this channel, at that instant.

    Raised by ``ServiceRequest.submit`` where ``advise`` would not send the citizen that way.

    Attributes:
        service: the service code.
        channel: the channel kind of the request.
        at: the instant, ISO 8601 in the office's zone.
        outcome: what ``advise`` answers then (``online``, ``in-person``, ``defer``,
            ``unavailable``).
        offered: the channel kinds the office takes the service through then (may be empty).

    Examples:
        >>> print(NotOffered("ktp-el/baru", "whatsapp", "2020-05-20T10:00:00+08:00",
        ...                  "unavailable", ()))
        ktp-el/baru is not taken through whatsapp at 2020-05-20T10:00:00+08:00: the advice then is 'unavailable', through no channel
    """  # noqa: E501

    def __init__(
        self, service: str, channel: str, at: str, outcome: str, offered: Sequence[str]
    ) -> None:
        self.service = service
        self.channel = channel
        self.at = at
        self.outcome = outcome
        self.offered: tuple[str, ...] = tuple(offered)
        through = ", ".join(self.offered) if self.offered else "no channel"
        super().__init__(
            f"{service} is not taken through {channel} at {at}: the advice then is "
            f"{outcome!r}, through {through}"
        )


class IdentityError(AdmindukError, ValueError):
    """A personal identifier that does not check out.

    Messages say which part is wrong and never contain the identifier itself.

    Attributes:
        part: the part that is wrong (e.g. ``length``, ``characters``, ``province``, ``date``).
        reason: a readable explanation, free of personal data.

    Examples:
        >>> print(NikError("length", "a NIK has 16 digits, got 15"))
        invalid NIK (length): a NIK has 16 digits, got 15
    """

    kind = "identifier"

    def __init__(self, part: str, reason: str) -> None:
        self.part = part
        self.reason = reason
        super().__init__(f"invalid {self.kind} ({part}): {reason}")


class NikError(IdentityError):
    """A NIK (Nomor Induk Kependudukan) that is malformed or impossible.

    Examples:
        >>> NikError("date", "no 31 February").part
        'date'
    """

    kind = "NIK"


class KkNumberError(IdentityError):
    """A KK (Kartu Keluarga, family card) number that is malformed.

    Examples:
        >>> print(KkNumberError("province", "99 is not a province code"))
        invalid KK number (province): 99 is not a province code
    """

    kind = "KK number"


class PhoneNumberError(IdentityError):
    """A phone number that is not a valid Indonesian mobile (WhatsApp) number.

    Examples:
        >>> print(PhoneNumberError("type", "a landline cannot receive WhatsApp"))
        invalid phone number (type): a landline cannot receive WhatsApp
    """

    kind = "phone number"


# Pickles name the public module (adminduk.errors.NikError, adminduk.errors._rebuild), so a
# pickle written before or after these types moved here unpickles alike.
publish("adminduk.errors", __all__, globals())
_rebuild.__module__ = "adminduk.errors"
