"""The ``adminduk`` command: offices, services, advice, hours, checklists, checks and exports.

Every subcommand prints a readable table or text, or with ``--json`` a stable JSON document
(described in ``docs/cli.md``). Errors are one line on stderr and a non-zero exit code, never a
traceback: 2 for bad input (an unknown office, service or option, an unreadable ``--at``), 1 when
``check`` or ``name`` finds errors or a file cannot be read or written, 70 for an internal error,
130 when interrupted.

Examples:
    >>> from adminduk.cli import main
    >>> main(["services"])  # doctest: +ELLIPSIS
    kode                        biometrik  batas waktu  nama
    ktp-el/baru                 ya         -            Penerbitan KTP-el baru ...
    ...
    0
    >>> main(["advise", "35.14", "kk/perubahan", "--at", "24 Maret 2020 pukul 10.00"])
    ... # doctest: +ELLIPSIS
    Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.
    <BLANKLINE>
    Saluran:
    - WhatsApp layanan Kartu Keluarga: https://wa.me/6281359547692
    ...
    0
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, NoReturn, TextIO

from adminduk._core.arguments import english
from adminduk._core.collector import leaving, paused
from adminduk._core.days import DAYS_EN, DAYS_ID
from adminduk._core.redact import plain
from adminduk.errors import AdmindukError, ConfigError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from adminduk.offices import OfficeConfig, RequirementDiff
    from adminduk.schedule import DayInfo, HoursPeriod

__all__ = ["console", "main", "parse_when"]

Lang = Literal["id", "en"]

# Exit codes (documented in docs/cli.md).
EXIT_OK: Final = 0
EXIT_FINDINGS: Final = 1  # check found errors; a file could not be read or written
EXIT_USAGE: Final = 2  # bad input: option, office, service, reason, date
EXIT_INTERNAL: Final = 70  # a bug: please report it (EX_SOFTWARE)
EXIT_INTERRUPTED: Final = 130

_DEBUG_ENV: Final = "ADMINDUK_DEBUG"


class _UsageError(Exception):
    """Bad command-line input, reported as one line with a pointer to ``--help``."""


class _Exit(Exception):
    """argparse asked to exit (``--help``, ``--version``): end ``main`` with this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse, with help on the given stream and errors as exceptions instead of exits."""

    def __init__(
        self, *args: Any, out: TextIO, epilog_of: Callable[[], str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._out = out
        self._epilog_of = epilog_of

    def format_help(self) -> str:
        # The epilog reads the installed package's metadata: only when help is shown.
        if self._epilog_of is not None:
            self.epilog, self._epilog_of = self._epilog_of(), None
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            raise _UsageError(message.strip())
        raise _Exit(status)

    def _print_message(self, message: str, file: Any = None) -> None:
        self._out.write(message)


class _Version(argparse.Action):
    """``--version``: the installed version, read from the package metadata only when asked."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser._print_message(f"adminduk {_version()}\n")
        parser.exit()


# --------------------------------------------------------------------------- reading dates
_MONTHS: Final = (
    ("jan", "january", "januari"),
    ("feb", "february", "februari", "pebruari"),
    ("mar", "march", "maret"),
    ("apr", "april"),
    ("may", "mei"),
    ("jun", "june", "juni"),
    ("jul", "july", "juli"),
    ("aug", "august", "agu", "agt", "ags", "agustus"),
    ("sep", "sept", "september"),
    ("oct", "october", "okt", "oktober"),
    ("nov", "november", "nopember"),
    ("dec", "december", "des", "desember"),
)
# Each day's English and Indonesian names (adminduk._core.days), with the short and older forms
# people also type.
_WEEKDAY_ALSO: Final = ((), (), (), (), ("jum'at",), (), ("ahad",))
_WEEKDAY_NAMES: Final = tuple(
    (en[:3].lower(), en.lower(), id_.lower(), *also)
    for en, id_, also in zip(DAYS_EN, DAYS_ID, _WEEKDAY_ALSO, strict=True)
)
# Indonesian zone names, as people write them after a time ("10.00 WITA").
_ZONE_OFFSETS: Final = {"WIB": 7 * 3600, "WITA": 8 * 3600, "WIT": 9 * 3600}
# Where "today" is when a caller gives none: Jakarta's, never the host's (fixed since 1964).
_WIB: Final = dt.timezone(dt.timedelta(seconds=_ZONE_OFFSETS["WIB"]))
# "10.00" is how Indonesians write 10:00; "24.03.2020" (a date) is left alone.
_DOTTED_TIME: Final = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")
_YEAR_FIRST: Final = re.compile(r"^\d{4}\D")
_NUMERIC_DATE: Final = re.compile(r"(?<![\d:])(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?!\d)")
_HAS_TIME: Final = re.compile(r"\d[:.]\d{2}(?!\d)(?![/.-]\d)|\b(pukul|jam|am|pm)\b|T\d", re.I)
_WHEN_HELP: Final = (
    "ISO 8601 (2020-03-24T10:00, 2020-03-24 10:00) or as people type it "
    "('24/3/2020 10.00', '24 Maret 2020 pukul 10.00 WIB'); day before month"
)


