"""An office's checklist: the national baseline of the catalogue with the office's changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from adminduk._core.public import publish
from adminduk.documents import Requirement, Service, catalogue
from adminduk.offices._changes import RequirementChange, RequirementItem
from adminduk.offices._policies import Policy
from adminduk.offices._types import ChangeKind

__all__ = ["RequirementDiff", "merged_requirements"]


class _Office(Protocol):
    """What a checklist reads of an office (an :class:`OfficeConfig` is one).

    The office model asks this module for its checklist, so this module names what it reads
    rather than the model: it stands below the office, which it never imports.
    """

    @property
    def code(self) -> str: ...

    @property
    def region(self) -> str: ...

    def local_date(self, at: dt.datetime | dt.date) -> dt.date: ...

    def policy_at(self, at: dt.datetime | dt.date) -> Policy: ...

    def describe_source(self, source: str) -> str: ...


@dataclass(frozen=True, slots=True)
class RequirementDiff:
    """How an office's checklist for a service departs from the national baseline on a date.

    Attributes:
        office: the office's code.
        service: the service.
        day: the office-local date asked about.
        policy_id: the policy in force that day (``ordinary`` outside every dated one).
        added: items the office adds (``origin="office"``).
        removed: national items the office drops.
        replaced: pairs of (national item, the office's item in its place).
        changes: the office's rules behind these, each with its source.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import diff_requirements, get_office
        >>> diff = diff_requirements(get_office("52.71"), "kk/perubahan", dt.date(2020, 3, 25))
        >>> [item.code for item in diff.added], diff.is_baseline
        (['berkas-asli-saat-pengambilan'], False)
        >>> print(diff)  # doctest: +ELLIPSIS
        52.71 kk/perubahan on 2020-03-25 (policy covid-19-layanan-daring):
          + berkas-asli-saat-pengambilan: Berkas persyaratan asli ... hasil pindaian [A2]
        >>> diff_requirements(get_office("52.71"), "kk/perubahan", dt.date(2020, 3, 1)).is_baseline
        True
    """

    office: str
    service: Service
    day: dt.date
    policy_id: str
    added: tuple[Requirement, ...] = ()
    removed: tuple[Requirement, ...] = ()
    replaced: tuple[tuple[Requirement, Requirement], ...] = ()
    changes: tuple[RequirementChange, ...] = ()

    @property
    def is_baseline(self) -> bool:
        """Whether the office's checklist is the national one unchanged."""
        return not (self.added or self.removed or self.replaced)

    def __str__(self) -> str:
        head = f"{self.office} {self.service.code} on {self.day} (policy {self.policy_id})"
        if self.is_baseline:
            return f"{head}: the national checklist, unchanged"
        lines = [f"{head}:"]
        sources = {
            (change.item.code if change.item else change.target): change.source
            for change in self.changes
        }
        lines += [f"  + {r.code}: {r.name_id} [{sources.get(r.code, '')}]" for r in self.added]
        lines += [f"  - {r.code}: {r.name_id} [{sources.get(r.code, '')}]" for r in self.removed]
        lines += [
            f"  ~ {old.code} -> {new.code}: {new.name_id} [{sources.get(new.code, '')}]"
            for old, new in self.replaced
        ]
        return "\n".join(lines)


def _office_item(item: RequirementItem, source: str, office_name: str) -> Requirement:
    return Requirement(
        code=item.code,
        name_id=item.name_id,
        name_en=item.name_en,
        legal_basis=item.legal_basis or office_name,
        confidence=item.confidence,
        source=source,
        origin="office",
    )


def merged_requirements(
    office: _Office,
    service: str | Service,
    at: dt.datetime | dt.date,
    *,
    remote: bool | None = None,
    policy: Policy | None = None,
) -> tuple[tuple[Requirement, ...], RequirementDiff]:
    """The office's checklist for ``service`` at ``at``, and how it departs from the baseline.

    ``remote`` is how the person applies (``None``: not known, so every change counts).
    ``policy`` is the office's rules the answer uses (default: the policy dated for ``at``);
    an answer that falls back on the ordinary rules, a dated policy having lapsed unconfirmed,
    does not ask for what that policy added.
    """
    svc = Service.parse(service)
    day = office.local_date(at)
    policy = office.policy_at(day) if policy is None else policy
    items = list(catalogue()[svc].requirements)
    added: list[Requirement] = []
    removed: list[Requirement] = []
    replaced: list[tuple[Requirement, Requirement]] = []
    applied: list[RequirementChange] = []
    for change in policy.requirement_changes:
        applies = change.applies_to.includes(remote=remote) and change._holds(day)
        if not (applies and change.covers(svc)):
            continue
        source = office.describe_source(change.source)
        position = next((i for i, r in enumerate(items) if r.code == change.target), None)
        if change.kind is ChangeKind.ADD and change.item is not None:
            new = _office_item(change.item, source, f"Dukcapil {office.region}")
            items.append(new)
            added.append(new)
        elif position is None:
            continue  # a wildcard change whose target this service does not have
        elif change.kind is ChangeKind.REMOVE:
            removed.append(items.pop(position))
        else:
            assert change.item is not None  # validation: a replace change gives its item
            new = _office_item(change.item, source, f"Dukcapil {office.region}")
            replaced.append((items[position], new))
            items[position] = new
        applied.append(change)
    diff = RequirementDiff(
        office=office.code,
        service=svc,
        day=day,
        policy_id=policy.id,
        added=tuple(added),
        removed=tuple(removed),
        replaced=tuple(replaced),
        changes=tuple(applied),
    )
    return tuple(items), diff


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.offices", __all__, globals())
