"""An office's configuration: identity, hours, sources, and its rules dated policy by policy.

The models are frozen pydantic values with ``extra="forbid"``. Checks that need more than one
field raise :class:`~adminduk.errors.ConfigError` with paths relative to the model; the loader
(``_loading.py``) prefixes them with the model's own path, so every problem of a file is reported
at once as ``policies[0].channels[2].address``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Final, Self, TypeVar

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)

from adminduk import _arguments
from adminduk._validation import ConfigErrorModel
from adminduk.documents import Confidence, Requirement, Service, catalogue
from adminduk.errors import ConfigError, ConfigProblem, UnknownReason
from adminduk.offices._sources import (
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
    PANDEMIC_END,
    URL_PATTERN,
    Note,
    SourceInfo,
    UrgencyReasonInfo,
)
from adminduk.offices._types import (
    FICTIONAL_PROVINCE,
    ChangeKind,
    ChannelKind,
    CounterOnlyReason,
    InPersonStance,
    IntakeFormat,
    OfficeCode,
    PickupPlace,
    ServicePatterns,
    Slug,
    SourceKey,
    SourceRef,
    SuspensionMode,
    Text,
    TimeZoneName,
    expand_pattern,
    known_reason_codes,
    office_context,
    pattern_rank,
    source_parts,
)
from adminduk.schedule import (
    DEFAULT_CUTI_BERSAMA_SOURCE,
    CalendarSpec,
    Closure,
    ExtraOpening,
    HoursOverride,
    HoursPeriod,
    WeeklyHours,
    national_default_periods,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from adminduk.identity import Province
    from adminduk.schedule import OfficeCalendar

__all__ = [
    "BUILTIN_URGENCY_REASONS",
    "Channel",
    "CounterOnly",
    "Fulfilment",
    "InPersonStep",
    "Note",
    "OfficeConfig",
    "OrdinaryRules",
    "Policy",
    "RequirementChange",
    "RequirementItem",
    "SourceInfo",
    "Suspension",
    "UrgencyReasonInfo",
]

_HOST: Final = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", re.IGNORECASE)
_ORDINARY_ID: Final = "ordinary"
_ORDINARY_SOURCE: Final = (
    "adminduk default: no source describes this office's ordinary rules, so outside its dated "
    "policies the counter is taken to be open for every service of the national catalogue"
)


class _Model(ConfigErrorModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _problem(path: str, message: str, value: object = None) -> ConfigProblem:
    shown = None if value is None else repr(value)
    if shown is not None and len(shown) > 80:
        shown = shown[:79] + "…"
    return ConfigProblem(path, message, shown)


def _raise_if(problems: list[ConfigProblem]) -> None:
    # A ConfigError is a ValueError, so pydantic reports it as this model's error; the loader
    # unpacks its problems and prefixes their (relative) paths with the model's path.
    if problems:
        raise ConfigError(problems)


def _covers(patterns: Iterable[str], code: str) -> bool:
    return any(code in expand_pattern(pattern) for pattern in patterns)


def _service_code(service: str | Service) -> str:
    return service.code if isinstance(service, Service) else Service.parse(service).code


# --------------------------------------------------------------------------- rule parts
class Channel(_Model):
    """A way to apply for services: an app, a WhatsApp number, a portal or the counter.

    ``address`` is a URL (``app``, ``portal``; a bare host name is kept as the source wrote
    it), an E.164 number (``whatsapp``; any common spelling is normalised, and the spelling the
    source printed is kept in ``published_as``) or a place (``counter``). When the sources do
    not give it, ``address`` is ``None`` and ``address_unknown_reason`` says why: never an
    invented number.

    Examples:
        >>> ch = Channel(kind="whatsapp", address="0813-5954-7692", label="WhatsApp KK",
        ...              services=["kk/*"], intake=["photo"], source="A1")
        >>> ch.address, ch.published_as
        ('+6281359547692', '0813-5954-7692')
        >>> ch.takes("kk/perubahan"), ch.takes("ktp-el/baru")
        (True, False)
        >>> ch.link()
        'https://wa.me/6281359547692'
    """

    kind: ChannelKind
    address: Text | None = None
    address_unknown_reason: Text | None = Field(default=None, validate_default=True)
    address_unknown_reason_id: Text | None = None
    published_as: Text | None = None
    label: Text
    label_en: Text | None = None
    services: ServicePatterns
    intake: tuple[IntakeFormat, ...] = ()
    source: SourceRef
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _keep_published_spelling(cls, data: Any) -> Any:
        # The article's own spelling (e.g. Mataram's "85337287689", which lost its leading 0)
        # is provenance: keep it beside the normalised number.
        if (
            isinstance(data, Mapping)
            and data.get("kind") == ChannelKind.WHATSAPP.value
            and isinstance(data.get("address"), str)
            and "published_as" not in data
        ):
            from adminduk.identity import normalize_whatsapp

            raw = data["address"].strip()
            try:
                normal = normalize_whatsapp(raw)
            except ValueError:
                return data  # reported by the address check below
            if normal != raw:
                return {**data, "published_as": raw}
        return data

    @field_validator("address")
    @classmethod
    def _address(cls, value: str | None, info: ValidationInfo) -> str | None:
        kind = info.data.get("kind")
        if value is None or kind is None:
            return value
        if kind is ChannelKind.WHATSAPP:
            from adminduk.identity import normalize_whatsapp

            return normalize_whatsapp(value)  # PhoneNumberError says what is wrong
        if kind in (ChannelKind.APP, ChannelKind.PORTAL) and not (
            URL_PATTERN.match(value) or _HOST.match(value)
        ):
            raise ValueError(
                f"an {kind.value} address is a URL, e.g. "
                "'https://layananonline.dukcapil.kemendagri.go.id'"
            )
        return value

    @field_validator("address_unknown_reason")
    @classmethod
    def _address_or_reason(cls, value: str | None, info: ValidationInfo) -> str | None:
        if "address" not in info.data:
            return value  # the address itself is invalid, and reported where it is
        if info.data["address"] is None and value is None:
            raise ValueError(
                "give the channel's address, or address_unknown_reason saying why the "
                "sources do not give it (never an invented one)"
            )
        if info.data["address"] is not None and value is not None:
            raise ValueError("give either an address or why it is unknown, not both")
        return value

    @model_validator(mode="after")
    def _check(self) -> Self:
        problems: list[ConfigProblem] = []
        if self.intake and self.kind is ChannelKind.COUNTER:
            problems.append(_problem("intake", "intake formats describe remote channels only"))
        if self.address_unknown_reason_id is not None and self.address_unknown_reason is None:
            problems.append(
                _problem(
                    "address_unknown_reason_id",
                    "an unknown address is explained in English (address_unknown_reason) "
                    "and Indonesian (address_unknown_reason_id); the address is given here",
                )
            )
        _raise_if(problems)
        return self

    def unknown_address_reason(self, lang: str = "id") -> str | None:
        """Why the address is unknown, in Indonesian (``id``) or English (``en``).

        ``None`` when the address is known, or when the file explains it only in the other
        language (a reply never mixes languages; the conformance kit reports the gap).

        Examples:
            >>> ch = Channel(kind="whatsapp", label="WA", services=["kk/*"], source="s",
            ...              address_unknown_reason="only on a banner",
            ...              address_unknown_reason_id="hanya di spanduk")
            >>> ch.unknown_address_reason("id"), ch.unknown_address_reason("en")
            ('hanya di spanduk', 'only on a banner')
        """
        if self.address is not None:
            return None
        return self.address_unknown_reason if lang == "en" else self.address_unknown_reason_id

    @cached_property
    def service_codes(self) -> frozenset[str]:
        """Every service code the channel takes, with wildcards expanded.

        Examples:
            >>> Channel(kind="portal", address="https://x.example", label="Portal",
            ...         services=["akta-kematian/*"], source="s").service_codes
            frozenset({'akta-kematian/baru'})
        """
        return frozenset().union(*(expand_pattern(p) for p in self.services))

    def takes(self, service: str | Service) -> bool:
        """Whether the channel takes ``service``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return _service_code(service) in self.service_codes

    def link(self, text: str | None = None) -> str | None:
        """A ``https://wa.me/`` link for a WhatsApp channel with a known number, else ``None``.

        Examples:
            >>> Channel(kind="whatsapp", address_unknown_reason="only on a banner",
            ...         label="WA", services=["kk/*"], source="s").link() is None
            True
        """
        if self.kind is not ChannelKind.WHATSAPP or self.address is None:
            return None
        from adminduk.identity import whatsapp_link

        return whatsapp_link(self.address, text)


