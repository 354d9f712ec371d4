"""Requests as append-only events: write the submission, replay a request, apply an event once.

An event is written only where the request's history still has the length the officer saw
(``version``): the status row is updated with ``WHERE version = :seen`` and the event row's
``(request_id, seq)`` is unique, so of two officers acting on the same state one wins and the
other gets :class:`Conflict`, with no event lost or written twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Table, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from adminduk import RequestEvent, RequestStatus, ServiceRequest
from adminduk.identity import REVEAL_CONTEXT
from dukcapil_wa.db import EventRow, OutboxMessage, RequestRow
from dukcapil_wa.texts import notification
from dukcapil_wa.whatsapp import text_message

__all__ = [
    "Conflict",
    "NotFound",
    "StoredRequest",
    "add_request",
    "apply_event",
    "by_status",
    "list_requests",
    "load",
    "office_of",
    "queue_payload",
    "queue_reply",
]


class Conflict(Exception):
    """The request changed since it was read: another officer acted first."""


class NotFound(LookupError):
    """No request has that number."""


@dataclass(frozen=True, slots=True)
class StoredRequest:
    """A request as replayed from its events, with its number and its history length."""

    number: int
    request: ServiceRequest

    @property
    def version(self) -> int:
        """The number of events so far; what an officer's action must still find."""
        return len(self.request.history)


# Every message writes to these tables: Core statements against the tables, built once, skip
# the ORM's unit of work and its bulk-insert path (see ``benchmarks/profile_webhook.py``).
_OUTBOX: Final[Table] = OutboxMessage.__table__  # type: ignore[assignment]
_QUEUE: Final = insert(_OUTBOX)
_REQUESTS: Final[Table] = RequestRow.__table__  # type: ignore[assignment]
_ADD_REQUEST: Final = insert(_REQUESTS).returning(_REQUESTS.c.id)
_EVENTS: Final[Table] = EventRow.__table__  # type: ignore[assignment]
_ADD_EVENT: Final = insert(_EVENTS)


def queue_payload(session: Session, wa_id: str, message: dict[str, Any], at: datetime) -> None:
    """Put one send-message JSON (an interactive list, say) in the outbox as it is."""
    row = {"to": wa_id, "payload": json.dumps(message), "created_at": at, "status": "pending"}
    session.execute(_QUEUE, [row])


def queue_reply(session: Session, wa_id: str, body: str, at: datetime) -> None:
    """Put a reply to ``wa_id`` in the outbox as the Cloud API's send-message JSON.

    One INSERT for all its parts, written at once rather than through the ORM's unit of work.
    """
    rows = [
        {"to": wa_id, "payload": json.dumps(message), "created_at": at, "status": "pending"}
        for message in text_message(wa_id, body)
    ]
    session.execute(_QUEUE, rows)


def _entry_row(number: int, seq: int, request: ServiceRequest) -> dict[str, Any]:
    entry = request.history[seq]
    return {
        "request_id": number,
        "seq": seq,
        "name": str(entry.name),
        "entry": entry.model_dump_json(context=REVEAL_CONTEXT),
    }


def add_request(
    session: Session,
    request: ServiceRequest,
    *,
    wa_id: str | None = None,
    applicant_name: str | None = None,
) -> int:
    """Store a new request (its submission event); return its number.

    ``wa_id`` is the WhatsApp id that registered it (so "status" finds it), ``applicant_name``
    the name the citizen gave (for the officer).
    """
    row = {
        "office": request.office,
        "service": request.service.code,
        "status": request.status.value,
        "version": len(request.history),
        "submitted_at": request.submitted_at,
        "wa_id": wa_id,
        "applicant_name": applicant_name,
    }
    number: int = session.execute(_ADD_REQUEST, row).scalar_one()
    session.execute(_ADD_EVENT, _entry_row(number, 0, request))
    return number


def _replay(rows: Sequence[EventRow]) -> ServiceRequest:
    return ServiceRequest.from_history([json.loads(row.entry) for row in rows])


