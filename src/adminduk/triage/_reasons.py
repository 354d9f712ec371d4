"""Urgency reasons as a caller gives them, checked against what an office knows."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Final

from adminduk._core.arguments import MAX_ITEMS, instance
from adminduk._core.cache import OwnedCache
from adminduk._core.redact import is_text, plain
from adminduk._core.suggest import close_matches
from adminduk.errors import UnknownReason
from adminduk.offices import BUILTIN_URGENCY_REASONS, OfficeConfig

__all__ = ["check_reasons", "checked_reasons"]


def check_reasons(office: OfficeConfig, reasons: Iterable[str] | None) -> tuple[str, ...]:
    """The reason codes, normalised and without repeats; each built in or defined by the office.

    A single code or ``None`` (no reason) is accepted too. Shared by ``advise`` and
    ``ServiceRequest.submit``, so both read a person's reasons the same way.

    Raises:
        UnknownReason: a reason is neither built in nor defined by the office.

    Examples:
        >>> from adminduk import get_office
        >>> office = get_office("35.04")
        >>> check_reasons(office, [" BPJS", "bpjs", "rumah-sakit"])
        ('bpjs', 'rumah-sakit')
        >>> check_reasons(office, "tni-polri"), check_reasons(office, None)
        (('tni-polri',), ())
    """
    office = instance("office", office, OfficeConfig, "an OfficeConfig (see get_office)")
    return checked_reasons(office, reasons)


def checked_reasons(office: OfficeConfig, reasons: Iterable[str] | None) -> tuple[str, ...]:
    """:func:`check_reasons` for an ``office`` already checked (``advise`` checks its own).

    Examples:
        >>> from adminduk import get_office
        >>> checked_reasons(get_office("35.04"), ())
        ()
    """
    if reasons is None or (type(reasons) is tuple and not reasons):
        return ()
    valid = _valid(office)
    if is_text(reasons):
        reasons = (reasons,)
    try:  # a caller's own iterable may fail, or never end: read at most MAX_ITEMS of it
        given = list(itertools.islice(reasons, MAX_ITEMS))
    except Exception:
        raise UnknownReason(reasons, valid=sorted(valid)) from None
    checked: list[str] = []
    for reason in given:
        reason = plain(reason)
        code = reason.strip().lower() if is_text(reason) else reason
        if not is_text(code):
            raise UnknownReason(reason, valid=sorted(valid))
        if code not in valid:
            raise UnknownReason(
                reason, valid=sorted(valid), suggestions=close_matches(code, valid)
            )
        if code not in checked:
            checked.append(code)
    return tuple(checked)


_VALID: Final[OwnedCache[None, frozenset[str]]] = OwnedCache(per_owner=1)


def _valid(office: OfficeConfig) -> frozenset[str]:
    """The reason codes the office knows: built in, or its own. Read once per office."""
    found = _VALID.get(office, None)
    if found is None:
        codes = {*BUILTIN_URGENCY_REASONS, *(info.code for info in office.urgency_reasons)}
        found = _VALID.put(office, None, frozenset(codes))
    return found