class CounterOnly(_Model):
    """Services the office does only at the counter, and why.

    Examples:
        >>> CounterOnly(services=["ktp-el/*"], why="biometric", source="A2").why.value
        'biometric'
    """

    services: ServicePatterns
    why: CounterOnlyReason
    source: SourceRef
    note: Text | None = None


class Suspension(_Model):
    """Services the office does not do while the policy holds: ``defer`` or ``refuse``.

    ``urgent_exempt`` is ``True`` only where the source says urgent cases are still served.
    ``note_id`` and ``note_en`` are told to the citizen; ``note`` explains the reading to a
    reviewer of the file (like every rule part's ``note``).

    Examples:
        >>> s = Suspension(services=["ktp-el/*"], mode="defer", reason_id="Ditunda",
        ...                reason_en="Postponed", source="A3")
        >>> s.mode.value, s.urgent_exempt
        ('defer', False)
    """

    services: ServicePatterns
    mode: SuspensionMode
    reason_id: Text
    reason_en: Text
    urgent_exempt: bool = False
    note_id: Text | None = None
    note_en: Text | None = None
    source: SourceRef
    note: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        if (self.note_id is None) != (self.note_en is None):
            _raise_if([_problem("note_en", "give the note in both Indonesian and English")])
        return self


class Fulfilment(_Model):
    """How finished documents reach the citizen.

    Attributes:
        pickup: where the citizen gets the document; ``None`` with ``pickup_unknown_reason``
            when the sources do not say.
        delivers: the office sends documents on to the kecamatan or village office.
        processing_working_days: processing time in working days, where a source states it.
        processing_published: the processing time as the source words it (e.g. ``5 hari
            kemudian``), where ``processing_working_days`` is a reading of it.
        originals_checked: originals are handed over and checked at pick-up.
        ready_notice: the office tells the applicant when (or where) to collect.

    Examples:
        >>> f = Fulfilment(services=["ktp-el/*"], pickup="kecamatan", delivers=True,
        ...                processing_working_days=5, source="A1")
        >>> f.pickup.value, f.processing_working_days
        ('kecamatan', 5)
    """

    services: ServicePatterns = ("*",)
    pickup: PickupPlace | None = None
    pickup_unknown_reason: Text | None = None
    delivers: bool = False
    processing_working_days: int | None = Field(default=None, ge=0, le=365)
    processing_published: Text | None = None
    processing_note: Text | None = None
    originals_checked: bool = False
    ready_notice: bool = False
    note: Text | None = None
    source: SourceRef

    @model_validator(mode="after")
    def _check(self) -> Self:
        problems: list[ConfigProblem] = []
        if (self.pickup is None) == (self.pickup_unknown_reason is None):
            problems.append(
                _problem("pickup", "give the pickup place, or pickup_unknown_reason (not both)")
            )
        if self.delivers and self.pickup not in (
            PickupPlace.KECAMATAN,
            PickupPlace.VILLAGE_OFFICE,
        ):
            problems.append(
                _problem(
                    "delivers",
                    "only an office that sends documents on to the kecamatan or the village "
                    "office delivers; set pickup to 'kecamatan' or 'village-office'",
                )
            )
        _raise_if(problems)
        return self


