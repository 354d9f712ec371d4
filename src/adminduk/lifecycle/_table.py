"""The lifecycle as data: statuses, events, the transition table, and its checks.

The table is declared once, as rows of :class:`Transition`, and checked when this module is
imported (every status reachable from ``submitted``, no trap status, a terminal status
reachable from every status). An edit that breaks one of those properties fails the import
with a :class:`~adminduk.errors.ConfigError` that lists every problem, so a broken lifecycle
can never be shipped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from adminduk._core.arguments import instance, items
from adminduk._core.redact import is_text, plain
from adminduk.documents import Service
from adminduk.errors import ConfigError, ConfigProblem

__all__ = [
    "INITIAL_STATUS",
    "TERMINAL_STATUSES",
    "TRANSITIONS",
    "RequestEvent",
    "RequestStatus",
    "Transition",
    "allowed_events",
    "check_transitions",
    "to_mermaid",
    "transition_table",
]


def _label(kind: str, code: str, lang: str) -> str:
    from adminduk._core.wording import language, text

    return text(f"{kind}.{code}", language(lang))


def citizen_message(
    event: str,
    service: Service | str,
    lang: str = "id",
    *,
    missing: Sequence[str] = (),
    reason: str = "",
) -> str:
    """The citizen's message for ``event`` (a RequestEvent value, or ``submit``)."""
    from adminduk._core.wording import language, text

    chosen = language(lang)
    return text(
        f"citizen.{event}",
        chosen,
        service=Service.parse(service).name(chosen),
        missing=", ".join(missing),
        reason=reason,
    )


