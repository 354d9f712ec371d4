"""Fixtures: a bot for one office, and one that asks which office."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chat import Bot, make_bot


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
