"""``menu()``: every service with what to do about it now, for a bot's menu."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from adminduk._advice_text import language
from adminduk.advice._advise import answer, office_and_moment
from adminduk.advice._model import Advice
from adminduk.advice._wording import service_name
from adminduk.documents import Service, catalogue
from adminduk.offices import OfficeConfig
from adminduk.triage import Outcome

__all__ = ["MenuItem", "menu"]


@dataclass(frozen=True, slots=True)
class MenuItem:
    """One line of an office's menu: a service, what to do about it now, and its label.

    Attributes:
        service: the catalogue service.
        outcome: the outcome of :func:`advise` for it at the menu's instant.
        label_id: a short label in Indonesian (document and action).
        label_en: the same in English.
        advice: the whole answer, for the reply once the citizen picks this line.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> item = adminduk.menu("35.14", at=datetime(2020, 3, 24, 10))[0]
        >>> item.service, item.outcome.value, item.label("en-GB")
        (Service('ktp-el/baru'), 'online', 'Electronic identity card (KTP-el): first issuance')
        >>> item.advice.channels[0].kind.value
        'whatsapp'
    """

    service: Service
    outcome: Outcome
    label_id: str
    label_en: str
    advice: Advice

    def label(self, lang: str = "id") -> str:
        """The label in Indonesian (``id``) or English (``en``); any BCP 47 tag of either."""
        return self.label_en if language(lang) == "en" else self.label_id


_MENU_ORDER: Final = {outcome: rank for rank, outcome in enumerate(Outcome)}


def menu(office: OfficeConfig | str, at: dt.datetime | None = None) -> tuple[MenuItem, ...]:
    """Every catalogue service with its outcome at ``at``: the menu a bot shows.

    Ordered online, then in-person, then defer, then unavailable, and in catalogue order within
    each. Every item is the answer of :func:`advise` for that service at the same instant
    (no urgency reasons, a citizen with WhatsApp). Built in about a millisecond, so a bot can
    build it for every message (``benchmarks/bench_bot.py``).

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig`, or a registered code or slug.
        at: the moment; naive means the office's local wall time; default now.

    Raises:
        OfficeNotFound: no registered office has that code or slug.
        OutOfRange: ``at`` is not a datetime, or outside the years the calendar covers.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> items = adminduk.menu("kabupaten-pasuruan", at=datetime(2020, 3, 24, 10))
        >>> len(items) == len(adminduk.catalogue())
        True
        >>> [(item.service.code, item.outcome.value) for item in items][9:11]
        [('biodata/sinkronisasi', 'online'), ('kia/baru', 'defer')]
    """
    found, moment = office_and_moment(office, at)
    items = []
    for entry in catalogue():
        advice = answer(found, entry.service, moment)
        items.append(
            MenuItem(
                service=entry.service,
                outcome=advice.outcome,
                label_id=service_name(entry.service, "id"),
                label_en=service_name(entry.service, "en"),
                advice=advice,
            )
        )
    # sorted() is stable: catalogue order holds within each outcome.
    return tuple(sorted(items, key=lambda item: _MENU_ORDER[item.outcome]))