class InPersonStep(_Model):
    """Where and when an office does a step that needs the applicant present.

    The catalogue names the steps that need the person in person (``perekaman-biometrik``,
    the biometric recording of a first KTP-el). An office that takes such a service through a
    remote channel says here where and when the step happens; where its sources do not say,
    ``unknown_reason_id`` and ``unknown_reason_en`` say so, and the answer still names the step.

    Examples:
        >>> step = InPersonStep(services=["ktp-el/baru"], step="perekaman-biometrik",
        ...                     place_id="Loket Dinas", place_en="The Dinas counter",
        ...                     when_id="sesuai jadwal dari petugas",
        ...                     when_en="when the officer schedules it", source="A1")
        >>> step.place("en"), step.when("id")
        ('The Dinas counter', 'sesuai jadwal dari petugas')
    """

    services: ServicePatterns
    step: Slug
    place_id: Text | None = None
    place_en: Text | None = None
    when_id: Text | None = None
    when_en: Text | None = None
    unknown_reason_id: Text | None = None
    unknown_reason_en: Text | None = None
    source: SourceRef
    note: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        problems: list[ConfigProblem] = []
        for field in ("place", "when", "unknown_reason"):
            if (getattr(self, f"{field}_id") is None) != (getattr(self, f"{field}_en") is None):
                problems.append(
                    _problem(f"{field}_en", f"give {field} in both Indonesian and English")
                )
        if self.place_id is None and self.unknown_reason_id is None:
            problems.append(
                _problem(
                    "place_id",
                    "say where the step happens (place_id, place_en), or why the sources do "
                    "not say (unknown_reason_id, unknown_reason_en)",
                )
            )
        _raise_if(problems)
        return self

    def place(self, lang: str = "id") -> str | None:
        """Where the step happens, in Indonesian (``id``) or English (``en``)."""
        return self.place_en if lang == "en" else self.place_id

    def when(self, lang: str = "id") -> str | None:
        """When the step happens, in Indonesian (``id``) or English (``en``)."""
        return self.when_en if lang == "en" else self.when_id

    def unknown_reason(self, lang: str = "id") -> str | None:
        """Why the sources leave place or time open, in Indonesian or English."""
        return self.unknown_reason_en if lang == "en" else self.unknown_reason_id


class RequirementItem(_Model):
    """An item an office adds to a national checklist (or puts in place of one).

    Its ``legal_basis`` defaults to the office itself (``Dukcapil <region>``), shown as
    local practice in either language.

    Examples:
        >>> RequirementItem(code="berkas-asli", name_id="Berkas asli",
        ...                 name_en="Originals").confidence.value
        'local-practice'
    """

    code: Slug
    name_id: Text
    name_en: Text
    legal_basis: Text | None = None
    confidence: Confidence = Confidence.LOCAL_PRACTICE


