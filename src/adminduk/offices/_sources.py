"""Provenance: the sources office files cite, and the national facts every office shares.

An office file names its own sources in a ``[sources]`` table. A few facts hold for every office;
they are data, written once with their sources in the national law file (``adminduk/_law/
national.toml``, read by :mod:`adminduk._law`) and read from it on first use
(:func:`national_facts`):

* the urgent needs of the national instruction (:data:`BUILTIN_URGENCY_REASONS`);
* the end of the national Covid-19 pandemic status (:data:`PANDEMIC_END`, :func:`pandemic_end`),
  which ends every office measure adopted because of the pandemic.

Their sources are in :data:`NATIONAL_SOURCES`, keyed like a file's ``[sources]``; an answer that
rests on one of them cites its key, and the key is spelled out like a file's own.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

from pydantic import model_validator

from adminduk._core.arguments import english
from adminduk._core.validation import ConfigErrorModel, frozen_config
from adminduk._law import national_law, reader
from adminduk._law._source import URL_PATTERN, SourceInfo
from adminduk.offices._types import Slug, SourceRef, Text

__all__ = [
    "BUILTIN_URGENCY_REASONS",
    "NATIONAL_SOURCES",
    "PANDEMIC_END",
    "URL_PATTERN",
    "NationalEvent",
    "NationalFacts",
    "Note",
    "SourceInfo",
    "UrgencyReasonInfo",
    "national_facts",
    "pandemic_end",
]


class _Model(ConfigErrorModel):
    model_config = frozen_config()


class Note(_Model):
    """A fact worth telling that no rule field captures, in Indonesian and English.

    Examples:
        >>> Note(text_id="Warga diminta mencuci tangan", text_en="Visitors wash their hands",
        ...      source="A2").text("en")
        'Visitors wash their hands'
    """

    text_id: Text
    text_en: Text
    source: SourceRef

    def text(self, lang: str = "id") -> str:
        """The note in Indonesian (``id``) or English (``en``)."""
        return self.text_en if english(lang) else self.text_id


class UrgencyReasonInfo(_Model):
    """An urgency reason: a need for which an office still serves people in person.

    The built-in ones (``bpjs``, ``rumah-sakit``, ``tni-polri``, ``sekolah``) are the urgent
    needs of the national instruction, as the national law file states them; an office file
    may define its own under ``[[urgency_reasons]]``.

    Attributes:
        code: the reason's stable code (an :class:`~adminduk.UrgencyReason` value for the
            built-in ones).
        name_id: its short name in Indonesian, as a reply shows it.
        name_en: the same in English.
        qualifies_id: who qualifies, in Indonesian, where the source says more than the name.
        qualifies_en: the same in English.
        source: where the reason comes from.

    Examples:
        >>> BUILTIN_URGENCY_REASONS["rumah-sakit"].name_en
        'A patient in hospital'
        >>> BUILTIN_URGENCY_REASONS["bpjs"].qualifies("en")
        'Health-insurance (BPJS) administration'
    """

    code: Slug
    name_id: Text
    name_en: Text
    qualifies_id: Text | None = None
    qualifies_en: Text | None = None
    source: SourceRef

    def name(self, lang: str = "id") -> str:
        """The reason's name in Indonesian (``id``) or English (``en``)."""
        return self.name_en if english(lang) else self.name_id

    def qualifies(self, lang: str = "id") -> str:
        """Who qualifies, in Indonesian (``id``) or English (``en``); the name if not given."""
        text = self.qualifies_en if english(lang) else self.qualifies_id
        return text if text is not None else self.name(lang)


@dataclass(frozen=True, slots=True)
class NationalEvent:
    """A dated national fact that changes every office's rules, with its source.

    Attributes:
        code: stable identifier.
        name_id: the event in Indonesian.
        name_en: the event in English.
        short_id: the regulation behind it, as a reply cites it in Indonesian.
        short_en: the same in English.
        effective: the first day the new state holds.
        source: a key of :data:`NATIONAL_SOURCES`.

    Examples:
        >>> end = pandemic_end()
        >>> end.effective - end.last_day_before
        datetime.timedelta(days=1)
    """

    code: str
    name_id: str
    name_en: str
    effective: dt.date
    source: str
    short_id: str = ""
    short_en: str = ""

    @property
    def last_day_before(self) -> dt.date:
        """The last day of the state the event ends."""
        return self.effective - dt.timedelta(days=1)


