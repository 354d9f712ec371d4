"""Render an :class:`~adminduk.advice.Advice` as a WhatsApp-ready reply (Babel for dates).

It reads an answer's fields (:class:`~adminduk.advice._values.AdviceFields`), never the class
whose ``to_message`` calls it.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Final

from adminduk._advice_text import Lang, date_words
from adminduk.advice._values import AdviceFields, AdviceReason
from adminduk.advice._wording import TEXT, in_a_sentence, service_name, text
from adminduk.documents import Confidence, Requirement, catalogue
from adminduk.offices import Channel, ChannelKind
from adminduk.triage import Certainty, Outcome

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "FULL_LIMIT",
    "SHORT_LIMIT",
    "format_when",
    "headline",
    "render",
    "render_short",
    "zone_abbreviation",
]

_ZONE_ABBREVIATIONS: Final = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


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
    """A moment written the way people read it: weekday, day, month in words, year, time, zone.

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
    clock = _clock(moment, lang)
    return text("msg.when", lang, day=day, time=clock, zone=zone_abbreviation(timezone))


def _clock(moment: dt.datetime, lang: Lang) -> str:
    """A time of day as each language writes it: 08.00, 08:00."""
    separator = "." if lang == "id" else ":"
    return f"{moment.hour:02d}{separator}{moment.minute:02d}"


def channel_text(channel: Channel, lang: Lang) -> str:
    """A channel as a reply names it: its label, and its address, link or how to find it.

    Examples:
        >>> from adminduk import get_office
        >>> counter = get_office("64.02").ordinary_policy.counter
        >>> channel_text(counter, "en").split(": ")[0]
        'Counter of the Dukcapil office of Kabupaten Kutai Kartanegara (in person)'
    """
    label = _label(channel, lang)
    if channel.address is None and channel.kind is ChannelKind.COUNTER:
        return label  # a resident knows their office; a missing street is no obstacle
    if channel.address is None:
        if (where := channel.how_to_find(lang)) is not None:
            return f"{label}: {where}"
        why = channel.unknown_address_reason(lang)
        if why is None:
            return f"{label} ({text('msg.unknown-address-bare', lang)})"
        return f"{label} ({text('msg.unknown-address', lang, why=why)})"
    return f"{label}: {channel_where(channel)}"


def _label(channel: Channel, lang: Lang) -> str:
    return channel.label_en if lang == "en" and channel.label_en else channel.label


def channel_where(channel: Channel) -> str | None:
    """Where a channel is reached: its wa.me link, or its address; ``None`` where unknown.

    Examples:
        >>> from adminduk import get_office
        >>> counter = get_office("35.13").ordinary_policy.channels[-1]
        >>> channel_where(counter)
        'Gedung belakang Mal Pelayanan Publik (MPP) Dringu, Kabupaten Probolinggo'
    """
    if channel.address is None:
        return None
    if channel.kind is ChannelKind.WHATSAPP:
        return channel.link()
    return channel.address


def _channel_line(channel: Channel, lang: Lang) -> str:
    return f"- {channel_text(channel, lang)}"


def _checklist(advice: AdviceFields, lang: Lang) -> list[str]:
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


def _checklist_blocks(advice: AdviceFields, lang: Lang) -> list[list[str]]:
    """The checklist, and why the national one is unknown where no source gives it."""
    note = (
        catalogue()[advice.service].requirements_note_text(lang)
        if advice.requirements_note
        else None
    )
    if not advice.requirements:
        return [[text("msg.requirements-unknown", lang, note=note)]] if note else []
    checklist = _checklist(advice, lang)
    return [[*checklist, f"({note})"] if note else checklist]


def _certainty_line(advice: AdviceFields, lang: Lang) -> str | None:
    """How old the answer's facts are, in words; ``None`` when they are current."""
    if not advice.stale:
        return None
    if advice.confirmed_on is None:
        return text("msg.stale-undated", lang)
    key = "msg.stale" if advice.certainty is Certainty.KNOWN else "msg.assumed"
    return text(key, lang, date=date_words(advice.confirmed_on, lang))


