"""Fixtures: a bot for one office and one that asks which, each on SQLite and on PostgreSQL.

Each test starts from an empty, migrated database: an SQLite file copied from one migrated once
per session, or one PostgreSQL database migrated once and truncated before each test. PostgreSQL is
the server at ``DUKCAPIL_WA_TEST_POSTGRES_URL`` (``.ci/run`` starts a throwaway one); without
it those tests are skipped, or fail where ``DUKCAPIL_WA_REQUIRE_POSTGRES`` is set.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from chat import Bot, make_bot
from dukcapil_wa.db import make_engine, migrate
from fake_graph import TOKEN, FakeGraph, fake_graph
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES = os.environ.get("DUKCAPIL_WA_TEST_POSTGRES_URL", "")
REQUIRE_POSTGRES = bool(os.environ.get("DUKCAPIL_WA_REQUIRE_POSTGRES"))
DATABASE = "dukcapil_wa_test"
TABLES = (
    "audit",
    "officers",
    "outbox",
    "request_events",
    "requests",
    "conversations",
    "inbound_messages",
)

# argon2's defaults take a fifth of a second a check, as they should; the tests log in a hundred
# times, so they use the same algorithm with the smallest costs (auth.py's doctests keep the
# defaults).
_CHEAP = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("dukcapil_wa.auth._HASHER", _CHEAP)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "wa.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A database of its own on the test server, migrated once."""
    if not POSTGRES:
        message = "no PostgreSQL: set DUKCAPIL_WA_TEST_POSTGRES_URL (.ci/run starts one)"
        if REQUIRE_POSTGRES:
            pytest.fail(message)
        pytest.skip(message)
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {DATABASE}"))
    url = make_url(POSTGRES).set(database=DATABASE).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database's URL: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        shutil.copy(template, tmp_path / "wa.db")
        return f"sqlite:///{tmp_path / 'wa.db'}"
    url: str = request.getfixturevalue("postgres_database")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def bot(database_url: str) -> Iterator[Bot]:
    made = make_bot(database_url, migrate_on_start=False)
    yield made
    made.app.state.engine.dispose()


@pytest.fixture
def asking_bot(database_url: str) -> Iterator[Bot]:
    """A deployment for no single office: it asks the citizen which."""
    made = make_bot(database_url, office="", migrate_on_start=False)
    yield made
    made.app.state.engine.dispose()


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    """A fake Graph API on 127.0.0.1 that serves the files citizens send."""
    with fake_graph() as served:
        yield served


@pytest.fixture
def filing_bot(database_url: str, graph: FakeGraph, tmp_path: Path) -> Iterator[Bot]:
    """A bot for Kabupaten Pasuruan that takes files, fetched from the fake Graph API.

    Files over 4 KiB are refused, so a test can send one too large without a large payload.
    """
    made = make_bot(
        database_url,
        migrate_on_start=False,
        access_token=TOKEN,
        graph_api_url=graph.url,
        media_dir=tmp_path / "berkas",
        media_max_bytes=4096,
    )
    yield made
    made.app.state.engine.dispose()
