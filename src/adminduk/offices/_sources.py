"""Provenance: the sources office files cite, and the national facts every office shares.

An office file names its own sources in a ``[sources]`` table. A few facts hold for every office;
they are data, written once with their sources in the national law file (``adminduk/_law/
national.toml``, read by :mod:`adminduk._law`) and read from it on first use
(:func:`~adminduk.offices._national_facts.national_facts`, in a module of its own: a first
``get_office`` builds none of the models that validate them):

* the urgent needs of the national instruction (:data:`BUILTIN_URGENCY_REASONS`);
* the end of the national Covid-19 pandemic status (:data:`PANDEMIC_END`,
  :func:`~adminduk.offices._national_facts.pandemic_end`),
  which ends every office measure adopted because of the pandemic.

Their sources are in :data:`NATIONAL_SOURCES`, keyed like a file's ``[sources]``; an answer that
rests on one of them cites its key, and the key is spelled out like a file's own.
"""

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

from adminduk._law import national_law
from adminduk._law._source import SourceInfo, url_pattern
from adminduk.offices._notes import Note, UrgencyReasonInfo

if TYPE_CHECKING:
    from adminduk.offices._national_facts import NationalEvent

__all__ = [
    "BUILTIN_URGENCY_REASONS",
    "NATIONAL_SOURCES",
    "PANDEMIC_END",
    "Note",
    "SourceInfo",
    "UrgencyReasonInfo",
    "url_pattern",
]


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


def _builtin_urgency_reasons() -> dict[str, UrgencyReasonInfo]:
    from adminduk.offices._national_facts import national_facts

    return {reason.code: reason for reason in national_facts().urgency_reasons}


BUILTIN_URGENCY_REASONS: Final[Mapping[str, UrgencyReasonInfo]] = _FileMapping(
    _builtin_urgency_reasons
)
"""The urgency reasons every office file may name without defining them.

Examples:
    >>> list(BUILTIN_URGENCY_REASONS)
    ['bpjs', 'rumah-sakit', 'tni-polri', 'sekolah']
"""


def __getattr__(name: str) -> "NationalEvent":
    """``PANDEMIC_END``, read from the national law file when first asked for."""
    if name == "PANDEMIC_END":
        from adminduk.offices._national_facts import pandemic_end

        return pandemic_end()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    PANDEMIC_END: NationalEvent
    """The end of the national pandemic status: an office's pandemic measure ends by then."""
