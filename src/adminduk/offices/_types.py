"""The vocabulary of office files: stable codes, and the small validated field types."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Final, NoReturn, TypeVar

from pydantic import AfterValidator, BeforeValidator, Strict, StringConstraints

from adminduk._core.arguments import text as checked_text
from adminduk._core.redact import is_text
from adminduk._core.validation import Text, describe_pattern
from adminduk.documents import DocumentType
from adminduk.errors import UnknownService

__all__ = [
    "FICTIONAL_PROVINCE",
    "ORDINARY_ID",
    "AppliesTo",
    "Certainty",
    "ChangeKind",
    "ChannelKind",
    "Count",
    "CounterOnlyReason",
    "Flag",
    "InPersonStance",
    "IntakeFormat",
    "OfficeCode",
    "PickupPlace",
    "Scope",
    "ServicePattern",
    "ServicePatterns",
    "Slug",
    "SourceKey",
    "SourceRef",
    "SuspensionMode",
    "Text",
    "TimeZoneName",
    "expand_pattern",
    "pattern_rank",
    "source_parts",
]


class ChannelKind(StrEnum):
    """How a citizen reaches the office for a service.

    Examples:
        >>> ChannelKind("whatsapp") is ChannelKind.WHATSAPP
        True
        >>> [kind.value for kind in ChannelKind]
        ['app', 'whatsapp', 'portal', 'counter']
    """

    APP = "app"
    """The office's own web or mobile application (address: a URL)."""
    WHATSAPP = "whatsapp"
    """A WhatsApp number (address: E.164, ``+628…``)."""
    PORTAL = "portal"
    """A portal run by someone else, e.g. the national Dukcapil portal (address: a URL)."""
    COUNTER = "counter"
    """The office's counter, in person (address: a place)."""

    @property
    def is_remote(self) -> bool:
        """Whether the channel works without coming to the office.

        Examples:
            >>> ChannelKind.PORTAL.is_remote, ChannelKind.COUNTER.is_remote
            (True, False)
        """
        return self is not ChannelKind.COUNTER

    @property
    def needs_whatsapp(self) -> bool:
        """Whether the citizen needs WhatsApp to use the channel.

        Examples:
            >>> ChannelKind.WHATSAPP.needs_whatsapp, ChannelKind.APP.needs_whatsapp
            (True, False)
        """
        return self is ChannelKind.WHATSAPP


class IntakeFormat(StrEnum):
    """How a remote channel takes the applicant's documents.

    Examples:
        >>> sorted(format.value for format in IntakeFormat)
        ['pdf', 'photo', 'scan']
    """

    PHOTO = "photo"
    SCAN = "scan"
    PDF = "pdf"


class InPersonStance(StrEnum):
    """Who the counter serves while a policy is in force.

    Examples:
        >>> InPersonStance("urgent-only") is InPersonStance.URGENT_ONLY
        True
    """

    OPEN = "open"
    """Everyone is served at the counter."""
    URGENT_ONLY = "urgent-only"
    """Only people with an urgent need the office accepts (see ``urgency_reasons``)."""
    CLOSED = "closed"
    """Nobody is served at the counter."""


class CounterOnlyReason(StrEnum):
    """Why a service can only be done at the counter.

    Examples:
        >>> CounterOnlyReason.BIOMETRIC.value
        'biometric'
    """

    BIOMETRIC = "biometric"
    """The applicant is photographed or fingerprinted (KTP-el recording)."""
    DIRECT_VERIFICATION = "direct-verification"
    """Staff must see the applicant and the originals (e.g. a name or birth-date correction)."""
    PHOTO = "photo"
    """The applicant is photographed for the card, as a step of its own (Mataram's "tahapan
    pemotretan" for every KTP-el matter), which is not a biometric recording."""


class SuspensionMode(StrEnum):
    """What a suspended service means for the citizen.

    Examples:
        >>> SuspensionMode("defer").value, SuspensionMode.REFUSE.value
        ('defer', 'refuse')
    """

    DEFER = "defer"
    """Postponed: the office asks people to come back later (e.g. KTP-el in Tulungagung)."""
    REFUSE = "refuse"
    """Not served for the time being (e.g. first KTP-el for school leavers in Bima)."""


class PickupPlace(StrEnum):
    """Where a finished document reaches the citizen.

    Examples:
        >>> [place.value for place in PickupPlace]
        ['dinas', 'kecamatan', 'village-office', 'self-print']
    """

    DINAS = "dinas"
    """Collected at the Dinas office itself."""
    KECAMATAN = "kecamatan"
    """Sent on to the applicant's kecamatan (district) office and collected there."""
    VILLAGE_OFFICE = "village-office"
    """Taken to the village government (Pemdes / kelurahan), which passes it on."""
    SELF_PRINT = "self-print"
    """Printed by the applicant on plain HVS paper (electronically signed, with a code)."""


class ChangeKind(StrEnum):
    """How an office's requirement change departs from the national checklist.

    Examples:
        >>> ChangeKind("replace").value
        'replace'
    """

    ADD = "add"
    REMOVE = "remove"
    REPLACE = "replace"


