"""Generate docs/offices/*.md from the built-in office files, every fact with its source.

Usage:
    python scripts/gen_office_pages.py           # write the pages
    python scripts/gen_office_pages.py --check   # exit 1 when a committed page is stale

tests/cli/test_office_pages.py fails when the committed pages differ from what this script
writes, so a change to an office file comes with its regenerated page.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from adminduk import catalogue, load_office
from adminduk._advice_text import day_name
from adminduk.offices import BUILTIN_OFFICES, Channel, OfficeConfig, Policy
from adminduk.schedule import WeeklyHours, national_default_periods

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
OUT_DIR = "offices"
ZONES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}
STANCES = {
    "open": "open to everyone",
    "urgent-only": "urgent needs only",
    "closed": "closed",
}
_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def md(text: str) -> str:
    """Free text from a data file, safe inside Markdown (and inside a table cell)."""
    return " ".join(text.split()).translate(_SPECIAL)


def src(source: str) -> str:
    return f"*(source: {md(source)})*"


def code(text: str) -> str:
    return f"`{text}`"


def builtin_offices() -> list[tuple[str, OfficeConfig]]:
    """The built-in offices, read from the package's data files (never a plugin's override)."""
    data = resources.files("adminduk.offices").joinpath("data")
    return [
        (BUILTIN_OFFICES[c], load_office(data.joinpath(BUILTIN_OFFICES[c])))
        for c in sorted(BUILTIN_OFFICES)
    ]


def table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def hours_table(hours: WeeklyHours) -> list[str]:
    rows = []
    for index in range(7):
        day_id, day_en = day_name(index, "id"), day_name(index, "en")
        ranges = hours.day(index)
        text = ", ".join(str(r) for r in ranges) if ranges else "tutup / closed"
        rows.append([f"{day_id} / {day_en}", text])
    return table(["Day", "Hours"], rows)


def hours_section(office: OfficeConfig) -> list[str]:
    lines = ["## Opening hours", ""]
    if office.hours is not None:
        lines += [
            f"The office's own hours {src(office.hours_source or office.source)}:",
            "",
            *hours_table(office.hours),
        ]
    else:
        lines += [
            "The sources give no ordinary hours for this office. Outside the hours a policy "
            "sets, its calendar uses the national working hours of government institutions, "
            "and every answer that rests on them says so; they are never presented as the "
            "office's own:",
            "",
        ]
        for period in national_default_periods():
            if period.valid_from is None:
                span = f"until {period.valid_until}"
            elif period.valid_until is None:
                span = f"from {period.valid_from}"
            else:
                span = f"{period.valid_from} to {period.valid_until}"
            note = f" ({md(period.note_en)})" if period.note_en else ""
            lines += [f"- {span}: {md(period.label)}{note} {src(period.source)}"]
        lines += ["", *hours_table(national_default_periods()[0].hours)]
    for policy in office.policies:
        if policy.hours is not None:
            lines += [
                f"While *{md(policy.title('en'))}* is in force ({dates(policy)}) "
                f"{src(policy.source_of('hours'))}:",
                "",
                *hours_table(policy.hours),
            ]
    closes = "closes" if office.closes_on_cuti_bersama else "stays open"
    lines += [
        f"On national holidays the office is closed; on cuti bersama (collective leave) it "
        f"{closes} {src(office.cuti_bersama_source)}.",
        "",
    ]
    for closure in office.closures:
        lines += [
            f"- Closed {closure.start} to {closure.end}: {md(closure.reason_id)} / "
            f"{md(closure.reason_en)} {src(closure.source)}"
        ]
    for extra in office.extra_openings:
        ranges = ", ".join(str(r) for r in extra.hours)
        lines += [
            f"- Open {extra.date}, {ranges}: {md(extra.reason_id)} / {md(extra.reason_en)} "
            f"{src(extra.source)}"
        ]
    for override in office.hours_overrides:
        lines += [
            f"- {override.start} to {override.end}: {md(str(override.hours))} "
            f"({md(override.reason_id)} / {md(override.reason_en)}) {src(override.source)}"
        ]
    if office.closures or office.extra_openings or office.hours_overrides:
        lines += [""]
    return lines


def dates(policy: Policy) -> str:
    end = policy.valid_until.isoformat() if policy.valid_until else "open-ended"
    if policy.ended_with_pandemic:
        end += " at the latest, when the national pandemic status ended (Keppres 17/2023)"
    return f"{policy.valid_from} to {end}"


def channel_dates(channel: Channel) -> str:
    """The days a dated channel holds ("from …", "until …"); the policy's own otherwise."""
    if not channel.dated:
        return "as the policy"
    parts = []
    if channel.valid_from is not None:
        parts.append(f"from {channel.valid_from.isoformat()}")
    if channel.valid_until is not None:
        parts.append(f"until {channel.valid_until.isoformat()}")
    return " ".join(parts)


def channel_address(channel: Channel) -> str:
    if channel.address is None:
        return f"*unknown*: {md(channel.address_unknown_reason or '')}"
    if channel.kind.value == "whatsapp":
        shown = code(channel.address)
        if channel.published_as:
            shown += f" (published as {code(channel.published_as)})"
        return shown
    return md(channel.address)


