"""Office calendars: weekly hours, holidays, cuti bersama, closures, and business-time arithmetic.

Examples:
    >>> from adminduk.schedule import CalendarSpec, WeeklyHours
    >>> WeeklyHours.parse({"senin": "08:00-15:00"}).weekly_total()
    datetime.timedelta(seconds=25200)
"""

from typing import TYPE_CHECKING

from adminduk._core import lazy as _lazy
from adminduk._core import public as _public
from adminduk.schedule._models import (
    CalendarSpec,
    Closure,
    ExtraOpening,
    HoursOverride,
    HoursPeriod,
    TimeRange,
    WeeklyHours,
)
from adminduk.schedule._zone import (
    SUPPORTED_FROM,
    SUPPORTED_UNTIL,
    as_local,
    is_naive,
)

if TYPE_CHECKING:
    # Values of the national law file (adminduk._law), read when first asked for.
    from adminduk.schedule._calendar import (
        Caveat,
        CaveatKind,
        DayInfo,
        Interval,
        OfficeCalendar,
        SpanInfo,
    )
    from adminduk.schedule._models import DEFAULT_CUTI_BERSAMA_SOURCE
    from adminduk.schedule._national import (
        ClosedDay,
        ClosureKind,
        cuti_bersama_horizon,
        national_days,
    )
    from adminduk.schedule._national_hours import national_default_periods
    from adminduk.schedule._zone import INDONESIAN_ZONES

# -- public names: written by scripts/public_names.py from the imports; do not edit --
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
_LAZY = {
    "DEFAULT_CUTI_BERSAMA_SOURCE": "adminduk.schedule._models",
    "INDONESIAN_ZONES": "adminduk.schedule._zone",
    "Caveat": "adminduk.schedule._calendar",
    "CaveatKind": "adminduk.schedule._calendar",
    "ClosedDay": "adminduk.schedule._national",
    "ClosureKind": "adminduk.schedule._national",
    "DayInfo": "adminduk.schedule._calendar",
    "Interval": "adminduk.schedule._calendar",
    "OfficeCalendar": "adminduk.schedule._calendar",
    "SpanInfo": "adminduk.schedule._calendar",
    "cuti_bersama_horizon": "adminduk.schedule._national",
    "national_days": "adminduk.schedule._national",
    "national_default_periods": "adminduk.schedule._national_hours",
}
# -- end of the public names --

# Reprs, tracebacks and the docs show the public path (adminduk.offices.Channel).
_public.publish(__name__, __all__, globals())

# The calendar arithmetic and the national days load on first use: an office's hours are data
# (the models above), and a first get_office computes no day.
__getattr__, __dir__ = _lazy.attributes(__name__, _LAZY)