def _hours_line(advice: AdviceFields, lang: Lang, *, short: bool = False) -> str | None:
    """When the office is open, for an answer that sends the citizen somewhere now.

    Open now, it says until when, and when it opens again the same day after a break ("sampai
    pukul 12.00 WIB, lalu buka lagi pukul 13.00 WIB"): ten minutes before it shuts, "come in"
    alone sends the citizen to a closed door. An answer with no route now says nothing of an
    open office: that is no invitation to come for a matter it asks to postpone or does not
    serve. But where it gives a route for urgent needs and the office is shut, it says when it
    opens again: the urgent need cannot wait for a door it finds closed. An answer that sends
    the citizen online says when the requests are handled, not that the office is open (its
    counter may be shut to them). The ``short`` line leaves whose hours these are to the full
    reply.
    """
    if not advice.outcome.gives_a_route and (advice.office_open or not _urgent_route(advice)):
        return None
    # Sent online, the citizen needs the hours the requests are handled in, not an open door.
    online = "-online" if advice.outcome is Outcome.ONLINE else ""
    until = _time(advice, advice.open_until, lang) if advice.open_until else None
    if advice.office_open and until is not None and advice.reopens_at is not None:
        again = _time(advice, advice.reopens_at, lang)
        line = text(f"msg.open-until-break{online}", lang, until=until, again=again)
    elif advice.office_open and until is not None:
        line = text(f"msg.open-until{online}", lang, until=until)
    elif advice.office_open:
        line = text(f"msg.open-now{online}", lang)
    elif advice.next_opening is None:
        return text("msg.no-opening", lang)
    else:
        when = format_when(advice.next_opening, advice.timezone, lang)
        line = text(f"msg.next-opening{online}", lang, when=when)
    # Whose hours these are belongs beside them, not among the reasons.
    if advice.hours_are_default and not short:
        return f"{line[:-1]} {text('msg.default-hours', lang)}."
    return line


def _time(advice: AdviceFields, moment: dt.datetime, lang: Lang) -> str:
    """A time later in the answer's day ("pukul 12.00 WIB"); with its day, if another day."""
    if moment.date() != advice.at.date():
        return format_when(moment, advice.timezone, lang)
    zone = zone_abbreviation(advice.timezone)
    return text("msg.time", lang, time=_clock(moment, lang), zone=zone)


def _headline_key(advice: AdviceFields) -> str:
    """Which headline an answer gets: a rule's own, a postponement's, or the outcome's.

    A postponed matter with a legal deadline gets a headline that names the deadline.
    """
    own = f"msg.headline.{advice.rule_id}"
    if own in TEXT:
        return own
    if advice.outcome is Outcome.DEFER and catalogue()[advice.service].deadline is not None:
        return "msg.outcome.defer-deadline"  # a matter with a deadline is never simply "wait"
    return f"msg.outcome.{advice.outcome.value}"


def headline(advice: AdviceFields, lang: Lang, *, short: bool = False) -> str:
    """The first line: what to do, agreeing with every restriction the answer rests on.

    A rule whose outcome alone would mislead has its own headline (a channel nobody can find
    is not "not served"); a postponed matter whose legal deadline runs says so; an answer whose
    measures are unknown asks the citizen to check first.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("35.14", "kk/perubahan", at=datetime(2020, 3, 24, 10))
        >>> headline(advice, "id")
        'Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.'
    """
    fields: dict[str, object] = {"service": service_name(advice.service, lang)}
    key = _headline_key(advice)
    if key == "msg.outcome.defer-deadline":
        deadline = catalogue()[advice.service].deadline
        assert deadline is not None  # the key is chosen only for a service with one
        fields["days"] = deadline.days
        fields["counted_from"] = (
            deadline.counted_from_en if lang == "en" else deadline.counted_from_id
        )
    line = text(key, lang, **fields)
    if advice.certainty is Certainty.UNKNOWN:  # after a colon, the answer goes on the sentence
        measure = "-measure" if advice.measure_confirmed_on is not None else ""
        key = f"msg.ask-first{measure}{'-short' if short else ''}"
        return text(key, lang, answer=in_a_sentence(line))
    return line