def services(patterns: Iterable[str]) -> str:
    return ", ".join(code(p) for p in patterns)


def rules_section(office: OfficeConfig, policy: Policy) -> list[str]:
    # Without an [ordinary] table the ordinary rules are adminduk's default, explained once
    # above the table instead of cited on every row.
    default = policy.is_ordinary and office.ordinary is None

    def cite(field: str) -> str:
        return "" if default else " " + src(policy.source_of(field))

    lines: list[str] = []
    stance = STANCES[policy.in_person.value]
    walk_ins = "served" if policy.walk_ins_without_whatsapp else "not said to be served"
    rows = [
        ["Id", code(policy.id)],
        ["In force", f"{dates(policy)}{cite('valid_from')}"]
        if not policy.is_ordinary
        else ["In force", "outside every dated policy"],
        ["Counter", f"{stance}{cite('in_person')}"],
        ["Urgent needs accepted", urgent(office, policy)],
        ["Online first", f"{'yes' if policy.online_first else 'no'}{cite('online_first')}"],
        ["Walk-ins without WhatsApp", f"{walk_ins}{cite('walk_ins_without_whatsapp')}"],
        [
            "Others asked to wait",
            f"{'yes' if policy.non_urgent_asked_to_wait else 'no'}"
            f"{cite('non_urgent_asked_to_wait')}",
        ],
    ]
    if not default:
        rows.append(["Rules cited from", md(office.describe_source(policy.source))])
    lines += table(["", ""], rows)
    if policy.notes_on_dates:
        lines += [f"Dates: {md(policy.notes_on_dates)}", ""]
    lines += ["**Channels**", ""]
    lines += table(
        ["Kind", "Label", "Address", "Services", "Intake", "In force", "Source"],
        [
            [
                ch.kind.value,
                md(ch.label) + (f" / {md(ch.label_en)}" if ch.label_en else ""),
                channel_address(ch),
                services(ch.services),
                ", ".join(f.value for f in ch.intake) or "—",
                channel_dates(ch),
                md(ch.source),
            ]
            for ch in policy.channels
        ],
    )
    notes = [ch for ch in policy.channels if ch.note]
    lines += [f"- *{md(ch.label)}*: {md(ch.note or '')}" for ch in notes]
    if notes:
        lines += [""]
    if policy.counter_only:
        lines += ["**Only at the counter**", ""]
        lines += [
            f"- {services(rule.services)}: {rule.why.value} {src(rule.source)}"
            + (f". {md(rule.note)}" if rule.note else "")
            for rule in policy.counter_only
        ]
        lines += [""]
    if policy.suspended:
        lines += ["**Suspended**", ""]
        for rule in policy.suspended:
            exempt = "; urgent cases still served" if rule.urgent_exempt else ""
            lines += [
                f"- {services(rule.services)}: {rule.mode.value}{exempt}: "
                f"{md(rule.reason_id)} / {md(rule.reason_en)} {src(rule.source)}"
            ]
        lines += [""]
    if policy.fulfilment:
        lines += ["**How documents reach the citizen**", ""]
        for rule in policy.fulfilment:
            parts = [
                f"pick-up: {rule.pickup.value}"
                if rule.pickup
                else f"pick-up unknown ({md(rule.pickup_unknown_reason or '')})"
            ]
            if rule.delivers:
                parts.append("sent on by the office")
            if rule.processing_working_days is not None:
                parts.append(f"{rule.processing_working_days} working days")
            if rule.originals_checked:
                parts.append("originals checked at pick-up")
            if rule.ready_notice:
                parts.append("the applicant is told when it is ready")
            lines += [f"- {services(rule.services)}: {'; '.join(parts)} {src(rule.source)}"]
            for note in (rule.processing_note, rule.note):
                if note:
                    lines += [f"    - {md(note)}"]
        lines += [""]
    if policy.requirement_changes:
        lines += ["**Changes to the national checklists**", ""]
        for change in policy.requirement_changes:
            what = change.kind.value
            if change.target:
                what += f" {code(change.target)}"
            if change.item:
                what += f" → {code(change.item.code)}: {md(change.item.name_id)} / "
                what += md(change.item.name_en)
            lines += [f"- {services(change.services)}: {what} {src(change.source)}"]
        lines += [""]
    if policy.notes:
        lines += ["**Notes**", ""]
        lines += [
            f"- {md(note.text_id)} / *{md(note.text_en)}* {src(note.source)}"
            for note in policy.notes
        ]
        lines += [""]
    return lines


def urgent(office: OfficeConfig, policy: Policy) -> str:
    if not policy.urgency_reasons:
        return "—"
    names = [f"{code(c)} ({md(office.urgency_reason(c).name_en)})" for c in policy.urgency_reasons]
    more = "" if policy.urgency_reasons_exhaustive else ", and others not listed"
    return f"{', '.join(names)}{more} {src(policy.source_of('urgency_reasons'))}"


