"""Every check across the fields of an office file, written once, each with an id and a severity.

A check looks at one part of a file (a channel, a fulfilment rule, a policy, the office) and
yields :class:`Issue` objects with paths relative to that part. The same checks serve twice:

* the loader runs the ``error`` checks of each part as it validates it (a model validator in
  ``_base.py``), on the whole part, or on the fields that did validate when some did not, so
  one round shows every problem of a file;
* the conformance kit (:mod:`adminduk.testing`) runs all of them over an office that loads, or
  one built in code without validation, with the checks that need the triage on top.

A part is a mapping of its field values: a model's ``__dict__``, or the fields that validated.
A check runs only when the fields it ``needs`` are all there.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from adminduk.documents import catalogue
from adminduk.errors import AdmindukError, ConfigProblem
from adminduk.offices._sources import (
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
    PANDEMIC_END,
    URL_PATTERN,
)
from adminduk.offices._types import (
    FICTIONAL_PROVINCE,
    ChangeKind,
    ChannelKind,
    InPersonStance,
    PickupPlace,
    expand_pattern,
    pattern_rank,
    source_parts,
)

__all__ = [
    "CROSS_CHECKS",
    "CrossCheck",
    "Issue",
    "Severity",
    "cross_checks",
    "fields_of",
    "load_problems",
    "office_issues",
]

ORDINARY_ID: Final = "ordinary"
_HOST: Final = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)
_KEY_LIKE: Final = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
_NO_VALUE: Final = object()
CITABLE: Final = frozenset(
    {
        "in_person",
        "online_first",
        "urgency_reasons",
        "urgency_reasons_exhaustive",
        "walk_ins_without_whatsapp",
        "non_urgent_asked_to_wait",
        "hours",
        "valid_from",
        "valid_until",
        "pandemic_measure",
    }
)


class Severity(StrEnum):
    """How serious a finding is.

    Examples:
        >>> Severity("warning") is Severity.WARNING
        True
        >>> [severity.value for severity in Severity]
        ['error', 'warning', 'info']
    """

    ERROR = "error"
    """The file is wrong or contradicts itself: do not publish it."""
    WARNING = "warning"
    """Worth a look; acceptable where the sources are silent (an unknown number, no hours)."""
    INFO = "info"
    """For the record: what the library assumes, or what a reviewer may want to know."""


class Scope(StrEnum):
    """The part of an office file a check looks at."""

    CHANNEL = "channel"
    SUSPENSION = "suspension"
    FULFILMENT = "fulfilment"
    IN_PERSON_STEP = "in-person-step"
    REQUIREMENT_CHANGE = "requirement-change"
    RULES = "rules"
    """The ordinary rules and every dated policy."""
    POLICY = "policy"
    """A dated policy only."""
    OFFICE = "office"


@dataclass(frozen=True, slots=True)
class Issue:
    """What a check found: where (relative to the part), what, the value, and what to do."""

    path: str
    message: str
    value: object = _NO_VALUE
    hint: str = ""

    def problem(self, prefix: str = "") -> ConfigProblem:
        """The issue as a ``ConfigProblem``, its path under ``prefix``."""
        from adminduk._validation import join_path, show_value

        shown = None if self.value is _NO_VALUE else show_value(self.value)
        return ConfigProblem(join_path(prefix, self.path), self.message, shown)

    def text(self) -> str:
        """The message with the value, as the conformance kit shows it."""
        if self.value is _NO_VALUE:
            return self.message
        from adminduk._validation import show_value

        return f"{self.message} (got {show_value(self.value)})"


Part = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class CrossCheck:
    """One check across fields: its id, severity, the part it looks at, and its function.

    ``kit`` is the conformance check (:data:`adminduk.testing.CHECKS`) that reports it.
    """

    id: str
    severity: Severity
    scope: Scope
    kit: str
    needs: tuple[str, ...]
    run: Callable[[Part], Iterable[Issue]]

    def issues(self, part: Part) -> Iterator[Issue]:
        """The check's issues in ``part``; none when a field it needs did not validate."""
        if all(name in part for name in self.needs):
            yield from self.run(part)