class RequestStatus(StrEnum):
    """Where a request stands. The value is the stable code used in JSON and messages.

    ``ready`` means the document waits at a pick-up place for the citizen; ``delivered`` means
    the office has sent it on to a kecamatan or village office (which may hand it over itself,
    as Kabupaten Bima's village governments do, or keep it ready for pick-up).

    Examples:
        >>> RequestStatus("incomplete") is RequestStatus.INCOMPLETE
        True
        >>> [status.value for status in RequestStatus][:4]
        ['submitted', 'verifying', 'incomplete', 'verified']
    """

    def label(self, lang: str = "id") -> str:
        """The status as an officer's screen and a citizen's reply name it.

        Raises:
            OutOfRange: ``lang`` is not a tag of Indonesian or English.

        Examples:
            >>> RequestStatus.INCOMPLETE.label(), RequestStatus.INCOMPLETE.label("en")
            ('Berkas kurang', 'Files incomplete')
        """
        return _label("status", self.value, lang)

    SUBMITTED = "submitted"
    VERIFYING = "verifying"
    INCOMPLETE = "incomplete"
    VERIFIED = "verified"
    PROCESSING = "processing"
    READY = "ready"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class RequestEvent(StrEnum):
    """Something that happens to a request: the events of the transition table.

    Creating a request is not an event of the table: it is :meth:`ServiceRequest.submit
    <adminduk.lifecycle.ServiceRequest.submit>`, recorded as the first history entry.

    Examples:
        >>> RequestEvent("hand_over") is RequestEvent.HAND_OVER
        True
        >>> len(RequestEvent)
        10
    """

    def label(self, lang: str = "id") -> str:
        """The event as an officer's button names it.

        Raises:
            OutOfRange: ``lang`` is not a tag of Indonesian or English.

        Examples:
            >>> RequestEvent.MARK_INCOMPLETE.label(), RequestEvent.HAND_OVER.label("en")
            ('Tandai berkas kurang', 'Hand over the document')
        """
        return _label("event", self.value, lang)

    def citizen_message(
        self,
        service: Service | str,
        lang: str = "id",
        *,
        missing: Sequence[str] = (),
        reason: str = "",
    ) -> str:
        """What the citizen is told when this event happens: what happened, what to do next.

        Args:
            service: the request's service (a code or a Service).
            lang: ``"id"`` or ``"en"`` (any BCP 47 tag of them).
            missing: for ``mark_incomplete``, what is missing or unreadable.
            reason: for ``reject``, why.

        Raises:
            UnknownService: ``service`` is not a catalogue service.
            OutOfRange: ``lang`` is not a tag of Indonesian or English.

        Examples:
            >>> print(RequestEvent.MARK_INCOMPLETE.citizen_message(
            ...     "kk/perubahan", missing=["foto KK", "surat keterangan lahir"]))
            Berkas permohonan Kartu Keluarga (KK): perubahan data Anda belum lengkap atau tidak terbaca: foto KK, surat keterangan lahir. Kirim ulang berkas tersebut (foto yang jelas atau PDF) agar dapat diperiksa kembali.
        """  # noqa: E501
        return citizen_message(self.value, service, lang, missing=missing, reason=reason)

    START_VERIFICATION = "start_verification"
    MARK_INCOMPLETE = "mark_incomplete"
    RESUBMIT = "resubmit"
    APPROVE = "approve"
    START_PROCESSING = "start_processing"
    MARK_READY = "mark_ready"
    DELIVER = "deliver"
    HAND_OVER = "hand_over"
    REJECT = "reject"
    WITHDRAW = "withdraw"


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the transition table: ``event`` leads from each of ``sources`` to ``target``.

    Attributes:
        event: the event.
        sources: the statuses the event is allowed in.
        target: the status it leads to.
        meaning: what the event means, in English (shown in the documentation table).
        requires: details the event must carry (e.g. ``missing`` for ``mark_incomplete``).
        accepts: further details the event may carry.

    Examples:
        >>> row = TRANSITIONS[0]
        >>> row.event, [s.value for s in row.sources], row.target.value
        (<RequestEvent.START_VERIFICATION: 'start_verification'>, ['submitted'], 'verifying')
    """

    event: RequestEvent
    sources: tuple[RequestStatus, ...]
    target: RequestStatus
    meaning: str
    requires: tuple[str, ...] = ()
    accepts: tuple[str, ...] = ("note",)


S = RequestStatus
E = RequestEvent

INITIAL_STATUS: Final = RequestStatus.SUBMITTED
"""The status of every new request."""

TERMINAL_STATUSES: Final[frozenset[RequestStatus]] = frozenset(
    {S.COMPLETED, S.REJECTED, S.WITHDRAWN}
)
"""Statuses that accept no event at all."""

TRANSITIONS: Final[tuple[Transition, ...]] = (
    Transition(
        E.START_VERIFICATION, (S.SUBMITTED,), S.VERIFYING, "staff start checking the files"
    ),
    Transition(
        E.MARK_INCOMPLETE,
        (S.VERIFYING,),
        S.INCOMPLETE,
        "files missing or unreadable; the citizen must send them again",
        requires=("missing",),
        accepts=("reason", "note"),
    ),
    Transition(E.RESUBMIT, (S.INCOMPLETE,), S.VERIFYING, "the citizen sends the files again"),
    Transition(E.APPROVE, (S.VERIFYING,), S.VERIFIED, "the files are complete and valid"),
    Transition(E.START_PROCESSING, (S.VERIFIED,), S.PROCESSING, "the document is being printed"),
    Transition(
        E.MARK_READY,
        (S.PROCESSING, S.DELIVERED),
        S.READY,
        "the document waits at a pick-up place",
        accepts=("pickup_place", "note"),
    ),
    Transition(
        E.DELIVER,
        (S.PROCESSING,),
        S.DELIVERED,
        "sent on to the kecamatan or village office (only where the office delivers)",
        accepts=("pickup_place", "note"),
    ),
    Transition(
        E.HAND_OVER,
        (S.READY, S.DELIVERED),
        S.COMPLETED,
        "in the citizen's hands (originals checked where the office requires it)",
        accepts=("originals_checked", "note"),
    ),
    Transition(
        E.REJECT,
        (S.VERIFYING, S.INCOMPLETE),
        S.REJECTED,
        "refused, with a reason",
        requires=("reason",),
    ),
    Transition(
        E.WITHDRAW,
        (S.SUBMITTED, S.VERIFYING, S.INCOMPLETE, S.VERIFIED),
        S.WITHDRAWN,
        "the citizen withdraws before printing starts",
        accepts=("reason", "note"),
    ),
)
"""The transition table of a request's life (see ``docs/lifecycle.md``)."""

del S, E

#: Every detail an event can carry, in the order they are documented.
DETAIL_NAMES: Final = ("missing", "reason", "pickup_place", "originals_checked", "note")


