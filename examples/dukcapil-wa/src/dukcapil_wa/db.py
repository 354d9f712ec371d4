"""The tables, their migrations, and an engine for a database URL (SQLite or PostgreSQL).

Personal data lives in these places only, each because the service needs it there: the
conversation (the citizen's WhatsApp id, to continue a dialogue; the applicant's name while
the registration asks for the NIK), a request's row (the WhatsApp id, to answer "status"; the
applicant's name, for the officer), its first event (the applicant's number and NIK, as
``ServiceRequest`` keeps them), the attachments (files on disk, deleted after the retention
period) and the outbox (the recipient of a reply).
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.resources import files
from typing import Any, ClassVar, Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Connection,
    DateTime,
    Dialect,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    create_engine,
    event,
    inspect,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

__all__ = [
    "Attachment",
    "AuditEntry",
    "Base",
    "Conversation",
    "EventRow",
    "InboundMessage",
    "NotMigrated",
    "Officer",
    "OutboxMessage",
    "RequestRow",
    "UtcDateTime",
    "head",
    "make_engine",
    "make_sessions",
    "migrate",
    "ready",
    "revision",
]


class NotMigrated(RuntimeError):
    """The database's schema is not the one this code needs, and may not be migrated here."""


class UtcDateTime(TypeDecorator[datetime]):
    """An aware instant stored as UTC without an offset, read back as an aware UTC instant.

    SQLite keeps no offset at all, and PostgreSQL's ``timestamp`` converts by the session's time
    zone: storing UTC everywhere makes stored instants comparable on both.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """UTC, no offset; a naive value is refused (its zone is unknown)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime: the instant is unknown")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """The stored UTC wall time as an aware instant."""
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """The declarative base of every table."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime}


class Conversation(Base):
    """Where a citizen's dialogue stands: one row per WhatsApp id, with its rate window."""

    __tablename__ = "conversations"

    wa_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    office: Mapped[str | None] = mapped_column(String(64))
    service: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime]
    window_started_at: Mapped[datetime | None]
    window_count: Mapped[int] = mapped_column(default=0, server_default="0")
    applicant_name: Mapped[str | None] = mapped_column(String(200))
    request_id: Mapped[int | None] = mapped_column(Integer)


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
    office: Mapped[str] = mapped_column(String(16), index=True)
    service: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), index=True)
    version: Mapped[int]
    submitted_at: Mapped[datetime]
    wa_id: Mapped[str | None] = mapped_column(String(20), index=True)
    applicant_name: Mapped[str | None] = mapped_column(String(200))


class Attachment(Base):
    """A file a citizen sent for a request: kept on disk by its SHA-256, never served statically.

    ``purged_at`` is set when the retention period deleted the file; the row stays, so the
    officer still sees that a file was received and when.
    """

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"), index=True)
    message_id: Mapped[str] = mapped_column(String(128))
    content_type: Mapped[str] = mapped_column(String(32))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]
    purged_at: Mapped[datetime | None]


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
    """A reply as the Cloud API's send-message JSON, and where its delivery stands.

    ``status``: ``pending`` (waiting, or waiting to be tried again at ``next_attempt_at``),
    ``sending`` (claimed by ``claimed_by`` until ``lease_until``), ``sent`` (the API took it:
    ``wa_message_id``), then ``delivered`` and ``read`` from the delivery notifications, or
    ``failed`` with its ``error``.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    to: Mapped[str] = mapped_column(String(20), index=True)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    wa_message_id: Mapped[str | None] = mapped_column(String(128), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None]


class Officer(Base):
    """An officer's account: an argon2 password hash, an office, a role.

    ``role`` is ``officer`` (acts on the requests of ``office``) or ``supervisor`` (also manages
    the officers of ``office``). ``active`` is false for an account switched off; rows are never
    deleted, so the audit keeps naming who acted.
    """

    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    office: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime]


class AuditEntry(Base):
    """One officer action: who, when, from which address, what, and on which request."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    username: Mapped[str] = mapped_column(String(64))
    office: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32))
    request_id: Mapped[int | None] = mapped_column(index=True)
    remote_addr: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite waits for locks and uses WAL. No table is made here.

    The tables come from the migrations (:func:`migrate`).

    Examples:
        >>> engine = make_engine("sqlite://")
        >>> migrate(engine)
        '0003'
        >>> migrate(engine)  # already there: nothing to do
        '0003'
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
    return engine


_MIGRATION_LOCK: Final = 7_243_011_024
"""The PostgreSQL advisory lock that lets one process migrate while the others wait."""


def _alembic(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("dukcapil_wa") / "migrations"))
    config.attributes["connection"] = connection
    return config


def revision(engine: Engine) -> str | None:
    """The schema revision the database is at; ``None`` for one never migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head() -> str:
    """The newest revision the migrations know."""
    found = ScriptDirectory.from_config(_alembic()).get_current_head()
    assert found is not None
    return found


def ready(engine: Engine, migrate_now: bool) -> None:
    """Migrate (``migrate_now``), or check that the schema is the newest.

    Raises:
        NotMigrated: the schema is older and ``migrate_now`` is false.
    """
    if migrate_now:
        migrate(engine)
        return
    current, newest = revision(engine), head()
    if current != newest:
        raise NotMigrated(
            f"the database is at revision {current}, this code needs {newest}: "
            "run `dukcapil-wa migrate` (or set DUKCAPIL_WA_MIGRATE_ON_START=true)"
        )


def migrate(engine: Engine) -> str:
    """Bring the schema up to the newest revision; return it.

    Several processes may call this at once: on PostgreSQL an advisory lock lets one migrate
    while the others wait, then find nothing to do. A database made by the first release's
    ``create_all`` (tables, no ``alembic_version``) is stamped at revision ``0001`` first.
    """
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
            )
        config = _alembic(connection)
        tables = set(inspect(connection).get_table_names())
        if "requests" in tables and "alembic_version" not in tables:
            command.stamp(config, "0001")
        command.upgrade(config, "head")
        current = MigrationContext.configure(connection).get_current_revision()
    assert current is not None
    return current


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