_REGISTERED: list[CrossCheck] = []


def _check(
    id: str, severity: Severity, scope: Scope, kit: str, *needs: str
) -> Callable[[Callable[[Part], Iterable[Issue]]], Callable[[Part], Iterable[Issue]]]:
    def register(run: Callable[[Part], Iterable[Issue]]) -> Callable[[Part], Iterable[Issue]]:
        _REGISTERED.append(CrossCheck(id, severity, scope, kit, needs, run))
        return run

    return register


def fields_of(item: object) -> Part:
    """The field values of a part: a model's fields, a mapping as it is, else nothing."""
    if isinstance(item, Mapping):
        return item
    values = getattr(item, "__dict__", None)
    return values if isinstance(values, Mapping) else {}


def _expand(patterns: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(expand_pattern(p) for p in patterns))


def _kind(value: object) -> str:
    return str(getattr(value, "value", value))


def bilingual_pair(
    part: Part, english: str, indonesian: str, what: str, *, english_alone: bool = False
) -> Iterator[Issue]:
    """A text told to the citizen comes in both Indonesian and English, or not at all.

    With ``english_alone`` the English may stand alone (a reply in Indonesian then shows none,
    which the warning channel-reason-indonesian points out); the Indonesian never does. The
    issue is named at the text that is missing.

    Examples:
        >>> [i.path for i in bilingual_pair({"note_id": "x", "note_en": None}, "note_en",
        ...                                 "note_id", "the note")]
        ['note_en']
        >>> list(bilingual_pair({"r": "x"}, "r", "r_id", "the reason", english_alone=True))
        []
    """
    has_english, has_indonesian = part.get(english) is not None, part.get(indonesian) is not None
    if has_indonesian and not has_english:
        yield Issue(english, f"give {what} in both Indonesian and English")
    elif has_english and not has_indonesian and not english_alone:
        yield Issue(indonesian, f"give {what} in both Indonesian and English")


# =========================================================================== channels
@_check("channel-address-or-reason", Severity.ERROR, Scope.CHANNEL, "addresses", "address")
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


@_check("channel-url", Severity.ERROR, Scope.CHANNEL, "addresses", "kind", "address")
def _channel_url(part: Part) -> Iterator[Issue]:
    kind, address = part["kind"], part["address"]
    remote_link = kind in (ChannelKind.APP, ChannelKind.PORTAL) and address is not None
    if remote_link and not (URL_PATTERN.match(address) or _HOST.match(address)):
        yield Issue(
            "address",
            f"an {_kind(kind)} address is a URL, e.g. "
            "'https://layananonline.dukcapil.kemendagri.go.id'",
            address,
        )


@_check("whatsapp-number", Severity.ERROR, Scope.CHANNEL, "whatsapp", "kind", "address")
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


@_check("counter-intake", Severity.ERROR, Scope.CHANNEL, "addresses", "kind", "intake")
def _counter_intake(part: Part) -> Iterator[Issue]:
    if part["intake"] and part["kind"] is ChannelKind.COUNTER:
        yield Issue("intake", "intake formats describe remote channels only")


@_check("channel-reason-languages", Severity.ERROR, Scope.CHANNEL, "presence")
def _channel_reason_pair(part: Part) -> Iterator[Issue]:
    yield from bilingual_pair(
        part,
        "address_unknown_reason",
        "address_unknown_reason_id",
        "why the address is unknown",
        english_alone=True,
    )


@_check("channel-reason-indonesian", Severity.WARNING, Scope.CHANNEL, "presence", "kind")
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


# =========================================================================== rule parts
@_check("suspension-note-languages", Severity.ERROR, Scope.SUSPENSION, "policies")
def _suspension_note(part: Part) -> Iterator[Issue]:
    yield from bilingual_pair(part, "note_en", "note_id", "the note")


