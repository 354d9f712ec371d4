"""The office conformance kit: the checks a regency's IT staff run before publishing a file.

Loading an office file already refuses what is malformed (a bad zone, overlapping policies, a
landline as a WhatsApp number, an unknown source key …), each problem with its path. These
checks go further, over a file that loads: whether every service has a way in under every
policy, whether the hours are plausible, whether every fact can be traced to its source,
whether pick-up and the checking of originals fit together. They re-check the loader's rules
too, so a configuration built in code without validation gets the same scrutiny.

Each check is a plain function from an :class:`~adminduk.offices.OfficeConfig` to findings;
:data:`CHECKS` lists them in the order a reviewer reads them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any, Final

from adminduk._core.arguments import instance, texts
from adminduk._core.public import publish
from adminduk._core.redact import is_text, plain
from adminduk.documents import catalogue
from adminduk.errors import AdmindukError, ConfigError
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    ChannelKind,
    InPersonStance,
    OfficeConfig,
    PickupPlace,
    Policy,
    load_office,
    validate_office,
)
from adminduk.offices._checks import Severity, office_issues
from adminduk.schedule import SUPPORTED_FROM, SUPPORTED_UNTIL, WeeklyHours
from adminduk.triage import Outcome, decide

__all__ = ["CHECKS", "Check", "Finding", "Severity", "check_office"]

_DAY_NAMES: Final = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
# Plausible counter hours. A Dukcapil counter outside 06:00-21:00, or open more than 12 hours
# in a day, is far more often a typo ("18:00" for "08:00") than a fact.
_EARLIEST: Final = 6 * 60
_LATEST: Final = 21 * 60
_LONGEST_DAY: Final = 12 * 60
_ROUTED: Final = frozenset({Outcome.ONLINE, Outcome.IN_PERSON})


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a conformance check found in an office configuration.

    Attributes:
        severity: ``error``, ``warning`` or ``info``.
        path: where in the office file, e.g. ``policies[0].channels[1].address``; ``""`` for
            the file as a whole.
        message: what was found, naming the values involved.
        hint: what to do about it.
        check: the id of the check that found it (see :data:`CHECKS`).

    Examples:
        >>> finding = Finding(Severity.WARNING, "address", "the street address is unknown",
        ...                   "give address and address_source", check="addresses")
        >>> print(finding)
        warning: address: the street address is unknown (hint: give address and address_source)
        >>> finding.is_error
        False
    """

    severity: Severity
    path: str
    message: str
    hint: str = ""
    check: str = ""

    @property
    def is_error(self) -> bool:
        """Whether the finding is an error (the file should not be published as it is)."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = self.path or "<file>"
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.severity.value}: {where}: {self.message}{hint}"


@dataclass(frozen=True, slots=True)
class Check:
    """One conformance check: an id, what it checks, and the function that does it.

    Examples:
        >>> [check.id for check in CHECKS][:3]
        ['routes', 'whatsapp', 'timezone']
    """

    id: str
    title: str
    run: Callable[[OfficeConfig], Iterable[Finding]]


# --------------------------------------------------------------------------- helpers
def _rule_sets(office: OfficeConfig) -> Iterator[tuple[str, Policy]]:
    """The ordinary rules and every dated policy, each with its path in the file."""
    yield "ordinary", office.ordinary_policy
    for index, policy in enumerate(office.policies):
        yield f"policies[{index}]", policy


def _compact(codes: Iterable[str]) -> str:
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


def _finding(check: str) -> Callable[..., Finding]:
    def make(severity: Severity, path: str, message: str, hint: str = "") -> Finding:
        return Finding(severity, path, message, hint, check)

    return make


def _policy_name(path: str, policy: Policy) -> str:
    return "the ordinary rules" if policy.is_ordinary else f"policy {policy.id!r}"


def _people(policy: Policy) -> list[tuple[str, ...]]:
    """Someone with no urgent need, and someone with each need the policy could accept.

    Needs the policy does not accept count as none (triage), so offering every built-in and
    policy reason covers the national list that example-only lists admit.
    """
    reasons = sorted({*policy.urgency_reasons, *BUILTIN_URGENCY_REASONS})
    return [(), *((reason,) for reason in reasons)]


# --------------------------------------------------------------------------- routes
def _routes(office: OfficeConfig) -> Iterator[Finding]:
    """Every catalogue service has a route in every policy, or is declared not offered."""
    make = _finding("routes")
    for path, policy in _rule_sets(office):
        people = _people(policy)
        unrouted: list[str] = []
        without_whatsapp: list[str] = []
        for service in catalogue().services:
            # Who gets a route: (urgent?, has WhatsApp?) for each kind of person.
            reached = {
                (bool(reasons), has_whatsapp)
                for reasons in people
                for has_whatsapp in (True, False)
                if decide(policy, service, reasons, has_whatsapp).outcome in _ROUTED
            }
            if not reached:
                if policy.suspension_for(service) is None:
                    unrouted.append(service.code)
            elif (False, True) in reached and (False, False) not in reached:
                without_whatsapp.append(service.code)
        where = _policy_name(path, policy)
        if unrouted:
            yield make(
                Severity.ERROR,
                path,
                f"under {where} nobody can apply for {_compact(unrouted)}: no channel a citizen "
                "can follow (an address, or how_to_find_id/how_to_find_en) takes it, the "
                "counter does not serve it, and it is not declared suspended",
                "give it a channel with an address or how to find it, let the counter serve it "
                "(in_person, urgency_reasons), or declare it not offered under [[suspended]] "
                "with mode 'defer' or 'refuse'",
            )
        if without_whatsapp:
            yield make(
                Severity.WARNING,
                path,
                f"under {where} people without WhatsApp have no route to "
                f"{_compact(without_whatsapp)} unless their need is urgent",
                "if the counter still serves people without WhatsApp, say so with "
                "walk_ins_without_whatsapp = true (and cite the source)",
            )


# --------------------------------------------------------------------------- whatsapp
def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _whatsapp(office: OfficeConfig) -> Iterator[Finding]:
    """WhatsApp numbers are Indonesian mobile numbers; unknown ones are said to be unknown."""
    from adminduk.identity import normalize_whatsapp

    make = _finding("whatsapp")
    for path, policy in _rule_sets(office):
        for index, channel in enumerate(policy.channels):
            if channel.kind is not ChannelKind.WHATSAPP:
                continue
            where = f"{path}.channels[{index}]"
            if channel.address is None:
                yield make(
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
                yield make(
                    Severity.INFO,
                    f"{where}.address",
                    f"the source prints {printed!r}; it is read as {normal}",
                    "check the reading against the source before publishing",
                )


# --------------------------------------------------------------------------- hours
def _hours_problems(
    hours: WeeklyHours, path: str, make: Callable[..., Finding], *, must_open: bool
) -> Iterator[Finding]:
    if must_open and hours.weekly_total() <= dt.timedelta(0):
        yield make(
            Severity.ERROR,
            path,
            "the hours open on no day of the week, yet the counter is not closed",
            "give the opening hours, or set in_person = 'closed'",
        )
    for weekday, name in enumerate(_DAY_NAMES):
        ranges = hours.day(weekday)
        for index, time_range in enumerate(ranges):
            if time_range.end <= time_range.start:
                yield make(
                    Severity.ERROR,
                    f"{path}.{name}[{index}]",
                    f"{time_range} is empty: it closes when it opens",
                    "write the interval as opens-closes, e.g. '08:00-15:00'",
                )
            elif time_range.start < _EARLIEST or time_range.end > _LATEST:
                yield make(
                    Severity.WARNING,
                    f"{path}.{name}[{index}]",
                    f"{time_range} opens before 06:00 or closes after 21:00",
                    "check for a typo, e.g. '18:00' written for '08:00'",
                )
        for before, after in itertools.pairwise(ranges):
            if after.start < before.end:
                yield make(
                    Severity.ERROR,
                    f"{path}.{name}",
                    f"the intervals {before} and {after} overlap",
                    "write each day's intervals in order, without overlap",
                )
        total = sum(r.end - r.start for r in ranges)
        if total > _LONGEST_DAY:
            yield make(
                Severity.WARNING,
                f"{path}.{name}",
                f"the counter would be open {total // 60}h{total % 60:02d} on {name}",
                "check the hours; a day longer than 12 hours is usually a typo",
            )


def _dated_overlaps(
    spans: list[tuple[str, dt.date, dt.date]], make: Callable[..., Finding], what: str
) -> Iterator[Finding]:
    ordered = sorted(spans, key=lambda span: span[1])
    for (path_a, start_a, end_a), (path_b, start_b, _) in itertools.pairwise(ordered):
        if start_b <= end_a:
            yield make(
                Severity.WARNING,
                path_b,
                f"overlaps {path_a} ({start_a} to {end_a})",
                f"make the {what} follow one another, or merge them",
            )


def _outside(start: dt.date | None, end: dt.date | None) -> bool:
    return (start is not None and start < SUPPORTED_FROM) or (
        end is not None and end > SUPPORTED_UNTIL
    )


def _hours(office: OfficeConfig) -> Iterator[Finding]:
    """Hours are sane: no day that never opens, no overlap, nothing implausible."""
    make = _finding("hours")
    if office.hours is None:
        yield make(
            Severity.WARNING,
            "hours",
            "no opening hours: the calendar uses the national government working hours, and "
            "every answer that rests on them says they are a default",
            "give the office's published hours with hours_source, once a source has them",
        )
    else:
        must_open = office.ordinary_policy.in_person is not InPersonStance.CLOSED
        yield from _hours_problems(office.hours, "hours", make, must_open=must_open)
    for path, policy in _rule_sets(office):
        if policy.hours is not None:
            must_open = policy.in_person is not InPersonStance.CLOSED
            yield from _hours_problems(policy.hours, f"{path}.hours", make, must_open=must_open)
    for index, override in enumerate(office.hours_overrides):
        path = f"hours_overrides[{index}]"
        if override.hours.weekly_total() <= dt.timedelta(0):
            yield make(
                Severity.WARNING,
                f"{path}.hours",
                f"the override closes the office on every day from {override.start} to "
                f"{override.end}",
                "record a closure under [[closures]] instead",
            )
        else:
            yield from _hours_problems(override.hours, f"{path}.hours", make, must_open=False)
    yield from _dated_overlaps(
        [(f"hours_overrides[{i}]", o.start, o.end) for i, o in enumerate(office.hours_overrides)],
        make,
        "overrides",
    )
    yield from _dated_overlaps(
        [(f"closures[{i}]", c.start, c.end) for i, c in enumerate(office.closures)],
        make,
        "closures",
    )
    dated = [
        *((f"closures[{i}]", c.start, c.end) for i, c in enumerate(office.closures)),
        *((f"hours_overrides[{i}]", o.start, o.end) for i, o in enumerate(office.hours_overrides)),
        *((f"extra_openings[{i}]", e.date, e.date) for i, e in enumerate(office.extra_openings)),
    ]
    for path, start, end in dated:
        if _outside(start, end):
            yield make(
                Severity.WARNING,
                path,
                f"lies outside the years the calendar answers for ({SUPPORTED_FROM} to "
                f"{SUPPORTED_UNTIL}); those days are ignored",
                "check the year",
            )
    for index, opening in enumerate(office.extra_openings):
        for r_index, time_range in enumerate(opening.hours):
            if time_range.start < _EARLIEST or time_range.end > _LATEST:
                yield make(
                    Severity.WARNING,
                    f"extra_openings[{index}].hours[{r_index}]",
                    f"{time_range} opens before 06:00 or closes after 21:00",
                    "check for a typo",
                )


# --------------------------------------------------------------------------- policies
def _policies(office: OfficeConfig) -> Iterator[Finding]:
    """Policies do not overlap, lie in the calendar's years, and can do what they claim."""
    make = _finding("policies")
    if office.ordinary is None:
        yield make(
            Severity.INFO,
            "ordinary",
            "no [ordinary] table: outside its dated policies the office is taken to serve "
            "every service of the catalogue at an open counter (adminduk's default)",
            "add an [ordinary] table with its source if the office's usual rules are known",
        )
    for index, policy in enumerate(office.policies):
        if policy.valid_from is not None and _outside(policy.valid_from, policy.valid_until):
            yield make(
                Severity.WARNING,
                f"policies[{index}]",
                f"{policy.id} runs outside the years the calendar answers for "
                f"({SUPPORTED_FROM} to {SUPPORTED_UNTIL})",
                "check the dates",
            )
    for path, policy in _rule_sets(office):
        yield from _counter_stance(path, policy, make)
    used = {reason for _, policy in _rule_sets(office) for reason in policy.urgency_reasons}
    for index, reason in enumerate(office.urgency_reasons):
        if reason.code not in used:
            yield make(
                Severity.WARNING,
                f"urgency_reasons[{index}]",
                f"the urgency reason {reason.code!r} is defined but no policy accepts it",
                "name it in a policy's urgency_reasons, or remove it",
            )
    if office.replaces is not None:
        yield make(
            Severity.INFO,
            "replaces",
            f"this file replaces the office registered under {office.replaces}",
            "make sure that is intended: the built-in data for that code is set aside",
        )


