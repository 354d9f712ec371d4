"""Urgency reasons as a caller gives them, checked against what an office knows."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from adminduk._core.arguments import MAX_ITEMS, instance
from adminduk._core.redact import is_text, plain
from adminduk._core.suggest import close_matches
from adminduk.errors import UnknownReason
from adminduk.offices import BUILTIN_URGENCY_REASONS, OfficeConfig

__all__ = ["check_reasons"]


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
    valid = set(BUILTIN_URGENCY_REASONS) | {info.code for info in office.urgency_reasons}
    if reasons is None:
        return ()
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
