"""An office's changes to the national checklists: the items it adds, removes or replaces."""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import datetime as dt
from typing import ClassVar

from adminduk._core import arguments
from adminduk.documents import Confidence, Service
from adminduk.offices._base import OfficeModel, service_code
from adminduk.offices._types import (
    AppliesTo,
    ChangeKind,
    Scope,
    ServicePatterns,
    Slug,
    SourceRef,
    Text,
    expand_pattern,
)

__all__ = ["RequirementChange", "RequirementItem"]


class RequirementItem(OfficeModel):
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


class RequirementChange(OfficeModel):
    """One departure of the office's checklist from the national baseline of a service.

    ``add`` appends ``item``; ``remove`` drops the national item ``target``; ``replace`` puts
    ``item`` where ``target`` was. ``applies_to`` limits it to remote or counter applications
    (default: every application). ``valid_from`` and ``valid_until`` (both inclusive) limit it
    to the days its source speaks for, where those are narrower than its policy's: a list read
    on a 2024 page is not a 2020 rule.

    Examples:
        >>> change = RequirementChange(services=["kk/*"], kind="add", source="A2",
        ...     item={"code": "berkas-asli", "name_id": "Berkas asli", "name_en": "Originals"})
        >>> change.covers("kk/baru"), change.covers("kia/baru")
        (True, False)
        >>> dated = change.model_copy(update={"valid_from": dt.date(2024, 5, 1)})
        >>> dated.holds_on(dt.date(2024, 4, 30)), dated.holds_on(dt.date(2024, 5, 1))
        (False, True)
    """

    services: ServicePatterns
    kind: ChangeKind
    target: Slug | None = None
    item: RequirementItem | None = None
    source: SourceRef
    note: Text | None = None
    applies_to: AppliesTo = AppliesTo.ANY
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.REQUIREMENT_CHANGE,)

    def holds_on(self, day: dt.date) -> bool:
        """Whether the change holds on ``day`` (every day its policy holds, unless dated).

        Raises:
            OutOfRange: ``day`` is not a date or a datetime, or is outside the years 1-9999.
        """
        return self._holds(arguments.day("day", day))

    def _holds(self, day: dt.date) -> bool:
        # For a day already checked (the checklist's merge, on every answer).
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def covers(self, service: str | Service) -> bool:
        """Whether the change applies to ``service``."""
        code = service_code(service)
        return any(code in expand_pattern(pattern) for pattern in self.services)
