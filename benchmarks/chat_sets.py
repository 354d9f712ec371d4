"""Scoring a matcher on labelled chat messages (``text<TAB>kind<TAB>services``).

Shared by bench_bot.py and the record of blind measurements (benchmarks/README-chat.md). A
row's ``services`` are comma-separated codes, most relevant first; non-service rows have none.

Measures:
- top-1: on kind=service rows, the first service found is one the row lists;
- kind: the kind found is the row's kind;
- all services: on kind=service rows, the services found are exactly the row's, as a set.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    text: str
    kind: str
    services: tuple[str, ...]


def read_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Row(r["text"], r["kind"].strip(), tuple(c for c in r["services"].split(",") if c))
            for r in reader
        ]


@dataclass(frozen=True)
class Scores:
    rows: int
    service_rows: int
    top1: float
    kind: float
    exact_sets: float


# A reader gives (kind, service codes ranked) for a text.
Reader = Callable[[str], tuple[str, Sequence[str]]]


def score(rows: Sequence[Row], read: Reader) -> Scores:
    service_rows = [r for r in rows if r.kind == "service"]
    results = {r.text: read(r.text) for r in rows}
    top1 = sum(
        bool(results[r.text][1]) and results[r.text][1][0] in r.services for r in service_rows
    )
    exact = sum(set(results[r.text][1]) == set(r.services) for r in service_rows)
    kind = sum(results[r.text][0] == r.kind for r in rows)
    return Scores(
        len(rows),
        len(service_rows),
        top1 / max(len(service_rows), 1),
        kind / max(len(rows), 1),
        exact / max(len(service_rows), 1),
    )
