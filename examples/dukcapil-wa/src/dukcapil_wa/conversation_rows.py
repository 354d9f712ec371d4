"""A citizen's conversation row: read once and written once per message, with SQLAlchemy Core.

Every message reads its sender's row and writes it back, so this is the hottest path of the
service. The row is read into a :class:`~dukcapil_wa.db.Conversation` that no session tracks
(the dialogue and the rate limit change its attributes as they go) and written back with one
prepared ``UPDATE``, or one ``INSERT`` for a new number: no unit of work, no autoflush, no
re-reading of what was just written. The statements are built once, at import, so each message
only binds its values.

On PostgreSQL the row is read ``FOR UPDATE``: two messages from one number, answered by two
workers at once, take turns rather than each overwrite the other's step and rate-limit count.
SQLite has one writer at a time anyway (and SQLAlchemy leaves the clause out there).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from dukcapil_wa.db import Conversation

__all__ = ["IDLE", "read", "write"]

IDLE: Final = "idle"
"""A conversation's first state: waiting for a need."""

_TABLE: Final[Table] = Conversation.__table__  # type: ignore[assignment]
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


def read(session: Session, wa_id: str, now: datetime) -> tuple[Conversation, bool]:
    """The conversation of ``wa_id`` (locked until the transaction ends), and whether it is new.

    A new one is idle and not yet written: :func:`write` inserts it.

    Examples:
        >>> from dukcapil_wa.db import make_engine, make_sessions, migrate
        >>> from datetime import UTC
        >>> sessions = make_sessions(engine := make_engine("sqlite://"))
        >>> _ = migrate(engine)
        >>> at = datetime(2026, 1, 1, tzinfo=UTC)
        >>> with sessions.begin() as session:
        ...     talk, new = read(session, "6281234567890", at)
        ...     talk.state = "advised"
        ...     write(session, talk, new=new)
        >>> with sessions.begin() as session:
        ...     talk, new = read(session, "6281234567890", at)
        >>> talk.state, new
        ('advised', False)
    """
    row = session.execute(_READ, {"wa_id": wa_id}).first()
    if row is None:
        return Conversation(wa_id=wa_id, state=IDLE, updated_at=now, window_count=0), True
    return Conversation(**row._asdict()), False


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