def sources_section(office: OfficeConfig) -> list[str]:
    rows = []
    for key, info in office.sources.items():
        link = f"<{info.url}>" if info.url else (code(info.file) if info.file else "—")
        rows.append(
            [
                code(key),
                md(info.title),
                md(info.publisher or "—"),
                str(info.published or "—"),
                link,
                md(info.note or ""),
            ]
        )
    return [
        "## Sources",
        "",
        *table(["Key", "Title", "Publisher", "Published", "Where", "Note"], rows),
    ]


def office_page(filename: str, office: OfficeConfig) -> str:
    zone = ZONES.get(office.timezone, office.timezone)
    lines = [
        f"# {office.region} ({office.code})",
        "",
        f"<!-- Generated by scripts/gen_office_pages.py from "
        f"src/adminduk/offices/data/{filename}; do not edit by hand. -->",
        "",
        f"**{md(office.name)}**, {md(office.province)}: time zone {code(office.timezone)} "
        f"({zone}). Code {code(office.code)}, slug {code(office.slug)} {src(office.source)}.",
        "",
    ]
    if office.address:
        lines += [f"Address: {md(office.address)} {src(office.address_source or '')}.", ""]
    else:
        lines += ["Address: not given by the sources.", ""]
    first = min((p for p in office.policies), key=lambda p: p.valid_from or p.id, default=None)
    if first is not None and first.valid_from is not None:
        lines += [
            "Try it:",
            "",
            "```console",
            f"$ adminduk hours {office.code} --week {first.valid_from}",
            f'$ adminduk advise {office.code} kk/perubahan --at "{first.valid_from} 10:00"',
            f"$ adminduk export {office.code}",
            "```",
            "",
        ]
    lines += hours_section(office)
    lines += ["## Rules, policy by policy", ""]
    for policy in sorted(office.policies, key=lambda p: p.valid_from or p.id):
        lines += [f"### {md(policy.title('id'))}", "", f"*{md(policy.title('en'))}*", ""]
        lines += rules_section(office, policy)
    lines += ["### Ordinary rules", ""]
    if office.ordinary is None:
        lines += [
            "No source describes this office's ordinary rules, so outside its dated policies "
            "adminduk takes the counter to be open for every service of the national catalogue.",
            "",
        ]
    lines += rules_section(office, office.ordinary_policy)
    if office.urgency_reasons:
        lines += ["## Urgency reasons of its own", ""]
        lines += [
            f"- {code(r.code)}: {md(r.name_id)} / {md(r.name_en)} {src(r.source)}"
            for r in office.urgency_reasons
        ]
        lines += [""]
    if office.notes:
        lines += ["## Notes", ""]
        lines += [f"- {md(n.text_id)} / *{md(n.text_en)}* {src(n.source)}" for n in office.notes]
        lines += [""]
    lines += sources_section(office)
    return "\n".join(lines).rstrip() + "\n"


def overview(offices: list[tuple[str, OfficeConfig]]) -> str:
    rows = []
    for _, office in offices:
        dated = sorted(office.policies, key=lambda p: p.valid_from or p.id)
        policy = dated[0] if dated else office.ordinary_policy
        remote = sorted({ch.kind.value for ch in policy.channels if ch.kind.is_remote})
        rows.append(
            [
                f"[{office.region}]({office.slug}.md)",
                code(office.code),
                ZONES.get(office.timezone, office.timezone),
                ", ".join(f"{p.valid_from} ({dates(p).split(' to ')[1]})" for p in dated) or "—",
                ", ".join(remote) or "—",
                STANCES[policy.in_person.value],
            ]
        )
    lines = [
        "# The built-in offices",
        "",
        "<!-- Generated by scripts/gen_office_pages.py; do not edit by hand. -->",
        "",
        f"{len(offices)} offices are built in, each generated from its data file under "
        "`src/adminduk/offices/data/`: "
        f"{sum(1 for _, o in offices if o.policies)} as they worked "
        "from March 2020 (their dated policies), the others from their own published service "
        "standards (see [Service standards](../standards.md)). Every fact cites its source; "
        "what the sources do not give (a WhatsApp number printed only in a graphic, an "
        "office's hours) is marked unknown, never invented. Any other office joins as a plugin.",
        "",
        *table(
            ["Office", "Code", "Zone", "Policy from (until)", "Remote channels", "Counter"],
            rows,
        ),
        f"The national catalogue has {len(catalogue())} services; each office page lists the "
        "channels that take them, policy by policy.",
    ]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Every generated page: its path under docs/ and its text."""
    offices = builtin_offices()
    found = {f"{OUT_DIR}/overview.md": overview(offices)}
    for filename, office in offices:
        found[f"{OUT_DIR}/{office.slug}.md"] = office_page(filename, office)
    return found


def stale(docs: Path | None = None) -> list[str]:
    """The pages whose committed text differs from what the data gives (or that are missing)."""
    docs = DOCS if docs is None else docs
    out = []
    for name, text in pages().items():
        path = docs / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is stale")
    args = parser.parse_args(argv)
    if args.check:
        outdated = stale()
        for name in outdated:
            print(f"stale: docs/{name} (run python scripts/gen_office_pages.py)")
        return 1 if outdated else 0
    for name, text in pages().items():
        path = DOCS / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote docs/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