def _sources(
    advice: AdviceFields, lang: Lang, shown: str, spared: frozenset[str] | set[str] = frozenset()
) -> list[str]:
    """Each source once, by title, publisher and date, in the order the reasons cite them.

    A regulation the reply already names in its own words (the fee rule's basis) is not listed
    again, nor a source of the reasons ``spared`` only (left out of a long reply: it cites what
    it says).
    """
    seen = dict.fromkeys(
        cited._worded(lang)
        for r in advice.reasons
        if r.rule_id not in spared
        for cited in r.citations
        if cited.title != cited.key or cited.key not in shown
    )
    return list(seen)


def _fee_line(advice: AdviceFields, lang: Lang) -> str | None:
    return next((r._worded(lang) for r in advice.reasons if r.rule_id == "fee"), None)


def render(advice: AdviceFields, lang: Lang) -> str:
    """The full reply; see :meth:`adminduk.advice.Advice.to_message`.

    At most :data:`FULL_LIMIT` characters: a reply that would be longer leaves out, one by one,
    the reasons of :data:`_SPARED_WHEN_LONG` (the policy's name, the national measure, the
    channels nobody can find, a policy that ended or lapsed), then names only as many sources
    as fit, counting the rest; only then the opening line of a matter to postpone, and last a
    national measure's line that dates the answer.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("52.71", "ktp-el/baru", at=datetime(2020, 3, 25, 10))
        >>> print(render(advice, "en").splitlines()[0])
        Please come to the counter for electronic identity card (KTP-el): first issuance.
    """
    spared: set[str] = set()
    message = _full(advice, lang, spared)
    # Where the national measure's line gives the date the answer rests on (the short reply's
    # "Info per …"), it goes last, after the sources that do not fit.
    dated = _dated_by_measure(advice) is not None
    order = [r for r in _SPARED_WHEN_LONG if not (dated and r == "national-measure")]
    for rule_id in order:
        if len(message) <= FULL_LIMIT:
            return message
        spared.add(rule_id)
        message = _full(advice, lang, spared)
    # Then fewer sources named; only then the opening line of a matter to postpone (someone
    # with an urgent need must not find the door shut), and last the date the answer rests on.
    for last in (_URGENT_HOURS, "national-measure") if dated else (_URGENT_HOURS,):
        if len(message) <= FULL_LIMIT:
            return message
        message = _fewer_sources(advice, lang, spared)
        spared.add(last)
    return message if len(message) <= FULL_LIMIT else _fewer_sources(advice, lang, spared)


def _fewer_sources(advice: AdviceFields, lang: Lang, spared: set[str]) -> str:
    """The full reply with as many of its sources, in order, as fit; at least the first."""
    count = len(_sources(advice, lang, "", spared))
    for naming in range(count - 1, 1, -1):
        candidate = _full(advice, lang, spared, naming=naming)
        if len(candidate) <= FULL_LIMIT:
            return candidate
    return _full(advice, lang, spared, naming=1)


