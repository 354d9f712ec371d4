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

``--rounds N`` measures both setups N times, one after the other. ``--baseline DIR`` measures
the service of another checkout of this repository too (``git worktree add DIR main``) in every
round, next to this one's (first every other round), on the same server, each on a fresh
database, so that the two meet the same load of the machine: on a shared machine the figures
move by a factor of two from one minute to the next. Each row gives the load average at its
start, and the CPU time spent per message by the service's processes (uvicorn and its workers)
and by the PostgreSQL server's (where it runs on this machine), which depends much less than
the rate on what else the machine is doing.

    .venv/bin/python examples/dukcapil-wa/benchmarks/load_webhook.py [--rounds 3] [--baseline DIR]
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
from typing import Any

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


_TICKS = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, float]]:
    """Every process's parent and CPU seconds so far (user and system), from ``/proc``."""
    found: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICKS)
    return found


def _cpu_of(root: int | None, processes: dict[int, tuple[int, float]]) -> float:
    """CPU seconds of ``root`` and its children (uvicorn's workers, PostgreSQL's backends)."""
    if root is None:
        return 0.0
    return sum(cpu for pid, (parent, cpu) in processes.items() if root in (pid, parent))


def _postmaster(url: str) -> int | None:
    """The PostgreSQL server's process where it runs here and its folder is readable."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            folder = conn.execute(text("SHOW data_directory")).scalar_one()
        return int((Path(folder) / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError):
        return None
    finally:
        engine.dispose()


@dataclass
class Result:
    round: int
    code: str
    database: str
    workers: int
    load: float
    messages: int
    seconds: float
    p50: float
    p95: float
    service_cpu: float
    database_cpu: float | None
    errors: int
    requests: int
    replies: int

    HEADER = (
        "| run (load) | code | database | workers | messages | seconds | messages/s | p50 ms "
        "| p95 ms | service CPU ms | PostgreSQL CPU ms | errors | requests | replies |\n"
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )

    def row(self) -> str:
        per_message = 1000 / self.messages
        database = "—" if self.database_cpu is None else f"{self.database_cpu * per_message:.2f}"
        return (
            f"| {self.round} ({self.load:.1f}) | {self.code} | {self.database} | {self.workers} | "
            f"{self.messages} | {self.seconds:.2f} | {self.messages / self.seconds:.0f} | "
            f"{self.p50 * 1000:.1f} | {self.p95 * 1000:.1f} | "
            f"{self.service_cpu * per_message:.2f} | {database} | {self.errors} | "
            f"{self.requests} | {self.replies} |"
        )


@dataclass(frozen=True)
class Code:
    """Which service to measure: this checkout's, or another's (its ``src`` put first)."""

    name: str
    source: Path | None = None
    h11: bool = False  # uvicorn's pure-Python parser and loop, as without httptools and uvloop

    def env(self) -> dict[str, str]:
        if self.source is None:
            return {}
        return {"PYTHONPATH": str(self.source / "examples" / "dukcapil-wa" / "src")}


def measure(code: Code, round_: int, database: str, url: str, workers: int, args: Any) -> Result:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUKCAPIL_WA_")}
    env |= code.env()
    # Migrated once, before the workers start, by the measured code's own migrations.
    migrate = "from dukcapil_wa.db import make_engine, migrate; import sys; "
    migrate += "migrate(make_engine(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", migrate, url], env=env, check=True)
    port = free_port()
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
            *(("--http", "h11", "--loop", "asyncio") if code.h11 else ()),
        ],
        env=env,
    )
    load = os.getloadavg()[0]
    try:
        wait_for(port)
        time.sleep(1.0 if workers > 1 else 0.2)  # every worker up, not only the first
        clients = args.clients
        shares = [range(i, args.citizens, clients) for i in range(clients)]
        latencies: list[float] = []
        errors: list[int] = []
        threads = [
            threading.Thread(target=client, args=(port, share, latencies, errors))
            for share in shares
        ]
        postmaster = _postmaster(url) if url.startswith("postgresql") else None
        before = _processes()
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        after = _processes()
    finally:
        server.terminate()
        server.wait(timeout=30)
    engine = create_engine(url)
    with engine.connect() as conn:  # every dialogue must have left its request
        stored = conn.execute(text("SELECT count(*) FROM requests")).scalar_one()
        queued = conn.execute(text("SELECT count(*) FROM outbox")).scalar_one()
    engine.dispose()
    quantiles = statistics.quantiles(latencies, n=100)
    return Result(
        round_,
        code.name,
        database,
        workers,
        load,
        len(latencies),
        elapsed,
        quantiles[49],
        quantiles[94],
        _cpu_of(server.pid, after) - _cpu_of(server.pid, before),
        None if postmaster is None else _cpu_of(postmaster, after) - _cpu_of(postmaster, before),
        len(errors),
        stored,
        queued,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=500)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=1, help="measure every setup N times")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one setup only")
    parser.add_argument("--postgres-url", help="a server to use instead of a throwaway one")
    parser.add_argument("--baseline", type=Path, help="another checkout, measured alike")
    parser.add_argument(
        "--baseline-h11",
        action="store_true",
        help="run the baseline on h11 and asyncio (its dependencies had no httptools, uvloop)",
    )
    args = parser.parse_args()
    codes = [Code("this")]
    if args.baseline:
        codes.append(Code("baseline", args.baseline.resolve(), h11=args.baseline_h11))
    print(Result.HEADER, flush=True)
    with contextlib.ExitStack() as stack:
        server_url = ""
        if args.only in (None, "postgresql"):
            server_url = args.postgres_url or stack.enter_context(throwaway_postgres())
        for round_ in range(1, args.rounds + 1):
            # Every other round the baseline goes first: neither always meets the same minute.
            ordered = codes if round_ % 2 else codes[::-1]
            for code in ordered:
                if args.only in (None, "sqlite"):
                    folder = Path(tempfile.mkdtemp(prefix="wa-load-sqlite."))
                    try:
                        url = f"sqlite:///{folder / 'load.db'}"
                        print(measure(code, round_, "SQLite", url, 1, args).row(), flush=True)
                    finally:
                        shutil.rmtree(folder, ignore_errors=True)
            for code in ordered:
                if server_url:
                    with fresh_database(server_url) as url:
                        result = measure(code, round_, "PostgreSQL", url, 2, args)
                        print(result.row(), flush=True)


if __name__ == "__main__":
    main()