class RequirementChange(_Model):
    """One departure of the office's checklist from the national baseline of a service.

    ``add`` appends ``item``; ``remove`` drops the national item ``target``; ``replace`` puts
    ``item`` where ``target`` was.

    Examples:
        >>> change = RequirementChange(services=["kk/*"], kind="add", source="A2",
        ...     item={"code": "berkas-asli", "name_id": "Berkas asli", "name_en": "Originals"})
        >>> change.covers("kk/baru"), change.covers("kia/baru")
        (True, False)
    """

    services: ServicePatterns
    kind: ChangeKind
    target: Slug | None = None
    item: RequirementItem | None = None
    source: SourceRef
    note: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Self:
        problems: list[ConfigProblem] = []
        needs_target = self.kind in (ChangeKind.REMOVE, ChangeKind.REPLACE)
        needs_item = self.kind in (ChangeKind.ADD, ChangeKind.REPLACE)
        if needs_target and self.target is None:
            problems.append(
                _problem("target", f"a {self.kind.value} change names the national item's code")
            )
        if not needs_target and self.target is not None:
            problems.append(_problem("target", "an add change has no target", self.target))
        if needs_item and self.item is None:
            problems.append(_problem("item", f"a {self.kind.value} change gives the new item"))
        if not needs_item and self.item is not None:
            problems.append(_problem("item", "a remove change has no item"))
        problems.extend(self._baseline_problems())
        _raise_if(list(dict.fromkeys(problems)))
        return self

    def _baseline_problems(self) -> list[ConfigProblem]:
        # A target must be a national item of every service named exactly, and of at least one
        # service a wildcard covers; an added item must not shadow a national one.
        problems: list[ConfigProblem] = []
        covered = sorted(_expand(self.services))
        national = {code: [req.code for req in catalogue()[code].requirements] for code in covered}
        if self.target is not None:
            exact = sorted(_expand(p for p in self.services if pattern_rank(p) == 2))
            missing = [code for code in exact if self.target not in national[code]]
            for code in missing:
                problems.append(
                    _problem(
                        "target",
                        f"{code} has no national item {self.target!r}; its items: "
                        f"{', '.join(national[code]) or 'none'}",
                        self.target,
                    )
                )
            if not missing and not any(self.target in items for items in national.values()):
                problems.append(
                    _problem(
                        "target",
                        "no service these patterns cover has that national item",
                        self.target,
                    )
                )
        if self.item is not None:
            clash = [
                code
                for code in covered
                if self.item.code in national[code] and self.item.code != self.target
            ]
            if clash:
                problems.append(
                    _problem(
                        "item.code",
                        f"{', '.join(clash)} already has a national item with this code; "
                        "use kind = 'replace' with it as the target, or another code",
                        self.item.code,
                    )
                )
        return problems

    def covers(self, service: str | Service) -> bool:
        """Whether the change applies to ``service``."""
        return _covers(self.services, _service_code(service))


def _check_reason(code: str) -> str:
    known = known_reason_codes()
    if known is not None and code not in BUILTIN_URGENCY_REASONS and code not in known:
        from adminduk._suggest import close_matches

        valid = sorted({*BUILTIN_URGENCY_REASONS, *known})
        raise UnknownReason(code, valid=valid, suggestions=close_matches(code, valid))
    return code


ReasonCode = Annotated[Slug, AfterValidator(_check_reason)]
"""An urgency reason: built in, or defined in the file's ``[[urgency_reasons]]``."""


