"""The office: who it is, where, its hours and sources, and its rules dated policy by policy."""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import contextlib
import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Final, Self, TypeVar

from pydantic import AfterValidator, BaseModel, Field, model_validator

from adminduk._core import arguments
from adminduk._core.redact import is_text, plain
from adminduk._core.validation import trusted
from adminduk.documents import Service
from adminduk.errors import UnknownReason
from adminduk.offices._base import OfficeModel
from adminduk.offices._channels import Channel, counter_channel
from adminduk.offices._policies import OrdinaryRules, Policy, Rules
from adminduk.offices._sources import (
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
    Note,
    SourceInfo,
    UrgencyReasonInfo,
)
from adminduk.offices._standards import StandardDocument
from adminduk.offices._types import (
    FICTIONAL_PROVINCE,
    ORDINARY_ID,
    ChannelKind,
    Count,
    Flag,
    FrozenDict,
    InPersonStance,
    OfficeCode,
    Scope,
    Slug,
    SourceKey,
    SourceRef,
    Text,
    TimeZoneName,
    frozen_dict,
    office_context,
    source_parts,
)
from adminduk.schedule import (
    CalendarSpec,
    Closure,
    ExtraOpening,
    HoursOverride,
    HoursPeriod,
    WeeklyHours,
)
from adminduk.schedule._models import default_cuti_bersama_source

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from adminduk.documents import Requirement
    from adminduk.schedule import OfficeCalendar

__all__ = ["OfficeConfig"]

_Rs = TypeVar("_Rs", OrdinaryRules, Policy)


