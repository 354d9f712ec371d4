"""Test-wide settings: hypothesis profiles, shared by tests/, docstrings and docs/ doctests."""

import os

from hypothesis import HealthCheck, settings

# `ci`: derandomized so a red build is reproducible from the log; enough examples to matter;
# no deadline, because a loaded 2-core CI machine makes per-example timing meaningless.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI", "").lower() == "true" else "dev")
)
