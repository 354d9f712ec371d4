"""The national facts every office shares: the urgent needs and the end of the pandemic status.

Read from the national law file (``adminduk/_law/national.toml``) on first use. They live apart
from :mod:`adminduk.offices._sources`, which a first ``get_office`` imports, so that loading a
precomputed office builds none of the models that validate them (``bench_import.py``).
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations), as in
# the office models: pydantic evaluating strings costs a cold start.
import datetime as dt
import threading
from dataclasses import dataclass
from functools import cache
from typing import Final

from pydantic import model_validator

from adminduk._law import reader
from adminduk.offices._notes import UrgencyReasonInfo, _Model
from adminduk.offices._types import Slug, SourceRef, Text

__all__ = ["NationalEvent", "NationalFacts", "national_facts", "pandemic_end"]


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
        source: a key of :data:`~adminduk.offices.NATIONAL_SOURCES`.

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
        >>> from adminduk.offices import NATIONAL_SOURCES
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