class OfficeConfig(OfficeModel):
    """One Dinas Dukcapil: who it is, where, its hours, and its rules dated policy by policy.

    Read one from a file with :func:`~adminduk.offices.load_office`, or get a registered one
    with :func:`~adminduk.offices.get_office`. Constructing one directly validates it the same
    way and raises :class:`~adminduk.errors.ConfigError` listing every problem.

    Examples:
        >>> from adminduk import get_office
        >>> office = get_office("kota-mataram")
        >>> office.code, office.timezone, str(office.zone)
        ('52.71', 'Asia/Makassar', 'Asia/Makassar')
        >>> policy = office.policy_at(dt.datetime(2020, 3, 25, 10, 0))
        >>> [ch.address for ch in policy.channels if ch.kind == "whatsapp"]
        ['+6287761489446', '+6285337287689', '+628123860693']
        >>> office.policy_at(dt.date(2020, 3, 20)).is_ordinary
        True
    """

    code: OfficeCode
    slug: Slug
    name: Text
    official_name: Text | None = None
    region: Text
    province: Text
    timezone: TimeZoneName
    source: SourceRef
    address: Text | None = None
    address_source: SourceRef | None = None
    address_unknown_reason: Text | None = None
    address_unknown_reason_id: Text | None = None
    replaces: Text | None = None
    sources: Annotated[dict[SourceKey, SourceInfo], AfterValidator(frozen_dict)] = Field(
        default_factory=FrozenDict
    )
    urgency_reasons: tuple[UrgencyReasonInfo, ...] = ()
    hours: WeeklyHours | None = None
    hours_source: SourceRef | None = None
    review_period_days: Count = Field(default=365, ge=1, le=3650)
    closes_on_cuti_bersama: Flag = True
    cuti_bersama_source: SourceRef = Field(default_factory=lambda: default_cuti_bersama_source())
    closures: tuple[Closure, ...] = ()
    never_reopens_reason: Text | None = None
    never_reopens_reason_id: Text | None = None
    extra_openings: tuple[ExtraOpening, ...] = ()
    hours_overrides: tuple[HoursOverride, ...] = ()
    ordinary: OrdinaryRules | None = None
    policies: tuple[Policy, ...] = ()
    notes: tuple[Note, ...] = ()
    # The office's published service standards (Standar Pelayanan), each dated.
    standards: tuple[StandardDocument, ...] = ()
    # True only for the national baseline office of a kabupaten/kota no office describes
    # (offices/_baseline.py): the national rules, not this office's own.
    baseline: bool = False
    # Local names of services (the office's app, its own words), for adminduk.find_services.
    service_phrases: Annotated[dict[Service, tuple[Text, ...]], AfterValidator(frozen_dict)] = (
        Field(default_factory=FrozenDict)
    )

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.OFFICE,)

    @classmethod
    def _error_source(cls) -> str | None:
        return None

    @classmethod
    def _context(cls, data: Any) -> contextlib.AbstractContextManager[None]:
        # Policies deep inside the file check their urgency reasons against the file's own, so
        # an unknown reason is reported at the exact place it is cited.
        reasons: frozenset[str] = frozenset()
        if isinstance(data, Mapping):
            own = data.get("urgency_reasons")
            if isinstance(own, list | tuple):
                codes = (
                    item.get("code") if isinstance(item, Mapping) else getattr(item, "code", None)
                    for item in own
                )
                reasons = frozenset(code for code in codes if isinstance(code, str))
        return office_context(reasons)

    @model_validator(mode="before")
    @classmethod
    def _counters_at_the_office(cls, data: Any) -> Any:
        # A counter the file lists without saying where is the office's own counter: it takes
        # the office's address (citing where that comes from), or the office's reason the
        # address is unknown, so the file states either once. With neither, the channel's own
        # check asks for one, as before.
        if not isinstance(data, Mapping):
            return data
        at_office = _office_address(data)
        if at_office is None:
            return data
        changed = dict(data)
        for key in ("ordinary", "policies"):
            value = data.get(key)
            if key == "ordinary" and isinstance(value, Mapping):
                changed[key] = _counters_placed(value, at_office)
            elif key == "policies" and isinstance(value, list | tuple):
                changed[key] = [
                    _counters_placed(rules, at_office) if isinstance(rules, Mapping) else rules
                    for rules in value
                ]
        return changed

    @model_validator(mode="after")
    def _with_counters(self) -> Self:
        # The counter is a channel like the others: where the file lists none and the counter
        # is not closed, add one taking every service, at the office's address.
        if self.ordinary is not None:
            object.__setattr__(self, "ordinary", self._with_counter(self.ordinary))
        policies = tuple(self._with_counter(policy) for policy in self.policies)
        object.__setattr__(self, "policies", policies)
        return self

    def _with_counter(self, rules: _Rs) -> _Rs:
        if rules.in_person is InPersonStance.CLOSED or any(
            ch.kind is ChannelKind.COUNTER for ch in rules.channels
        ):
            return rules
        # pydantic's own copy: the counter channel is built valid, and the public model_copy
        # would validate the whole rules again on every office load.
        return BaseModel.model_copy(rules, update={"channels": (*rules.channels, self._counter())})

    def _counter(self) -> Channel:
        reason = (self.address_unknown_reason, self.address_unknown_reason_id)
        return counter_channel(self.region, self.address, self.address_source, reason)

    # -- derived values ------------------------------------------------------------------------
    @property
    def zone(self) -> "ZoneInfo":
        """The office's time zone as a ``ZoneInfo``.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("52.06").zone
            zoneinfo.ZoneInfo(key='Asia/Makassar')
        """
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.timezone)

    @property
    def is_fictional(self) -> bool:
        """Whether the code is in the range reserved for examples and tests (``99.xx``).

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.13").is_fictional
            False
        """
        return self.code.startswith(FICTIONAL_PROVINCE + ".")

    @cached_property
    def ordinary_policy(self) -> Policy:
        """The rules outside every dated policy, as a ``Policy`` with id ``ordinary``.

        Examples:
            >>> from adminduk import get_office
            >>> ordinary = get_office("35.14").ordinary_policy
            >>> ordinary.is_ordinary, ordinary.in_person.value, ordinary.counter.takes("kk/baru")
            (True, 'open', True)
        """
        rules = self.ordinary or self._with_counter(OrdinaryRules())
        fields = {name: getattr(rules, name) for name in Rules.model_fields}
        return trusted(
            Policy,
            {
                **fields,
                "id": ORDINARY_ID,
                "title_id": "Layanan biasa",
                "title_en": "Ordinary service",
                "valid_from": None,
                "valid_until": None,
                "pandemic_measure": False,
                "notes_on_dates": None,
            },
        )

    @cached_property
    def has_dated_parts(self) -> bool:
        """Whether a channel or checklist change of its rules holds on fewer days than its policy.

        Read once: an answer's cache tells days apart by the dated parts only where there are
        any (advice/_day.py), so offices without them pay nothing for the dates.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("64.02").has_dated_parts, get_office("35.14").has_dated_parts
            (True, False)
        """
        # The file's own rules (not ordinary_policy, which builds a model): without an
        # [ordinary] table the ordinary rules are the undated default counter.
        rules = (*((self.ordinary,) if self.ordinary is not None else ()), *self.policies)
        return any(ch.dated for r in rules for ch in r.channels) or any(
            change.valid_from is not None or change.valid_until is not None
            for r in rules
            for change in r.requirement_changes
        )

    @cached_property
    def _timeline(self) -> tuple[list[dt.date], list[Policy]]:
        ordered = sorted(
            (p for p in self.policies if p.valid_from is not None),
            key=lambda p: p.valid_from or dt.date.min,
        )
        return [p.valid_from or dt.date.min for p in ordered], ordered

    def local_date(self, at: dt.datetime | dt.date) -> dt.date:
        """The office-local date of ``at``; a naive datetime is office-local wall time.

        Raises:
            OutOfRange: ``at`` is not a date or a datetime, or is outside the years 1-9999.

        Examples:
            >>> from adminduk import get_office
            >>> from zoneinfo import ZoneInfo
            >>> late = dt.datetime(2020, 3, 22, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
            >>> late.day, get_office("52.71").local_date(late).day  # already the 23rd in WITA
            (22, 23)
        """
        return arguments.day("at", at, lambda t: arguments.instant("at", t, self.zone).date())

    def policy_at(self, at: dt.datetime | dt.date) -> Policy:
        """The policy in force at ``at``: a dated policy, else the ordinary rules.

        Raises:
            OutOfRange: ``at`` is not a date or a datetime, or is outside the years 1-9999.

        Examples:
            >>> from adminduk import get_office
            >>> office = get_office("35.14")
            >>> office.policy_at(dt.date(2020, 3, 18)).id
            'covid-19-layanan-whatsapp'
            >>> office.policy_at(dt.date(2020, 3, 17)).is_ordinary
            True
        """
        day = self.local_date(at)
        starts, ordered = self._timeline
        index = bisect_right(starts, day) - 1
        if index >= 0:
            policy = ordered[index]
            if policy.valid_until is None or day <= policy.valid_until:
                return policy
        return self.ordinary_policy

    def urgency_reason(self, code: str) -> UrgencyReasonInfo:
        """An urgency reason this office can name: built in, or defined in its file.

        Raises:
            UnknownReason: neither built in nor defined by the office.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.14").urgency_reason("tni-polri").name_en
            'TNI/Polri recruitment'
        """
        code = plain(code)
        for reason in self.urgency_reasons if is_text(code) else ():
            if reason.code == code:
                return reason
        found = BUILTIN_URGENCY_REASONS.get(code) if is_text(code) else None
        if found is None:
            from adminduk._core.suggest import close_matches

            valid = sorted({*BUILTIN_URGENCY_REASONS, *(r.code for r in self.urgency_reasons)})
            shown = code
            raise UnknownReason(shown, valid=valid, suggestions=close_matches(code, valid))
        return found

    def source_info(self, key: str) -> SourceInfo | None:
        """The source a key names: the file's own ``[sources]``, else the national ones.

        Examples:
            >>> from adminduk import get_office
            >>> from adminduk.offices import NATIONAL_SOURCES
            >>> office = get_office("35.04")
            >>> office.source_info("KEPPRES-17-2023") is NATIONAL_SOURCES["KEPPRES-17-2023"]
            True
            >>> office.source_info("a free reference") is None
            True
        """
        key = arguments.text("key", key, "a source key, e.g. 'A0'")
        return self.sources.get(key) or NATIONAL_SOURCES.get(key)

    def describe_sources(self, source: str) -> tuple[str, ...]:
        """Each part of a ``source`` value, its key spelled out; one entry per source.

        Examples:
            >>> from adminduk import get_office
            >>> [s[:30] for s in get_office("35.13").describe_sources("A0; SE-800")]
            ['A0: Cegah Covid-19, Dispendukc', 'SE-800: Surat Edaran Bupati Pr']
        """
        described = []
        for part in source_parts(source):
            info = self.source_info(part)
            described.append(f"{part}: {info}" if info is not None else part)
        return tuple(described)

    def describe_source(self, source: str) -> str:
        """A ``source`` value with the file's keys spelled out.

        Examples:
            >>> from adminduk import get_office
            >>> print(get_office("35.04").describe_source("A3"))
            A3: Dispendukcapil Kabupaten Tulungagung Alihkan Pelayanan ke Online (Harian Bhirawa, 2020-03-20)
        """  # noqa: E501
        return "; ".join(self.describe_sources(source))

    def source_date(self, source: str, *, national: bool = True) -> dt.date | None:
        """The newest publication date among the sources a ``source`` value cites.

        ``None`` when none of them is dated (a free reference, or an undated article). With
        ``national=False`` only the file's own sources count: a national decree that does not
        name the office confirms nothing about it.

        Examples:
            >>> from adminduk import get_office
            >>> from adminduk.offices import NATIONAL_SOURCES
            >>> decree = NATIONAL_SOURCES["KEPPRES-17-2023"].published
            >>> get_office("35.14").source_date("A1; KEPPRES-17-2023") == decree
            True
            >>> get_office("35.14").source_date("A1; KEPPRES-17-2023", national=False)
            datetime.date(2020, 3, 24)
            >>> get_office("35.14").source_date("a free reference") is None
            True
        """
        own = arguments.flag("national", national)
        dates = [
            info.published
            for part in source_parts(source)
            if (info := self.sources.get(part) if not own else self.source_info(part)) is not None
            and info.published is not None
        ]
        return max(dates, default=None)

    def policy_ended_before(self, at: dt.datetime | dt.date) -> Policy | None:
        """The dated policy that last ended before ``at``, when the ordinary rules hold then.

        ``None`` while a dated policy is in force, or when none has ended yet.

        Raises:
            OutOfRange: ``at`` is not a date or a datetime, or is outside the years 1-9999.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.04").policy_ended_before(dt.date(2020, 4, 9)).id
            'se-470-318-105-2020'
            >>> get_office("35.04").policy_ended_before(dt.date(2020, 3, 20)) is None
            True
        """
        day = self.local_date(at)
        if not self.policy_at(day).is_ordinary:
            return None
        ended = [p for p in self._timeline[1] if p.valid_until is not None and p.valid_until < day]
        return max(ended, key=lambda p: p.valid_until or dt.date.min, default=None)

    # -- the calendar -----------------------------------------------------------------------
    @cached_property
    def calendar_spec(self) -> CalendarSpec:
        """The office's calendar as configuration: ordinary hours with each policy's on top.

        The background is the office's own ``hours``, or the national government working
        hours (``is_default``) where the sources give none; a policy with its own ``hours``
        overrides them on its dates.

        Examples:
            >>> from adminduk import get_office
            >>> from adminduk.schedule import national_default_periods
            >>> spec = get_office("35.13").calendar_spec
            >>> spec.periods[:2] == national_default_periods()  # no hours of its own
            True
            >>> [(p.label, p.is_default) for p in spec.periods[2:]]  # its policy's hours
            [('Layanan daring selama pencegahan Covid-19', False)]
        """
        if self.hours is not None:
            background: tuple[HoursPeriod, ...] = (
                HoursPeriod(
                    hours=self.hours,
                    source=self.describe_source(self.hours_source or self.source),
                    label=f"Jam layanan {self.region} / office hours",
                ),
            )
        else:
            # Imported here: a precomputed office keeps its calendar, and its load builds none
            # of the models of the national working hours.
            from adminduk.schedule import national_default_periods

            background = national_default_periods()
        layered = tuple(
            HoursPeriod(
                valid_from=policy.valid_from,
                valid_until=policy.valid_until,
                hours=policy.hours,
                source=self.describe_source(policy.source_of("hours")),
                label=policy.title(),
            )
            for policy in sorted(self._timeline[1], key=lambda p: p.valid_from or dt.date.min)
            if policy.hours is not None
        )
        return CalendarSpec(
            zone=self.timezone,
            periods=(*background, *layered),
            closures=self.closures,
            extra_openings=self.extra_openings,
            overrides=self.hours_overrides,
            closes_on_cuti_bersama=self.closes_on_cuti_bersama,
            cuti_bersama_source=self.describe_source(self.cuti_bersama_source),
        )

    def calendar(self) -> "OfficeCalendar":
        """The office's calendar: one timeline whose hours change where its policies change.

        Built once per office and cached.

        Examples:
            >>> from adminduk import get_office
            >>> cal = get_office("35.13").calendar()
            >>> cal.is_open(dt.datetime(2020, 3, 20, 10, 30))   # a Friday under the policy
            True
            >>> cal.is_open(dt.datetime(2020, 3, 20, 11, 30))   # Friday service ends at 11.00
            False
        """
        return self._calendar

    @cached_property
    def _calendar(self) -> "OfficeCalendar":
        from adminduk.schedule import OfficeCalendar

        return OfficeCalendar(self.calendar_spec)

    # -- requirements -------------------------------------------------------------------------
    def requirements(
        self, service: str | Service, at: dt.datetime | dt.date, *, remote: bool | None = None
    ) -> "tuple[Requirement, ...]":
        """The office's checklist for ``service`` at ``at``: the national one with its changes.

        Items the office adds (or puts in place of a national one) have ``origin="office"``.
        ``remote`` says how the person applies (``True``: without coming in; ``False``: at the
        counter), so that a change the office makes only for one of them is left out of the
        other; ``None`` (not known) keeps every change.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
            OutOfRange: ``at`` is not a date or a datetime, or is outside the years 1-9999.

        Examples:
            >>> from adminduk import get_office
            >>> mataram = get_office("52.71")
            >>> checklist = mataram.requirements("kia/baru", dt.date(2020, 3, 25))
            >>> [(r.code, r.origin) for r in checklist]
            ... # doctest: +NORMALIZE_WHITESPACE
            [('kutipan-akta-kelahiran', 'national'), ('kk-orang-tua', 'national'),
             ('ktp-el-orang-tua', 'national'), ('pas-foto-anak', 'national'),
             ('berkas-asli-saat-pengambilan', 'office')]
            >>> [r.code for r in mataram.requirements("kia/baru", dt.date(2020, 3, 25),
            ...                                       remote=False)][-1]
            'pas-foto-anak'
        """
        from adminduk.offices._requirements import merged_requirements

        return merged_requirements(self, service, at, remote=remote)[0]


