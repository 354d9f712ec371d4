"""What an answer takes from the office's published service standard: ready_by and three lines.

Kept apart from the answer's composition (``_advise.py``), which calls it once: the office's own
standard for the service (never the national rule alone, which every answer would repeat) gives
the latest day the document is done if the files are complete now, counted in the office's
calendar, and the reasons that state the completion time, where to complain and the fee.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from adminduk._advice_text import LANGS, date_words
from adminduk._core.cache import OwnedCache
from adminduk.advice._reasons import Reasons
from adminduk.advice._render import channel_where
from adminduk.advice._values import AdviceReason, Citation
from adminduk.advice._wording import text
from adminduk.documents import Service, catalogue
from adminduk.errors import OutOfRange
from adminduk.offices import Channel, ChannelKind, OfficeConfig
from adminduk.offices._service_standard import (
    ServiceStandard,
    national_standards,
    service_standard,
)
from adminduk.offices._standards import (
    Complaint,
    ComplaintKind,
    Completion,
    CompletionUnit,
    CountedFrom,
)
from adminduk.offices._types import source_parts
from adminduk.schedule import OfficeCalendar

__all__ = ["from_standard", "office_number", "reachable_from_home"]


def from_standard(
    office: OfficeConfig,
    service: Service,
    moment: dt.datetime,
    start: dt.datetime | None,
    calendar: OfficeCalendar,
    channels: tuple[Channel, ...],
) -> tuple[dt.datetime | None, tuple[AdviceReason, ...]]:
    """The ready-by instant and the reasons the office's own standard gives, if it has one.

    ``moment`` is the answer's instant; ``start`` is when the files could be found complete
    (the next opening), ``None`` when the answer gives no route, and then there is no ready-by;
    ``channels`` choose the counter or online entry of the standard.

    Examples:
        >>> import adminduk
        >>> office = adminduk.get_office("64.74")
        >>> start = dt.datetime(2024, 5, 8, 10, tzinfo=office.zone)
        >>> when, reasons = from_standard(office, adminduk.Service.parse("kk/baru"),
        ...                               start, start, office.calendar(), ())
        >>> when.date(), [r.rule_id for r in reasons]
        (datetime.date(2024, 5, 15), ['standard-completion', 'standard-complaints'])
    """
    if not office.standards:
        return None, ()  # no standard of its own: the national rule alone adds nothing here
    found = _own_standard(office, service, moment.date(), channels[0] if channels else None)
    standard = found.standard
    if standard is None:
        return None, ()
    completion = standard.completion
    ready_by = None
    if completion is not None and start is not None and _starts_elsewhere(completion):
        # Its time runs from an event the answer cannot date: said, with no ready-by.
        return None, (_completion(office, standard, moment.date()), *found.reasons)
    if completion is not None and start is not None:
        try:
            ready_by = completion.due(calendar, start)
            if completion.unit in _ELAPSED:
                # "2 Hari" may run out on a Sunday: the document is collected at the next
                # opening. (A request's clock keeps the elapsed instant: lifecycle.)
                ready_by = calendar.next_opening(ready_by)
        except OutOfRange:
            ready_by = None  # the calendar ends before the time runs out
    if ready_by is None:
        return None, found.reasons
    return ready_by, (_completion(office, standard, ready_by.date()), *found.reasons)


_ELAPSED: Final = frozenset({CompletionUnit.HOURS, CompletionUnit.DAYS})


def _stated_start(completion: Completion, lang: str) -> str:
    """The start a standard names, in ``lang``; in English its words quoted where none is given."""
    if lang == "id":
        return completion.counted_from_id or ""
    if completion.counted_from_en is not None:
        return completion.counted_from_en
    return f'from the event the service standard names ("{completion.counted_from_id}")'


def _starts_elsewhere(completion: Completion) -> bool:
    """Whether the standard starts its time at an event other than the files or the application."""
    return completion.counted_from is None and completion.counted_from_id is not None


@dataclass(frozen=True, slots=True)
class _Own:
    """The office's own standard for a service on a day, and its reasons but the completion.

    ``standard`` is ``None`` where the office has none for the service that day.
    """

    standard: ServiceStandard | None
    reasons: tuple[AdviceReason, ...]


_OwnKey = tuple[str, dt.date, str]
# Owned by the office; the standard in force changes with the day, so the day is the key.
_OWN: Final[OwnedCache[_OwnKey, _Own]] = OwnedCache(per_owner=65_536)
_NONE: Final = _Own(None, ())
_COMPLETIONS: Final[OwnedCache[tuple[str, dt.date], AdviceReason]] = OwnedCache(per_owner=8192)
# The office's number on a day (or None), looked up across its standards once per day.
_NUMBERS: Final[OwnedCache[tuple[dt.date, bool], tuple[AdviceReason | None]]] = OwnedCache(
    per_owner=8192
)


def _own_standard(
    office: OfficeConfig, service: Service, day: dt.date, channel: Channel | None
) -> _Own:
    """The office's own standard for ``service`` on ``day``, looked up once per day."""
    key = (service.code, day, channel.kind.value if channel is not None else "")
    hit = _OWN.get(office, key)
    if hit is not None:
        return hit
    standard = service_standard(office, service, at=day, channel=channel)
    if standard is None or standard.source.national:
        return _OWN.put(office, key, _NONE)
    return _OWN.put(office, key, _Own(standard, _other_reasons(office, standard)))