def _full(advice: AdviceFields, lang: Lang, spared: set[str], *, naming: int | None = None) -> str:
    """The full reply without the reasons ``spared``.

    It names the first ``naming`` sources (all of them when ``None``) and counts the rest.
    """
    blocks: list[list[str]] = [[headline(advice, lang)]]
    if (certainty := _certainty_line(advice, lang)) is not None:
        blocks.append([certainty])
    if advice.channels:
        blocks.append(
            [text("msg.channels", lang), *(_channel_line(ch, lang) for ch in advice.channels)]
        )
    if _shows_checklist(advice):
        blocks += _checklist_blocks(advice, lang)
    hours = _hours_line(advice, lang)
    if hours is not None and (advice.outcome.gives_a_route or _URGENT_HOURS not in spared):
        blocks.append([hours])
    said = _SAID_ELSEWHERE | spared
    if _headline_key(advice) == "msg.outcome.defer-deadline":
        said = said | {"reporting-deadline"}  # the headline says it
    why = [f"- {r._worded(lang)}" for r in advice.reasons if r.rule_id not in said]
    if why:
        blocks.append([text("msg.why", lang), *why])
    if (fee := _fee_line(advice, lang)) is not None:
        blocks.append([fee])
    shown = "\n".join("\n".join(block) for block in blocks)
    sources = _sources(advice, lang, shown, spared)
    named = sources if naming is None else sources[:naming]
    listed = "; ".join(named)
    more = ""
    if len(named) < len(sources):
        more = text("msg.more-sources", lang, count=len(sources) - len(named))
    blocks.append([f"{text('msg.sources', lang)} {listed}{more}."])
    return "\n\n".join("\n".join(block) for block in blocks)


FULL_LIMIT: Final = 2000
"""The most characters a full reply has."""

# Not a reason: the opening line of a reply that asks to wait, told for its urgent route.
_URGENT_HOURS: Final = "urgent-route-hours"

# Reasons a reply over FULL_LIMIT leaves out first: context, not what to do.
_SPARED_WHEN_LONG: Final = (
    "policy",
    "national-measure",
    "channel-unreachable",
    "policy-ended",
    "policy-lapsed",  # the headline already asks to check first: the rules are not known
)


# Reasons the full reply does not list among the others: the fee has a line of its own, the
# default hours are said beside the hours, and a plain "apply online" or "the counter serves
# it" only repeats the headline.
_SAID_ELSEWHERE: Final = frozenset(
    {"fee", "online", "counter-open", "default-hours", "office-requirements"}
)

SHORT_LIMIT: Final = 640
"""The most characters a short reply has: one chat bubble a citizen reads without scrolling."""


def _short_channel(advice: AdviceFields, lang: Lang) -> str | None:
    for channel in advice.channels:
        label = _label(channel, lang)
        if (where := channel_where(channel)) is not None:
            if channel.kind is not ChannelKind.COUNTER and "://" not in where:
                where = f"https://{where}"  # a bare host is no link in a chat
            return f"{label}: {where}"
        if (where := channel.how_to_find(lang)) is not None:
            return f"{label}: {where}"
        if channel.kind is ChannelKind.COUNTER:
            return label
    return None


def _shows_checklist(advice: AdviceFields) -> bool:
    """A matter not served now needs no checklist; one to postpone keeps it, to prepare."""
    return advice.outcome is not Outcome.UNAVAILABLE


def _short_checklist(advice: AdviceFields, lang: Lang, room: int) -> str | None:
    from adminduk.documents import group_requirements

    if not _shows_checklist(advice):
        return None  # as the full reply: no list for what is not served
    groups = group_requirements(advice.requirements)
    if not groups:
        return None
    names = [_point_name(group, lang) for group in groups]
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        items = "; ".join(names[:shown])
        line = (
            text("msg.bring", lang, items=items)
            if rest == 0
            else text("msg.bring-more", lang, items=items, more=rest)
        )
        if len(line) <= room:
            return line
    if len(names) == 1:
        return text("msg.bring-count-one", lang)
    return text("msg.bring-count", lang, count=len(names))


def _point_name(point: tuple[Requirement, ...], lang: Lang) -> str:
    """A checklist point in a few words: the item, or what its alternatives prove and how many."""
    first = point[0]
    if len(point) == 1 or first.one_of is None:
        return first.name(lang)
    group = catalogue().group_name(first.one_of, lang)
    return text("msg.one-of-short", lang, name=group, count=len(point))