def office_of(session: Session, number: int) -> str:
    """The office request ``number`` was made to; :class:`NotFound` where there is none."""
    office = session.scalar(select(RequestRow.office).where(RequestRow.id == number))
    if office is None:
        raise NotFound(number)
    return office


def load(session: Session, number: int) -> StoredRequest:
    """Request ``number``, rebuilt from its events with ``ServiceRequest.from_history``."""
    rows = session.scalars(
        select(EventRow).where(EventRow.request_id == number).order_by(EventRow.seq)
    ).all()
    if not rows:
        raise NotFound(number)
    return StoredRequest(number, _replay(rows))


def list_requests(
    session: Session, office: str | None = None, limit: int = 500
) -> list[StoredRequest]:
    """The latest ``limit`` requests (of ``office``, or all), newest first, replayed."""
    query = select(RequestRow.id).order_by(RequestRow.id.desc()).limit(limit)
    if office is not None:
        query = query.where(RequestRow.office == office)
    numbers = session.scalars(query).all()
    if not numbers:
        return []
    rows = session.scalars(
        select(EventRow)
        .where(EventRow.request_id.in_(numbers))
        .order_by(EventRow.request_id, EventRow.seq)
    ).all()
    by_number: dict[int, list[EventRow]] = {}
    for row in rows:
        by_number.setdefault(row.request_id, []).append(row)
    return [StoredRequest(number, _replay(by_number[number])) for number in numbers]


def apply_event(
    session: Session,
    number: int,
    seen_version: int,
    event: RequestEvent,
    at: datetime,
    details: dict[str, Any],
    before_write: Callable[[], object] | None = None,
    *,
    tell_citizen: bool = True,
) -> StoredRequest:
    """Apply ``event`` to request ``number`` as the officer saw it; tell the citizen.

    Args:
        session: a session inside a transaction; the caller commits.
        number: the request's number.
        seen_version: the history length on the officer's page.
        event: the event.
        at: when.
        details: the event's details (``missing``, ``reason``, …).
        before_write: called between the read and the write (tests use it to line up two
            officers at the same moment).
        tell_citizen: queue the event's message to the citizen; false where the caller is
            answering the citizen already and says it in its own reply.

    Raises:
        NotFound: no such request.
        Conflict: the history is no longer ``seen_version`` long.
        TransitionError: the library refused the event (the request is unchanged).
    """
    # --8<-- [start:optimistic]
    stored = load(session, number)
    if stored.version != seen_version:
        raise Conflict(number)
    request = stored.request.apply(event, at, **details)
    if before_write is not None:
        before_write()
    changed = session.execute(
        update(RequestRow)
        .where(RequestRow.id == number, RequestRow.version == seen_version)
        .values(status=request.status.value, version=seen_version + 1)
    )
    if getattr(changed, "rowcount", 1) != 1:
        raise Conflict(number)
    try:
        with session.begin_nested():
            session.execute(_ADD_EVENT, _entry_row(number, seen_version, request))
    except IntegrityError:
        raise Conflict(number) from None
    # --8<-- [end:optimistic]
    entry = request.history[-1]
    if tell_citizen and request.phone is not None:
        body = notification(
            entry.name if isinstance(entry.name, RequestEvent) else RequestEvent(entry.name),
            number,
            request.service,
            missing=entry.missing or (),
            reason=entry.reason,
            pickup_place=entry.pickup_place,
        )
        queue_reply(session, request.phone.reveal().lstrip("+"), body, at)
    return StoredRequest(number, request)


def by_status(requests: Sequence[StoredRequest]) -> dict[RequestStatus, list[StoredRequest]]:
    """``requests`` grouped by status, in the order of the library's statuses."""
    groups: dict[RequestStatus, list[StoredRequest]] = {status: [] for status in RequestStatus}
    for stored in requests:
        groups[stored.request.status].append(stored)
    return {status: items for status, items in groups.items() if items}