def parse_when(text: str, *, today: dt.datetime | None = None) -> dt.datetime:
    """Read a moment as a person types it: ISO 8601, or Indonesian and English forms.

    The day comes before the month (``3/4/2020`` is 3 April); month and weekday names may be
    Indonesian or English; ``10.00`` is 10:00; ``WIB``, ``WITA`` and ``WIT`` set the zone. Parts
    left out are taken from ``today`` (default: now in Asia/Jakarta, whatever the host's zone),
    with the time at midnight. A moment without a zone is naive: the office's local wall time.

    Raises:
        OutOfRange: the text is not a date and time.

    Examples:
        >>> parse_when("2020-03-24T10:00")
        datetime.datetime(2020, 3, 24, 10, 0)
        >>> parse_when("24 Maret 2020 pukul 10.00")
        datetime.datetime(2020, 3, 24, 10, 0)
        >>> parse_when("3/4/2020 8:30")
        datetime.datetime(2020, 4, 3, 8, 30)
        >>> parse_when("Senin, 23 Maret 2020 10.00 WITA").isoformat()
        '2020-03-23T10:00:00+08:00'
        >>> parse_when("kemarin")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: when='kemarin' is out of range; valid: ISO 8601 ...
    """
    from adminduk._core import arguments
    from adminduk.errors import OutOfRange

    text = plain(text)
    if arguments.text_problem(text, 100) is not None or not text.strip():
        raise OutOfRange("when", text, _WHEN_HELP)
    if today is not None:
        today = arguments.instance("today", today, dt.datetime, "a datetime, or None for today")
    stripped = text.strip()
    try:
        return dt.datetime.fromisoformat(stripped)
    except ValueError:
        pass  # not ISO 8601: read it as a person wrote it
    # dateutil only now: an ISO 8601 instant (what scripts pass) needs none of it.
    from dateutil import parser

    class _Info(parser.parserinfo):
        # dateutil's stubs expect pairs or triples; any number of names per entry works.
        MONTHS = [tuple(names) for names in _MONTHS]  # type: ignore[misc]  # noqa: RUF012
        WEEKDAYS = [tuple(names) for names in _WEEKDAY_NAMES]  # type: ignore[misc]  # noqa: RUF012
        JUMP = [*parser.parserinfo.JUMP, "pukul", "jam", "tanggal", "tgl", "hari"]  # noqa: RUF012

    base = (today or dt.datetime.now(_WIB)).replace(hour=0, minute=0, second=0, microsecond=0)
    cleaned = _DOTTED_TIME.sub(r"\1:\2", stripped)
    # "2020/03/24" starts with the year and keeps month before day; otherwise day comes first.
    year_first = bool(_YEAR_FIRST.match(cleaned))
    try:
        parsed = parser.parse(
            cleaned,
            parserinfo=_Info(dayfirst=not year_first, yearfirst=year_first),
            default=base.replace(tzinfo=None),
            tzinfos=_ZONE_OFFSETS,
        )
    except (ValueError, OverflowError):
        raise OutOfRange("when", text, _WHEN_HELP) from None
    _check_reading(text, parsed)
    return parsed


def _check_reading(text: str, parsed: dt.datetime) -> None:
    """Refuse a reading dateutil had to guess: month before day, or a weekday that does not fit.

    Examples:
        >>> _check_reading("24/3/2020", dt.datetime(2020, 3, 24))
        >>> _check_reading("3/24/2020", dt.datetime(2020, 3, 24))
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: when='3/24/2020' is out of range; valid: the day before the month, as in 24/3/2020
        >>> _check_reading("Senin 24 Maret 2020", dt.datetime(2020, 3, 24))
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: when='Senin 24 Maret 2020' is out of range; valid: the weekday of 24 March 2020, a Tuesday (selasa)
    """  # noqa: E501
    from adminduk.errors import OutOfRange

    numeric = _NUMERIC_DATE.search(text)
    if numeric and not _YEAR_FIRST.match(text.strip()):
        day, month = int(numeric.group(1)), int(numeric.group(2))
        if (day, month) != (parsed.day, parsed.month):
            raise OutOfRange(
                "when", text, f"the day before the month, as in {month}/{day}/{numeric.group(3)}"
            )
    words = set(re.findall(r"[a-z']+", text.lower()))
    for weekday, names in enumerate(_WEEKDAY_NAMES):
        if words & set(names) and weekday != parsed.weekday():
            right = _WEEKDAY_NAMES[parsed.weekday()]
            raise OutOfRange(
                "when",
                text,
                f"the weekday of {parsed.day} {parsed:%B %Y}, a {right[1].capitalize()} "
                f"({right[2]})",
            )


def has_time(text: str) -> bool:
    """Whether a moment as typed gives a time of day, or only a date.

    Examples:
        >>> has_time("24/3/2020"), has_time("2020-03-24"), has_time("24 Maret 2020 pukul 10.00")
        (False, False, True)
        >>> has_time("2020-03-24T10:00"), has_time("24.03.2020 8:30")
        (True, True)
    """
    return bool(_HAS_TIME.search(text))


def _language(tag: str) -> Lang:
    from adminduk._advice_text import language
    from adminduk.errors import OutOfRange

    try:
        return language(tag)
    except OutOfRange as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _when(text: str | None, option: str, zone: ZoneInfo) -> dt.datetime | None:
    if text is None:
        return None
    from adminduk._core.errors import _show
    from adminduk.errors import OutOfRange

    try:
        return parse_when(text, today=dt.datetime.now(zone))
    except OutOfRange as err:
        # A reading refused for a reason (month before day, a weekday that does not fit) says
        # it; anything else gets the forms that are read.
        detail = f"use {_WHEN_HELP}" if err.valid == _WHEN_HELP else f"write {err.valid}"
        raise _UsageError(
            f"argument {option}: cannot read {_show(text)} as a date and time; {detail}"
        ) from None


