"""The outbox's sender: each row POSTed to the WhatsApp Cloud API's messages endpoint.

A worker claims due rows in one short transaction (``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL; on SQLite one ``UPDATE … WHERE id IN (SELECT … due …)``, which the database's single
writer runs atomically), sends each with httpx outside any transaction, and records the
answer in another short transaction, only while the row is still its own.

- 2xx: ``sent``, with the message id the API gives (delivery notifications then move the row to
  ``delivered``, ``read`` or ``failed``; see :func:`record_statuses`).
- 429, 5xx, a timeout or a broken connection: tried again after a backoff that doubles from
  ``backoff_seconds`` up to ``max_backoff_seconds`` (or the API's ``Retry-After`` where longer),
  until ``max_attempts`` tries, then ``failed``.
- Any other answer: ``failed`` at once, the API's error code and text kept as the reason.

Delivery is at least once. The Cloud API has no idempotency key, so a worker that dies after
the API took a message and before its ``sent`` is committed leaves the row claimed; when the
claim's lease runs out another worker sends it again. That window (an HTTP answer and one
commit) is the only way a citizen gets a message twice; nothing claimed is ever lost.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

import httpx
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import sessionmaker

from adminduk import redact
from dukcapil_wa.db import OutboxMessage
from dukcapil_wa.settings import SenderSettings
from dukcapil_wa.whatsapp import DeliveryStatus

__all__ = [
    "PENDING",
    "SENDING",
    "SENT",
    "Claimed",
    "Round",
    "Sender",
    "record_statuses",
]

log = logging.getLogger("dukcapil_wa.sender")

PENDING: Final = "pending"
SENDING: Final = "sending"
SENT: Final = "sent"
DELIVERED: Final = "delivered"
READ: Final = "read"
FAILED: Final = "failed"

# A delivery notification moves a row forward only: a late "delivered" never undoes "read".
_RANK: Final = {SENDING: 0, SENT: 1, DELIVERED: 2, READ: 3, FAILED: 4}


@dataclass(frozen=True, slots=True)
class Claimed:
    """A row this worker holds: its id, what to send, and which try this is."""

    id: int
    payload: dict[str, Any]
    attempt: int


@dataclass(frozen=True, slots=True)
class Round:
    """What one round did: rows sent, put back to be tried again, and failed for good."""

    sent: int = 0
    retried: int = 0
    failed: int = 0

    @property
    def claimed(self) -> int:
        """How many rows the round took."""
        return self.sent + self.retried + self.failed


def _worker_name() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{secrets.token_hex(4)}"


def _reason(response: httpx.Response) -> str:
    """The API's refusal as a short reason: status, error code, message (redacted)."""
    try:
        error = response.json().get("error", {})
        detail = f" {error.get('code', '')} {error.get('message', '')}".rstrip()
    except (ValueError, AttributeError):
        detail = ""
    return redact(f"HTTP {response.status_code}{detail}")[:500]


