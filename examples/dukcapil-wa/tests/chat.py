"""Helpers to chat with the bot: the app on a database of its own, a clock the test moves."""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import uvicorn
from dukcapil_wa import Settings, create_app
from dukcapil_wa.accounts import create_officer
from dukcapil_wa.db import make_sessions
from dukcapil_wa.security import sign
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import text

WIB = timezone(timedelta(hours=7))
# Kabupaten Pasuruan took every KK and KTP-el service over WhatsApp then (source A1).
MORNING = datetime(2020, 3, 24, 10, 0, tzinfo=WIB)
CITIZEN = "6281359547691"
APP_SECRET = "rahasia-aplikasi-meta-0123456789"
VERIFY_TOKEN = "rahasia-verifikasi-webhook"
SESSION_SECRET = "kunci-sesi-petugas-0123456789abcdef"
PASSWORD = "kata-sandi-petugas-uji"
# The tables' columns that give insertion order, on SQLite and PostgreSQL alike.
ORDER = {
    "conversations": "updated_at, wa_id",
    "inbound_messages": "received_at, message_id",
    "officers": "id",
    "audit": "id",
}


@dataclass
class Clock:
    """A clock the test sets; each reading is a minute after the last, as time goes on."""

    now: datetime = MORNING
    step: timedelta = timedelta(minutes=1)

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


@dataclass
class Bot:
    """The app, a client, and the helpers a test needs to talk to it."""

    app: FastAPI
    client: TestClient
    clock: Clock
    sent: int = field(default=0)
    csrf: str | None = None

    def say(
        self,
        body: str | None,
        wa_id: str = CITIZEN,
        *,
        media_id: str | None = None,
        choice: str | None = None,
    ) -> str:
        """Send one message; return the bot's replies (all their parts joined).

        ``body`` None sends a photo (``media_id``, default "1"); ``choice`` a menu pick.
        """
        before = len(self.outbox(wa_id))
        message = payload(body, wa_id, f"wamid.{self.sent}", media_id=media_id, choice=choice)
        response = self.post(message)
        self.sent += 1
        assert response.status_code == 200, response.text
        return "\n".join(self.outbox(wa_id)[before:])

    def post(self, body: dict[str, Any] | bytes, **headers: str) -> Response:
        """POST ``body`` to the webhook as Meta does: signed with the app's secret."""
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        signed = {"content-type": "application/json", "x-hub-signature-256": signed_by(raw)}
        return self.client.post("/webhook", content=raw, headers=signed | headers)

    def add_officer(
        self, username: str = "petugas", office: str = "35.14", role: str = "officer"
    ) -> int:
        """An active account with :data:`PASSWORD` (as ``dukcapil-wa create-officer`` makes)."""
        with make_sessions(self.app.state.engine).begin() as session:
            officer = create_officer(session, username, PASSWORD, office, role, self.clock.now)
            return officer.id

    def login(self, username: str = "petugas", password: str = PASSWORD) -> Response:
        """Log in through the login form, as a browser does; keep the page's CSRF token."""
        form = self.client.get("/officer/login")
        response = self.client.post(
            "/officer/login",
            data={"username": username, "password": password, "csrf_token": csrf_of(form.text)},
            follow_redirects=False,
        )
        if response.status_code == 303:
            self.csrf = csrf_of(self.client.get("/officer").text)
        return response

    def page(self, path: str = "/officer") -> str:
        """An officer page's HTML, logged in as the default officer first where needed."""
        self.as_officer()
        response = self.client.get(path)
        assert response.status_code == 200, response.text
        return response.text

    def as_officer(self) -> str:
        """This bot's CSRF token, logging the default officer (of 35.14) in on first use."""
        if self.csrf is None:
            with self.app.state.engine.connect() as conn:
                known = conn.execute(text("SELECT count(*) FROM officers")).scalar()
            if not known:
                self.add_officer()
            assert self.login().status_code == 303
        assert self.csrf is not None
        return self.csrf

    def outbox(self, wa_id: str = CITIZEN) -> list[str]:
        """Every text queued for ``wa_id``, oldest first (a list's: its body, then its rows)."""
        return [_text_of(message) for message in self.outbox_json(wa_id)]

    def outbox_json(self, wa_id: str = CITIZEN) -> list[dict[str, Any]]:
        """Every send-message JSON queued for ``wa_id``, oldest first."""
        return [json.loads(row) for row in self.column("payload", "outbox", f"\"to\" = '{wa_id}'")]

    def column(self, name: str, table: str, where: str = "1=1") -> list[Any]:
        """One column of a table, in insertion order."""
        with self.app.state.engine.connect() as conn:
            order = ORDER.get(table, "id")
            query = f"SELECT {name} FROM {table} WHERE {where} ORDER BY {order}"
            return [row[0] for row in conn.execute(text(query))]

    def dump(self) -> dict[str, list[Any]]:
        """Every table's rows, to check that nothing changed."""
        tables = (
            "conversations",
            "inbound_messages",
            "requests",
            "request_events",
            "outbox",
            "officers",
            "audit",
        )
        with self.app.state.engine.connect() as conn:
            return {
                t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))] for t in tables
            }


