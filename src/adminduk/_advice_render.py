"""Render an :class:`~adminduk.advice.Advice` as a WhatsApp-ready reply (Babel for dates)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Final

from adminduk._advice_text import Lang, date_words, service_name, text
from adminduk._arguments import english
from adminduk.documents import Requirement, catalogue
from adminduk.offices import ORDINARY_SOURCE, Channel, ChannelKind

if TYPE_CHECKING:
    from babel import Locale

    from adminduk.advice import Advice

__all__ = ["format_when", "render", "zone_abbreviation"]

_ZONE_ABBREVIATIONS: Final = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def _cited(source: str, lang: Lang) -> str:
    # Titles are names and stay as published; only adminduk's own default speaks the language.
    return text("source.ordinary", lang) if source == ORDINARY_SOURCE else source


def zone_abbreviation(timezone: str) -> str:
    """The Indonesian name of an office's zone (WIB, WITA, WIT), else the IANA name.

    Examples:
        >>> zone_abbreviation("Asia/Makassar"), zone_abbreviation("Asia/Jayapura")
        ('WITA', 'WIT')
    """
    return _ZONE_ABBREVIATIONS.get(timezone, timezone)


@cache
def _babel_locale(lang: Lang) -> Locale:
    from babel import Locale

    return Locale.parse("id" if lang == "id" else "en_GB")


def format_when(moment: dt.datetime, timezone: str, lang: Lang) -> str:
    """A moment written the way people read it: "Senin, 23 Maret 2020 pukul 08.00 WIB".

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> t = dt.datetime(2020, 3, 23, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
        >>> format_when(t, "Asia/Jakarta", "id")
        'Senin, 23 Maret 2020 pukul 08.00 WIB'
        >>> format_when(t, "Asia/Jakarta", "en")
        'Monday, 23 March 2020 at 08:00 WIB'
    """
    from babel.dates import format_date

    day = format_date(moment.date(), "EEEE, d MMMM y", locale=_babel_locale(lang))
    separator = "." if lang == "id" else ":"
    clock = f"{moment.hour:02d}{separator}{moment.minute:02d}"
    return text("msg.when", lang, day=day, time=clock, zone=zone_abbreviation(timezone))


def _channel_line(channel: Channel, lang: Lang) -> str:
    label = channel.label_en if english(lang) and channel.label_en else channel.label
    if channel.address is None:
        why = channel.unknown_address_reason(lang)
        if why is None:
            return f"- {label} ({text('msg.unknown-address-bare', lang)})"
        return f"- {label} ({text('msg.unknown-address', lang, why=why)})"
    if channel.kind is ChannelKind.WHATSAPP:
        return f"- {label}: {channel.link()}"
    return f"- {label}: {channel.address}"


def _checklist(advice: Advice, lang: Lang) -> list[str]:
    """The checklist numbered, each group of alternatives as one item ("one of: …")."""
    from adminduk.documents import group_requirements

    office_mark = text("msg.office-item", lang)

    def line(req: Requirement) -> str:
        return f"{req.name(lang)}{office_mark if req.origin == 'office' else ''}"

    items = [text("msg.requirements", lang)]
    for number, group in enumerate(group_requirements(advice.requirements), start=1):
        if len(group) == 1:
            items.append(f"{number}. {line(group[0])}")
            continue
        items.append(f"{number}. {text('msg.one-of', lang)}")
        items += [f"   {chr(ord('a') + n)}. {line(req)}" for n, req in enumerate(group)]
    return items


def _stale_line(advice: Advice, lang: Lang) -> str:
    if advice.confirmed_on is None:
        return text("msg.stale-undated", lang)
    return text("msg.stale", lang, date=date_words(advice.confirmed_on, lang))


def _hours_line(advice: Advice, lang: Lang) -> str:
    """Whether the office is open, worded to agree with the route.

    An open office is no invitation to come for a matter it asks to postpone or does not serve.
    """
    # With no route now, the line says the office's hours do not serve this matter.
    suffix = "" if advice.outcome.gives_a_route else f".{advice.outcome.value}"
    if advice.office_open:
        return text(f"msg.open-now{suffix}", lang)
    if advice.next_opening is None:
        return text("msg.no-opening", lang)
    when = format_when(advice.next_opening, advice.timezone, lang)
    return text(f"msg.next-opening{suffix}", lang, when=when)


def render(advice: Advice, lang: Lang) -> str:
    """The reply text; see :meth:`adminduk.advice.Advice.to_message`.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("52.71", "ktp-el/baru", at=datetime(2020, 3, 25, 10))
        >>> print(render(advice, "en").splitlines()[0])
        Please come to the counter for Electronic identity card (KTP-el): first issuance.
    """
    name = service_name(advice.service, lang)
    blocks: list[list[str]] = [[text(f"msg.outcome.{advice.outcome.value}", lang, service=name)]]
    if advice.stale:
        blocks.append([_stale_line(advice, lang)])
    if advice.channels:
        blocks.append(
            [text("msg.channels", lang), *(_channel_line(ch, lang) for ch in advice.channels)]
        )
    if advice.requirements:
        blocks.append(_checklist(advice, lang))
    elif advice.requirements_note:
        note = catalogue()[advice.service].requirements_note_text(lang)
        blocks.append([text("msg.requirements-unknown", lang, note=note)])
    blocks.append([_hours_line(advice, lang)])
    blocks.append([text("msg.why", lang), *(f"- {r.text(lang)}" for r in advice.reasons)])
    # A reason may cite several sources ("A0; A1"): list each once, never splitting a title.
    sources = dict.fromkeys(cited for r in advice.reasons for cited in r.cited)
    blocks.append([text("msg.sources", lang), *(f"- {_cited(s, lang)}" for s in sources)])
    return "\n\n".join("\n".join(block) for block in blocks)