def render_short(advice: AdviceFields, lang: Lang) -> str:
    """The short reply: at most :data:`SHORT_LIMIT` characters.

    What to do, one channel with its address, when the office opens again if it is shut now,
    the checklist (as many items as fit, then their count), the deadline if one runs, how sure
    the answer is, that the service is free, and how to ask for the rest. A matter to postpone
    gets, as room allows, the relative with WhatsApp for someone without it where only WhatsApp
    serves, the route for urgent needs and where it is, the office's numbers or that the
    sources give none, and when the office opens again.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("35.14", "kk/perubahan", at=datetime(2020, 3, 24, 10))
        >>> print(render_short(advice, "id"))  # doctest: +ELLIPSIS
        Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.
        WhatsApp layanan Kartu Keluarga: https://wa.me/6281359547692
        ...
    """
    # What must be said, then what may be, in the order a citizen needs it; each optional line
    # goes in only while the reply still fits one bubble.
    head = headline(advice, lang, short=True)
    routed = advice.outcome.gives_a_route
    channel = _short_channel(advice, lang)
    deadline = _reason(advice, "reporting-deadline")
    if _headline_key(advice) == "msg.outcome.defer-deadline":
        deadline = None  # the headline already names it
    slots: dict[str, str | None] = {
        "head": head,
        "channel": channel,
        # Without WhatsApp where only WhatsApp serves: the relative who has it is the way now.
        "relative": _reason_text(advice, "no-whatsapp-wait", lang),
        # Told to wait, the citizen still hears the route for urgent needs, where it is, and
        # how to ask.
        "urgent": _reason_text(advice, "urgent-route", lang),
        "where": _reason_text(advice, "urgent-route-where", lang),
        # Sent somewhere while it is shut, the citizen must hear when it opens: a chat that says
        # "come to the counter" on a holiday and nothing more sends them to a closed door; and
        # while it is open, until when (ten minutes before it shuts, "come in" is not enough).
        "hours": _hours_line(advice, lang, short=True),
        "contact": _reason_text(advice, "deadline-no-contact", lang)
        or _reason_text(advice, "office-number", lang),
        "checklist": None,
        "completion": _short_completion(advice, lang),
        "complaints": _short_complaints(advice, lang),
        "deadline": _short_deadline(advice, lang) if deadline is not None else None,
        "certainty": _certainty_line_short(advice, lang),
        "free": text("msg.free-short", lang) if _fee_line(advice, lang) is not None else None,
        "details": text("msg.details", lang),
    }
    # The hours of a route now are kept; those of an urgent route come after that route.
    kept = {"head", "channel", "free", "details"} | ({"hours"} if routed else set())

    def size(names: set[str]) -> int:
        return sum(len(slots[n] or "") + 1 for n in names if slots[n]) - 1

    # The checklist takes the room left, but never less than its count ("Ada 4 persyaratan"):
    # a long address must not leave the chat with no word of what to bring. The lines on time
    # and certainty come before it; so do the complaint lines of a matter to postpone, whose
    # numbers are the only ones a citizen told "contact the office" has.
    least = _short_checklist(advice, lang, 0)
    postponed = not routed
    # A route now: its time and deadline, how sure, where to complain. A matter to postpone:
    # the relative with WhatsApp, how sure the answer is, the route for urgent needs, the
    # office's numbers (its complaint lines), a number to ask by before where the urgent route
    # is (that the sources give none, after it), and when it opens.
    if not postponed:  # a number to ask by comes only with "ask the office first"
        optionals: tuple[str, ...] = (
            "completion",
            "deadline",
            "contact",
            "certainty",
            "where",
            "complaints",
        )
    elif slots["contact"] is None:
        optionals = ("relative", "certainty", "urgent", "complaints", "where", "hours")
    elif _reason(advice, "office-number") is not None:
        optionals = ("relative", "certainty", "urgent", "contact", "where", "hours", "complaints")
    else:  # no number of the office's: its complaint lines (SP4N-LAPOR!, a box) come last
        optionals = ("relative", "certainty", "urgent", "where", "contact", "hours", "complaints")
    for optional in optionals:
        if optional in ("where", "hours") and postponed and "urgent" not in kept:
            continue  # where the urgent route is and when it opens, only beside that route
        # Sent somewhere now, the citizen must know what to bring: nothing takes the count's room.
        keeps_room = not postponed or optional in ("relative", "where")
        reserve = len(least) + 1 if least and keeps_room else 0
        if slots[optional] and size(kept | {optional}) + reserve <= SHORT_LIMIT:
            kept.add(optional)
    room = SHORT_LIMIT - size(kept) - 1
    slots["checklist"] = _short_checklist(advice, lang, room)
    if slots["checklist"] and len(slots["checklist"]) <= room:
        kept.add("checklist")
    message = "\n".join(line for name, line in slots.items() if name in kept and line)
    if len(message) > SHORT_LIMIT:  # only a very long name or label gets here: keep the head
        message = message[: SHORT_LIMIT - 1].rstrip() + "…"
    return message


