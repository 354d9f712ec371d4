"""Print or measure the replies a citizen reads, over the grid of issue 23.

Every built-in office and a baseline office (Kota Surabaya, 35.78), every catalogue service,
24 March, 15 April and 5 May 2020 and 7 December 2026 at 10:00, with and without an urgent
reason, in Indonesian and English. Read them before changing an answer (CONTRIBUTING.md).

    python scripts/reply_grid.py --office 52.06 --day 2020-04-15      # print some replies
    python scripts/reply_grid.py --stats                             # lengths and word checks
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
from collections.abc import Iterator

import adminduk

DAYS = (dt.date(2020, 3, 24), dt.date(2020, 4, 15), dt.date(2020, 5, 5), dt.date(2026, 12, 7))
REASONS: tuple[tuple[str, ...], ...] = ((), ("bpjs",))
# Words the library's own Indonesian must not use (issue 23, item 6).
ENGLISH_IN_ID = re.compile(r"\b(online|file|scan|e-mail|email|ordinary)\b", re.IGNORECASE)
SOURCE_KEY = re.compile(r"^- [A-Z][A-Z0-9-]+:", re.MULTILINE)


def offices() -> list[str]:
    from adminduk.offices import BUILTIN_OFFICES

    return [*BUILTIN_OFFICES, "35.78"]


def grid(
    codes: list[str], days: tuple[dt.date, ...], detail: str
) -> Iterator[tuple[str, str, dt.date, tuple[str, ...], str, str]]:
    for code in codes:
        for entry in adminduk.catalogue():
            for day in days:
                for reasons in REASONS:
                    advice = adminduk.advise(
                        code,
                        entry.service,
                        at=dt.datetime.combine(day, dt.time(10)),
                        reasons=reasons,
                    )
                    for lang in ("id", "en"):
                        yield (
                            code,
                            entry.service.code,
                            day,
                            reasons,
                            lang,
                            advice.to_message(lang, detail=detail),
                        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--office", action="append")
    parser.add_argument("--service", action="append")
    parser.add_argument("--day", action="append", type=dt.date.fromisoformat)
    parser.add_argument("--lang", choices=("id", "en"))
    parser.add_argument("--detail", choices=("full", "short"), default="full")
    parser.add_argument("--stats", action="store_true")
    args = parser.parse_args()
    codes = args.office or offices()
    days = tuple(args.day or DAYS)
    lengths: dict[str, list[int]] = {"id": [], "en": []}
    for code, service, day, reasons, lang, message in grid(codes, days, args.detail):
        if args.service and service not in args.service:
            continue
        if args.lang and lang != args.lang:
            continue
        lengths[lang].append(len(message))
        problems = []
        # Source titles are names, quoted as published ("Alihkan Pelayanan ke Online").
        own_words = "\n".join(x for x in message.splitlines() if not x.startswith("Sumber:"))
        if lang == "id" and (found := ENGLISH_IN_ID.findall(own_words)):
            problems.append(f"english words {sorted(set(found))}")
        if SOURCE_KEY.search(message):
            problems.append("internal source key")
        if args.stats:
            if problems:
                print(code, service, day, reasons, lang, "; ".join(problems))
            continue
        print(f"===== {code} {service} {day} {reasons} {lang} ({len(message)} chars)")
        print(message)
    for lang, values in lengths.items():
        if values:
            print(
                f"{lang}: n={len(values)} median={statistics.median(values):.0f} "
                f"max={max(values)} over2000={sum(v > 2000 for v in values)}"
            )


if __name__ == "__main__":
    main()
