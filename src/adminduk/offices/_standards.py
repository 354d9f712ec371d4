"""Service standards (*Standar Pelayanan*) as data: time, fee, where to complain.

Every Dinas Dukcapil must publish a standard per service (the public-service law): its
requirements, procedure, completion time (*jangka waktu penyelesaian*), fee, product and how
complaints are handled. An office file lists the standards it has read under ``[[standards]]``,
one entry per published document, each dated like every other office fact, so a 2017 standard
and the 2022 one that replaced it coexist and an answer for 2018 uses the older one.

A completion time is kept twice: as the standard words it (``text_id``) and as a typed upper
bound (``amount`` and ``unit``), which :meth:`Completion.due` counts in the office's calendar.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, ValidationInfo, field_validator, model_validator

from adminduk._core.arguments import english
from adminduk.offices._base import OfficeModel
from adminduk.offices._types import (
    Count,
    Flag,
    Scope,
    ServicePatterns,
    Slug,
    SourceRef,
    Text,
)

if TYPE_CHECKING:
    from adminduk.schedule import OfficeCalendar

__all__ = [
    "Complaint",
    "ComplaintKind",
    "Completion",
    "CompletionUnit",
    "CountedFrom",
    "Fee",
    "StandardChannel",
    "StandardDocument",
    "StandardEntry",
]


class CompletionUnit(StrEnum):
    """The unit a standard states its completion time in, and how it is counted.

    ``menit`` and ``jam-kerja`` count opening time of the office's calendar; ``hari-kerja``
    counts the office's working days; ``jam`` and ``hari`` count elapsed time, as written
    ("1x24 jam", "3 Hari"): a standard that says "hari" without "kerja" is not read as
    working days.

    Examples:
        >>> CompletionUnit("hari-kerja") is CompletionUnit.WORKING_DAYS
        True
    """

    MINUTES = "menit"
    HOURS = "jam"
    WORKING_HOURS = "jam-kerja"
    DAYS = "hari"
    WORKING_DAYS = "hari-kerja"


class CountedFrom(StrEnum):
    """When a standard's completion time starts to run.

    ``berkas-lengkap``: from when the files are found complete ("sejak berkas dinyatakan
    lengkap"); in a request's life, the ``approve`` event. ``permohonan-diterima``: from when
    the application is received; in a request's life, its submission (and again from each
    ``resubmit`` after files were sent back).

    Examples:
        >>> CountedFrom("berkas-lengkap").value
        'berkas-lengkap'
    """

    FILES_COMPLETE = "berkas-lengkap"
    RECEIPT = "permohonan-diterima"


class ComplaintKind(StrEnum):
    """A way to complain that a standard names.

    Examples:
        >>> ComplaintKind("sp4n-lapor").name
        'SP4N_LAPOR'
    """

    PHONE = "telepon"
    WHATSAPP = "whatsapp"
    SMS = "sms"
    EMAIL = "surel"
    SP4N_LAPOR = "sp4n-lapor"
    IN_PERSON = "tatap-muka"
    BOX = "kotak-saran"
    LETTER = "tertulis"
    WEBSITE = "situs"
    SOCIAL_MEDIA = "media-sosial"
    RADIO = "radio"


class StandardChannel(StrEnum):
    """Which way of applying a standard's entry is for, where the standard tells them apart.

    Examples:
        >>> [c.value for c in StandardChannel]
        ['luring', 'daring']
    """

    COUNTER = "luring"
    ONLINE = "daring"


_UNIT_TEXT: dict[CompletionUnit, tuple[str, str]] = {
    CompletionUnit.MINUTES: ("menit", "minutes"),
    CompletionUnit.HOURS: ("jam", "hours"),
    CompletionUnit.WORKING_HOURS: ("jam kerja", "working hours"),
    CompletionUnit.DAYS: ("hari", "days"),
    CompletionUnit.WORKING_DAYS: ("hari kerja", "working days"),
}


class Completion(OfficeModel):
    """A completion time: as the standard words it, and as a typed upper bound.

    Attributes:
        text_id: the completion time as the standard writes it (typos kept).
        amount: the upper bound, in ``unit``; of a range ("1 – 3 Hari Kerja") the top.
        unit: how ``amount`` is counted (:class:`CompletionUnit`).
        counted_from: when the time starts, where the standard says (:class:`CountedFrom`).
        counted_from_id: that start as the standard words it.
        counted_from_en: that start in English, where it is an event of its own (neither the
            files found complete nor the application received), so an English reply can name it.
        conditions_id: conditions the standard attaches ("Kepala Dinas ada di tempat").
        note: how the typed values were read from ``text_id`` ([I] where it is a reading).

    Examples:
        >>> c = Completion(text_id="Maksimal 2 (dua) hari kerja.", amount=2, unit="hari-kerja")
        >>> c.at_most, c.unit.value
        (datetime.timedelta(days=2), 'hari-kerja')
        >>> c.text("en")
        'at most 2 working days'
    """

    text_id: Text
    amount: Count = Field(ge=1, le=10_000)
    unit: CompletionUnit
    counted_from: CountedFrom | None = None
    counted_from_id: Text | None = None
    counted_from_en: Text | None = None
    conditions_id: tuple[Text, ...] = ()
    note: Text | None = None

    @property
    def at_most(self) -> dt.timedelta:
        """The upper bound as a ``timedelta`` (a day is 24 hours; see ``unit`` for counting)."""
        if self.unit is CompletionUnit.MINUTES:
            return dt.timedelta(minutes=self.amount)
        if self.unit in (CompletionUnit.HOURS, CompletionUnit.WORKING_HOURS):
            return dt.timedelta(hours=self.amount)
        return dt.timedelta(days=self.amount)

    def amount_text(self, lang: str = "id") -> str:
        """The bound's amount and unit in words, in Indonesian (``id``) or English (``en``).

        Examples:
            >>> Completion(text_id="1 hari kerja", amount=1, unit="hari-kerja").amount_text("en")
            '1 working day'
        """
        words = _UNIT_TEXT[self.unit]
        if english(lang):
            unit = words[1][:-1] if self.amount == 1 else words[1]
            return f"{self.amount} {unit}"
        return f"{self.amount} {words[0]}"

    def text(self, lang: str = "id") -> str:
        """The typed bound in words, in Indonesian (``id``) or English (``en``).

        Examples:
            >>> Completion(text_id="30 (tigapuluh) Menit", amount=30, unit="menit").text()
            'paling lama 30 menit'
        """
        if english(lang):
            return f"at most {self.amount_text('en')}"
        return f"paling lama {self.amount_text('id')}"

    def due(self, calendar: "OfficeCalendar", start: dt.datetime) -> dt.datetime:
        """The instant the time runs out, counted from ``start`` in the office's calendar.

        Working days end at the close of the ``amount``-th working day after ``start``'s date
        (that date never counts, as :meth:`OfficeCalendar.add_working_days` reads it); minutes
        and working hours count opening time; ``jam`` and ``hari`` count elapsed time.

        Raises:
            OutOfRange: ``calendar`` is not an ``OfficeCalendar``, ``start`` not a datetime,
                or it or the result is outside the calendar's years.

        Examples:
            >>> from adminduk import get_office
            >>> cal = get_office("35.13").calendar()
            >>> c = Completion(text_id="1 hari kerja", amount=1, unit="hari-kerja")
            >>> c.due(cal, dt.datetime(2024, 8, 16, 10)).isoformat()  # Friday; 17 Aug is Sat
            '2024-08-19T16:00:00+07:00'
        """
        from adminduk._core import arguments
        from adminduk.schedule import OfficeCalendar

        calendar = arguments.instance("calendar", calendar, OfficeCalendar, "an OfficeCalendar")
        start = arguments.instant("start", start, calendar.zone)
        if self.unit is CompletionUnit.WORKING_DAYS:
            opening = calendar.add_working_days(start, self.amount)
            midnight = dt.datetime.combine(opening.date() + dt.timedelta(days=1), dt.time())
            # The day's last close, after any midday break: the whole day is the office's.
            return calendar.opening_intervals(opening, midnight)[-1].closes
        if self.unit in (CompletionUnit.MINUTES, CompletionUnit.WORKING_HOURS):
            return calendar.add_working_time(start, self.at_most)
        begin = calendar.add_working_time(start, dt.timedelta(0))
        return begin + self.at_most


class Fee(OfficeModel):
    """What a service costs, as the standard words it, with the legal basis it gives.

    Examples:
        >>> Fee(amount_idr=0, text_id="GRATIS").is_free
        True
    """

    amount_idr: Count = Field(ge=0)
    text_id: Text
    text_en: Text | None = None
    basis: Text | None = None
    source: SourceRef | None = None
    note: Text | None = None

    @property
    def is_free(self) -> bool:
        """Whether the service costs nothing."""
        return self.amount_idr == 0

    def text(self, lang: str = "id") -> str:
        """The fee in words, in Indonesian (``id``) or English (``en``).

        Examples:
            >>> Fee(amount_idr=0, text_id="Rp. 0,- (GRATIS)").text("en")
            'free of charge'
        """
        if self.is_free:
            return "free of charge" if english(lang) else "gratis"
        return f"Rp{self.amount_idr:,}".replace(",", ".")


class Complaint(OfficeModel):
    """A way to complain that a standard names: phone, WhatsApp, e-mail, SP4N-LAPOR!, in person.

    ``address`` is kept as the standard prints it, except that a WhatsApp number is kept in
    E.164 with the printed spelling in ``published_as``.

    Examples:
        >>> c = Complaint(kind="whatsapp", address="(+62) 812-5012-1174", source="S")
        >>> c.address, c.published_as
        ('+6281250121174', '(+62) 812-5012-1174')
        >>> c.text("en")
        'WhatsApp +6281250121174'
        >>> radio = Complaint(kind="radio", label_id="Radio Suara Kota",
        ...                   label_en="Radio Suara Kota", source="S")
        >>> radio.text("id"), radio.text("en")
        ('Radio Suara Kota', 'Radio Suara Kota')
    """

    kind: ComplaintKind
    address: Text | None = None
    published_as: Text | None = None
    label_id: Text | None = None
    label_en: Text | None = None
    source: SourceRef | None = None
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _keep_published_spelling(cls, data: Any) -> Any:
        from adminduk.offices._channels import keep_published_spelling

        return keep_published_spelling(data, ComplaintKind.WHATSAPP.value)

    @field_validator("address")
    @classmethod
    def _normalised(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and info.data.get("kind") is ComplaintKind.WHATSAPP:
            from adminduk.identity import normalize_whatsapp

            return normalize_whatsapp(value)
        return value

    def text(self, lang: str = "id") -> str:
        """The channel in words, in Indonesian (``id``) or English (``en``)."""
        in_english = english(lang)
        label = self.label_en if in_english else self.label_id
        name = label or _COMPLAINT_NAMES[self.kind][1 if in_english else 0]
        return f"{name} {self.address}" if self.address else name


_COMPLAINT_NAMES: dict[ComplaintKind, tuple[str, str]] = {
    ComplaintKind.PHONE: ("telepon", "phone"),
    ComplaintKind.WHATSAPP: ("WhatsApp", "WhatsApp"),
    ComplaintKind.SMS: ("SMS", "SMS"),
    ComplaintKind.EMAIL: ("surel", "e-mail"),
    ComplaintKind.SP4N_LAPOR: ("SP4N-LAPOR!", "SP4N-LAPOR!"),
    ComplaintKind.IN_PERSON: ("tatap muka di kantor", "in person at the office"),
    ComplaintKind.BOX: ("kotak saran", "suggestion box"),
    ComplaintKind.LETTER: ("surat tertulis", "in writing"),
    ComplaintKind.WEBSITE: ("situs web", "website"),
    ComplaintKind.SOCIAL_MEDIA: ("media sosial", "social media"),
    ComplaintKind.RADIO: ("radio", "radio"),
}


class StandardEntry(OfficeModel):
    """One service in a published standard (per channel where the standard tells them apart).

    ``completion`` is ``None`` with ``completion_unknown_reason`` where the standard's time
    could not be read; ``fee`` and ``complaints`` default to the document's own.

    Examples:
        >>> e = StandardEntry(services=["kia/*"], completion={"text_id": "3 Hari", "amount": 3,
        ...                   "unit": "hari"}, source="S")
        >>> e.completion.at_most.days
        3
    """

    services: ServicePatterns
    channel: StandardChannel | None = None
    completion: Completion | None = None
    completion_unknown_reason: Text | None = None
    fee: Fee | None = None
    procedure: tuple[Text, ...] = ()
    product_id: Text | None = None
    complaints: tuple[Complaint, ...] = ()
    source: SourceRef
    note: Text | None = None

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.STANDARD_ENTRY,)


class StandardDocument(OfficeModel):
    """A published standard: its number, date and validity, and one entry per service.

    ``third_party_copy`` is ``True`` when the document was read only in a copy on another
    site (a document-sharing site, not the office's own); ``valid_from`` and ``valid_until``
    say when it holds (``notes_on_dates`` explains a date that is a reading, marked [I]).

    Examples:
        >>> doc = StandardDocument(id="sp-2022", title_id="Standar Pelayanan", source="S",
        ...     valid_from="2022-09-09", services=[{"services": ["kia/*"], "source": "S",
        ...     "completion_unknown_reason": "not read"}])
        >>> doc.holds_on(dt.date(2022, 9, 8)), doc.holds_on(dt.date(2030, 1, 1))
        (False, True)
    """

    id: Slug
    title_id: Text
    number: Text | None = None
    issued: dt.date | None = None
    valid_from: dt.date
    valid_until: dt.date | None = None
    notes_on_dates: Text | None = None
    third_party_copy: Flag = False
    fee: Fee | None = None
    complaints: tuple[Complaint, ...] = ()
    services: tuple[StandardEntry, ...] = ()
    source: SourceRef
    note: Text | None = None

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.STANDARD,)

    def holds_on(self, day: dt.date) -> bool:
        """Whether the standard is in force on ``day`` (a datetime counts by its own date).

        Raises:
            OutOfRange: ``day`` is not a date.
        """
        from adminduk._core import arguments

        when = arguments.day("day", day)
        return self.valid_from <= when and (self.valid_until is None or when <= self.valid_until)
