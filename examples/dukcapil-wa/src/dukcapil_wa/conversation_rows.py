"""A message's turn in the database: its id recorded once, its sender's conversation read and
written back, with prepared SQLAlchemy Core statements.

Every message does this, so it is the hottest path of the service (see the README's "Load").
The conversation is read into a :class:`~dukcapil_wa.db.Conversation` that no session tracks
(the dialogue and the rate limit change its attributes as they go) and written back with one
``UPDATE``, or one ``INSERT`` for a new number: no unit of work, no autoflush, no re-reading of
what was just written. The statements are built once, at import; each message only binds its
values.

- The message id is recorded with ``INSERT … ON CONFLICT DO NOTHING``: a retry of a message
  already answered finds its id taken, and one arriving while the first copy is being answered
  waits for it, then finds the id taken.
- The conversation is read ``FOR UPDATE``: two messages from one number, answered by two
  workers at once, take turns rather than each overwrite the other's step and rate-limit count.
  SQLite has one writer at a time anyway (and SQLAlchemy leaves the clause out there).
- On PostgreSQL both are one statement (the insert in a ``WITH``, the conversation joined to
  what it returned), so a message costs one round trip less; SQLite, in process, takes two.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Final

from sqlalchemy import Executable, Table, bindparam, insert, select, true, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from dukcapil_wa.db import Conversation, InboundMessage

__all__ = ["IDLE", "claim", "write"]

IDLE: Final = "idle"
"""A conversation's first state: waiting for a need."""

_TABLE: Final[Table] = Conversation.__table__  # type: ignore[assignment]
_INBOUND: Final[Table] = InboundMessage.__table__  # type: ignore[assignment]
_COLUMNS: Final = tuple(column.name for column in _TABLE.columns)
_CHANGING: Final = tuple(name for name in _COLUMNS if name != "wa_id")

_READ: Final = (
    select(*_TABLE.columns).where(_TABLE.c.wa_id == bindparam("wa_id")).with_for_update()
)
_INSERT: Final = insert(_TABLE)
# The WHERE's parameter may not share its name with a SET column's.
_UPDATE: Final = (
    update(_TABLE)
    .where(_TABLE.c.wa_id == bindparam("key"))
    .values({name: bindparam(name) for name in _CHANGING})
)


def _record(insert: Callable[[Table], Any]) -> Any:
    return (
        insert(_INBOUND)
        .values(message_id=bindparam("message_id"), received_at=bindparam("received_at"))
        .on_conflict_do_nothing(index_elements=["message_id"])
        .returning(_INBOUND.c.message_id)  # rowcount is not reliable here with psycopg
    )


_RECORD_SQLITE: Final[Executable] = _record(sqlite_insert)
_RECORDED: Final = _record(pg_insert).cte("recorded")
_LOCKED: Final = _READ.lateral("talk")
# No row: the id was recorded before. A row of NULLs beside the id: a number not seen before.
_CLAIM_POSTGRES: Final = select(_RECORDED.c.message_id, *_LOCKED.columns).select_from(
    _RECORDED.outerjoin(_LOCKED, true())
)


def _conversation(values: dict[str, Any], wa_id: str, now: datetime) -> tuple[Conversation, bool]:
    if values["wa_id"] is None:  # new: idle, and written by write()
        return Conversation(wa_id=wa_id, state=IDLE, updated_at=now, window_count=0), True
    return Conversation(**values), False


def claim(
    session: Session, message_id: str, wa_id: str, now: datetime
) -> tuple[Conversation, bool] | None:
    """Record ``message_id`` as answered and read its sender's conversation, locked.

    Returns ``None`` where the id was recorded before (a retry: answer nothing), else the
    conversation and whether it is new (then :func:`write` inserts it).

    Examples:
        >>> from datetime import UTC
        >>> from dukcapil_wa.db import make_engine, make_sessions, migrate
        >>> sessions = make_sessions(engine := make_engine("sqlite://"))
        >>> _ = migrate(engine)
        >>> at = datetime(2026, 1, 1, tzinfo=UTC)
        >>> with sessions.begin() as session:
        ...     talk, new = claim(session, "wamid.1", "6281234567890", at)
        ...     talk.state = "advised"
        ...     write(session, talk, new=new)
        >>> with sessions.begin() as session:
        ...     claim(session, "wamid.1", "6281234567890", at) is None  # a retry
        ...     talk, new = claim(session, "wamid.2", "6281234567890", at)
        True
        >>> talk.state, new
        ('advised', False)
    """
    values = {"message_id": message_id, "received_at": now, "wa_id": wa_id}
    if session.get_bind().dialect.name == "postgresql":
        row = session.execute(_CLAIM_POSTGRES, values).first()
        if row is None:
            return None
        found = row._asdict()
        del found["message_id"]
        return _conversation(found, wa_id, now)
    if session.execute(_RECORD_SQLITE, values).first() is None:
        return None
    read = session.execute(_READ, values).first()
    return _conversation(read._asdict() if read else {"wa_id": None}, wa_id, now)


def write(session: Session, conversation: Conversation, *, new: bool) -> None:
    """Store ``conversation`` as it now stands: one ``INSERT`` where ``new``, else one ``UPDATE``.

    Two first messages from one number may race to insert its row; the loser's transaction gets
    an ``IntegrityError`` and is answered again (see :meth:`dukcapil_wa.inbox.Inbox.answer`).
    """
    values: dict[str, Any] = {name: getattr(conversation, name) for name in _COLUMNS}
    if new:
        session.execute(_INSERT, values)
    else:
        values["key"] = values.pop("wa_id")
        session.execute(_UPDATE, values)