# --------------------------------------------------------------------------- output helpers
def _table(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    """Rows as aligned columns; the last column is not padded."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=False)]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")


def _json(data: object, out: TextIO) -> int:
    import json  # only for --json: not on every command's start

    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _office(key: str) -> OfficeConfig:
    from adminduk.offices import get_office

    return get_office(key)


def _zone_name(timezone: str) -> str:
    from adminduk.advice._render import zone_abbreviation

    short = zone_abbreviation(timezone)
    return timezone if short == timezone else f"{timezone} ({short})"


def _origin(office: OfficeConfig) -> str:
    from adminduk.offices import BUILTIN_OFFICES

    if office.baseline:
        return "baseline"  # the national rules only: no source about the office itself
    # A plugin that takes a built-in's code declares `replaces`; see the registry's rules.
    if office.code in BUILTIN_OFFICES and office.replaces is None:
        return "built-in"
    return "plugin"


# --------------------------------------------------------------------------- offices
def _cmd_offices(args: argparse.Namespace, out: TextIO) -> int:
    from adminduk.offices import office_origin, offices, registry_errors

    # Every office get_office answers for, unless asked for the registered ones only: a
    # citizen's regency is listed whether or not adminduk has its own rules.
    found = offices(include_baseline=not args.registered)
    if args.province is not None:
        province = _province_code(args.province)
        found = tuple(o for o in found if o.code.startswith(province + "."))
    for failure in registry_errors():
        args.warn(str(failure))
    providers = {o.code: str(office_origin(o) or _origin(o)) for o in found}
    if args.json:
        return _json(
            [
                {
                    "code": o.code,
                    "slug": o.slug,
                    "name": o.name,
                    "region": o.region,
                    "province": o.province,
                    "timezone": o.timezone,
                    "origin": _origin(o),
                    "provider": providers[o.code],
                }
                for o in found
            ],
            out,
        )
    rows = [("code", "slug", "zone", "origin", "name")]
    rows += [(o.code, o.slug, _zone_name(o.timezone), _origin(o), o.name) for o in found]
    _table(rows, out)
    # Name every office that is not built in by its plugin, package and version.
    for o in found:
        if _origin(o) == "plugin":
            out.write(f"{o.code}: {providers[o.code]}\n")
    return EXIT_OK


def _province_code(value: str) -> str:
    from adminduk.errors import OutOfRange
    from adminduk.regions import find_province, provinces

    code = value.strip()
    if find_province(code) is None and not code.startswith("99"):
        # A name, the list's or a short one ("DKI Jakarta"), is read as its code.
        named = [p.code for p in provinces() if p.is_named(code)]
        if not named:
            raise OutOfRange(
                "--province", value, "a province code such as 35 or its name, e.g. Jawa Timur"
            )
        code = named[0]
    return code


# --------------------------------------------------------------------------- region
def _region_json(found: Any) -> dict[str, Any]:
    now = found.current()
    return {
        "code": found.code,
        "name": found.name,
        "level": found.level.value,
        "province": {"code": found.province.code, "name": found.province.name},
        "regency": None
        if found.regency is None
        else {"code": found.regency.code, "name": found.regency.name},
        "lists": [item.label for item in found.lists],
        "valid_from": found.valid_from.isoformat(),
        "valid_until": None if found.valid_until is None else found.valid_until.isoformat(),
        "former_names": list(found.former_names),
        "current": None if now is None else {"code": now.code, "name": now.name},
        "timezone": found.timezone,
        "source": found.source,
    }


def _cmd_region(args: argparse.Namespace, out: TextIO) -> int:
    from zoneinfo import ZoneInfo

    from adminduk.regions import RegionLevel, region

    # A region's lists change on dates, not instants: the day as written is the day asked.
    when = _when(args.on, "--on", ZoneInfo("Asia/Jakarta"))
    on = None if when is None else when.date()
    found = region(args.code, on=on)
    if args.json:
        return _json(_region_json(found), out)
    lists = found.lists
    span = lists[0].label if len(lists) == 1 else f"{lists[0].label} to {lists[-1].label}"
    until = "" if found.valid_until is None else f", until {found.valid_until.isoformat()}"
    # The older lists carry a year only (RegionList.exact): show the year, not a made-up day.
    since = found.valid_from.isoformat() if lists[0].exact else lists[0].label
    lines = [f"{found.code}  {found.name}", f"level: {found.level.value}"]
    if found.level is not RegionLevel.PROVINCE:
        lines.append(f"province: {found.province}")
    if found.level is RegionLevel.DISTRICT and found.regency is not None:
        lines.append(f"kabupaten/kota: {found.regency}")
    lines.append(f"on the lists: {span} (valid from {since}{until})")
    if found.former_names:
        lines.append(f"former names: {', '.join(found.former_names)}")
    now = found.current()
    if not found.is_current:
        lines.append(f"now: {now}" if now is not None else "now: no single successor")
    lines.append(f"time zone: {_zone_name(found.timezone)}")
    regency = (now or found).regency if (now or found).level is not RegionLevel.PROVINCE else None
    if regency is not None and regency.is_current:
        lines.append(f"office: {_office(regency.code).name} (adminduk advise {regency.code} …)")
    lines.append(f"source: {found.source}")
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


# --------------------------------------------------------------------------- services
def _cmd_services(args: argparse.Namespace, out: TextIO) -> int:
    from adminduk.documents import catalogue

    if args.json:
        return _json([entry.model_dump(mode="json") for entry in catalogue()], out)
    lang: Lang = args.lang
    rows = [tuple(_t(f"cli.col.{c}", lang) for c in ("code", "biometric", "deadline", "name"))]
    for entry in catalogue():
        deadline = _t("cli.days", lang, days=entry.deadline.days) if entry.deadline else "-"
        biometric = _t("cli.yes" if entry.biometric_in_person else "cli.no", lang)
        rows.append((entry.code, biometric, deadline, entry.name(lang)))
    _table(rows, out)
    return EXIT_OK


# --------------------------------------------------------------------------- advise
def _cmd_advise(args: argparse.Namespace, out: TextIO) -> int:
    from adminduk.advice import advise

    office = _office(args.office)
    at = _when(args.at, "--at", office.zone)
    note = None
    if at is not None and not has_time(args.at):
        at, note = _opening_of_day(office, at, args.lang)
    advice = advise(
        office, args.service, at=at, reasons=args.reason or (), has_whatsapp=args.whatsapp
    )
    if args.json:
        return _json(advice.model_dump(mode="json"), out)
    if note:
        out.write(note + "\n\n")
    out.write(advice.to_message(args.lang, detail="short" if args.short else "full") + "\n")
    return EXIT_OK


def _opening_of_day(office: OfficeConfig, day: dt.datetime, lang: Lang) -> tuple[dt.datetime, str]:
    """A date-only ``--at``: the office's opening time that day, and a line that says so."""
    calendar = office.calendar()
    midnight = day.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=calendar.zone)
    try:
        opening = calendar.next_opening(midnight)
    except AdmindukError:
        opening = None  # it never opens again within the calendar's horizon
    if opening is not None and opening.date() == midnight.date():
        clock = opening.strftime("%H.%M" if lang == "id" else "%H:%M")
        return opening, _t("cli.date-only", lang, time=clock)
    return midnight, _t("cli.date-only-closed", lang)


