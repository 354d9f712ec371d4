"""The pytest plugin: ``pytest --adminduk-office=office.toml`` checks an office file.

pytest loads this module (entry point ``pytest11`` / ``adminduk``) in **every** run on a machine
where adminduk is installed, so it stays tiny: it adds the options and, only when
``--adminduk-office`` is given, registers the real plugin (``adminduk.testing._plugin``). It
imports neither hypothesis nor pydantic, and does nothing otherwise.

Coverage note: entry-point plugins are imported before pytest-cov starts measuring, so the
top-level lines of this module (and of the packages above it) would show as missed; the test
suite re-runs them under coverage (``tests/testing/test_plugin.py``).

Examples:
    >>> from adminduk.testing import pytest_plugin
    >>> callable(pytest_plugin.pytest_addoption)
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

__all__ = ["pytest_addoption", "pytest_configure"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--adminduk-office`` and ``--adminduk-examples`` to pytest's options."""
    group = parser.getgroup("adminduk", "adminduk office conformance")
    group.addoption(
        "--adminduk-office",
        action="append",
        default=[],
        metavar="PATH",
        help="check this adminduk office file (TOML or JSON): the conformance findings and "
        "property tests of advise() become test items. May be given more than once.",
    )
    group.addoption(
        "--adminduk-examples",
        type=int,
        default=None,
        metavar="N",
        help="hypothesis examples per office property test (default: the active profile's).",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the office checks when ``--adminduk-office`` is given; otherwise do nothing."""
    if config.getoption("adminduk_office", default=None):
        from adminduk.testing._plugin import OfficeChecks

        config.pluginmanager.register(OfficeChecks(config), "adminduk-office-checks")
