"""Per-call cost of the identity checks, against plain anchors in the same run.

Run: python benchmarks/bench_identity.py [--number N] [--repeat R]

Target: `Nik.parse` at most 5 µs per call. Anchors: a regex-only NIK check (what many forms do:
16 digits, nothing else), the same regex plus building the birth date (closer to what
`Nik.parse` checks), and raw `phonenumbers.parse` + `is_valid_number` for the WhatsApp numbers.
Each row is the best of R timing runs of N calls (the minimum is the least disturbed by other
work on the machine), in microseconds per call.
"""

from __future__ import annotations

import argparse
import re
import timeit
from collections.abc import Callable
from datetime import date
from itertools import cycle

import phonenumbers
from pydantic import TypeAdapter

from adminduk.identity import KkNumber, Nik, normalize_whatsapp

NIK = "3513014501900001"  # synthetic
NIK_TYPED = "3513 0145 0190 0001"
KK = "5271012304200007"  # synthetic
REFERENCE = date(2025, 1, 1)
# The seven numbers printed in the 2020 articles (domain-facts.md §1.2, §1.3).
ARTICLE_NUMBERS = (
    "0813-5954-7691",
    "0813-5954-7692",
    "0813-5954-7689",
    "0812-4933-3360",
    "087761489446",
    "85337287689",
    "08123860693",
)
TARGET_NIK_US = 5.0

_NIK_RE = re.compile(r"[0-9]{16}")
_NIK_PARTS_RE = re.compile(r"([0-9]{6})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{4})")


def regex_only(text: str) -> bool:
    return _NIK_RE.fullmatch(text) is not None


def regex_and_date(text: str) -> date:
    match = _NIK_PARTS_RE.fullmatch(text)
    if match is None:
        raise ValueError("not 16 digits")
    day = int(match[2])
    return date(1900 + int(match[4]), int(match[3]), day - 40 if day > 40 else day)


def phonenumbers_anchor(text: str) -> bool:
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, "ID")))


def per_call_us(func: Callable[[], object], number: int, repeat: int) -> float:
    func()  # warm caches and lazy imports outside the timing
    best = min(timeit.repeat(func, number=number, repeat=repeat))
    return best / number * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--number", type=int, default=100_000, help="calls per timing run")
    parser.add_argument("--repeat", type=int, default=7, help="timing runs per row")
    args = parser.parse_args()
    n, r = args.number, args.repeat
    phone_n = max(1, n // 10)  # the phone rows are ~10x slower; keep the run short
    numbers = cycle(ARTICLE_NUMBERS)
    nik_adapter = TypeAdapter(Nik)

    nik_rows: list[tuple[str, Callable[[], object], int]] = [
        ("anchor: regex only (16 digits)", lambda: regex_only(NIK), n),
        ("anchor: regex + birth date()", lambda: regex_and_date(NIK), n),
        ("Nik.parse (reference date: today)", lambda: Nik.parse(NIK), n),
        ("Nik.parse (reference_date given)", lambda: Nik.parse(NIK, reference_date=REFERENCE), n),
        ("Nik.parse (typed with spaces)", lambda: Nik.parse(NIK_TYPED), n),
        ("KkNumber.parse", lambda: KkNumber.parse(KK), n),
        ("pydantic TypeAdapter(Nik).validate_python", lambda: nik_adapter.validate_python(NIK), n),
    ]
    phone_rows: list[tuple[str, Callable[[], object], int]] = [
        (
            "anchor: phonenumbers.parse + is_valid_number",
            lambda: phonenumbers_anchor(next(numbers)),
            phone_n,
        ),
        (
            "normalize_whatsapp (the 7 article numbers)",
            lambda: normalize_whatsapp(next(numbers)),
            phone_n,
        ),
    ]

    print(f"{'case':46} {'µs/call':>9} {'x anchor':>9}")
    results: dict[str, float] = {}
    for title, rows in (("NIK / KK", nik_rows), ("WhatsApp numbers", phone_rows)):
        print(f"-- {title}")
        anchor = None
        for name, func, number in rows:
            cost = per_call_us(func, number, r)
            results[name] = cost
            if anchor is None:
                anchor = cost
            print(f"{name:46} {cost:9.3f} {cost / anchor:9.2f}")
    nik_cost = results["Nik.parse (reference date: today)"]
    verdict = "OK" if nik_cost <= TARGET_NIK_US else "OVER TARGET"
    print(f"\nNik.parse: {nik_cost:.2f} µs per call (target ≤ {TARGET_NIK_US:.0f} µs): {verdict}")


if __name__ == "__main__":
    main()