# --------------------------------------------------------------------------- hours
def _t(key: str, lang: Lang, **fields: object) -> str:
    """A text of the command from the catalogue (``cli.*`` keys of ``adminduk._advice_text``)."""
    from adminduk._advice_text import text

    return text(key, lang, **fields)


def _clock(moment: dt.datetime, start: dt.datetime) -> str:
    if moment.date() > start.date():  # an interval that runs to midnight
        return "24:00"
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _day_notes(info: DayInfo, lang: Lang) -> list[str]:
    notes = []
    for closed in info.closed_by:
        notes.append(f"{closed.name(lang)} ({_t(f'cli.closure.{closed.kind.value}', lang)})")
    if info.extra_opening is not None:
        extra = info.extra_opening
        notes.append(extra.reason_en if english(lang) else extra.reason_id)
    if info.override is not None:
        notes.append(info.override.reason_en if english(lang) else info.override.reason_id)
    return notes


def _day_json(info: DayInfo, weekday: str, policy: str) -> dict[str, Any]:
    period = info.period
    return {
        "date": info.date.isoformat(),
        "weekday": weekday,
        "open": info.is_working_day,
        "intervals": [
            {"opens": i.opens.isoformat(), "closes": i.closes.isoformat()} for i in info.intervals
        ],
        "closed_by": [
            {
                "kind": c.kind.value,
                "name_id": c.name_id,
                "name_en": c.name_en,
                "estimated": c.estimated,
                "source": c.source,
            }
            for c in info.closed_by
        ],
        "default_hours": info.is_default_hours,
        "provisional": info.provisional,
        "caveats": [
            {
                "kind": c.kind.value,
                "date": c.date.isoformat(),
                "reason_id": c.reason_id,
                "reason_en": c.reason_en,
            }
            for c in info.caveats
        ],
        "hours_source": info.hours_source,
        "hours_note_id": None if period is None else period.note_id,
        "hours_note_en": None if period is None else period.note_en,
        "policy": policy,
    }


def _period_label(office: OfficeConfig, period: HoursPeriod, lang: Lang) -> str:
    """The name of a period of weekly hours in ``lang``: a citation, a policy, or the office's."""
    if period.is_default:
        return period.label or period.source
    for policy in office.policies:
        dates = (policy.valid_from, policy.valid_until)
        if policy.hours is not None and dates == (period.valid_from, period.valid_until):
            return policy.title(lang)
    return _t("cli.hours.office", lang, region=office.region)


def _legend_line(office: OfficeConfig, period: HoursPeriod, lang: Lang) -> str:
    """Where a period's hours come from: its name, its source, and its note in ``lang``."""
    label = _period_label(office, period, lang)
    what = period.source if label == period.source else f"{label} [{period.source}]"
    note = period.note(lang)
    return _t("cli.hours.from", lang, period=what if note is None else f"{what} — {note}")


def _cmd_hours(args: argparse.Namespace, out: TextIO) -> int:
    office = _office(args.office)
    monday = _hours_monday(args.week, office)
    calendar = office.calendar()
    days = [calendar.day_info(monday + dt.timedelta(days=n)) for n in range(7)]
    if args.json:
        return _json(_hours_json(office, monday, days), out)
    lang: Lang = args.lang
    title = _t(
        "cli.hours.title",
        lang,
        region=office.region,
        code=office.code,
        monday=monday.isoformat(),
        zone=_zone_name(office.timezone),
    )
    out.write(f"{title}\n\n")
    header = tuple(_t(f"cli.col.{col}", lang) for col in ("day", "date", "hours", "notes"))
    _table([header, *(_hours_row(n, info, lang) for n, info in enumerate(days))], out)
    legend = _hours_legend(office, days, lang)
    if legend:
        out.write("\n" + "\n".join(legend) + "\n")
    return EXIT_OK


