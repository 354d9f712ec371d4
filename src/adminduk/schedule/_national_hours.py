"""The national working hours: the schedule's section of the national law file.

Read from the national law file (``adminduk/_law/national.toml``) on first use, for offices
that publish no hours of their own. Apart from the office models
(:mod:`adminduk.schedule._models`, which a first ``get_office`` imports), so that loading a
precomputed office builds none of the models that validate this section.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations), as in
# the office models: pydantic evaluating strings costs a cold start.
import datetime as dt
import functools

from adminduk._core.validation import Text
from adminduk._law import reader
from adminduk.schedule._models import HoursPeriod, WeeklyHours, _Frozen

__all__ = ["national_default_periods", "national_hours_periods"]


class _NationalPeriod(_Frozen):
    """One period of the national working hours: its dates, label, citation and note."""

    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    label: Text
    source: Text
    note_id: Text
    note_en: Text


class _WorkingHours(_Frozen):
    """The national law file's ``[working_hours]``: one daily pattern, the periods using it."""

    source: Text
    hours: WeeklyHours
    periods: tuple[_NationalPeriod, ...]


class _Sections(_Frozen):
    """The sections of the national law file the schedule reads."""

    working_hours: _WorkingHours


_read_working_hours = reader(_Sections, "working_hours")


def national_hours_periods(hours: _WorkingHours) -> tuple[HoursPeriod, ...]:
    """The default periods of a validated ``[working_hours]`` section."""
    return tuple(
        HoursPeriod(hours=hours.hours, is_default=True, **period.model_dump())
        for period in hours.periods
    )


@functools.cache
def national_default_periods() -> tuple[HoursPeriod, ...]:
    """The national working hours of government offices by date, for offices that publish none.

    Read once from the national law file's ``[working_hours]``, where each period cites its
    regulation: one daily pattern of five working days and 37.5 hours a week, and the periods
    of the regulations that set it, each ``is_default=True``. The newer regulation lets each
    institution's head set the daily hours and gives no national clock times, so the older
    daily pattern, which meets the 37.5-hour rule, stays the default and the period's note says
    so.

    Each period's ``source`` is a bare citation, the same in every language; its ``note_id`` and
    ``note_en`` explain the rule in Indonesian and English.

    Ramadan hours (a yearly MenPAN-RB circular) are not included: they need the Ramadan dates of
    each year, which an office adds as an ``HoursOverride``.

    Examples:
        >>> first, second = national_default_periods()
        >>> first.valid_until + dt.timedelta(days=1) == second.valid_from, first.is_default
        (True, True)
        >>> first.hours == second.hours, first.hours.weekly_total() == dt.timedelta(hours=37.5)
        (True, True)
        >>> first.source.startswith(first.label), second.note("id").startswith("jam kerja")
        (True, True)
    """
    return national_hours_periods(_read_working_hours().working_hours)
