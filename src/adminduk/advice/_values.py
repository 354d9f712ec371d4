"""The values an answer is made of: a citation, a reason, and the fields of an answer.

Kept apart from :class:`~adminduk.advice.Advice` itself so the renderer can read an answer's
fields without importing the class whose method calls it: no import circle.
"""

from __future__ import annotations

import datetime as dt

from adminduk import _advice_text as shared
from adminduk._advice_text import Lang, date_words, language
from adminduk._core.validation import ConfigErrorModel, frozen_config
from adminduk.documents import Requirement, Service
from adminduk.offices import ORDINARY_SOURCE, Channel, Fulfilment
from adminduk.triage import Certainty, Outcome

__all__ = ["AdviceFields", "AdviceReason", "Citation"]


class Citation(ConfigErrorModel):
    """One source an answer cites, as a reader sees it: title, publisher and date.

    Attributes:
        key: the key the office file or the national data gives it (``A3``,
            ``DIRJEN-2978-2020``), or the reference itself where it has no key.
        title: the source's title, as published.
        publisher: who published it, where known.
        published: its date, where known.
        url: where to read it, where known.
        third_party_copy: read only in a copy on another site, not the publisher's own: a
            reply says so beside it.

    Examples:
        >>> import datetime as dt
        >>> cited = Citation(key="A3", title="Dispendukcapil Alihkan Pelayanan",
        ...                  publisher="Harian Bhirawa", published=dt.date(2020, 3, 20))
        >>> cited.text("id")
        'Dispendukcapil Alihkan Pelayanan (Harian Bhirawa, 20 Maret 2020)'
        >>> cited.text("en")
        'Dispendukcapil Alihkan Pelayanan (Harian Bhirawa, 20 March 2020)'
        >>> copy = Citation(key="SP", title="SP 2022", publisher="Scribd", third_party_copy=True)
        >>> copy.text("id"), copy.text("en")
        ('SP 2022 (Scribd, salinan pihak ketiga)', 'SP 2022 (Scribd, third-party copy)')
    """

    model_config = frozen_config()

    key: str
    title: str
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    third_party_copy: bool = False

    def text(self, lang: str = "id") -> str:
        """The citation in a reply's language: never the internal key.

        adminduk's own default for ordinary rules no source describes is worded in ``lang``;
        a title stays as published.
        """
        return self._worded(language(lang))

    def _worded(self, lang: Lang) -> str:
        """:meth:`text` in a language already chosen (the renderer's, checked once)."""
        if self.key == ORDINARY_SOURCE:
            return shared.text("source.ordinary", lang)  # the offices' default, shared
        extra = [part for part in (self.publisher,) if part]
        if self.published is not None:
            extra.append(date_words(self.published, lang))
        if self.third_party_copy:
            extra.append(shared.text("source.third-party-copy", lang))
        return f"{self.title} ({', '.join(extra)})" if extra else self.title


class AdviceReason(ConfigErrorModel):
    """One reason behind an advice: the rule that gave it, its text, and its source.

    Attributes:
        rule_id: the triage rule (``online``, ``counter-only`` …) or context item
            (``policy``, ``default-hours``, ``fulfilment`` …) that produced it.
        text_id: the reason in Indonesian.
        text_en: the reason in English.
        source: the source reference as the office file or catalogue gives it (e.g. ``A1``).
        source_text: the same source spelled out for a reader.
        cited: each source it cites, spelled out with its key, one entry per source (a title
            is never split).
        citations: the same sources as a reader sees them (title, publisher, date).

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("35.04", "kk/perubahan", at=datetime(2020, 3, 20, 9))
        >>> advice.reasons[0].rule_id, advice.reasons[0].source
        ('online', 'A3')
    """

    model_config = frozen_config()

    rule_id: str
    text_id: str
    text_en: str
    source: str
    source_text: str
    cited: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    def text(self, lang: str = "id") -> str:
        """The reason in Indonesian (``id``) or English (``en``); any BCP 47 tag of either."""
        return self._worded(language(lang))

    def _worded(self, lang: Lang) -> str:
        """:meth:`text` in a language already chosen (the renderer's, checked once)."""
        return self.text_en if lang == "en" else self.text_id


class AdviceFields(ConfigErrorModel):
    """The fields of an :class:`~adminduk.advice.Advice`, which documents each of them.

    What the renderer reads; :class:`~adminduk.advice.Advice` adds the reply itself.
    """

    model_config = frozen_config()

    office_code: str
    office_name: str
    timezone: str
    service: Service
    at: dt.datetime
    policy_id: str
    outcome: Outcome
    rule_id: str
    channels: tuple[Channel, ...]
    requirements: tuple[Requirement, ...]
    requirements_note: str | None
    in_person_allowed: bool
    office_open: bool
    next_opening: dt.datetime | None
    open_until: dt.datetime | None = None
    reopens_at: dt.datetime | None = None
    ready_by: dt.datetime | None
    fulfilment: Fulfilment | None
    hours_are_default: bool
    provisional: bool
    confirmed_on: dt.date | None
    measure_confirmed_on: dt.date | None = None
    certainty: Certainty
    stale: bool
    reasons: tuple[AdviceReason, ...]
