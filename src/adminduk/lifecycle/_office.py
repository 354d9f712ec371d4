"""What the lifecycle asks of an office: its fulfilment rules in force on a day, its triage.

One narrow seam onto :mod:`adminduk.offices` and :mod:`adminduk.triage`, so the guards read an
office's rules in one place, and quickly: ``hand_over`` and ``deliver`` ask on every call, and
``apply`` must stay lean.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Final

from adminduk.errors import NotOffered
from adminduk.offices import ChannelKind, get_office, rules_in_force
from adminduk.triage import check_reasons, decide

if TYPE_CHECKING:
    from adminduk.documents import Service
    from adminduk.offices import Fulfilment, OfficeConfig, Policy

__all__ = ["admit", "fulfilment", "get_office"]

_CACHE_LIMIT: Final = 4096
_cache: dict[tuple[str, date, str], tuple[OfficeConfig, Fulfilment | None, Policy]] = {}


def fulfilment(code: str, service: Service, at: datetime) -> tuple[Fulfilment | None, Policy]:
    """How the office hands ``service`` over under the policy in force at ``at``, and that policy.

    The fulfilment is ``None`` when the policy states nothing about the service. ``at`` must be
    aware and in the office's zone (``apply`` makes it so).
    """
    office = get_office(code)
    # Policies are dated by day (OfficeConfig.policy_at reads the local date only), so the
    # answer for a day is cached. Holding the office in the entry means a re-registered office
    # (a new object) is never answered from the old one's rules.
    key = (code, at.date(), service.code)
    hit = _cache.get(key)
    if hit is not None and hit[0] is office:
        return hit[1], hit[2]
    policy = rules_in_force(office, office.local_date(at)).policy  # the rules advise reads
    rules = policy.fulfilment_for(service)
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[key] = (office, rules, policy)
    return rules, policy


def admit(
    office: OfficeConfig,
    service: Service,
    channel: ChannelKind,
    at: datetime,
    reasons: Iterable[str] | None,
) -> None:
    """Refuse a request that ``advise`` would not send this way: the same triage, same rules.

    ``at`` is an instant read once by ``submit``, within ``SUPPORTED_DAYS`` (where ``advise``
    answers), so it is not read again here. The channel must be one the advice gives for the
    service at ``at``, or the counter where the advice lets the person in. Whether the person
    has WhatsApp is not known here, so both answers count: a counter request is taken where
    walk-ins without WhatsApp are served.

    Raises:
        UnknownReason: a reason is neither built in nor defined by the office.
        NotOffered: no advice at ``at`` sends this service through ``channel``.
    """
    checked = check_reasons(office, reasons)
    day = office.local_date(at)
    policy = rules_in_force(office, day).policy
    decisions = [
        decide(policy, service, checked, has_whatsapp, day=day) for has_whatsapp in (True, False)
    ]
    offered: dict[ChannelKind, None] = {}
    for decision in decisions:
        offered.update(dict.fromkeys(ch.kind for ch in decision.channels))
        if decision.in_person_allowed:
            offered[ChannelKind.COUNTER] = None
    if channel not in offered:
        raise NotOffered(
            service.code,
            channel.value,
            at.isoformat(),
            decisions[0].outcome.value,
            [kind.value for kind in offered],
        )
