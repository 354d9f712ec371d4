"""The configuration of an office calendar: the models office files are written in.

Everything here is a frozen pydantic value, validated where it is read. Inside an office model a
bad value fails with a pydantic error that the office loader turns into a ``ConfigError`` with its
path; validated on their own (``CalendarSpec.parse``, ``WeeklyHours.parse``, ``TimeRange.parse``)
they raise ``ConfigError`` directly.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Self

from pydantic import (
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from adminduk._core import arguments
from adminduk._core.arguments import english
from adminduk._core.days import DAYS_EN, DAYS_ID
from adminduk._core.pydantic_hooks import public_schema
from adminduk._core.redact import is_text, plain
from adminduk._core.validation import ConfigErrorModel, Text, frozen_config
from adminduk.errors import ConfigError, ConfigProblem
from adminduk.schedule._zone import ZoneProblem, load_zone

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = [
    "DEFAULT_CUTI_BERSAMA_SOURCE",
    "CalendarSpec",
    "Closure",
    "ExtraOpening",
    "HoursOverride",
    "HoursPeriod",
    "TimeRange",
    "WeeklyHours",
    "default_cuti_bersama_source",
]


_RANGE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})\s*$")
_MINUTES_PER_DAY = 24 * 60


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


class _RangeProblem(ValueError):
    pass


@dataclass(frozen=True, slots=True, order=True)
class TimeRange:
    """One opening interval within a day, written e.g. ``"08:00-15:00"``: open from, closed at.

    The interval is half-open: the office is open at ``opens`` and closed at ``closes``. An end of
    ``24:00`` means midnight at the end of the day. Dots are accepted for the Indonesian way of
    writing times (e.g. ``"08.00-15.00"``), and an en dash for the dash. A ``TimeRange`` is a
    pydantic field type: validated from that string and serialised back to it.

    Attributes:
        start: minutes after midnight when the interval opens (0–1439).
        end: minutes after midnight when it closes (1–1440), after ``start``.

    Examples:
        >>> TimeRange.parse("08.00–11.00")
        TimeRange('08:00-11:00')
        >>> r = TimeRange.parse("08:00-15:00")
        >>> r.opens, r.closes, r.duration
        (datetime.time(8, 0), datetime.time(15, 0), datetime.timedelta(seconds=25200))
        >>> TimeRange.parse("15:00-08:00")
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: 1 problem
          - time range: closes (08:00) must be after opens (15:00) (got '15:00-08:00')
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        # Read as plain ints: an int subclass may lie in its comparisons.
        object.__setattr__(self, "start", plain(self.start))
        object.__setattr__(self, "end", plain(self.end))
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise ConfigError.single("time range", "start and end are minutes of the day (int)")
        if not (0 <= self.start < _MINUTES_PER_DAY and 0 < self.end <= _MINUTES_PER_DAY):
            raise ConfigError.single(
                "time range",
                "minutes must lie within the day (0 to 1440)",
                (self.start, self.end),
            )
        if self.end <= self.start:
            raise ConfigError.single(
                "time range",
                f"closes ({_hhmm(self.end)}) must be after opens ({_hhmm(self.start)})",
            )

    @staticmethod
    def _read(text: object) -> "TimeRange":
        if isinstance(text, TimeRange):
            return text
        text = plain(text)
        if not is_text(text):
            raise _RangeProblem("must be a string like '08:00-15:00'")
        match = _RANGE.match(text)
        if match is None:
            raise _RangeProblem("must look like '08:00-15:00' (HH:MM-HH:MM)")
        oh, om, ch, cm = (int(g) for g in match.groups())
        if oh > 23 or om > 59:
            raise _RangeProblem(f"opening time {oh:02d}:{om:02d} is not a time of day")
        if ch > 24 or cm > 59 or (ch == 24 and cm != 0):
            raise _RangeProblem(
                f"closing time {ch:02d}:{cm:02d} is not a time of day (24:00 is the latest)"
            )
        start, end = oh * 60 + om, ch * 60 + cm
        if end <= start:
            raise _RangeProblem(f"closes ({_hhmm(end)}) must be after opens ({_hhmm(start)})")
        return TimeRange(start, end)

    @classmethod
    def parse(cls, text: "str | TimeRange") -> "TimeRange":
        """Read ``"HH:MM-HH:MM"``.

        Raises:
            ConfigError: not a valid range, naming what is wrong.

        Examples:
            >>> TimeRange.parse(" 13:00 - 15:30 ").end
            930
            >>> TimeRange.parse("08:00-25:00")
            Traceback (most recent call last):
            ...
            adminduk.errors.ConfigError: 1 problem
              - time range: closing time 25:00 is not a time of day (24:00 is the latest) (got '08:00-25:00')
        """  # noqa: E501
        try:
            return cls._read(text)
        except _RangeProblem as err:
            raise ConfigError.single("time range", str(err), text) from None

    @property
    def opens(self) -> dt.time:
        """The opening time of day.

        Examples:
            >>> TimeRange.parse("08:15-12:00").opens
            datetime.time(8, 15)
        """
        return dt.time(self.start // 60, self.start % 60)

    @property
    def closes(self) -> dt.time:
        """The closing time of day; ``time(0, 0)`` for an end of ``24:00`` (see ``ends_at_midnight``).

        Examples:
            >>> TimeRange.parse("20:00-24:00").closes, TimeRange.parse("20:00-24:00").ends_at_midnight
            (datetime.time(0, 0), True)
        """  # noqa: E501
        return dt.time(self.end // 60 % 24, self.end % 60)

    @property
    def ends_at_midnight(self) -> bool:
        """Whether the interval runs to the end of the day (``24:00``)."""
        return self.end == _MINUTES_PER_DAY

    @property
    def duration(self) -> dt.timedelta:
        """How long the interval is open.

        Examples:
            >>> TimeRange.parse("08:00-11:00").duration
            datetime.timedelta(seconds=10800)
        """
        return dt.timedelta(minutes=self.end - self.start)

    def __str__(self) -> str:
        return f"{_hhmm(self.start)}-{_hhmm(self.end)}"

    def __repr__(self) -> str:
        return f"TimeRange({str(self)!r})"

    # -- pydantic integration ------------------------------------------------------------
    @classmethod
    def _validate(cls, value: object) -> "TimeRange":
        try:
            return cls._read(value)
        except _RangeProblem as err:
            raise PydanticCustomError("time_range", str(err)) from None

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: "GetCoreSchemaHandler"
    ) -> "CoreSchema":
        return public_schema(cls._validate, str)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: "CoreSchema", handler: "GetJsonSchemaHandler"
    ) -> "JsonSchemaValue":
        return {
            "type": "string",
            "pattern": _RANGE.pattern,
            "description": "an opening interval, opens-closes, e.g. 08:00-15:00 (24:00 allowed "
            "as an end)",
            "examples": ["08:00-15:00"],
        }