@_check("in-person-step-languages", Severity.ERROR, Scope.IN_PERSON_STEP, "presence")
def _step_pairs(part: Part) -> Iterator[Issue]:
    for stem, what in (("place", "place"), ("when", "when"), ("unknown_reason", "unknown_reason")):
        yield from bilingual_pair(part, f"{stem}_en", f"{stem}_id", what)


@_check("in-person-step-place", Severity.ERROR, Scope.IN_PERSON_STEP, "presence")
def _step_place(part: Part) -> Iterator[Issue]:
    if part.get("place_id") is None and part.get("unknown_reason_id") is None:
        yield Issue(
            "place_id",
            "say where the step happens (place_id, place_en), or why the sources do not say "
            "(unknown_reason_id, unknown_reason_en)",
        )


@_check("pickup-or-reason", Severity.ERROR, Scope.FULFILMENT, "fulfilment", "pickup")
def _pickup_or_reason(part: Part) -> Iterator[Issue]:
    if (part["pickup"] is None) == (part.get("pickup_unknown_reason") is None):
        yield Issue("pickup", "give the pickup place, or pickup_unknown_reason (not both)")


@_check("delivery", Severity.ERROR, Scope.FULFILMENT, "fulfilment", "pickup", "delivers")
def _delivery(part: Part) -> Iterator[Issue]:
    pickup = part["pickup"]
    if part["delivers"] and pickup not in (PickupPlace.KECAMATAN, PickupPlace.VILLAGE_OFFICE):
        yield Issue(
            "delivers",
            "only an office that sends documents on to the kecamatan or the village office "
            f"delivers (pickup: {_kind(pickup) if pickup else 'unknown'}); set pickup to "
            "'kecamatan' or 'village-office'",
            hint="set pickup to 'kecamatan' or 'village-office', or delivers = false",
        )


@_check("change-fields", Severity.ERROR, Scope.REQUIREMENT_CHANGE, "policies", "kind")
def _change_fields(part: Part) -> Iterator[Issue]:
    kind = part["kind"]
    target, item = part.get("target"), part.get("item")
    needs_target = kind in (ChangeKind.REMOVE, ChangeKind.REPLACE)
    needs_item = kind in (ChangeKind.ADD, ChangeKind.REPLACE)
    if needs_target and target is None and "target" in part:
        yield Issue("target", f"a {_kind(kind)} change names the national item's code")
    if not needs_target and target is not None:
        yield Issue("target", "an add change has no target", target)
    if needs_item and item is None and "item" in part:
        yield Issue("item", f"a {_kind(kind)} change gives the new item")
    if not needs_item and item is not None:
        yield Issue("item", "a remove change has no item")


@_check("change-baseline", Severity.ERROR, Scope.REQUIREMENT_CHANGE, "policies", "services")
def _change_baseline(part: Part) -> Iterator[Issue]:
    # A target must be a national item of every service named exactly, and of at least one
    # service a wildcard covers; an added item must not shadow a national one.
    services = part["services"]
    target = part.get("target")
    item_code = fields_of(part.get("item")).get("code")
    covered = sorted(_expand(services))
    national = {code: [req.code for req in catalogue()[code].requirements] for code in covered}
    if target is not None:
        exact = sorted(_expand(p for p in services if pattern_rank(p) == 2))
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


# =========================================================================== rules
@_check("cite-fields", Severity.ERROR, Scope.RULES, "sources", "cite")
def _cite_fields(part: Part) -> Iterator[Issue]:
    for key in part["cite"]:
        if key not in CITABLE:
            yield Issue(
                f"cite.{key}",
                f"cite names a rule field; valid: {', '.join(sorted(CITABLE))}",
                key,
            )


