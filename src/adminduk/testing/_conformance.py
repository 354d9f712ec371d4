"""The office conformance kit: the checks a regency's IT staff run before publishing a file.

Loading an office file already refuses what is malformed (a bad zone, overlapping policies, a
landline as a WhatsApp number, an unknown source key …), each problem with its path. The kit
shows the same checks, from the one registry of ``adminduk.offices._checks`` (the loader runs
its ``error`` checks of each part; the kit runs them all, with the warnings and the checks of
a whole office before publishing: plausible hours, pick-up that fits the counter, addresses),
so a configuration built in code without validation gets the same scrutiny. On top, it runs
the decision over the office (``adminduk.triage``): whether every service has a way in under
every policy, and whether each pick-up rule covers a service someone is offered.

Each :class:`Check` is a function from an :class:`~adminduk.offices.OfficeConfig` to findings;
:data:`CHECKS` lists them in the order a reviewer reads them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any, Final

from adminduk._core.arguments import instance, texts
from adminduk._core.public import publish
from adminduk._core.redact import is_text, plain
from adminduk.documents import catalogue
from adminduk.errors import ConfigError
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    OfficeConfig,
    Policy,
    load_office,
    validate_office,
)
from adminduk.offices._checks import Severity, office_issues
from adminduk.offices._checks_publish import compact, policy_name, rule_sets, service_codes
from adminduk.triage import Outcome, decide

__all__ = ["CHECKS", "Check", "Finding", "Severity", "check_national", "check_office"]

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
def _finding(check: str) -> Callable[..., Finding]:
    def make(severity: Severity, path: str, message: str, hint: str = "") -> Finding:
        return Finding(severity, path, message, hint, check)

    return make


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
    for path, policy in rule_sets(office):
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
        where = policy_name(path, policy)
        if unrouted:
            yield make(
                Severity.ERROR,
                path,
                f"under {where} nobody can apply for {compact(unrouted)}: no channel a citizen "
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
                f"{compact(without_whatsapp)} unless their need is urgent",
                "if the counter still serves people without WhatsApp, say so with "
                "walk_ins_without_whatsapp = true (and cite the source)",
            )


# --------------------------------------------------------------------------- fulfilment
def _idle_fulfilment(office: OfficeConfig) -> Iterator[Finding]:
    """A pick-up rule covers some service the policy offers (by the decision) to someone."""
    make = _finding("fulfilment")
    for path, policy in rule_sets(office):
        offered = {
            service.code
            for service in catalogue().services
            if any(
                decide(policy, service, reasons, True).outcome in _ROUTED
                for reasons in _people(policy)
            )
        }
        for index, rule in enumerate(policy.fulfilment):
            covered = service_codes(rule.services)
            idle = [code for code in covered if code not in offered]
            if idle and len(idle) == len(covered):
                yield make(
                    Severity.WARNING,
                    f"{path}.fulfilment[{index}].services",
                    f"covers only services that {policy_name(path, policy)} does not offer "
                    f"({compact(idle)})",
                    "remove the rule, or check the policy's channels",
                )


def _shared(kit: str) -> Callable[[OfficeConfig], Iterator[Finding]]:
    """The office checks (the loader's, written once) that this conformance check shows."""

    def run(office: OfficeConfig) -> Iterator[Finding]:
        for check, prefix, issue in office_issues(office):
            if check.kit == kit:
                path = issue.problem(prefix).path
                yield Finding(check.severity_of(issue), path, issue.text(), issue.hint, kit)

    return run


def _then(
    *checks: Callable[[OfficeConfig], Iterable[Finding]],
) -> Callable[[OfficeConfig], Iterator[Finding]]:
    def run(office: OfficeConfig) -> Iterator[Finding]:
        for each in checks:
            yield from each(office)

    return run


CHECKS: Final[tuple[Check, ...]] = (
    Check(
        "routes", "every service has a route in every policy, or is declared not offered", _routes
    ),
    Check(
        "whatsapp",
        "WhatsApp numbers are Indonesian mobile numbers, or said to be unknown",
        _shared("whatsapp"),
    ),
    Check(
        "timezone", "the time zone and province name fit the office's code", _shared("timezone")
    ),
    Check(
        "hours",
        "opening hours are sane: days that open, no overlap, plausible times",
        _shared("hours"),
    ),
    Check(
        "policies",
        "policies do not overlap and can do what they claim",
        _shared("policies"),
    ),
    Check("sources", "every fact has a source that a reader can find", _shared("sources")),
    Check(
        "fulfilment",
        "pick-up, delivery and the checking of originals fit together",
        _then(_shared("fulfilment"), _idle_fulfilment),
    ),
    Check(
        "addresses",
        "channel and office addresses are known, or said to be unknown",
        _shared("addresses"),
    ),
    Check(
        "presence",
        "a step that needs the person present is placed, even where the service goes online",
        _shared("presence"),
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


def check_national() -> list[Finding]:
    """Run the checks of an office file's sources and standards on the national law file.

    The national law (``adminduk/_law/national.toml``: national sources, measures, standards,
    working hours) is one dated, cited file like an office file, and goes through the same
    checks: every citation resolves to a key of its ``[sources]``, every source is cited and
    can be followed, its standards give their times or why not. Its other sections are
    validated by their readers when first read.

    Returns:
        Every finding, as :func:`check_office` gives them (check ``sources`` or
        ``standards``); no ``error`` means the file conforms.

    Examples:
        >>> from adminduk.testing import check_national
        >>> [finding for finding in check_national() if finding.is_error]
        []
    """
    from adminduk.offices._national_checks import national_issues

    return [
        Finding(
            check.severity_of(issue), issue.problem(path).path, issue.text(), issue.hint, check.kit
        )
        for check, path, issue in national_issues()
    ]


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
