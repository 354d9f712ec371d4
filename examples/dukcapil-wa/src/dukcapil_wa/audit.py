"""The audit trail: every officer action, with who, when and from which address.

Rows are only ever added. The request page shows a request's rows; a supervisor's actions on
accounts are recorded the same way, without a request number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dukcapil_wa.db import AuditEntry, Officer

__all__ = ["LOGIN_FAILED", "Acting", "by", "failures_since", "for_request", "record"]

LOGIN_FAILED = "login_failed"


def record(
    session: Session,
    *,
    at: datetime,
    officer: Officer | None,
    action: str,
    remote_addr: str,
    request_id: int | None = None,
    detail: str = "",
    username: str = "",
) -> None:
    """Add one entry; ``username`` names who tried where no account matched (a failed login).

    An action of a logged-in officer goes through :func:`by`; this is for the login itself.
    """
    session.add(
        AuditEntry(
            at=at,
            officer_id=officer.id if officer else None,
            username=(officer.username if officer else username)[:64],
            office=officer.office if officer else "",
            action=action,
            request_id=request_id,
            remote_addr=remote_addr[:64],
            detail=detail[:500],
        )
    )


class Acting(Protocol):
    """Who acts: a logged-in officer and the address the request came from."""

    @property
    def officer(self) -> Officer:
        """The officer's account."""
        ...

    @property
    def remote_addr(self) -> str:
        """The client's address."""
        ...


def by(
    session: Session,
    actor: Acting,
    action: str,
    *,
    at: datetime,
    request_id: int | None = None,
    detail: str = "",
) -> None:
    """Record ``action`` by a logged-in officer: every officer action is recorded through this.

    Examples:
        >>> from datetime import UTC
        >>> from types import SimpleNamespace
        >>> from dukcapil_wa.db import make_engine, make_sessions, migrate
        >>> sessions = make_sessions(engine := make_engine("sqlite://"))
        >>> _ = migrate(engine)
        >>> at = datetime(2026, 1, 1, tzinfo=UTC)
        >>> with sessions.begin() as session:
        ...     officer = Officer(username="petugas", password_hash="-", office="35.14",
        ...                       role="officer", created_at=at)
        ...     session.add(officer)
        ...     session.flush()
        ...     actor = SimpleNamespace(officer=officer, remote_addr="192.0.2.7")
        ...     by(session, actor, "show_nik", at=at, request_id=7, detail="cek data")
        >>> with sessions() as session:
        ...     [(e.username, e.office, e.action, e.remote_addr, e.detail)
        ...      for e in for_request(session, 7)]
        [('petugas', '35.14', 'show_nik', '192.0.2.7', 'cek data')]
    """
    record(
        session,
        at=at,
        officer=actor.officer,
        action=action,
        remote_addr=actor.remote_addr,
        request_id=request_id,
        detail=detail,
    )


def for_request(session: Session, number: int) -> Sequence[AuditEntry]:
    """The entries about request ``number``, oldest first."""
    return session.scalars(
        select(AuditEntry).where(AuditEntry.request_id == number).order_by(AuditEntry.id)
    ).all()


def failures_since(session: Session, username: str, since: datetime) -> int:
    """How many failed logins for ``username`` were recorded since ``since``."""
    count = session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(
            AuditEntry.action == LOGIN_FAILED,
            AuditEntry.username == username[:64],
            AuditEntry.at >= since,
        )
    )
    return int(count or 0)