_PLACE_KEYS: Final = ("address", "address_unknown_reason", "address_unknown_reason_id")


def _office_address(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """What a counter listed without a place takes from the office: its address or reason."""
    if isinstance(data.get("address"), str):
        return {"address": data["address"], "address_source": data.get("address_source")}
    reasons = {key: data[key] for key in _PLACE_KEYS[1:] if isinstance(data.get(key), str)}
    return reasons or None


def _counters_placed(rules: Mapping[str, Any], at_office: dict[str, Any]) -> Mapping[str, Any]:
    channels = rules.get("channels")
    if not isinstance(channels, list | tuple):
        return rules
    placed = [_placed(channel, at_office) for channel in channels]
    return {**rules, "channels": placed}


def _placed(channel: object, at_office: dict[str, Any]) -> object:
    if (
        not isinstance(channel, Mapping)
        or channel.get("kind") != ChannelKind.COUNTER.value
        or any(channel.get(key) is not None for key in _PLACE_KEYS)
    ):
        return channel
    fields = {key: value for key, value in at_office.items() if key != "address_source"}
    cited, source = at_office.get("address_source"), channel.get("source")
    if isinstance(cited, str) and isinstance(source, str) and cited not in _parts_of(source):
        fields["source"] = f"{source}; {cited}"
    return {**channel, **fields}


def _parts_of(source: str) -> tuple[str, ...]:
    try:
        return source_parts(source)
    except ValueError:  # an empty or unreadable source: the channel's own check says so
        return ()
