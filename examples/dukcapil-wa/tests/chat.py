"""Helpers to chat with the bot: the app on an SQLite file, a clock the test moves."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from dukcapil_wa import Settings, create_app
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text

WIB = timezone(timedelta(hours=7))
# Kabupaten Pasuruan took every KK and KTP-el service over WhatsApp then (source A1).
MORNING = datetime(2020, 3, 24, 10, 0, tzinfo=WIB)
CITIZEN = "6281359547691"


@dataclass
class Clock:
    """A clock the test sets; each reading is a minute after the last, as time goes on."""

    now: datetime = MORNING

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@dataclass
class Bot:
    """The app, a client, and the helpers a test needs to talk to it."""

    app: FastAPI
    client: TestClient
    clock: Clock
    sent: int = field(default=0)

    def say(self, body: str | None, wa_id: str = CITIZEN) -> str:
        """Send one message; return the bot's reply (all its parts joined)."""
        before = len(self.outbox(wa_id))
        response = self.client.post("/webhook", json=payload(body, wa_id, f"wamid.{self.sent}"))
        self.sent += 1
        assert response.status_code == 200, response.text
        return "\n".join(self.outbox(wa_id)[before:])

    def outbox(self, wa_id: str = CITIZEN) -> list[str]:
        """Every text body queued for ``wa_id``, oldest first."""
        return [message["text"]["body"] for message in self.outbox_json(wa_id)]

    def outbox_json(self, wa_id: str = CITIZEN) -> list[dict[str, Any]]:
        """Every send-message JSON queued for ``wa_id``, oldest first."""
        return [json.loads(row) for row in self.column("payload", "outbox", f"\"to\" = '{wa_id}'")]

    def column(self, name: str, table: str, where: str = "1=1") -> list[Any]:
        """One column of a table, in insertion order."""
        with self.app.state.engine.connect() as conn:
            query = f"SELECT {name} FROM {table} WHERE {where} ORDER BY rowid"
            return [row[0] for row in conn.execute(text(query))]

    def dump(self) -> dict[str, list[Any]]:
        """Every table's rows, to check that nothing changed."""
        tables = ("conversations", "inbound_messages", "requests", "request_events", "outbox")
        with self.app.state.engine.connect() as conn:
            return {
                t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))] for t in tables
            }


def payload(body: str | None, wa_id: str = CITIZEN, message_id: str = "wamid.1") -> dict[str, Any]:
    """A Cloud API webhook notification with one message (a photo when ``body`` is None)."""
    message: dict[str, Any] = {"id": message_id, "from": wa_id, "timestamp": "1585018800"}
    if body is None:
        message |= {"type": "image", "image": {"id": "1", "mime_type": "image/jpeg"}}
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


def make_bot(tmp_path: Path, office: str = "35.14") -> Bot:
    clock = Clock()
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'wa.db'}", office=office, verify_token="rahasia"
    )
    app = create_app(settings, clock=clock)
    return Bot(app, TestClient(app), clock)


def register(bot: Bot, need: str = "kk nambah anak", wa_id: str = CITIZEN) -> int:
    """Chat until a request is registered; return its number."""
    bot.say(need, wa_id)
    bot.say("ya", wa_id)
    reply = bot.say("daftar", wa_id)
    assert "sudah terdaftar dengan nomor" in reply, reply
    return int(reply.split("nomor ")[1].split(":")[0])
