"""National measures as data: the instruction of 2020 and how long an unconfirmed fact holds.

The national law file's ``[rules]`` (``adminduk/_law/national.toml``) holds the measures that
change every office's rules for a period (the Dirjen Dukcapil's letter of 2020, extended until
the pandemic ended) and the horizon after which adminduk stops answering with a measure no
newer source confirms. Advice reads them through :func:`national_rules`; the file loads on the
first answer that needs it.

Examples:
    >>> import datetime as dt
    >>> rules = national_rules()
    >>> rules.instruction_at(dt.date(2020, 4, 15)).id
    'dirjen-2978-2020'
    >>> first = rules.instructions[0]
    >>> rules.instruction_at(first.valid_from - dt.timedelta(days=1)) is None
    True
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): the
# models are validated once, when the file loads.
import datetime as dt
import threading
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

from pydantic import Field

from adminduk._core.arguments import english
from adminduk._law import checks_passed, reader
from adminduk.offices._base import OfficeModel, most_specific
from adminduk.offices._national_facts import pandemic_end
from adminduk.offices._parts import Suspension
from adminduk.offices._policies import Policy
from adminduk.offices._types import (
    Certainty,
    Count,
    Flag,
    InPersonStance,
    Slug,
    SourceRef,
    Text,
    source_parts,
)

if TYPE_CHECKING:
    from adminduk.offices._channels import Channel
    from adminduk.offices._office import OfficeConfig

__all__ = [
    "InForce",
    "NationalInstruction",
    "NationalRules",
    "confirmed_on",
    "national_rules",
    "rules_in_force",
]

# Stricter stances come later: a measure can only narrow who the counter serves.
_STRICTNESS: Final = {
    InPersonStance.OPEN: 0,
    InPersonStance.URGENT_ONLY: 1,
    InPersonStance.CLOSED: 2,
}


class NationalInstruction(OfficeModel):
    """A national measure that restricts every office's service for a period.

    Attributes:
        id: stable identifier.
        title_id: the measure's title in Indonesian.
        title_en: the same in English.
        valid_from: its first day.
        valid_until: its last day, where a source gives one.
        ends_with_pandemic: whether it ran "until the pandemic ends", so that its last day is
            at the latest the day before the national pandemic status ended (``PANDEMIC_END``).
        confirmed_on: the newest date on which a source says the measure still held; after it,
            an answer that rests on the measure is an assumption and says so.
        source: the sources of the measure.
        in_person: who the counter serves while it holds (it only narrows an office's stance).
        urgency_reasons: the urgent needs it names.
        non_urgent_asked_to_wait: whether residents without an urgent need are asked to wait.
        suspended: services it postpones, unless an office policy in force says otherwise.
        cite: the source of single fields, where it differs from ``source``.

    Examples:
        >>> from adminduk.offices import PANDEMIC_END
        >>> instruction = national_rules().instructions[0]
        >>> instruction.ends_with_pandemic, instruction.last_day == PANDEMIC_END.last_day_before
        (True, True)
        >>> instruction.covers(instruction.valid_from), instruction.covers(PANDEMIC_END.effective)
        (True, False)
    """

    id: Slug
    title_id: Text
    title_en: Text
    valid_from: dt.date
    valid_until: dt.date | None = None
    ends_with_pandemic: Flag = False
    confirmed_on: dt.date
    source: SourceRef
    in_person: InPersonStance = InPersonStance.OPEN
    urgency_reasons: tuple[Slug, ...] = ()
    non_urgent_asked_to_wait: Flag = False
    suspended: tuple[Suspension, ...] = ()
    cite: dict[str, SourceRef] = Field(default_factory=dict)

    @property
    def last_day(self) -> dt.date | None:
        """Its last day: as a source gives it, else the pandemic's, else ``None`` (open)."""
        if self.valid_until is not None:
            return self.valid_until
        return pandemic_end().last_day_before if self.ends_with_pandemic else None

    @property
    def end_is_known(self) -> bool:
        """Whether a source dates the end itself (not only its latest possible end)."""
        return self.valid_until is not None

    def confirmed_by(self, day: dt.date) -> dt.date | None:
        """The newest day a source published by ``day`` confirms the measure, if any.

        Its confirmation (``confirmed_on``) once that has come out; before it, the newest of its
        own sources out by then (the letter that began it).

        Examples:
            >>> from adminduk.offices import national_rules
            >>> measure = national_rules().instructions[0]
            >>> later = measure.confirmed_on + dt.timedelta(days=30)
            >>> measure.confirmed_by(later) == measure.confirmed_on
            True
            >>> early = measure.confirmed_by(measure.valid_from)  # its own letter, out that day
            >>> early is not None and early < measure.confirmed_on
            True
        """
        if self.confirmed_on <= day:
            return self.confirmed_on
        from adminduk.offices._sources import NATIONAL_SOURCES

        dates = (
            NATIONAL_SOURCES[part].published
            for part in source_parts(self.source)
            if part in NATIONAL_SOURCES
        )
        return max((d for d in dates if d is not None and d <= day), default=None)

    def covers(self, day: dt.date) -> bool:
        """Whether the measure is in force on ``day``, up to its latest possible end."""
        last = self.last_day
        return self.valid_from <= day and (last is None or day <= last)

    def title(self, lang: str = "id") -> str:
        """The title in Indonesian (``id``) or English (``en``)."""
        return self.title_en if english(lang) else self.title_id

    def source_of(self, field: str) -> str:
        """The source of one field: its ``cite`` entry, else ``source``."""
        return self.cite.get(field, self.source)

    def restricts(self, policy: Policy, day: dt.date | None = None) -> Policy:
        """``policy`` as it held under this measure: the office's rules, narrowed by it.

        With ``day``, the rules narrowed are that day's: a channel not holding then
        (:meth:`~adminduk.offices.Policy.channels_on`) is no channel of theirs, so a service the
        measure suspends is not also taken by a channel that came years later.

        The ordinary rules take the measure's stance, its urgent needs and its request to
        wait, unless they are already stricter. A dated office policy is the office's own
        reading of the measure and keeps its rules; it only gains the measure's suspensions of
        services it leaves unsaid (no suspension, counter-only rule or in-person step of its
        own).

        Examples:
            >>> from adminduk import get_office
            >>> instruction = national_rules().instructions[0]
            >>> ordinary = get_office("35.78").ordinary_policy
            >>> narrowed = instruction.restricts(ordinary)
            >>> narrowed.in_person.value, narrowed.non_urgent_asked_to_wait
            ('urgent-only', True)
            >>> narrowed.suspension_for("ktp-el/baru").urgent_exempt
            True
        """
        channels = policy._channels_on(day)
        suspended = tuple(
            s for s in self.suspended if not _addressed(policy, s) and not _taken(channels, s)
        )
        narrowed: dict[str, object] = {"suspended": policy.suspended + suspended}
        if channels != policy.channels:
            narrowed["channels"] = channels
        if not policy.is_ordinary:
            if not suspended:
                return policy
            return policy.model_copy(update=narrowed)
        stricter = _STRICTNESS[self.in_person] > _STRICTNESS[policy.in_person]
        cite = dict(policy.cite)
        update: dict[str, object] = narrowed
        if stricter:
            update["in_person"] = self.in_person
            cite["in_person"] = self.source_of("in_person")
        if self.urgency_reasons and not policy.urgency_reasons:
            update["urgency_reasons"] = self.urgency_reasons
            update["urgency_reasons_exhaustive"] = True
            cite["urgency_reasons"] = self.source_of("urgency_reasons")
        if self.non_urgent_asked_to_wait and not policy.non_urgent_asked_to_wait:
            update["non_urgent_asked_to_wait"] = True
            cite["non_urgent_asked_to_wait"] = self.source_of("non_urgent_asked_to_wait")
        update["cite"] = cite
        return policy.model_copy(update=update)


def _taken(channels: tuple["Channel", ...], suspension: Suspension) -> bool:
    """Whether a remote channel of the office takes a service ``suspension`` names.

    The office's own channel for it is its own word on the service (a followable one also
    places its in-person step, which :func:`_addressed` reads; one nobody can find needs none).
    """
    from adminduk.offices._types import expand_pattern

    remote = [ch for ch in channels if ch.kind.is_remote]
    return any(
        code in ch.service_codes  # not takes(): a code the catalogue expanded needs no parse
        for pattern in suspension.services
        for code in expand_pattern(pattern)
        for ch in remote
    )


def _addressed(policy: Policy, suspension: Suspension) -> bool:
    """Whether ``policy`` says something of its own about every service ``suspension`` names."""
    from adminduk.offices._types import expand_pattern

    def says(code: str) -> bool:
        return any(
            most_specific(parts, code) is not None
            for parts in (policy.suspended, policy.counter_only, policy.in_person_steps)
        )

    return all(says(code) for pattern in suspension.services for code in expand_pattern(pattern))


class NationalRules(OfficeModel):
    """Every national measure, and the horizon of an unconfirmed fact.

    Attributes:
        assumption_horizon_days: how many days after the newest source that confirms a measure
            whose end is unknown an answer still rests on it (saying it is assumed).
        instructions: the national measures, oldest first.

    Examples:
        >>> national_rules().assumption_horizon_days
        120
    """

    assumption_horizon_days: Count
    instructions: tuple[NationalInstruction, ...] = ()

    def instruction_at(self, day: dt.date) -> NationalInstruction | None:
        """The national measure in force on ``day`` (up to its latest possible end), if any."""
        return next((i for i in reversed(self.instructions) if i.covers(day)), None)

    def horizon(self, confirmed_on: dt.date) -> dt.date:
        """The last day an answer may rest on a measure last confirmed on ``confirmed_on``."""
        return confirmed_on + dt.timedelta(days=self.assumption_horizon_days)


_LOCK: Final = threading.Lock()


class _Section(OfficeModel):
    """The national law file's ``[rules]`` section."""

    rules: NationalRules


_read_rules = reader(_Section, "rules")


@cache
def _load() -> NationalRules:
    # The national file goes through the checks of an office file's sources and standards
    # (every citation resolves) before a national measure decides an answer.
    if not checks_passed():  # else they passed when the file's precomputed form was written
        from adminduk._law import LAW_FILE
        from adminduk.errors import ConfigError
        from adminduk.offices._national_checks import national_problems

        problems = national_problems()
        if problems:
            raise ConfigError(problems, LAW_FILE)
    return _read_rules().rules


def national_rules() -> NationalRules:
    """The national measures, read from the national law file's ``[rules]`` once.

    Examples:
        >>> [i.id for i in national_rules().instructions]
        ['dirjen-2978-2020']
    """
    with _LOCK:  # one validation, however many threads ask first
        return _load()


def _ended_on(policy: Policy) -> dt.date:
    """The last day of a policy that has ended (one with no last day has not)."""
    assert policy.valid_until is not None  # policy_ended_before gives only ended policies
    return policy.valid_until


@dataclass(frozen=True, slots=True)
class InForce:
    """The rules that decide on one day, and how sure an answer can be of them.

    Attributes:
        policy: what triage reads: the office's rules in force, narrowed by a national measure.
        office_policy: the office's own rules used (its ordinary rules when a dated policy has
            lapsed).
        ended: the dated policy that ended before the day, when the ordinary rules hold, and
            no longer ago than the office's ``review_period_days`` (an older end is not news).
        instruction: the national measure applied, if any.
        lapsed_policy: a dated office policy no source confirms for so long that it is no
            longer the answer (see :class:`~adminduk.triage.Certainty`).
        lapsed_instruction: the same for a national measure.
        assumed: the newest confirmation of each measure used beyond it, oldest first.
        certainty: known, assumed or unknown.
    """

    policy: Policy
    office_policy: Policy
    ended: Policy | None
    instruction: NationalInstruction | None
    lapsed_policy: Policy | None
    lapsed_instruction: NationalInstruction | None
    assumed: tuple[dt.date, ...]

    @property
    def certainty(self) -> Certainty:
        """Known, assumed, or unknown (a measure lapsed past its horizon)."""
        if self.lapsed_policy is not None or self.lapsed_instruction is not None:
            return Certainty.UNKNOWN
        return Certainty.ASSUMED if self.assumed else Certainty.KNOWN

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """What tells two days' rules apart, for the plan cache."""
        return (
            self.office_policy.id,
            self.ended.id if self.ended else "",
            self.instruction.id if self.instruction else "",
            self.lapsed_policy.id if self.lapsed_policy else "",
            self.lapsed_instruction.id if self.lapsed_instruction else "",
        )


def confirmed_on(office: "OfficeConfig", policy: Policy) -> dt.date:
    """The newest day a source of the office's own confirms ``policy``: at least its start."""
    dates = [office.source_date(source, national=False) for source in policy.rests_on]
    start = policy.valid_from or dt.date.min
    return max((d for d in dates if d is not None), default=start)


def rules_in_force(office: "OfficeConfig", day: dt.date) -> InForce:
    """The rules of ``day``: the office's, past their horizon or not, narrowed nationally.

    The one statement of which rules decide on a day, for :func:`~adminduk.advise` and for
    :meth:`~adminduk.ServiceRequest.submit` alike.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import get_office
        >>> force = rules_in_force(get_office("35.78"), dt.date(2020, 4, 15))
        >>> force.policy.in_person.value, force.instruction.id, force.certainty.value
        ('urgent-only', 'dirjen-2978-2020', 'assumed')
        >>> rules_in_force(get_office("52.06"), dt.date(2022, 10, 10)).certainty.value
        'unknown'
    """
    from adminduk._core import arguments
    from adminduk.offices._office import OfficeConfig

    office = arguments.instance("office", office, OfficeConfig, "an OfficeConfig (get_office)")
    day = arguments.day("day", day)
    national = national_rules()
    policy = office.policy_at(day)
    lapsed_policy = None
    assumed: list[dt.date] = []
    if not policy.is_ordinary and (policy.valid_until is None or policy.ended_with_pandemic):
        confirmed = confirmed_on(office, policy)
        if day > national.horizon(confirmed):
            lapsed_policy, policy = policy, office.ordinary_policy
        elif day > confirmed:
            assumed.append(confirmed)
    instruction = national.instruction_at(day)
    if instruction is not None and instruction.restricts(policy, day) is policy:
        instruction = None  # the office's own policy already says all the measure would
    lapsed_instruction = None
    if instruction is not None and not instruction.end_is_known:
        if day > national.horizon(instruction.confirmed_on):
            lapsed_instruction, instruction = instruction, None
        elif day > instruction.confirmed_on:
            assumed.append(instruction.confirmed_on)
    ended = office.policy_ended_before(day) if lapsed_policy is None else None
    if ended is not None and (day - _ended_on(ended)).days > office.review_period_days:
        ended = None  # old news: "the Covid policy has ended" is no help years on
    return InForce(
        policy=instruction.restricts(policy, day) if instruction is not None else policy,
        office_policy=policy,
        ended=ended,
        instruction=instruction,
        lapsed_policy=lapsed_policy,
        lapsed_instruction=lapsed_instruction,
        assumed=tuple(sorted(assumed)),
    )