def _completion(office: OfficeConfig, standard: ServiceStandard, day: dt.date) -> AdviceReason:
    """The reason that states the completion time, and the day it runs out."""
    key = (f"{standard.source.standard_id}:{standard.service.code}:{standard.channel}", day)
    hit = _COMPLETIONS.get(office, key)
    if hit is not None:
        return hit
    completion = standard.completion
    assert completion is not None  # asked only where the standard states one
    counted = (completion.counted_from or CountedFrom.FILES_COMPLETE).value
    fields: dict[str, dict[str, str]] = {
        lang: {
            "amount": completion.amount_text(lang),
            "start": text(f"standard.start.{counted}", lang),
            "start_short": text(f"standard.start-short.{counted}", lang),
            "published": _quoted(completion.text_id),
            "when": date_words(day, lang),
            "stated": _stated_start(completion, lang),
        }
        for lang in LANGS
    }
    # A standard that does not say when its time starts is not made to say "sejak berkas lengkap";
    # one that starts it at another event is not given a day counted from complete files.
    if completion.counted_from is not None:
        template = "standard.completion"
    elif _starts_elsewhere(completion):
        template = "standard.completion-start-other"
    else:
        template = "standard.completion-start-unstated"
    reason = _reason("standard-completion", template, standard, fields)
    return _COMPLETIONS.put(office, key, reason)


def _other_reasons(office: OfficeConfig, standard: ServiceStandard) -> tuple[AdviceReason, ...]:
    """Where to complain, and a fee of the standard's own: the same every day it holds."""
    reasons = []
    fields: dict[str, dict[str, str]]
    if standard.complaints:
        lines, borrowed = _complaint_lines(standard)
        fields = {lang: {"channels": "; ".join(c.text(lang) for c in lines)} for lang in LANGS}
        reason = _reason("standard-complaints", "standard.complaints", standard, fields)
        if "complaints" in standard.source.national_parts:
            reason = _cited_nationally(office, reason, standard.complaints)
        elif borrowed:
            reason = _cited_nationally(office, reason, borrowed, beside_own=True)
        reasons.append(reason)
    # A free service is said once in every answer already (the national fee rule, "Gratis");
    # only a standard that names a cost of its own adds a line.
    if standard.fee is not None and not standard.fee.is_free:
        fee = standard.fee
        fields = {
            lang: {"fee": fee.text(lang) + (f" ({fee.basis})" if fee.basis else "")}
            for lang in LANGS
        }
        reasons.append(_reason("standard-fee", "standard.fee", standard, fields))
    return tuple(reasons)


def _complaint_lines(standard: ServiceStandard) -> tuple[list[Complaint], tuple[Complaint, ...]]:
    """The standard's complaint lines, and the national lines that lent an address to them.

    A standard that names SP4N-LAPOR! without its address ("aplikasi LAPOR!") gets the national
    one, so a reader learns where it is; the national line is then cited beside the standard.
    """
    national = next(
        (
            c
            for s in national_standards().standards
            for c in s.complaints
            if c.kind is ComplaintKind.SP4N_LAPOR and c.address
        ),
        None,
    )
    lines: list[Complaint] = []
    lent = False
    for line in standard.complaints:
        if line.kind is ComplaintKind.SP4N_LAPOR and not line.address and national is not None:
            line, lent = line.model_copy(update={"address": national.address}), True
        lines.append(line)
    # A chat shows the first lines only: those a citizen can reach from home come first.
    lines.sort(key=_reach)
    if lines and _reach(lines[0]) == 2 and national is not None:
        # Not one line with an address (Kudus's SKPWNI: a box, "social media", "the website"):
        # the national standard's SP4N-LAPOR!, which takes every office's complaints, first.
        lines.insert(0, national)
        lent = True
    return lines, (national,) if lent and national is not None else ()


