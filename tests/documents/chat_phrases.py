"""The labelled chat phrases (chat_phrases.tsv), for the tests and benchmarks/bench_bot.py."""

from __future__ import annotations

from pathlib import Path

LABELLED = Path(__file__).with_name("chat_phrases.tsv")


def labelled() -> list[tuple[str | None, str]]:
    """(service code, text) per phrase; the code is None for off-topic text."""
    rows = []
    for line in LABELLED.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, text = line.split("\t")
            rows.append((None if code == "-" else code, text))
    return rows
