"""What the officer console shows of a request: applicant, files, checklist, due date.

Built from the stored rows and the replayed history, for the officer's own office only. The due
date is the library's (:attr:`adminduk.ServiceRequest.due_at`): where the office publishes no
completion time there is none, and the page shows none rather than a guess.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from adminduk import AdmindukError, RequestEvent, advise, get_office
from dukcapil_wa.db import Attachment, RequestRow
from dukcapil_wa.store import StoredRequest, list_requests
from dukcapil_wa.texts import service_label

__all__ = ["Card", "Search", "cards", "checklist", "office_name"]

MAX_QUERY = 100


@functools.lru_cache(maxsize=64)
def office_name(code: str) -> str:
    """The office's name ("Dinas … Kabupaten Pasuruan"); the code where it is unknown."""
    try:
        return get_office(code).name
    except AdmindukError:
        return code


def checklist(stored: StoredRequest) -> tuple[str, ...]:
    """The documents the office asked for when the request was made (the advice's checklist)."""
    request = stored.request
    try:
        advice = advise(request.office, request.service, at=request.submitted_at)
    except AdmindukError:
        return ()
    return tuple(item.name_id for item in advice.requirements)


def missing_now(stored: StoredRequest) -> tuple[str, ...]:
    """What the latest "berkas kurang" named, while the request waits for it."""
    for entry in reversed(stored.request.history):
        if entry.name == RequestEvent.MARK_INCOMPLETE:
            return tuple(entry.missing or ())
        if entry.name == RequestEvent.RESUBMIT:
            return ()
    return ()


@dataclass(frozen=True, slots=True)
class Search:
    """The console's search: a request number or words of the service, and a submission date.

    Examples:
        >>> Search.read(" 12 ", "").number, Search.read("akta", "2020-03-24").day
        (12, datetime.date(2020, 3, 24))
        >>> Search.read("", "24/03/2020").problem
        'Tanggal harus berbentuk TTTT-BB-HH.'
    """

    text: str = ""
    number: int | None = None
    day: date | None = None
    problem: str = ""

    @classmethod
    def read(cls, query: str, day: str) -> Search:
        """The search from the form's fields, with a problem to show instead of an error."""
        text = " ".join(query.split())[:MAX_QUERY]
        number = int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None
        found_day = None
        problem = ""
        if day.strip():
            try:
                found_day = date.fromisoformat(day.strip())
            except ValueError:
                problem = "Tanggal harus berbentuk TTTT-BB-HH."
        return cls(text if number is None else "", number, found_day, problem)

    def matches(self, stored: StoredRequest) -> bool:
        """Whether ``stored`` is among the results."""
        request = stored.request
        if self.number is not None and stored.number != self.number:
            return False
        if self.text:
            words = f"{request.service.code} {service_label(request.service)}".casefold()
            if not all(word in words for word in self.text.casefold().split()):
                return False
        return self.day is None or request.submitted_at.date() == self.day


@dataclass(frozen=True, slots=True)
class Card:
    """One request as the console shows it."""

    stored: StoredRequest
    applicant_name: str | None
    attachments: int
    due: datetime | None
    late: bool
    missing: tuple[str, ...]

    @property
    def number(self) -> int:
        """The request's number."""
        return self.stored.number


def cards(
    session: Session, office: str, search: Search, now: datetime, limit: int = 500
) -> list[Card]:
    """The office's latest requests matching ``search``, newest first."""
    found = [s for s in list_requests(session, office, limit) if search.matches(s)]
    return describe(session, found, now)


def describe(session: Session, found: Sequence[StoredRequest], now: datetime) -> list[Card]:
    """``found`` with what the console adds: name, files, due date, lateness, what is missing."""
    numbers = [stored.number for stored in found]
    names: dict[int, str | None] = {
        row.id: row.applicant_name
        for row in session.execute(
            select(RequestRow.id, RequestRow.applicant_name).where(RequestRow.id.in_(numbers))
        )
    }
    files: dict[int, int] = {}
    for request_id in session.scalars(
        select(Attachment.request_id).where(Attachment.request_id.in_(numbers))
    ):
        files[request_id] = files.get(request_id, 0) + 1
    result = []
    for stored in found:
        request = stored.request
        due = request.due_at
        result.append(
            Card(
                stored=stored,
                applicant_name=names.get(stored.number),
                attachments=files.get(stored.number, 0),
                due=due,
                late=request.is_overdue(now),
                missing=missing_now(stored),
            )
        )
    return result
