"""Checks across the fields of a published service standard and of its entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from adminduk.offices._check_base import (
    Issue,
    Part,
    Scope,
    Severity,
    check,
    dates_in_order,
    expand,
    fields_of,
)

__all__: list[str] = []

# Complaint channels that are useless to a citizen without the number or address.
_NEEDS_ADDRESS: Final = frozenset({"telepon", "whatsapp", "sms", "surel"})


@check("standard-completion-or-reason", Severity.ERROR, Scope.STANDARD_ENTRY, "standards")
def _completion_or_reason(part: Part) -> Iterator[Issue]:
    completion, reason = part.get("completion"), part.get("completion_unknown_reason")
    if completion is None and reason is None:
        yield Issue(
            "completion_unknown_reason",
            "give the completion time (text_id, amount, unit), or completion_unknown_reason "
            "saying why the standard's time is not known (never an invented one)",
        )
    elif completion is not None and reason is not None:
        yield Issue(
            "completion_unknown_reason",
            "give either a completion time or why it is unknown, not both",
        )


@check("standard-dates", Severity.ERROR, Scope.STANDARD, "standards", "valid_from")
def _dates(part: Part) -> Iterator[Issue]:
    return dates_in_order(part)


@check("standard-one-entry", Severity.ERROR, Scope.STANDARD, "standards", "services")
def _one_entry(part: Part) -> Iterator[Issue]:
    if not part["services"]:
        yield Issue(
            "services", "give at least one service of the standard ([[standards.services]])"
        )
    # Two entries for the same service and channel would make the answer depend on the order.
    seen: dict[tuple[str, object], int] = {}
    for index, entry in enumerate(part["services"]):
        fields = fields_of(entry)
        channel = getattr(fields.get("channel"), "value", fields.get("channel"))
        for code in sorted(expand(fields.get("services", ()))):
            first = seen.setdefault((code, channel), index)
            if first != index:
                yield Issue(
                    f"services[{index}].services",
                    f"{code} ({channel or 'every channel'}) is already given by services[{first}]",
                    hint="give each service once per channel in a standard",
                )


def _complaints(part: Part) -> Iterator[tuple[str, Part]]:
    """Every complaint line of a standard and of its entries: its path and its fields."""
    lists = [("complaints", part.get("complaints", ()))]
    lists += [
        (f"services[{i}].complaints", fields_of(entry).get("complaints", ()))
        for i, entry in enumerate(part.get("services", ()))
    ]
    for path, complaints in lists:
        for index, complaint in enumerate(complaints):
            yield f"{path}[{index}]", fields_of(complaint)


@check("standard-complaint-address", Severity.ERROR, Scope.STANDARD, "standards")
def _complaint_addresses(part: Part) -> Iterator[Issue]:
    for path, fields in _complaints(part):
        kind = getattr(fields.get("kind"), "value", fields.get("kind"))
        if kind in _NEEDS_ADDRESS and fields.get("address") is None:
            yield Issue(
                f"{path}.address",
                f"a {kind} complaint line needs its number or address as the source prints it",
            )


@check("standard-complaint-label-en", Severity.ERROR, Scope.STANDARD, "standards")
def _complaint_labels(part: Part) -> Iterator[Issue]:
    # An English reply shows the kind's bare name without it: a handle, a station's name or a
    # "chat only" would be lost to the English reader.
    for path, fields in _complaints(part):
        if (fields.get("label_id") is None) != (fields.get("label_en") is None):
            yield Issue(
                f"{path}.label_en",
                "give a complaint line's label in both languages (label_id and label_en), or "
                "neither",
                fields.get("label_id") or fields.get("label_en"),
            )