def reachable_from_home(
    office: OfficeConfig, service: Service, day: dt.date, channels: tuple[Channel, ...]
) -> bool:
    """Whether the office has a number for ``service`` a citizen can ask it by, from home.

    A WhatsApp line of the day's ``channels`` that takes the service, with its number (a
    person without WhatsApp is told to ask someone who has it), or a line of the office's own
    standard for ``service`` that answers (phone, WhatsApp, SMS, e-mail), which the reply
    lists. A line for other services is not this matter's; a portal or an app is no number to
    ask by; the national complaint system (SP4N-LAPOR!) is a complaint, not a way to ask.

    Examples:
        >>> import adminduk
        >>> office = adminduk.get_office("64.02")
        >>> day = dt.date(2024, 6, 3)
        >>> reachable_from_home(office, adminduk.Service.parse("kk/baru"), day, ())
        True
        >>> aru = adminduk.get_office("81.07")
        >>> reachable_from_home(aru, adminduk.Service.parse("akta-kelahiran/baru"), day, ())
        False
    """
    if any(
        channel.kind is ChannelKind.WHATSAPP and channel.address and channel.takes(service)
        for channel in channels
    ):
        return True
    if not office.standards:
        return False  # the national standard names no line of the office's own
    standard = _own_standard(office, service, day, None).standard
    return standard is not None and any(_asks(line) for line in standard.complaints)


def office_number(
    office: OfficeConfig,
    day: dt.date,
    channels: tuple[Channel, ...] = (),
    has_whatsapp: bool = True,
) -> AdviceReason | None:
    """The office's contact, as a reason to cite: from its standards, else a WhatsApp line.

    For a matter with a deadline whose own standard gives none: the office's phone, WhatsApp
    or e-mail in the standard of another service in force on ``day`` is still the office's
    (Way Kanan's birth certificate names none; its SKTT names "(0723) 461041"), a phone first.
    Else a WhatsApp line among the day's ``channels`` with its number, though it serves
    another matter: it is the office's (Kabupaten Pasuruan's A1 gives one for each service it
    takes online, none for a marriage certificate). ``None`` where the sources give neither.
    Someone without WhatsApp gets another kind of line where there is one, else the WhatsApp
    number to ask through a relative who has it.

    Examples:
        >>> import adminduk
        >>> number = office_number(adminduk.get_office("18.08"), dt.date(2020, 4, 15))
        >>> number.text_en
        'To ask the office: phone/fax (0723) 461041.'
        >>> from adminduk.offices import rules_in_force
        >>> pasuruan, day = adminduk.get_office("35.14"), dt.date(2020, 4, 15)
        >>> channels = rules_in_force(pasuruan, day).policy.channels_on(day)
        >>> office_number(pasuruan, day, channels).text_id  # doctest: +ELLIPSIS
        'Untuk bertanya ke kantor: WhatsApp layanan ... (https://wa.me/62...).'
        >>> without = office_number(pasuruan, day, channels, has_whatsapp=False)
        >>> without.text_en  # doctest: +ELLIPSIS
        'To ask the office (through a relative who uses WhatsApp): WhatsApp line for ...'
        >>> office_number(adminduk.get_office("35.13"), day) is None
        True
    """
    found = _standard_number(office, day, has_whatsapp) if office.standards else None
    if found is not None:
        return found
    line = next((c for c in channels if c.kind is ChannelKind.WHATSAPP and c.address), None)
    if line is None:
        return None
    link = channel_where(line)
    said = {"line": (f"{line.label} ({link})", f"{line.label_en or line.label} ({link})")}
    key = _number_key(whatsapp=True, has_whatsapp=has_whatsapp)
    return Reasons(office).word("office-number", key, line.source, said)


def _number_key(*, whatsapp: bool, has_whatsapp: bool) -> str:
    """The wording of a number to ask by: through a relative, a WhatsApp one without WhatsApp."""
    return (
        "deadline.office-number-relative"
        if whatsapp and not has_whatsapp
        else ("deadline.office-number")
    )