def check_transitions(
    rows: Iterable[Transition],
    *,
    statuses: Iterable[RequestStatus] = tuple(RequestStatus),
    events: Iterable[RequestEvent] = tuple(RequestEvent),
    initial: RequestStatus = INITIAL_STATUS,
    terminal: Iterable[RequestStatus] = TERMINAL_STATUSES,
) -> None:
    """Check a transition table, raising one error that lists every problem found.

    The checks follow python-statemachine's definition checks: each ``(status, event)`` pair
    leads to one status only; terminal statuses have no exit; every status is reachable from
    ``initial``; no non-terminal status is a trap without an exit; a terminal status is
    reachable from every status; every event is used; details are known names.

    Raises:
        ConfigError: the problems, each with the path of the row (``transitions[3]``) or of
            the status it concerns.

    Examples:
        >>> check_transitions(TRANSITIONS)  # the shipped table passes
        >>> broken = [row for row in TRANSITIONS if row.event != "resubmit"]
        >>> check_transitions(broken)
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: lifecycle transition table: 1 problem
          - events.resubmit: the event is used by no transition
    """
    table = items("rows", rows, Transition, "Transition rows")
    all_statuses = items("statuses", statuses, RequestStatus, "RequestStatus values")
    all_events = items("events", events, RequestEvent, "RequestEvent values")
    finals = frozenset(items("terminal", terminal, RequestStatus, "RequestStatus values"))
    instance("initial", initial, RequestStatus, "a RequestStatus")
    exits: dict[RequestStatus, set[RequestStatus]] = {status: set() for status in all_statuses}
    problems = _table_problems(table, all_events, finals, exits)
    if initial not in exits:
        problems.append(ConfigProblem("initial", "not among the statuses", repr(initial.value)))
    if problems:
        # Graph checks on a table with unknown names would only repeat those problems.
        raise ConfigError(problems, source="lifecycle transition table")
    problems = _graph_problems(all_statuses, initial, finals, exits)
    if problems:
        raise ConfigError(problems, source="lifecycle transition table")


def _table_problems(
    table: Sequence[Transition],
    all_events: Sequence[RequestEvent],
    finals: frozenset[RequestStatus],
    exits: dict[RequestStatus, set[RequestStatus]],
) -> list[ConfigProblem]:
    """The problems of each row and of unused events; fills ``exits`` from the valid rows."""
    problems: list[ConfigProblem] = []
    # Which row first declared each (status, event) pair, to name it in a duplicate's problem.
    seen: dict[tuple[RequestStatus, RequestEvent], int] = {}
    for index, row in enumerate(table):
        where = f"transitions[{index}]"
        problems += _name_problems(where, row, all_events, exits)
        problems += _source_problems(where, index, row, finals, seen)
        for source in row.sources:
            if source in exits and row.target in exits:
                exits[source].add(row.target)
    used = {row.event for row in table}
    problems.extend(
        ConfigProblem(f"events.{event!s}", "the event is used by no transition")
        for event in all_events
        if event not in used
    )
    return problems


def _name_problems(
    where: str,
    row: Transition,
    all_events: Sequence[RequestEvent],
    exits: Mapping[RequestStatus, set[RequestStatus]],
) -> list[ConfigProblem]:
    """A row's unknown event, statuses and details, and a missing source."""
    problems: list[ConfigProblem] = []
    if row.event not in all_events:
        problems.append(ConfigProblem(f"{where}.event", "not a known event", repr(row.event)))
    if not row.sources:
        problems.append(ConfigProblem(f"{where}.sources", "a transition needs a source"))
    problems.extend(
        ConfigProblem(where, "not a known status", repr(status))
        for status in (*row.sources, row.target)
        if status not in exits
    )
    problems.extend(
        ConfigProblem(where, f"unknown detail; known: {', '.join(DETAIL_NAMES)}", repr(name))
        for name in (*row.requires, *row.accepts)
        if name not in DETAIL_NAMES
    )
    return problems


def _source_problems(
    where: str,
    index: int,
    row: Transition,
    finals: frozenset[RequestStatus],
    seen: dict[tuple[RequestStatus, RequestEvent], int],
) -> list[ConfigProblem]:
    """A row's sources that repeat an earlier row's pair or are terminal; records its pairs."""
    problems: list[ConfigProblem] = []
    for source in row.sources:
        first = seen.setdefault((source, row.event), index)
        if first != index:
            problems.append(
                ConfigProblem(
                    where,
                    f"{row.event!s} from {source!s} is already declared by "
                    f"transitions[{first}]; a status and an event lead to one status",
                )
            )
        if source in finals:
            problems.append(
                ConfigProblem(
                    where, f"terminal status {source!s} cannot have an exit ({row.event!s})"
                )
            )
    return problems


