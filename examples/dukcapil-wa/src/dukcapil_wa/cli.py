"""The ``dukcapil-wa`` command: deployment steps that are not web requests.

- ``dukcapil-wa migrate`` brings the database's schema to the newest revision (the service
  does so itself at start unless ``DUKCAPIL_WA_MIGRATE_ON_START=false``).
- ``dukcapil-wa create-officer USERNAME --office 35.14 --role supervisor`` makes an account
  (the first supervisor, typically); the password is asked twice on a terminal, or read from
  the first line of standard input.
- ``dukcapil-wa send`` runs the outbox's sender until SIGTERM or Ctrl-C (``--once``: send what
  is due now, then stop). It needs ``DUKCAPIL_WA_PHONE_NUMBER_ID`` and
  ``DUKCAPIL_WA_ACCESS_TOKEN``; run one or several, anywhere that reaches the database.

- ``dukcapil-wa purge-files`` deletes the files citizens sent that are older than
  ``DUKCAPIL_WA_MEDIA_RETENTION_DAYS`` (UU 27/2022: personal data is kept no longer than its
  purpose needs, and destroyed when its retention period ends); run it daily (a cron job or a
  systemd timer).

Every subcommand reads ``DUKCAPIL_WA_DATABASE_URL`` (and only what it needs besides).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from dukcapil_wa.accounts import AccountError, create_officer
from dukcapil_wa.auth import ROLES
from dukcapil_wa.db import NotMigrated, make_engine, make_sessions, migrate, ready
from dukcapil_wa.media import MediaStore, purge
from dukcapil_wa.sender import Sender
from dukcapil_wa.settings import (
    DatabaseSettings,
    MediaSettings,
    MissingSetting,
    SenderSettings,
    load,
)

__all__ = ["main"]


def _password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        raise AccountError("password: the two entries differ")
    return first


def _create_officer(args: argparse.Namespace) -> int:
    settings = load(DatabaseSettings)
    engine = make_engine(settings.database_url)
    try:
        ready(engine, settings.migrate_on_start)
        with make_sessions(engine).begin() as session:
            officer = create_officer(
                session, args.username, _password(), args.office, args.role, datetime.now(UTC)
            )
            made = f"{officer.username} ({officer.role}, office {officer.office})"
    finally:
        engine.dispose()
    print(f"created officer {made}")
    return 0


def _now() -> datetime:
    return datetime.now(UTC)


def _send(args: argparse.Namespace) -> int:
    settings = load(SenderSettings)
    logging.basicConfig(level=logging.INFO)
    engine = make_engine(settings.database_url)
    ready(engine, settings.migrate_on_start)
    sender = Sender(settings, make_sessions(engine), _now)
    try:
        if args.once:
            done = sender.run_once(limit=1000)
            print(f"sent {done.sent}, to retry {done.retried}, failed {done.failed}")
            return 0
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        sender.run(stop)
    finally:
        sender.client.close()
        engine.dispose()
    return 0


def _purge_files(_args: argparse.Namespace) -> int:
    settings = load(MediaSettings)
    engine = make_engine(settings.database_url)
    try:
        ready(engine, settings.migrate_on_start)
        purged = purge(
            make_sessions(engine),
            MediaStore(settings.media_dir),
            _now(),
            timedelta(days=settings.media_retention_days),
        )
    finally:
        engine.dispose()
    print(f"deleted {purged} files older than {settings.media_retention_days:g} days")
    return 0


def _migrate(_args: argparse.Namespace) -> int:
    settings = load(DatabaseSettings)
    engine = make_engine(settings.database_url)
    try:
        print(f"database at revision {migrate(engine)}")
    finally:
        engine.dispose()
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line's grammar."""
    top = argparse.ArgumentParser(prog="dukcapil-wa", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the schema up to date").set_defaults(run=_migrate)
    create = commands.add_parser("create-officer", help="make an officer account")
    create.add_argument("username")
    create.add_argument("--office", required=True, help="the office's code or slug (35.14)")
    create.add_argument("--role", choices=ROLES, default="officer")
    create.set_defaults(run=_create_officer)
    send = commands.add_parser("send", help="send the outbox to the WhatsApp Cloud API")
    send.add_argument("--once", action="store_true", help="send what is due now, then stop")
    send.set_defaults(run=_send)
    purge_files = commands.add_parser(
        "purge-files", help="delete citizens' files past DUKCAPIL_WA_MEDIA_RETENTION_DAYS"
    )
    purge_files.set_defaults(run=_purge_files)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; 0 on success, 2 with a message on stderr otherwise."""
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except (AccountError, MissingSetting, NotMigrated) as err:
        print(f"dukcapil-wa: {err}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