class Sender:
    """Sends due outbox rows; several may run at once, on one machine or many.

    Args:
        settings: the API's address, number and token, and the retry rules.
        sessions: the database.
        clock: the current (aware) instant.
        client: an ``httpx.Client`` (the tests point one at a fake API); made from the
            settings when not given.
        worker: this worker's name in ``claimed_by``.
    """

    def __init__(
        self,
        settings: SenderSettings,
        sessions: sessionmaker[Any],
        clock: Callable[[], datetime],
        client: httpx.Client | None = None,
        worker: str | None = None,
    ) -> None:
        self.settings = settings
        self.sessions = sessions
        self.clock = clock
        self.worker = worker or _worker_name()
        self.client = client or httpx.Client(timeout=settings.timeout_seconds)
        base = settings.graph_api_url.rstrip("/")
        self.url = f"{base}/{settings.phone_number_id}/messages"
        self._headers = {
            "Authorization": f"Bearer {settings.access_token.get_secret_value()}",
            "Content-Type": "application/json",
        }

    # -- claiming --------------------------------------------------------------------------

    @staticmethod
    def _due(now: datetime) -> Any:
        waiting = and_(
            OutboxMessage.status == PENDING,
            or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
        )
        abandoned = and_(OutboxMessage.status == SENDING, OutboxMessage.lease_until < now)
        return or_(waiting, abandoned)

    def claim(self, limit: int = 20) -> list[Claimed]:
        """Take up to ``limit`` due rows for this worker, oldest first, in one transaction."""
        now = self.clock()
        lease = now + timedelta(seconds=self.settings.lease_seconds)
        due = (
            select(OutboxMessage.id).where(self._due(now)).order_by(OutboxMessage.id).limit(limit)
        )
        with self.sessions.begin() as session:
            if session.get_bind().dialect.name == "postgresql":
                # Rows another worker is claiming right now are skipped, not waited for.
                ids: Any = list(session.scalars(due.with_for_update(skip_locked=True)))
                if not ids:
                    return []
            else:
                # SQLite: one UPDATE, its own subquery inside; the database's single writer
                # runs it whole, on the latest data, after any other worker's claim.
                ids = due.scalar_subquery()
            session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_(ids))
                .values(
                    status=SENDING,
                    claimed_by=self.worker,
                    lease_until=lease,
                    attempts=OutboxMessage.attempts + 1,
                    updated_at=now,
                ),
                execution_options={"synchronize_session": False},
            )
            rows = session.execute(
                select(OutboxMessage.id, OutboxMessage.payload, OutboxMessage.attempts)
                .where(
                    OutboxMessage.claimed_by == self.worker,
                    OutboxMessage.status == SENDING,
                    OutboxMessage.lease_until == lease,
                )
                .order_by(OutboxMessage.id)
            ).all()
        return [Claimed(row.id, json.loads(row.payload), row.attempts) for row in rows]

    # -- sending ---------------------------------------------------------------------------

    def _finish(self, row: Claimed, **values: Any) -> None:
        """Record the outcome, where the row is still claimed by this worker."""
        with self.sessions.begin() as session:
            session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == row.id,
                    OutboxMessage.claimed_by == self.worker,
                    OutboxMessage.status == SENDING,
                )
                .values(lease_until=None, updated_at=self.clock(), **values)
            )

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = float(self.settings.backoff_seconds * 2 ** (attempt - 1))
        if retry_after is not None and retry_after.strip().isdigit():
            wait = max(wait, float(retry_after.strip()))
        return min(wait, self.settings.max_backoff_seconds)

    def _retry_or_fail(self, row: Claimed, reason: str, retry_after: str | None) -> str:
        if row.attempt >= self.settings.max_attempts:
            self._finish(row, status=FAILED, error=f"{reason} (after {row.attempt} tries)")
            return FAILED
        later = self.clock() + timedelta(seconds=self._backoff(row.attempt, retry_after))
        self._finish(row, status=PENDING, error=reason, next_attempt_at=later)
        return PENDING

    def deliver(self, row: Claimed) -> str:
        """POST one claimed row to the API and record the outcome; return the row's status."""
        try:
            response = self.client.post(self.url, json=row.payload, headers=self._headers)
        except httpx.HTTPError as err:  # a timeout, a refused or broken connection
            return self._retry_or_fail(row, f"network: {type(err).__name__}", None)
        if response.is_success:
            try:
                message_id = str(response.json()["messages"][0]["id"])[:128]
            except (ValueError, KeyError, IndexError, TypeError):
                message_id = None
            self._finish(row, status=SENT, wa_message_id=message_id, error=None)
            return SENT
        if response.status_code == 429 or response.status_code >= 500:
            return self._retry_or_fail(row, _reason(response), response.headers.get("retry-after"))
        self._finish(row, status=FAILED, error=_reason(response))
        return FAILED

    def run_once(self, limit: int = 20) -> Round:
        """Claim due rows and send each; what happened."""
        outcomes = [self.deliver(row) for row in self.claim(limit)]
        done = Round(
            sent=outcomes.count(SENT),
            retried=outcomes.count(PENDING),
            failed=outcomes.count(FAILED),
        )
        if done.claimed:
            log.info(
                "sender %s: %d sent, %d to retry, %d failed",
                self.worker,
                done.sent,
                done.retried,
                done.failed,
            )
        return done

    def run(self, stop: threading.Event) -> None:
        """Send until ``stop`` is set, pausing ``poll_seconds`` whenever nothing is due."""
        while not stop.is_set():
            if not self.run_once().claimed:
                stop.wait(self.settings.poll_seconds)


def record_statuses(
    sessions: sessionmaker[Any], statuses: Sequence[DeliveryStatus], at: datetime
) -> int:
    """Apply the Cloud API's delivery notifications to the rows they name; return how many moved.

    A row moves forward only (sent → delivered → read); ``failed`` keeps the API's reason.
    """
    moved = 0
    with sessions.begin() as session:
        for status in statuses:
            row = session.scalar(
                select(OutboxMessage).where(OutboxMessage.wa_message_id == status.id).limit(1)
            )
            if row is None or status.status not in _RANK or row.status == FAILED:
                continue
            if status.status != FAILED and _RANK[status.status] <= _RANK.get(row.status, 0):
                continue
            row.status = status.status
            row.updated_at = at
            if status.status == FAILED:
                row.error = redact(status.reason())[:500]
            moved += 1
    return moved
