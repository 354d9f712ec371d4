"""Build adminduk's region data (src/adminduk/regions/data/) from the Kemendagri lists.

Usage:
    python scripts/build_regions.py [SOURCES]           # write the package data
    python scripts/build_regions.py [SOURCES] --check   # exit 1 when the shipped data is stale

SOURCES is the folder of the six lists (wilayah-2016.csv … wilayah-2025.csv, extracted from the
open dataset cahyadsn/wilayah, MIT licence; its README gives the provenance). Default: the
environment variable ADMINDUK_WILAYAH, else ../shared/data/wilayah beside the repository.

What it does, so the package reads facts and never repairs them at run time:
- one record per region: a code and the unbroken run of lists it appears on (a code that left a
  list and came back would be a new region; the script refuses such data rather than guess);
- names normalised once: "KAB. MERAUKE" → "Kabupaten Merauke", "P A P U A" → "Papua", with the
  spelling of the newest list the region appears on; earlier spellings kept as former names;
- successors matched by name and parent, never by code alone: a region missing from the next
  list is succeeded by the one new region of that list at its level with the same name whose
  parent is its parent's successor (or a province new on that list).
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "adminduk" / "regions" / "data" / "wilayah.tsv"
DEFAULT_SOURCES = ROOT.parent / "shared" / "data" / "wilayah"

# The lists, oldest first, as the sources' README describes them. A list whose decree the README
# does not name carries only its year: its start is 1 January of that year, flagged as a year.
LISTS: tuple[tuple[str, str, str, str], ...] = (
    ("2016", "2016-01-01", "", "2016 list (upstream archive)"),
    ("2018", "2018-01-01", "", "2018 list (upstream archive)"),
    ("2020", "2020-01-01", "", "2020 list (upstream archive)"),
    ("2022", "2022-01-01", "", "early-2022 list, before the Papua split (upstream archive)"),
    (
        "2023",
        "2022-11-09",
        "Kepmendagri 100.1.1-6117/2022",
        "Papua Selatan 93, Papua Tengah 94, Papua Pegunungan 95 (UU 14/2022, 15/2022, 16/2022)",
    ),
    (
        "2025",
        "2025-04-25",
        "Kepmendagri 300.2.2-2138/2025",
        "adds Papua Barat Daya 96 (UU 29/2022)",
    ),
)

_ARTIFACT = re.compile(r"\s{2,}[\d\s]+$")  # "Ma'u  11": a page number caught by the scrape
_SPACED = re.compile(r"^(?:[A-Z] )+[A-Z]$")  # "P A P U A"
_PREFIXES = (
    ("KAB. ADM. ", "Kabupaten Administrasi "),
    ("KOTA ADM. ", "Kota Administrasi "),
    ("KAB. ", "Kabupaten "),
    ("KAB ", "Kabupaten "),
    ("KOTA ", "Kota "),
)
_WORDS = {"KEP.": "Kepulauan", "DAN": "dan", "DKI": "DKI", "DI": "DI"}


def _title(word: str) -> str:
    if word in _WORDS:
        return _WORDS[word]
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def normalise(raw: str) -> str:
    """One spelling per name: artefacts cut, capitals of the older lists title-cased."""
    name = " ".join(_ARTIFACT.sub("", raw).split())
    if _SPACED.match(name):
        return name.replace(" ", "").capitalize()
    if name != name.upper():
        return name  # the list wrote it in mixed case: keep it as written
    prefix = ""
    for old, new in _PREFIXES:
        if name.startswith(old):
            prefix, name = new, name[len(old) :]
            break
    return prefix + " ".join(_title(word) for word in name.split())


def key(name: str) -> str:
    """What two spellings of one name share: letters and digits, lowercase, kind kept.

    Kabupaten Sorong and Kota Sorong are two regions; "Administrasi" is not part of the name.
    """
    name = re.sub(r"^(kabupaten|kota) administrasi\b", r"\1", name.lower())
    return re.sub(r"[^a-z0-9]", "", name)


@dataclass
class Record:
    code: str
    first: int
    last: int
    names: list[str] = field(default_factory=list)  # normalised, one per list, oldest first
    successor: str = ""

    @property
    def parent(self) -> str:
        return self.code.rsplit(".", 1)[0] if "." in self.code else ""

    @property
    def level(self) -> int:
        return self.code.count(".")


def read_lists(sources: Path) -> list[dict[str, str]]:
    lists = []
    for label, *_ in LISTS:
        with (sources / f"wilayah-{label}.csv").open(encoding="utf-8", newline="") as handle:
            rows = {row["code"]: row["name"] for row in csv.DictReader(handle)}
        lists.append(rows)
    return lists


def build(lists: list[dict[str, str]]) -> dict[str, Record]:
    records: dict[str, Record] = {}
    for index, rows in enumerate(lists):
        for code, raw in rows.items():
            record = records.get(code)
            if record is None:
                records[code] = Record(code, index, index, [normalise(raw)])
            elif record.last == index - 1:
                record.last = index
                record.names.append(normalise(raw))
            else:
                raise SystemExit(
                    f"{code} leaves a list and comes back: a reused code, not handled"
                )
    newest = len(lists) - 1
    # Parents before children, so a kecamatan finds its regency's successor.
    for record in sorted(records.values(), key=lambda r: (r.level, r.code)):
        if record.last == newest:
            continue
        after = record.last + 1
        parent = records.get(record.parent)
        allowed = set()
        if parent is not None:
            allowed.add(parent.code if parent.last >= after else parent.successor)
        allowed |= {
            r.code for r in records.values() if r.level == record.level - 1 and r.first == after
        }
        wanted = key(record.names[-1])
        matches = [
            r.code
            for r in records.values()
            if r.first == after
            and r.level == record.level
            and (record.level == 0 or r.parent in allowed)
            and key(r.names[0]) == wanted
        ]
        if len(matches) == 1:
            record.successor = matches[0]
    return records


def render(records: dict[str, Record]) -> str:
    lines = [
        "# adminduk region data: Kemendagri codes of provinces, kabupaten/kota and kecamatan.",
        "# Generated by scripts/build_regions.py from six lists extracted from the open dataset",
        "# cahyadsn/wilayah (MIT licence: LICENSE-wilayah; provenance: README.md). Do not edit.",
        "# list<TAB>label<TAB>in force from<TAB>decree<TAB>description",
    ]
    for label, since, decree, description in LISTS:
        lines.append("\t".join(("list", label, since, decree, description)))
    lines.append("# code<TAB>first list<TAB>last list<TAB>name<TAB>successor<TAB>former names (|)")
    for code in sorted(records, key=lambda c: [int(p) for p in c.split(".")]):
        record = records[code]
        name = record.names[-1]
        former: list[str] = []
        current = key(name)
        for old in reversed(record.names[:-1]):
            old_key = key(old)
            # A truncated spelling ("DAERAH ISTIMEWA") is an artefact of the list, not a name.
            if current.startswith(old_key):
                continue
            if old not in former:
                former.append(old)
        row = (code, str(record.first), str(record.last), name, record.successor, "|".join(former))
        lines.append("\t".join(row))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    default = Path(os.environ.get("ADMINDUK_WILAYAH", DEFAULT_SOURCES))
    parser.add_argument("sources", nargs="?", type=Path, default=default)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = render(build(read_lists(args.sources)))
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run python scripts/build_regions.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
