"""The web application: settings, database and routers put together.

``create_app`` builds the :class:`~dukcapil_wa.deps.Services` the routes depend on and adds the
middleware every response passes through; ``from_env`` is what
``uvicorn --factory dukcapil_wa.app:from_env`` serves, configured from ``DUKCAPIL_WA_*``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from dukcapil_wa.auth import SessionCookie
from dukcapil_wa.conversation import Dialogue
from dukcapil_wa.db import make_engine, make_sessions, ready
from dukcapil_wa.deps import LoginRequired, Services
from dukcapil_wa.inbox import Inbox, SenderLimit
from dukcapil_wa.media import MediaFetcher, MediaStore
from dukcapil_wa.pages import http_error, invalid_input, login_required, templates
from dukcapil_wa.routers import login, officer, webhook
from dukcapil_wa.security import BodyLimit, HideQueryString, SecurityHeaders
from dukcapil_wa.settings import Settings, load

__all__ = ["create_app", "from_env"]

log = logging.getLogger("dukcapil_wa")

_HIDE_QUERY = HideQueryString()


def _now() -> datetime:
    return datetime.now(UTC)


async def _database_busy(_request: Request, _exc: Exception) -> Response:
    # A lock wait past its timeout: ask the caller (Meta retries) to come back, never a 500.
    log.warning("database busy: answered 503")
    return JSONResponse(
        status_code=503,
        content={"error": "the database is busy; try again"},
        headers={"Retry-After": "1"},
    )


def create_app(settings: Settings, clock: Callable[[], datetime] = _now) -> FastAPI:
    """The application for ``settings``; ``clock`` gives the current (aware) instant.

    Examples:
        >>> from fastapi.testclient import TestClient
        >>> settings = Settings(database_url="sqlite://", app_secret="a" * 16,
        ...                     verify_token="t" * 16, session_secret="s" * 32)
        >>> client = TestClient(create_app(settings))
        >>> client.get("/webhook", params={"hub.mode": "subscribe", "hub.verify_token": "t" * 16,
        ...                                "hub.challenge": "42"}).text
        '42'
    """
    logging.getLogger("uvicorn.access").addFilter(_HIDE_QUERY)  # the same filter once only
    engine = make_engine(settings.database_url)
    ready(engine, settings.migrate_on_start)
    sessions = make_sessions(engine)
    dialogue = Dialogue(
        settings.office,
        clock,
        settings.media_max_bytes,
        takes_files=settings.access_token is not None,
    )
    limit = SenderLimit(settings.sender_limit, timedelta(minutes=settings.sender_window_minutes))
    store = MediaStore(settings.media_dir)
    fetcher = None
    if settings.access_token is not None:
        fetcher = MediaFetcher(
            settings.graph_api_url,
            settings.access_token.get_secret_value(),
            store,
            settings.media_max_bytes,
        )
    app = FastAPI(title="dukcapil-wa", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engine = engine
    app.state.services = Services(
        settings=settings,
        engine=engine,
        sessions=sessions,
        dialogue=dialogue,
        inbox=Inbox(sessions, dialogue, clock, limit, fetcher),
        media=store,
        templates=templates(),
        clock=clock,
        cookie=SessionCookie(
            settings.session_secret.get_secret_value(),
            secure=settings.cookie_secure,
            max_age=int(settings.session_hours * 3600),
        ),
    )
    app.include_router(webhook.router)
    app.include_router(login.router)
    app.include_router(officer.router)
    app.add_exception_handler(OperationalError, _database_busy)
    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_input)
    # Added last, so outermost: a too-large body is refused before any route runs.
    app.add_middleware(SecurityHeaders, hsts=settings.cookie_secure)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def from_env() -> FastAPI:
    """The application configured from ``DUKCAPIL_WA_*``, logging at INFO.

    What ``uvicorn --factory dukcapil_wa.app:from_env`` serves. A required variable that is
    unset stops the start, naming the variable (:class:`~dukcapil_wa.settings.MissingSetting`),
    and so does a database whose schema is old where it may not be migrated
    (:class:`~dukcapil_wa.db.NotMigrated`).
    """
    logging.basicConfig(level=logging.INFO)
    return create_app(load(Settings))
