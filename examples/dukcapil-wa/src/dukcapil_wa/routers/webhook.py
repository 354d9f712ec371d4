"""``GET /webhook`` (Meta's verification handshake) and ``POST /webhook`` (notifications).

A POST is checked in this order, and the first failure answers: the body's size (413, by
:class:`~dukcapil_wa.security.BodyLimit`, before it is read whole), the signature over the raw
bytes (401 missing, 403 wrong), the JSON's shape (400). Only then is anything written.
"""

from __future__ import annotations

import hmac
import logging
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from adminduk import redact
from dukcapil_wa.deps import ServicesDep
from dukcapil_wa.security import BadJson, parse_json, signature_problem
from dukcapil_wa.sender import record_statuses
from dukcapil_wa.whatsapp import (
    WebhookPayload,
    delivery_statuses,
    incoming_messages,
    payload_problems,
)

__all__ = ["router"]

log = logging.getLogger("dukcapil_wa.webhook")

router = APIRouter()

_SIGNATURE_ERRORS = {
    401: "missing X-Hub-Signature-256; nothing was read",
    403: "X-Hub-Signature-256 does not sign this body; nothing was read",
}


def _bad_payload(problems: list[dict[str, str]]) -> JSONResponse:
    return JSONResponse(
        status_code=400,
        content={
            "error": "malformed WhatsApp webhook payload; nothing was changed",
            "problems": problems,
        },
    )


@router.get("/webhook", response_class=PlainTextResponse)
def verify(
    services: ServicesDep,
    mode: Annotated[str, Query(alias="hub.mode", max_length=32)] = "",
    token: Annotated[str, Query(alias="hub.verify_token", max_length=512)] = "",
    challenge: Annotated[str, Query(alias="hub.challenge", max_length=512)] = "",
) -> Response:
    """The Cloud API's verification handshake: echo the challenge if the token matches."""
    expected = services.settings.verify_token.get_secret_value().encode()
    if mode == "subscribe" and hmac.compare_digest(token.encode(), expected):
        return PlainTextResponse(challenge)
    return PlainTextResponse("verification failed", status_code=403)


@router.post("/webhook")
async def receive(request: Request, services: ServicesDep) -> Response:
    """Answer every message of a signed notification; replies go to the outbox."""
    raw = await request.body()  # BodyLimit has refused anything over the limit already
    secret = services.settings.app_secret.get_secret_value().encode()
    status = signature_problem(secret, raw, request.headers.get("x-hub-signature-256"))
    if status is not None:
        log.warning("webhook: refused with %d (signature)", status)
        return JSONResponse(status_code=status, content={"error": _SIGNATURE_ERRORS[status]})
    try:
        data = parse_json(raw)
    except BadJson as err:
        return _bad_payload([{"path": "(body)", "problem": str(err)}])
    try:
        payload = WebhookPayload.model_validate(data)
    except ValidationError as err:
        return _bad_payload(payload_problems(err))
    messages = incoming_messages(payload)
    statuses = delivery_statuses(payload)
    if len(messages) + len(statuses) > services.settings.max_messages:
        limit = services.settings.max_messages
        problem = f"more than {limit} messages and statuses"
        return _bad_payload([{"path": "entry", "problem": problem}])
    # The database and the library are synchronous: run them off the event loop.
    answered = await run_in_threadpool(services.inbox.answer_all, messages)
    moved = 0
    if statuses:
        moved = await run_in_threadpool(
            record_statuses, services.sessions, statuses, services.clock()
        )
    if log.isEnabledFor(logging.INFO):  # redact() reads the whole line: only for a kept one
        log.info(
            redact(f"webhook: {len(messages)} messages, {answered} answered, {moved} statuses")
        )
    return JSONResponse({"received": len(messages), "answered": answered, "statuses": moved})