def _check_day(ranges: tuple[TimeRange, ...]) -> tuple[TimeRange, ...]:
    for before, after in itertools.pairwise(ranges):
        if after.start < before.start:
            raise PydanticCustomError(
                "time_ranges_order",
                "intervals must be in order of time: {after} comes before {before}",
                {"after": str(after), "before": str(before)},
            )
        if after.start < before.end:
            raise PydanticCustomError(
                "time_ranges_overlap",
                "intervals overlap: {before} and {after}",
                {"after": str(after), "before": str(before)},
            )
    return ranges


def _one_or_many(value: object) -> object:
    # One interval alone, e.g. "08:00-15:00", is as clear as a one-item list: both are accepted.
    return (value,) if isinstance(value, str | TimeRange) else value


class _Frozen(ConfigErrorModel):
    model_config = frozen_config()


OFFICE_FILE: Final = "adminduk.office_file"
"""The validation-context key that says the data is an office file, not Python arguments."""

_DAY_FIELDS = tuple(name.lower() for name in DAYS_EN)
_DAY_NAMES_ID = tuple(name.lower() for name in DAYS_ID)


class WeeklyHours(_Frozen):
    """Opening intervals for each day of the week; a day not given is closed.

    In office files the keys are the Indonesian day names (``senin`` … ``minggu``); in Python
    the English attribute names work too. Each day holds zero or more intervals, in order of time
    and not overlapping (two intervals for a Friday-prayer or lunch break).

    Examples:
        >>> hours = WeeklyHours.parse({"senin": ["08:00-15:00"], "jumat": "08:00-11:00"})
        >>> hours.day(4)
        (TimeRange('08:00-11:00'),)
        >>> hours.day(5)
        ()
        >>> hours.weekly_total()
        datetime.timedelta(seconds=36000)
        >>> hours.model_dump(by_alias=True)["jumat"]
        ('08:00-11:00',)
        >>> WeeklyHours.parse({"senin": ["08:00-12:00", "11:00-15:00"]})
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: 1 problem
          - senin: intervals overlap: 08:00-12:00 and 11:00-15:00
    """

    model_config = frozen_config(populate_by_name=True)

    monday: tuple[TimeRange, ...] = Field(default=(), alias="senin")
    tuesday: tuple[TimeRange, ...] = Field(default=(), alias="selasa")
    wednesday: tuple[TimeRange, ...] = Field(default=(), alias="rabu")
    thursday: tuple[TimeRange, ...] = Field(default=(), alias="kamis")
    friday: tuple[TimeRange, ...] = Field(default=(), alias="jumat")
    saturday: tuple[TimeRange, ...] = Field(default=(), alias="sabtu")
    sunday: tuple[TimeRange, ...] = Field(default=(), alias="minggu")

    _wrap = field_validator(*_DAY_FIELDS, mode="before")(_one_or_many)
    _ordered = field_validator(*_DAY_FIELDS, mode="after")(_check_day)

    @model_validator(mode="before")
    @classmethod
    def _indonesian_keys_in_files(cls, data: Any, info: ValidationInfo) -> Any:
        # An office file names the days in Indonesian, as its readers do; an English key
        # there ("monday") would otherwise pass as the Python attribute name and the reader
        # of the file would not see one spelling. Only where the caller says the data is a
        # file (validation context OFFICE_FILE): in Python, WeeklyHours(monday=...) works.
        if not (isinstance(data, Mapping) and info.context and info.context.get(OFFICE_FILE)):
            return data
        problems = [
            ConfigProblem(
                str(key),
                "unknown key: an office file names the days in Indonesian; did you mean "
                f"{_DAY_NAMES_ID[_DAY_FIELDS.index(key.lower())]!r}?",
            )
            for key in data
            if isinstance(key, str) and key.lower() in _DAY_FIELDS
        ]
        if problems:
            raise ConfigError(problems)
        return data

    @classmethod
    def parse(cls, data: "Mapping[str, Any] | WeeklyHours", source: str | None = None) -> Self:
        """Validate weekly hours from a mapping (e.g. a TOML table).

        Raises:
            ConfigError: every problem, each with its path (``senin[1]``).

        Examples:
            >>> WeeklyHours.parse({"senin": "08:00-15:00"}).monday
            (TimeRange('08:00-15:00'),)
            >>> WeeklyHours.parse({"senen": "08:00-15:00"})  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            adminduk.errors.ConfigError: 1 problem
              - senen: unknown key; valid here: jumat, kamis, minggu, rabu, sabtu, selasa, ...
        """
        source = arguments.optional_text("source", source, "a name for messages")
        if isinstance(data, cls):
            return data
        try:
            return cls.model_validate(data)
        except ConfigError as err:
            raise ConfigError(err.problems, source=source) from None

    def day(self, weekday: int) -> tuple[TimeRange, ...]:
        """The intervals of a weekday, Monday = 0 as in ``date.weekday()``.

        Examples:
            >>> WeeklyHours.parse({"minggu": "09:00-12:00"}).day(6)
            (TimeRange('09:00-12:00'),)
        """
        index = arguments.integer("weekday", weekday, 0, 6, "0 (Monday) to 6 (Sunday)")
        result: tuple[TimeRange, ...] = getattr(self, _DAY_FIELDS[index])
        return result

    def weekly_total(self) -> dt.timedelta:
        """Total opening time in one week.

        Examples:
            >>> WeeklyHours.parse({"senin": ["08:00-12:00", "13:00-15:00"]}).weekly_total()
            datetime.timedelta(seconds=21600)
        """
        minutes = sum(r.end - r.start for day in range(7) for r in self.day(day))
        return dt.timedelta(minutes=minutes)

    def __str__(self) -> str:
        parts = [
            f"{name} {', '.join(str(r) for r in self.day(i))}"
            for i, name in enumerate(_DAY_NAMES_ID)
            if self.day(i)
        ]
        return "; ".join(parts) if parts else "tutup (closed)"