@_check(
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
            clash = sorted(_expand(channel["services"]) & _expand(services))
            if clash:
                yield Issue(
                    f"{name}[{index}].services",
                    f"channels[{ch_index}] ({_kind(channel['kind'])}) takes {', '.join(clash)}, "
                    f"which this rule {what}",
                )


@_check("counter-only-online", Severity.ERROR, Scope.RULES, "policies", "channels", "counter_only")
def _counter_only_online(part: Part) -> Iterator[Issue]:
    yield from _online_clashes(part, "counter_only", "keeps at the counter")


@_check("suspended-online", Severity.ERROR, Scope.RULES, "policies", "channels", "suspended")
def _suspended_online(part: Part) -> Iterator[Issue]:
    yield from _online_clashes(part, "suspended", "suspends")


_RULE_LISTS: Final = ("counter_only", "suspended", "fulfilment", "in_person_steps")


@_check("rules-claimed-twice", Severity.ERROR, Scope.RULES, "policies")
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
        frozenset(_expand(fields["services"])),
        fields["kind"],
        fields.get("target"),
        item.get("code"),
    )


@_check("change-twice", Severity.ERROR, Scope.RULES, "policies", "requirement_changes")
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
@_check("policy-dated", Severity.ERROR, Scope.POLICY, "policies", "id", "valid_from")
def _dated(part: Part) -> Iterator[Issue]:
    if part["valid_from"] is None and part["id"] != ORDINARY_ID:
        yield Issue(
            "valid_from",
            f"a dated policy needs valid_from (a date such as 2020-03-18); {part['id']} has none",
            hint="give the first day the policy is in force",
        )


@_check(
    "policy-ends-after-start",
    Severity.ERROR,
    Scope.POLICY,
    "policies",
    "valid_from",
    "valid_until",
)
def _ends_after_start(part: Part) -> Iterator[Issue]:
    start, end = part["valid_from"], part["valid_until"]
    if start is not None and end is not None and end < start:
        yield Issue(
            "valid_until",
            f"ends before it starts (valid_from is {start}); valid_until is the last day in "
            "force, on or after valid_from",
            end,
        )


@_check(
    "pandemic-measure-dates",
    Severity.ERROR,
    Scope.POLICY,
    "policies",
    "pandemic_measure",
    "valid_from",
)
def _pandemic_dates(part: Part) -> Iterator[Issue]:
    start = part["valid_from"]
    if part["pandemic_measure"] and start is not None and start > PANDEMIC_END.last_day_before:
        yield Issue(
            "pandemic_measure",
            f"the policy starts on {start}, after {PANDEMIC_END.name_en}; a measure of a later "
            "emergency is not a pandemic measure",
            start,
        )


# =========================================================================== the office
def _province(code: object) -> Any:
    """The real province a (valid) code lies in; ``None`` for fictional codes or no code."""
    from adminduk.identity import find_province

    if not isinstance(code, str) or code.startswith(FICTIONAL_PROVINCE + "."):
        return None
    return find_province(code[:2])


@_check("fictional-code", Severity.INFO, Scope.OFFICE, "timezone", "code", "timezone", "province")
def _fictional(part: Part) -> Iterator[Issue]:
    code = part["code"]
    if code.startswith(FICTIONAL_PROVINCE + "."):
        yield Issue(
            "code",
            f"{code} is a fictional code (99.xx): its zone {part['timezone']} and province "
            f"{part['province']!r} are not checked against a real province",
            hint="use the office's Kemendagri code before publishing real data",
        )


@_check("slug-kind", Severity.ERROR, Scope.OFFICE, "timezone", "code", "slug")
def _slug_kind(part: Part) -> Iterator[Issue]:
    code = part["code"]
    kind = "kota" if int(code[3:]) > 70 else "kabupaten"
    if not part["slug"].startswith(f"{kind}-"):
        yield Issue(
            "slug",
            f"code {code} is a {kind}, so the slug starts with '{kind}-' (a bare place name "
            "is ambiguous: Kabupaten and Kota Probolinggo are two offices)",
            part["slug"],
        )


@_check("province-of-code", Severity.ERROR, Scope.OFFICE, "timezone", "code", "province")
def _province_of_code(part: Part) -> Iterator[Issue]:
    province = _province(part["code"])
    if province is not None and part["province"].casefold() != province.name.casefold():
        yield Issue(
            "province",
            f"code {part['code']} lies in {province.name}",
            part["province"],
            f"set province = {province.name!r}",
        )


