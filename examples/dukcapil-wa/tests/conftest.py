"""Fixtures: a bot for one office, and one that asks which office."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from chat import Bot, make_bot

# argon2's defaults take a fifth of a second a check, as they should; the tests log in a hundred
# times, so they use the same algorithm with the smallest costs (auth.py's doctests keep the
# defaults).
_CHEAP = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dukcapil_wa.auth._HASHER", _CHEAP)


@pytest.fixture
def bot(tmp_path: Path) -> Iterator[Bot]:
    made = make_bot(tmp_path)
    yield made
    made.app.state.engine.dispose()


@pytest.fixture
def asking_bot(tmp_path: Path) -> Iterator[Bot]:
    """A deployment for no single office: it asks the citizen which."""
    made = make_bot(tmp_path, office="")
    yield made
    made.app.state.engine.dispose()
