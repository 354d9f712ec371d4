"""A chat message read as a bot needs it: what kind of message, which services, which request.

The words come from the same vocabulary as :func:`~adminduk.documents.find_services`
(``documents/data/phrases.toml``, ``regional.toml``, ``intents.toml``); this module decides the
kind of message and which of the matched services the message really names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from adminduk._core.public import publish
from adminduk.documents._matching import ServiceMatch, checked_text, match_of
from adminduk.documents._reading import Reading, document_of, reading

__all__ = ["ChatIntent", "ChatKind", "read_message"]

ChatKind = Literal["service", "hours", "status", "greeting", "thanks", "unknown"]

_NAMED_SCORE: Final = 0.9
"""A second service is reported when the message names its document, or a phrase of it scores
this much: "akta kelahiran hilang" also matches "bikin akta kelahiran" weakly, which is not a
second need."""

# A request number: digits after a word that introduces one ("nomor permohonan 0042",
# "permohonan no. 17", "tiket 88", "#17"). A bare "no 3" is a request number only in a message
# that asks about a status ("anak no 2 mau bikin akta" is a child); longer runs are NIK, KK or
# phone numbers, and a bare number is a menu choice.
_STRONG: Final = r"(?:permohonan|pengajuan|tiket|registrasi|reg|resi|request|application)"
_WEAK: Final = r"(?:nomor|nomer|nmr|no)"
_NUMBER: Final = r"\.?\s*[:.]?\s*#?\s*(\d{1,10})(?!\d)"
_REQUEST_NUMBER: Final = re.compile(
    rf"(?:\b{_WEAK}\.?\s*{_STRONG}\b|\b{_STRONG}\b(?:\s*{_WEAK}\b)?|#){_NUMBER}",
    re.IGNORECASE,
)
_BARE_NUMBER: Final = re.compile(rf"\b{_WEAK}\b{_NUMBER}", re.IGNORECASE)
_PHONE_LIKE: Final = re.compile(r"^(?:08|62)\d{7,}$")
# A reference code as systems print them: "REQ-2026-003310", "PMH/2026/0042".
_REFERENCE: Final = re.compile(r"\b[A-Za-z]{2,6}[-/]\d{2,8}(?:[-/]\d{1,10})+\b")


@dataclass(frozen=True, slots=True)
class ChatIntent:
    """What a chat message to the office is: its kind, the services it names, a request number.

    Attributes:
        kind: ``"service"`` (it names at least one service), ``"status"`` (it asks where a
            request stands, or carries a request number), ``"hours"`` (when the office is open),
            ``"thanks"``, ``"greeting"`` (a greeting or a call for the menu) or ``"unknown"``.
        services: the services it names, most relevant first; empty unless ``kind`` is
            ``"service"``.
        request_number: the request number it carries, as written: the digits after a word
            that introduces one ("nomor permohonan 0042" gives ``"0042"``) or a reference code
            ("REQ-2026-003310"); ``None`` if none.

    Examples:
        >>> from adminduk import read_message
        >>> intent = read_message("bayi saya baru lahir, mau bikin akte dan masukin ke KK")
        >>> intent.kind, [m.service.code for m in intent.services]
        ('service', ['akta-kelahiran/baru', 'kk/perubahan'])
        >>> read_message("status permohonan no 17 gimana?")
        ChatIntent(kind='status', services=(), request_number='17')
    """

    kind: ChatKind
    services: tuple[ServiceMatch, ...] = ()
    request_number: str | None = None


_DIGIT: Final = re.compile(r"\d")


def _request_number(text: str, asks_status: bool) -> str | None:
    if _DIGIT.search(text) is None:
        return None  # most messages: no number at all
    code = _REFERENCE.search(text)
    if code is not None:
        return code.group(0)
    patterns = (_REQUEST_NUMBER, _BARE_NUMBER) if asks_status else (_REQUEST_NUMBER,)
    for pattern in patterns:
        for found in pattern.finditer(text):
            digits = found.group(1)
            if not _PHONE_LIKE.match(digits):
                return digits
    return None


def _services(read: Reading) -> tuple[ServiceMatch, ...]:
    """The services a message names: the best match, then each other document it names."""
    if not read.ranked:
        return ()
    first = read.ranked[0]
    chosen = [first]
    covered = {document_of(first[0])}
    named = {n.service: n for n in read.named}
    for code, score, phrase in read.ranked[1:]:
        frame = named.get(code)
        if frame is not None:
            if frame.document in covered or document_of(code) in covered:
                continue
            covered.add(frame.document)
        elif score < _NAMED_SCORE or document_of(code) in covered:
            continue
        covered.add(document_of(code))
        chosen.append((code, score, phrase))
    return tuple(match_of(*found) for found in chosen)


def read_message(text: str) -> ChatIntent:
    """Read a chat message to the office: a request for services, a question, or small talk.

    Made for a WhatsApp bot: ``kind`` chooses the reply (the advice for each service, the
    status of a request, the opening hours, the menu after a greeting), ``services`` lists
    every service the message names ("bikin akte, KIA, sama masukin ke KK" names three), and
    ``request_number`` the request it refers to. Messages are read in chat Indonesian with
    its slang and typos, and with the Javanese, Sundanese, Sasak, Balinese and Bima words of
    ``documents/data/regional.toml``; :func:`~adminduk.documents.find_services` shares the
    matcher. Deterministic and thread-safe.

    Args:
        text: what the citizen wrote (at most :data:`~adminduk.documents.MAX_TEXT_CHARS`
            characters).

    Raises:
        OutOfRange: ``text`` is not a str or is too long.

    Examples:
        >>> from adminduk import read_message
        >>> intent = read_message("kulo kecalan akte kelahiran, pripun carane damel malih")
        >>> intent.services[0].service
        Service('akta-kelahiran/cetak-ulang')
        >>> read_message("jam buka dukcapil hari sabtu?").kind
        'hours'
        >>> read_message("ktp saya sudah jadi belum?").kind
        'status'
        >>> read_message("halo").kind, read_message("makasih kak").kind
        ('greeting', 'thanks')
        >>> read_message("harga beras hari ini").kind
        'unknown'
    """
    text = checked_text(text)  # the plain str: a subclass may lie in its own methods
    read = reading(text)
    cues = read.cues
    number = _request_number(text, "status" in cues)
    services = _services(read)
    if number is not None or cues.get("status", 0) > 1:
        return ChatIntent("status", (), number)
    if services:
        return ChatIntent("service", services)
    if "status" in cues:
        return ChatIntent("status")
    if not read.foreign:  # not about another office's business
        if "hours" in cues:
            return ChatIntent("hours")
        if "thanks" in cues:
            return ChatIntent("thanks")
        if "greeting" in cues and "plain" in cues:  # "admin udh makan?" is small talk
            return ChatIntent("greeting")
    return ChatIntent("unknown")


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.documents", __all__, globals())