def _text_of(message: dict[str, Any]) -> str:
    if message["type"] == "text":
        body: str = message["text"]["body"]
        return body
    interactive = message["interactive"]
    rows = interactive["action"]["sections"][0]["rows"]
    text: str = interactive["body"]["text"]
    return text + "".join(f"\n[{row['title']}]" for row in rows)


def csrf_of(page: str) -> str:
    """The CSRF token a page's forms carry."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "no CSRF token on the page"
    return found.group(1)


def signed_by(raw: bytes, secret: str = APP_SECRET) -> str:
    """The ``X-Hub-Signature-256`` header Meta would send with ``raw``."""
    return sign(secret.encode(), raw)


def settings(database_url: str, office: str = "35.14", **changes: Any) -> Settings:
    """The test deployment's settings: every secret set, cookies over plain HTTP allowed."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "office": office,
        "app_secret": APP_SECRET,
        "verify_token": VERIFY_TOKEN,
        "session_secret": SESSION_SECRET,
        # Takes files; the tests that fetch one point this at a fake Graph API. Port 9 (discard)
        # on the loopback answers nothing, so a stray fetch fails at once, never leaving the host.
        "access_token": "token-uji-sistem-0123456789",
        "graph_api_url": "http://127.0.0.1:9/v21.0",
    }
    return Settings(**(values | changes))


def payload(
    body: str | None,
    wa_id: str = CITIZEN,
    message_id: str = "wamid.1",
    *,
    media_id: str | None = None,
    choice: str | None = None,
) -> dict[str, Any]:
    """A Cloud API webhook notification with one message (a photo when ``body`` is None)."""
    message: dict[str, Any] = {"id": message_id, "from": wa_id, "timestamp": "1585018800"}
    if choice is not None:
        reply = {"id": choice, "title": "pilihan"}
        message |= {
            "type": "interactive",
            "interactive": {"type": "list_reply", "list_reply": reply},
        }
    elif body is None:
        image = {"id": media_id or "1", "mime_type": "image/jpeg"}
        message |= {"type": "image", "image": image}
    else:
        message |= {"type": "text", "text": {"body": body}}
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "6281100000000", "phone_number_id": "1"},
        "contacts": [{"profile": {"name": "Warga"}, "wa_id": wa_id}],
        "messages": [message],
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": value}]}],
    }


def sqlite_url(folder: Path) -> str:
    """An SQLite file in ``folder`` (made and migrated when the app starts)."""
    return f"sqlite:///{folder / 'wa.db'}"


def make_bot(database_url: str, office: str = "35.14", **changes: Any) -> Bot:
    clock = Clock()
    app = create_app(settings(database_url, office, **changes), clock=clock)
    return Bot(app, TestClient(app, base_url="https://testserver"), clock)


APPLICANT = "Siti Aminah"
NIK = "3514014501900001"  # well-formed (a woman born 5 January 1990 in Pasuruan), not issued


def register(bot: Bot, need: str = "kk nambah anak", wa_id: str = CITIZEN) -> int:
    """Chat until a request is registered; return its number."""
    bot.say(need, wa_id)
    bot.say("daftar", wa_id)
    bot.say(APPLICANT, wa_id)
    reply = bot.say(NIK, wa_id)
    assert "sudah terdaftar dengan nomor" in reply, reply
    return int(reply.split("nomor ")[1].split(":")[0])


def act(
    bot: Bot,
    number: int,
    event: str,
    form: dict[str, str] | None = None,
    version: int | None = None,
) -> Any:
    """Press an event's button on the officer page (as of ``version``, default the latest)."""
    csrf = bot.as_officer()
    if version is None:
        version = len(bot.column("seq", "request_events", f"request_id = {number}"))
    return bot.client.post(
        f"/officer/requests/{number}/events",
        data={"event": event, "version": str(version), "csrf_token": csrf, **(form or {})},
        follow_redirects=False,
    )


@contextmanager
def serve(app: FastAPI, **options: Any) -> Iterator[int]:
    """``app`` under uvicorn in a thread, on a free loopback port, for the ``with`` block."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **options))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(1000):
        if server.started:
            break
        threading.Event().wait(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)
