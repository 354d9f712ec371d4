"""Logging in and out, the supervisor's account page, and the pages' style sheet.

The login form carries a CSRF token too: ``GET /officer/login`` hands out a session without an
officer, and the login replaces it with a new one (a new token), so no token from before the
login survives it. Five failed logins for one username within 15 minutes lock that username
for the rest of the 15 minutes; every attempt is in the audit trail.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from importlib.resources import files
from typing import Annotated, Final

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select

from dukcapil_wa import audit
from dukcapil_wa.accounts import AccountError, create_officer
from dukcapil_wa.auth import (
    ROLES,
    SUPERVISOR,
    foreign_origin,
    hash_password,
    needs_rehash,
    same_token,
    verify_password,
)
from dukcapil_wa.db import Officer
from dukcapil_wa.deps import ActorDep, ServicesDep, SupervisorDep, ViewerDep, remote_addr
from dukcapil_wa.pages import message, render

__all__ = ["router"]

log = logging.getLogger("dukcapil_wa.login")

router = APIRouter(prefix="/officer")

MAX_FAILURES: Final = 5
FAILURE_WINDOW: Final = timedelta(minutes=15)

_STYLE: Final = (files("dukcapil_wa") / "templates" / "style.css").read_bytes()


@router.get("/style.css", include_in_schema=False)
def style() -> Response:
    """The pages' style sheet (a file of this site, as the CSP allows; no inline style)."""
    return Response(_STYLE, media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, services: ServicesDep) -> Response:
    """The login form, with a fresh pre-login session for its CSRF token."""
    session = services.cookie.of(request)
    if session is None or session.officer_id is not None:
        session = services.cookie.new(None)
    response = render(request, services, None, "login.html", csrf=session.csrf)
    services.cookie.set(response, session)
    return response


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    services: ServicesDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """Check the password; on success, a new session for the officer."""
    before = services.cookie.of(request)
    if foreign_origin(request) or before is None or not same_token(before, csrf_token):
        return message(request, services, None, 403, "Formulir kedaluwarsa. Muat ulang.")
    username = username.strip().lower()
    now = services.clock()
    address = remote_addr(request)
    with services.sessions.begin() as session:
        if audit.failures_since(session, username, now - FAILURE_WINDOW) >= MAX_FAILURES:
            log.warning("login: too many failures, refused")
            return render(
                request,
                services,
                None,
                "login.html",
                429,
                csrf=before.csrf,
                error="Terlalu banyak percobaan gagal. Coba lagi 15 menit lagi.",
            )
        officer = session.scalar(select(Officer).where(Officer.username == username))
        stored = officer.password_hash if officer is not None and officer.active else None
        officer_id: int | None = None
        if officer is None or not verify_password(stored, password):
            audit.record(
                session,
                at=now,
                officer=None,
                action=audit.LOGIN_FAILED,
                remote_addr=address,
                username=username,
            )
        else:
            if needs_rehash(officer.password_hash):
                officer.password_hash = hash_password(password)
            audit.record(session, at=now, officer=officer, action="login", remote_addr=address)
            officer_id = officer.id
    if officer_id is None:
        return render(
            request,
            services,
            None,
            "login.html",
            401,
            csrf=before.csrf,
            error="Nama pengguna atau kata sandi salah.",
        )
    response = RedirectResponse("/officer", status_code=303)
    services.cookie.set(response, services.cookie.new(officer_id))
    return response


@router.post("/logout")
def logout(services: ServicesDep, actor: ActorDep) -> Response:
    """End the session."""
    with services.sessions.begin() as session:
        audit.by(
            session,
            actor,
            "logout",
            at=services.clock(),
        )
    response = RedirectResponse("/officer/login", status_code=303)
    services.cookie.clear(response)
    return response


@router.get("/officers", response_class=HTMLResponse)
def officers_page(request: Request, services: ServicesDep, actor: ViewerDep) -> Response:
    """A supervisor's page: the office's accounts, and a form for a new one."""
    if actor.officer.role != SUPERVISOR:
        return message(
            request, services, actor, 403, "Hanya supervisor yang dapat mengelola akun petugas."
        )
    with services.sessions() as session:
        accounts = session.scalars(
            select(Officer).where(Officer.office == actor.officer.office).order_by(Officer.id)
        ).all()
    return render(request, services, actor, "officers.html", accounts=accounts, roles=ROLES)


@router.post("/officers")
def add_officer(
    request: Request,
    services: ServicesDep,
    actor: SupervisorDep,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    role: Annotated[str, Form(max_length=16)],
) -> Response:
    """A supervisor adds an account to their own office."""
    now = services.clock()
    try:
        with services.sessions.begin() as session:
            made = create_officer(session, username, password, actor.officer.office, role, now)
            audit.by(
                session,
                actor,
                "create_officer",
                at=now,
                detail=f"{made.username} ({made.role})",
            )
    except AccountError as err:
        return message(request, services, actor, 422, f"Akun tidak dibuat: {err}")
    return RedirectResponse("/officer/officers", status_code=303)


@router.post("/officers/{officer_id}/deactivate")
def deactivate_officer(
    request: Request, services: ServicesDep, actor: SupervisorDep, officer_id: int
) -> Response:
    """A supervisor switches off an account of their office (not their own)."""
    with services.sessions.begin() as session:
        target = session.get(Officer, officer_id) if 0 < officer_id < 2**31 else None
        if target is None or target.office != actor.officer.office:
            return message(request, services, actor, 404, "Akun itu tidak ada.")
        if target.id == actor.officer.id:
            return message(request, services, actor, 422, "Akun sendiri tidak dapat dimatikan.")
        target.active = False
        audit.by(
            session,
            actor,
            "deactivate_officer",
            at=services.clock(),
            detail=target.username,
        )
    return RedirectResponse("/officer/officers", status_code=303)