class AppliesTo(StrEnum):
    """Which applications an office's requirement change is for.

    An office often asks something only of the applications it takes remotely ("send every
    document as a PDF"); a person at the counter must not be told to do it.

    Examples:
        >>> AppliesTo.REMOTE.includes(remote=True), AppliesTo.REMOTE.includes(remote=False)
        (True, False)
        >>> AppliesTo.COUNTER.includes(remote=None)  # the route is not known: every change
        True
    """

    ANY = "any"
    """Every application, whatever its channel (the default)."""
    REMOTE = "remote"
    """Applications made without coming in: WhatsApp, an app, a portal."""
    COUNTER = "counter"
    """Applications made at the counter."""

    def includes(self, *, remote: bool | None) -> bool:
        """Whether the change applies to an application made remotely (``None``: unknown)."""
        if remote is None or self is AppliesTo.ANY:
            return True
        return remote is (self is AppliesTo.REMOTE)


# No province has code 99: codes 99.xx are reserved for fictional offices (examples, tests).
FICTIONAL_PROVINCE: Final = "99"

# The four zones of Indonesia (tzdata zone.tab; domain-facts.md §8).

# An office file says what it means: `online_first = 1`, `delivers = "no"` or
# `processing_working_days = "5"` are refused, never coerced.
Flag = Annotated[bool, Strict()]
"""``true`` or ``false``, nothing else."""
Count = Annotated[int, Strict()]
"""A whole number written as a number, not as text."""
_SLUG: Final = describe_pattern(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "lowercase letters and digits in words joined by dashes, e.g. 'kabupaten-probolinggo'",
)
Slug = Annotated[str, StringConstraints(pattern=_SLUG, max_length=80)]
_SOURCE_KEY: Final = describe_pattern(
    r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$",
    "a key in capitals and digits, words joined by dashes, e.g. 'A1' or 'SE-800'",
)
SourceKey = Annotated[str, StringConstraints(pattern=_SOURCE_KEY)]

_REASON_CODES: contextvars.ContextVar[frozenset[str] | None] = contextvars.ContextVar(
    "adminduk_office_reason_codes", default=None
)


@contextmanager
def office_context(reason_codes: frozenset[str]) -> Iterator[None]:
    """While an office file validates: the urgency reasons it defines."""
    token = _REASON_CODES.set(reason_codes)
    try:
        yield
    finally:
        _REASON_CODES.reset(token)


def known_reason_codes() -> frozenset[str] | None:
    """The urgency reasons the office being validated accepts, or None outside a file."""
    return _REASON_CODES.get()


def source_parts(text: str) -> tuple[str, ...]:
    """The parts of a ``source`` value: keys or free references, separated by ``;``.

    Examples:
        >>> source_parts("A0; A1;  SE Bupati 800/0157/426/2020")
        ('A0', 'A1', 'SE Bupati 800/0157/426/2020')
    """
    value = checked_text("source", text, "a source value: keys or references separated by ';'")
    return tuple(part.strip() for part in value.split(";") if part.strip())


# Whether a source names anything, and whether a key-like part is a key of the file's
# [sources], are checks across the file (source-refs in _checks.py).
SourceRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Where a fact comes from: keys of the file's ``[sources]`` table, a regulation or a URL."""


@cache
def _all_codes() -> tuple[str, ...]:
    from adminduk.documents import catalogue

    return tuple(entry.code for entry in catalogue())


@cache
def expand_pattern(pattern: str) -> frozenset[str]:
    """The service codes a pattern covers: ``*`` (every service), ``document/*`` or a code.

    Raises:
        UnknownService: the pattern names no catalogue service.

    Examples:
        >>> sorted(expand_pattern("kk/*"))
        ['kk/baru', 'kk/cetak-ulang', 'kk/perubahan']
        >>> len(expand_pattern("*")) == len(expand_pattern("*"))
        True
    """
    if pattern == "*":
        return frozenset(_all_codes())
    from adminduk.documents import catalogue

    return frozenset(service.code for service in catalogue().expand(pattern))


def pattern_rank(pattern: str) -> int:
    """How specific a pattern is: 2 for a service code, 1 for ``document/*``, 0 for ``*``.

    Examples:
        >>> pattern_rank("kk/baru"), pattern_rank("kk/*"), pattern_rank("*")
        (2, 1, 0)
    """
    if pattern == "*":
        return 0
    return 1 if pattern.endswith("/*") else 2


def _check_pattern(value: object) -> str:
    if not is_text(value):
        raise ValueError("a service pattern is text: 'document/action', 'document/*' or '*'")
    pattern = value.strip().lower()
    if pattern != "*":
        pattern = "/".join(part.strip() for part in pattern.split("/"))
    try:
        expand_pattern(pattern)
    except UnknownService as err:
        # "akta/*" should suggest the akta documents, not whatever is spelled alike.
        document = pattern.partition("/")[0]
        related = (
            [f"{d.value}/*" for d in DocumentType if document and document in d.value]
            if pattern.endswith("/*")
            else []
        )
        raise UnknownService(
            value, tuple(dict.fromkeys([*related, *err.suggestions]))[:3]
        ) from None
    return pattern


