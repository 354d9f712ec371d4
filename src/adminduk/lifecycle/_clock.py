"""The clock of a request: when its office's published completion time runs out.

A service standard's completion time runs from when the files are found complete ("sejak
berkas dinyatakan lengkap": the ``approve`` event) or, where the standard says so, from when
the application is received (the submission, and each ``resubmit``). Sending the request back
for missing files (``mark_incomplete``) stops the clock; it starts again from the beginning
when the files come back, as the standards word it ("sejak ... lengkap"): time already spent
is not carried over. The clock ends when the document is ready or sent on (``mark_ready``,
``deliver``), or when the request ends otherwise (``reject``, ``withdraw``).

Where the office's standard gives no time, the office's stated processing time
(``Fulfilment.processing_working_days``) is used, counted from approval as before.

Everything is read from the history, so a replayed request keeps the same clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

from adminduk.lifecycle._table import RequestEvent
from adminduk.offices import get_office
from adminduk.offices._service_standard import service_standard
from adminduk.offices._standards import CountedFrom

if TYPE_CHECKING:
    from adminduk.documents import Service
    from adminduk.offices import ChannelKind

__all__ = ["Entry", "Run", "runs"]

# Events that end a run of the clock: the document is ready, or the request is over.
_ENDS = frozenset(
    {
        RequestEvent.MARK_READY,
        RequestEvent.DELIVER,
        RequestEvent.REJECT,
        RequestEvent.WITHDRAW,
        RequestEvent.HAND_OVER,
    }
)


class Entry(Protocol):
    """What the clock reads of a history entry: its name and when it happened.

    A :class:`~adminduk.lifecycle.HistoryEntry` is one; the clock needs no more of it, so it
    stands below the request model that keeps the history and asks it for its runs.
    """

    @property
    def name(self) -> RequestEvent | Literal["submit"]: ...

    @property
    def at(self) -> datetime: ...


class Run(NamedTuple):
    """One run of the clock: when it started, when it runs out, when it stopped (or None)."""

    start: datetime
    due: datetime
    stopped: datetime | None


def _deadline(
    office: str, service: Service, channel: ChannelKind, start: datetime, approved: bool
) -> tuple[CountedFrom, datetime] | None:
    """The deadline of a clock started at ``start``, with what the standard counts from."""
    config = get_office(office)
    standard = service_standard(config, service, at=start, channel=channel)
    if standard is not None and standard.completion is not None:
        completion = standard.completion
        counted = completion.counted_from or CountedFrom.FILES_COMPLETE
        return counted, completion.due(config.calendar(), start)
    if not approved:
        return None
    rules = config.policy_at(start).fulfilment_for(service)
    if rules is None or rules.processing_working_days is None:
        return None
    due = config.calendar().add_working_days(start, rules.processing_working_days)
    return CountedFrom.FILES_COMPLETE, due


def runs(
    office: str, service: Service, channel: ChannelKind, history: Iterable[Entry]
) -> list[Run]:
    """Every run of the clock in ``history``, in order; the last one may still be running."""
    found: list[Run] = []
    current: Run | None = None
    for entry in history:
        name = entry.name
        if name in _ENDS or name is RequestEvent.MARK_INCOMPLETE:
            if current is not None:
                found.append(current._replace(stopped=entry.at))
                current = None
            continue
        starts_receipt = name == "submit" or name is RequestEvent.RESUBMIT
        if not starts_receipt and name is not RequestEvent.APPROVE:
            continue
        approved = name is RequestEvent.APPROVE
        deadline = _deadline(office, service, channel, entry.at, approved)
        if deadline is None:
            continue
        counted, due = deadline
        # The clock starts at the event the standard counts from, and only there.
        if counted is (CountedFrom.FILES_COMPLETE if approved else CountedFrom.RECEIPT):
            current = Run(entry.at, due, None)
    if current is not None:
        found.append(current)
    return found
