"""A test marked ``no_cover`` runs without a tracer under the gate's coverage, on every worker.

pytest-cov stops its tracer for such a test; on a pytest-xdist worker it had started a second one,
which went on tracing until tests/conftest.py stopped it too. Every untraced long test of the
suite (property tests, the every-answer grid, the RDF round trips) relies on it.
"""

from __future__ import annotations

import sys

import pytest


@pytest.mark.no_cover
def test_an_untraced_test_runs_without_a_tracer(request: pytest.FixtureRequest) -> None:
    measuring = request.config.pluginmanager.getplugin("_cov")
    if measuring is None or getattr(measuring, "cov_controller", None) is None:
        pytest.skip("pytest-cov is not measuring this run (no --cov)")
    assert sys.gettrace() is None


def test_a_traced_test_is_traced_when_coverage_measures(request: pytest.FixtureRequest) -> None:
    # The other side: stopping the tracer for one test does not leave the next one untraced.
    measuring = request.config.pluginmanager.getplugin("_cov")
    if measuring is None or getattr(measuring, "cov_controller", None) is None:
        pytest.skip("pytest-cov is not measuring this run (no --cov)")
    assert sys.gettrace() is not None
