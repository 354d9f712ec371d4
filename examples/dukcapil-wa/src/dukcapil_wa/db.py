"""The tables, and an engine for a database URL (SQLite here, PostgreSQL by changing the URL).

Personal data lives in three places only, each because the service needs it there: the
conversation (the citizen's WhatsApp id, to continue a dialogue), a request's first event (the
applicant's number, as ``ServiceRequest`` keeps it) and the outbox (the recipient of a reply).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

__all__ = [
    "Base",
    "Conversation",
    "EventRow",
    "InboundMessage",
    "OutboxMessage",
    "RequestRow",
    "make_engine",
    "make_sessions",
]


class Base(DeclarativeBase):
    """The declarative base of every table."""


class Conversation(Base):
    """Where a citizen's dialogue stands: one row per WhatsApp id."""

    __tablename__ = "conversations"

    wa_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    office: Mapped[str | None] = mapped_column(String(64))
    service: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime]


class InboundMessage(Base):
    """A message id already answered: the Cloud API retries a webhook until it gets a 200."""

    __tablename__ = "inbound_messages"

    message_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    received_at: Mapped[datetime]


class RequestRow(Base):
    """A request: its current status and history length, kept beside its events for listing.

    ``version`` is the number of events; an event is written only where it still equals what
    the writer read (the optimistic check), and ``(request_id, seq)`` is unique besides.
    """

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    office: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), index=True)
    version: Mapped[int]
    submitted_at: Mapped[datetime]


class EventRow(Base):
    """One entry of a request's history, append-only: the entry's JSON, personal data included."""

    __tablename__ = "request_events"
    __table_args__ = (UniqueConstraint("request_id", "seq", name="uq_request_event_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    seq: Mapped[int]
    name: Mapped[str] = mapped_column(String(32))
    entry: Mapped[str] = mapped_column(Text)


class OutboxMessage(Base):
    """A reply as the Cloud API's send-message JSON, waiting for a sender (none here)."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    to: Mapped[str] = mapped_column(String(20), index=True)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


def make_engine(url: str) -> Engine:
    """An engine for ``url``, with the tables created; SQLite waits for locks and uses WAL.

    Examples:
        >>> engine = make_engine("sqlite://")
        >>> sorted(Base.metadata.tables)[:2]
        ['conversations', 'inbound_messages']
    """
    options: dict[str, Any] = {}
    sqlite = url.startswith("sqlite")
    if sqlite:
        options["connect_args"] = {"check_same_thread": False, "timeout": 15}
        if url in ("sqlite://", "sqlite:///:memory:"):
            options["poolclass"] = StaticPool  # one in-memory database shared by all threads
    engine = create_engine(url, **options)
    if sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_sessions(engine: Engine) -> sessionmaker[Any]:
    """A session factory bound to ``engine`` (objects stay readable after commit).

    Examples:
        >>> make_sessions(make_engine("sqlite://")).kw["expire_on_commit"]
        False
    """
    return sessionmaker(engine, expire_on_commit=False)
