"""The audit trail: every officer action, with who, when and from which address.

Rows are only ever added. The request page shows a request's rows; a supervisor's actions on
accounts are recorded the same way, without a request number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dukcapil_wa.db import AuditEntry, Officer

__all__ = ["LOGIN_FAILED", "failures_since", "for_request", "record"]

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
    """Add one entry; ``username`` names who tried where no account matched (a failed login)."""
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
