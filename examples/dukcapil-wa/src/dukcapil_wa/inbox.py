"""Inbound messages: each answered once, in its own short transaction, within a rate limit.

A notification may carry several messages; each is answered in a transaction of its own, so one
long notification never holds the database while another citizen's message waits, and a retry
of a message already answered changes nothing.

A photo or a PDF is fetched from the Cloud API *before* its transaction opens (a download must
not hold the database), and only where the citizen has a request waiting for files: a file
nobody asked for is not fetched, so no personal data is kept without a purpose.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from dukcapil_wa import conversation_rows
from dukcapil_wa.conversation import Dialogue, Menu
from dukcapil_wa.db import Conversation, InboundMessage
from dukcapil_wa.media import MediaFetcher, MediaProblem, Received
from dukcapil_wa.store import queue_payload, queue_reply
from dukcapil_wa.texts import Reply
from dukcapil_wa.whatsapp import IncomingText, list_message

__all__ = ["Admission", "Inbox", "SenderLimit"]

log = logging.getLogger("dukcapil_wa.inbox")


class Admission(enum.Enum):
    """What the rate limit says about one more message from a number."""

    ANSWER = "answer"
    WARN = "warn"  # the first message past the limit: say so once
    IGNORE = "ignore"  # recorded, not answered


@dataclass(frozen=True, slots=True)
class SenderLimit:
    """At most ``limit`` messages answered per number within ``window``.

    The window is kept on the conversation row (its start and its count), so it holds across
    workers and restarts, and costs no row of its own.

    Examples:
        >>> from datetime import UTC, datetime, timedelta
        >>> rule = SenderLimit(2, timedelta(minutes=10))
        >>> talk = Conversation(wa_id="1", state="idle", window_count=0)
        >>> at = datetime(2026, 1, 1, tzinfo=UTC)
        >>> [rule.admit(talk, at).value for _ in range(4)]
        ['answer', 'answer', 'warn', 'ignore']
        >>> rule.admit(talk, at + timedelta(minutes=11)).value
        'answer'
    """

    limit: int
    window: timedelta

    def admit(self, conversation: Conversation, now: datetime) -> Admission:
        """Count one message from ``conversation``'s number at ``now``; say what to do."""
        started = conversation.window_started_at
        if started is None or now - started >= self.window or now < started:
            conversation.window_started_at = now
            conversation.window_count = 0
        conversation.window_count = (conversation.window_count or 0) + 1
        if conversation.window_count <= self.limit:
            return Admission.ANSWER
        if conversation.window_count == self.limit + 1:
            return Admission.WARN
        return Admission.IGNORE


class Inbox:
    """Answers incoming messages: once each, one short transaction each, within the limit."""

    def __init__(
        self,
        sessions: sessionmaker[Any],
        dialogue: Dialogue,
        clock: Callable[[], datetime],
        limit: SenderLimit,
        fetcher: MediaFetcher | None = None,
    ) -> None:
        self.sessions = sessions
        self.dialogue = dialogue
        self.clock = clock
        self.limit = limit
        self.fetcher = fetcher

    def _wants_file(self, message: IncomingText) -> bool:
        """Whether ``message``'s file is new and awaited (a read, outside any write)."""
        with self.sessions() as session:
            if session.get(InboundMessage, message.message_id) is not None:
                return False
            conversation = session.get(Conversation, message.wa_id)
            return conversation is not None and conversation.request_id is not None

    def _fetch(self, message: IncomingText) -> Received | MediaProblem | None:
        if self.fetcher is None or message.media_id is None or not self._wants_file(message):
            return None
        try:
            return self.fetcher.fetch(message.media_id)
        except MediaProblem as problem:
            log.info("file of message %s refused: %s", message.message_id, problem.reason)
            return problem

    def answer_all(self, messages: Sequence[IncomingText]) -> int:
        """Answer each new message; return how many were answered."""
        return sum(self.answer(message) for message in messages)

    def answer(self, message: IncomingText) -> bool:
        """Answer ``message`` unless it was seen before or its sender is over the limit.

        A first message from a new number may race another from the same number to create the
        conversation; the loser's transaction is rolled back whole (its message id included)
        and tried once more, when the conversation exists.
        """
        media = self._fetch(message)
        try:
            return self._answer_once(message, media)
        except IntegrityError:
            return self._answer_once(message, media)

    def _answer_once(
        self, message: IncomingText, media: Received | MediaProblem | None = None
    ) -> bool:
        with self.sessions.begin() as session:
            now = self.clock()
            claimed = conversation_rows.claim(session, message.message_id, message.wa_id, now)
            if claimed is None:
                return False  # a retry of a message already answered
            conversation, new = claimed
            admission = self.limit.admit(conversation, now)
            if admission is Admission.ANSWER:
                reply = self.dialogue.answer(session, conversation, message, media)
                if isinstance(reply, Menu):
                    menu = list_message(message.wa_id, reply.body, reply.button, list(reply.rows))
                    queue_payload(session, message.wa_id, menu, now)
                else:
                    queue_reply(session, message.wa_id, reply, now)
            elif admission is Admission.WARN:
                queue_reply(session, message.wa_id, Reply.SLOW_DOWN, now)
            # Written in every case: an ignored message still counts in the sender's window.
            conversation_rows.write(session, conversation, new=new)
            return admission is Admission.ANSWER