@_check("zone-of-province", Severity.ERROR, Scope.OFFICE, "timezone", "code", "timezone")
def _zone_of_province(part: Part) -> Iterator[Issue]:
    from adminduk.identity import PROVINCE_SOURCE

    province = _province(part["code"])
    if province is not None and part["timezone"] != province.timezone:
        yield Issue(
            "timezone",
            f"{province.name} keeps {province.local_zone}: {province.timezone} (source: "
            f"{PROVINCE_SOURCE})",
            part["timezone"],
            f"set timezone = {province.timezone!r}",
        )


@_check("cited-address", Severity.ERROR, Scope.OFFICE, "sources", "address", "address_source")
def _address_cited(part: Part) -> Iterator[Issue]:
    if part["address"] is not None and part["address_source"] is None:
        yield Issue("address_source", "the address needs a source")


@_check("cited-hours", Severity.ERROR, Scope.OFFICE, "sources", "hours", "hours_source")
def _hours_cited(part: Part) -> Iterator[Issue]:
    if part["hours"] is not None and part["hours_source"] is None:
        yield Issue("hours_source", "the hours need a source")


@_check("office-reason-languages", Severity.ERROR, Scope.OFFICE, "addresses")
def _office_reason_pair(part: Part) -> Iterator[Issue]:
    yield from bilingual_pair(
        part, "address_unknown_reason", "address_unknown_reason_id", "why the address is unknown"
    )
    yield from bilingual_pair(
        part, "never_reopens_reason", "never_reopens_reason_id", "why the office never reopens"
    )
    if part.get("address") is not None and part.get("address_unknown_reason") is not None:
        yield Issue(
            "address_unknown_reason", "give either an address or why it is unknown, not both"
        )


@_check("replaces-own-code", Severity.ERROR, Scope.OFFICE, "policies", "code", "replaces")
def _replaces(part: Part) -> Iterator[Issue]:
    code, replaces = part["code"], part["replaces"]
    if replaces is not None and replaces != code:
        yield Issue(
            "replaces",
            f"an office replaces the one registered under its own code ({code})",
            replaces,
        )


@_check("own-reasons", Severity.ERROR, Scope.OFFICE, "policies", "urgency_reasons")
def _own_reasons(part: Part) -> Iterator[Issue]:
    seen: set[str] = set()
    for index, reason in enumerate(part["urgency_reasons"]):
        code = fields_of(reason).get("code")
        if code in BUILTIN_URGENCY_REASONS:
            yield Issue(
                f"urgency_reasons[{index}].code",
                "is built in; cite it in a policy without defining it",
                code,
            )
        elif code in seen:
            yield Issue(f"urgency_reasons[{index}].code", "defined twice", code)
        if isinstance(code, str):
            seen.add(code)


@_check("policy-ids", Severity.ERROR, Scope.OFFICE, "policies", "policies")
def _policy_ids(part: Part) -> Iterator[Issue]:
    seen: dict[str, int] = {}
    for index, policy in enumerate(part["policies"]):
        id = fields_of(policy).get("id")
        if not isinstance(id, str):
            continue
        if id == ORDINARY_ID:
            yield Issue(
                f"policies[{index}].id",
                "'ordinary' is reserved for the [ordinary] table; name the policy after its "
                "decree or event",
                id,
            )
        elif id in seen:
            yield Issue(f"policies[{index}].id", f"policies[{seen[id]}] has this id", id)
        seen.setdefault(id, index)


@_check("policy-overlap", Severity.ERROR, Scope.OFFICE, "policies", "policies")
def _policy_overlap(part: Part) -> Iterator[Issue]:
    spans = []
    for index, policy in enumerate(part["policies"]):
        fields = fields_of(policy)
        start, end = fields.get("valid_from"), fields.get("valid_until", _NO_VALUE)
        if isinstance(start, dt.date) and (
            end is None or (isinstance(end, dt.date) and end >= start)
        ):
            spans.append((start, index, end))
    for (start_a, index_a, end_a), (start_b, index_b, _) in itertools.pairwise(
        sorted(spans, key=lambda s: s[:2])
    ):
        if end_a is None or start_b <= end_a:
            yield Issue(
                f"policies[{index_b}].valid_from",
                f"overlaps policies[{index_a}] ({start_a} to {end_a or 'open-ended'}); policies "
                "must not overlap: end the earlier one with valid_until the day before",
                start_b,
                "end the earlier policy with valid_until the day before the later one starts",
            )


