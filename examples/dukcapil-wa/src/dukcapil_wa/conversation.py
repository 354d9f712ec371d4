"""The dialogue with a citizen: free text, a confirmation, the office, the advice, "daftar".

States, stored per WhatsApp id: ``idle`` (waiting for a need), ``confirm`` (a service was
found; "ya" or "tidak"?), ``office`` (which Dinas? asked only where the deployment serves no
single office) and ``advised`` (the advice was given; "daftar" registers the request).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from typing import Final

from sqlalchemy.orm import Session

from adminduk import (
    AdmindukError,
    Advice,
    NotOffered,
    OfficeNotFound,
    Outcome,
    PhoneNumberError,
    ServiceRequest,
    advise,
    find_services,
    get_office,
    redact,
)
from dukcapil_wa.db import Conversation
from dukcapil_wa.store import add_request
from dukcapil_wa.texts import NO, REGISTER, YES, Reply, service_label

__all__ = ["IDLE", "Dialogue"]

log = logging.getLogger("dukcapil_wa.conversation")

IDLE: Final = "idle"
CONFIRM: Final = "confirm"
OFFICE: Final = "office"
ADVISED: Final = "advised"

_WORD = re.compile(r"[^\w./-]+")


def _keyword(text: str) -> str:
    """A short answer as a keyword: "Ya!" and " ya " are both "ya"."""
    return _WORD.sub(" ", text).strip().casefold()


def _registrable(advice: Advice) -> bool:
    """Whether "daftar" may register: the office takes the service now, through a channel.

    A deferred service keeps the counter for urgent cases, but asks everyone else to wait.
    """
    return advice.outcome in (Outcome.ONLINE, Outcome.IN_PERSON) and bool(advice.channels)


class Dialogue:
    """Answers one message at a time, keeping each citizen's state in the database.

    Args:
        office: the office this deployment answers for; empty to ask each citizen.
        clock: the current instant (aware); the advice and the request are dated with it.
    """

    def __init__(self, office: str, clock: Callable[[], datetime]) -> None:
        self.office = get_office(office).code if office else ""
        self.clock = clock

    @staticmethod
    def start(session: Session, wa_id: str, now: datetime) -> Conversation:
        """The citizen's conversation, made (idle) on their first message."""
        conversation = session.get(Conversation, wa_id)
        if conversation is None:
            conversation = Conversation(wa_id=wa_id, state=IDLE, updated_at=now, window_count=0)
            session.add(conversation)
        return conversation

    def answer(self, session: Session, conversation: Conversation, text: str | None) -> str:
        """Read the citizen's message, update their state, and return the reply."""
        now = self.clock()
        conversation.updated_at = now
        if text is None:
            return Reply.NOT_TEXT
        keyword = _keyword(text)
        state = conversation.state
        if state == CONFIRM and keyword in YES:
            return self._after_confirm(conversation, now)
        if state == CONFIRM and keyword in NO:
            self._reset(conversation)
            return Reply.DECLINED
        if state == OFFICE:
            return self._choose_office(conversation, text, now)
        if keyword in REGISTER:
            return self._register(session, conversation, now)
        return self._read_need(conversation, text)

    @staticmethod
    def _reset(conversation: Conversation) -> None:
        conversation.state = IDLE
        conversation.service = None

    # --8<-- [start:need]
    def _read_need(self, conversation: Conversation, text: str) -> str:
        phrases = get_office(conversation.office).service_phrases if conversation.office else None
        matches = find_services(text, limit=1, phrases=phrases)
        if not matches:
            self._reset(conversation)
            return Reply.NOT_UNDERSTOOD
        service = matches[0].service
        log.info("found %s (score %.2f)", service.code, matches[0].score)
        conversation.state = CONFIRM
        conversation.service = service.code
        return Reply.CONFIRM.format(service=service_label(service))

    # --8<-- [end:need]

    def _after_confirm(self, conversation: Conversation, now: datetime) -> str:
        if self.office:
            conversation.office = self.office
        if not conversation.office:
            conversation.state = OFFICE
            return Reply.ASK_OFFICE
        return self._advise(conversation, now)

    def _choose_office(self, conversation: Conversation, text: str, now: datetime) -> str:
        wanted = text.strip().casefold().replace(" ", "-")
        try:
            conversation.office = get_office(wanted).code
        except OfficeNotFound as err:
            reply = Reply.OFFICE_NOT_FOUND
            if err.suggestions:
                return reply + Reply.OFFICE_SUGGEST.format(choices=" atau ".join(err.suggestions))
            return reply + Reply.OFFICE_HINT
        except AdmindukError:  # a text no lookup can read (too long, control characters)
            return Reply.OFFICE_NOT_FOUND + Reply.OFFICE_HINT
        return self._advise(conversation, now)

    def _advise(self, conversation: Conversation, now: datetime) -> str:
        assert conversation.office is not None
        assert conversation.service is not None
        advice = advise(conversation.office, conversation.service, at=now)
        conversation.state = ADVISED
        reply = advice.to_message("id")
        return reply + Reply.REGISTER_HINT if _registrable(advice) else reply

    def _register(self, session: Session, conversation: Conversation, now: datetime) -> str:
        if conversation.state != ADVISED or not conversation.office or not conversation.service:
            return Reply.NOTHING_TO_REGISTER
        # --8<-- [start:register]
        advice = advise(conversation.office, conversation.service, at=now)
        if not _registrable(advice):
            return Reply.NOT_REGISTRABLE
        channel = advice.channels[0]
        try:
            request = ServiceRequest.submit(
                conversation.office,
                conversation.service,
                at=now,
                channel=channel,
                phone="+" + conversation.wa_id,
            )
        except NotOffered:
            return Reply.NOT_REGISTRABLE
        except PhoneNumberError:
            return Reply.PHONE_REFUSED
        number = add_request(session, request)
        # --8<-- [end:register]
        log.info(redact(f"request {number} for {conversation.wa_id}: {request.service.code}"))
        self._reset(conversation)
        return Reply.REGISTERED.format(
            number=number, service=service_label(request.service), channel=channel.label
        )
