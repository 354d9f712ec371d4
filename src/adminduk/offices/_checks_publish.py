"""Checks of a whole office before it is published: routes aside, what a reviewer reads.

Each looks at a validated office as a whole (scope ``publishing``): plausible hours, policies
that can do what they claim, pick-up that fits the counter, addresses and WhatsApp numbers a
citizen can follow, in-person steps placed. The loader never runs them (a file that loads may
still be unfit to publish); the conformance kit (:mod:`adminduk.testing`) and ``adminduk
check`` report them, with every other check of the registry, through
:func:`adminduk.offices._checks.office_issues`. A check may report at more than one severity;
each issue carries its own.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from adminduk.documents import catalogue
from adminduk.errors import AdmindukError
from adminduk.offices._check_base import Issue, Part, Scope, Severity, check
from adminduk.offices._types import ChannelKind, InPersonStance, PickupPlace
from adminduk.schedule import SUPPORTED_FROM, SUPPORTED_UNTIL, WeeklyHours

# A whole office is an OfficeConfig and its rules Policy values; they are not imported, even
# for typing, since the office models run these modules' checks as they validate (no circle).
OfficeConfig = Any
Policy = Any

__all__ = ["compact", "policy_name", "rule_sets", "service_codes"]

_DAY_NAMES: Final = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
# Plausible counter hours. A Dukcapil counter outside these, or open longer than this in a day,
# is far more often a typo (an evening hour written for a morning one) than a fact.
_EARLIEST: Final = 6 * 60
_LATEST: Final = 21 * 60
_LONGEST_DAY: Final = 12 * 60
_PLAUSIBLE: Final = f"{_EARLIEST // 60:02d}:00", f"{_LATEST // 60:02d}:00"


def _issue(severity: Severity, path: str, message: str, hint: str = "") -> Issue:
    return Issue(path, message, hint=hint, severity=severity)


def rule_sets(office: OfficeConfig) -> Iterator[tuple[str, Policy]]:
    """The ordinary rules and every dated policy, each with its path in the file."""
    yield "ordinary", office.ordinary_policy
    for index, policy in enumerate(office.policies):
        yield f"policies[{index}]", policy


def compact(codes: Iterable[str]) -> str:
    """Service codes, a whole document written ``document/*``: short enough to read."""
    wanted = set(codes)
    by_document: dict[str, list[str]] = {}
    for service in catalogue().services:
        by_document.setdefault(service.document.value, []).append(service.code)
    parts: list[str] = []
    for document, services in by_document.items():
        hits = [code for code in services if code in wanted]
        if hits and len(hits) == len(services) and len(services) > 1:
            parts.append(f"{document}/*")
        else:
            parts.extend(hits)
    return ", ".join(parts)


def policy_name(path: str, policy: Policy) -> str:
    return "the ordinary rules" if policy.is_ordinary else f"policy {policy.id!r}"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _whatsapp(office: OfficeConfig) -> Iterator[Issue]:
    """WhatsApp numbers are Indonesian mobile numbers; unknown ones are said to be unknown."""
    from adminduk.identity import normalize_whatsapp

    for path, policy in rule_sets(office):
        for index, channel in enumerate(policy.channels):
            if channel.kind is not ChannelKind.WHATSAPP:
                continue
            where = f"{path}.channels[{index}]"
            if channel.address is None:
                yield _issue(
                    Severity.WARNING,
                    f"{where}.address",
                    f"the number of {channel.label!r} is unknown "
                    f"({channel.address_unknown_reason}); citizens get no link to it",
                    "add the number once a source gives it",
                )
                continue
            try:
                normal = normalize_whatsapp(channel.address)
            except AdmindukError:
                continue  # the check whatsapp-number (adminduk.offices) reports it
            printed = channel.published_as
            national = "0" + normal[3:]
            if printed is not None and _digits(printed) not in (national, normal[1:]):
                yield _issue(
                    Severity.INFO,
                    f"{where}.address",
                    f"the source prints {printed!r}; it is read as {normal}",
                    "check the reading against the source before publishing",
                )


def _hours_problems(hours: WeeklyHours, path: str, *, must_open: bool) -> Iterator[Issue]:
    if must_open and hours.weekly_total() <= dt.timedelta(0):
        yield _issue(
            Severity.ERROR,
            path,
            "the hours open on no day of the week, yet the counter is not closed",
            "give the opening hours, or set in_person = 'closed'",
        )
    for weekday, name in enumerate(_DAY_NAMES):
        ranges = hours.day(weekday)
        for index, time_range in enumerate(ranges):
            if time_range.end <= time_range.start:
                yield _issue(
                    Severity.ERROR,
                    f"{path}.{name}[{index}]",
                    f"{time_range} is empty: it closes when it opens",
                    "write the interval as opens-closes, e.g. '08:00-15:00'",
                )
            elif time_range.start < _EARLIEST or time_range.end > _LATEST:
                yield _issue(
                    Severity.WARNING,
                    f"{path}.{name}[{index}]",
                    f"{time_range} opens before {_PLAUSIBLE[0]} or closes after {_PLAUSIBLE[1]}",
                    "check for a typo, e.g. '18:00' written for '08:00'",
                )
        for before, after in itertools.pairwise(ranges):
            if after.start < before.end:
                yield _issue(
                    Severity.ERROR,
                    f"{path}.{name}",
                    f"the intervals {before} and {after} overlap",
                    "write each day's intervals in order, without overlap",
                )
        total = sum(r.end - r.start for r in ranges)
        if total > _LONGEST_DAY:
            yield _issue(
                Severity.WARNING,
                f"{path}.{name}",
                f"the counter would be open {total // 60}h{total % 60:02d} on {name}",
                "check the hours; a day longer than 12 hours is usually a typo",
            )


def _dated_overlaps(spans: list[tuple[str, dt.date, dt.date]], what: str) -> Iterator[Issue]:
    ordered = sorted(spans, key=lambda span: span[1])
    for (path_a, start_a, end_a), (path_b, start_b, _) in itertools.pairwise(ordered):
        if start_b <= end_a:
            yield _issue(
                Severity.WARNING,
                path_b,
                f"overlaps {path_a} ({start_a} to {end_a})",
                f"make the {what} follow one another, or merge them",
            )


def _outside(start: dt.date | None, end: dt.date | None) -> bool:
    return (start is not None and start < SUPPORTED_FROM) or (
        end is not None and end > SUPPORTED_UNTIL
    )


def _hours(office: OfficeConfig) -> Iterator[Issue]:
    """Hours are sane: no day that never opens, no overlap, nothing implausible."""
    if office.hours is None:
        yield _issue(
            Severity.WARNING,
            "hours",
            "no opening hours: the calendar uses the national government working hours, and "
            "every answer that rests on them says they are a default",
            "give the office's published hours with hours_source, once a source has them",
        )
    else:
        must_open = office.ordinary_policy.in_person is not InPersonStance.CLOSED
        yield from _hours_problems(office.hours, "hours", must_open=must_open)
    for path, policy in rule_sets(office):
        if policy.hours is not None:
            must_open = policy.in_person is not InPersonStance.CLOSED
            yield from _hours_problems(policy.hours, f"{path}.hours", must_open=must_open)
    for index, override in enumerate(office.hours_overrides):
        path = f"hours_overrides[{index}]"
        if override.hours.weekly_total() <= dt.timedelta(0):
            yield _issue(
                Severity.WARNING,
                f"{path}.hours",
                f"the override closes the office on every day from {override.start} to "
                f"{override.end}",
                "record a closure under [[closures]] instead",
            )
        else:
            yield from _hours_problems(override.hours, f"{path}.hours", must_open=False)
    yield from _dated_overlaps(
        [(f"hours_overrides[{i}]", o.start, o.end) for i, o in enumerate(office.hours_overrides)],
        "overrides",
    )
    yield from _dated_overlaps(
        [(f"closures[{i}]", c.start, c.end) for i, c in enumerate(office.closures)],
        "closures",
    )
    dated = [
        *((f"closures[{i}]", c.start, c.end) for i, c in enumerate(office.closures)),
        *((f"hours_overrides[{i}]", o.start, o.end) for i, o in enumerate(office.hours_overrides)),
        *((f"extra_openings[{i}]", e.date, e.date) for i, e in enumerate(office.extra_openings)),
    ]
    for path, start, end in dated:
        if _outside(start, end):
            yield _issue(
                Severity.WARNING,
                path,
                f"lies outside the years the calendar answers for ({SUPPORTED_FROM} to "
                f"{SUPPORTED_UNTIL}); those days are ignored",
                "check the year",
            )
    for index, opening in enumerate(office.extra_openings):
        for r_index, time_range in enumerate(opening.hours):
            if time_range.start < _EARLIEST or time_range.end > _LATEST:
                yield _issue(
                    Severity.WARNING,
                    f"extra_openings[{index}].hours[{r_index}]",
                    f"{time_range} opens before {_PLAUSIBLE[0]} or closes after {_PLAUSIBLE[1]}",
                    "check for a typo",
                )


def _policies(office: OfficeConfig) -> Iterator[Issue]:
    """Policies do not overlap, lie in the calendar's years, and can do what they claim."""
    if office.ordinary is None:
        yield _issue(
            Severity.INFO,
            "ordinary",
            "no [ordinary] table: outside its dated policies the office is taken to serve "
            "every service of the catalogue at an open counter (adminduk's default)",
            "add an [ordinary] table with its source if the office's usual rules are known",
        )
    for index, policy in enumerate(office.policies):
        if policy.valid_from is not None and _outside(policy.valid_from, policy.valid_until):
            yield _issue(
                Severity.WARNING,
                f"policies[{index}]",
                f"{policy.id} runs outside the years the calendar answers for "
                f"({SUPPORTED_FROM} to {SUPPORTED_UNTIL})",
                "check the dates",
            )
    for path, policy in rule_sets(office):
        yield from _counter_stance(path, policy)
    used = {reason for _, policy in rule_sets(office) for reason in policy.urgency_reasons}
    for index, reason in enumerate(office.urgency_reasons):
        if reason.code not in used:
            yield _issue(
                Severity.WARNING,
                f"urgency_reasons[{index}]",
                f"the urgency reason {reason.code!r} is defined but no policy accepts it",
                "name it in a policy's urgency_reasons, or remove it",
            )
    if office.replaces is not None:
        yield _issue(
            Severity.INFO,
            "replaces",
            f"this file replaces the office registered under {office.replaces}",
            "make sure that is intended: the built-in data for that code is set aside",
        )


def _counter_stance(path: str, policy: Policy) -> Iterator[Issue]:
    """What a policy says about its counter fits together: who it serves, and what it keeps."""
    where = policy_name(path, policy)
    counter = policy.counter
    # With a closed counter, urgency reasons still matter where the non-urgent are asked
    # to wait (the urgent may go ahead online); otherwise they change nothing.
    if (
        policy.in_person is InPersonStance.CLOSED
        and policy.urgency_reasons
        and not policy.non_urgent_asked_to_wait
    ):
        yield _issue(
            Severity.WARNING,
            f"{path}.urgency_reasons",
            f"{where} names urgency reasons, but its counter is closed to everyone",
            "set in_person = 'urgent-only' if urgent needs are still served",
        )
    if policy.in_person is not InPersonStance.CLOSED and counter is None:
        yield _issue(
            Severity.ERROR,
            f"{path}.channels",
            f"{where} serves people in person ({policy.in_person.value}) but has no "
            "counter channel",
            "list a channel of kind 'counter', or set in_person = 'closed'",
        )
    for index, suspension in enumerate(policy.suspended):
        if suspension.urgent_exempt and policy.in_person is InPersonStance.CLOSED:
            yield _issue(
                Severity.WARNING,
                f"{path}.suspended[{index}].urgent_exempt",
                f"urgent cases are exempt from the suspension, but under {where} the "
                "counter is closed to everyone",
                "set in_person = 'urgent-only', or drop urgent_exempt",
            )
    for index, rule in enumerate(policy.counter_only):
        if counter is None or policy.in_person is InPersonStance.CLOSED:
            yield _issue(
                Severity.WARNING,
                f"{path}.counter_only[{index}]",
                f"{compact(service_codes(rule.services))} can only be done at the counter, "
                f"which is closed under {where}",
                "declare the services suspended instead, so citizens are told to wait",
            )


def service_codes(patterns: Iterable[str]) -> list[str]:
    """The service codes that patterns (``*``, ``document/*`` or codes) cover."""
    cat = catalogue()
    codes: set[str] = set()
    for pattern in patterns:
        services = cat.services if pattern == "*" else cat.expand(pattern)
        codes.update(service.code for service in services)
    return sorted(codes)


def _fulfilment(office: OfficeConfig) -> Iterator[Issue]:
    """Pick-up fits the rest: originals are checked only where someone hands documents over."""
    for path, policy in rule_sets(office):
        where = policy_name(path, policy)
        for index, rule in enumerate(policy.fulfilment):
            at = f"{path}.fulfilment[{index}]"
            if rule.originals_checked and rule.pickup is PickupPlace.SELF_PRINT:
                yield _issue(
                    Severity.ERROR,
                    f"{at}.originals_checked",
                    "originals are checked at pick-up, but the citizen prints the document "
                    "(self-print): there is no counter pick-up at which to check them",
                    "set pickup to 'dinas', 'kecamatan' or 'village-office', or "
                    "originals_checked = false",
                )
            elif rule.originals_checked and rule.pickup is None:
                yield _issue(
                    Severity.WARNING,
                    f"{at}.originals_checked",
                    "originals are checked at pick-up, but the pick-up place is unknown",
                    "give the pick-up place once a source says where",
                )
            elif (
                rule.originals_checked
                and rule.pickup is PickupPlace.DINAS
                and policy.in_person is InPersonStance.CLOSED
            ):
                yield _issue(
                    Severity.ERROR,
                    f"{at}.originals_checked",
                    f"originals are checked at the Dinas counter, which is closed under {where}",
                    "pick up at the kecamatan or village office, or keep the counter open for "
                    "pick-up",
                )


def _addresses(office: OfficeConfig) -> Iterator[Issue]:
    """Addresses are known, or said to be unknown; URLs are written in full."""
    if office.address is None:
        yield _issue(
            Severity.WARNING,
            "address",
            "the office's street address is unknown: its counter channels show no place",
            "give address and address_source once a source has them",
        )
    for path, policy in rule_sets(office):
        for index, channel in enumerate(policy.channels):
            where = f"{path}.channels[{index}].address"
            if channel.kind is ChannelKind.WHATSAPP:
                continue  # the whatsapp check covers numbers
            if channel.address is None:
                if channel.kind is ChannelKind.COUNTER and office.address is None:
                    continue  # reported once, above
                yield _issue(
                    Severity.WARNING,
                    where,
                    f"the address of {channel.label!r} ({channel.kind.value}) is unknown "
                    f"({channel.address_unknown_reason})",
                    "add it once a source gives it",
                )
            elif channel.kind in (ChannelKind.APP, ChannelKind.PORTAL):
                if not channel.address.startswith(("https://", "http://")):
                    yield _issue(
                        Severity.WARNING,
                        where,
                        f"{channel.address!r} is a bare host name; some apps will not make it "
                        "a link",
                        "write the URL in full (https://…) where the source confirms it",
                    )
                elif channel.address.startswith("http://"):
                    yield _issue(
                        Severity.WARNING,
                        where,
                        f"{channel.address!r} is not served over https; citizens send personal "
                        "data through it",
                        "use the https:// address if the site has one",
                    )


def _presence(office: OfficeConfig) -> Iterator[Issue]:
    """A service with an in-person step, taken remotely, says where and when the step happens.

    Only channels a citizen can follow count: an answer sends nobody to the others.
    """
    for path, policy in rule_sets(office):
        for index, channel in enumerate(policy.channels):
            # A channel nobody can find sends nobody online: no answer needs the step placed
            # (and a step of the ordinary rules would keep a national suspension off them).
            if not channel.kind.is_remote or not channel.followable:
                continue
            for code in sorted(channel.service_codes):
                steps = catalogue()[code].in_person_steps
                declared = policy.in_person_step_for(code)
                missing = [s.code for s in steps if declared is None or declared.step != s.code]
                if missing and policy.counter_only_for(code) is None:
                    yield _issue(
                        Severity.ERROR,
                        f"{path}.channels[{index}].services",
                        f"{channel.kind.value} takes {code}, whose step {', '.join(missing)} "
                        f"needs the person present, and {policy_name(path, policy)} does not "
                        "say where or when it happens",
                        "add [[policies.in_person_steps]] naming the step with its place and "
                        "time, or why the sources do not give them",
                    )


def _dated_later(office: OfficeConfig) -> Iterator[Issue]:
    """A dated policy whose dated sources all came out after its first day.

    A source published after the day asked cannot confirm that day's rules, so an answer on the
    policy's first days is dated by none of them: it says that no dated source confirms it.
    (The ordinary rules have no first day; a source dated after today is ``source-published``.)
    """
    for path, policy in rule_sets(office):
        start = policy.valid_from
        if start is None:
            continue
        dates = [office.source_date(source, national=False) for source in policy.rests_on]
        first = min((d for d in dates if d is not None), default=None)
        if first is not None and first > start:
            before = first - dt.timedelta(days=1)
            yield _issue(
                Severity.WARNING,
                f"{path}.valid_from",
                f"{policy_name(path, policy)} starts on {start}, but the first dated source it "
                f"rests on was published on {first}: answers from {start} to {before} rest on "
                "no dated source and say so",
                "cite a source published by its first day, if one exists",
            )


def _whole(run: Callable[[OfficeConfig], Iterable[Issue]]) -> Callable[[Part], Iterator[Issue]]:
    def on(part: Part) -> Iterator[Issue]:
        yield from run(part["office"])

    return on


# id, the most severe issue it reports, the conformance check that shows it, the check.
for _id, _severity, _kit, _run in (
    ("whatsapp-printed", Severity.INFO, "whatsapp", _whatsapp),
    ("hours-plausible", Severity.ERROR, "hours", _hours),
    ("policies-claims", Severity.ERROR, "policies", _policies),
    ("fulfilment-originals", Severity.ERROR, "fulfilment", _fulfilment),
    ("addresses-known", Severity.WARNING, "addresses", _addresses),
    ("presence-placed", Severity.ERROR, "presence", _presence),
    ("policy-dated-later", Severity.WARNING, "sources", _dated_later),
):
    check(_id, _severity, Scope.PUBLISHING, _kit, "office")(_whole(_run))
