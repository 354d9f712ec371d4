"""The rules of an office: its ordinary rules and its dated policies, with their lookups."""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
from typing import Annotated, ClassVar, Self

from pydantic import AfterValidator, Field, field_validator, model_validator

from adminduk._core import arguments
from adminduk._core.arguments import english
from adminduk._core.redact import is_text, plain
from adminduk.documents import Service
from adminduk.errors import UnknownReason
from adminduk.offices._base import OfficeModel, most_specific, service_code
from adminduk.offices._changes import RequirementChange
from adminduk.offices._channels import ORDINARY_SOURCE, Channel
from adminduk.offices._parts import CounterOnly, Fulfilment, InPersonStep, Suspension
from adminduk.offices._sources import BUILTIN_URGENCY_REASONS, Note
from adminduk.offices._types import (
    ORDINARY_ID,
    ChannelKind,
    Flag,
    FrozenDict,
    InPersonStance,
    Scope,
    Slug,
    SourceRef,
    Text,
    frozen_dict,
    known_reason_codes,
)
from adminduk.schedule import WeeklyHours

__all__ = ["OrdinaryRules", "Policy", "ReasonCode", "Rules"]


def _check_reason(code: str) -> str:
    known = known_reason_codes()
    if known is not None and code not in BUILTIN_URGENCY_REASONS and code not in known:
        from adminduk._core.suggest import close_matches

        valid = sorted({*BUILTIN_URGENCY_REASONS, *known})
        raise UnknownReason(code, valid=valid, suggestions=close_matches(code, valid))
    return code


ReasonCode = Annotated[Slug, AfterValidator(_check_reason)]
"""An urgency reason: built in, or defined in the file's ``[[urgency_reasons]]``."""


