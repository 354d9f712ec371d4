"""What an office file states beside its rules: notes, and the urgent needs it names.

Below :mod:`adminduk.offices._sources` (the provenance and the national facts' mappings) and
:mod:`adminduk.offices._national_facts` (the facts themselves), which both build on them.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
from adminduk._core.arguments import english
from adminduk._core.validation import ConfigErrorModel, frozen_config
from adminduk.offices._types import Slug, SourceRef, Text

__all__ = ["Note", "UrgencyReasonInfo"]


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
        >>> from adminduk.offices import BUILTIN_URGENCY_REASONS
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