# --------------------------------------------------------------------------- the rules
class _Rules(_Model):
    """The rule fields shared by the ordinary rules and by every dated policy."""

    source: SourceRef
    in_person: InPersonStance = InPersonStance.OPEN
    online_first: bool = False
    urgency_reasons: tuple[ReasonCode, ...] = ()
    urgency_reasons_exhaustive: bool = True
    walk_ins_without_whatsapp: bool = False
    non_urgent_asked_to_wait: bool = False
    channels: tuple[Channel, ...] = ()
    counter_only: tuple[CounterOnly, ...] = ()
    suspended: tuple[Suspension, ...] = ()
    fulfilment: tuple[Fulfilment, ...] = ()
    in_person_steps: tuple[InPersonStep, ...] = ()
    hours: WeeklyHours | None = None
    requirement_changes: tuple[RequirementChange, ...] = ()
    notes: tuple[Note, ...] = ()
    cite: dict[str, SourceRef] = Field(default_factory=dict)

    @field_validator("urgency_reasons")
    @classmethod
    def _listed_once(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("a reason is listed twice")
        return value

    def _rule_problems(self) -> list[ConfigProblem]:
        problems: list[ConfigProblem] = []
        for key in self.cite:
            if key not in _CITABLE:
                problems.append(
                    _problem(
                        f"cite.{key}",
                        f"cite names a rule field; valid: {', '.join(sorted(_CITABLE))}",
                        key,
                    )
                )
        if self.in_person is InPersonStance.URGENT_ONLY and not self.urgency_reasons:
            problems.append(
                _problem(
                    "urgency_reasons",
                    "an urgent-only counter names the urgency reasons it accepts",
                )
            )
        remote = [(i, ch) for i, ch in enumerate(self.channels) if ch.kind.is_remote]
        for index, rule in enumerate(self.counter_only):
            for ch_index, channel in remote:
                clash = sorted(channel.service_codes & _expand(rule.services))
                if clash:
                    problems.append(
                        _problem(
                            f"counter_only[{index}].services",
                            f"channels[{ch_index}] ({channel.kind.value}) takes "
                            f"{', '.join(clash)}, which this rule keeps at the counter",
                        )
                    )
        for index, suspension in enumerate(self.suspended):
            for ch_index, channel in remote:
                clash = sorted(channel.service_codes & _expand(suspension.services))
                if clash:
                    problems.append(
                        _problem(
                            f"suspended[{index}].services",
                            f"channels[{ch_index}] ({channel.kind.value}) takes "
                            f"{', '.join(clash)}, which this rule suspends",
                        )
                    )
        problems.extend(_same_rank_overlaps("counter_only", self.counter_only))
        problems.extend(_same_rank_overlaps("suspended", self.suspended))
        problems.extend(_same_rank_overlaps("fulfilment", self.fulfilment))
        problems.extend(_same_rank_overlaps("in_person_steps", self.in_person_steps))
        return problems

    # -- lookups (first the most specific pattern, then file order) ------------------------
    def counter_only_for(self, service: str | Service) -> CounterOnly | None:
        """The rule keeping ``service`` at the counter, or ``None``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return _most_specific(self.counter_only, _service_code(service))

    def suspension_for(self, service: str | Service) -> Suspension | None:
        """The suspension of ``service`` under these rules, or ``None``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return _most_specific(self.suspended, _service_code(service))

    def fulfilment_for(self, service: str | Service) -> Fulfilment | None:
        """How ``service``'s documents reach the citizen, or ``None`` when no source says.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return _most_specific(self.fulfilment, _service_code(service))

    def in_person_step_for(self, service: str | Service) -> InPersonStep | None:
        """Where and when the office does ``service``'s in-person step, or ``None``.

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        return _most_specific(self.in_person_steps, _service_code(service))

    def channels_for(self, service: str | Service) -> tuple[Channel, ...]:
        """The channels that take ``service``, in file order (the counter included).

        Raises:
            UnknownService: ``service`` is not in the catalogue.
        """
        code = _service_code(service)
        return tuple(ch for ch in self.channels if code in ch.service_codes)

    @property
    def counter(self) -> Channel | None:
        """The counter channel, or ``None`` when the counter is closed."""
        return next((ch for ch in self.channels if ch.kind is ChannelKind.COUNTER), None)

    def accepts(self, reason: str) -> bool:
        """Whether ``reason`` is one of the urgency reasons these rules name.

        Examples:
            >>> from adminduk import get_office
            >>> policy = get_office("35.04").policy_at(dt.date(2020, 3, 20))
            >>> policy.accepts("rumah-sakit"), policy.accepts("sekolah")
            (True, False)
        """
        return reason in self.urgency_reasons

    def source_of(self, field: str) -> str:
        """The source of one rule field: its ``cite`` entry, else the rules' ``source``.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.13").policy_at(dt.date(2020, 3, 23)).source_of("hours")
            'A0'
        """
        return self.cite.get(
            _arguments.text("field", field, "a rule field, e.g. 'hours'"), self.source
        )


_CITABLE: Final = frozenset(
    {
        "in_person",
        "online_first",
        "urgency_reasons",
        "urgency_reasons_exhaustive",
        "walk_ins_without_whatsapp",
        "non_urgent_asked_to_wait",
        "hours",
        "valid_from",
        "valid_until",
        "pandemic_measure",
    }
)


def _expand(patterns: Iterable[str]) -> frozenset[str]:
    return frozenset().union(*(expand_pattern(p) for p in patterns))


def _same_rank_overlaps(name: str, rules: tuple[Any, ...]) -> list[ConfigProblem]:
    """Two rules of one kind that claim a service with equally specific patterns."""
    problems: list[ConfigProblem] = []
    claimed: dict[tuple[str, int], int] = {}
    for index, rule in enumerate(rules):
        for pattern in rule.services:
            rank = pattern_rank(pattern)
            for code in expand_pattern(pattern):
                other = claimed.setdefault((code, rank), index)
                if other != index:
                    problems.append(
                        _problem(
                            f"{name}[{index}].services",
                            f"{code} is already covered by {name}[{other}] with an equally "
                            "specific pattern; write the service once",
                            pattern,
                        )
                    )
                    break
    return list(dict.fromkeys(problems))


_R = TypeVar("_R", CounterOnly, Suspension, Fulfilment, InPersonStep)
_Rs = TypeVar("_Rs", "OrdinaryRules", "Policy")


def _most_specific(rules: tuple[_R, ...], code: str) -> _R | None:
    best: _R | None = None
    best_rank = -1
    for rule in rules:
        for pattern in rule.services:
            rank = pattern_rank(pattern)
            if rank > best_rank and code in expand_pattern(pattern):
                best, best_rank = rule, rank
    return best


class OrdinaryRules(_Rules):
    """The office's rules outside every dated policy (the ``[ordinary]`` table).

    Without an ``[ordinary]`` table, an office's ordinary rules are: the counter is open for
    every service of the catalogue, nothing else (see :meth:`OfficeConfig.ordinary_policy`).

    Examples:
        >>> OrdinaryRules(source="s").in_person.value
        'open'
    """

    source: SourceRef = _ORDINARY_SOURCE

    @model_validator(mode="after")
    def _check(self) -> Self:
        _raise_if(self._rule_problems())
        return self


class Policy(_Rules):
    """The office's rules from ``valid_from`` to ``valid_until`` (inclusive; open-ended if unset).

    The office's ordinary rules are a ``Policy`` too, with ``id`` ``ordinary`` and no dates
    (``is_ordinary``), so :meth:`OfficeConfig.policy_at` always returns one.

    Examples:
        >>> from adminduk import get_office
        >>> policy = get_office("35.04").policy_at(dt.date(2020, 3, 19))
        >>> policy.id, policy.valid_from, policy.valid_until, policy.in_person.value
        ('se-470-318-105-2020', datetime.date(2020, 3, 18), datetime.date(2020, 4, 7), 'urgent-only')
        >>> policy.suspension_for("ktp-el/baru").mode.value
        'defer'
        >>> get_office("35.04").policy_at(dt.date(2020, 4, 8)).is_ordinary
        True
    """  # noqa: E501

    id: Slug
    title_id: Text | None = None
    title_en: Text | None = None
    valid_from: dt.date | None
    valid_until: dt.date | None = None
    pandemic_measure: bool = False
    notes_on_dates: Text | None = None

    @field_validator("valid_from")
    @classmethod
    def _dated(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if value is None and info.data.get("id", "") != _ORDINARY_ID:
            raise ValueError("a dated policy needs valid_from (a date such as 2020-03-18)")
        return value

    @field_validator("valid_until")
    @classmethod
    def _ends_after_start(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("valid_from")
        if value is not None and start is not None and value < start:
            raise ValueError(
                f"ends before it starts (valid_from is {start}); valid_until is the last day "
                "in force, on or after valid_from"
            )
        return value

    @model_validator(mode="after")
    def _check(self) -> Self:
        problems = self._rule_problems()
        last_day = PANDEMIC_END.last_day_before
        if self.pandemic_measure and self.valid_from is not None:
            if self.valid_from > last_day:
                problems.append(
                    _problem(
                        "pandemic_measure",
                        f"the policy starts on {self.valid_from}, after {PANDEMIC_END.name_en}; "
                        "a measure of a later emergency is not a pandemic measure",
                        self.valid_from,
                    )
                )
            elif self.valid_until is None or self.valid_until > last_day:
                # A measure taken because of the pandemic ends with it at the latest: its
                # last day is the day before the national status ended.
                object.__setattr__(self, "valid_until", last_day)
        _raise_if(problems)
        return self

    @property
    def ended_with_pandemic(self) -> bool:
        """Whether the policy's last day is the last day of the national pandemic status.

        Examples:
            >>> from adminduk import get_office
            >>> policy = get_office("35.14").policies[0]
            >>> policy.valid_until, policy.ended_with_pandemic
            (datetime.date(2023, 6, 20), True)
        """
        return self.pandemic_measure and self.valid_until == PANDEMIC_END.last_day_before

    @property
    def is_ordinary(self) -> bool:
        """Whether these are the office's ordinary rules rather than a dated policy."""
        return self.id == _ORDINARY_ID

    def covers(self, day: dt.date) -> bool:
        """Whether the policy is in force on ``day`` (the ordinary rules cover no fixed dates).

        Examples:
            >>> from adminduk import get_office
            >>> policy = get_office("35.04").policies[0]
            >>> policy.covers(dt.date(2020, 4, 7)), policy.covers(dt.date(2020, 4, 8))
            (True, False)
        """
        when = _arguments.day("day", day)  # a datetime counts by its own wall date
        if self.valid_from is None:
            return False
        return self.valid_from <= when and (self.valid_until is None or when <= self.valid_until)

    def title(self, lang: str = "id") -> str:
        """The policy's title in Indonesian or English, or its id when it has none."""
        title = self.title_en if lang == "en" else self.title_id
        return title or self.id


# --------------------------------------------------------------------------- the office
class OfficeConfig(_Model):
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
    address_source: SourceRef | None = Field(default=None, validate_default=True)
    replaces: Text | None = None
    sources: dict[SourceKey, SourceInfo] = Field(default_factory=dict)
    urgency_reasons: tuple[UrgencyReasonInfo, ...] = ()
    hours: WeeklyHours | None = None
    hours_source: SourceRef | None = Field(default=None, validate_default=True)
    review_period_days: int = Field(default=365, ge=1, le=3650, strict=True)
    closes_on_cuti_bersama: bool = True
    cuti_bersama_source: SourceRef = DEFAULT_CUTI_BERSAMA_SOURCE
    closures: tuple[Closure, ...] = ()
    extra_openings: tuple[ExtraOpening, ...] = ()
    hours_overrides: tuple[HoursOverride, ...] = ()
    ordinary: OrdinaryRules | None = None
    policies: tuple[Policy, ...] = ()
    notes: tuple[Note, ...] = ()

    @classmethod
    def _config_error(cls, err: ValidationError) -> ConfigError:
        return _to_config_error(err, None)

    @model_validator(mode="wrap")
    @classmethod
    def _in_context(cls, data: Any, handler: Callable[[Any], OfficeConfig]) -> OfficeConfig:
        # Fields deep inside the file check against the file's own [sources] keys and urgency
        # reasons, so an unknown key is reported at the exact place it is cited.
        keys: frozenset[str] = frozenset()
        reasons: frozenset[str] = frozenset()
        if isinstance(data, Mapping):
            table = data.get("sources")
            if isinstance(table, Mapping):
                keys = frozenset(k for k in table if isinstance(k, str))
            own = data.get("urgency_reasons")
            if isinstance(own, list | tuple):
                codes = (
                    item.get("code") if isinstance(item, Mapping) else getattr(item, "code", None)
                    for item in own
                )
                reasons = frozenset(code for code in codes if isinstance(code, str))
        elif isinstance(data, OfficeConfig):
            return data
        with office_context(keys, reasons):
            return handler(data)

    @field_validator("urgency_reasons")
    @classmethod
    def _own_reasons(cls, value: tuple[UrgencyReasonInfo, ...]) -> tuple[UrgencyReasonInfo, ...]:
        problems: list[ConfigProblem] = []
        seen: set[str] = set()
        for index, reason in enumerate(value):
            if reason.code in BUILTIN_URGENCY_REASONS:
                problems.append(
                    _problem(
                        f"[{index}].code",
                        "is built in; cite it in a policy without defining it",
                        reason.code,
                    )
                )
            elif reason.code in seen:
                problems.append(_problem(f"[{index}].code", "defined twice", reason.code))
            seen.add(reason.code)
        _raise_if(problems)
        return value

    @field_validator("slug")
    @classmethod
    def _slug_names_kind(cls, value: str, info: ValidationInfo) -> str:
        code = info.data.get("code")
        if code is None:
            return value
        kind = "kota" if int(code[3:]) > 70 else "kabupaten"
        if not value.startswith(f"{kind}-"):
            raise ValueError(
                f"code {code} is a {kind}, so the slug starts with '{kind}-' (a bare place "
                "name is ambiguous: Kabupaten and Kota Probolinggo are two offices)"
            )
        return value

    @field_validator("province")
    @classmethod
    def _province_of_code(cls, value: str, info: ValidationInfo) -> str:
        province = _province(info.data.get("code"))
        if province is not None and value.casefold() != province.name.casefold():
            raise ValueError(f"code {info.data['code']} lies in {province.name}")
        return value

    @field_validator("timezone")
    @classmethod
    def _zone_of_province(cls, value: str, info: ValidationInfo) -> str:
        province = _province(info.data.get("code"))
        if province is not None and value != province.timezone:
            raise ValueError(f"{province.name} keeps {province.local_zone}: {province.timezone}")
        return value

    @field_validator("address_source")
    @classmethod
    def _address_cited(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("address") is not None:
            raise ValueError("the address needs a source")
        return value

    @field_validator("replaces")
    @classmethod
    def _replaces_own_code(cls, value: str | None, info: ValidationInfo) -> str | None:
        code = info.data.get("code")
        if value is not None and code is not None and value != code:
            raise ValueError(f"an office replaces the one registered under its own code ({code})")
        return value

    @field_validator("hours_source")
    @classmethod
    def _hours_cited(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("hours") is not None:
            raise ValueError("the hours need a source")
        return value

    @field_validator("policies", mode="wrap")
    @classmethod
    def _dated_policies(
        cls, value: Any, handler: ValidatorFunctionWrapHandler
    ) -> tuple[Policy, ...]:
        # Ids and dates are checked across policies even when some policy is invalid, from the
        # raw values, so one round of fixes is enough.
        problems: list[ConfigProblem] = []
        policies: tuple[Policy, ...] | None = None
        try:
            policies = handler(value)
        except ValidationError as err:
            from adminduk.offices._problems import problems_from

            problems = problems_from(err, tuple[Policy, ...])
        spans = _spans(policies if policies is not None else value)
        problems.extend(_span_problems(spans))
        _raise_if(problems)
        assert policies is not None  # the handler raised otherwise
        return policies

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
        return rules.model_copy(update={"channels": (*rules.channels, self._counter())})

    def _counter(self) -> Channel:
        return _counter_channel(self.address, self.address_source, self.region)

    # -- derived values ------------------------------------------------------------------------
    @property
    def zone(self) -> ZoneInfo:
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
        fields = {name: getattr(rules, name) for name in _Rules.model_fields}
        return Policy.model_construct(
            id=_ORDINARY_ID,
            title_id="Layanan biasa",
            title_en="Ordinary service",
            valid_from=None,
            valid_until=None,
            notes_on_dates=None,
            **fields,
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
            >>> get_office("52.71").local_date(late)  # already the 23rd in WITA
            datetime.date(2020, 3, 23)
        """
        return _arguments.day("at", at, lambda t: _arguments.instant("at", t, self.zone).date())

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
            >>> get_office("35.14").urgency_reason("pendaftaran-polri").name_en
            'Police (Polri) recruitment registration'
        """
        for reason in self.urgency_reasons:
            if reason.code == code:
                return reason
        found = BUILTIN_URGENCY_REASONS.get(code) if isinstance(code, str) else None
        if found is None:
            from adminduk._suggest import close_matches

            valid = sorted({*BUILTIN_URGENCY_REASONS, *(r.code for r in self.urgency_reasons)})
            shown = _arguments.shown(code)
            raise UnknownReason(shown, valid=valid, suggestions=close_matches(code, valid))
        return found

    def source_info(self, key: str) -> SourceInfo | None:
        """The source a key names: the file's own ``[sources]``, else the national ones.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.04").source_info("KEPPRES-17-2023").published
            datetime.date(2023, 6, 22)
            >>> get_office("35.04").source_info("UU 24/2013") is None
            True
        """
        key = _arguments.text("key", key, "a source key, e.g. 'A0'")
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

    def source_date(self, source: str) -> dt.date | None:
        """The newest publication date among the sources a ``source`` value cites.

        ``None`` when none of them is dated (a free reference, or an undated article).

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.14").source_date("A1; KEPPRES-17-2023")
            datetime.date(2023, 6, 22)
            >>> get_office("35.14").source_date("Perpres 21/2023") is None
            True
        """
        dates = [
            info.published
            for info in map(self.source_info, source_parts(source))
            if info is not None and info.published is not None
        ]
        return max(dates, default=None)

    def policy_ended_before(self, at: dt.datetime | dt.date) -> Policy | None:
        """The dated policy that last ended before ``at``, when the ordinary rules hold then.

        ``None`` while a dated policy is in force, or when none has ended yet.

        Raises:
            OutOfRange: ``at`` is not a date or a datetime, or is outside the years 1-9999.

        Examples:
            >>> from adminduk import get_office
            >>> get_office("35.04").policy_ended_before(dt.date(2020, 4, 8)).id
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
            >>> spec = get_office("35.13").calendar_spec
            >>> [(p.valid_from, p.is_default) for p in spec.periods]
            ... # doctest: +NORMALIZE_WHITESPACE
            [(None, True), (datetime.date(2023, 4, 12), True),
             (datetime.date(2020, 3, 17), False)]
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

    def calendar(self) -> OfficeCalendar:
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
    def _calendar(self) -> OfficeCalendar:
        from adminduk.schedule import OfficeCalendar

        return OfficeCalendar(self.calendar_spec)

    # -- requirements -------------------------------------------------------------------------
    def requirements(
        self, service: str | Service, at: dt.datetime | dt.date
    ) -> tuple[Requirement, ...]:
        """The office's checklist for ``service`` at ``at``: the national one with its changes.

        Items the office adds (or puts in place of a national one) have ``origin="office"``.

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
        """
        from adminduk.offices._requirements import merged_requirements

        return merged_requirements(self, service, at)[0]


def _province(code: object) -> Province | None:
    """The real province a (valid) code lies in; ``None`` for fictional codes or no code."""
    from adminduk.identity import find_province

    if not isinstance(code, str) or code.startswith(FICTIONAL_PROVINCE + "."):
        return None
    return find_province(code[:2])


@dataclass(frozen=True, slots=True)
class _Span:
    index: int
    id: object
    start: dt.date | None
    end: dt.date | None


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _spans(policies: object) -> list[_Span]:
    """Each policy's id and dates, from validated policies or, failing that, raw tables."""
    if not isinstance(policies, list | tuple):
        return []
    spans = []
    for index, item in enumerate(policies):
        if isinstance(item, Policy):
            spans.append(_Span(index, item.id, item.valid_from, item.valid_until))
        elif isinstance(item, Mapping):
            spans.append(
                _Span(
                    index,
                    item.get("id"),
                    _as_date(item.get("valid_from")),
                    _as_date(item.get("valid_until")),
                )
            )
    return spans


def _span_problems(spans: list[_Span]) -> list[ConfigProblem]:
    problems: list[ConfigProblem] = []
    seen: dict[str, int] = {}
    for span in spans:
        if not isinstance(span.id, str):
            continue
        if span.id == _ORDINARY_ID:
            problems.append(
                _problem(
                    f"[{span.index}].id",
                    "'ordinary' is reserved for the [ordinary] table; name the policy after "
                    "its decree or event",
                    span.id,
                )
            )
        elif span.id in seen:
            problems.append(
                _problem(f"[{span.index}].id", f"policies[{seen[span.id]}] has this id", span.id)
            )
        seen.setdefault(span.id, span.index)
    dated = sorted(
        (s for s in spans if s.start is not None and (s.end is None or s.end >= s.start)),
        key=lambda s: (s.start or dt.date.min, s.index),
    )
    for before, after in itertools.pairwise(dated):
        assert before.start is not None  # undated spans were filtered out above
        assert after.start is not None
        if before.end is None or after.start <= before.end:
            end = before.end or "open-ended"
            problems.append(
                _problem(
                    f"[{after.index}].valid_from",
                    f"overlaps policies[{before.index}] ({before.start} to {end}); policies "
                    "must not overlap: end the earlier one with valid_until the day before",
                    after.start,
                )
            )
    return problems


def _counter_channel(address: str | None, address_source: str | None, region: str) -> Channel:
    return Channel.model_construct(
        kind=ChannelKind.COUNTER,
        address=address,
        address_unknown_reason=None if address else "the sources give no street address",
        address_unknown_reason_id=None if address else "alamat jalan tidak disebut dalam sumber",
        published_as=None,
        label=f"Loket Dinas Dukcapil {region} (tatap muka)",
        label_en=f"Counter of the Dukcapil office of {region} (in person)",
        services=("*",),
        intake=(),
        source=address_source or _ORDINARY_SOURCE,
        note=None,
    )


def _to_config_error(err: ValidationError, source: str | None) -> ConfigError:
    from adminduk.offices._problems import problems_from

    return ConfigError(problems_from(err, OfficeConfig), source=source)
