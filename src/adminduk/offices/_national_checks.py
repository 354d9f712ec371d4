"""The national law file through the checks of an office file: its sources and standards.

The national law (``adminduk/_law/national.toml``) is one dated, cited document with a
``[sources]`` table, like an office file, and goes through the same checks of the registry
(:mod:`adminduk.offices._checks`): every citation resolves, every source is cited and can be
followed, its standards give their times or why not. Its other sections are validated by their
readers' models. The national measures refuse to load on an ``error``
(:func:`adminduk.offices.national_rules`); the conformance kit shows every finding
(:func:`adminduk.testing.check_national`).
"""

from __future__ import annotations

from collections.abc import Iterator

from adminduk.errors import ConfigProblem
from adminduk.offices._checks import CrossCheck, Issue, Scope, Severity, _parts, cross_checks

__all__ = ["national_issues", "national_problems"]


def national_issues() -> Iterator[tuple[CrossCheck, str, Issue]]:
    """Every issue of the national law file: (the check, the part's path, the issue).

    The checks are those an office file's sources and standards go through. The file is one
    document with a ``[sources]`` table, like an office file: every citation must resolve, every
    source be cited and be findable, and its standards pass the standards' checks. Its other
    sections are validated by their readers' models.

    Examples:
        >>> [c.id for c, _, i in national_issues() if c.severity_of(i) == "error"]
        []
    """
    from adminduk._law import national_law
    from adminduk.offices._service_standard import national_standards

    law = national_law()
    document = {"sources": law.sources, **law.sections}
    for check in cross_checks(Scope.OFFICE):
        if check.kit == "sources":
            for issue in check.issues(document):
                yield check, "", issue
    office_like = {"standards": national_standards().standards}
    for path, scopes, part in _parts(office_like):
        if Scope.OFFICE in scopes:
            continue  # the document's own checks ran above
        for scope in scopes:
            for check in cross_checks(scope):
                for issue in check.issues(part):
                    yield check, path, issue


def national_problems() -> list[ConfigProblem]:
    """The problems that refuse the national law file: its ``error`` issues, with their paths.

    Examples:
        >>> national_problems()
        []
    """
    return [
        issue.problem(path)
        for check, path, issue in national_issues()
        if check.severity_of(issue) is Severity.ERROR
    ]
