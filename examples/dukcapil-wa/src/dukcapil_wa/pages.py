"""Rendering the officer pages: every page gets the officer and the CSRF token its forms carry."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException
from starlette.templating import Jinja2Templates

from dukcapil_wa.deps import Actor, Services

__all__ = [
    "http_error",
    "invalid_input",
    "login_required",
    "message",
    "render",
    "templates",
]


def templates() -> Jinja2Templates:
    """The officer pages' templates, autoescaped."""
    return Jinja2Templates(
        env=Environment(
            loader=PackageLoader("dukcapil_wa"),
            autoescape=select_autoescape(),
            trim_blocks=True,
            lstrip_blocks=True,
        )
    )


def render(
    request: Request,
    services: Services,
    actor: Actor | None,
    name: str,
    status: int = 200,
    **context: Any,
) -> Response:
    """Template ``name`` for ``actor`` (``None`` on the login page)."""
    context |= {
        "officer": actor.officer if actor else None,
        "csrf": actor.session.csrf if actor else context.get("csrf", ""),
    }
    return services.templates.TemplateResponse(request, name, context, status_code=status)


def message(
    request: Request, services: Services, actor: Actor | None, status: int, text: str
) -> Response:
    """A page with one message (a refusal, a conflict)."""
    return render(request, services, actor, "message.html", status, text=text)


async def login_required(request: Request, _exc: Exception) -> Response:
    """An officer page without a session: go to the login page."""
    return RedirectResponse("/officer/login", status_code=303)


_TEXTS = {
    401: "Silakan masuk terlebih dahulu.",
    403: "Anda tidak berhak melakukan ini.",
    404: "Halaman atau permohonan itu tidak ada.",
    405: "Cara permintaan ini tidak diterima.",
    413: "Isi permintaan terlalu besar.",
    422: "Isian formulir tidak dapat dibaca.",
}


def _answer(request: Request, status: int, text: str) -> Response:
    if not request.url.path.startswith("/officer"):
        return JSONResponse({"error": text}, status_code=status)
    services: Services = request.app.state.services
    return message(request, services, None, status, text)


async def http_error(request: Request, exc: Exception) -> Response:
    """An HTTP error as an Indonesian page on officer paths, as JSON elsewhere."""
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    own = isinstance(exc.detail, str) and exc.detail != HTTPStatus(status).phrase
    text = exc.detail if own else _TEXTS.get(status, "Permintaan ditolak.")
    return _answer(request, status, text)


async def invalid_input(request: Request, _exc: Exception) -> Response:
    """A form or query that does not fit its fields: 422, without echoing what was sent."""
    return _answer(request, 422, _TEXTS[422])
