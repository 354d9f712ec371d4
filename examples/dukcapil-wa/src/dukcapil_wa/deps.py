"""What routes share, handed to them as FastAPI dependencies.

``create_app`` builds one :class:`Services` and keeps it on ``app.state``; a route asks for it
with ``services: ServicesDep``. Tests build the app with their own clock and database, so no
route reaches for a global.

An officer page asks for ``ViewerDep`` (a logged-in, active officer, or a redirect to the login
page); a form's POST asks for ``ActorDep``, which also checks the form's CSRF token and the
request's ``Origin`` (401 without a session, 403 with a wrong token or another site's origin).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Form, HTTPException, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from dukcapil_wa.auth import SUPERVISOR, Session, SessionCookie, foreign_origin, same_token
from dukcapil_wa.conversation import Dialogue
from dukcapil_wa.db import Officer
from dukcapil_wa.inbox import Inbox
from dukcapil_wa.media import MediaStore
from dukcapil_wa.settings import Settings

__all__ = [
    "Actor",
    "ActorDep",
    "LoginRequired",
    "Services",
    "ServicesDep",
    "SupervisorDep",
    "ViewerDep",
    "acting_officer",
    "get_services",
    "remote_addr",
    "viewing_officer",
]


@dataclass(frozen=True, slots=True)
class Services:
    """The settings, the database, the dialogue, the files and the page templates of one app."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Any]
    dialogue: Dialogue
    inbox: Inbox
    media: MediaStore
    templates: Jinja2Templates
    clock: Callable[[], datetime]
    cookie: SessionCookie


async def get_services(request: Request) -> Services:
    """The app's :class:`Services`.

    ``async`` although it awaits nothing: FastAPI runs a plain ``def`` dependency in its thread
    pool, and that hop cost each webhook POST as much as its JSON checks (see
    ``benchmarks/profile_webhook.py``).
    """
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


class LoginRequired(Exception):
    """An officer page was asked for without a session; answered with the login page."""


@dataclass(frozen=True, slots=True)
class Actor:
    """The officer behind a request, their session, and the address the request came from."""

    officer: Officer
    session: Session
    remote_addr: str


def remote_addr(request: Request) -> str:
    """The client's address as uvicorn gives it (behind a proxy: see ``--forwarded-allow-ips``)."""
    return request.client.host if request.client else ""


def _logged_in(request: Request, services: Services) -> Actor | None:
    session = services.cookie.of(request)
    if session is None or session.officer_id is None:
        return None
    with services.sessions() as db:
        officer = db.get(Officer, session.officer_id)
    if officer is None or not officer.active:  # an account switched off ends its sessions
        return None
    return Actor(officer, session, remote_addr(request))


def viewing_officer(request: Request, services: ServicesDep) -> Actor:
    """The logged-in officer; without one, :class:`LoginRequired` (a redirect to log in)."""
    actor = _logged_in(request, services)
    if actor is None:
        raise LoginRequired
    return actor


def acting_officer(
    request: Request,
    services: ServicesDep,
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Actor:
    """The logged-in officer posting a form of this site with this session's CSRF token."""
    if foreign_origin(request):
        raise HTTPException(403, "Permintaan dari situs lain ditolak.")
    actor = _logged_in(request, services)
    if actor is None:
        raise HTTPException(401, "Silakan masuk terlebih dahulu.")
    if not same_token(actor.session, csrf_token):
        raise HTTPException(403, "Token formulir tidak cocok. Muat ulang halaman ini.")
    return actor


def _supervising(actor: Annotated[Actor, Depends(acting_officer)]) -> Actor:
    if actor.officer.role != SUPERVISOR:
        raise HTTPException(403, "Hanya supervisor yang dapat mengelola akun petugas.")
    return actor


ViewerDep = Annotated[Actor, Depends(viewing_officer)]
ActorDep = Annotated[Actor, Depends(acting_officer)]
SupervisorDep = Annotated[Actor, Depends(_supervising)]