def _counter_stance(path: str, policy: Policy, make: Callable[..., Finding]) -> Iterator[Finding]:
    """What a policy says about its counter fits together: who it serves, and what it keeps."""
    where = _policy_name(path, policy)
    counter = policy.counter
    # With a closed counter, urgency reasons still matter where the non-urgent are asked
    # to wait (the urgent may go ahead online); otherwise they change nothing.
    if (
        policy.in_person is InPersonStance.CLOSED
        and policy.urgency_reasons
        and not policy.non_urgent_asked_to_wait
    ):
        yield make(
            Severity.WARNING,
            f"{path}.urgency_reasons",
            f"{where} names urgency reasons, but its counter is closed to everyone",
            "set in_person = 'urgent-only' if urgent needs are still served",
        )
    if policy.in_person is not InPersonStance.CLOSED and counter is None:
        yield make(
            Severity.ERROR,
            f"{path}.channels",
            f"{where} serves people in person ({policy.in_person.value}) but has no "
            "counter channel",
            "list a channel of kind 'counter', or set in_person = 'closed'",
        )
    for index, suspension in enumerate(policy.suspended):
        if suspension.urgent_exempt and policy.in_person is InPersonStance.CLOSED:
            yield make(
                Severity.WARNING,
                f"{path}.suspended[{index}].urgent_exempt",
                f"urgent cases are exempt from the suspension, but under {where} the "
                "counter is closed to everyone",
                "set in_person = 'urgent-only', or drop urgent_exempt",
            )
    for index, rule in enumerate(policy.counter_only):
        if counter is None or policy.in_person is InPersonStance.CLOSED:
            yield make(
                Severity.WARNING,
                f"{path}.counter_only[{index}]",
                f"{_compact(_codes(rule.services))} can only be done at the counter, "
                f"which is closed under {where}",
                "declare the services suspended instead, so citizens are told to wait",
            )


