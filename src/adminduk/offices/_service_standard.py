"""``service_standard``: the published standard in force for a service at an office.

The office's own standards come first, newest in force first; where none covers the service,
the national rule does (the national law file's ``[[standards]]``: the fee rule and the national
complaint channel), so a baseline office answers too. The national file loads on first use: a
first ``get_office`` never reads it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from adminduk._core import arguments
from adminduk._core.public import publish
from adminduk._core.redact import is_text, plain
from adminduk._law import national_law, reader
from adminduk._law._source import SourceInfo
from adminduk.documents import Service
from adminduk.offices._base import OfficeModel
from adminduk.offices._standards import (
    Complaint,
    Completion,
    Fee,
    StandardChannel,
    StandardDocument,
    StandardEntry,
)
from adminduk.offices._types import (
    ChannelKind,
    expand_pattern,
    pattern_rank,
    source_parts,
)

if TYPE_CHECKING:
    from adminduk.offices._office import OfficeConfig
    from adminduk.schedule import OfficeCalendar

__all__ = [
    "NationalStandards",
    "ServiceStandard",
    "StandardSource",
    "national_fee",
    "national_standards",
    "service_standard",
]

# How the channel kinds of an office map onto a standard's luring/daring entries.
_BY_KIND: Final = {
    ChannelKind.COUNTER.value: StandardChannel.COUNTER,
    ChannelKind.APP.value: StandardChannel.ONLINE,
    ChannelKind.WHATSAPP.value: StandardChannel.ONLINE,
    ChannelKind.PORTAL.value: StandardChannel.ONLINE,
}


class NationalStandards(OfficeModel):
    """The national law file's ``[[standards]]``: the standards every office shares.

    Examples:
        >>> national_standards().standards[0].id
        'aturan-nasional'
    """

    standards: tuple[StandardDocument, ...]

    @property
    def sources(self) -> Mapping[str, SourceInfo]:
        """The national sources the standards cite (every national source)."""
        return national_law().sources


_read_standards = reader(NationalStandards, "standards")


@cache
def national_standards() -> NationalStandards:
    """The national standards, read from the national law file (once)."""
    return _read_standards()


def national_fee() -> Fee:
    """The national fee rule: what every office's service costs, with its legal basis.

    Examples:
        >>> fee = national_fee()
        >>> fee.is_free, fee.basis is not None
        (True, True)
    """
    fee = next((s.fee for s in national_standards().standards if s.fee is not None), None)
    if fee is None:  # the national law file states it; a test holds it there
        raise LookupError("the national law file gives no fee rule")
    return fee


@dataclass(frozen=True, slots=True)
class StandardSource:
    """Where a standard comes from: its number, date and address, and the file's sources.

    Attributes:
        standard_id: the ``id`` of the standard in the office (or national) file.
        title: the standard's title.
        number: the decree's number, where the standard has one.
        issued: the date it was signed or published, where known.
        valid_from: the first day it holds; valid_until: its last, or ``None``.
        url: the address of the first source the entry cites (else the standard), if any.
        third_party_copy: read only in a copy on another site, not the office's own.
        national: the national rule, not the office's own standard.
        national_parts: what the national rule fills in where the office's standard is silent
            (``fee``, ``complaints``).
        cited: the sources the entry cites, each spelled out.
    """

    standard_id: str
    title: str
    number: str | None
    issued: dt.date | None
    valid_from: dt.date
    valid_until: dt.date | None
    url: str | None
    third_party_copy: bool
    national: bool
    national_parts: tuple[str, ...]
    cited: tuple[str, ...]

    def __str__(self) -> str:
        parts = [self.title]
        if self.number:
            parts.append(f"No. {self.number}")
        if self.issued:
            parts.append(self.issued.isoformat())
        if self.url:
            parts.append(self.url)
        if self.third_party_copy:
            parts.append("salinan pihak ketiga / third-party copy")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class ServiceStandard:
    """The published standard of one service at one office, as in force on a day.

    Attributes:
        office: the office's code.
        service: the service.
        channel: ``luring`` or ``daring`` where the standard tells them apart, else ``None``.
        completion: the completion time (``.at_most``, ``.unit``, ``.text_id``,
            ``.counted_from_id``), or ``None`` where the standard's time is not known.
        completion_unknown_reason: why it is not known.
        fee: the fee and its basis, where the standard gives one.
        complaints: where to complain, in the standard's order.
        procedure: the steps as the standard lists them.
        product_id: what the citizen gets, as the standard names it.
        source: the standard's own number, date and address.

    Examples:
        >>> import adminduk
        >>> std = adminduk.service_standard("35.78", "kia/baru", at=dt.date(2024, 1, 2))
        >>> std.fee.text("en"), std.fee.basis == national_fee().basis
        ('free of charge', True)
        >>> std.complaints[0].text("id")
        'SP4N-LAPOR! https://www.lapor.go.id'
    """

    office: str
    service: Service
    channel: StandardChannel | None
    completion: Completion | None
    completion_unknown_reason: str | None
    fee: Fee | None
    complaints: tuple[Complaint, ...]
    procedure: tuple[str, ...]
    product_id: str | None
    source: StandardSource

    def due(self, calendar: OfficeCalendar, start: dt.datetime) -> dt.datetime | None:
        """When the completion time runs out, counted from ``start``; ``None`` if unknown."""
        return None if self.completion is None else self.completion.due(calendar, start)


def _channel(value: object) -> StandardChannel | None:
    if value is None or isinstance(value, StandardChannel):
        return value
    kind = getattr(value, "kind", value)  # an office Channel gives its kind
    code = plain(getattr(kind, "value", kind))  # a str subclass may lie in __hash__
    if is_text(code) and code in _BY_KIND:
        return _BY_KIND[code]
    options = [c.value for c in StandardChannel] + list(_BY_KIND)
    return StandardChannel(arguments.choice("channel", code, options, "a channel"))


def _entry(
    doc: StandardDocument, code: str, channel: StandardChannel | None
) -> StandardEntry | None:
    best: dict[StandardChannel | None, tuple[int, StandardEntry]] = {}
    for entry in doc.services:
        rank = max(
            (pattern_rank(p) for p in entry.services if code in expand_pattern(p)), default=-1
        )
        if rank >= 0 and rank > best.get(entry.channel, (-1, entry))[0]:
            best[entry.channel] = (rank, entry)
    order = (channel, None) if channel is not None else (None, StandardChannel.COUNTER)
    for key in order:
        if key in best:
            return best[key][1]
    if channel is None and best:
        return next(iter(best.values()))[1]
    return None


def _source(
    doc: StandardDocument,
    entry: StandardEntry,
    sources: Mapping[str, SourceInfo],
    national: ServiceStandard | None,
    filled: tuple[str, ...],
    *,
    is_national: bool,
) -> StandardSource:
    # The entry's own sources first, then the standard's, leaving out the pages of its other
    # services; then the national rule's, where it filled in a part.
    others = {
        key for other in doc.services if other is not entry for key in source_parts(other.source)
    }
    keys = [*source_parts(entry.source)]
    keys += [key for key in source_parts(doc.source) if key not in others]
    cited: list[str] = []
    url = None
    for key in keys:
        info = sources.get(key)
        if info is not None and url is None:
            url = info.url
        text = f"{key}: {info}" if info is not None else key
        if text not in cited:
            cited.append(text)
    if filled and national is not None:
        # Only the national sources of what was filled in (the fee rule, the complaint line).
        refs = [national.fee.source] if "fee" in filled and national.fee is not None else []
        refs += [c.source for c in national.complaints] if "complaints" in filled else []
        rules = national_standards().sources
        for ref in refs:
            for key in source_parts(ref or ""):
                text = f"{key}: {rules[key]}" if key in rules else key
                if text not in cited:
                    cited.append(text)
    return StandardSource(
        standard_id=doc.id,
        title=doc.title_id,
        number=doc.number,
        issued=doc.issued,
        valid_from=doc.valid_from,
        valid_until=doc.valid_until,
        url=url,
        third_party_copy=doc.third_party_copy,
        national=is_national,
        national_parts=filled,
        cited=tuple(cited),
    )


def _found(
    office: str,
    service: Service,
    doc: StandardDocument,
    entry: StandardEntry,
    sources: Mapping[str, SourceInfo],
    national: ServiceStandard | None,
    *,
    is_national: bool = False,
) -> ServiceStandard:
    fee = entry.fee or doc.fee
    complaints = entry.complaints or doc.complaints
    # The national rule (free of charge; SP4N-LAPOR!) holds where the office's standard is
    # silent, and says so in the source.
    filled: list[str] = []
    if fee is None and national is not None and national.fee is not None:
        fee, filled = national.fee, [*filled, "fee"]
    if not complaints and national is not None and national.complaints:
        complaints, filled = national.complaints, [*filled, "complaints"]
    return ServiceStandard(
        office=office,
        service=service,
        channel=entry.channel,
        completion=entry.completion,
        completion_unknown_reason=entry.completion_unknown_reason,
        fee=fee,
        complaints=complaints,
        procedure=entry.procedure,
        product_id=entry.product_id,
        # Whether this is the national rule is said, not read from ``national`` being None: an
        # office's own standard from before the national rule held (before 2013) has none.
        source=_source(doc, entry, sources, national, tuple(filled), is_national=is_national),
    )


def service_standard(
    office: OfficeConfig | str,
    service: Service | str,
    *,
    at: dt.datetime | dt.date | None = None,
    channel: Any = None,
) -> ServiceStandard | None:
    """The published standard in force for ``service`` at ``office`` on ``at``'s date.

    The office's own standards come first (the newest in force on that date); where none
    covers the service, the national rule answers (no completion time, since the national one
    could not be read; free of charge; the national complaint channel). ``None`` before any
    standard holds.

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig`, or a registered code or slug.
        service: a :class:`~adminduk.documents.Service` or its code (``kia/baru``).
        at: the day (a datetime is read in the office's zone); default today.
        channel: ``luring`` or ``daring`` (or an office channel, or its kind: ``counter`` is
            ``luring``, the others ``daring``) where the standard tells them apart; default the
            entry for every channel, else the counter's.

    Raises:
        OfficeNotFound: no office with that code or slug.
        UnknownService: ``service`` is not in the catalogue.
        OutOfRange: ``at`` is not a date or datetime, or ``channel`` is not one of the above.

    Examples:
        >>> import adminduk, datetime as dt
        >>> on = dt.date(2024, 1, 2)
        >>> national = adminduk.service_standard("35.78", "kk/baru", at=on)
        >>> national.completion is None, national.source.national
        (True, True)
        >>> [c.kind.value for c in national.complaints]
        ['sp4n-lapor']
    """
    from adminduk.offices._office import OfficeConfig
    from adminduk.offices._registry import get_office

    config = office if isinstance(office, OfficeConfig) else get_office(office)
    wanted = service if isinstance(service, Service) else Service.parse(service)
    day = dt.datetime.now(config.zone).date() if at is None else config.local_date(at)
    chosen = _channel(channel)
    national = _national(config.code, wanted, day, chosen)
    own = sorted(
        (doc for doc in config.standards if doc.holds_on(day)),
        key=lambda doc: doc.valid_from,
        reverse=True,
    )
    for doc in own:
        entry = _entry(doc, wanted.code, chosen)
        if entry is not None:
            return _found(config.code, wanted, doc, entry, dict(config.sources), national)
    return national


def _national(
    office: str, service: Service, day: dt.date, channel: StandardChannel | None
) -> ServiceStandard | None:
    """The national rule for ``service`` on ``day``: what holds where no office standard does."""
    rules = national_standards()
    for doc in sorted(rules.standards, key=lambda doc: doc.valid_from, reverse=True):
        if doc.holds_on(day):
            entry = _entry(doc, service.code, channel)
            if entry is not None:
                return _found(office, service, doc, entry, rules.sources, None, is_national=True)
    return None


publish("adminduk.offices", ["ServiceStandard", "StandardSource"], globals())