def _graph_problems(
    all_statuses: Sequence[RequestStatus],
    initial: RequestStatus,
    finals: frozenset[RequestStatus],
    exits: Mapping[RequestStatus, set[RequestStatus]],
) -> list[ConfigProblem]:
    """Statuses not reachable from ``initial``, traps, and dead ends with no terminal ahead."""
    reachable = _closure({initial}, exits)
    problems = [
        ConfigProblem(f"statuses.{status!s}", f"not reachable from {initial!s}")
        for status in all_statuses
        if status not in reachable
    ]
    problems.extend(
        ConfigProblem(f"statuses.{status!s}", "a trap: not terminal, yet no event leads out")
        for status in all_statuses
        if status not in finals and not exits[status]
    )
    problems.extend(
        ConfigProblem(f"statuses.{status!s}", "no terminal status can be reached from it")
        for status in all_statuses
        if exits[status] and not (_closure({status}, exits) & finals)
    )
    return problems


def _closure(
    start: set[RequestStatus], exits: Mapping[RequestStatus, set[RequestStatus]]
) -> set[RequestStatus]:
    """Every status reachable from ``start`` (``start`` included)."""
    found = set(start)
    todo = list(start)
    while todo:
        for target in exits[todo.pop()]:
            if target not in found:
                found.add(target)
                todo.append(target)
    return found


check_transitions(TRANSITIONS)

#: ``(status, event) -> row``: the lookup ``apply`` makes. Keys are plain strings, so a
#: ``RequestEvent`` and its code find the same row.
NEXT: Final[dict[tuple[str, str], Transition]] = {
    (source.value, row.event.value): row for row in TRANSITIONS for source in row.sources
}

_ALLOWED: Final[dict[RequestStatus, tuple[RequestEvent, ...]]] = {
    status: tuple(row.event for row in TRANSITIONS if status in row.sources)
    for status in RequestStatus
}


def allowed_events(status: RequestStatus | str) -> tuple[RequestEvent, ...]:
    """The events the table allows in ``status``, in table order (guards aside).

    A request's own :meth:`ServiceRequest.allowed_events
    <adminduk.lifecycle.ServiceRequest.allowed_events>` also leaves out ``deliver`` where its
    office does not deliver.

    Raises:
        ConfigError: ``status`` is not a status code.

    Examples:
        >>> [event.value for event in allowed_events("incomplete")]
        ['resubmit', 'reject', 'withdraw']
        >>> allowed_events(RequestStatus.COMPLETED)
        ()
    """
    status = plain(status)
    try:
        if not is_text(status):  # the enum's own error would repr it
            raise ValueError(status)
        return _ALLOWED[RequestStatus(status)]
    except ValueError:
        valid = ", ".join(s.value for s in RequestStatus)
        raise ConfigError.single(
            "status", f"not a request status; valid: {valid}", status
        ) from None


def transition_table() -> str:
    """The transition table as Markdown: one line per event, with its sources and target.

    Examples:
        >>> print(transition_table().splitlines()[2])
        | `start_verification` | submitted | verifying | — | staff start checking the files |
    """
    lines = [
        "| event | from | to | details (required **bold**) | meaning |",
        "|---|---|---|---|---|",
    ]
    for row in TRANSITIONS:
        details = [f"**{name}**" for name in row.requires]
        details += [name for name in row.accepts if name != "note"]
        lines.append(
            f"| `{row.event}` | {', '.join(row.sources)} | {row.target} | "
            f"{', '.join(details) or '—'} | {row.meaning} |"
        )
    return "\n".join(lines)


def to_mermaid() -> str:
    """The lifecycle as a Mermaid ``stateDiagram-v2``, drawn from the table (no dependencies).

    Examples:
        >>> print(to_mermaid())  # doctest: +ELLIPSIS
        stateDiagram-v2
            [*] --> submitted
            submitted --> verifying: start_verification
            verifying --> incomplete: mark_incomplete
            ...
            completed --> [*]
            rejected --> [*]
            withdrawn --> [*]
    """
    lines = ["stateDiagram-v2", f"    [*] --> {INITIAL_STATUS}"]
    for row in TRANSITIONS:
        lines.extend(f"    {source} --> {row.target}: {row.event}" for source in row.sources)
    lines.extend(
        f"    {status} --> [*]" for status in RequestStatus if status in TERMINAL_STATUSES
    )
    return "\n".join(lines)
