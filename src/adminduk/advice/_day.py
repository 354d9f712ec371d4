"""One local date of an office: its calendar, the rules in force, and the lines it adds.

Every answer on a day shares what this module reads once for it (cached per office and date):
the calendar's view of the day, the rules in force, the services that do not exist yet, and
the day's own reasons (the national default hours, the caveats of an estimated holiday).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from adminduk._advice_text import LANGS
from adminduk._core.cache import OwnedCache
from adminduk.advice._reasons import Bilingual, Reasons
from adminduk.advice._values import AdviceReason
from adminduk.advice._wording import text
from adminduk.documents import catalogue
from adminduk.offices import OfficeConfig
from adminduk.offices._national import InForce, rules_in_force
from adminduk.schedule import Caveat, DayInfo
from adminduk.triage._rules import exists_on

__all__ = ["Day", "caveat_reason", "day_of"]

# Holiday dates, estimates and cuti bersama come from the `holidays` package's Indonesia data.
_CALENDAR_SOURCE: Final = "python-holidays, Indonesia (public and government categories)"


@dataclass(frozen=True, slots=True)
class Day:
    """One local date of an office, as every answer on it reads it.

    Attributes:
        info: the calendar's view of the day.
        force: the rules in force on it.
        rules_key: what tells two days' rules apart (with whether a measure is assumed, and
            which dated channels and checklist changes hold).
        absent: the codes of the catalogue's services that do not exist yet on the day.
        hours: the line that the day's hours are the national default, where they are.
        closed: the line that says why the office is closed that day (a holiday, cuti
            bersama, a closure of its own), where one of those closes it.
        caveats: the line of each caveat of the day (an estimated holiday, cuti bersama).
    """

    info: DayInfo
    force: InForce
    rules_key: tuple[str, ...]
    absent: frozenset[str]
    hours: tuple[AdviceReason, ...]
    closed: tuple[AdviceReason, ...]
    caveats: tuple[AdviceReason, ...]

    @property
    def reasons(self) -> tuple[AdviceReason, ...]:
        """The day's own lines of every answer on it: ``hours``, ``closed``, ``caveats``."""
        return (*self.hours, *self.closed, *self.caveats)


# Room for every day the calendar answers for (2000-2099): requests spread over years fit.
_DAYS: Final[OwnedCache[dt.date, Day]] = OwnedCache(per_owner=36_525)


def day_of(office: OfficeConfig, day: dt.date) -> Day:
    """The office's local date ``day``, read once and cached: many requests share a day."""
    hit = _DAYS.get(office, day)
    if hit is not None:
        return hit
    info = office.calendar().day_info(day)
    force = rules_in_force(office, day)
    words = Reasons(office)
    hours: tuple[AdviceReason, ...] = ()
    if info.is_default_hours and info.period is not None:
        source = info.period.source
        basis = tuple(text("hours.national", lang, source=source) for lang in LANGS)
        fields: dict[str, str | Bilingual] = {"basis": (basis[0], basis[1])}
        hours = (words.word("default-hours", "hours.default", source, fields),)
    caveats = tuple(caveat_reason(words, caveat) for caveat in info.caveats)
    closed = _closed(words, info)
    found = Day(
        info=info,
        force=force,
        rules_key=(*force.key, "assumed" if force.assumed else "", _dated(office, force, day)),
        absent=frozenset(e.code for e in catalogue() if not exists_on(e.service, day)),
        hours=hours,
        closed=closed,
        caveats=caveats,
    )
    return _DAYS.put(office, day, found)


def _closed(words: Reasons, info: DayInfo) -> tuple[AdviceReason, ...]:
    """Why the office is shut all day, where a holiday or closure shuts it (not a weekend)."""
    if info.is_working_day or not info.closed_by:
        return ()
    names = {lang: "; ".join(day.name(lang) for day in info.closed_by) for lang in LANGS}
    source = "; ".join(dict.fromkeys(day.source for day in info.closed_by))
    fields: dict[str, str | Bilingual] = {"names": (names["id"], names["en"])}
    return (words.word("closed-day", "hours.closed-day", source, fields),)


def _dated(office: OfficeConfig, force: InForce, day: dt.date) -> str:
    """Which dated channels (of the rules triage reads) and checklist changes hold on ``day``.

    Two days under the same policy share a cached plan only where the same of these hold: a
    channel from 2021 is no route in 2020, a list read in 2024 is not a 2020 checklist.
    """
    if not office.has_dated_parts:
        return ""
    return f"{force.policy.dated_on(day)}/{office.policy_at(day).dated_on(day)}"


def caveat_reason(words: Reasons, caveat: Caveat) -> AdviceReason:
    """The line that says why an answer may change (an estimated holiday, cuti bersama)."""
    fields: dict[str, str | Bilingual] = {"text": (caveat.reason_id, caveat.reason_en)}
    return words.word(f"provisional-{caveat.kind.value}", "caveat", _CALENDAR_SOURCE, fields)
