"""Provenance: the sources office files cite, and the national facts every office shares.

An office file names its own sources in a ``[sources]`` table. A few facts hold for every office
and are kept here once, each with its source:

* the urgent needs of the national instruction of 16 March 2020
  (:data:`BUILTIN_URGENCY_REASONS`);
* the end of the national Covid-19 pandemic status (:data:`PANDEMIC_END`), which ends every
  office measure adopted because of the pandemic.

Their sources are in :data:`NATIONAL_SOURCES`, keyed like a file's ``[sources]``; an answer that
rests on one of them cites its key, and the key is spelled out like a file's own.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from pydantic import field_validator

from adminduk._arguments import english
from adminduk._validation import ConfigErrorModel, frozen_config, unchecked
from adminduk.offices._types import Slug, SourceRef, Text

__all__ = [
    "BUILTIN_URGENCY_REASONS",
    "NATIONAL_SOURCES",
    "PANDEMIC_END",
    "URL_PATTERN",
    "NationalEvent",
    "Note",
    "SourceInfo",
    "UrgencyReasonInfo",
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


# The constants below are built without validation (building the validators at import would
# cost a first get_office ~2 ms); tests/test_precomputed.py holds each equal to its
# validated copy.
NATIONAL_SOURCES: Final[Mapping[str, SourceInfo]] = MappingProxyType(
    {
        "DIRJEN-2978-2020": unchecked(
            SourceInfo,
            title="Surat Dirjen Dukcapil No. 443.1/2978/Dukcapil",
            publisher="Ditjen Dukcapil Kemendagri",
            published=dt.date(2020, 3, 16),
            note="Its text was not read; known through national news reports (Kompas 8 April "
            "2020, Republika, Liputan6), as the project's fact sheet records them (domain-facts "
            "§2.6): prefer online service; urgent needs (BPJS, hospital, TNI/Polri enrolment, "
            "school) may still be served; non-urgent residents are asked to postpone. School "
            "enrolment appears in fewer reports than the other three.",
        ),
        "DIRJEN-2978-2020-EXTENSION": unchecked(
            SourceInfo,
            title="Dukcapil memperpanjang penundaan perekaman KTP-el sampai pandemi berakhir",
            publisher="Kompas.com",
            published=dt.date(2020, 4, 8),
            url="https://nasional.kompas.com/read/2020/04/08/19244571",
            note="The title is a description: the article's own title was not recorded. Known "
            "through the project's fact sheet (domain-facts §2.6, sources KOMPAS1 and REPUB3): "
            "on 8 April 2020 the Dirjen extended the postponement of letter "
            "443.1/2978/Dukcapil 'until the pandemic ends', and everything in PSBB areas was "
            "to be online. The newest source that says the national instruction still held.",
        ),
        "KEPPRES-17-2023": unchecked(
            SourceInfo,
            title="Keppres 17/2023 tentang Penetapan Berakhirnya Status Pandemi COVID-19 di "
            "Indonesia",
            publisher="Presiden Republik Indonesia",
            published=dt.date(2023, 6, 22),
            url="https://setkab.go.id/en/govt-issues-presidential-decree-on-end-of-covid-19-pandemic-status",
            note="Keputusan Presiden Nomor 17 Tahun 2023 tentang Penetapan Berakhirnya Status "
            "Pandemi Corona Virus Disease 2019 (COVID-19) di Indonesia; the title is cited in "
            "its usual short form. Signed 22 June 2023, in force 21 June 2023 ('mulai berlaku "
            "pada tanggal 21 Juni 2023'). Ends the Covid-19 pandemic status and revokes "
            "Keppres 11/2020, 12/2020 and 24/2021. Checked against the Cabinet Secretariat's "
            "report of 29 June 2023 and several national news copies of the decree's text "
            "(domain-facts §11.1).",
        ),
    }
)
"""Sources of the facts every office shares, keyed like an office file's ``[sources]``."""


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
        >>> PANDEMIC_END.effective, PANDEMIC_END.last_day_before
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


PANDEMIC_END: Final = NationalEvent(
    code="akhir-pandemi-covid-19",
    name_id="berakhirnya status pandemi Covid-19 (Keppres 17/2023, berlaku 21 Juni 2023)",
    name_en="the end of the Covid-19 pandemic status (Keppres 17/2023, in force 21 June 2023)",
    effective=dt.date(2023, 6, 21),
    source="KEPPRES-17-2023",
    short_id="Keppres 17/2023",
    short_en="Keppres 17/2023",
)
"""The end of the national pandemic status: an office's pandemic measure ends by then."""

BUILTIN_URGENCY_REASONS: Final[Mapping[str, UrgencyReasonInfo]] = MappingProxyType(
    {
        reason.code: reason
        for reason in (
            unchecked(
                UrgencyReasonInfo,
                code="bpjs",
                name_id="Urusan BPJS Kesehatan",
                name_en="BPJS health insurance",
                source="DIRJEN-2978-2020",
            ),
            unchecked(
                UrgencyReasonInfo,
                code="rumah-sakit",
                name_id="Pasien di rumah sakit",
                name_en="A patient in hospital",
                source="DIRJEN-2978-2020",
            ),
            unchecked(
                UrgencyReasonInfo,
                code="tni-polri",
                name_id="Pendaftaran TNI/Polri",
                name_en="TNI/Polri recruitment",
                source="DIRJEN-2978-2020",
            ),
            unchecked(
                UrgencyReasonInfo,
                code="sekolah",
                name_id="Pendaftaran sekolah",
                name_en="School enrolment",
                source="DIRJEN-2978-2020",
            ),
        )
    }
)
"""The urgency reasons every office file may name without defining them."""
