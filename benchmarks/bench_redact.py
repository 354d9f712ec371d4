"""How well and how fast ``redact`` masks personal data in a labelled set of chat messages.

Run: python benchmarks/bench_redact.py [--number N] [--set PATH] [--module PATH]

The set (``tests/data/pii/pii_messages.tsv``, ``text<TAB>spans``) was written and labelled by
a separate session before ``redact`` was run on it (see ``tests/data/pii/README.md``). For each
kind of span (nik, kk, phone, email, birthdate) it prints how many are masked — the span's
text is gone from the output, and so are its digits in order — and how many changes ``redact``
made outside every span (false positives), then the time per message. ``--module`` measures
another implementation of ``redact`` (a file defining it), e.g. an older one, on the same set.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # the labelled set lives with the tests
from tests.identity.pii_messages import SET, load, score


def _redact_from(path: str | None) -> Callable[[str], str]:
    if path is None:
        from adminduk import redact

        return redact
    spec = importlib.util.spec_from_file_location("other_redact", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.redact  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=20)
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--module", default=None, help="a file defining redact(text)")
    args = parser.parse_args()
    redact = _redact_from(args.module)
    rows = load(args.set)
    total, hit, missed, wrong = score(redact, rows)
    print(f"{len(rows)} messages, {sum(1 for _, s in rows if not s)} without personal data")
    for kind in sorted(total):
        print(f"  {kind:10} {hit[kind]:3} of {total[kind]:3} masked")
    print(f"  all        {sum(hit.values()):3} of {sum(total.values()):3} masked")
    print(f"  false positives: {len(wrong)}")
    for item in missed:
        print(f"    missed {item}")
    for item in wrong:
        print(f"    false positive in {item!r}")
    texts = [text for text, _ in rows]
    best = min(timeit.repeat(lambda: [redact(t) for t in texts], number=args.number, repeat=5))
    print(f"  {best / args.number / len(texts) * 1e6:.1f} µs per message")


if __name__ == "__main__":
    main()