ServicePattern = Annotated[str, BeforeValidator(_check_pattern)]
"""A service code (``kk/perubahan``), every action of a document (``kk/*``) or ``*``."""


def _some_services(value: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        raise ValueError("name at least one service: a code, 'document/*' or '*'")
    return value


ServicePatterns = Annotated[tuple[ServicePattern, ...], AfterValidator(_some_services)]
"""One or more service patterns (checked for emptiness only once every item is valid)."""


def _check_code(value: str) -> str:
    from adminduk.identity import find_province

    if int(value[3:]) in (0, 70):
        raise ValueError(
            f"the regency part of a code runs 01-69 (kabupaten) or 71-99 (kota), not {value[3:]}"
        )
    if value[:2] != FICTIONAL_PROVINCE and find_province(value[:2]) is None:
        raise ValueError(
            f"{value[:2]} is not a province code (codes 99.xx are reserved for fictional "
            "example offices)"
        )
    return value


OfficeCode = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        pattern=describe_pattern(
            r"^[0-9]{2}\.[0-9]{2}$", "a Kemendagri code, two digits, a dot, two digits: '35.13'"
        ),
    ),
    AfterValidator(_check_code),
]
"""A Kemendagri regency code, ``PP.KK`` (``35.13``)."""


def _check_zone(value: str) -> str:
    from zoneinfo import ZoneInfo

    from adminduk.regions._provinces import indonesian_zones

    zones = indonesian_zones()
    try:
        ZoneInfo(value)
    except Exception:  # ZoneInfoNotFoundError, ValueError, OSError: all mean "no such zone"
        raise ValueError(
            f"not an IANA time zone; an Indonesian office uses one of {', '.join(zones)}"
        ) from None
    if value not in zones:
        raise ValueError(f"not an Indonesian time zone; valid: {', '.join(zones)}")
    return value


TimeZoneName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_zone)
]
"""An IANA time zone of Indonesia (``Asia/Jakarta``, ``Asia/Makassar``, …)."""


ORDINARY_ID: Final = "ordinary"
"""The id the ordinary rules (no dated policy) go by in reasons, checks and exports."""


class Scope(StrEnum):
    """The part of an office file a check looks at."""

    CHANNEL = "channel"
    SUSPENSION = "suspension"
    FULFILMENT = "fulfilment"
    IN_PERSON_STEP = "in-person-step"
    REQUIREMENT_CHANGE = "requirement-change"
    RULES = "rules"
    """The ordinary rules and every dated policy."""
    POLICY = "policy"
    """A dated policy only."""
    STANDARD = "standard"
    """A published service standard (``[[standards]]``)."""
    STANDARD_ENTRY = "standard-entry"
    """One service of a published standard."""
    OFFICE = "office"
    PUBLISHING = "publishing"
    """A whole validated office, as a reviewer reads it before publishing; never at load."""


_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A ``dict`` that cannot be changed: the tables of a cached office (``sources``, …).

    Every caller gets the same office object from the registry, so a table in it that one
    caller could ``clear()`` would change every later answer. It is still a ``dict`` (JSON,
    ``isinstance`` and pydantic treat it as one), it pickles and copies, and every method that
    would change it raises ``TypeError`` as ``MappingProxyType`` does.

    Examples:
        >>> table = FrozenDict({"A": 1})
        >>> table["A"], dict(table), table == {"A": 1}
        (1, {'A': 1}, True)
        >>> table["B"] = 2
        Traceback (most recent call last):
        ...
        TypeError: FrozenDict cannot be changed: an office's tables are shared by every caller
    """

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError(
            "FrozenDict cannot be changed: an office's tables are shared by every caller"
        )

    __setitem__ = __delitem__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        # The default pickling of a dict subclass fills it with __setitem__, refused here.
        return (type(self), (dict(self),))

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> FrozenDict[_K, _V]:
        import copy

        return type(self)(
            {copy.deepcopy(k, memo): copy.deepcopy(v, memo) for k, v in self.items()}
        )


def frozen_dict(value: dict[_K, _V]) -> dict[_K, _V]:
    """``value`` as a :class:`FrozenDict` (a pydantic after-validator of the office tables)."""
    return value if type(value) is FrozenDict else FrozenDict(value)


class Certainty(StrEnum):
    """How sure an answer is of the rules it rests on, at the moment asked about.

    A measure whose end no source gives (an office's pandemic policy, the national instruction
    of 2020) is *known* up to the newest source that says it still held, *assumed* after that,
    and no longer used as the answer past the horizon of ``offices/data/national/rules.toml``: the
    answer is then *unknown* and asks the citizen to check with the office.

    Examples:
        >>> [certainty.value for certainty in Certainty]
        ['known', 'assumed', 'unknown']
    """

    KNOWN = "known"
    """Every measure the answer rests on is confirmed by a source for that day."""
    ASSUMED = "assumed"
    """A measure is taken to still hold after the newest source that confirms it."""
    UNKNOWN = "unknown"
    """A measure may still have held, but no source confirms it for so long that the answer
    falls back on the rules that remain, and asks the citizen to check with the office."""
