"""Office calendars: weekly hours, holidays, cuti bersama, closures, and business-time arithmetic.

Examples:
    >>> from adminduk.schedule import CalendarSpec, WeeklyHours
    >>> WeeklyHours.parse({"senin": "08:00-15:00"}).weekly_total()
    datetime.timedelta(seconds=25200)
"""

from typing import TYPE_CHECKING

from adminduk._core.lazy import attributes
from adminduk._core.public import publish
from adminduk.schedule._models import (
    DEFAULT_CUTI_BERSAMA_SOURCE,
    CalendarSpec,
    Closure,
    ExtraOpening,
    HoursOverride,
    HoursPeriod,
    TimeRange,
    WeeklyHours,
    national_default_periods,
)
from adminduk.schedule._zone import (
    INDONESIAN_ZONES,
    SUPPORTED_FROM,
    SUPPORTED_UNTIL,
    as_local,
    is_naive,
)

if TYPE_CHECKING:
    from adminduk.schedule._calendar import (
        Caveat,
        CaveatKind,
        DayInfo,
        Interval,
        OfficeCalendar,
        SpanInfo,
    )
    from adminduk.schedule._national import (
        ClosedDay,
        ClosureKind,
        cuti_bersama_horizon,
        national_days,
    )

__all__ = [
    "DEFAULT_CUTI_BERSAMA_SOURCE",
    "INDONESIAN_ZONES",
    "SUPPORTED_FROM",
    "SUPPORTED_UNTIL",
    "CalendarSpec",
    "Caveat",
    "CaveatKind",
    "ClosedDay",
    "Closure",
    "ClosureKind",
    "DayInfo",
    "ExtraOpening",
    "HoursOverride",
    "HoursPeriod",
    "Interval",
    "OfficeCalendar",
    "SpanInfo",
    "TimeRange",
    "WeeklyHours",
    "as_local",
    "cuti_bersama_horizon",
    "is_naive",
    "national_days",
    "national_default_periods",
]

# Reprs, tracebacks and the docs show the public path (adminduk.offices.Channel).
publish(__name__, __all__, globals())

# The calendar arithmetic and the national days load on first use: an office's hours are data
# (the models above), and a first get_office computes no day.
__getattr__, __dir__ = attributes(
    __name__,
    {
        **dict.fromkeys(
            ("Caveat", "CaveatKind", "DayInfo", "Interval", "OfficeCalendar", "SpanInfo"),
            "._calendar",
        ),
        **dict.fromkeys(
            ("ClosedDay", "ClosureKind", "cuti_bersama_horizon", "national_days"), "._national"
        ),
    },
)
