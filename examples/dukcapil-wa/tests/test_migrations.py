"""The schema comes from Alembic's migrations, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from chat import make_bot, settings, sqlite_url
from dukcapil_wa.app import create_app
from dukcapil_wa.cli import main
from dukcapil_wa.db import Base, NotMigrated, _alembic, head, make_engine, migrate, revision
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from conftest import POSTGRES


def test_the_migrations_make_exactly_the_models_tables(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        assert revision(engine) == head()
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert differences == []
    finally:
        engine.dispose()


def test_a_first_release_database_is_stamped_and_upgraded_with_its_data(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    with engine.begin() as conn:  # what the first release's create_all left: no alembic_version
        command.upgrade(_alembic(conn), "0001")
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(
            text(
                'INSERT INTO outbox ("to", payload, created_at) '
                "VALUES ('6281359547691', '{}', '2026-01-01 00:00:00')"
            )
        )
    assert revision(engine) is None
    assert migrate(engine) == head()
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT status, attempts, error FROM outbox")).all()
    assert [tuple(row) for row in rows] == [("pending", 0, None)]  # the sender will send it
    assert {"officers", "audit"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_the_newest_revision_goes_down_and_up_again(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    migrate(engine)
    with engine.begin() as conn:
        command.downgrade(_alembic(conn), "0001")
    assert revision(engine) == "0001"
    assert "officers" not in inspect(engine).get_table_names()
    assert migrate(engine) == head()
    engine.dispose()


def test_an_old_schema_stops_the_start_where_migrating_is_off(tmp_path: Path) -> None:
    with pytest.raises(NotMigrated, match="run `dukcapil-wa migrate`"):
        create_app(settings(sqlite_url(tmp_path), migrate_on_start=False))
    bot = make_bot(sqlite_url(tmp_path))  # the default: migrate at start
    assert bot.client.get("/officer/login").status_code == 200
    bot.app.state.engine.dispose()


def test_dukcapil_wa_migrate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DUKCAPIL_WA_DATABASE_URL", sqlite_url(tmp_path))
    assert main(["migrate"]) == 0
    assert capsys.readouterr().out == f"database at revision {head()}\n"
    assert main(["migrate"]) == 0


@pytest.mark.skipif(not POSTGRES, reason="no PostgreSQL: DUKCAPIL_WA_TEST_POSTGRES_URL unset")
def test_workers_starting_together_on_postgresql_migrate_once() -> None:
    name = f"wa_migrate_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    url = make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    engines = [make_engine(url) for _ in range(3)]
    start = threading.Barrier(3, timeout=30)
    results: list[str] = []

    def worker(index: int) -> None:
        start.wait()
        results.append(migrate(engines[index]))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert results == [head()] * 3
    finally:
        for engine in engines:
            engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