def _hours_monday(week: str | None, office: OfficeConfig) -> dt.date:
    """The Monday of the week ``--week`` names (this week without it), in the office's zone."""
    from adminduk.errors import OutOfRange
    from adminduk.schedule import SUPPORTED_FROM, SUPPORTED_UNTIL

    zone = office.zone
    when = _when(week, "--week", zone) or dt.datetime.now(zone)
    outside = (
        f"argument --week: {{}} is outside the calendar; give a date in a week from "
        f"{SUPPORTED_FROM} to {SUPPORTED_UNTIL}"
    )
    try:
        day = office.local_date(when)
    except OutOfRange:  # past year 9999 (or before year 1) once read in the office's zone
        raise _UsageError(outside.format(repr(week))) from None
    monday = day - dt.timedelta(days=day.weekday())
    # The whole week must be in the calendar, not only the day given.
    if not SUPPORTED_FROM <= monday <= SUPPORTED_UNTIL - dt.timedelta(days=6):
        raise _UsageError(outside.format(day))
    return monday


def _hours_json(office: OfficeConfig, monday: dt.date, days: list[DayInfo]) -> dict[str, Any]:
    """The week as JSON: each day with its English weekday name and the policy in force."""
    from adminduk._advice_text import day_name

    return {
        "office": office.code,
        "timezone": office.timezone,
        "week_start": monday.isoformat(),
        "days": [
            _day_json(info, day_name(n, "en"), office.policy_at(info.date).id)
            for n, info in enumerate(days)
        ],
    }


def _hours_row(n: int, info: DayInfo, lang: Lang) -> tuple[str, ...]:
    """One day of the week's table: weekday, date, hours marked ``*``/``?``, and notes."""
    from adminduk._advice_text import day_name

    if info.intervals:
        hours = ", ".join(
            f"{_clock(i.opens, i.opens)}-{_clock(i.closes, i.opens)}" for i in info.intervals
        )
    else:
        hours = _t("cli.hours.closed", lang)
    marks = ("*" if info.is_default_hours else "") + ("?" if info.provisional else "")
    return (
        day_name(n, lang),
        info.date.isoformat(),
        f"{hours} {marks}".rstrip(),
        "; ".join(_day_notes(info, lang)),
    )


def _hours_legend(office: OfficeConfig, days: list[DayInfo], lang: Lang) -> list[str]:
    """What the table's marks mean, and where each weekly schedule shown comes from."""
    # Dicts, not sets: each line once, in the order the week first shows it.
    caveats: dict[str, None] = {}
    used: dict[str, None] = {}
    for info in days:
        caveats.update(dict.fromkeys(caveat.reason(lang) for caveat in info.caveats))
        # A day opened or changed by a one-off has no weekly schedule to cite.
        weekly = info.override is None and info.extra_opening is None
        if info.intervals and weekly and info.period is not None:
            used.setdefault(_legend_line(office, info.period, lang))
    legend = []
    if any(info.is_default_hours for info in days):
        legend.append(_t("cli.hours.default", lang))
    if caveats:
        legend.append(_t("cli.hours.provisional", lang))
        legend += [f"  - {reason}" for reason in caveats]
    return legend + list(used)


# --------------------------------------------------------------------------- requirements
def _diff_text(diff: RequirementDiff, lang: Lang) -> str:
    """A requirement diff in ``lang``: each change with the office item's name and its source."""
    fields = {
        "code": diff.office,
        "service": diff.service.code,
        "day": diff.day.isoformat(),
        "policy": diff.policy_id,
    }
    if diff.is_baseline:
        return _t("cli.diff.unchanged", lang, **fields)
    sources = {
        (change.item.code if change.item else change.target): change.source
        for change in diff.changes
    }
    lines = [_t("cli.diff.title", lang, **fields)]
    if diff.added:
        lines.append(_t("cli.diff.added", lang))
        lines += [f"  + {r.code}: {r.name(lang)} [{sources.get(r.code, '')}]" for r in diff.added]
    if diff.removed:
        lines.append(_t("cli.diff.removed", lang))
        lines += [
            f"  - {r.code}: {r.name(lang)} [{sources.get(r.code, '')}]" for r in diff.removed
        ]
    if diff.replaced:
        lines.append(_t("cli.diff.replaced", lang))
        lines += [
            f"  ~ {old.code} -> {new.code}: {new.name(lang)} [{sources.get(new.code, '')}]"
            for old, new in diff.replaced
        ]
    return "\n".join(lines)


