"""ServiceRequest: a request's life as an immutable, replayable history of events."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING, Annotated, Any, Final, Literal, NoReturn

from pydantic import (
    BeforeValidator,
    PlainSerializer,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidationError,
    field_validator,
    model_serializer,
    model_validator,
)

from adminduk._core import arguments
from adminduk._core.arguments import INSTANT_RANGE
from adminduk._core.redact import is_text, plain, redact, safe_repr
from adminduk._core.suggest import did_you_mean
from adminduk._core.validation import ConfigErrorModel, frozen_config, problems_from, trusted
from adminduk.documents import Service
from adminduk.errors import ConfigError, ConfigProblem, TransitionError
from adminduk.identity import (
    REVEAL_CONTEXT,
    REVEAL_KEY,
    CitizenPhone,
    Nik,
    PersonalDataCase,
    register_personal_data,
)
from adminduk.lifecycle import _clock, _office, _table
from adminduk.lifecycle._table import (
    _ALLOWED,
    DETAIL_NAMES,
    INITIAL_STATUS,
    NEXT,
    RequestEvent,
    RequestStatus,
    Transition,
)
from adminduk.offices import ChannelKind, OfficeConfig
from adminduk.schedule._zone import SUPPORTED_DAYS

if TYPE_CHECKING:
    from adminduk.offices import Channel

__all__ = ["SUBMIT", "HistoryEntry", "ServiceRequest"]

SUBMIT: Final = "submit"
"""The name of the first history entry, which creates the request (not a table event)."""

_SUBMISSION_FIELDS: Final = ("office", "service", "channel", "applicant_nik", "phone")
_EVENT_CODES: Final = tuple(event.value for event in RequestEvent)

_set = object.__setattr__


def _read_instant(value: object) -> object:
    # Python reads every offset it writes, seconds included; anything else goes on to
    # pydantic's own parser (and its error message).
    if is_text(value):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime) and value.utcoffset() is not None:
        try:
            value.astimezone(UTC)
        except OverflowError:
            raise ValueError(f"outside the years 1-9999 in UTC; valid: {INSTANT_RANGE}") from None
    return value


# Offsets are written to the second: before 1924 Jakarta kept local mean time, +07:07:12, and
# pydantic's own form (+07:07) would read back as a different instant.
Instant = Annotated[
    datetime,
    BeforeValidator(_read_instant),
    PlainSerializer(datetime.isoformat, return_type=str, when_used="json"),
]


class _Model(ConfigErrorModel):
    """Frozen, strict about extra keys, and refusing bad input as ConfigError.

    Validation errors leave as :class:`~adminduk.errors.ConfigError`, every problem with its
    path and message but never the input: a request holds personal data, and pydantic's own
    errors carry the raw input (the whole mapping, for a model-level problem).
    """

    model_config = frozen_config()

    @classmethod
    def _config_error(cls, err: ValidationError) -> ConfigError:
        return ConfigError(_problems(err), source=cls.__name__)


class HistoryEntry(_Model):
    """One entry of a request's history: what happened, when, and the details that came with it.

    The first entry of every history is the submission (``name == "submit"``), holding the
    office, service, channel and the applicant's personal data; every later one is a
    :class:`RequestEvent` with its details. Unset details are left out of the JSON.

    Attributes:
        name: ``"submit"`` or the event.
        at: when it happened (aware, in the office's zone, once part of a request).
        office: submission only: the office code.
        service: submission only: the service applied for.
        channel: submission only: how the request reached the office.
        applicant_nik: submission only: the applicant's NIK (personal data, masked).
        phone: submission only: the applicant's WhatsApp number (personal data, masked).
        missing: ``mark_incomplete``: what is missing or unreadable.
        reason: why (``reject`` requires it; ``mark_incomplete`` and ``withdraw`` accept it).
        pickup_place: ``mark_ready`` / ``deliver``: where the document is or goes.
        originals_checked: ``hand_over``: whether the originals were checked.
        note: any event: a free note for the record.

    ``reason`` and ``note`` are free text typed by an officer, and may hold a NIK or a phone
    number: ``repr`` and the default JSON show them through :func:`adminduk.redact`. An
    authorised caller reads them as typed from the attribute (``entry.note``) or from a dump
    that reveals personal data (``to_json(reveal=True)``, ``context=REVEAL_CONTEXT``).

    Examples:
        >>> from datetime import datetime
        >>> entry = HistoryEntry(name="mark_incomplete", at=datetime(2020, 3, 23, 10, 30),
        ...                      missing=["foto-kk"])
        >>> entry.name, entry.missing
        (<RequestEvent.MARK_INCOMPLETE: 'mark_incomplete'>, ('foto-kk',))
        >>> entry.details
        {'missing': ('foto-kk',)}
        >>> entry.model_dump_json()
        '{"name":"mark_incomplete","at":"2020-03-23T10:30:00","missing":["foto-kk"]}'

        >>> HistoryEntry.model_validate({"name": "approve", "at": "2020-03-23T10:00"}).name
        <RequestEvent.APPROVE: 'approve'>

        Bad input is refused as a ``ConfigError`` listing every problem, never the input:

        >>> HistoryEntry.model_validate_json('{"name": "aprove", "at": "2020-03-23"}')
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: HistoryEntry: 1 problem
          - name: not 'submit' or an event (...); did you mean 'approve'?
    """

    name: RequestEvent | Literal["submit"]
    at: Instant
    office: str | None = None
    service: Service | None = None
    channel: ChannelKind | None = None
    applicant_nik: Nik | None = None
    phone: CitizenPhone | None = None
    missing: tuple[str, ...] | None = None
    reason: str | None = None
    pickup_place: str | None = None
    originals_checked: bool | None = None
    note: str | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _known_name(cls, value: Any) -> Any:
        if value == SUBMIT or isinstance(value, RequestEvent):
            return value
        if is_text(value) and value in _EVENT_CODES:
            return RequestEvent(value)
        raise ValueError(
            f"not {SUBMIT!r} or an event ({', '.join(_EVENT_CODES)})"
            f"{did_you_mean(value, _EVENT_CODES)}"
        )

    @property
    def details(self) -> dict[str, Any]:
        """The entry's details: every field that is set, except ``name`` and ``at``.

        Examples:
            >>> from datetime import datetime
            >>> HistoryEntry(name="reject", at=datetime(2020, 3, 24), reason="bukan warga").details
            {'reason': 'bukan warga'}
        """
        return {
            key: value
            for key, value in self.__dict__.items()
            if value is not None and key != "name" and key != "at"
        }

    @model_serializer(mode="wrap")
    def _leave_out_unset(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        shown = {key: value for key, value in data.items() if value is not None}
        context: Any = info.context
        if not (isinstance(context, Mapping) and context.get(REVEAL_KEY) is True):
            for key in _FREE_TEXT:
                if key in shown:
                    shown[key] = redact(shown[key])
        return shown

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        for name, value in super().__repr_args__():
            yield name, redact(value) if name in _FREE_TEXT and is_text(value) else value


# The details typed as free text: shown redacted unless personal data is revealed.
_FREE_TEXT: Final = ("reason", "note")


# Every field of an entry, so a fast-built entry has the same ``__dict__`` as a validated one.
_ENTRY_FIELDS: Final = tuple(HistoryEntry.model_fields)
_ENTRY_TEMPLATES: Final[dict[RequestEvent, dict[str, Any]]] = {
    event: {**dict.fromkeys(_ENTRY_FIELDS), "name": event} for event in RequestEvent
}
# Shared, never mutated: pydantic copies a model's fields-set before changing it.
_ENTRY_SET: Final = {"name", "at"}


class _Refusal(Exception):
    """Raised inside ``apply`` by a check; turned into a TransitionError with the context.

    ``reason_id`` is the reason in Indonesian, for the officer's screen, where the check gives
    one (checks of a caller's arguments speak to developers, in English only).
    """

    def __init__(self, reason: str, reason_id: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.reason_id = reason_id


def _localize(
    at: object, zone: tzinfo, field: str = "at", within: tuple[date, date] | None = None
) -> datetime:
    """``at`` as an aware instant in ``zone``; naive means the office's local wall time."""
    # A bare date gets instant's NeedsDatetime, as advise does. By the real type: an object
    # may lie about its __class__.
    if not issubclass(type(at), date):
        raise _Refusal(
            f"{field} must be a datetime (naive = the office's local time), "
            f"got {type(at).__name__}"
        )
    return arguments.instant(field, at, zone, within)


def _applicant(nik: Nik | str | None, submitted_at: datetime) -> Nik | None:
    """The applicant's NIK, its two-digit birth year read against the day of submission.

    Not against today: a request replayed years later must name the same person, and its answer
    must not depend on when or where it is read.
    """
    if nik is None:
        return None
    digits = nik.reveal() if isinstance(nik, Nik) else nik
    return Nik.parse(digits, reference_date=submitted_at.date())


def _clean_details(row: Transition, details: Mapping[str, object]) -> dict[str, Any]:
    """Check an event's details against its row of the table; return them normalised."""
    clean: dict[str, Any] = {}
    for key, value in details.items():
        if key not in row.requires and key not in row.accepts:
            valid = (*row.requires, *row.accepts)
            raise _Refusal(
                f"{row.event} takes no detail {key!r} (it takes: {', '.join(valid)})"
                f"{did_you_mean(key, valid)}"
            )
        if value is None:
            continue
        if key == "missing":
            clean[key] = _missing(value)
        elif key == "originals_checked":
            if not isinstance(value, bool):
                raise _Refusal(f"originals_checked must be True or False, got {_kind(value)}")
            clean[key] = value
        else:
            if not is_text(value) or not value.strip():
                raise _Refusal(f"{key} must be a non-empty text, got {_kind(value)}")
            clean[key] = value.strip()
    for key in row.requires:
        if key not in clean:
            raise _Refusal(*_REQUIRED_HELP[key])
    return clean


_REQUIRED_HELP: Final = {
    "missing": (
        "say what is missing or unreadable, e.g. missing=['foto-kk'] "
        "(kurang: sebutkan berkas yang kurang atau tidak terbaca)",
        "sebutkan berkas yang kurang atau tidak terbaca",
    ),
    "reason": (
        "give the reason for the rejection, e.g. reason='bukan warga kabupaten ini' "
        "(sebutkan alasan penolakan)",
        "sebutkan alasan penolakan",
    ),
}


def _kind(value: object) -> str:
    """What a refused detail value was, without echoing it (free text may be personal)."""
    if is_text(value):
        return "an empty text" if not value.strip() else "a text"
    return type(value).__name__


def _missing(value: object) -> tuple[str, ...]:
    items: tuple[object, ...]
    if is_text(value):
        items = (value,)
    elif isinstance(value, list | tuple | set | frozenset):
        items = tuple(value)
    else:
        raise _Refusal(f"missing must be a list of what is missing, got {_kind(value)}")
    cleaned = []
    for item in items:
        if not is_text(item) or not item.strip():
            raise _Refusal(f"missing must hold non-empty texts, got {_kind(item)}")
        cleaned.append(item.strip())
    if not cleaned:
        raise _Refusal(*_REQUIRED_HELP["missing"])
    return tuple(sorted(cleaned) if isinstance(value, set | frozenset) else cleaned)


class ServiceRequest(_Model):
    """A citizen's request to an office, as an immutable, replayable history of events.

    Create one with :meth:`submit`; move it on with :meth:`apply`, which returns a **new**
    request and leaves the old one untouched. Every event is checked against the transition
    table (``docs/lifecycle.md``) and against guards that explain themselves; a refusal raises
    :class:`~adminduk.errors.TransitionError` naming the status, the event, the events allowed
    now and the reason. :meth:`from_history` replays a history into the same request, and the
    JSON round trip is lossless (see :meth:`to_json` for personal data).

    Attributes:
        office: the office's code (``"52.71"``).
        service: the service applied for.
        channel: how the request reached the office (``app``, ``whatsapp``, ``portal``,
            ``counter``).
        submitted_at: when it was submitted (aware, office zone).
        applicant_nik: the applicant's NIK, if the application attached one (masked).
        phone: the applicant's WhatsApp number, if attached (masked).
        status: where the request stands now.
        history: every entry so far, the submission first; append-only.

    Examples:
        >>> from datetime import datetime
        >>> req = ServiceRequest.submit("52.71", "kk/perubahan", at=datetime(2020, 3, 23, 9, 0),
        ...                             channel="whatsapp", applicant_nik="5271014501900001")
        >>> req = req.apply("start_verification", at=datetime(2020, 3, 23, 10, 0))
        >>> later = req.apply("mark_incomplete", at=datetime(2020, 3, 23, 10, 5), missing=["kk"])
        >>> req.status, later.status
        (<RequestStatus.VERIFYING: 'verifying'>, <RequestStatus.INCOMPLETE: 'incomplete'>)
        >>> later.history[-1].missing, later.history[-1].at.isoformat()
        (('kk',), '2020-03-23T10:05:00+08:00')
        >>> later.applicant_nik
        Nik('5271**********01')
        >>> ServiceRequest.from_history(later.history) == later
        True
    """

    office: str
    service: Service
    channel: ChannelKind
    submitted_at: Instant
    applicant_nik: Nik | None = None
    phone: CitizenPhone | None = None
    status: RequestStatus
    history: tuple[HistoryEntry, ...]

    # -- creation ------------------------------------------------------------------------
    @classmethod
    def submit(
        cls,
        office: OfficeConfig | str,
        service: Service | str,
        *,
        at: datetime,
        channel: ChannelKind | str | Channel,
        applicant_nik: Nik | str | None = None,
        phone: CitizenPhone | str | None = None,
        reasons: Iterable[str] | None = (),
        check: bool = True,
    ) -> ServiceRequest:
        """Create a request, status ``submitted``, with the submission as its first entry.

        Args:
            office: an :class:`~adminduk.offices.OfficeConfig` or a registered code or slug.
            service: a :class:`~adminduk.documents.Service` or its code (``kk/perubahan``).
            at: when it was submitted; naive means the office's local wall time. Stored as an
                aware instant in the office's zone.
            channel: ``app``, ``whatsapp``, ``portal`` or ``counter``, or an office channel
                (anything with a ``kind``, such as an advice's channel).
            applicant_nik: the applicant's NIK, if the application keeps one (masked). Its
                two-digit birth year is read against the date of ``at`` (office-local), not
                today, so the request does not depend on when it is made or replayed.
            phone: the applicant's WhatsApp number, if the application keeps one (masked).
            reasons: the applicant's urgency reasons, read as :func:`~adminduk.advise` reads
                them (an urgent case may be let in at the counter).
            check: whether to refuse what :func:`~adminduk.advise` would refuse: a service the
                office does not take at ``at``, or a channel it does not take it through.
                ``check=False`` is for importing historical records, which are what happened,
                not what the rules allowed.

        Raises:
            OfficeNotFound: ``office`` is not registered.
            UnknownService: ``service`` is not a catalogue service.
            ConfigError: ``channel`` or ``at`` is not valid.
            UnknownReason: a reason is neither built in nor defined by the office.
            NotOffered: ``check`` is on and the advice at ``at`` does not send ``service``
                through ``channel``.
            NikError, PhoneNumberError: the personal data does not check out (the message
                never shows it).

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("kabupaten-bima", "ktp-el/cetak-ulang",
            ...                             at=datetime(2020, 5, 4, 9, 0), channel="whatsapp")
            >>> req.office, req.status.value, req.submitted_at.isoformat()
            ('52.06', 'submitted', '2020-05-04T09:00:00+08:00')
            >>> ServiceRequest.submit("52.06", "kk/perubahan", at=datetime(2020, 3, 23),
            ...                       channel="pos")
            Traceback (most recent call last):
            ...
            adminduk.errors.ConfigError: 1 problem
              - channel: not a channel kind; valid: app, whatsapp, portal, counter (got 'pos')
            >>> ServiceRequest.submit("52.06", "ktp-el/baru", at=datetime(2020, 5, 20, 10),
            ...                       channel="whatsapp")  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            adminduk.errors.NotOffered: ktp-el/baru is not taken through whatsapp at 2020-05-20T10:00:00+08:00: the advice then is 'unavailable', through no channel
            >>> ServiceRequest.submit("52.06", "ktp-el/baru", at=datetime(2020, 5, 20, 10),
            ...                       channel="whatsapp", check=False).status.value
            'submitted'
        """  # noqa: E501
        config = _registered(office)
        parsed_service = Service.parse(service)
        kind = _channel_kind(channel)
        checked = arguments.flag("check", check)
        try:
            # Checked, it must fall in the years advise answers for, with advise's refusal.
            instant = _localize(at, config.zone, within=SUPPORTED_DAYS if checked else None)
        except _Refusal as refusal:
            raise ConfigError.single("at", refusal.reason) from None
        nik = _applicant(applicant_nik, instant)
        number = None if phone is None else CitizenPhone(phone)
        if checked:
            _office.admit(config, parsed_service, kind, instant, reasons)
        return cls._start(config.code, parsed_service, kind, instant, nik, number)

    @classmethod
    def _start(
        cls,
        office: str,
        service: Service,
        channel: ChannelKind,
        at: datetime,
        nik: Nik | None,
        phone: CitizenPhone | None,
    ) -> ServiceRequest:
        """The new request, from values already checked (no validation, no replay)."""
        submission = {
            **dict.fromkeys(_ENTRY_FIELDS),
            "name": SUBMIT,
            "at": at,
            "office": office,
            "service": service,
            "channel": channel,
            "applicant_nik": nik,
            "phone": phone,
        }
        entry = trusted(HistoryEntry, submission, ("name", "at", *_SUBMISSION_FIELDS))
        fields = {
            "office": office,
            "service": service,
            "channel": channel,
            "submitted_at": at,
            "applicant_nik": nik,
            "phone": phone,
            "status": INITIAL_STATUS,
            "history": (entry,),
        }
        request: ServiceRequest = trusted(cls, fields)
        return request

    # -- moving on -----------------------------------------------------------------------
    def apply(self, event: RequestEvent | str, at: datetime, **details: Any) -> ServiceRequest:
        """Apply ``event`` at ``at``; return the new request. This request is never changed.

        Guards, each refusing with a reason: time may not run backwards (``at`` before the last
        entry); ``mark_incomplete`` needs ``missing``; ``reject`` needs ``reason``; an event
        takes only the details its row of the table names; ``hand_over`` needs
        ``originals_checked=True`` where the office's policy in force at ``at`` checks the
        originals; ``deliver`` only where that policy sends documents on.

        Args:
            event: a :class:`RequestEvent` or its code.
            at: when it happened; naive means the office's local wall time.
            **details: ``missing``, ``reason``, ``pickup_place``, ``originals_checked``,
                ``note``, as the event's row allows.

        Raises:
            TransitionError: the status does not allow the event, or a guard refused it;
                ``.status``, ``.event``, ``.allowed`` and ``.reason`` say which and why (the
                message speaks English, then Indonesian; ``.message(lang)`` gives one).

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("52.71", "kk/perubahan",
            ...                             at=datetime(2020, 3, 23, 9, 0), channel="whatsapp")
            >>> req.apply("hand_over", at=datetime(2020, 3, 23, 9, 5))
            Traceback (most recent call last):
            ...
            adminduk.errors.TransitionError: event 'hand_over' is not allowed in status 'submitted'; allowed now: start_verification, withdraw
            Permohonan berstatus «Diajukan»: «Serahkan dokumen» tidak dapat dilakukan sekarang. Yang dapat dilakukan: Mulai verifikasi, Batalkan permohonan.
            >>> req = req.apply("start_verification", at=datetime(2020, 3, 23, 10, 0))
            >>> req.apply("reject", at=datetime(2020, 3, 23, 9, 0), reason="x")
            ... # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            adminduk.errors.TransitionError: event 'reject' refused in status 'verifying': time may not run backwards: ...
        """  # noqa: E501
        event = plain(event)
        row = NEXT.get((self.status, event)) if is_text(event) else None
        if row is None:
            self._refuse_event(event, at)
        try:
            zone = self.submitted_at.tzinfo
            # The common case (an aware instant already in the office zone) skips _localize.
            fast = type(at) is datetime and at.tzinfo is zone  # type(): __class__ may lie
            instant = at if fast else _localize(at, zone)  # type: ignore[arg-type]
            last = self.history[-1].at
            if instant < last:
                raise _Refusal(
                    f"time may not run backwards: at={instant.isoformat()} is before the last "
                    f"entry ({self.history[-1].name} at {last.isoformat()})",
                    f"waktu tidak boleh mundur: {instant.isoformat()} lebih awal dari catatan "
                    f"terakhir ({last.isoformat()})",
                )
            clean = _clean_details(row, details) if details or row.requires else None
            event = row.event
            if event is RequestEvent.HAND_OVER or event is RequestEvent.DELIVER:
                self._office_guard(event, instant, clean)
        except _Refusal as refusal:
            self._refuse(row.event, refusal.reason, at, refusal.reason_id)
        # Build the entry and the request without validation (everything above checked the
        # values): see trusted.
        entry_data = _ENTRY_TEMPLATES[event].copy()
        entry_data["at"] = instant
        if clean:
            entry_data.update(clean)
            entry = trusted(HistoryEntry, entry_data, {"name", "at", *clean})
        else:
            entry = trusted(HistoryEntry, entry_data, _ENTRY_SET)
        data = self.__dict__.copy()
        data["status"] = row.target
        data["history"] = (*self.history, entry)
        return trusted(ServiceRequest, data, self.__pydantic_fields_set__)

    def _office_guard(
        self, event: RequestEvent, at: datetime, details: Mapping[str, Any] | None
    ) -> None:
        """The office-dependent guards of ``hand_over`` and ``deliver``."""
        rules, policy = _office.fulfilment(self.office, self.service, at)
        where = f"office {self.office} ({policy.id})"
        if event is RequestEvent.DELIVER:
            if rules is None or not rules.delivers:
                pickup = f" (pick-up: {rules.pickup})" if rules and rules.pickup else ""
                raise _Refusal(
                    f"{where} does not send {self.service} on to a kecamatan or village office"
                    f"{pickup}; use mark_ready instead",
                    f"kantor {self.office} ({policy.id}) tidak mengirim {self.service} ke kantor "
                    f"kecamatan atau desa; gunakan «{RequestEvent.MARK_READY.label('id')}»",
                )
        elif rules is not None and rules.originals_checked:
            checked = details.get("originals_checked") if details else None
            if checked is not True:
                raise _Refusal(
                    f"{where} checks the original documents at hand-over: pass "
                    "originals_checked=True once they have been checked (berkas asli wajib "
                    f"diperiksa saat pengambilan; source: {rules.source})",
                    f"kantor {self.office} ({policy.id}) memeriksa berkas asli saat "
                    f"penyerahan: periksa dulu berkas aslinya (sumber: {rules.source})",
                )

    def _refuse_event(self, event: object, at: object) -> NoReturn:
        """Refuse an event the table does not have in this status, saying why."""
        event = plain(event)
        if is_text(event) and event in RequestEvent.__members__.values():
            self._refuse(event, "", at)
        if is_text(event) and event == SUBMIT:
            reason = "'submit' starts a request: use ServiceRequest.submit()"
        else:
            reason = f"not an event{did_you_mean(event, [e.value for e in RequestEvent])}"
        self._refuse(event if is_text(event) else safe_repr(event), reason, at)

    def _refuse(self, event: str, reason: str, at: object, reason_id: str = "") -> NoReturn:
        allowed = self.allowed_events(at=at if isinstance(at, datetime) else None)
        raise TransitionError(
            self.status.value, str(event), [e.value for e in allowed], reason, reason_id
        )

    # -- questions -----------------------------------------------------------------------
    def citizen_message(self, lang: str = "id") -> str:
        """What the citizen is told after the latest entry: what happened, what to do next.

        The text catalogue's message for the event (or for the submission), filled with the
        service's name, what is missing (``mark_incomplete``) or why (``reject``).

        Raises:
            OutOfRange: ``lang`` is not a tag of Indonesian or English.

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("52.71", "kk/perubahan",
            ...                             at=datetime(2020, 3, 23, 9, 0), channel="whatsapp")
            >>> print(req.citizen_message("en"))
            We have received your request for Family card (KK): change of data. An officer will check the files; wait for our next message.
            >>> req = req.apply("start_verification", at=datetime(2020, 3, 23, 10, 0))
            >>> req = req.apply("mark_incomplete", at=datetime(2020, 3, 23, 11, 0), missing=["foto KK"])
            >>> print(req.citizen_message())
            Berkas permohonan Kartu Keluarga (KK): perubahan data Anda belum lengkap atau tidak terbaca: foto KK. Kirim ulang berkas tersebut (foto yang jelas atau PDF) agar dapat diperiksa kembali.
        """  # noqa: E501
        last = self.history[-1]
        return _table.citizen_message(
            str(last.name),
            self.service,
            lang,
            missing=last.missing or (),
            reason=last.reason or "",
        )

    def allowed_events(self, at: datetime | None = None) -> tuple[RequestEvent, ...]:
        """The events allowed now: the table's, without ``deliver`` where the office does not.

        Detail guards (``missing``, ``reason``, ``originals_checked``) can still refuse an
        allowed event when its details are missing.

        Args:
            at: the instant whose office policy decides ``deliver`` (default: the last
                entry's); naive means office-local time.

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("52.71", "kk/perubahan",
            ...                             at=datetime(2020, 3, 23, 9, 0), channel="whatsapp")
            >>> [event.value for event in req.allowed_events()]
            ['start_verification', 'withdraw']
        """
        events = _ALLOWED[self.status]
        if RequestEvent.DELIVER not in events:
            return events
        when = self.history[-1].at if at is None else _localize(at, self.submitted_at.tzinfo)  # type: ignore[arg-type]
        try:
            self._office_guard(RequestEvent.DELIVER, when, None)
        except _Refusal:
            return tuple(e for e in events if e is not RequestEvent.DELIVER)
        return events

    @property
    def is_terminal(self) -> bool:
        """Whether the request is finished (completed, rejected or withdrawn).

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("52.71", "kk/perubahan",
            ...                             at=datetime(2020, 3, 23, 9, 0), channel="whatsapp")
            >>> req.apply("withdraw", at=datetime(2020, 3, 23, 9, 30)).is_terminal
            True
        """
        return not _ALLOWED[self.status]

    @property
    def due_at(self) -> datetime | None:
        """When the office's published completion time runs out, while its clock runs.

        The clock follows the office's service standard (:func:`adminduk.service_standard`,
        for this request's channel): it starts when the files are found complete (``approve``)
        or, where the standard counts from receipt, at submission; ``mark_incomplete`` stops
        it and ``resubmit`` starts it afresh; it ends with ``mark_ready``, ``deliver`` or the
        end of the request. It counts in the office's calendar, so weekends, holidays and
        closures do not count where the standard counts working time. Where the standard gives
        no time, the office's stated processing time counts from approval. ``None`` while no
        clock runs.

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("35.74", "akta-kematian/baru",
            ...                             at=datetime(2024, 8, 16, 9, 0), channel="counter")
            >>> req.due_at is None  # not yet found complete
            True
            >>> req = req.apply("start_verification", at=datetime(2024, 8, 16, 9, 5))
            >>> req = req.apply("approve", at=datetime(2024, 8, 16, 9, 30))  # a Friday
            >>> req.due_at.isoformat()  # "1 hari kerja": Monday (17 Aug, a Saturday, is a holiday)
            '2024-08-19T16:00:00+07:00'
        """
        found = _clock.runs(self.office, self.service, self.channel, self.history)
        if not found or found[-1].stopped is not None:
            return None
        return found[-1].due

    def is_overdue(self, at: datetime) -> bool:
        """Whether, at ``at``, the office's completion time ran out before the document was ready.

        Read from the history up to ``at``: once a run of the clock passes its deadline with
        the document not ready, the request stays overdue for every later ``at`` (being late
        is not undone by finishing), so the answer flips at most once, at the deadline.

        Raises:
            OutOfRange: ``at`` is not a datetime (a naive one is the office's wall time).

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("35.74", "akta-kematian/baru",
            ...                             at=datetime(2024, 8, 16, 9, 0), channel="counter")
            >>> req = req.apply("start_verification", at=datetime(2024, 8, 16, 9, 5))
            >>> req = req.apply("approve", at=datetime(2024, 8, 16, 9, 30))
            >>> req.is_overdue(datetime(2024, 8, 19, 16, 0)), req.is_overdue(datetime(2024, 8, 19, 16, 1))
            (False, True)
        """  # noqa: E501
        zone = self.submitted_at.tzinfo
        assert zone is not None  # an Instant is aware
        moment = arguments.instant("at", at, zone)
        for run in _clock.runs(self.office, self.service, self.channel, self.history):
            if run.start > moment:
                break
            end = moment if run.stopped is None or run.stopped > moment else run.stopped
            if run.due < end:
                return True
        return False

    # -- replay and JSON -----------------------------------------------------------------
    @classmethod
    def from_history(cls, events: Iterable[HistoryEntry | Mapping[str, Any]]) -> ServiceRequest:
        """Replay a history (the submission first) into the request it describes.

        Every event goes through :meth:`apply`, guards included, so a replayed request is one
        that could have happened. ``from_history(req.history) == req`` for every request, and
        ``from_history(req.history[:k])`` is the request as it stood after ``k`` entries.

        Args:
            events: :class:`HistoryEntry` values, or mappings as found in the JSON.

        Raises:
            ConfigError: an entry is malformed, or the history does not start with one
                ``submit`` entry naming the office, service and channel.
            OfficeNotFound: the office is not registered.
            TransitionError: an event cannot follow the ones before it; the reason says which
                entry (``history[3]``).

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("52.71", "kk/perubahan",
            ...                             at=datetime(2020, 3, 23, 9, 0), channel="whatsapp")
            >>> req = req.apply("start_verification", at=datetime(2020, 3, 23, 9, 30))
            >>> ServiceRequest.from_history(req.history[:1]).status.value
            'submitted'
            >>> ServiceRequest.from_history([*req.history, req.history[1]])
            ... # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            adminduk.errors.TransitionError: event 'start_verification' refused in status 'verifying': history[2]: not allowed in this status; ...
        """  # noqa: E501
        entries = _entries(events)
        if not entries or entries[0].name != SUBMIT:
            raise ConfigError.single(
                "history[0].name",
                "a history starts with the 'submit' entry",
                str(entries[0].name) if entries else None,
            )
        first = entries[0]
        problems = [
            ConfigProblem(f"history[0].{key}", "the submit entry must name it")
            for key in ("office", "service", "channel")
            if getattr(first, key) is None
        ]
        problems += [
            ConfigProblem(f"history[0].{key}", "not a detail of the submit entry")
            for key in DETAIL_NAMES
            if getattr(first, key) is not None
        ]
        if problems:
            raise ConfigError(problems)
        assert first.office is not None
        assert first.service is not None
        assert first.channel is not None
        config = _office.get_office(first.office)
        request = cls._start(
            config.code,
            first.service,
            first.channel,
            instant := _localize(first.at, config.zone),
            _applicant(first.applicant_nik, instant),
            first.phone,
        )
        for index, entry in enumerate(entries[1:], start=1):
            if entry.name == SUBMIT:
                raise ConfigError.single(
                    f"history[{index}].name", "only the first entry may be 'submit'", SUBMIT
                )
            try:
                request = request.apply(entry.name, entry.at, **entry.details)
            except TransitionError as err:
                raise TransitionError(
                    err.status,
                    err.event,
                    err.allowed,
                    f"history[{index}]: {err.reason or 'not allowed in this status'}",
                ) from None
        return request

    @model_validator(mode="after")
    def _agrees_with_history(self) -> ServiceRequest:
        """Validated data must be what its history replays to (zones normalised on the way)."""
        replayed = ServiceRequest.from_history(self.history)
        differ = [
            name
            for name in ServiceRequest.model_fields
            if name != "history" and getattr(self, name) != getattr(replayed, name)
        ]
        if differ:
            raise ValueError(
                f"{', '.join(differ)} do not agree with the history, which leads to "
                f"status {replayed.status.value!r}"
            )
        _set(self, "__dict__", replayed.__dict__)
        return self

    def to_json(self, *, reveal: bool = False, indent: int | None = None) -> str:
        """The request as JSON; personal data masked unless ``reveal=True``.

        ``to_json(reveal=True)`` (the same as ``model_dump_json(context=REVEAL_CONTEXT)``) is
        the lossless form that :meth:`from_json` and ``model_validate_json`` read back into an
        equal request. The default, masked form is for logs and exports: a NIK or phone number
        masked in it cannot be read back (a request without personal data round-trips either
        way).

        Examples:
            >>> from datetime import datetime
            >>> req = ServiceRequest.submit("52.71", "kk/perubahan", at=datetime(2020, 3, 23, 9),
            ...                             channel="whatsapp", phone="0813-5954-7691")
            >>> '"+62813******91"' in req.to_json()
            True
            >>> ServiceRequest.from_json(req.to_json(reveal=True)) == req
            True
        """
        context = REVEAL_CONTEXT if arguments.flag("reveal", reveal) else None
        if indent is not None:
            indent = arguments.integer("indent", indent, 0, 16, "None, or 0 to 16 spaces")
        return self.model_dump_json(context=context, indent=indent)

    @classmethod
    def from_json(cls, text: str | bytes) -> ServiceRequest:
        """Read a request written by :meth:`to_json` (``reveal=True`` for personal data).

        The same as ``model_validate_json``: the history is replayed and must agree with the
        other fields.

        Raises:
            ConfigError: the JSON is malformed or does not describe a valid request, every
                problem with its path (personal data never shown).
            OfficeNotFound: the office is not registered.
            TransitionError: the history holds an event that cannot follow the ones before it.

        Examples:
            >>> ServiceRequest.from_json('{"office": "52.71"}')  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            adminduk.errors.ConfigError: ServiceRequest: 5 problems
              - service: required, but missing
            ...
        """
        return cls.model_validate_json(text)

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        for name in type(self).model_fields:
            value = self.__dict__[name]
            if name == "history":
                yield "history", _Shown(f"<{len(value)} entries>")
            elif value is not None:
                yield name, value


class _Shown(str):
    """A text that ``repr`` shows as it is (for a compact ``repr`` of the history)."""

    def __repr__(self) -> str:
        return str(self)


def _registered(office: OfficeConfig | str) -> OfficeConfig:
    """The registered office: later events find it again by its code."""
    if is_text(office):
        return _office.get_office(office)
    if not isinstance(office, OfficeConfig):
        raise ConfigError.single(
            "office",
            "an OfficeConfig, or a registered office's code or slug",
            type(office).__name__,
        )
    registered = _office.get_office(office.code)
    if registered is not office and registered != office:
        raise ConfigError.single(
            "office",
            "differs from the registered office with that code; a request finds its office by "
            "code, so register this configuration first (adminduk.register)",
            office.code,
        )
    return registered


def _channel_kind(channel: object) -> ChannelKind:
    kind = plain(getattr(channel, "kind", channel))  # an office Channel, e.g. from an advice
    if is_text(kind):
        try:
            return ChannelKind(kind.strip().lower())
        except ValueError:
            pass
    valid = ", ".join(k.value for k in ChannelKind)
    raise ConfigError.single("channel", f"not a channel kind; valid: {valid}", kind)


def _entries(events: object) -> list[HistoryEntry]:
    if isinstance(events, str | bytes) or not isinstance(events, Iterable):
        raise ConfigError.single(
            "history",
            "a sequence of history entries (as in a request's JSON)",
            type(events).__name__,
        )
    try:
        listed = list(itertools.islice(events, arguments.MAX_ITEMS + 1))
    except Exception:
        raise ConfigError.single(
            "history", "a sequence of history entries that can be iterated", type(events).__name__
        ) from None
    if len(listed) > arguments.MAX_ITEMS:
        raise ConfigError.single("history", f"at most {arguments.MAX_ITEMS} entries")
    entries: list[HistoryEntry] = []
    problems: list[ConfigProblem] = []
    for index, event in enumerate(listed):
        if isinstance(event, HistoryEntry):
            entries.append(event)
            continue
        try:
            entries.append(HistoryEntry.model_validate(event))
        except ConfigError as err:
            where = f"history[{index}]"
            problems.extend(
                ConfigProblem(f"{where}.{p.path}" if p.path else where, p.message, p.value)
                for p in err.problems
            )
    if problems:
        raise ConfigError(problems)
    return entries


_UNREADABLE_PERSONAL_DATA: Final = (
    "; personal data masked in the JSON cannot be read back: write it with "
    "to_json(reveal=True) to keep it"
)


def _problems(err: ValidationError) -> list[ConfigProblem]:
    # Never the input: a request holds personal data.
    problems = []
    for problem in problems_from(err, hide_input=True):
        if problem.path.rpartition(".")[2] in ("applicant_nik", "phone"):
            problem = ConfigProblem(problem.path, problem.message + _UNREADABLE_PERSONAL_DATA)
        problems.append(problem)
    return problems


# -- the personal-data list (tests/identity/test_personal_data.py walks it) ------------------
_SAMPLE_NIK: Final = "5271014501900001"  # synthetic
_SAMPLE_PHONE: Final = ("+6281359547691", "6281359547691", "081359547691", "81359547691")


def _sample_request() -> ServiceRequest:
    return ServiceRequest.submit(
        "52.71",
        "kk/perubahan",
        at=datetime(2020, 3, 24, 9, 0),
        channel="whatsapp",
        applicant_nik=_SAMPLE_NIK,
        phone=_SAMPLE_PHONE[2],
    )


def _tampered_json() -> str:
    # A revealed dump whose status does not follow from its history: refused on validation.
    return _sample_request().to_json(reveal=True).replace('"submitted"', '"completed"', 1)


def _with_bad_nik() -> dict[str, Any]:
    data: dict[str, Any] = _sample_request().model_dump(mode="json", context=REVEAL_CONTEXT)
    data["history"][0]["applicant_nik"] = _SAMPLE_NIK + "9"
    return data


register_personal_data(
    PersonalDataCase(
        ServiceRequest,
        _sample_request,
        (_SAMPLE_NIK, *_SAMPLE_PHONE),
        refuse=(
            lambda: ServiceRequest.submit(
                "52.71",
                "kk/baru",
                at=datetime(2020, 3, 24),
                channel="app",
                applicant_nik=_SAMPLE_NIK + "9",
            ),
            lambda: _sample_request().apply("hand_over", datetime(2020, 3, 24, 10)),
            lambda: ServiceRequest.model_validate_json(_tampered_json()),
            lambda: ServiceRequest.from_json(_tampered_json()),
            lambda: ServiceRequest.model_validate(_with_bad_nik()),
            lambda: ServiceRequest.from_history(_with_bad_nik()["history"]),
        ),
    )
)
register_personal_data(
    PersonalDataCase(
        HistoryEntry,
        lambda: _sample_request().history[0],
        (_SAMPLE_NIK, *_SAMPLE_PHONE),
        refuse=(
            lambda: HistoryEntry.model_validate(_with_bad_nik()["history"][0]),
            lambda: HistoryEntry.model_validate(
                {**_sample_request().history[0].model_dump(), "phone": _SAMPLE_PHONE[2] + "12345"}
            ),
        ),
    )
)