def _codes(patterns: Iterable[str]) -> list[str]:
    """The service codes that patterns (``*``, ``document/*`` or codes) cover."""
    cat = catalogue()
    codes: set[str] = set()
    for pattern in patterns:
        services = cat.services if pattern == "*" else cat.expand(pattern)
        codes.update(service.code for service in services)
    return sorted(codes)


# --------------------------------------------------------------------------- fulfilment
_STAFFED: Final = frozenset({PickupPlace.DINAS, PickupPlace.KECAMATAN, PickupPlace.VILLAGE_OFFICE})


def _fulfilment(office: OfficeConfig) -> Iterator[Finding]:
    """Pick-up fits the rest: originals are checked only where someone hands documents over."""
    make = _finding("fulfilment")
    for path, policy in _rule_sets(office):
        where = _policy_name(path, policy)
        offered = {
            service.code
            for service in catalogue().services
            if any(
                decide(policy, service, reasons, True).outcome in _ROUTED
                for reasons in _people(policy)
            )
        }
        for index, rule in enumerate(policy.fulfilment):
            at = f"{path}.fulfilment[{index}]"
            if rule.originals_checked and rule.pickup is PickupPlace.SELF_PRINT:
                yield make(
                    Severity.ERROR,
                    f"{at}.originals_checked",
                    "originals are checked at pick-up, but the citizen prints the document "
                    "(self-print): there is no counter pick-up at which to check them",
                    "set pickup to 'dinas', 'kecamatan' or 'village-office', or "
                    "originals_checked = false",
                )
            elif rule.originals_checked and rule.pickup is None:
                yield make(
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
                yield make(
                    Severity.ERROR,
                    f"{at}.originals_checked",
                    f"originals are checked at the Dinas counter, which is closed under {where}",
                    "pick up at the kecamatan or village office, or keep the counter open for "
                    "pick-up",
                )
            covered = _codes(rule.services)
            idle = [code for code in covered if code not in offered]
            if idle and len(idle) == len(covered):
                yield make(
                    Severity.WARNING,
                    f"{at}.services",
                    f"covers only services that {where} does not offer ({_compact(idle)})",
                    "remove the rule, or check the policy's channels",
                )


# --------------------------------------------------------------------------- addresses
def _addresses(office: OfficeConfig) -> Iterator[Finding]:
    """Addresses are known, or said to be unknown; URLs are written in full."""
    make = _finding("addresses")
    if office.address is None:
        yield make(
            Severity.WARNING,
            "address",
            "the office's street address is unknown: its counter channels show no place",
            "give address and address_source once a source has them",
        )
    for path, policy in _rule_sets(office):
        for index, channel in enumerate(policy.channels):
            where = f"{path}.channels[{index}].address"
            if channel.kind is ChannelKind.WHATSAPP:
                continue  # the whatsapp check covers numbers
            if channel.address is None:
                if channel.kind is ChannelKind.COUNTER and office.address is None:
                    continue  # reported once, above
                yield make(
                    Severity.WARNING,
                    where,
                    f"the address of {channel.label!r} ({channel.kind.value}) is unknown "
                    f"({channel.address_unknown_reason})",
                    "add it once a source gives it",
                )
            elif channel.kind in (ChannelKind.APP, ChannelKind.PORTAL):
                if not channel.address.startswith(("https://", "http://")):
                    yield make(
                        Severity.WARNING,
                        where,
                        f"{channel.address!r} is a bare host name; some apps will not make it "
                        "a link",
                        "write the URL in full (https://…) where the source confirms it",
                    )
                elif channel.address.startswith("http://"):
                    yield make(
                        Severity.WARNING,
                        where,
                        f"{channel.address!r} is not served over https; citizens send personal "
                        "data through it",
                        "use the https:// address if the site has one",
                    )


def _presence(office: OfficeConfig) -> Iterator[Finding]:
    """A service with an in-person step, taken remotely, says where and when the step happens."""
    make = _finding("presence")
    for path, policy in _rule_sets(office):
        for index, channel in enumerate(policy.channels):
            if not channel.kind.is_remote:
                continue
            for code in sorted(channel.service_codes):
                steps = catalogue()[code].in_person_steps
                declared = policy.in_person_step_for(code)
                missing = [s.code for s in steps if declared is None or declared.step != s.code]
                if missing and policy.counter_only_for(code) is None:
                    yield make(
                        Severity.ERROR,
                        f"{path}.channels[{index}].services",
                        f"{channel.kind.value} takes {code}, whose step {', '.join(missing)} "
                        f"needs the person present, and {_policy_name(path, policy)} does not "
                        "say where or when it happens",
                        "add [[policies.in_person_steps]] naming the step with its place and "
                        "time, or why the sources do not give them",
                    )


def _shared(kit: str) -> Callable[[OfficeConfig], Iterator[Finding]]:
    """The office checks (the loader's, written once) that this conformance check shows."""

    def run(office: OfficeConfig) -> Iterator[Finding]:
        for check, prefix, issue in office_issues(office):
            if check.kit == kit:
                path = issue.problem(prefix).path
                yield Finding(check.severity, path, issue.text(), issue.hint, kit)

    return run


def _both(
    local: Callable[[OfficeConfig], Iterable[Finding]], kit: str
) -> Callable[[OfficeConfig], Iterator[Finding]]:
    shared = _shared(kit)

    def run(office: OfficeConfig) -> Iterator[Finding]:
        yield from local(office)
        yield from shared(office)

    return run


CHECKS: Final[tuple[Check, ...]] = (
    Check(
        "routes", "every service has a route in every policy, or is declared not offered", _routes
    ),
    Check(
        "whatsapp",
        "WhatsApp numbers are Indonesian mobile numbers, or said to be unknown",
        _both(_whatsapp, "whatsapp"),
    ),
    Check(
        "timezone", "the time zone and province name fit the office's code", _shared("timezone")
    ),
    Check(
        "hours",
        "opening hours are sane: days that open, no overlap, plausible times",
        _both(_hours, "hours"),
    ),
    Check(
        "policies",
        "policies do not overlap and can do what they claim",
        _both(_policies, "policies"),
    ),
    Check("sources", "every fact has a source that a reader can find", _shared("sources")),
    Check(
        "fulfilment",
        "pick-up, delivery and the checking of originals fit together",
        _both(_fulfilment, "fulfilment"),
    ),
    Check(
        "addresses",
        "channel and office addresses are known, or said to be unknown",
        _both(_addresses, "addresses"),
    ),
    Check(
        "presence",
        "a step that needs the person present is placed, even where the service goes online",
        _both(_presence, "presence"),
    ),
    Check(
        "standards",
        "each published standard gives its completion times or why not, dates in order, "
        "complaint lines with their numbers",
        _shared("standards"),
    ),
)
"""The conformance checks, in the order a reviewer reads them."""


# --------------------------------------------------------------------------- entry point
OfficeSource = OfficeConfig | str | os.PathLike[str] | Traversable | Mapping[str, Any]


def _load(config: OfficeSource) -> OfficeConfig:
    if isinstance(config, OfficeConfig):
        return config
    if isinstance(config, str | os.PathLike | Traversable):
        return load_office(config)
    if isinstance(config, Mapping):
        return validate_office(config)
    raise ConfigError.single(
        "config",
        "expected an OfficeConfig, the path of an office file, or a mapping of its contents",
        type(config).__name__,
    )


def load_findings(error: ConfigError) -> list[Finding]:
    """The problems of a file that does not load, as error findings of the check ``loads``.

    Examples:
        >>> from adminduk.errors import ConfigProblem
        >>> err = ConfigError([ConfigProblem("timezone", "not an IANA time zone", "'WIB'")])
        >>> print(load_findings(err)[0])
        error: timezone: not an IANA time zone (got 'WIB') (hint: fix this so the file loads; the conformance checks run on a file that loads)
    """  # noqa: E501
    instance("error", error, ConfigError, "a ConfigError, e.g. from load_office")
    hint = "fix this so the file loads; the conformance checks run on a file that loads"
    return [
        Finding(
            Severity.ERROR,
            problem.path,
            problem.message + (f" (got {problem.value})" if problem.value is not None else ""),
            hint,
            "loads",
        )
        for problem in error.problems
    ]


def check_office(config: OfficeSource, *, checks: Iterable[str] | None = None) -> list[Finding]:
    """Run the conformance checks on an office: what its IT staff run before publishing.

    Args:
        config: an :class:`~adminduk.offices.OfficeConfig`, the path of an office file (TOML,
            or JSON when the name ends in ``.json``), or the file's contents as a mapping.
        checks: the ids of the checks to run (see :data:`CHECKS`); default all.

    Returns:
        Every finding, check by check in the order of :data:`CHECKS`. A file that does not
        load yields one error per problem (check ``loads``) and nothing else. No finding of
        severity ``error`` means the office conforms.

    Raises:
        ConfigError: ``config`` is none of the above, or ``checks`` names an unknown check.

    Examples:
        >>> import adminduk
        >>> from adminduk.testing import check_office
        >>> findings = check_office(adminduk.get_office("35.14"))
        >>> [f for f in findings if f.is_error]
        []
        >>> print(next(f for f in findings if f.check == "hours"))  # doctest: +ELLIPSIS
        warning: hours: no opening hours: the calendar uses the national government working ...
        >>> check_office({"code": "35.13"})[0].path
        'slug'
    """
    wanted = _selected(checks)
    try:
        office = _load(config)
    except ConfigError as err:
        if isinstance(config, OfficeConfig | str | os.PathLike | Traversable | Mapping):
            return load_findings(err)
        raise
    findings: list[Finding] = []
    for check in CHECKS:
        if check.id in wanted:
            findings.extend(check.run(office))
    return findings


def _selected(checks: Iterable[str] | None) -> frozenset[str]:
    known = [check.id for check in CHECKS]
    if checks is None:
        return frozenset(known)
    checks = plain(checks)
    chosen = [checks] if is_text(checks) else list(texts("checks", checks, "check ids"))
    unknown = [name for name in chosen if name not in known]
    if unknown:
        from adminduk._core.suggest import did_you_mean

        raise ConfigError.single(
            "checks",
            f"not a conformance check (valid: {', '.join(known)})"
            f"{did_you_mean(unknown[0], known)}",
            unknown[0],
        )
    return frozenset(chosen)


# Reprs, tracebacks and the docs show adminduk.testing.Finding, not this private module.
publish("adminduk.testing", __all__, globals())