@_check("extra-opening-twice", Severity.ERROR, Scope.OFFICE, "hours", "extra_openings")
def _extra_opening_twice(part: Part) -> Iterator[Issue]:
    # The calendar keeps one set of hours per day: two openings on one date contradict.
    seen: dict[dt.date, int] = {}
    for index, opening in enumerate(part["extra_openings"]):
        day = getattr(opening, "date", None)
        if not isinstance(day, dt.date):
            continue
        if day in seen:
            yield Issue(
                f"extra_openings[{index}].date",
                f"extra_openings[{seen[day]}] opens on this date too; give the day's hours once",
                day,
            )
        seen.setdefault(day, index)


@_check("never-opens-again", Severity.ERROR, Scope.OFFICE, "hours", "closures")
def _never_opens_again(part: Part) -> Iterator[Issue]:
    # A closure to the end of the calendar's years means the office never opens again: an
    # answer then has no next opening, so the file must say why (never_reopens_reason).
    from adminduk.schedule import SUPPORTED_UNTIL

    for index, closure in enumerate(part["closures"]):
        end = getattr(closure, "end", None)
        if (
            isinstance(end, dt.date)
            and end >= SUPPORTED_UNTIL
            and part.get("never_reopens_reason") is None
        ):
            yield Issue(
                f"closures[{index}].end",
                f"closes the office to the end of the calendar's years ({SUPPORTED_UNTIL}), so "
                "it never opens again; say why in never_reopens_reason and "
                "never_reopens_reason_id, or end the closure",
                end,
            )


# -- sources ---------------------------------------------------------------------------------
_LEAVES: Final = (str, int, float, dt.date, type(None))