def _cmd_requirements(args: argparse.Namespace, out: TextIO) -> int:
    from adminduk.documents import Service, catalogue
    from adminduk.offices import diff_requirements

    office = _office(args.office)
    service = Service.parse(args.service)
    at = _when(args.at, "--at", office.zone) or dt.datetime.now(office.zone)
    lang: Lang = args.lang
    if args.diff:
        diff = diff_requirements(office, service, at)
        if args.json:
            return _json(
                {
                    "office": diff.office,
                    "service": diff.service.code,
                    "date": diff.day.isoformat(),
                    "policy": diff.policy_id,
                    "is_baseline": diff.is_baseline,
                    "added": [r.model_dump(mode="json") for r in diff.added],
                    "removed": [r.model_dump(mode="json") for r in diff.removed],
                    "replaced": [
                        {
                            "national": old.model_dump(mode="json"),
                            "office": new.model_dump(mode="json"),
                        }
                        for old, new in diff.replaced
                    ],
                },
                out,
            )
        out.write(_diff_text(diff, lang) + "\n")
        return EXIT_OK
    checklist = office.requirements(service, at)
    day = office.local_date(at)
    policy = office.policy_at(day).id
    note = None if checklist else catalogue()[service].requirements_note_text(lang)
    if args.json:
        return _json(
            {
                "office": office.code,
                "service": service.code,
                "date": day.isoformat(),
                "policy": policy,
                "requirements": [r.model_dump(mode="json") for r in checklist],
                "requirements_note": note,
            },
            out,
        )
    title = _t(
        "cli.requirements.title",
        lang,
        region=office.region,
        code=office.code,
        service=service.code,
        day=day.isoformat(),
        policy=policy,
    )
    out.write(f"{title}\n\n")
    if not checklist:
        out.write(f"{note or _t('cli.requirements.none', lang)}\n")
        return EXIT_OK
    columns = ("number", "code", "origin", "name", "legal-basis")
    rows = [tuple(_t(f"cli.col.{c}", lang) for c in columns)]
    rows += [
        (
            str(n),
            r.code,
            _t(f"cli.origin.{r.origin}", lang),
            r.name(lang),
            r.basis(lang),
        )
        for n, r in enumerate(checklist, start=1)
    ]
    _table(rows, out)
    return EXIT_OK


# --------------------------------------------------------------------------- check
def _findings(path: str | None) -> list[dict[str, str]]:
    from adminduk.testing import check_national, check_office

    # A file that does not load yields one error per problem (check "loads"); None is the
    # national law file, which goes through the same checks.
    found = check_national() if path is None else check_office(path)
    return [
        {
            "severity": f.severity.value,
            "path": f.path,
            "message": f.message,
            "hint": f.hint,
            "check": f.check,
        }
        for f in found
    ]


_SEVERITY_ORDER: Final = ("error", "warning", "info")


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    if not args.files and not args.national:
        raise _UsageError(
            "check: name at least one office FILE, or --national for the national law file "
            "(see 'adminduk check --help')"
        )
    results = [(path, _findings(path)) for path in args.files]
    if args.national:
        from adminduk._law import LAW_FILE

        results.append((LAW_FILE, _findings(None)))
    errors = sum(1 for _, found in results for f in found if f["severity"] == "error")
    if args.json:
        _json([{"file": path, "findings": found} for path, found in results], out)
        return EXIT_FINDINGS if errors else EXIT_OK
    for path, found in results:
        counts: dict[str, int] = {}
        for f in found:
            counts[f["severity"]] = counts.get(f["severity"], 0) + 1
        summary = ", ".join(
            f"{counts[kind]} {kind}{'s' if counts[kind] != 1 and kind != 'info' else ''}"
            for kind in sorted(counts, key=_SEVERITY_ORDER.index)
        )
        verdict = "FAIL" if counts.get("error") else "ok"
        out.write(f"{path}: {verdict}" + (f" ({summary})" if summary else "") + "\n")
        for f in found:
            where = f["path"] or "<file>"
            out.write(f"  {f['severity']:<8} {where}: {f['message']}\n")
            if f["hint"]:
                out.write(f"           hint: {f['hint']}\n")
    return EXIT_FINDINGS if errors else EXIT_OK


# --------------------------------------------------------------------------- name
def _cmd_name(args: argparse.Namespace, out: TextIO) -> int:
    from adminduk.documents import NameSeverity, catalogue, check_name

    found = check_name(args.name, document=args.document)
    errors = sum(1 for f in found if f.severity is NameSeverity.ERROR)
    status = EXIT_FINDINGS if errors else EXIT_OK
    lang: Lang = args.lang
    if args.json:
        _json(
            {
                "document": args.document,
                "ok": not errors,
                "findings": [
                    {
                        "rule": f.rule,
                        "article": f.article,
                        "severity": f.severity.value,
                        "position": f.position,
                        "message": f.message(lang),
                        "interpreted": f.interpreted,
                    }
                    for f in found
                ],
            },
            out,
        )
        return status
    # The name itself is never printed back: it is personal data, and output gets logged.
    document = catalogue().document_name(args.document, lang)
    if not found:
        out.write(_t("cli.name.ok", lang, document=document) + "\n")
    else:
        warnings_ = len(found) - errors
        out.write(
            _t("cli.name.summary", lang, document=document, errors=errors, warnings=warnings_)
            + "\n"
        )
        for f in found:
            reading = f" ({_t('cli.name.reading', lang)})" if f.interpreted else ""
            severity = _t(f"cli.name.{f.severity.value}", lang)
            out.write(f"- {severity}: {f.message(lang)}\n  {f.article}{reading}\n")
    from adminduk.documents._names import unchecked_rule

    out.write(_t("cli.name.unchecked", lang, article=unchecked_rule()) + "\n")
    return status


