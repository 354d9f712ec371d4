"""The ``adminduk`` command.

Examples:
    >>> from adminduk.cli import main
    >>> main(["services"])  # doctest: +ELLIPSIS
    code                        biometric  deadline  name
    ktp-el/baru                 yes        -         Penerbitan KTP-el baru ...
    ...
    0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from adminduk.errors import AdmindukError

__all__ = ["main"]


def _cmd_services(args: argparse.Namespace, out: TextIO) -> int:
    from adminduk.documents import catalogue

    lang = args.lang
    rows = [("code", "biometric", "deadline", "name")]
    for entry in catalogue():
        deadline = f"{entry.deadline.days} d" if entry.deadline else "-"
        biometric = "yes" if entry.biometric_in_person else "no"
        rows.append((entry.code, biometric, deadline, entry.name(lang)))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        out.write("  ".join([*cells, row[3]]) + "\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="adminduk",
        description="Service rules of Indonesian civil-registry offices (Dinas Dukcapil).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    services = commands.add_parser("services", help="list the national service catalogue")
    services.add_argument("--lang", choices=("id", "en"), default="id", help="language of names")
    services.set_defaults(handler=_cmd_services)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command with ``argv`` (default: the process arguments); return the exit code.

    Errors from the library are printed to stderr as one line, never as a traceback.

    Examples:
        >>> main(["services", "--lang", "en"])  # doctest: +ELLIPSIS
        code  ...  name
        ktp-el/baru  ...  First KTP-el issuance (includes biometric recording)
        ...
        0
    """
    stream = sys.stdout if out is None else out
    parser = _parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv) or ["services"])
    try:
        return int(args.handler(args, stream))
    except AdmindukError as err:
        first_line = str(err).splitlines()[0] if str(err) else type(err).__name__
        sys.stderr.write(f"adminduk: error: {first_line}\n")
        return 2
