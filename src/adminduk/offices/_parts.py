"""The rule parts of a policy: counter-only and suspended services, fulfilment, in-person steps."""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
from typing import ClassVar

from pydantic import Field

from adminduk._core.arguments import english
from adminduk.offices._base import OfficeModel
from adminduk.offices._types import (
    Count,
    CounterOnlyReason,
    Flag,
    PickupPlace,
    Scope,
    ServicePatterns,
    Slug,
    SourceRef,
    SuspensionMode,
    Text,
)

__all__ = ["CounterOnly", "Fulfilment", "InPersonStep", "Suspension"]


class CounterOnly(OfficeModel):
    """Services the office does only at the counter, and why.

    Examples:
        >>> CounterOnly(services=["ktp-el/*"], why="biometric", source="A2").why.value
        'biometric'
    """

    services: ServicePatterns
    why: CounterOnlyReason
    source: SourceRef
    note: Text | None = None


class Suspension(OfficeModel):
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
    urgent_exempt: Flag = False
    note_id: Text | None = None
    note_en: Text | None = None
    source: SourceRef
    note: Text | None = None

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.SUSPENSION,)


class Fulfilment(OfficeModel):
    """How finished documents reach the citizen.

    Attributes:
        pickup: where the citizen gets the document; ``None`` with ``pickup_unknown_reason``
            when the sources do not say.
        delivers: the office sends documents on to the kecamatan or village office.
        processing_working_days: processing time in working days, where a source states it.
        processing_published: the processing time as the source words it (e.g. ``5 hari
            kemudian``), where ``processing_working_days`` is a reading of it.
        originals_checked: the originals of what was sent remotely are handed over and
            checked at pick-up.
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
    delivers: Flag = False
    processing_working_days: Count | None = Field(default=None, ge=0, le=365)
    processing_published: Text | None = None
    processing_note: Text | None = None
    originals_checked: Flag = False
    ready_notice: Flag = False
    note: Text | None = None
    source: SourceRef

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.FULFILMENT,)


class InPersonStep(OfficeModel):
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

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.IN_PERSON_STEP,)

    def place(self, lang: str = "id") -> str | None:
        """Where the step happens, in Indonesian (``id``) or English (``en``)."""
        return self.place_en if english(lang) else self.place_id

    def when(self, lang: str = "id") -> str | None:
        """When the step happens, in Indonesian (``id``) or English (``en``)."""
        return self.when_en if english(lang) else self.when_id

    def unknown_reason(self, lang: str = "id") -> str | None:
        """Why the sources leave place or time open, in Indonesian or English."""
        return self.unknown_reason_en if english(lang) else self.unknown_reason_id
