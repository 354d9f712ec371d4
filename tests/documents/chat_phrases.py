"""The labelled chat sets, for the tests and benchmarks/bench_bot.py.

- chat_phrases.tsv: a service code (or "-" for off-topic text) and a text, one a line;
- chat_messages.tsv: text, kind and services (comma-separated, most relevant first), the blind
  sets of issue 28 folded in after their scores were recorded (benchmarks/chat_blind_scores.md).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

LABELLED = Path(__file__).with_name("chat_phrases.tsv")
MESSAGES = Path(__file__).with_name("chat_messages.tsv")


def labelled() -> list[tuple[str | None, str]]:
    """(service code, text) per phrase; the code is None for off-topic text."""
    rows = []
    for line in LABELLED.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, text = line.split("\t")
            rows.append((None if code == "-" else code, text))
    return rows


@dataclass(frozen=True)
class Message:
    """A labelled chat message: its text, its kind and the services it names."""

    text: str
    kind: str
    services: tuple[str, ...]


def read_messages(path: Path) -> list[Message]:
    """The rows of a ``text<TAB>kind<TAB>services`` file (lines starting with # skipped)."""
    lines = [
        line for line in path.read_text("utf-8").splitlines() if line and not line.startswith("#")
    ]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [
        Message(row["text"], row["kind"], tuple(c for c in row["services"].split(",") if c))
        for row in reader
    ]


def messages() -> list[Message]:
    """chat_messages.tsv."""
    return read_messages(MESSAGES)


def phrases_as_messages() -> list[Message]:
    """chat_phrases.tsv read as messages: a service row is kind "service", "-" is "unknown"."""
    return [
        Message(text, "unknown", ()) if code is None else Message(text, "service", (code,))
        for code, text in labelled()
    ]
