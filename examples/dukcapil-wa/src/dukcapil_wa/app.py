"""The web application: the WhatsApp webhook and the officer page.

``create_app`` wires the settings, the database and a clock together; ``from_env`` is what
``uvicorn --factory dukcapil_wa.app:from_env`` serves, configured from the environment.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import FastAPI, Form, Query, Request
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from adminduk import AdmindukError, RequestEvent, TransitionError, redact
from adminduk.lifecycle import TRANSITIONS, Transition
from dukcapil_wa.conversation import Dialogue
from dukcapil_wa.db import InboundMessage, make_engine, make_sessions
from dukcapil_wa.settings import Settings
from dukcapil_wa.store import (
    Conflict,
    NotFound,
    apply_event,
    by_status,
    list_requests,
    queue_reply,
)
from dukcapil_wa.texts import DETAIL_LABELS, EVENT_LABELS, STATUS_LABELS, service_label
from dukcapil_wa.whatsapp import (
    IncomingText,
    WebhookPayload,
    incoming_messages,
    payload_problems,
)

__all__ = ["create_app", "from_env"]

log = logging.getLogger("dukcapil_wa")

_ROWS: dict[RequestEvent, Transition] = {row.event: row for row in TRANSITIONS}


def _now() -> datetime:
    return datetime.now(UTC)


def _bad_payload(problems: list[dict[str, str]]) -> JSONResponse:
    return JSONResponse(
        status_code=400,
        content={
            "error": "malformed WhatsApp webhook payload; nothing was changed",
            "problems": problems,
        },
    )


def _details(row: Transition, form: dict[str, str]) -> dict[str, Any]:
    """The event's details from the officer's form, as the table's row names them."""
    details: dict[str, Any] = {}
    for name in (*row.requires, *row.accepts):
        value = form.get(name, "").strip()
        if name == "originals_checked":
            details[name] = value == "on"
        elif name == "missing":
            items = [item.strip() for item in value.split(",") if item.strip()]
            if items or name in row.requires:
                details[name] = items
        elif value or name in row.requires:
            details[name] = value
    return details


def create_app(settings: Settings, clock: Callable[[], datetime] = _now) -> FastAPI:
    """The application for ``settings``; ``clock`` gives the current (aware) instant.

    Examples:
        >>> from fastapi.testclient import TestClient
        >>> client = TestClient(create_app(Settings(database_url="sqlite://", verify_token="t")))
        >>> client.get("/webhook", params={"hub.mode": "subscribe", "hub.verify_token": "t",
        ...                                "hub.challenge": "42"}).text
        '42'
    """
    engine = make_engine(settings.database_url)
    sessions = make_sessions(engine)
    dialogue = Dialogue(settings.office, clock)
    templates = Jinja2Templates(
        env=Environment(
            loader=PackageLoader("dukcapil_wa"),
            autoescape=select_autoescape(),
            trim_blocks=True,
            lstrip_blocks=True,
        )
    )
    app = FastAPI(title="dukcapil-wa", docs_url=None, redoc_url=None)
    app.state.engine = engine

    def answer_all(messages: list[IncomingText]) -> int:
        """Answer each new message in one transaction; return how many were new."""
        answered = 0
        try:
            with sessions.begin() as session:
                for message in messages:
                    if session.get(InboundMessage, message.message_id) is not None:
                        continue  # a retry of a message already answered
                    now = clock()
                    session.add(InboundMessage(message_id=message.message_id, received_at=now))
                    reply = dialogue.answer(session, message.wa_id, message.body)
                    queue_reply(session, message.wa_id, reply, now)
                    answered += 1
        except IntegrityError:  # the same retry arrived twice at once: the other one answers
            return 0
        return answered

    @app.get("/webhook", response_class=PlainTextResponse)
    def verify(
        mode: Annotated[str, Query(alias="hub.mode")] = "",
        token: Annotated[str, Query(alias="hub.verify_token")] = "",
        challenge: Annotated[str, Query(alias="hub.challenge")] = "",
    ) -> Response:
        """The Cloud API's verification handshake: echo the challenge if the token matches."""
        if mode == "subscribe" and token == settings.verify_token:
            return PlainTextResponse(challenge)
        return PlainTextResponse("verification failed", status_code=403)

    @app.post("/webhook")
    async def webhook(request: Request) -> Response:
        """Answer every message of a webhook notification; replies go to the outbox."""
        try:
            data = json.loads(await request.body())
        except (UnicodeDecodeError, json.JSONDecodeError):
            return _bad_payload([{"path": "(body)", "problem": "not a JSON document"}])
        try:
            payload = WebhookPayload.model_validate(data)
        except ValidationError as err:
            return _bad_payload(payload_problems(err))
        messages = incoming_messages(payload)
        # The database and the library are synchronous: run them off the event loop.
        answered = await run_in_threadpool(answer_all, messages)
        log.info(redact(f"webhook: {len(messages)} messages, {answered} answered"))
        return JSONResponse({"received": len(messages), "answered": answered})

    @app.get("/officer", response_class=HTMLResponse)
    def officer(request: Request) -> Response:
        """Requests by status, personal data masked, each with its allowed next events."""
        with sessions() as session:
            groups = by_status(list_requests(session))
        return templates.TemplateResponse(
            request,
            "officer.html",
            {
                "groups": groups,
                "rows": _ROWS,
                "status_labels": STATUS_LABELS,
                "event_labels": EVENT_LABELS,
                "detail_labels": DETAIL_LABELS,
                "service_label": service_label,
            },
        )

    @app.post("/officer/requests/{number}/events")
    def officer_event(
        request: Request,
        number: int,
        event: Annotated[str, Form()],
        version: Annotated[int, Form()],
        missing: Annotated[str, Form()] = "",
        reason: Annotated[str, Form()] = "",
        pickup_place: Annotated[str, Form()] = "",
        originals_checked: Annotated[str, Form()] = "",
        note: Annotated[str, Form()] = "",
    ) -> Response:
        """Apply an officer's event; 409 where another officer changed the request first."""
        try:
            chosen = RequestEvent(event)
        except ValueError:
            return _message(request, templates, 422, f"Peristiwa tidak dikenal: {event}")
        form = {
            "missing": missing,
            "reason": reason,
            "pickup_place": pickup_place,
            "originals_checked": originals_checked,
            "note": note,
        }
        try:
            with sessions.begin() as session:
                apply_event(
                    session, number, version, chosen, clock(), _details(_ROWS[chosen], form)
                )
        except NotFound:
            return _message(request, templates, 404, f"Permohonan nomor {number} tidak ada.")
        except Conflict:
            return _message(
                request,
                templates,
                409,
                f"Permohonan nomor {number} sudah diubah petugas lain. Muat ulang halaman ini.",
            )
        except TransitionError as err:
            return _message(request, templates, 422, f"Ditolak: {err}")
        except AdmindukError as err:
            return _message(request, templates, 422, f"Ditolak: {err}")
        log.info("request %d: %s", number, chosen.value)
        return RedirectResponse(f"/officer#permohonan-{number}", status_code=303)

    return app


def _message(request: Request, templates: Jinja2Templates, status: int, text: str) -> Response:
    return templates.TemplateResponse(request, "message.html", {"text": text}, status_code=status)


def from_env() -> FastAPI:
    """The application configured from ``DUKCAPIL_WA_*``, logging at INFO.

    What ``uvicorn --factory dukcapil_wa.app:from_env`` serves.
    """
    logging.basicConfig(level=logging.INFO)
    return create_app(Settings.from_env())
