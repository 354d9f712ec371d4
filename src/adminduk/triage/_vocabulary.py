"""The outcomes of triage and the national urgency reasons."""

from __future__ import annotations

from enum import StrEnum

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
        return self in (Outcome.ONLINE, Outcome.IN_PERSON)


class UrgencyReason(StrEnum):
    """The urgent needs the national instruction of 16 March 2020 named.

    An office may accept further reasons of its own (declared in its file); they are plain
    codes, like these values.

    Examples:
        >>> UrgencyReason("rumah-sakit") is UrgencyReason.HOSPITAL
        True
    """

    BPJS = "bpjs"
    """Health-insurance (BPJS) administration."""
    HOSPITAL = "rumah-sakit"
    """A patient in hospital."""
    TNI_POLRI = "tni-polri"
    """Military (TNI) or police (Polri) recruitment."""
    SCHOOL = "sekolah"
    """School enrolment (named by the national letter of 16 March 2020)."""
