"""The parts of a cross-field check: its severity, scope, issues and the registry of checks.

The checks themselves are in ``_checks_parts`` (channels and rule parts), ``_checks_rules``
(the rules and dated policies), ``_checks_standards`` (published standards), ``_checks_office``
(the office and its sources) and ``_checks_publish`` (a whole validated office, before it is
published); ``_checks`` gathers them and runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from adminduk.errors import ConfigProblem
from adminduk.offices._types import ORDINARY_ID, Scope, expand_pattern

__all__ = [
    "CITABLE",
    "ORDINARY_ID",
    "REGISTERED",
    "CrossCheck",
    "Issue",
    "Part",
    "Scope",
    "Severity",
    "bilingual_pair",
    "check",
    "dates_in_order",
    "expand",
    "fields_of",
    "kind_name",
]

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


@dataclass(frozen=True, slots=True)
class Issue:
    """What a check found: where (relative to the part), what, the value, and what to do.

    ``severity`` is the check's own unless the issue names one: a check of a whole office
    (scope ``publishing``) may find an error in one place and a warning in another.
    """

    path: str
    message: str
    value: object = _NO_VALUE
    hint: str = ""
    severity: Severity | None = None

    def problem(self, prefix: str = "") -> ConfigProblem:
        """The issue as a ``ConfigProblem``, its path under ``prefix``."""
        from adminduk._core.validation import join_path, show_value

        shown = None if self.value is _NO_VALUE else show_value(self.value)
        return ConfigProblem(join_path(prefix, self.path), self.message, shown)

    def text(self) -> str:
        """The message with the value, as the conformance kit shows it."""
        if self.value is _NO_VALUE:
            return self.message
        from adminduk._core.validation import show_value

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

    def severity_of(self, issue: Issue) -> Severity:
        """How much ``issue`` weighs: its own severity, else the check's."""
        return issue.severity or self.severity

    def issues(self, part: Part) -> Iterator[Issue]:
        """The check's issues in ``part``; none when a field it needs did not validate."""
        if all(name in part for name in self.needs):
            yield from self.run(part)


REGISTERED: list[CrossCheck] = []


def check(
    id: str, severity: Severity, scope: Scope, kit: str, *needs: str
) -> Callable[[Callable[[Part], Iterable[Issue]]], Callable[[Part], Iterable[Issue]]]:
    def register(run: Callable[[Part], Iterable[Issue]]) -> Callable[[Part], Iterable[Issue]]:
        REGISTERED.append(CrossCheck(id, severity, scope, kit, needs, run))
        return run

    return register


def dates_in_order(part: Part) -> Iterator[Issue]:
    """``valid_until`` on or after ``valid_from``, where a dated part has both.

    The parts: a policy, a standard, a checklist change, a channel.
    """
    start, end = part.get("valid_from"), part.get("valid_until")
    if start is not None and end is not None and end < start:
        yield Issue(
            "valid_until",
            f"ends before it starts (valid_from is {start}); valid_until is the last day in "
            "force, on or after valid_from",
            end,
        )


def fields_of(item: object) -> Part:
    """The field values of a part: a model's fields, a mapping as it is, else nothing."""
    if isinstance(item, Mapping):
        return item
    values = getattr(item, "__dict__", None)
    return values if isinstance(values, Mapping) else {}


def expand(patterns: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(expand_pattern(p) for p in patterns))


def kind_name(value: object) -> str:
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
