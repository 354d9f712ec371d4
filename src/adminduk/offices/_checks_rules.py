"""Checks across the fields of the rules (ordinary and dated) and of a dated policy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final

from adminduk.offices._check_base import (
    CITABLE,
    ORDINARY_ID,
    Issue,
    Part,
    Scope,
    Severity,
    check,
    dates_in_order,
    expand,
    fields_of,
    kind_name,
)
from adminduk.offices._national_facts import pandemic_end
from adminduk.offices._types import (
    ChannelKind,
    InPersonStance,
    expand_pattern,
    pattern_rank,
)

__all__: list[str] = []


# =========================================================================== rules
@check("cite-fields", Severity.ERROR, Scope.RULES, "sources", "cite")
def _cite_fields(part: Part) -> Iterator[Issue]:
    for key in part["cite"]:
        if key not in CITABLE:
            yield Issue(
                f"cite.{key}",
                f"cite names a rule field; valid: {', '.join(sorted(CITABLE))}",
                key,
            )


@check(
    "urgent-only-reasons", Severity.ERROR, Scope.RULES, "policies", "in_person", "urgency_reasons"
)
def _urgent_only(part: Part) -> Iterator[Issue]:
    if part["in_person"] is InPersonStance.URGENT_ONLY and not part["urgency_reasons"]:
        yield Issue(
            "urgency_reasons", "an urgent-only counter names the urgency reasons it accepts"
        )


def _remote(channels: Iterable[object]) -> list[tuple[int, Part]]:
    found = []
    for index, channel in enumerate(channels):
        fields = fields_of(channel)
        kind, services = fields.get("kind"), fields.get("services")
        if isinstance(kind, ChannelKind) and kind.is_remote and services is not None:
            found.append((index, fields))
    return found


def _online_clashes(part: Part, name: str, what: str) -> Iterator[Issue]:
    remote = _remote(part["channels"])
    for index, rule in enumerate(part[name]):
        services = fields_of(rule).get("services")
        if services is None:
            continue
        for ch_index, channel in remote:
            clash = sorted(expand(channel["services"]) & expand(services))
            if clash:
                yield Issue(
                    f"{name}[{index}].services",
                    f"channels[{ch_index}] ({kind_name(channel['kind'])}) takes "
                    f"{', '.join(clash)}, which this rule {what}",
                )


@check("counter-only-online", Severity.ERROR, Scope.RULES, "policies", "channels", "counter_only")
def _counter_only_online(part: Part) -> Iterator[Issue]:
    yield from _online_clashes(part, "counter_only", "keeps at the counter")


@check("suspended-online", Severity.ERROR, Scope.RULES, "policies", "channels", "suspended")
def _suspended_online(part: Part) -> Iterator[Issue]:
    yield from _online_clashes(part, "suspended", "suspends")


@check("channel-twice", Severity.ERROR, Scope.RULES, "addresses", "channels")
def _channel_twice(part: Part) -> Iterator[Issue]:
    """The same channel listed twice in one set of rules: the reply would list it twice."""
    seen: dict[tuple[str, str], int] = {}
    for index, channel in enumerate(part["channels"]):
        fields = fields_of(channel)
        # A channel is its kind and where it goes: the (normalised) address, or, where the
        # address is unknown, its label.
        where = fields.get("address") or fields.get("label")
        if where is None:
            continue
        key = (kind_name(fields.get("kind")), str(where).casefold())
        if key in seen:
            yield Issue(
                f"channels[{index}]",
                f"lists the same {key[0]} channel as channels[{seen[key]}]; write it once, "
                "with every service it takes",
                where,
            )
        seen.setdefault(key, index)


_RULE_LISTS: Final = ("counter_only", "suspended", "fulfilment", "in_person_steps")


@check("rules-claimed-twice", Severity.ERROR, Scope.RULES, "policies")
def _claimed_twice(part: Part) -> Iterator[Issue]:
    """Two rules of one kind that claim a service with equally specific patterns."""
    for name in _RULE_LISTS:
        claimed: dict[tuple[str, int], int] = {}
        found: list[Issue] = []
        for index, rule in enumerate(part.get(name, ())):
            for pattern in fields_of(rule).get("services", ()):
                rank = pattern_rank(pattern)
                for code in expand_pattern(pattern):
                    other = claimed.setdefault((code, rank), index)
                    if other != index:
                        found.append(
                            Issue(
                                f"{name}[{index}].services",
                                f"{code} is already covered by {name}[{other}] with an equally "
                                "specific pattern; write the service once",
                                pattern,
                            )
                        )
                        break
        yield from dict.fromkeys(found)


def _change_key(change: object) -> tuple[object, ...] | None:
    fields = fields_of(change)
    if not {"services", "kind"} <= fields.keys():
        return None
    item = fields_of(fields.get("item"))
    return (
        frozenset(expand(fields["services"])),
        fields["kind"],
        fields.get("target"),
        item.get("code"),
    )


@check("change-twice", Severity.ERROR, Scope.RULES, "policies", "requirement_changes")
def _change_twice(part: Part) -> Iterator[Issue]:
    # The checklist would list the item twice, or remove what is already gone.
    seen: dict[tuple[object, ...], int] = {}
    for index, change in enumerate(part["requirement_changes"]):
        key = _change_key(change)
        if key is None:
            continue
        if key in seen:
            yield Issue(
                f"requirement_changes[{index}]",
                f"makes the same change as requirement_changes[{seen[key]}]; write it once",
            )
        seen.setdefault(key, index)


# =========================================================================== policies
@check("policy-dated", Severity.ERROR, Scope.POLICY, "policies", "id", "valid_from")
def _dated(part: Part) -> Iterator[Issue]:
    if part["valid_from"] is None and part["id"] != ORDINARY_ID:
        yield Issue(
            "valid_from",
            f"a dated policy needs valid_from (a date such as 2020-03-18); {part['id']} has none",
            hint="give the first day the policy is in force",
        )


@check(
    "policy-ends-after-start",
    Severity.ERROR,
    Scope.POLICY,
    "policies",
    "valid_from",
    "valid_until",
)
def _ends_after_start(part: Part) -> Iterator[Issue]:
    return dates_in_order(part)


@check(
    "pandemic-measure-dates",
    Severity.ERROR,
    Scope.POLICY,
    "policies",
    "pandemic_measure",
    "valid_from",
)
def _pandemic_dates(part: Part) -> Iterator[Issue]:
    start = part["valid_from"]
    end = pandemic_end()
    if part["pandemic_measure"] and start is not None and start > end.last_day_before:
        yield Issue(
            "pandemic_measure",
            f"the policy starts on {start}, after {end.name_en}; a measure of a later "
            "emergency is not a pandemic measure",
            start,
        )
