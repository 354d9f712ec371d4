"""Test-wide settings: hypothesis profiles, shared by tests/, docstrings and docs/ doctests."""

import doctest
import os

from hypothesis import HealthCheck, settings

from adminduk._core.public import defined_in

# `ci`: derandomized so a red build is reproducible from the log; no deadline, because a loaded
# 2-core CI machine makes per-example timing meaningless. Derandomized, CI draws the same
# examples on every run, so more of them widen one fixed sample and find nothing new run after
# run: 100 each (the gate's time budget, issue 26). New inputs come from the dev profile, random
# on every run, and the fuzz campaign (fuzz/campaign.py); a test that needs more says so.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() == "true" else "dev")
)

# Public classes carry their package's __module__ (adminduk.offices.Channel); their examples
# are still collected from the private module that defines them, methods included.
_from_module = doctest.DocTestFinder._from_module


def _from_home_module(self: doctest.DocTestFinder, module: object, obj: object) -> bool:
    home = defined_in(obj)
    if home is not None:
        return getattr(module, "__name__", None) == home
    return _from_module(self, module, obj)  # type: ignore[no-any-return]


doctest.DocTestFinder._from_module = _from_home_module  # type: ignore[method-assign]