class _Event(_Model):
    """A :class:`NationalEvent` as the national law file writes it, checked field by field."""

    code: Slug
    name_id: Text
    name_en: Text
    effective: dt.date
    source: SourceRef
    short_id: Text
    short_en: Text


class NationalFacts(_Model):
    """The national facts every office shares, as the national law file states them.

    Attributes:
        urgency_reasons: the urgent needs of the national instruction.
        pandemic_end: the end of the national Covid-19 pandemic status.

    Examples:
        >>> facts = national_facts()
        >>> [reason.code for reason in facts.urgency_reasons]
        ['bpjs', 'rumah-sakit', 'tni-polri', 'sekolah']
        >>> facts.pandemic_end.source in NATIONAL_SOURCES
        True
    """

    urgency_reasons: tuple[UrgencyReasonInfo, ...]
    pandemic_end: _Event

    @model_validator(mode="after")
    def _unique(self) -> "NationalFacts":
        codes = [reason.code for reason in self.urgency_reasons]
        if len(set(codes)) != len(codes):
            raise ValueError(f"urgency_reasons: a code is given twice in {codes}")
        return self

    def event(self) -> NationalEvent:
        """The pandemic's end as the library hands it out."""
        # Its fields, as model_dump() gives them (all plain values), without building the
        # serializer of a model read from the precomputed national law.
        return NationalEvent(**dict(self.pandemic_end))


_LOCK: Final = threading.Lock()
_read_facts = reader(NationalFacts, "urgency_reasons", "pandemic_end")


@cache
def _facts() -> tuple[NationalFacts, NationalEvent]:
    facts = _read_facts()
    return facts, facts.event()


def national_facts() -> NationalFacts:
    """The national facts, read from the national law file once.

    Examples:
        >>> national_facts().pandemic_end.code
        'akhir-pandemi-covid-19'
    """
    with _LOCK:  # one load, however many threads ask first
        return _facts()[0]


def pandemic_end() -> NationalEvent:
    """The end of the national pandemic status: an office's pandemic measure ends by then.

    What :data:`PANDEMIC_END` names, read from the national law file on first use.

    Examples:
        >>> end = pandemic_end()
        >>> end.short_en == national_facts().pandemic_end.short_en
        True
    """
    with _LOCK:
        return _facts()[1]


_V = TypeVar("_V")


class _FileMapping(Mapping[str, _V]):
    """A read-only mapping of the national facts, read from the national law file on first use.

    Importing a module that names :data:`NATIONAL_SOURCES` reads nothing: a first
    ``get_office`` never needs them.
    """

    __slots__ = ("_data", "_read")

    def __init__(self, read: Callable[[], Mapping[str, _V]]) -> None:
        self._read = read
        self._data: Mapping[str, _V] | None = None

    def _mapping(self) -> Mapping[str, _V]:
        data = self._data
        if data is None:
            data = self._data = MappingProxyType(dict(self._read()))
        return data

    def __getitem__(self, key: str) -> _V:
        return self._mapping()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping())

    def __len__(self) -> int:
        return len(self._mapping())

    def __contains__(self, key: object) -> bool:
        return key in self._mapping()

    def __repr__(self) -> str:
        return repr(self._mapping())


NATIONAL_SOURCES: Final[Mapping[str, SourceInfo]] = _FileMapping(lambda: national_law().sources)
"""Sources of the facts every office shares, keyed like an office file's ``[sources]``.

Examples:
    >>> NATIONAL_SOURCES["KEPPRES-17-2023"].publisher
    'Presiden Republik Indonesia'
"""

BUILTIN_URGENCY_REASONS: Final[Mapping[str, UrgencyReasonInfo]] = _FileMapping(
    lambda: {reason.code: reason for reason in national_facts().urgency_reasons}
)
"""The urgency reasons every office file may name without defining them.

Examples:
    >>> list(BUILTIN_URGENCY_REASONS)
    ['bpjs', 'rumah-sakit', 'tni-polri', 'sekolah']
"""


def __getattr__(name: str) -> NationalEvent:
    """``PANDEMIC_END``, read from the national law file when first asked for."""
    if name == "PANDEMIC_END":
        return pandemic_end()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    PANDEMIC_END: NationalEvent
    """The end of the national pandemic status: an office's pandemic measure ends by then."""