def source_refs(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every source reference in a part: (path, text), in file order.

    A field named ``source`` or ``…_source`` is one; so is every entry of a ``cite`` table.
    The ``[sources]`` table itself is the definitions, not references.
    """
    if isinstance(value, _LEAVES):
        return
    if isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from source_refs(item, f"{path}[{index}]")
        return
    for name, item in fields_of(value).items():
        if name == "sources" or not isinstance(name, str) or isinstance(item, _LEAVES[1:]):
            continue
        where = f"{path}.{name}" if path else name
        if name == "source" or name.endswith("_source"):
            if isinstance(item, str):
                yield where, item
        elif name == "cite" and isinstance(item, Mapping):
            for key, text in item.items():
                if isinstance(text, str):
                    yield f"{where}.{key}", text
        elif not isinstance(item, str):
            yield from source_refs(item, where)


def _defined_keys(part: Part) -> frozenset[str]:
    table = part.get("sources")
    return (
        frozenset(k for k in table if isinstance(k, str))
        if isinstance(table, Mapping)
        else frozenset()
    )


@_check("source-refs", Severity.ERROR, Scope.OFFICE, "sources")
def _source_keys(part: Part) -> Iterator[Issue]:
    from adminduk._suggest import close_matches

    keys = _defined_keys(part)
    for path, text in source_refs(part):
        if not source_parts(text):
            yield Issue(
                path,
                "a source names where the fact comes from; it cannot be empty",
                hint="name where the fact comes from: a key of [sources], a regulation or a URL",
            )
        for key in source_parts(text):
            if _KEY_LIKE.match(key) and key not in keys and key not in NATIONAL_SOURCES:
                hint = close_matches(key, keys)
                maybe = f"; did you mean {hint[0]!r}?" if hint else ""
                yield Issue(
                    path,
                    f"{key!r} looks like a source key but the [sources] table has no such key "
                    f"(keys: {', '.join(sorted(keys)) or 'none defined'}){maybe}",
                    text,
                    "add it under [sources], or fix the key",
                )


@_check("source-cited", Severity.WARNING, Scope.OFFICE, "sources")
def _source_cited(part: Part) -> Iterator[Issue]:
    cited = {key for _, text in source_refs(part) for key in source_parts(text)}
    for key in sorted(_defined_keys(part) - cited):
        yield Issue(
            f"sources.{key}",
            f"the source {key!r} is never cited",
            hint="cite it where its facts are used, or remove it",
        )


@_check("source-findable", Severity.INFO, Scope.OFFICE, "sources", "sources")
def _source_findable(part: Part) -> Iterator[Issue]:
    for key, info in sorted(part["sources"].items()):
        fields = fields_of(info)
        if all(fields.get(name) is None for name in ("url", "file", "publisher")):
            yield Issue(
                f"sources.{key}",
                f"{key} gives only a title; a reader cannot follow it to the text",
                hint="add a url, a file or a publisher",
            )


CROSS_CHECKS: Final[tuple[CrossCheck, ...]] = tuple(_REGISTERED)
"""Every cross-field check of an office file, in the order they are reported."""

_BY_SCOPE: Final[dict[tuple[Scope, Severity | None], tuple[CrossCheck, ...]]] = {}


def cross_checks(scope: Scope, severity: Severity | None = None) -> tuple[CrossCheck, ...]:
    """The checks of one scope, optionally of one severity only.

    Examples:
        >>> [c.id for c in cross_checks(Scope.FULFILMENT)]
        ['pickup-or-reason', 'delivery']
    """
    key = (scope, severity)
    found = _BY_SCOPE.get(key)
    if found is None:
        found = tuple(
            c for c in CROSS_CHECKS if c.scope is scope and severity in (None, c.severity)
        )
        _BY_SCOPE[key] = found
    return found


def load_problems(scopes: Iterable[Scope], part: Part) -> list[ConfigProblem]:
    """The problems the loader reports for a part: its ``error`` checks, in check order."""
    problems: list[ConfigProblem] = []
    for scope in scopes:
        for check in cross_checks(scope, Severity.ERROR):
            problems.extend(issue.problem() for issue in check.issues(part))
    return list(dict.fromkeys(problems))


# =========================================================================== the whole office
_PART_LISTS: Final = (
    ("channels", Scope.CHANNEL),
    ("suspended", Scope.SUSPENSION),
    ("fulfilment", Scope.FULFILMENT),
    ("in_person_steps", Scope.IN_PERSON_STEP),
    ("requirement_changes", Scope.REQUIREMENT_CHANGE),
)


def _parts(office: object) -> Iterator[tuple[str, tuple[Scope, ...], Part]]:
    """Every part of an office with its path in the file and the scopes that apply to it."""
    fields = fields_of(office)
    yield "", (Scope.OFFICE,), fields
    rule_sets: list[tuple[str, tuple[Scope, ...], object]] = []
    if fields.get("ordinary") is not None:
        rule_sets.append(("ordinary", (Scope.RULES,), fields["ordinary"]))
    for index, policy in enumerate(fields.get("policies", ())):
        rule_sets.append((f"policies[{index}]", (Scope.RULES, Scope.POLICY), policy))
    for path, scopes, rules in rule_sets:
        rule_fields = fields_of(rules)
        yield path, scopes, rule_fields
        for name, scope in _PART_LISTS:
            for index, item in enumerate(rule_fields.get(name, ())):
                yield f"{path}.{name}[{index}]", (scope,), fields_of(item)


def office_issues(office: object) -> Iterator[tuple[CrossCheck, str, Issue]]:
    """Every issue of every check in an office: (the check, the part's path, the issue).

    Examples:
        >>> from adminduk import get_office
        >>> [c.id for c, _, i in office_issues(get_office("35.14")) if c.severity == "error"]
        []
    """
    for path, scopes, part in _parts(office):
        for scope in scopes:
            for check in cross_checks(scope):
                for issue in check.issues(part):
                    yield check, path, issue