def _check_span(start: dt.date | None, end: dt.date | None, what: str) -> None:
    if start is not None and end is not None and end < start:
        raise PydanticCustomError(
            "date_order",
            "{what} ({end}) is before the start ({start})",
            {"what": what, "end": str(end), "start": str(start)},
        )


class Closure(_Frozen):
    """A local closure: the office is shut on every day from ``start`` to ``end`` (inclusive).

    Examples:
        >>> c = Closure(start=dt.date(2020, 3, 18), end=dt.date(2020, 3, 31),
        ...             reason_id="Layanan tatap muka ditiadakan", reason_en="Counter closed",
        ...             source="example")
        >>> c.covers(dt.date(2020, 3, 31)), c.covers(dt.date(2020, 4, 1))
        (True, False)
    """

    start: dt.date
    end: dt.date
    reason_id: Text
    reason_en: Text
    source: Text

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        _check_span(self.start, self.end, "end")
        return self

    def covers(self, day: dt.date) -> bool:
        """Whether the closure includes ``day`` (a datetime counts by its own wall date)."""
        when = arguments.day("day", day)
        return self.start <= when <= self.end


class ExtraOpening(_Frozen):
    """An extra opening day with its own hours.

    E.g. a Saturday service day, or a counter that opens on cuti bersama. It wins over weekly
    hours, holidays and closures on that date.

    Examples:
        >>> e = ExtraOpening.model_validate({"date": "2025-04-03", "hours": ["08:00-12:00"],
        ...     "reason_id": "Layanan saat cuti bersama", "reason_en": "Open on collective leave",
        ...     "source": "Surat Dirjen Dukcapil 400.8/3995/Dukcapil"})
        >>> e.date, e.hours
        (datetime.date(2025, 4, 3), (TimeRange('08:00-12:00'),))
    """

    date: dt.date
    hours: tuple[TimeRange, ...]
    reason_id: Text
    reason_en: Text
    source: Text

    _wrap = field_validator("hours", mode="before")(_one_or_many)
    _ordered = field_validator("hours", mode="after")(_check_day)

    @field_validator("hours", mode="after")
    @classmethod
    def _some_hours(cls, value: tuple[TimeRange, ...]) -> tuple[TimeRange, ...]:
        if not value:
            raise PydanticCustomError(
                "no_hours", "an extra opening needs at least one interval, e.g. '08:00-12:00'"
            )
        return value


