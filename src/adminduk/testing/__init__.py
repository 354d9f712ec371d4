"""Tools for testers and for regency IT staff: conformance checks, strategies, a pytest plugin.

- :func:`check_office` runs the conformance checks an office's IT staff run before publishing
  its file, and returns :class:`Finding` values (severity, path, message, hint).
- :mod:`adminduk.testing.strategies` holds hypothesis strategies that generate valid domain
  values: services, NIKs, instants biased towards an office's edges, whole random offices and
  lifecycle event sequences (it needs ``hypothesis``).
- :func:`check_advice` checks what holds for every advice, whatever the office, and raises
  :class:`PropertyFailed` with the counterexample (explicitly: ``python -O`` keeps it).
- :mod:`adminduk.testing.pytest_plugin` makes ``pytest --adminduk-office=office.toml`` report
  the findings as test results, with property tests of ``advise`` over the office.

Importing this package is cheap: the pytest plugin imports it in every pytest run on a machine
where adminduk is installed, so the names below load on first use.

Examples:
    >>> from adminduk.testing import check_office
    >>> from adminduk import get_office
    >>> [finding for finding in check_office(get_office("52.71")) if finding.is_error]
    []
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adminduk._core import lazy as _lazy

if TYPE_CHECKING:
    from adminduk.testing._conformance import (
        CHECKS,
        Check,
        Finding,
        Severity,
        check_office,
        load_findings,
    )
    from adminduk.testing._properties import PropertyFailed, check_advice

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "CHECKS",
    "Check",
    "Finding",
    "PropertyFailed",
    "Severity",
    "check_advice",
    "check_office",
    "load_findings",
]
_LAZY = {
    "CHECKS": "adminduk.testing._conformance",
    "Check": "adminduk.testing._conformance",
    "Finding": "adminduk.testing._conformance",
    "PropertyFailed": "adminduk.testing._properties",
    "Severity": "adminduk.testing._conformance",
    "check_advice": "adminduk.testing._properties",
    "check_office": "adminduk.testing._conformance",
    "load_findings": "adminduk.testing._conformance",
}
# -- end of the public names --


__getattr__, __dir__ = _lazy.attributes(__name__, _LAZY)
