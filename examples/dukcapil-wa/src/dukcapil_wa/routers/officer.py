"""The officer pages: the requests of the officer's office, one request, and its events.

Every route needs a logged-in officer (``ViewerDep``; a POST ``ActorDep``, which checks the
CSRF token too). An officer sees and acts on the requests of their own office only: another
office's request is answered as if it did not exist. Every event is written to the audit trail
with who, when and from where, and the request's page shows that trail.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from adminduk import AdmindukError, RequestEvent
from adminduk.lifecycle import TRANSITIONS, Transition
from dukcapil_wa import audit
from dukcapil_wa.deps import ActorDep, ServicesDep, ViewerDep
from dukcapil_wa.pages import message, render
from dukcapil_wa.store import (
    Conflict,
    NotFound,
    apply_event,
    by_status,
    list_requests,
    load,
    office_of,
)
from dukcapil_wa.texts import DETAIL_LABELS, EVENT_LABELS, STATUS_LABELS, service_label

__all__ = ["MAX_NUMBER", "details", "request_number", "router"]

log = logging.getLogger("dukcapil_wa.officer")

router = APIRouter(prefix="/officer")

ROWS: Final[dict[RequestEvent, Transition]] = {row.event: row for row in TRANSITIONS}

MAX_NUMBER: Final = 2**31 - 1
"""The largest request number a database integer column holds (PostgreSQL's ``integer``)."""

_Text = Annotated[str, Form(max_length=2000)]

_LABELS: Final[dict[str, Any]] = {
    "rows": ROWS,
    "status_labels": STATUS_LABELS,
    "event_labels": EVENT_LABELS,
    "detail_labels": DETAIL_LABELS,
    "service_label": service_label,
}


def request_number(number: str) -> int:
    """The request number of the path; 404 for anything no request can have.

    Examples:
        >>> request_number("12")
        12
        >>> request_number("99999999999999999999999")
        Traceback (most recent call last):
        ...
        fastapi.exceptions.HTTPException: 404: Not Found
    """
    if not number.isascii() or not number.isdigit() or len(number) > 10:
        raise HTTPException(404)
    value = int(number)
    if not 1 <= value <= MAX_NUMBER:
        raise HTTPException(404)
    return value


NumberDep = Annotated[int, Depends(request_number)]


def details(row: Transition, form: dict[str, str]) -> dict[str, Any]:
    """The event's details from the officer's form, as the table's row names them."""
    found: dict[str, Any] = {}
    for name in (*row.requires, *row.accepts):
        value = form.get(name, "").strip()
        if name == "originals_checked":
            found[name] = value == "on"
        elif name == "missing":
            items = [item.strip() for item in value.split(",") if item.strip()]
            if items or name in row.requires:
                found[name] = items
        elif value or name in row.requires:
            found[name] = value
    return found


def _not_found(number: int) -> HTTPException:
    return HTTPException(404, f"Permohonan nomor {number} tidak ada.")


@router.get("", response_class=HTMLResponse)
def requests_page(request: Request, services: ServicesDep, actor: ViewerDep) -> Response:
    """The office's requests by status, personal data masked, each with its next events."""
    with services.sessions() as session:
        groups = by_status(list_requests(session, actor.officer.office))
    return render(request, services, actor, "officer.html", groups=groups, **_LABELS)


@router.get("/requests/{number}", response_class=HTMLResponse)
def request_page(
    request: Request, services: ServicesDep, actor: ViewerDep, number: NumberDep
) -> Response:
    """One request: its history, and the audit trail of what officers did to it."""
    with services.sessions() as session:
        try:
            if office_of(session, number) != actor.officer.office:
                raise NotFound(number)
            stored = load(session, number)
        except NotFound:
            raise _not_found(number) from None
        trail = audit.for_request(session, number)
    return render(request, services, actor, "request.html", stored=stored, trail=trail, **_LABELS)


@router.post("/requests/{number}/events")
def officer_event(
    request: Request,
    services: ServicesDep,
    actor: ActorDep,
    number: NumberDep,
    event: Annotated[str, Form(max_length=32)],
    version: Annotated[int, Form(ge=0, le=MAX_NUMBER)],
    missing: _Text = "",
    reason: _Text = "",
    pickup_place: _Text = "",
    originals_checked: Annotated[str, Form(max_length=8)] = "",
    note: _Text = "",
) -> Response:
    """Apply an officer's event; 409 where another officer changed the request first."""
    try:
        chosen = RequestEvent(event)
    except ValueError:
        return message(request, services, actor, 422, "Peristiwa tidak dikenal.")
    form = {
        "missing": missing,
        "reason": reason,
        "pickup_place": pickup_place,
        "originals_checked": originals_checked,
        "note": note,
    }
    now = services.clock()
    try:
        with services.sessions.begin() as session:
            if office_of(session, number) != actor.officer.office:
                raise NotFound(number)
            apply_event(session, number, version, chosen, now, details(ROWS[chosen], form))
            audit.record(
                session,
                at=now,
                officer=actor.officer,
                action=chosen.value,
                remote_addr=actor.remote_addr,
                request_id=number,
            )
    except NotFound:
        return message(request, services, actor, 404, f"Permohonan nomor {number} tidak ada.")
    except Conflict:
        return message(
            request,
            services,
            actor,
            409,
            f"Permohonan nomor {number} sudah diubah petugas lain. Muat ulang halaman ini.",
        )
    except AdmindukError as err:
        return message(request, services, actor, 422, f"Ditolak: {err}")
    log.info("request %d: %s by officer %d", number, chosen.value, actor.officer.id)
    return RedirectResponse(f"/officer#permohonan-{number}", status_code=303)
