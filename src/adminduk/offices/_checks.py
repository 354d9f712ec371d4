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

from collections.abc import Iterable, Iterator, Mapping
from typing import Final

from adminduk.errors import ConfigProblem
from adminduk.offices import (
    _checks_office,
    _checks_parts,
    _checks_publish,
    _checks_rules,
    _checks_standards,
)
from adminduk.offices._check_base import (
    ORDINARY_ID,
    REGISTERED,
    CrossCheck,
    Issue,
    Part,
    Scope,
    Severity,
    bilingual_pair,
    fields_of,
)
from adminduk.offices._checks_office import source_refs

__all__ = [
    "CROSS_CHECKS",
    "ORDINARY_ID",
    "CrossCheck",
    "Issue",
    "Scope",
    "Severity",
    "bilingual_pair",
    "cross_checks",
    "fields_of",
    "load_problems",
    "office_issues",
    "source_refs",
]

# The modules of checks register theirs when imported, in this order.
_MODULES: Final = (
    _checks_parts,
    _checks_rules,
    _checks_standards,
    _checks_office,
    _checks_publish,
)

CROSS_CHECKS: Final[tuple[CrossCheck, ...]] = tuple(REGISTERED)
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
    """Every part of an office with its path in the file and the scopes that apply to it.

    A validated office is first a whole (scope ``publishing``), then its parts; an office
    given as a mapping, or built without validation, only its parts.
    """
    # A validated office (its rules resolved into policies), not a mapping of a file's fields.
    if not isinstance(office, Mapping) and hasattr(office, "ordinary_policy"):
        yield "", (Scope.PUBLISHING,), {"office": office}
    fields = fields_of(office)
    yield "", (Scope.OFFICE,), fields
    rule_sets: list[tuple[str, tuple[Scope, ...], object]] = []
    if fields.get("ordinary") is not None:
        rule_sets.append(("ordinary", (Scope.RULES,), fields["ordinary"]))
    for index, policy in enumerate(fields.get("policies", ())):
        rule_sets.append((f"policies[{index}]", (Scope.RULES, Scope.POLICY), policy))
    for index, standard in enumerate(fields.get("standards", ())):
        standard_fields = fields_of(standard)
        yield f"standards[{index}]", (Scope.STANDARD,), standard_fields
        for number, entry in enumerate(standard_fields.get("services", ())):
            yield (
                f"standards[{index}].services[{number}]",
                (Scope.STANDARD_ENTRY,),
                fields_of(entry),
            )
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
        >>> [c.id for c, _, i in office_issues(get_office("35.14")) if c.severity_of(i) == "error"]
        []
    """
    for path, scopes, part in _parts(office):
        for scope in scopes:
            for check in cross_checks(scope):
                for issue in check.issues(part):
                    yield check, path, issue