def _standard_number(
    office: OfficeConfig, day: dt.date, has_whatsapp: bool
) -> AdviceReason | None:
    """The first answering line of the office's standards in force on ``day``, a phone first.

    Without WhatsApp, a line of another kind first where the standard gives one.
    """
    hit = _NUMBERS.get(office, (day, has_whatsapp))
    if hit is not None:
        return hit[0]
    found: AdviceReason | None = None
    for entry in catalogue():
        standard = _own_standard(office, entry.service, day, None).standard
        lines = [line for line in standard.complaints if _asks(line)] if standard else []
        if standard is not None and lines:
            line = min(
                lines,
                key=lambda c: (
                    not has_whatsapp and c.kind is ComplaintKind.WHATSAPP,
                    c.kind is not ComplaintKind.PHONE,
                ),
            )
            said: dict[str, dict[str, str]] = {lang: {"line": line.text(lang)} for lang in LANGS}
            whatsapp = line.kind is ComplaintKind.WHATSAPP
            key = _number_key(whatsapp=whatsapp, has_whatsapp=has_whatsapp)
            found = _reason("office-number", key, standard, said)
            break
    return _NUMBERS.put(office, (day, has_whatsapp), (found,))[0]


def _asks(line: Complaint) -> bool:
    """Whether a complaint line is a number or address the office answers on (not LAPOR!)."""
    return _reach(line) == 0 and line.kind is not ComplaintKind.SP4N_LAPOR


def _reach(line: Complaint) -> int:
    """How far a complaint line is from a citizen at home: 0, 1 or 2.

    0 is a number or address that answers (phone, WhatsApp, e-mail, LAPOR!), 1 another address
    (a website), 2 a line reached by going there, or named without an address.
    """
    if not line.address or line.kind in _GO_THERE:
        return 2
    return 0 if line.kind in _ANSWERS else 1


_GO_THERE: Final = frozenset({ComplaintKind.IN_PERSON, ComplaintKind.BOX, ComplaintKind.LETTER})
_ANSWERS: Final = frozenset(
    {
        ComplaintKind.PHONE,
        ComplaintKind.WHATSAPP,
        ComplaintKind.SMS,
        ComplaintKind.EMAIL,
        ComplaintKind.SP4N_LAPOR,
    }
)


def _cited_nationally(
    office: OfficeConfig,
    reason: AdviceReason,
    lines: tuple[Complaint, ...],
    *,
    beside_own: bool = False,
) -> AdviceReason:
    """``reason`` cited to the national sources of complaint ``lines`` the national rule gave.

    Where the office's standard names no complaint line, the line a reply gives (SP4N-LAPOR!)
    is the national rule's: its source is the national one, not the office's standard. Where
    the national rule only lent an address (``beside_own``), both are cited.
    """
    keys = dict.fromkeys(key for c in lines for key in source_parts(c.source or ""))
    cited = office.describe_sources("; ".join(keys))
    citations = tuple(Reasons(office).citation(key) for key in keys)
    if beside_own:
        keys = {reason.source: None, **keys}
        cited = (*reason.cited, *(c for c in cited if c not in reason.cited))
        citations = (*reason.citations, *citations)
    return reason.model_copy(
        update={
            "source": "; ".join(keys),
            "source_text": "; ".join(cited),
            "cited": cited,
            "citations": citations,
        }
    )


_QUOTE_LIMIT = 80
"""The most characters of a standard's own wording a reply quotes (the whole is in the data)."""


def _quoted(wording: str) -> str:
    """The standard's wording, cut at a word before :data:`_QUOTE_LIMIT` characters.

    Examples:
        >>> _quoted("1 hari kerja")
        '1 hari kerja'
        >>> _quoted("Penerbitan Kartu Keluarga dapat diselesaikan dalam waktu 1 hari kerja sejak "
        ...         "berkas dinyatakan LENGKAP oleh petugas verifikasi")
        'Penerbitan Kartu Keluarga dapat diselesaikan dalam waktu 1 hari kerja sejak …'
    """
    if len(wording) <= _QUOTE_LIMIT:
        return wording
    return wording[:_QUOTE_LIMIT].rsplit(" ", 1)[0] + " …"


def _reason(
    rule_id: str, key: str, standard: ServiceStandard, fields: Mapping[str, dict[str, str]]
) -> AdviceReason:
    cited = standard.source.cited
    own = standard.source
    title = f"{own.title} (No. {own.number})" if own.number else own.title
    return AdviceReason(
        rule_id=rule_id,
        text_id=text(key, "id", **fields["id"]),
        text_en=text(key, "en", **fields["en"]),
        source=standard.source.standard_id,
        source_text="; ".join(cited),
        cited=cited,
        # A reader sees the standard by its title, number and date, never its id in the file.
        citations=(
            Citation(
                key=own.standard_id,
                title=title,
                published=own.issued,
                url=own.url,
                third_party_copy=own.third_party_copy,
            ),
        ),
    )
