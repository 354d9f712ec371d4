"""Checks across the fields of the office: its identity, dates, and every source it cites."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from adminduk.offices._check_base import (
    ORDINARY_ID,
    Issue,
    Part,
    Scope,
    Severity,
    bilingual_pair,
    check,
    fields_of,
)
from adminduk.offices._sources import (
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
)
from adminduk.offices._types import (
    FICTIONAL_PROVINCE,
    source_parts,
)

__all__ = ["source_refs"]

_KEY_LIKE: Final = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")


# =========================================================================== the office
def _province(code: object) -> Any:
    """The real province a (valid) code lies in; ``None`` for fictional codes or no code."""
    from adminduk.identity import find_province

    if not isinstance(code, str) or code.startswith(FICTIONAL_PROVINCE + "."):
        return None
    return find_province(code[:2])


@check("fictional-code", Severity.INFO, Scope.OFFICE, "timezone", "code", "timezone", "province")
def _fictional(part: Part) -> Iterator[Issue]:
    code = part["code"]
    if code.startswith(FICTIONAL_PROVINCE + "."):
        yield Issue(
            "code",
            f"{code} is a fictional code (99.xx): its zone {part['timezone']} and province "
            f"{part['province']!r} are not checked against a real province",
            hint="use the office's Kemendagri code before publishing real data",
        )


@check("slug-kind", Severity.ERROR, Scope.OFFICE, "timezone", "code", "slug")
def _slugkind_name(part: Part) -> Iterator[Issue]:
    code = part["code"]
    kind = "kota" if int(code[3:]) > 70 else "kabupaten"
    if not part["slug"].startswith(f"{kind}-"):
        yield Issue(
            "slug",
            f"code {code} is a {kind}, so the slug starts with '{kind}-' (a bare place name "
            "is ambiguous: Kabupaten and Kota Probolinggo are two offices)",
            part["slug"],
        )


@check("province-of-code", Severity.ERROR, Scope.OFFICE, "timezone", "code", "province")
def _province_of_code(part: Part) -> Iterator[Issue]:
    province = _province(part["code"])
    # The list's name or a short form ("DI Yogyakarta"); an office that copies the region's
    # province name always passes.
    if province is not None and not province.is_named(part["province"]):
        yield Issue(
            "province",
            f"code {part['code']} lies in {province.name}",
            part["province"],
            f"set province = {province.name!r}",
        )


@check("zone-of-province", Severity.ERROR, Scope.OFFICE, "timezone", "code", "timezone")
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


@check("cited-address", Severity.ERROR, Scope.OFFICE, "sources", "address", "address_source")
def _address_cited(part: Part) -> Iterator[Issue]:
    if part["address"] is not None and part["address_source"] is None:
        yield Issue("address_source", "the address needs a source")


@check("cited-hours", Severity.ERROR, Scope.OFFICE, "sources", "hours", "hours_source")
def _hours_cited(part: Part) -> Iterator[Issue]:
    if part["hours"] is not None and part["hours_source"] is None:
        yield Issue("hours_source", "the hours need a source")


@check("office-reason-languages", Severity.ERROR, Scope.OFFICE, "addresses")
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


@check("replaces-own-code", Severity.ERROR, Scope.OFFICE, "policies", "code", "replaces")
def _replaces(part: Part) -> Iterator[Issue]:
    code, replaces = part["code"], part["replaces"]
    if replaces is not None and replaces != code:
        yield Issue(
            "replaces",
            f"an office replaces the one registered under its own code ({code})",
            replaces,
        )


@check("own-reasons", Severity.ERROR, Scope.OFFICE, "policies", "urgency_reasons")
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


@check("policy-ids", Severity.ERROR, Scope.OFFICE, "policies", "policies")
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


@check("policy-overlap", Severity.ERROR, Scope.OFFICE, "policies", "policies")
def _policy_overlap(part: Part) -> Iterator[Issue]:
    spans = []
    for index, policy in enumerate(part["policies"]):
        fields = fields_of(policy)
        # A policy whose valid_until did not validate has none here: its span is unknown.
        start, end = fields.get("valid_from"), fields.get("valid_until", "unknown")
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


@check("extra-opening-twice", Severity.ERROR, Scope.OFFICE, "hours", "extra_openings")
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


@check("never-opens-again", Severity.ERROR, Scope.OFFICE, "hours", "closures")
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


def _opens_on_no_day(hours: object) -> bool:
    return hasattr(hours, "day") and not any(hours.day(weekday) for weekday in range(7))


@check("never-opens-hours", Severity.ERROR, Scope.OFFICE, "hours", "hours", "policies")
def _hours_never_open(part: Part) -> Iterator[Issue]:
    # Hours that open on no day, from a date with no end, close the office for good just as a
    # closure to the end of the calendar does: the same reason is asked for.
    if part.get("never_reopens_reason") is not None:
        return
    if _opens_on_no_day(part["hours"]):
        yield Issue("hours", _NEVER_OPENS_HOURS, "{}")
    for index, policy in enumerate(part["policies"]):
        open_ended = getattr(policy, "valid_until", False) is None
        if open_ended and _opens_on_no_day(getattr(policy, "hours", None)):
            yield Issue(f"policies[{index}].hours", _NEVER_OPENS_HOURS, "{}")


_NEVER_OPENS_HOURS: Final = (
    "the hours open on no day and nothing ends them, so the office never opens again; give "
    "the hours, end the policy (valid_until), or say why in never_reopens_reason and "
    "never_reopens_reason_id"
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


@check("source-refs", Severity.ERROR, Scope.OFFICE, "sources", "sources")
def _source_keys(part: Part) -> Iterator[Issue]:
    from adminduk._core.suggest import close_matches

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


@check("source-cited", Severity.WARNING, Scope.OFFICE, "sources")
def _source_cited(part: Part) -> Iterator[Issue]:
    cited = {key for _, text in source_refs(part) for key in source_parts(text)}
    for key in sorted(_defined_keys(part) - cited):
        yield Issue(
            f"sources.{key}",
            f"the source {key!r} is never cited",
            hint="cite it where its facts are used, or remove it",
        )


@check("source-copy", Severity.ERROR, Scope.OFFICE, "standards", "sources")
def _source_copy(part: Part) -> Iterator[Issue]:
    # A standard read only in a copy rests on copies, and one that rests on copies alone was
    # read in one: the reply marks both the standard and its sources, so they must agree.
    copies = {
        key for key, info in part["sources"].items() if fields_of(info).get("third_party_copy")
    }
    for index, standard in enumerate(part.get("standards", ())):
        fields = fields_of(standard)
        keys = set(source_parts(fields.get("source") or "")) & set(part["sources"])
        if not keys:
            continue
        if fields.get("third_party_copy") and not keys <= copies:
            yield Issue(
                f"standards[{index}].source",
                f"a standard read in a copy cites sources not marked as copies: "
                f"{sorted(keys - copies)}",
                hint="set third_party_copy = true on those sources",
            )
        elif not fields.get("third_party_copy") and keys <= copies:
            yield Issue(
                f"standards[{index}].third_party_copy",
                "every source of this standard is a third-party copy; mark the standard too",
            )


@check("source-published", Severity.WARNING, Scope.OFFICE, "sources", "sources")
def _source_published(part: Part) -> Iterator[Issue]:
    # `published` is the day a source came out: one still to come is a mistake (a plugin's
    # copied template date, say), and it would date the office's ordinary rules from that day
    # only, and a dated policy's answers from a day nobody has read yet.
    today = dt.date.today()
    for key, info in sorted(part["sources"].items()):
        published = fields_of(info).get("published")
        if isinstance(published, dt.date) and published > today:
            yield Issue(
                f"sources.{key}.published",
                f"{key} is dated {published}, after today: it dates no answer before that day",
                published,
                hint="give the day the source came out",
            )


@check("source-findable", Severity.INFO, Scope.OFFICE, "sources", "sources")
def _source_findable(part: Part) -> Iterator[Issue]:
    for key, info in sorted(part["sources"].items()):
        fields = fields_of(info)
        if all(fields.get(name) is None for name in ("url", "file", "publisher")):
            yield Issue(
                f"sources.{key}",
                f"{key} gives only a title; a reader cannot follow it to the text",
                hint="add a url, a file or a publisher",
            )
