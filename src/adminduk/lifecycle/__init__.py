"""A request's life: statuses, events, and an immutable, replayable history.

The transition table is data (:data:`TRANSITIONS`), checked when the package is imported;
:class:`ServiceRequest` applies events to it, returning a new request each time, with guards
that read the office's rules (originals checked at hand-over, delivery through the kecamatan or
village office, processing time on the office calendar).

Examples:
    >>> from datetime import datetime
    >>> from adminduk.lifecycle import ServiceRequest, to_mermaid
    >>> req = ServiceRequest.submit("35.14", "ktp-el/cetak-ulang",
    ...                             at=datetime(2020, 3, 24, 9, 0), channel="whatsapp")
    >>> req = req.apply("start_verification", at=datetime(2020, 3, 24, 10, 0))
    >>> [event.value for event in req.allowed_events()]
    ['mark_incomplete', 'approve', 'reject', 'withdraw']
    >>> to_mermaid().splitlines()[0]
    'stateDiagram-v2'
"""

from adminduk._core import public as _public
from adminduk.lifecycle._request import SUBMIT, HistoryEntry, ServiceRequest
from adminduk.lifecycle._table import (
    INITIAL_STATUS,
    TERMINAL_STATUSES,
    TRANSITIONS,
    RequestEvent,
    RequestStatus,
    Transition,
    allowed_events,
    check_transitions,
    to_mermaid,
    transition_table,
)

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "INITIAL_STATUS",
    "SUBMIT",
    "TERMINAL_STATUSES",
    "TRANSITIONS",
    "HistoryEntry",
    "RequestEvent",
    "RequestStatus",
    "ServiceRequest",
    "Transition",
    "allowed_events",
    "check_transitions",
    "to_mermaid",
    "transition_table",
]
# -- end of the public names --

# Reprs, tracebacks and the docs show the public path, not the private module.
_public.publish(__name__, __all__, globals())
