"""Provenance: the sources office files cite, and the national facts every office shares.

An office file names its own sources in a ``[sources]`` table. A few facts hold for every office;
they are data, written once with their sources in ``data/national/facts.toml`` and read from it
on first use (:func:`national_facts`):

* the urgent needs of the national instruction of 16 March 2020
  (:data:`BUILTIN_URGENCY_REASONS`);
* the end of the national Covid-19 pandemic status (:data:`PANDEMIC_END`, :func:`pandemic_end`),
  which ends every office measure adopted because of the pandemic.

Their sources are in :data:`NATIONAL_SOURCES`, keyed like a file's ``[sources]``; an answer that
rests on one of them cites its key, and the key is spelled out like a file's own.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

from pydantic import field_validator, model_validator

from adminduk._core.arguments import english
from adminduk._core.validation import ConfigErrorModel, frozen_config
from adminduk.offices._types import Slug, SourceRef, Text, source_parts

__all__ = [
    "BUILTIN_URGENCY_REASONS",
    "FACTS_FILE",
    "NATIONAL_SOURCES",
    "PANDEMIC_END",
    "PRECOMPUTED_FACTS",
    "URL_PATTERN",
    "NationalEvent",
    "NationalFacts",
    "Note",
    "SourceInfo",
    "UrgencyReasonInfo",
    "national_facts",
    "pandemic_end",
    "parse_facts",
]

URL_PATTERN: Final = re.compile(
    r"^https?://[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]+)?(/\S*)?$", re.IGNORECASE
)


class _Model(ConfigErrorModel):
    model_config = frozen_config()


class SourceInfo(_Model):
    """One entry of a file's ``[sources]`` table, which facts cite by its key.

    ``published`` is the date the source appeared; the newest such date behind an answer is
    the answer's ``confirmed_on``.

    Examples:
        >>> info = SourceInfo(title="Dukcapil Mataram Terapkan Layanan Daring",
        ...                   publisher="Inside Lombok / Antara", published="2020-03-25")
        >>> str(info)
        'Dukcapil Mataram Terapkan Layanan Daring (Inside Lombok / Antara, 2020-03-25)'
    """

    title: Text
    publisher: Text | None = None
    published: dt.date | None = None
    url: Text | None = None
    file: Text | None = None
    note: Text | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not URL_PATTERN.match(value):
            raise ValueError("must be an http(s) URL, e.g. 'https://example.go.id/page'")
        return value

    def __str__(self) -> str:
        extra = ", ".join(
            part for part in (self.publisher, str(self.published or "") or None) if part
        )
        return f"{self.title} ({extra})" if extra else self.title


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

    The built-in ones (``bpjs``, ``rumah-sakit``, ``tni-polri``, ``sekolah``) come from the
    national instruction of 16 March 2020; an office file may define its own under
    ``[[urgency_reasons]]``.

    Examples:
        >>> BUILTIN_URGENCY_REASONS["rumah-sakit"].name_en
        'A patient in hospital'
    """

    code: Slug
    name_id: Text
    name_en: Text
    source: SourceRef

    def name(self, lang: str = "id") -> str:
        """The reason's name in Indonesian (``id``) or English (``en``)."""
        return self.name_en if english(lang) else self.name_id


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
        >>> end.effective, end.last_day_before
        (datetime.date(2023, 6, 21), datetime.date(2023, 6, 20))
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
    """A :class:`NationalEvent` as ``facts.toml`` writes it, checked field by field."""

    code: Slug
    name_id: Text
    name_en: Text
    effective: dt.date
    source: SourceRef
    short_id: Text
    short_en: Text


class NationalFacts(_Model):
    """The national facts every office shares, as ``data/national/facts.toml`` states them.

    Attributes:
        sources: the sources they rest on, keyed like an office file's ``[sources]``.
        urgency_reasons: the urgent needs of the national instruction of 16 March 2020.
        pandemic_end: the end of the national Covid-19 pandemic status.

    Examples:
        >>> facts = national_facts()
        >>> [reason.code for reason in facts.urgency_reasons]
        ['bpjs', 'rumah-sakit', 'tni-polri', 'sekolah']
        >>> facts.pandemic_end.source in facts.sources
        True
    """

    sources: dict[str, SourceInfo]
    urgency_reasons: tuple[UrgencyReasonInfo, ...]
    pandemic_end: _Event

    @model_validator(mode="after")
    def _cited(self) -> "NationalFacts":
        codes = [reason.code for reason in self.urgency_reasons]
        if len(set(codes)) != len(codes):
            raise ValueError(f"urgency_reasons: a code is given twice in {codes}")
        cited = [reason.source for reason in self.urgency_reasons] + [self.pandemic_end.source]
        for source in cited:
            unknown = [key for key in source_parts(source) if key not in self.sources]
            if unknown:
                raise ValueError(f"{unknown[0]!r} is cited but not a key of [sources]")
        return self

    def event(self) -> NationalEvent:
        """The pandemic's end as the library hands it out."""
        return NationalEvent(**self.pandemic_end.model_dump())


