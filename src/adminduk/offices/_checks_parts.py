"""Checks across the fields of a channel and of the rule parts of a policy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from adminduk.documents import catalogue
from adminduk.errors import AdmindukError
from adminduk.offices._check_base import (
    Issue,
    Part,
    Scope,
    Severity,
    bilingual_pair,
    check,
    dates_in_order,
    expand,
    fields_of,
    kind_name,
)
from adminduk.offices._sources import url_pattern
from adminduk.offices._types import (
    ChangeKind,
    ChannelKind,
    PickupPlace,
    pattern_rank,
)

__all__: list[str] = []

_HOST: Final = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)


# =========================================================================== channels
@check("channel-address-or-reason", Severity.ERROR, Scope.CHANNEL, "addresses", "address")
def _address_or_reason(part: Part) -> Iterator[Issue]:
    reason = part.get("address_unknown_reason")
    if part["address"] is None and reason is None:
        yield Issue(
            "address_unknown_reason",
            "give the channel's address, or address_unknown_reason saying why the sources do "
            "not give it (never an invented one)",
        )
    elif part["address"] is not None and reason is not None:
        yield Issue(
            "address_unknown_reason", "give either an address or why it is unknown, not both"
        )


@check("channel-url", Severity.ERROR, Scope.CHANNEL, "addresses", "kind", "address")
def _channel_url(part: Part) -> Iterator[Issue]:
    kind, address = part["kind"], part["address"]
    remote_link = kind in (ChannelKind.APP, ChannelKind.PORTAL) and address is not None
    if remote_link and not (url_pattern().match(address) or _HOST.match(address)):
        yield Issue(
            "address",
            f"an {kind_name(kind)} address is a URL, e.g. "
            "'https://layananonline.dukcapil.kemendagri.go.id'",
            address,
        )


@check("whatsapp-number", Severity.ERROR, Scope.CHANNEL, "whatsapp", "kind", "address")
def _whatsapp_number(part: Part) -> Iterator[Issue]:
    if part["kind"] is not ChannelKind.WHATSAPP or part["address"] is None:
        return
    from adminduk.identity import normalize_whatsapp

    address = part["address"]
    try:
        normal = normalize_whatsapp(address)
    except AdmindukError as err:
        yield Issue(
            "address", str(err), address, "give an Indonesian mobile number, e.g. 0812-3456-7890"
        )
        return
    if normal != address:
        yield Issue(
            "address",
            f"not in E.164 form ({normal})",
            address,
            "load the office through load_office or OfficeConfig, which normalise it",
        )


@check("counter-intake", Severity.ERROR, Scope.CHANNEL, "addresses", "kind", "intake")
def _counter_intake(part: Part) -> Iterator[Issue]:
    if part["intake"] and part["kind"] is ChannelKind.COUNTER:
        yield Issue("intake", "intake formats describe remote channels only")


@check("channel-reason-languages", Severity.ERROR, Scope.CHANNEL, "presence")
def _channel_reason_pair(part: Part) -> Iterator[Issue]:
    yield from bilingual_pair(
        part,
        "address_unknown_reason",
        "address_unknown_reason_id",
        "why the address is unknown",
        english_alone=True,
    )


@check("channel-reason-indonesian", Severity.WARNING, Scope.CHANNEL, "presence", "kind")
def _channel_reason_indonesian(part: Part) -> Iterator[Issue]:
    if (
        part["kind"] is not ChannelKind.COUNTER
        and part.get("address") is None
        and part.get("address_unknown_reason") is not None
        and part.get("address_unknown_reason_id") is None
    ):
        yield Issue(
            "address_unknown_reason_id",
            f"why the address of {part.get('label')!r} is unknown is said only in English; an "
            "Indonesian reply shows no reason",
            hint="add address_unknown_reason_id, the reason in Indonesian",
        )


@check("channel-dates", Severity.ERROR, Scope.CHANNEL, "policies", "valid_until")
def _channel_dates(part: Part) -> Iterator[Issue]:
    return dates_in_order(part)


# =========================================================================== rule parts
@check("suspension-note-languages", Severity.ERROR, Scope.SUSPENSION, "policies")
def _suspension_note(part: Part) -> Iterator[Issue]:
    yield from bilingual_pair(part, "note_en", "note_id", "the note")


@check("in-person-step-languages", Severity.ERROR, Scope.IN_PERSON_STEP, "presence")
def _step_pairs(part: Part) -> Iterator[Issue]:
    for stem, what in (("place", "place"), ("when", "when"), ("unknown_reason", "unknown_reason")):
        yield from bilingual_pair(part, f"{stem}_en", f"{stem}_id", what)


@check("in-person-step-place", Severity.ERROR, Scope.IN_PERSON_STEP, "presence")
def _step_place(part: Part) -> Iterator[Issue]:
    if part.get("place_id") is None and part.get("unknown_reason_id") is None:
        yield Issue(
            "place_id",
            "say where the step happens (place_id, place_en), or why the sources do not say "
            "(unknown_reason_id, unknown_reason_en)",
        )


@check("pickup-or-reason", Severity.ERROR, Scope.FULFILMENT, "fulfilment", "pickup")
def _pickup_or_reason(part: Part) -> Iterator[Issue]:
    if (part["pickup"] is None) == (part.get("pickup_unknown_reason") is None):
        yield Issue("pickup", "give the pickup place, or pickup_unknown_reason (not both)")


@check("delivery", Severity.ERROR, Scope.FULFILMENT, "fulfilment", "pickup", "delivers")
def _delivery(part: Part) -> Iterator[Issue]:
    pickup = part["pickup"]
    if part["delivers"] and pickup not in (PickupPlace.KECAMATAN, PickupPlace.VILLAGE_OFFICE):
        yield Issue(
            "delivers",
            "only an office that sends documents on to the kecamatan or the village office "
            f"delivers (pickup: {kind_name(pickup) if pickup else 'unknown'}); set pickup to "
            "'kecamatan' or 'village-office'",
            hint="set pickup to 'kecamatan' or 'village-office', or delivers = false",
        )


@check("change-fields", Severity.ERROR, Scope.REQUIREMENT_CHANGE, "policies", "kind")
def _change_fields(part: Part) -> Iterator[Issue]:
    kind = part["kind"]
    target, item = part.get("target"), part.get("item")
    needs_target = kind in (ChangeKind.REMOVE, ChangeKind.REPLACE)
    needs_item = kind in (ChangeKind.ADD, ChangeKind.REPLACE)
    if needs_target and target is None and "target" in part:
        yield Issue("target", f"a {kind_name(kind)} change names the national item's code")
    if not needs_target and target is not None:
        yield Issue("target", "an add change has no target", target)
    if needs_item and item is None and "item" in part:
        yield Issue("item", f"a {kind_name(kind)} change gives the new item")
    if not needs_item and item is not None:
        yield Issue("item", "a remove change has no item")


@check("change-dates", Severity.ERROR, Scope.REQUIREMENT_CHANGE, "policies", "valid_until")
def _change_dates(part: Part) -> Iterator[Issue]:
    return dates_in_order(part)


@check("change-baseline", Severity.ERROR, Scope.REQUIREMENT_CHANGE, "policies", "services")
def _change_baseline(part: Part) -> Iterator[Issue]:
    # A target must be a national item of every service named exactly, and of at least one
    # service a wildcard covers; an added item must not shadow a national one.
    services = part["services"]
    target = part.get("target")
    item_code = fields_of(part.get("item")).get("code")
    covered = sorted(expand(services))
    national = {code: [req.code for req in catalogue()[code].requirements] for code in covered}
    if target is not None:
        exact = sorted(expand(p for p in services if pattern_rank(p) == 2))
        missing = [code for code in exact if target not in national[code]]
        for code in missing:
            yield Issue(
                "target",
                f"{code} has no national item {target!r}; its items: "
                f"{', '.join(national[code]) or 'none'}",
                target,
            )
        if not missing and not any(target in items for items in national.values()):
            yield Issue("target", "no service these patterns cover has that national item", target)
    if item_code is not None:
        clash = [code for code in covered if item_code in national[code] and item_code != target]
        if clash:
            yield Issue(
                "item.code",
                f"{', '.join(clash)} already has a national item with this code; use kind = "
                "'replace' with it as the target, or another code",
                item_code,
            )
