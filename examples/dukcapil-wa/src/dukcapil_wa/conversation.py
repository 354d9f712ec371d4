"""The dialogue with a citizen, from "halo" to a request with its files.

States, stored per WhatsApp id:

- ``idle``: waiting for a need. A greeting gets the menu (an interactive list); a service
  (written freely and read with :func:`adminduk.read_message`, or picked from the menu) gets the
  short advice; "status" or a request number gets where the citizen's requests stand; "jam
  buka" gets today's hours and the next opening from the office's calendar.
- ``office``: which Dinas? Asked where the deployment serves no single office, and again when
  the citizen asks to change it ("ganti kantor").
- ``advised``: the advice was given; "rincian" gives the full advice, "daftar" registers.
- ``name`` and ``nik``: the registration asks for the applicant's name, then the NIK (checked
  with :class:`adminduk.Nik`, never repeated back; replies and logs show it masked).
- ``files``: the request is registered; photos and PDFs are attached to it until "selesai".

A photo or PDF sent later (after an officer's "berkas kurang") goes to the same request, which
then returns to verification. Text that fits no step (a thanks, a question) is answered and the
pending step is recalled; it is never dropped.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from adminduk import (
    AdmindukError,
    Advice,
    ChatIntent,
    Nik,
    NikError,
    NotOffered,
    OfficeNotFound,
    Outcome,
    PhoneNumberError,
    RequestEvent,
    RequestStatus,
    Service,
    ServiceRequest,
    advise,
    get_office,
    read_message,
    redact,
)
from dukcapil_wa.conversation_rows import IDLE
from dukcapil_wa.db import Attachment, Conversation, RequestRow
from dukcapil_wa.media import KINDS, MediaProblem, Received
from dukcapil_wa.store import Conflict, NotFound, add_request, apply_event, load
from dukcapil_wa.texts import (
    CHANGE_OFFICE,
    DETAIL,
    DONE,
    MENU_PREFIX,
    MENU_ROWS,
    REGISTER,
    Reply,
    day_name,
    notification,
    service_label,
    size_text,
)
from dukcapil_wa.whatsapp import IncomingText

__all__ = ["ADVISED", "FILES", "IDLE", "NAME", "NIK", "OFFICE", "Dialogue", "Menu", "Outgoing"]

log = logging.getLogger("dukcapil_wa.conversation")

OFFICE: Final = "office"
ADVISED: Final = "advised"
NAME: Final = "name"
NIK: Final = "nik"
FILES: Final = "files"

_WORD = re.compile(r"[^\w./-]+")
_NAME = re.compile(r"^[^\W\d_][^\W\d_ .,'-]*(?:[ .,'-]+[^\W\d_][^\W\d_.,'-]*)*\.?$")
_DIGITS = re.compile(r"\d")
_STATUS_SHOWN: Final = 3


@dataclass(frozen=True, slots=True)
class Menu:
    """A reply sent as an interactive list: a text and the services to pick from."""

    body: str
    button: str
    rows: tuple[tuple[str, str, str], ...]


Outgoing = str | Menu
"""What the dialogue answers: a text, or the menu."""


def _keyword(text: str) -> str:
    """A short answer as a keyword: "Daftar!" and " daftar " are both "daftar"."""
    return _WORD.sub(" ", text).strip().casefold()


def _registrable(advice: Advice) -> bool:
    """Whether "daftar" may register: the office takes the service now, through a channel.

    A deferred service keeps the counter for urgent cases, but asks everyone else to wait.
    """
    return advice.outcome in (Outcome.ONLINE, Outcome.IN_PERSON) and bool(advice.channels)


def _clock_time(at: datetime) -> str:
    return at.strftime("%H.%M")


class Dialogue:
    """Answers one message at a time, changing the citizen's :class:`Conversation` as it goes.

    The caller reads the conversation and writes it back (:mod:`dukcapil_wa.conversation_rows`);
    the dialogue reads and writes requests, files and replies through the session it is given.

    Args:
        office: the office this deployment answers for; empty to ask each citizen.
        clock: the current instant (aware); the advice and the request are dated with it.
        max_file_bytes: the size limit told to a citizen whose file is too large.
        takes_files: whether files can be fetched (the deployment set the Cloud API's token);
            where not, the registration lists the files to bring to the counter instead.
    """

    def __init__(
        self,
        office: str,
        clock: Callable[[], datetime],
        max_file_bytes: int = 0,
        takes_files: bool = True,
    ) -> None:
        self.office = get_office(office).code if office else ""
        self.clock = clock
        self.max_file_bytes = max_file_bytes
        self.takes_files = takes_files

    # -- the entry point -------------------------------------------------------------------

    def answer(
        self,
        session: Session,
        conversation: Conversation,
        message: IncomingText | str | None,
        media: Received | MediaProblem | None = None,
    ) -> Outgoing:
        """Read the citizen's message, update their state, and return the reply.

        Args:
            session: a session inside the message's transaction.
            conversation: the citizen's conversation.
            message: the message (a bare ``str`` is a text message, ``None`` a message the
                service does not read, such as a location).
            media: the file of a photo or document message, fetched and stored beforehand
                (or why it could not be); ``None`` where it was not fetched.
        """
        now = self.clock()
        conversation.updated_at = now
        if not isinstance(message, IncomingText):
            message = IncomingText(message_id="", wa_id=conversation.wa_id, body=message)
        if message.media_id is not None:
            return self._file(session, conversation, message.message_id, media, now)
        if message.choice is not None:
            return self._picked(conversation, message.choice, now)
        if message.body is None:
            return Reply.NOT_TEXT + self._pending(conversation)
        return self._text(session, conversation, message.body, now)

    def _text(
        self, session: Session, conversation: Conversation, text: str, now: datetime
    ) -> Outgoing:
        keyword = _keyword(text)
        state = conversation.state
        if any(phrase in keyword for phrase in CHANGE_OFFICE):
            return self._change_office(conversation)
        if state == NIK and len(_DIGITS.findall(text)) >= 10:
            return self._nik(session, conversation, text, now)
        if state == ADVISED and keyword in REGISTER:
            conversation.state = NAME
            return Reply.ASK_NAME
        if keyword in REGISTER:
            return Reply.NOTHING_TO_REGISTER + self._pending(conversation)
        if state == ADVISED and keyword in DETAIL:
            return self._advise(conversation, now, detail="full")
        if state == FILES and keyword in DONE:
            return self._files_done(session, conversation)
        try:
            intent = read_message(text)
        except AdmindukError:  # too long, or not text the reader takes
            intent = ChatIntent(kind="unknown")
        if state == OFFICE and intent.kind == "service" and not _office_like(text):
            return self._need(conversation, intent, now)  # a new need: ask the office for it
        if state == OFFICE and intent.kind in ("unknown", "service"):
            return self._choose_office(conversation, text, now)
        if state == NAME and intent.kind == "unknown":
            return self._name(conversation, text)
        return self._intent(session, conversation, intent, now)

    def _intent(
        self, session: Session, conversation: Conversation, intent: ChatIntent, now: datetime
    ) -> Outgoing:
        if intent.kind == "service":
            if conversation.state in (NAME, NIK, FILES):
                # A new need mid-registration: answer it, but keep the registration going.
                service = intent.services[0].service
                return self._advice_text(conversation, service, now) + self._pending(conversation)
            return self._need(conversation, intent, now)
        if intent.kind == "greeting":
            return self._menu(conversation)
        if intent.kind == "thanks":
            return Reply.THANKS + self._pending(conversation)
        if intent.kind == "status":
            return self._status(session, conversation, intent.request_number, now)
        if intent.kind == "hours":
            return self._hours(conversation, now)
        if conversation.state == NIK:
            return Reply.BAD_NIK.format(problem="bukan 16 angka")
        return Reply.NOT_UNDERSTOOD + self._pending(conversation)

    # -- the menu and the advice -----------------------------------------------------------

    def _office_name(self, code: str | None) -> str:
        if not code:
            return "Dinas Kependudukan dan Pencatatan Sipil"
        return get_office(code).name

    def _menu(self, conversation: Conversation) -> Outgoing:
        rows = tuple((MENU_PREFIX + code, title, service_label(code)) for code, title in MENU_ROWS)
        office = self._office_name(conversation.office or self.office)
        body = Reply.MENU.format(office=office) + self._pending(conversation)
        return Menu(body=body, button=Reply.MENU_BUTTON, rows=rows)

    def _picked(self, conversation: Conversation, choice: str, now: datetime) -> Outgoing:
        code = choice.removeprefix(MENU_PREFIX)
        try:
            service = Service.parse(code)
        except AdmindukError:
            return self._menu(conversation)  # a row of an older menu: show the current one
        return self._chosen(conversation, service, now)

    # --8<-- [start:need]
    def _need(self, conversation: Conversation, intent: ChatIntent, now: datetime) -> Outgoing:
        first, *others = intent.services
        log.info("found %s (score %.2f)", first.service.code, first.score)
        reply = self._chosen(conversation, first.service, now)
        if others and isinstance(reply, str):
            names = ", ".join(service_label(match.service) for match in others)
            reply += Reply.ALSO_NAMED.format(services=names)
        return reply

    # --8<-- [end:need]

    def _chosen(self, conversation: Conversation, service: Service, now: datetime) -> str:
        conversation.service = service.code
        if self.office:
            conversation.office = self.office
        if not conversation.office:
            conversation.state = OFFICE
            return Reply.ASK_OFFICE
        return self._advise(conversation, now)

    def _advice_text(
        self, conversation: Conversation, service: Service, now: datetime, detail: str = "short"
    ) -> str:
        office = conversation.office or self.office
        if not office:
            return Reply.ASK_OFFICE
        return advise(office, service, at=now).to_message("id", detail=detail)

    def _advise(self, conversation: Conversation, now: datetime, detail: str = "short") -> str:
        if not conversation.office or not conversation.service:
            return Reply.NO_DETAIL
        advice = advise(conversation.office, conversation.service, at=now)
        conversation.state = ADVISED
        reply = advice.to_message("id", detail=detail)
        return reply + Reply.DETAIL_HINT if _registrable(advice) else reply

    # -- the office ------------------------------------------------------------------------

    def _change_office(self, conversation: Conversation) -> str:
        if self.office:
            return Reply.OFFICE_FIXED.format(office=self._office_name(self.office))
        conversation.state = OFFICE
        return Reply.ASK_OFFICE

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
        chosen = Reply.OFFICE_CHOSEN.format(office=self._office_name(conversation.office))
        if conversation.service:
            return chosen + "\n\n" + self._advise(conversation, now)
        conversation.state = IDLE
        return chosen + "\n\n" + self._hours(conversation, now)

    # -- hours and status ------------------------------------------------------------------

    def _hours(self, conversation: Conversation, now: datetime) -> str:
        code = conversation.office or self.office
        if not code:
            conversation.state = OFFICE
            return Reply.ASK_OFFICE
        office = get_office(code)
        calendar = office.calendar()
        local = now.astimezone(calendar.zone)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        today = calendar.opening_intervals(midnight, midnight + timedelta(days=1))
        name = office.name
        reply = (Reply.HOURS_OPEN_NOW if calendar.is_open(now) else Reply.HOURS_CLOSED_NOW).format(
            office=name
        )
        day = day_name(local.date())
        if today:
            hours = ", ".join(
                f"{_clock_time(span.opens)}–{_clock_time(span.closes)}" for span in today
            )
            reply += Reply.HOURS_TODAY.format(day=day, hours=hours)
        else:
            reply += Reply.HOURS_TODAY_CLOSED.format(day=day)
        if not calendar.is_open(now):
            opens = calendar.next_opening(now).astimezone(calendar.zone)
            when = f"{day_name(opens.date())} pukul {_clock_time(opens)}"
            reply += Reply.HOURS_NEXT.format(when=when)
        return reply + self._pending(conversation)

    def _status(
        self, session: Session, conversation: Conversation, number: str | None, now: datetime
    ) -> str:
        query = select(RequestRow.id).where(RequestRow.wa_id == conversation.wa_id)
        if number is not None:
            digits = "".join(ch for ch in number if ch.isdigit())[-9:]
            wanted = int(digits) if digits else 0
            found = session.scalars(query.where(RequestRow.id == wanted)).all()
            if not found:
                # Another citizen's number is answered as if it did not exist.
                return Reply.UNKNOWN_REQUEST.format(number=number) + self._pending(conversation)
        else:
            found = session.scalars(
                query.order_by(RequestRow.id.desc()).limit(_STATUS_SHOWN)
            ).all()
            if not found:
                return Reply.NO_REQUESTS + self._pending(conversation)
        parts = []
        for request_id in found:
            request = load(session, request_id).request
            text = Reply.STATUS.format(
                number=request_id,
                service=service_label(request.service),
                status=request.status.label("id"),
                next=request.citizen_message("id"),
            )
            due = request.due_at
            if due is not None and not request.is_terminal:
                text += Reply.DUE.format(due=f"{day_name(due.date())} pukul {_clock_time(due)}")
            parts.append(text)
        return "\n\n".join(parts) + self._pending(conversation)

    # -- the registration ------------------------------------------------------------------

    def _name(self, conversation: Conversation, text: str) -> str:
        name = " ".join(text.split())
        if not 2 <= len(name) <= 100 or not _NAME.match(name):
            return Reply.BAD_NAME
        conversation.applicant_name = name
        conversation.state = NIK
        return Reply.ASK_NIK

    def _nik(self, session: Session, conversation: Conversation, text: str, now: datetime) -> str:
        try:
            nik = Nik.parse(text, reference_date=now.date())
        except NikError as err:
            # The error names the part that is wrong, never the digits.
            return Reply.BAD_NIK.format(problem=_nik_problem(err))
        return self._register(session, conversation, nik, now)

    def _register(
        self, session: Session, conversation: Conversation, nik: Nik, now: datetime
    ) -> str:
        if not conversation.office or not conversation.service or not conversation.applicant_name:
            conversation.state = IDLE
            return Reply.NOTHING_TO_REGISTER
        # --8<-- [start:register]
        advice = advise(conversation.office, conversation.service, at=now)
        if not _registrable(advice):
            conversation.state = IDLE
            return Reply.NOT_REGISTRABLE
        channel = advice.channels[0]
        try:
            request = ServiceRequest.submit(
                conversation.office,
                conversation.service,
                at=now,
                channel=channel,
                applicant_nik=nik,
                phone="+" + conversation.wa_id,
            )
        except NotOffered:
            conversation.state = IDLE
            return Reply.NOT_REGISTRABLE
        except PhoneNumberError:
            conversation.state = IDLE
            return Reply.PHONE_REFUSED
        name = conversation.applicant_name
        number = add_request(session, request, wa_id=conversation.wa_id, applicant_name=name)
        # --8<-- [end:register]
        log.info(redact(f"request {number} for {conversation.wa_id}: {request.service.code}"))
        conversation.state = FILES
        conversation.request_id = number
        conversation.applicant_name = None  # kept on the request now
        conversation.service = None  # registered: a change of office no longer re-advises it
        items = [item.name_id for item in advice.requirements]
        reply = Reply.REGISTERED.format(
            number=number, service=service_label(request.service), name=name, nik=str(nik)
        )
        if not items:
            conversation.state = IDLE
            return reply + Reply.ASK_FILES_NONE
        listed = "\n".join(f"{index}. {item}" for index, item in enumerate(items, 1))
        if not self.takes_files:
            conversation.state = IDLE
            return reply + Reply.BRING_FILES.format(items=listed)
        return reply + Reply.ASK_FILES.format(items=listed)

    # -- files -----------------------------------------------------------------------------

    def _file(
        self,
        session: Session,
        conversation: Conversation,
        message_id: str,
        media: Received | MediaProblem | None,
        now: datetime,
    ) -> str:
        if not self.takes_files:
            return Reply.FILES_NOT_TAKEN
        if conversation.request_id is None or media is None:
            return Reply.FILE_NOT_EXPECTED
        if isinstance(media, MediaProblem):
            if media.reason == "too_large":
                return Reply.FILE_TOO_LARGE.format(limit=size_text(self.max_file_bytes))
            if media.reason == "type":
                return Reply.FILE_TYPE
            return Reply.FILE_FETCH
        number = conversation.request_id
        try:
            stored = load(session, number)
        except NotFound:
            conversation.request_id = None
            return Reply.FILE_NOT_EXPECTED
        if stored.request.is_terminal:
            return Reply.FILE_CLOSED.format(number=number)
        session.execute(
            insert(Attachment).values(
                request_id=number,
                message_id=message_id,
                content_type=media.content_type,
                size=media.size,
                sha256=media.sha256,
                received_at=now,
            )
        )
        reply = Reply.FILE_RECEIVED.format(
            number=number, kind=KINDS[media.content_type], size=size_text(media.size)
        )
        if conversation.state == IDLE:
            conversation.state = FILES  # so that "selesai" is understood after a late file
        if stored.request.status is RequestStatus.INCOMPLETE:
            # The files an officer asked for: the request goes back to verification, and the
            # reply says so with the event's own message.
            try:
                apply_event(
                    session,
                    number,
                    stored.version,
                    RequestEvent.RESUBMIT,
                    now,
                    {},
                    tell_citizen=False,
                )
            except Conflict:
                log.info("request %d changed while a file arrived; the file is attached", number)
            else:
                reply += "\n\n" + notification(
                    RequestEvent.RESUBMIT, number, stored.request.service
                )
        return reply

    def _files_done(self, session: Session, conversation: Conversation) -> str:
        number = conversation.request_id
        if number is None:
            conversation.state = IDLE
            return Reply.NOT_UNDERSTOOD
        count = session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.request_id == number)
        )
        if not count:
            return Reply.FILES_NONE_YET.format(number=number)
        conversation.state = IDLE
        conversation.service = None
        return Reply.FILES_DONE.format(number=number, count=count)

    # -- the pending step ------------------------------------------------------------------

    def _pending(self, conversation: Conversation) -> str:
        """A reminder of the step the citizen is in, added to any other answer."""
        state = conversation.state
        if state == NAME:
            return Reply.STILL_NAME
        if state == NIK:
            return Reply.STILL_NIK
        if state == FILES:
            return Reply.STILL_FILES.format(number=conversation.request_id)
        if state == ADVISED and conversation.service:
            return Reply.STILL_ADVISED.format(service=service_label(conversation.service))
        if state == OFFICE:
            return "\n\n" + Reply.ASK_OFFICE
        return ""


def _office_like(text: str) -> bool:
    """Whether ``text`` reads as an office: a region code or a name of one."""
    try:
        get_office(text.strip().casefold().replace(" ", "-"))
    except AdmindukError:
        return False
    return True


_NIK_PROBLEMS: Final = {
    "characters": "ada huruf atau tanda selain angka",
    "length": "bukan 16 angka",
    "province": "kode provinsi tidak dikenal",
    "regency": "kode kabupaten/kota tidak dikenal",
    "district": "kode kecamatan tidak dikenal",
    "date": "tanggal lahir di dalamnya tidak mungkin",
    "serial": "nomor urutnya tidak mungkin",
}


def _nik_problem(err: NikError) -> str:
    """Which part of a NIK is wrong, in Indonesian; never the number."""
    return _NIK_PROBLEMS.get(getattr(err, "part", ""), "bentuknya tidak sesuai")