FACTS_FILE: Final = "data/national/facts.toml"
"""Where in ``adminduk.offices`` the national facts are written."""

PRECOMPUTED_FACTS: Final = "data/precomputed/national-facts.pickle"
"""Their precomputed form (see :mod:`adminduk._core.precomputed`)."""

_LOCK: Final = threading.Lock()


def parse_facts(text: str) -> NationalFacts:
    r"""The national facts of ``facts.toml``'s text, validated.

    Raises:
        ConfigError: every problem, each with its path.

    Examples:
        >>> parse_facts('sources = {}\nurgency_reasons = []\n')
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: ...pandemic_end...
    """
    import tomllib

    return NationalFacts.model_validate(tomllib.loads(text))


@cache
def _facts() -> tuple[NationalFacts, NationalEvent]:
    from adminduk._core import precomputed

    data = resources.files("adminduk.offices")
    source = data.joinpath(FACTS_FILE)
    facts = precomputed.load(
        source,
        data.joinpath(PRECOMPUTED_FACTS),
        NationalFacts,
        lambda: parse_facts(source.read_text("utf-8")),
    )
    return facts, facts.event()


def national_facts() -> NationalFacts:
    """The national facts, read from the package's ``data/national/facts.toml`` once.

    Examples:
        >>> sorted(national_facts().sources)
        ['DIRJEN-2978-2020', 'DIRJEN-2978-2020-EXTENSION', 'KEPPRES-17-2023']
    """
    with _LOCK:  # one load, however many threads ask first
        return _facts()[0]


def pandemic_end() -> NationalEvent:
    """The end of the national pandemic status: an office's pandemic measure ends by then.

    What :data:`PANDEMIC_END` names, read from ``facts.toml`` on first use.

    Examples:
        >>> pandemic_end().short_en
        'Keppres 17/2023'
    """
    with _LOCK:
        return _facts()[1]


_V = TypeVar("_V")


class _FileMapping(Mapping[str, _V]):
    """A read-only mapping of the national facts, read from ``facts.toml`` on first use.

    Importing a module that names :data:`NATIONAL_SOURCES` reads nothing: a first
    ``get_office`` never needs them.
    """

    __slots__ = ("_data", "_read")

    def __init__(self, read: Callable[[NationalFacts], Mapping[str, _V]]) -> None:
        self._read = read
        self._data: Mapping[str, _V] | None = None

    def _mapping(self) -> Mapping[str, _V]:
        data = self._data
        if data is None:
            data = self._data = MappingProxyType(dict(self._read(national_facts())))
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


NATIONAL_SOURCES: Final[Mapping[str, SourceInfo]] = _FileMapping(lambda facts: facts.sources)
"""Sources of the facts every office shares, keyed like an office file's ``[sources]``.

Examples:
    >>> NATIONAL_SOURCES["KEPPRES-17-2023"].published
    datetime.date(2023, 6, 22)
"""

BUILTIN_URGENCY_REASONS: Final[Mapping[str, UrgencyReasonInfo]] = _FileMapping(
    lambda facts: {reason.code: reason for reason in facts.urgency_reasons}
)
"""The urgency reasons every office file may name without defining them.

Examples:
    >>> list(BUILTIN_URGENCY_REASONS)
    ['bpjs', 'rumah-sakit', 'tni-polri', 'sekolah']
"""


def __getattr__(name: str) -> NationalEvent:
    """``PANDEMIC_END``, read from ``facts.toml`` when first asked for."""
    if name == "PANDEMIC_END":
        return pandemic_end()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    PANDEMIC_END: NationalEvent
    """The end of the national pandemic status: an office's pandemic measure ends by then."""
