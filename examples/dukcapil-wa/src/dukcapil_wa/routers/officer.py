"""The officer console: the office's requests by status with a search, one request, its files.

Every route needs a logged-in officer (``ViewerDep``; a POST ``ActorDep``, which checks the
CSRF token too). An officer sees and acts on the requests of their own office only: another
office's request (or file) is answered as if it did not exist. Every event is written to the
audit trail with who, when and from where, and so is every look at personal data beyond the
masked view: showing an applicant's NIK (with the reason the officer gives) and opening a file.
The request's page shows that trail.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from adminduk import AdmindukError, RequestEvent, RequestStatus
from adminduk.lifecycle import TRANSITIONS, Transition
from dukcapil_wa import audit
from dukcapil_wa.console import Search, cards, checklist, describe, missing_now, office_name
from dukcapil_wa.db import Attachment
from dukcapil_wa.deps import Actor, ActorDep, ServicesDep, ViewerDep
from dukcapil_wa.media import KINDS
from dukcapil_wa.pages import message, render
from dukcapil_wa.security import CONTENT_SECURITY_POLICY
from dukcapil_wa.store import Conflict, NotFound, StoredRequest, apply_event, load, office_of
from dukcapil_wa.texts import (
    CHANNEL_LABELS,
    DETAIL_LABELS,
    EVENT_LABELS,
    ROLE_LABELS,
    STATUS_LABELS,
    service_label,
)

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
    "channel_labels": CHANNEL_LABELS,
    "role_labels": ROLE_LABELS,
    "kinds": KINDS,
    "action_labels": {"show_nik": "Lihat NIK dan nomor WhatsApp", "open_file": "Buka berkas"},
    "service_label": service_label,
    "office_name": office_name,
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
def requests_page(
    request: Request,
    services: ServicesDep,
    actor: ViewerDep,
    q: Annotated[str, Query(max_length=200)] = "",
    tanggal: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    """The office's requests by status, searchable, personal data masked, with next events."""
    search = Search.read(q, tanggal)
    with services.sessions() as session:
        found = cards(session, actor.officer.office, search, services.clock())
    groups: dict[RequestStatus, list[Any]] = {}
    for card in found:
        groups.setdefault(card.stored.request.status, []).append(card)
    ordered = {status: groups[status] for status in RequestStatus if status in groups}
    return render(
        request, services, actor, "officer.html", groups=ordered, search=search, **_LABELS
    )


def _own(session: Any, actor: Actor, number: int) -> StoredRequest:
    """Request ``number`` of the officer's office; 404 for any other."""
    try:
        if office_of(session, number) != actor.officer.office:
            raise NotFound(number)
        return load(session, number)
    except NotFound:
        raise _not_found(number) from None


def _request_page(
    request: Request,
    services: ServicesDep,
    actor: Actor,
    number: int,
    shown_nik: str | None = None,
    shown_phone: str | None = None,
) -> Response:
    with services.sessions() as session:
        stored = _own(session, actor, number)
        (card,) = describe(session, [stored], services.clock())
        files = session.scalars(
            select(Attachment).where(Attachment.request_id == number).order_by(Attachment.id)
        ).all()
        trail = audit.for_request(session, number)
    return render(
        request,
        services,
        actor,
        "request.html",
        stored=stored,
        card=card,
        files=files,
        items=checklist(stored),
        missing=missing_now(stored),
        shown_nik=shown_nik,
        shown_phone=shown_phone,
        trail=trail,
        **_LABELS,
    )


@router.get("/requests/{number}", response_class=HTMLResponse)
def request_page(
    request: Request, services: ServicesDep, actor: ViewerDep, number: NumberDep
) -> Response:
    """One request: the applicant, the files, the checklist, the history and the audit trail."""
    return _request_page(request, services, actor, number)


@router.post("/requests/{number}/nik", response_class=HTMLResponse)
def show_nik(
    request: Request,
    services: ServicesDep,
    actor: ActorDep,
    number: NumberDep,
    reason: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Show the applicant's NIK and WhatsApp number once (to check the data, to call back),
    for a reason the officer writes; both are audited."""
    reason = " ".join(reason.split())
    if len(reason) < 5:
        return message(
            request,
            services,
            actor,
            422,
            "Tuliskan alasan melihat NIK dan nomor WhatsApp (paling sedikit 5 huruf).",
        )
    now = services.clock()
    with services.sessions.begin() as session:
        stored = _own(session, actor, number)
        nik = stored.request.applicant_nik
        phone = stored.request.phone
        audit.by(
            session,
            actor,
            "show_nik",
            at=now,
            request_id=number,
            detail=reason,
        )
    log.info("request %d: NIK and number shown to officer %d", number, actor.officer.id)
    return _request_page(
        request,
        services,
        actor,
        number,
        shown_nik=nik.reveal() if nik is not None else "—",
        shown_phone=phone.reveal() if phone is not None else "—",
    )


@router.get("/attachments/{number}")
def attachment(
    request: Request, services: ServicesDep, actor: ViewerDep, number: NumberDep
) -> Response:
    """A citizen's file, to an officer of the request's office only; each opening is audited."""
    with services.sessions.begin() as session:
        row = session.get(Attachment, number)
        # Another office's file does not exist either (not even its request's number is told).
        if row is None or office_of(session, row.request_id) != actor.officer.office:
            raise HTTPException(404, "Berkas itu tidak ada.")
        if row.purged_at is not None:
            raise HTTPException(410, "Berkas ini sudah dihapus karena masa simpannya habis.")
        audit.by(
            session,
            actor,
            "open_file",
            at=services.clock(),
            request_id=row.request_id,
            detail=f"berkas {row.id}",
        )
        content_type, digest = row.content_type, row.sha256
    try:
        data = services.media.read(digest)
    except FileNotFoundError:
        raise HTTPException(410, "Berkas ini sudah tidak tersimpan.") from None
    return Response(
        data,
        media_type=content_type,
        headers={
            "Content-Disposition": f'inline; filename="berkas-{number}"',
            "Cache-Control": "no-store",
            # An image or a PDF only, sandboxed: nothing in a crafted file runs as the console.
            "Content-Security-Policy": CONTENT_SECURITY_POLICY + "; sandbox",
        },
    )


@router.post("/requests/{number}/events")
def officer_event(
    request: Request,
    services: ServicesDep,
    actor: ActorDep,
    number: NumberDep,
    event: Annotated[str, Form(max_length=32)],
    version: Annotated[int, Form(ge=0, le=MAX_NUMBER)],
    missing: _Text = "",
    missing_item: Annotated[list[str] | None, Form(max_length=40)] = None,
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
    ticked = [item.replace(",", " ").strip() for item in missing_item or [] if item.strip()]
    form = {
        "missing": ", ".join([*ticked, missing] if missing.strip() else ticked),
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
            audit.by(
                session,
                actor,
                chosen.value,
                at=now,
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
