"""The reasons of an answer, each worded in both languages and citing its source.

The collector every part of an answer adds its reasons to (the plan, the minute, the office's
standard), and the helpers that word a field in both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from adminduk._advice_text import LANGS, date_words
from adminduk._core.cache import OwnedCache
from adminduk._core.redact import is_text
from adminduk._core.validation import trusted
from adminduk.advice._values import AdviceReason, Citation
from adminduk.advice._wording import service_name, text
from adminduk.documents import Service
from adminduk.offices import OfficeConfig, Policy
from adminduk.offices._types import source_parts

__all__ = ["Bilingual", "Reasons", "both", "date_pair", "period", "service_pair"]

_ReasonKey = tuple[str, str, str, tuple[tuple[str, str | tuple[str, str]], ...]]
# Owned by the office: bounded per office, dropped with it, safe under threads.
_REASONS: Final[OwnedCache[_ReasonKey, AdviceReason]] = OwnedCache(per_owner=8192)

Bilingual = tuple[str, str]
"""A template field in Indonesian and English; a plain ``str`` serves both languages."""


# The fields each value sets, as the validated constructor call would record them (a set is
# shared safely: see trusted()).
_REASON_FIELDS: Final = set(AdviceReason.model_fields)
_CITATION_FIELDS: Final = set(Citation.model_fields)
_FREE_CITATION_FIELDS: Final = {"key", "title"}


class Reasons:
    """The reasons of one answer, each worded in both languages and citing its source."""

    def __init__(self, office: OfficeConfig) -> None:
        self.office = office
        self.items: list[AdviceReason] = []

    def add(
        self,
        rule_id: str,
        key: str,
        source: str,
        fields: Mapping[str, str | Bilingual] | None = None,
    ) -> None:
        """Add the reason ``rule_id``, worded by the template ``key`` and citing ``source``."""
        self.items.append(self.word(rule_id, key, source, fields))

    def word(
        self,
        rule_id: str,
        key: str,
        source: str,
        fields: Mapping[str, str | Bilingual] | None = None,
    ) -> AdviceReason:
        """The reason :meth:`add` would add, without adding it."""
        given = fields or {}
        # The same reason recurs on most answers (the default hours, the fee): worded once per
        # office, then reused; a reason is a frozen value.
        cache_key = (rule_id, key, source, tuple(sorted(given.items())))
        hit = _REASONS.get(self.office, cache_key)
        if hit is not None:
            return hit

        def pick(index: int) -> dict[str, str]:
            return {k: v if is_text(v) else v[index] for k, v in given.items()}

        cited = self.office.describe_sources(source)
        # Built from values already of the fields' types (texts, a validated office's
        # sources), so without validation: a first answer builds no validator for it.
        # tests/advice/test_reasons_trusted.py holds each equal to its validated copy.
        reason = trusted(
            AdviceReason,
            {
                "rule_id": rule_id,
                "text_id": text(key, "id", **pick(0)),
                "text_en": text(key, "en", **pick(1)),
                "source": source,
                "source_text": "; ".join(cited),
                "cited": cited,
                "citations": tuple(self.citation(part) for part in source_parts(source)),
            },
            _REASON_FIELDS,
        )
        return _REASONS.put(self.office, cache_key, reason)

    def citation(self, part: str) -> Citation:
        """The source ``part`` as a reader sees it: title, publisher, date."""
        info = self.office.source_info(part)
        if info is None:  # a free reference (a bare regulation and article) is its own title
            fields = {"key": part, "title": part, "publisher": None, "published": None}
            free = {**fields, "url": None, "third_party_copy": False}
            return trusted(Citation, free, _FREE_CITATION_FIELDS)
        return trusted(  # a validated source's values: see the note in word()
            Citation,
            {
                "key": part,
                "title": info.title,
                "publisher": info.publisher,
                "published": info.published,
                "url": info.url,
                "third_party_copy": info.third_party_copy,
            },
            _CITATION_FIELDS,
        )


def both(key: str, **fields: str | int) -> Bilingual:
    """A template of the reply's wording, in both languages."""
    return text(key, "id", **fields), text(key, "en", **fields)


def date_pair(day: dt.date) -> Bilingual:
    """A date written out in both languages."""
    return date_words(day, "id"), date_words(day, "en")


def service_pair(service: Service) -> Bilingual:
    """A service's name in both languages."""
    return service_name(service, "id"), service_name(service, "en")


def _dated(key: str, **days: dt.date) -> Bilingual:
    """A template whose fields are dates, each written out in the template's language."""
    id_text, en_text = (
        text(key, lang, **{name: date_words(day, lang) for name, day in days.items()})
        for lang in LANGS
    )
    return id_text, en_text


def period(policy: Policy) -> Bilingual:
    """A policy's period, from its first day (to its last, where a source dates it)."""
    start = policy.valid_from or dt.date.min
    # A pandemic measure's last day is only its latest possible end: no source dates it.
    if policy.valid_until is None or policy.ended_with_pandemic:
        return _dated("period.open-ended", start=start)
    return _dated("period.bounded", start=start, end=policy.valid_until)