class HoursOverride(_Frozen):
    """Different weekly hours on the days from ``start`` to ``end`` (inclusive).

    For Ramadan hours or half days. Holidays and closures still close the office on those days.

    Examples:
        >>> o = HoursOverride.model_validate({"start": "2020-04-24", "end": "2020-05-23",
        ...     "hours": {"senin": "08:00-14:00", "jumat": "08:00-11:00"},
        ...     "reason_id": "Jam kerja Ramadan", "reason_en": "Ramadan hours", "source": "x"})
        >>> o.hours.day(0)
        (TimeRange('08:00-14:00'),)
    """

    start: dt.date
    end: dt.date
    hours: WeeklyHours
    reason_id: Text
    reason_en: Text
    source: Text

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        _check_span(self.start, self.end, "end")
        return self


class HoursPeriod(_Frozen):
    """Weekly hours in force from ``valid_from`` to ``valid_until`` (inclusive; ``None`` = open-ended).

    Attributes:
        source: where the hours come from, as a citation that reads the same in every language
            (a regulation and article, an article's title); explanations go in the note.
        is_default: ``True`` when these are the national government working hours used because the
            office's own sources give none; every answer resting on them says so.
        label: a short human name for the period (e.g. the policy it comes from).
        note_id: an optional explanation of the hours in Indonesian; given with ``note_en``.
        note_en: the same explanation in English; a note is in both languages or in neither.

    Examples:
        >>> p = HoursPeriod.model_validate({"valid_from": "2020-03-18",
        ...     "hours": {"senin": "08:00-15:00"}, "source": "x"})
        >>> p.covers(dt.date(2020, 3, 17)), p.covers(dt.date(2030, 1, 7))
        (False, True)
        >>> p.note("en") is None
        True
        >>> HoursPeriod.model_validate({"hours": {"senin": "08:00-15:00"}, "source": "x",
        ...     "note_id": "jam loket"})
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: HoursPeriod: 1 problem
          - <file>: note_en is missing: a note is given in both languages (note_id and note_en) or in neither
    """  # noqa: E501

    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    hours: WeeklyHours
    source: Text
    is_default: bool = False
    label: str = ""
    note_id: Text | None = None
    note_en: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        _check_span(self.valid_from, self.valid_until, "valid_until")
        if (self.note_id is None) != (self.note_en is None):
            missing = "note_en" if self.note_en is None else "note_id"
            raise PydanticCustomError(
                "note_language",
                "{missing} is missing: a note is given in both languages (note_id and note_en) "
                "or in neither",
                {"missing": missing},
            )
        return self

    def note(self, lang: str = "id") -> str | None:
        """The note in Indonesian (``id``) or English (``en``); ``None`` when there is none.

        Examples:
            >>> from adminduk.schedule import national_default_periods
            >>> first = national_default_periods()[0]
            >>> print(first.note("en"))
            national government working hours: five working days, 37.5 effective hours a week
        """
        return self.note_en if english(lang) else self.note_id

    def covers(self, day: dt.date) -> bool:
        """Whether the period is in force on ``day`` (a datetime counts by its own wall date)."""
        when = arguments.day("day", day)
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_until is None or when <= self.valid_until
        )