def _short_completion(advice: AdviceFields, lang: Lang) -> str | None:
    """The office's published completion time, without the quote of its standard."""
    reason = _reason(advice, "standard-completion")
    if reason is None:
        return None
    head = reason._worded(lang).split(" (", 1)[0]
    return head if head.endswith(".") else f"{head}."


def _short_deadline(advice: AdviceFields, lang: Lang) -> str:
    """The reporting deadline; its legal basis only where the article is read in full.

    A basis known second-hand carries its caveat ("nomor pasal menurut sumber sekunder") in
    brackets within brackets, too much for a chat: the full reply gives it.
    """
    deadline = catalogue()[advice.service].deadline
    assert deadline is not None  # asked only where the answer has a deadline reason
    if deadline.confidence is Confidence.PRIMARY:
        reason = _reason(advice, "reporting-deadline")
        assert reason is not None
        return _first_sentence(reason._worded(lang))
    counted_from = deadline.counted_from_en if lang == "en" else deadline.counted_from_id
    return text("deadline.bare", lang, days=deadline.days, counted_from=counted_from)


def _short_complaints(advice: AdviceFields, lang: Lang) -> str | None:
    """Where to complain: the first two lines the office's standard gives."""
    reason = _reason(advice, "standard-complaints")
    if reason is None:
        return None
    lines = reason._worded(lang).rstrip(".").split("; ")
    shown = "; ".join(lines[:2])
    return f"{shown}; …" if len(lines) > 2 else f"{shown}."


def _reason(advice: AdviceFields, rule_id: str) -> AdviceReason | None:
    return next((r for r in advice.reasons if r.rule_id == rule_id), None)


def _urgent_route(advice: AdviceFields) -> bool:
    """Whether the answer gives a route for urgent needs (not that the sources name none)."""
    reason = _reason(advice, "urgent-route")
    return reason is not None and reason.text_en != text("urgent.none", "en")


def _reason_text(advice: AdviceFields, rule_id: str, lang: Lang) -> str | None:
    reason = _reason(advice, rule_id)
    return reason._worded(lang) if reason is not None else None


def _first_sentence(sentence: str) -> str:
    head, dot, _ = sentence.partition(". ")
    return head + ("." if dot else "")


def _dated_by_measure(advice: AdviceFields) -> dt.date | None:
    """The national measure's confirmation, where it alone dates a stale answer.

    None of the office's own sources dates the answer, and the answer rests on the measure:
    the full reply says so on the measure's line, the short one as "Info per …".
    """
    if not advice.stale or advice.confirmed_on is not None:
        return None
    return advice.measure_confirmed_on


def _certainty_line_short(advice: AdviceFields, lang: Lang) -> str | None:
    if not advice.stale:
        return None
    confirmed = advice.confirmed_on or _dated_by_measure(advice)
    if confirmed is None:
        return text("msg.stale-undated-short", lang)
    return text("msg.confirmed-short", lang, date=date_words(confirmed, lang))
