"""The golden answers: a fixed sample of advise() answers, stored to hold them unchanged.

A change to the engine (a refactoring, a speed-up) must not change what a citizen reads.
``tests/advice/test_golden_answers.py`` recomputes every answer of the sample below and compares
it with ``tests/data/golden-answers.jsonl.xz``. When an answer changes on purpose (a fact, a
wording, a rule), print the replies first (CONTRIBUTING.md, "Before changing an answer"), then
write the file again and commit it with the change:

    python scripts/golden_answers.py --write      # regenerate tests/data/golden-answers.jsonl.xz
    python scripts/golden_answers.py --check      # compare, printing the first differences

The sample is explicit, so an office added later does not move it: the offices built in when
the file was made (and one baseline office), every catalogue service, days from 2020 to 2027
(the first and last days of the 2020 policies, the national letter and its extension, the end
of the pandemic status, ordinary days, a weekend, a holiday) at hours inside and outside office
hours, three sets of urgency reasons, with and without WhatsApp, each answer in both languages,
full and short. Each record holds the fields a caller reads and the four replies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import lzma
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import adminduk

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden-answers.jsonl.xz"

# Built in on 7 December 2026, and Kota Surabaya (a baseline office): listed, not discovered.
OFFICES = (
    "35.04",
    "35.13",
    "35.14",
    "35.74",
    "33.15",
    "64.02",
    "64.74",
    "81.07",
    "52.06",
    "52.71",
    "35.78",
)
SERVICES = (
    "ktp-el/baru",
    "ktp-el/cetak-ulang",
    "ktp-el/perubahan",
    "kk/baru",
    "kk/perubahan",
    "kk/cetak-ulang",
    "kia/baru",
    "akta-kelahiran/baru",
    "akta-kelahiran/cetak-ulang",
    "akta-kematian/baru",
    "akta-perkawinan/baru",
    "akta-perceraian/baru",
    "skpwni/baru",
    "skpd/baru",
    "sktt/baru",
    "biodata/pembetulan",
    "biodata/sinkronisasi",
    "ikd/baru",
)
# The policy weeks of 2020 (first days, last days, the day after), the national letter
# (16 March), its extension (8 April) and the end of its assumption (120 days on), the end of
# the pandemic status (21 June 2023), ordinary days, a Saturday, a Sunday and holidays.
DAYS = (
    dt.date(2020, 2, 20),
    dt.date(2020, 3, 16),
    dt.date(2020, 3, 17),
    dt.date(2020, 3, 18),
    dt.date(2020, 3, 20),
    dt.date(2020, 3, 23),
    dt.date(2020, 3, 24),
    dt.date(2020, 3, 25),
    dt.date(2020, 3, 28),
    dt.date(2020, 4, 7),
    dt.date(2020, 4, 8),
    dt.date(2020, 4, 15),
    dt.date(2020, 5, 4),
    dt.date(2020, 5, 5),
    dt.date(2020, 5, 24),
    dt.date(2020, 7, 1),
    dt.date(2020, 8, 6),
    dt.date(2020, 8, 7),
    dt.date(2020, 12, 31),
    dt.date(2021, 6, 15),
    dt.date(2022, 1, 3),
    dt.date(2022, 11, 8),
    dt.date(2023, 6, 20),
    dt.date(2023, 6, 21),
    dt.date(2024, 4, 10),
    dt.date(2025, 8, 17),
    dt.date(2026, 12, 7),
    dt.date(2027, 12, 31),
)
TIMES = (dt.time(10, 0), dt.time(7, 15), dt.time(13, 30), dt.time(19, 45))
REASONS: tuple[tuple[str, ...], ...] = ((), ("bpjs",), ("tni-polri", "rumah-sakit"))
LANGS = ("id", "en")
DETAILS = ("full", "short")


def sample() -> Iterator[tuple[str, str, dt.datetime, tuple[str, ...], bool]]:
    """Every request of the sample: each office, service and day, the rest in rotation.

    The hour, the reasons and WhatsApp turn with different periods, so every combination
    occurs without the product of all of them (5,544 answers).
    """
    index = 0
    for office in OFFICES:
        for day in DAYS:
            for service in SERVICES:
                at = dt.datetime.combine(day, TIMES[index % len(TIMES)])
                reasons = REASONS[(index // 2) % len(REASONS)]
                has_whatsapp = index % 7 != 3
                index += 1
                yield office, service, at, reasons, has_whatsapp


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def answer(
    office: str, service: str, at: dt.datetime, reasons: tuple[str, ...], has_whatsapp: bool
) -> dict[str, Any]:
    """One record: the request, the fields a caller reads, and the four replies."""
    advice = adminduk.advise(office, service, at=at, reasons=reasons, has_whatsapp=has_whatsapp)
    return {
        "request": [office, service, at.isoformat(), list(reasons), has_whatsapp],
        "outcome": advice.outcome.value,
        "rule_id": advice.rule_id,
        "policy_id": advice.policy_id,
        "certainty": advice.certainty.value,
        "stale": advice.stale,
        "confirmed_on": _iso(advice.confirmed_on),
        "in_person_allowed": advice.in_person_allowed,
        "office_open": advice.office_open,
        "next_opening": _iso(advice.next_opening),
        "ready_by": _iso(advice.ready_by),
        "hours_are_default": advice.hours_are_default,
        "provisional": advice.provisional,
        "channels": [[ch.kind.value, ch.address] for ch in advice.channels],
        "requirements": [req.code for req in advice.requirements],
        "requirements_note": advice.requirements_note,
        "reasons": [[r.rule_id, r.source] for r in advice.reasons],
        "messages": {
            f"{lang}/{detail}": advice.to_message(lang, detail=detail)
            for lang in LANGS
            for detail in DETAILS
        },
    }


def answers() -> Iterator[dict[str, Any]]:
    """Every record of the sample, in order."""
    for request in sample():
        yield answer(*request)


def write(path: Path = GOLDEN) -> int:
    """Write the sample's answers as xz-compressed JSON lines; return how many."""
    lines = [json.dumps(record, ensure_ascii=False, sort_keys=True) for record in answers()]
    path.write_bytes(lzma.compress(("\n".join(lines) + "\n").encode(), preset=9))
    return len(lines)


def stored(path: Path = GOLDEN) -> list[dict[str, Any]]:
    """The stored answers, in order."""
    text = lzma.decompress(path.read_bytes()).decode()
    return [json.loads(line) for line in text.splitlines()]


def differences(record: dict[str, Any], golden: dict[str, Any]) -> list[str]:
    """The fields of ``record`` that differ from ``golden``, each named with both values."""
    found = []
    for name in sorted(set(record) | set(golden)):
        if record.get(name) != golden.get(name):
            found.append(f"{name}: stored {golden.get(name)!r}, now {record.get(name)!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true", help="regenerate the stored answers")
    group.add_argument("--check", action="store_true", help="compare with the stored answers")
    args = parser.parse_args()
    if args.write:
        count = write()
        print(f"wrote {count} answers to {GOLDEN.relative_to(ROOT)}")
        return 0
    changed = 0
    for record, golden in zip(answers(), stored(), strict=True):
        found = differences(record, golden)
        if found:
            changed += 1
            if changed <= 5:
                print(record["request"], *found, sep="\n  ")
    print(f"{changed} answers differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