# --------------------------------------------------------------------------- schema, export
def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from adminduk.offices import office_schema

    return _json(office_schema(), out)


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    office = _office(args.office)
    at = _when(args.at, "--at", office.zone)
    if args.format == "cpsv-ap":
        if args.default_hours:
            raise _UsageError(
                "argument --default-hours: only with --format jsonld; CPSV-AP gives the "
                "office's own hours only"
            )
        from adminduk.export import office_cpsv

        out.write(office_cpsv(office, at=at))
        return EXIT_OK
    from adminduk.export import office_jsonld

    return _json(office_jsonld(office, default_hours=args.default_hours, at=at), out)


# --------------------------------------------------------------------------- the parser
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("adminduk")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "(not installed)"


def _documentation() -> str | None:
    """Where the documentation is online: the package's own Project-URL, if it names one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls: list[str] = metadata("adminduk").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("documentation", "source", "homepage"):
            return url.strip()
    return None


def _epilog() -> str:
    # A pip user has no docs/ folder: point to what is installed (each command's --help) and
    # to the project's own page, never to a path in the source tree.
    where = _documentation()
    online = f" Documentation: {where} (docs/cli.md there)." if where else ""
    return (
        "Run 'adminduk COMMAND --help' for a command's arguments and options. Exit codes: 0 ok, "
        "1 errors found or I/O, 2 bad input, 70 internal error, 130 interrupted." + online
    )


def _parser(out: TextIO) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="adminduk",
        description="Service rules of Indonesian civil-registry offices (Dinas Dukcapil).",
        epilog_of=_epilog,
        out=out,
    )
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        help="show program's version number and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(
        name: str, help: str, handler: Callable[[argparse.Namespace, TextIO], int]
    ) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(
            name, help=help, description=help[0].upper() + help[1:] + ".", out=out
        )
        sub.set_defaults(handler=handler)
        return sub

    def json_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--json", action="store_true", help="print one JSON document instead of text"
        )

    def lang_flag(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--lang",
            type=_language,
            default="id",
            metavar="LANG",
            help="Indonesian (id, default) or English (en); any BCP 47 tag such as id-ID, en_GB",
        )

    offices = command(
        "offices",
        "list every office that answers: built-in, plugins and the national baseline office "
        "of every other kabupaten/kota",
        _cmd_offices,
    )
    offices.add_argument(
        "--registered",
        action="store_true",
        help="only the offices with their own rules (built-in and plugins), no baseline offices",
    )
    offices.add_argument(
        "--province",
        metavar="P",
        help="only the offices of one province: its code (35) or name (Jawa Timur, DKI Jakarta)",
    )
    json_flag(offices)

    services = command("services", "list the national service catalogue", _cmd_services)
    lang_flag(services)
    json_flag(services)

    advise = command("advise", "advise a citizen: what to do, where, and why", _cmd_advise)
    advise.add_argument("office", metavar="OFFICE", help="office code or slug, e.g. 35.14")
    advise.add_argument("service", metavar="SERVICE", help="service code, e.g. kk/perubahan")
    advise.add_argument(
        "--at", metavar="WHEN", help=f"the moment asked about (default now): {_WHEN_HELP}"
    )
    advise.add_argument(
        "--reason",
        metavar="R",
        action="append",
        # The codes are national data (national.toml) and the office's: named, not listed here,
        # so the help neither drifts from them nor reads them on every start.
        help="an urgency reason: a code of the national instruction's urgent needs (e.g. bpjs) "
        "or of the office's own; an unknown code is refused with the valid ones; repeatable",
    )
    advise.add_argument(
        "--no-whatsapp",
        dest="whatsapp",
        action="store_false",
        help="the citizen cannot use WhatsApp",
    )
    advise.add_argument(
        "--short",
        action="store_true",
        help="the short reply a chat sends first (at most one screen; the rest on request)",
    )
    lang_flag(advise)
    json_flag(advise)

    hours = command("hours", "a week's opening hours, holidays and closures marked", _cmd_hours)
    hours.add_argument("office", metavar="OFFICE", help="office code or slug")
    hours.add_argument("--week", metavar="DATE", help="any day of the week (default this week)")
    lang_flag(hours)
    json_flag(hours)

    requirements = command(
        "requirements", "an office's checklist for a service", _cmd_requirements
    )
    requirements.add_argument("office", metavar="OFFICE", help="office code or slug")
    requirements.add_argument("service", metavar="SERVICE", help="service code")
    requirements.add_argument("--at", metavar="WHEN", help="the date asked about (default today)")
    requirements.add_argument(
        "--diff", action="store_true", help="show how it departs from the national baseline"
    )
    lang_flag(requirements)
    json_flag(requirements)

    check = command("check", "check office files (TOML or JSON) before publishing", _cmd_check)
    check.add_argument("files", metavar="FILE", nargs="*", help="office files to check")
    check.add_argument(
        "--national",
        action="store_true",
        help="also check the national law file (its sources and standards), as an office file",
    )
    json_flag(check)

    name = command("name", "check a name against the rules for names on documents", _cmd_name)
    name.add_argument(
        "name", metavar="NAME", help='the name as it would be written, e.g. "M. Rizky"'
    )
    name.add_argument(
        "--document",
        default="akta-kelahiran",
        metavar="DOC",
        help="the document it goes on, a document code: akta-kelahiran (default), kk, ktp-el, …",
    )
    lang_flag(name)
    json_flag(name)

    region = command(
        "region", "a Kemendagri region code: its name, province, history and office", _cmd_region
    )
    region.add_argument(
        "code", metavar="CODE", help="a province, kabupaten/kota or kecamatan code, e.g. 91.01"
    )
    region.add_argument(
        "--on", metavar="DATE", help="the code must be on the list in force that day"
    )
    json_flag(region)

    command("schema", "print the JSON Schema of an office file", _cmd_schema)

    export = command(
        "export", "an office's services as schema.org JSON-LD or CPSV-AP Turtle", _cmd_export
    )
    export.add_argument("office", metavar="OFFICE", help="office code or slug")
    export.add_argument(
        "--format",
        choices=("jsonld", "cpsv-ap"),
        default="jsonld",
        help="schema.org JSON-LD (default) or CPSV-AP 3.2 Turtle (needs adminduk[rdf])",
    )
    export.add_argument(
        "--at",
        metavar="WHEN",
        help="describe what holds at this moment (CPSV-AP default: now; JSON-LD default: the "
        f"whole dated history): {_WHEN_HELP}",
    )
    export.add_argument(
        "--default-hours",
        action="store_true",
        help="include the national default hours where the office publishes none (marked)",
    )
    return parser


# --------------------------------------------------------------------------- main
def _one_line(message: str) -> str:
    return " ".join(message.split())


def _describe(err: AdmindukError) -> str:
    if isinstance(err, ConfigError) and err.problems:
        head = f"{err.source}: " if err.source else ""
        more = len(err.problems) - 1
        tail = f" (and {more} more; run 'adminduk check' on the file)" if more else ""
        return f"{head}{err.problems[0]}{tail}"
    return str(err) or type(err).__name__


def _silence_stdout() -> None:
    # The reader went away (`adminduk services | head -1`): point stdout at /dev/null so the
    # interpreter's final flush does not fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command with ``argv`` (default: the process arguments); return the exit code.

    Output goes to ``out`` (default stdout), errors to ``err`` (default stderr) as one line,
    never as a traceback. Set ``ADMINDUK_DEBUG=1`` to see the traceback of an internal error.

    Examples:
        >>> main(["services", "--lang", "en"])  # doctest: +ELLIPSIS
        code  ...  name
        ktp-el/baru  ...  First KTP-el issuance (includes biometric recording)
        ...
        0
        >>> import io
        >>> errors = io.StringIO()
        >>> main(["advise", "probolinggo", "kk/baru"], err=errors)
        2
        >>> print(errors.getvalue(), end="")
        adminduk: error: no office with code or slug 'probolinggo'; did you mean kota-probolinggo (35.74) or kabupaten-probolinggo (35.13)?
    """  # noqa: E501
    stream = sys.stdout if out is None else out
    errors = sys.stderr if err is None else err
    warned: set[str] = set()

    def warn(message: str) -> None:
        line = _one_line(message)
        if line not in warned:
            warned.add(line)
            errors.write(f"adminduk: warning: {line}\n")

    # Warnings (a plugin that fails to load) become one line each too, not Python's
    # two-line "file:line: Category" form.
    # A command imports what it needs and answers once: the collector's passes over what it
    # imported would find no garbage (adminduk._core.collector).
    with paused(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        code = _run(list(sys.argv[1:] if argv is None else argv), stream, errors, warn)
    for warning in caught:
        warn(str(warning.message))
    return code


def console() -> NoReturn:
    """The installed ``adminduk`` command and ``python -m adminduk``: :func:`main`, then exit.

    Runs :func:`main` on the process arguments and ends the process with its exit code. As it
    ends, the collector is told (:func:`adminduk._core.collector.leaving`), so the interpreter's
    last passes do not walk what the process is about to give back: about a tenth of an
    ``adminduk advise`` run (``benchmarks/bench_import.py``). Call :func:`main` to run the
    command inside a process that goes on.

    Examples:
        >>> import subprocess, sys
        >>> done = subprocess.run(
        ...     [sys.executable, "-m", "adminduk", "advise", "35.13", "kk/baru", "--lang", "xx"],
        ...     capture_output=True, text=True)
        >>> done.returncode, done.stderr.startswith("adminduk: error: ")
        (2, True)
    """
    code = main()
    leaving()
    raise SystemExit(code)


def _run(argv: list[str], stream: TextIO, errors: TextIO, warn: Callable[[str], None]) -> int:
    def fail(message: str, code: int) -> int:
        errors.write(f"adminduk: error: {_one_line(message)}\n")
        return code

    try:
        args = _parser(stream).parse_args(argv)
        args.warn = warn
        return int(args.handler(args, stream))
    except _Exit as exc:
        return exc.status
    except _UsageError as exc:
        return fail(str(exc), EXIT_USAGE)
    except AdmindukError as exc:
        return fail(_describe(exc), EXIT_USAGE)
    except BrokenPipeError:
        if stream is sys.stdout:
            _silence_stdout()
        return EXIT_FINDINGS
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return fail(f"{where}{exc.strerror or exc}", EXIT_FINDINGS)
    except UnicodeEncodeError as exc:
        return fail(
            f"cannot write {exc.object[exc.start : exc.end]!r} in the output encoding "
            f"{exc.encoding}; set PYTHONIOENCODING=utf-8",
            EXIT_FINDINGS,
        )
    except KeyboardInterrupt:
        errors.write("adminduk: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as exc:
        if os.environ.get(_DEBUG_ENV):
            raise
        return fail(
            f"internal error: {type(exc).__name__}: {exc} (please report it; set "
            f"{_DEBUG_ENV}=1 to see the traceback)",
            EXIT_INTERNAL,
        )