# --------------------------------------------------------------------------- the rules
class Rules(OfficeModel):
    """The rule fields shared by the ordinary rules and by every dated policy."""

    source: SourceRef
    in_person: InPersonStance = InPersonStance.OPEN
    online_first: Flag = False
    urgency_reasons: tuple[ReasonCode, ...] = ()
    urgency_reasons_exhaustive: Flag = True
    walk_ins_without_whatsapp: Flag = False
    non_urgent_asked_to_wait: Flag = False
    channels: tuple[Channel, ...] = ()
    counter_only: tuple[CounterOnly, ...] = ()
    suspended: tuple[Suspension, ...] = ()
    fulfilment: tuple[Fulfilment, ...] = ()
    in_person_steps: tuple[InPersonStep, ...] = ()
    hours: WeeklyHours | None = None
    requirement_changes: tuple[RequirementChange, ...] = ()
    notes: tuple[Note, ...] = ()
    cite: Annotated[dict[str, SourceRef], AfterValidator(frozen_dict)] = Field(
        default_factory=FrozenDict
    )

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.RULES,)

    @field_validator("urgency_reasons")
    @classmethod
    def _listed_once(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("a reason is listed twice")
        return value

    # -- lookups (first the most specific pattern, then file order) ------------------------
    def counter_only_for(self, service: str | Service) -> CounterOnly | None:
        """The rule keeping ``service`` at the counter, or ``None``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return most_specific(self.counter_only, service_code(service))

    def suspension_for(self, service: str | Service) -> Suspension | None:
        """The suspension of ``service`` under these rules, or ``None``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return most_specific(self.suspended, service_code(service))

    def fulfilment_for(self, service: str | Service) -> Fulfilment | None:
        """How ``service``'s documents reach the citizen, or ``None`` when no source says.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return most_specific(self.fulfilment, service_code(service))

    def in_person_step_for(self, service: str | Service) -> InPersonStep | None:
        """Where and when the office does ``service``'s in-person step, or ``None``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return most_specific(self.in_person_steps, service_code(service))

    def channels_on(self, day: dt.date | None) -> tuple[Channel, ...]:
        """The channels that hold on ``day``, in file order: the one place a day's are read.

        A dated channel (:attr:`Channel.valid_from`, :attr:`Channel.valid_until`) is left out
        on a day it does not hold; ``None`` is no particular day, and every channel counts
        (the policy alone, as :func:`~adminduk.triage.decide` without a day reads it).

        Raises:
            OutOfRange: ``day`` is not a date, a datetime (its date) or ``None``.

        Examples:
            >>> from adminduk import get_office
            >>> ordinary = get_office("64.02").ordinary_policy
            >>> [ch.kind.value for ch in ordinary.channels_on(dt.date(2020, 12, 31))]
            ['counter']
            >>> [ch.kind.value for ch in ordinary.channels_on(dt.date(2021, 1, 1))]
            ['app', 'counter']
        """
        return self._channels_on(None if day is None else arguments.day("day", day))

    def _channels_on(self, day: dt.date | None) -> tuple[Channel, ...]:
        """:meth:`channels_on` of a day already checked (triage's and the export's edges)."""
        if day is None or not any(ch.dated for ch in self.channels):
            return self.channels
        return tuple(ch for ch in self.channels if ch._holds(day))

    def channels_for(
        self, service: str | Service, day: dt.date | None = None
    ) -> tuple[Channel, ...]:
        """The channels that take ``service`` (on ``day``, if given), in file order.

        The counter is included. Without ``day`` every channel counts, dated or not.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
            OutOfRange: ``day`` is not a date or a datetime.
        """
        code = service_code(service)
        return tuple(ch for ch in self.channels_on(day) if code in ch.service_codes)

    def counter_on(self, day: dt.date | None) -> Channel | None:
        """The counter channel on ``day``, or ``None`` when it is closed that day.

        Raises:
            OutOfRange: ``day`` is not a date, a datetime (its date) or ``None``.
        """
        return next((ch for ch in self.channels_on(day) if ch.kind is ChannelKind.COUNTER), None)

    @property
    def counter(self) -> Channel | None:
        """The counter channel, or ``None`` when the counter is closed (any day of the policy)."""
        return self.counter_on(None)

    def dated_on(self, day: dt.date) -> str:
        """Which of the policy's dated channels and checklist changes hold on ``day``.

        ``""`` for a policy with none; else one ``1`` or ``0`` for each, in file order. Two
        days with the same policy and the same marks have the same channels and checklists:
        the answers' cache tells days apart by it (advice/_day.py).

        Raises:
            OutOfRange: ``day`` is not a date (a datetime gives its date).

        Examples:
            >>> from adminduk import get_office
            >>> ordinary = get_office("64.02").ordinary_policy
            >>> ordinary.dated_on(dt.date(2020, 12, 31)), ordinary.dated_on(dt.date(2021, 1, 1))
            ('0', '1')
        """
        day = arguments.day("day", day)
        marks = [ch._holds(day) for ch in self.channels if ch.dated]
        marks += [
            change._holds(day)
            for change in self.requirement_changes
            if change.valid_from is not None or change.valid_until is not None
        ]
        return "".join("1" if holds else "0" for holds in marks)

    def accepts(self, reason: str) -> bool:
        """Whether ``reason`` is one of the urgency reasons these rules name.

        Examples:
            >>> from adminduk import get_office
            >>> policy = get_office("35.04").policy_at(dt.date(2020, 3, 20))
            >>> policy.accepts("rumah-sakit"), policy.accepts("sekolah")
            (True, False)
        """
        return is_text(reason) and plain(reason) in self.urgency_reasons

    def source_of(self, field: str) -> str:
        """The source of one rule field: its ``cite`` entry, else the rules' ``source``.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.13").policy_at(dt.date(2020, 3, 23)).source_of("hours")
            'A0'
        """
        return self.cite.get(
            arguments.text("field", field, "a rule field, e.g. 'hours'"), self.source
        )


class OrdinaryRules(Rules):
    """The office's rules outside every dated policy (the ``[ordinary]`` table).

    Without an ``[ordinary]`` table, an office's ordinary rules are: the counter is open for
    every service of the catalogue, nothing else (see :meth:`OfficeConfig.ordinary_policy`).

    Examples:
        >>> OrdinaryRules(source="s").in_person.value
        'open'
    """

    source: SourceRef = ORDINARY_SOURCE


def _pandemic_last_day() -> dt.date:
    """The last day of the national pandemic status.

    Imported on first use: a precomputed office is loaded without the national facts' models.
    """
    from adminduk.offices._national_facts import pandemic_end

    return pandemic_end().last_day_before


class Policy(Rules):
    """The office's rules from ``valid_from`` to ``valid_until`` (inclusive; open-ended if unset).

    The office's ordinary rules are a ``Policy`` too, with ``id`` ``ordinary`` and no dates
    (``is_ordinary``), so :meth:`OfficeConfig.policy_at` always returns one.

    Examples:
        >>> from adminduk import get_office
        >>> policy = get_office("35.04").policy_at(dt.date(2020, 3, 19))
        >>> policy.id, policy.in_person.value
        ('se-470-318-105-2020', 'urgent-only')
        >>> (policy.valid_until - policy.valid_from).days + 1  # days in force, both ends included
        21
        >>> policy.suspension_for("ktp-el/baru").mode.value
        'defer'
        >>> get_office("35.04").policy_at(dt.date(2020, 4, 9)).is_ordinary
        True
    """

    id: Slug
    title_id: Text | None = None
    title_en: Text | None = None
    valid_from: dt.date | None
    valid_until: dt.date | None = None
    pandemic_measure: Flag = False
    notes_on_dates: Text | None = None

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.RULES, Scope.POLICY)

    @model_validator(mode="after")
    def _ends_with_the_pandemic(self) -> Self:
        # A measure taken because of the pandemic ends with it at the latest: its last day is
        # the day before the national status ended (a later start is the check
        # pandemic-measure-dates).
        last_day = _pandemic_last_day()
        if (
            self.pandemic_measure
            and self.valid_from is not None
            and self.valid_from <= last_day
            and (self.valid_until is None or self.valid_until > last_day)
        ):
            object.__setattr__(self, "valid_until", last_day)
        return self

    @property
    def ended_with_pandemic(self) -> bool:
        """Whether the policy's last day is the last day of the national pandemic status.

        Examples:
            >>> from adminduk import get_office
            >>> from adminduk.offices import PANDEMIC_END
            >>> policy = get_office("35.14").policies[0]
            >>> policy.valid_until == PANDEMIC_END.last_day_before, policy.ended_with_pandemic
            (True, True)
        """
        return self.pandemic_measure and self.valid_until == _pandemic_last_day()

    @property
    def rests_on(self) -> tuple[str, ...]:
        """The ``source`` values the rules themselves rest on: theirs, their fields', channels'.

        What confirms the rules (their last confirmation, a file's check of their dates).

        Examples:
            >>> from adminduk import get_office
            >>> get_office("52.06").policies[0].rests_on[:2]
            ('A4', 'A4')
        """
        return (self.source, *self.cite.values(), *(ch.source for ch in self.channels))

    @property
    def is_ordinary(self) -> bool:
        """Whether these are the office's ordinary rules rather than a dated policy."""
        return self.id == ORDINARY_ID

    def covers(self, day: dt.date) -> bool:
        """Whether the policy is in force on ``day`` (the ordinary rules cover no fixed dates).

        Examples:
            >>> from adminduk import get_office
            >>> policy = get_office("35.04").policies[0]
            >>> last = policy.valid_until
            >>> policy.covers(last), policy.covers(last + dt.timedelta(days=1))
            (True, False)
        """
        when = arguments.day("day", day)  # a datetime counts by its own wall date
        if self.valid_from is None:
            return False
        return self.valid_from <= when and (self.valid_until is None or when <= self.valid_until)

    def title(self, lang: str = "id") -> str:
        """The policy's title in Indonesian or English, or its id when it has none."""
        title = self.title_en if english(lang) else self.title_id
        return title or self.id
