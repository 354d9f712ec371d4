"""How many examples a property test draws when it needs fewer than the profile gives.

The hypothesis profiles (``conftest.py``) set the count for the suite: ``ci`` 200, derandomized,
``dev`` 60. A property whose invariant another test also holds, or whose examples are costly,
takes :func:`at_most` with a comment saying why; it never draws more than the profile would, so
the quick ``dev`` runs stay quick.

>>> at_most(10).max_examples <= 10
True
"""

from __future__ import annotations

from typing import Any

from hypothesis import settings


def at_most(count: int, **options: Any) -> settings:
    """The loaded profile's settings with at most ``count`` examples, and any other ``options``."""
    return settings(max_examples=min(count, settings.default.max_examples), **options)
