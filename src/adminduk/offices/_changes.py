"""An office's changes to the national checklists: the items it adds, removes or replaces."""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
from typing import ClassVar

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
    (default: every application).

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
    applies_to: AppliesTo = AppliesTo.ANY

    _scopes: ClassVar[tuple[Scope, ...]] = (Scope.REQUIREMENT_CHANGE,)

    def covers(self, service: str | Service) -> bool:
        """Whether the change applies to ``service``."""
        code = service_code(service)
        return any(code in expand_pattern(pattern) for pattern in self.services)
