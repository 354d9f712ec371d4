"""Webhook throughput: SQLite on one uvicorn worker, PostgreSQL on two; prints one table.

A bounded local load test. For each setup it starts the service with the README's command
(``uvicorn --factory``, configured only by ``DUKCAPIL_WA_*`` variables, signature check on) on a
loopback port, then sends a fixed number of signed WhatsApp notifications from a few client
threads, each thread playing its own citizens through the registration (need, "daftar", the
applicant's name, the NIK). Nothing leaves the machine.

- SQLite: a file in a temporary folder (WAL, full sync), one worker.
- PostgreSQL: a throwaway cluster started here with Debian's ``postgresql`` (``initdb`` and
  ``pg_ctl``, as the ``postgres`` user when run as root, default durability: fsync on), on a
  loopback port, removed afterwards; or ``--postgres-url`` for a server of your own (a
  database ``dukcapil_wa_load`` is made in it and dropped). Two workers.

    .venv/bin/python examples/dukcapil-wa/benchmarks/load_webhook.py [--citizens 500]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import hmac
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DIALOGUE = ("kk nambah anak", "daftar", "Siti Aminah", "3514014501900001")
# Kabupaten Pasuruan took KK changes over WhatsApp then (source A1), so "daftar" registers.
AT = datetime(2020, 3, 24, 10, 0, tzinfo=timezone(timedelta(hours=7)))
APP_SECRET = "rahasia-beban-0123456789abcdef"  # a throwaway secret of this run only
HERE = Path(__file__).resolve().parent


def app_factory() -> FastAPI:
    """The service as ``from_env`` makes it, with the clock held at ``AT`` (see DIALOGUE)."""
    from dukcapil_wa import Settings, create_app
    from dukcapil_wa.settings import load

    return create_app(load(Settings), lambda: AT)


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


def notification(wa_id: str, message_id: str, body: str) -> bytes:
    message = {"id": message_id, "from": wa_id, "type": "text", "text": {"body": body}}
    value = {"messaging_product": "whatsapp", "messages": [message]}
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(payload).encode()


def client(port: int, citizens: range, latencies: list[float], errors: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for citizen in citizens:
        wa_id = f"62812{citizen:08d}"
        for step, text_ in enumerate(DIALOGUE):
            body = notification(wa_id, f"wamid.{citizen}.{step}", text_)
            headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
            start = time.perf_counter()
            conn.request("POST", "/webhook", body, headers)
            response = conn.getresponse()
            response.read()
            latencies.append(time.perf_counter() - start)
            if response.status != 200:
                errors.append(response.status)
    conn.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL cluster in a temporary folder on a loopback port, default durability."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not versions:
        raise SystemExit("no PostgreSQL: apt-get install postgresql, or give --postgres-url")
    bin_dir = versions[-1].parent
    folder = Path(tempfile.mkdtemp(prefix="wa-load-pg."))
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = folder / "data"
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    subprocess.run([*as_postgres, *initdb], stdout=subprocess.DEVNULL, check=True)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=50"
    pg_ctl = [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log")]
    subprocess.run([*pg_ctl, "-w", "-o", options, "start"], stdout=subprocess.DEVNULL, check=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "stop"], stdout=subprocess.DEVNULL, check=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(server_url: str, name: str = "dukcapil_wa_load") -> Iterator[str]:
    """A new database ``name`` on the server, dropped afterwards."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(server_url).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@dataclass
class Result:
    database: str
    workers: int
    clients: int
    messages: int
    seconds: float
    p50: float
    p95: float
    errors: int
    requests: int
    replies: int

    def row(self) -> str:
        return (
            f"| {self.database} | {self.workers} | {self.clients} | {self.messages} | "
            f"{self.seconds:.2f} | {self.messages / self.seconds:.0f} | {self.p50 * 1000:.1f} | "
            f"{self.p95 * 1000:.1f} | {self.errors} | {self.requests} | {self.replies} |"
        )


def measure(database: str, url: str, workers: int, citizens: int, clients: int) -> Result:
    from dukcapil_wa.db import make_engine, migrate

    engine = make_engine(url)
    migrate(engine)  # once, before the workers start
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUKCAPIL_WA_")}
    env |= {
        "DUKCAPIL_WA_DATABASE_URL": url,
        "DUKCAPIL_WA_OFFICE": "35.14",
        "DUKCAPIL_WA_APP_SECRET": APP_SECRET,
        "DUKCAPIL_WA_VERIFY_TOKEN": "tidak-dipakai-dalam-uji-beban",
        "DUKCAPIL_WA_SESSION_SECRET": "tidak-dipakai-dalam-uji-beban-0123456789",
        "DUKCAPIL_WA_MIGRATE_ON_START": "false",
    }
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "uvicorn", "--factory", "load_webhook:app_factory"),
            *("--app-dir", str(HERE), "--host", "127.0.0.1", "--port", str(port)),
            *("--workers", str(workers), "--no-access-log", "--log-level", "warning"),
        ],
        env=env,
    )
    try:
        wait_for(port)
        time.sleep(1.0 if workers > 1 else 0.2)  # every worker up, not only the first
        shares = [range(i, citizens, clients) for i in range(clients)]
        latencies: list[float] = []
        errors: list[int] = []
        threads = [
            threading.Thread(target=client, args=(port, share, latencies, errors))
            for share in shares
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)
    with engine.connect() as conn:  # every dialogue must have left its request
        stored = conn.execute(text("SELECT count(*) FROM requests")).scalar_one()
        queued = conn.execute(text("SELECT count(*) FROM outbox")).scalar_one()
    engine.dispose()
    quantiles = statistics.quantiles(latencies, n=100)
    return Result(
        database,
        workers,
        clients,
        len(latencies),
        elapsed,
        quantiles[49],
        quantiles[94],
        len(errors),
        stored,
        queued,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=500)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one setup only")
    parser.add_argument("--postgres-url", help="a server to use instead of a throwaway one")
    args = parser.parse_args()
    results: list[Result] = []
    if args.only in (None, "sqlite"):
        folder = Path(tempfile.mkdtemp(prefix="wa-load-sqlite."))
        try:
            url = f"sqlite:///{folder / 'load.db'}"
            results.append(measure("SQLite", url, 1, args.citizens, args.clients))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.only in (None, "postgresql"):
        server = (
            contextlib.nullcontext(args.postgres_url)
            if args.postgres_url
            else throwaway_postgres()
        )
        with server as server_url, fresh_database(server_url) as url:
            results.append(measure("PostgreSQL", url, 2, args.citizens, args.clients))
    columns = "database workers clients messages seconds messages/s p50-ms p95-ms errors"
    print("| " + " | ".join([*columns.split(), "requests", "replies"]) + " |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for result in results:
        print(result.row())


if __name__ == "__main__":
    main()
