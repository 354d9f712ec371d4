"""The office checks as pytest items; registered by ``pytest_plugin`` for ``--adminduk-office``.

Each office file given becomes a collector with one item per conformance check (``loads``,
then :data:`~adminduk.testing.CHECKS`) and one per property test of ``advise``
(``_properties.PROPERTIES``). Errors fail their item; warnings and infos pass and are listed
in a terminal section at the end ("adminduk office findings"), and in each item's
``user_properties`` (so they reach a JUnit XML report).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr

    from adminduk.offices import OfficeConfig
    from adminduk.testing._conformance import Finding

__all__ = ["OfficeChecks", "OfficeFile", "OfficeNotConformant"]

_FINDINGS = pytest.StashKey[list[tuple[str, "Finding"]]]()


def _has_hypothesis() -> bool:
    return importlib.util.find_spec("hypothesis") is not None


class OfficeNotConformant(Exception):
    """A check found errors in the office file; the item fails with each of them."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        super().__init__("\n".join(str(finding) for finding in self.findings))


class OfficeChecks:
    """The plugin object: one :class:`OfficeFile` per ``--adminduk-office`` path."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.paths = [Path(path) for path in config.getoption("adminduk_office")]
        config.stash[_FINDINGS] = []

    @pytest.hookimpl(tryfirst=True)  # before -k / -m deselection, so they apply to these too
    def pytest_collection_modifyitems(
        self, session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        """Put the office items first, in the order the files were given."""
        added: list[pytest.Item] = []
        for path in self.paths:
            resolved = (config.invocation_params.dir / path).resolve()
            # A file outside the rootdir is named as it was given on the command line.
            nodeid = None if resolved.is_relative_to(config.rootpath) else path.as_posix()
            node = OfficeFile.from_parent(session, path=resolved, nodeid=nodeid)
            # genitems reports the collection, so pytest counts (and -k selects) these items.
            added.extend(item for item in session.genitems(node) if isinstance(item, pytest.Item))
        items[:0] = added

    def pytest_report_header(self, config: pytest.Config) -> list[str]:
        """Name the office files being checked."""
        return [f"adminduk office: {path}" for path in self.paths]

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """List the warnings (and, with ``-v``, the infos) the checks found."""
        reported = self.config.stash[_FINDINGS]
        if not reported:
            return
        from adminduk.testing._conformance import Severity

        verbose = self.config.get_verbosity() > 0
        shown = [(n, f) for n, f in reported if verbose or f.severity is not Severity.INFO]
        hidden = len(reported) - len(shown)
        terminalreporter.section("adminduk office findings")
        for nodeid, finding in shown:
            terminalreporter.line(f"{nodeid}: {finding}")
        if hidden:
            terminalreporter.line(f"{hidden} info finding(s) not shown; run with -v to see them")


class OfficeFile(pytest.File):
    """An office file: its checks and property tests as items."""

    def collect(self) -> Iterator[pytest.Item]:
        """The ``loads`` item, one item per check, one per property."""
        from adminduk.testing._conformance import CHECKS
        from adminduk.testing._properties import PROPERTIES

        yield LoadItem.from_parent(self, name="loads")
        for check in CHECKS:
            yield CheckItem.from_parent(self, name=f"check[{check.id}]", check_id=check.id)
        for prop in PROPERTIES:
            yield PropertyItem.from_parent(self, name=f"property[{prop.id}]", property_id=prop.id)

    @cached_property
    def loaded(self) -> OfficeConfig | list[Finding]:
        """The office, or the load findings when the file does not load."""
        from adminduk.errors import ConfigError
        from adminduk.offices import load_office
        from adminduk.testing._conformance import load_findings

        try:
            return load_office(self.path)
        except ConfigError as err:
            return load_findings(err)

    def office(self) -> OfficeConfig:
        """The office; skips the calling item when the file does not load."""
        loaded = self.loaded
        if isinstance(loaded, list):
            pytest.skip(f"{self.path.name} does not load (see {self.nodeid}::loads)")
        return loaded


class _OfficeItem(pytest.Item):
    parent: OfficeFile

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"adminduk office {self.name}"

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | TerminalRepr:
        if isinstance(excinfo.value, OfficeNotConformant):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style="short")

    def _record(self, findings: Iterable[Finding]) -> None:
        errors = []
        for finding in findings:
            self.user_properties.append((f"adminduk-{finding.severity.value}", str(finding)))
            if finding.is_error:
                errors.append(finding)
            else:
                self.config.stash[_FINDINGS].append((self.nodeid, finding))
        if errors:
            raise OfficeNotConformant(errors)


class LoadItem(_OfficeItem):
    """The file reads and validates: every problem of it, at once."""

    def runtest(self) -> None:
        """Fail with every load problem."""
        loaded = self.parent.loaded
        if isinstance(loaded, list):
            self._record(loaded)


class CheckItem(_OfficeItem):
    """One conformance check over the office."""

    def __init__(self, *, check_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.check_id = check_id

    def runtest(self) -> None:
        """Run the check; its errors fail the item, the rest are reported."""
        from adminduk.testing._conformance import check_office

        self._record(check_office(self.parent.office(), checks=[self.check_id]))


class PropertyItem(_OfficeItem):
    """A property test of ``advise`` over the office (needs hypothesis)."""

    def __init__(self, *, property_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.property_id = property_id

    def runtest(self) -> None:
        """Run the property with hypothesis; a counterexample fails the item."""
        office = self.parent.office()
        if not _has_hypothesis():
            pytest.skip("hypothesis is not installed: pip install 'adminduk[test]'")
        from adminduk.testing._properties import PROPERTIES

        examples = self.config.getoption("adminduk_examples")
        prop = next(p for p in PROPERTIES if p.id == self.property_id)
        prop.run(office, examples)
