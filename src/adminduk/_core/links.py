"""A WhatsApp click-to-chat link to a number already in E.164.

Below the identity package, which checks and normalises numbers (its phone-number tables and
personal-data types cost a cold start tens of milliseconds): an office channel's number is
normalised when its file is validated, so an answer links to it with this alone.
"""

from __future__ import annotations

from urllib.parse import quote

from adminduk._core.arguments import text as checked_text

__all__ = ["link_to"]


def link_to(e164: str, text: str | None = None) -> str:
    """A ``https://wa.me/`` link for a number already in E.164, checked where it was read.

    ``text``, when given, is percent-encoded into ``?text=``.

    Examples:
        >>> link_to("+6281359547691")
        'https://wa.me/6281359547691'
        >>> link_to("+6281359547691", "KTP-el & KK")
        'https://wa.me/6281359547691?text=KTP-el%20%26%20KK'
    """
    link = "https://wa.me/" + e164[1:]
    if text is not None:
        message = checked_text("text", text, "a message to pre-fill, or None", limit=4096)
        link += "?text=" + quote(message, safe="") if message else ""
    return link
