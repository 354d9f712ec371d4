"""The labelled chat messages with personal data (tests/data/pii), and how redact scores.

Used by tests/identity/test_redact_set.py and benchmarks/bench_redact.py. A span is masked when
its text is gone from the output, and (for numbers) its digits in order; a false positive is a
change ``redact`` made that no span covers.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

SET = Path(__file__).resolve().parents[1] / "data" / "pii" / "pii_messages.tsv"

Span = tuple[str, str, int, int]  # kind, text, start, end


def load(path: Path = SET) -> list[tuple[str, list[Span]]]:
    """The messages and their spans, each located in its message."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        text, spans_json = line.split("\t")
        spans: list[Span] = []
        for span in json.loads(spans_json):
            start = text.index(span["text"])
            spans.append((span["kind"], span["text"], start, start + len(span["text"])))
        rows.append((text, spans))
    return rows


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def masked(span: Span, output: str) -> bool:
    """Whether the span's value cannot be read in ``output``."""
    kind, text, _, _ = span
    if text in output:
        return False
    if kind in ("nik", "kk", "phone"):
        digits = _digits(text).removeprefix("62").removeprefix("0")
        return digits not in _digits(output)
    return True


def false_positives(text: str, spans: list[Span], output: str) -> list[str]:
    """The pieces of ``text`` that ``redact`` changed although no span covers them."""
    found = []
    matcher = difflib.SequenceMatcher(None, text, output, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "equal":
            continue
        if not any(start <= i1 < end or start < i2 <= end or i1 <= start < i2
                   for _, _, start, end in spans):  # fmt: skip
            found.append(text[max(0, i1 - 10) : i2 + 10])
    return found


def score(
    redact: Callable[[str], str], rows: list[tuple[str, list[Span]]]
) -> tuple[Counter[str], Counter[str], list[str], list[str]]:
    """Spans per kind, spans masked per kind, missed spans, false positives."""
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    missed: list[str] = []
    wrong: list[str] = []
    for text, spans in rows:
        output = redact(text)
        for span in spans:
            total[span[0]] += 1
            if masked(span, output):
                hit[span[0]] += 1
            else:
                missed.append(f"{span[0]}: {span[1]!r}")
        wrong += false_positives(text, spans, output)
    return total, hit, missed, wrong