class CalendarSpec(_Frozen):
    """Everything an office calendar is built from.

    Attributes:
        zone: the IANA time zone of the office (``Asia/Jakarta`` WIB, ``Asia/Pontianak`` WIB,
            ``Asia/Makassar`` WITA, ``Asia/Jayapura`` WIT); it must keep a fixed UTC offset.
        periods: weekly hours by date, layered: on each date the **last** period that covers it
            holds, so the first is the background and later ones override it where they apply.
        closures: local closures (dated ranges with a reason and a source).
        extra_openings: extra opening days; they win over everything else on their date.
        overrides: date-range weekly hours (Ramadan, half days); the last one covering a date
            holds; holidays and closures still close.
        closes_on_cuti_bersama: whether the office closes on cuti bersama (category
            ``government`` of ``holidays``). Default ``True``; see ``cuti_bersama_source``.
        cuti_bersama_source: why ``closes_on_cuti_bersama`` has its value.

    Examples:
        >>> spec = CalendarSpec.parse({
        ...     "zone": "Asia/Jakarta",
        ...     "periods": [{"hours": {"senin": "08:00-15:00", "jumat": "08:00-11:00"},
        ...                  "source": "Probolinggo, March 2020"}],
        ... })
        >>> spec.zone, spec.closes_on_cuti_bersama
        ('Asia/Jakarta', True)
        >>> CalendarSpec.parse({"zone": "Asia/Jakata", "periods": []})
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: 2 problems
          - zone: 'Asia/Jakata' is not an IANA time zone; e.g. Asia/Jakarta, ...
          - periods: give at least one period of weekly hours (the national default hours are national_default_periods())
    """  # noqa: E501

    zone: str
    periods: tuple[HoursPeriod, ...]
    closures: tuple[Closure, ...] = ()
    extra_openings: tuple[ExtraOpening, ...] = ()
    overrides: tuple[HoursOverride, ...] = ()
    closes_on_cuti_bersama: bool = True
    cuti_bersama_source: Text = Field(default_factory=lambda: default_cuti_bersama_source())

    @field_validator("zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            load_zone(value)
        except ZoneProblem as err:
            raise PydanticCustomError("time_zone", str(err)) from None
        return value

    @field_validator("periods")
    @classmethod
    def _some_period(cls, value: tuple[HoursPeriod, ...]) -> tuple[HoursPeriod, ...]:
        if not value:
            raise PydanticCustomError(
                "no_periods",
                "give at least one period of weekly hours (the national default hours are "
                "national_default_periods())",
            )
        return value

    @field_validator("extra_openings")
    @classmethod
    def _one_opening_per_date(cls, value: tuple[ExtraOpening, ...]) -> tuple[ExtraOpening, ...]:
        seen: set[dt.date] = set()
        for opening in value:
            if opening.date in seen:
                raise PydanticCustomError(
                    "duplicate_date",
                    "two extra openings on {date}; give one with all its intervals",
                    {"date": str(opening.date)},
                )
            seen.add(opening.date)
        return value

    @classmethod
    def parse(cls, data: "Mapping[str, Any] | CalendarSpec", source: str | None = None) -> Self:
        """Validate a calendar specification from a mapping (e.g. a TOML table).

        Raises:
            ConfigError: every problem at once, each with its path (``periods[0].hours.senin[1]``).

        Examples:
            >>> CalendarSpec.parse({"zone": "Asia/Makassar", "periods": [
            ...     {"hours": {"senin": "15:00-08:00"}, "source": "x"}]})
            Traceback (most recent call last):
            ...
            adminduk.errors.ConfigError: 1 problem
              - periods[0].hours.senin[0]: closes (08:00) must be after opens (15:00) (got '15:00-08:00')
        """  # noqa: E501
        source = arguments.optional_text("source", source, "a name for messages")
        if isinstance(data, cls):
            return data
        try:
            return cls.model_validate(data)
        except ConfigError as err:
            raise ConfigError(err.problems, source=source) from None

    @property
    def tzinfo(self) -> "ZoneInfo":
        """The zone as a ``ZoneInfo``.

        Examples:
            >>> from adminduk.schedule import national_default_periods
            >>> national = CalendarSpec(zone="Asia/Jayapura", periods=national_default_periods())
            >>> national.tzinfo
            zoneinfo.ZoneInfo(key='Asia/Jayapura')
        """
        return load_zone(self.zone)[0]


def default_cuti_bersama_source() -> str:
    """What an office file that says nothing of cuti bersama rests on: the national default.

    Read from the national law file's ``[calendar]`` on first use
    (:mod:`adminduk.schedule._cuti_bersama`), and served as :data:`DEFAULT_CUTI_BERSAMA_SOURCE`.

    Examples:
        >>> default_cuti_bersama_source().startswith("Default: closed on cuti bersama.")
        True
    """
    # Imported here: only validating a file that is silent on cuti bersama reads the section,
    # and its models would cost every first get_office.
    from adminduk.schedule._cuti_bersama import national_default

    return national_default()


def __getattr__(name: str) -> str:
    """``DEFAULT_CUTI_BERSAMA_SOURCE``, read from the national law file when first asked for."""
    if name == "DEFAULT_CUTI_BERSAMA_SOURCE":
        return default_cuti_bersama_source()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:
    DEFAULT_CUTI_BERSAMA_SOURCE: str
    """Why an office closes on cuti bersama where its file says nothing (the national default)."""
