"""The outcomes of triage and the codes of the national urgency reasons."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from adminduk.offices import UrgencyReasonInfo

__all__ = ["Outcome", "UrgencyReason"]


class Outcome(StrEnum):
    """What a citizen should do about a service at a given moment.

    Examples:
        >>> Outcome("in-person") is Outcome.IN_PERSON
        True
        >>> [outcome.value for outcome in Outcome]
        ['online', 'in-person', 'defer', 'unavailable']
    """

    ONLINE = "online"
    """Apply through the remote channels given (app, WhatsApp, portal)."""
    IN_PERSON = "in-person"
    """Come to the counter."""
    DEFER = "defer"
    """Postpone: not urgent, and the office asks people to wait."""
    UNAVAILABLE = "unavailable"
    """The service is suspended, or the office offers no route to it at that time."""

    @property
    def gives_a_route(self) -> bool:
        """Whether the citizen can apply now (online or at the counter), not wait or go without.

        Examples:
            >>> [outcome.value for outcome in Outcome if not outcome.gives_a_route]
            ['defer', 'unavailable']
        """
        return self in _ROUTES


# A set built once: an answer asks this on its hot path (benchmarks/bench_advise.py).
_ROUTES: Final = frozenset({Outcome.ONLINE, Outcome.IN_PERSON})


class UrgencyReason(StrEnum):
    """The urgent needs of the national instruction, by their stable codes.

    The codes are vocabulary; what each one is, who qualifies, and the legal basis and source
    are national law, in the national law file: :attr:`info` reads them (a test holds the
    members equal to the file's reasons). An office may accept further reasons of its own
    (declared in its file); they are plain codes, like these values.

    Examples:
        >>> UrgencyReason("rumah-sakit") is UrgencyReason.HOSPITAL
        True
        >>> from adminduk.offices import BUILTIN_URGENCY_REASONS
        >>> UrgencyReason.HOSPITAL.info is BUILTIN_URGENCY_REASONS["rumah-sakit"]
        True
    """

    BPJS = "bpjs"
    """Health-insurance (BPJS) administration: see :attr:`info`."""
    HOSPITAL = "rumah-sakit"
    """A patient in hospital: see :attr:`info`."""
    TNI_POLRI = "tni-polri"
    """Military (TNI) or police (Polri) recruitment: see :attr:`info`."""
    SCHOOL = "sekolah"
    """School enrolment: see :attr:`info`."""

    @property
    def info(self) -> UrgencyReasonInfo:
        """The reason as national law states it: names, who qualifies, and its source.

        Examples:
            >>> print(UrgencyReason.BPJS.info.qualifies("en"))
            Health-insurance (BPJS) administration
        """
        from adminduk.offices import BUILTIN_URGENCY_REASONS

        return BUILTIN_URGENCY_REASONS[self.value]
