"""Where a webhook message's time goes: the checks before the database, then the answer itself.

In one process, no HTTP: (1) the checks every POST passes before anything is written (the
signature over the raw body, the JSON limits, the payload's model), timed per message; (2) the
answer (``Inbox.answer``: the dialogue through adminduk and the database writes, one
transaction per message) under cProfile, its own time grouped by where it is spent. The same
dialogue as ``load_webhook.py``. SQLite on disk (full sync), and PostgreSQL where
``--postgres-url`` names a server (a database ``dukcapil_wa_profile`` is made and dropped).

    .venv/bin/python examples/dukcapil-wa/benchmarks/profile_webhook.py [--postgres-url URL]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from load_webhook import APP_SECRET, AT, DIALOGUE, fresh_database, notification, sign
from pydantic import SecretStr

GROUPS = (
    ("psycopg", "database driver and server (psycopg, waiting included)"),
    ("sqlite3", "database driver and disk (sqlite3, fsync included)"),
    ("{method 'commit'", "database driver and disk (sqlite3, fsync included)"),
    ("{method 'execute'", "database driver and disk (sqlite3, fsync included)"),
    ("sqlalchemy", "SQLAlchemy (ORM, SQL compilation)"),
    ("adminduk", "adminduk (find_services, advise, to_message, submit)"),
    ("pydantic", "pydantic"),
    ("dukcapil_wa", "the service's own code"),
)


def group_of(where: str) -> str:
    for needle, name in GROUPS:
        if needle in where:
            return name
    return "other (standard library, json, …)"


def checks_per_message(count: int) -> float:
    """Seconds per message for the signature, JSON limits and payload model."""
    from dukcapil_wa.security import parse_json, signature_problem
    from dukcapil_wa.whatsapp import WebhookPayload, incoming_messages

    bodies = [notification(f"62812{i:08d}", f"w{i}", DIALOGUE[i % 4]) for i in range(count)]
    headers = [sign(body) for body in bodies]
    start = time.perf_counter()
    for body, header in zip(bodies, headers, strict=True):
        assert signature_problem(APP_SECRET.encode(), body, header) is None
        incoming_messages(WebhookPayload.model_validate(parse_json(body)))
    return (time.perf_counter() - start) / count


def profile_answers(url: str, citizens: int) -> tuple[float, float, dict[str, float]]:
    """Seconds per message answered (wall clock, and this process's CPU time: the database
    server's is not in it), and the profile's own time per group, as shares."""
    from dukcapil_wa import Settings, create_app
    from dukcapil_wa.whatsapp import IncomingText

    settings = Settings(
        database_url=url,
        office="35.14",
        app_secret=SecretStr(APP_SECRET),
        verify_token=SecretStr("tidak-dipakai-dalam-profil"),
        session_secret=SecretStr("tidak-dipakai-dalam-profil-0123456789"),
    )
    app = create_app(settings, lambda: AT)
    inbox = app.state.services.inbox

    def talk(first: int) -> None:
        for citizen in range(first, first + citizens):
            for step, body in enumerate(DIALOGUE):
                wa_id = f"62812{citizen:08d}"
                inbox.answer(IncomingText(message_id=f"p{citizen}.{step}", wa_id=wa_id, body=body))

    talk(10_000)  # warm: caches, prepared statements
    start, cpu = time.perf_counter(), time.process_time()
    talk(20_000)
    count = citizens * len(DIALOGUE)
    plain = (time.perf_counter() - start) / count
    own = (time.process_time() - cpu) / count
    profile = cProfile.Profile()
    profile.enable()
    talk(30_000)
    profile.disable()
    app.state.engine.dispose()
    groups: dict[str, float] = defaultdict(float)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    for (filename, _line, name), (_cc, _nc, spent, _cum, _callers) in stats.items():
        groups[group_of(f"{filename} {name}")] += spent
    total = sum(groups.values())
    return plain, own, {name: spent / total for name, spent in groups.items()}


def report(name: str, url: str, citizens: int) -> None:
    per_message, cpu, shares = profile_answers(url, citizens)
    print(
        f"\n{name}: answering takes {per_message * 1000:.2f} ms a message (one at a time), "
        f"{cpu * 1000:.2f} ms of this process's CPU"
    )
    for group, share in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"  {share * 100:5.1f} %  {group}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=100)
    parser.add_argument("--postgres-url", help="a PostgreSQL server to profile on too")
    args = parser.parse_args()
    checks = checks_per_message(2000)
    print(f"checks before the database: {checks * 1000:.3f} ms a message")
    folder = Path(tempfile.mkdtemp(prefix="wa-profile."))
    try:
        report("SQLite", f"sqlite:///{folder / 'profile.db'}", args.citizens)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.postgres_url:
        with fresh_database(args.postgres_url, "dukcapil_wa_profile") as url:
            report("PostgreSQL", url, args.citizens)


if __name__ == "__main__":
    main()
