"""How an office's checklist departs from the national one, for an office or its code.

It takes a code as readily as an office, so it stands above the registry that resolves codes;
the checklist itself is computed below the office model (``_requirements``).
"""

from __future__ import annotations

import datetime as dt

from adminduk.documents import Service
from adminduk.offices._office import OfficeConfig
from adminduk.offices._registry import get_office
from adminduk.offices._requirements import RequirementDiff, merged_requirements

__all__ = ["diff_requirements"]


def diff_requirements(
    office: OfficeConfig | str, service: str | Service, at: dt.datetime | dt.date
) -> RequirementDiff:
    """How ``office``'s checklist for ``service`` at ``at`` departs from the national baseline.

    What a ministry auditor, or a citizen comparing offices, asks: items added, removed or
    replaced, each traced to the office rule and its source.

    ``office`` is an :class:`OfficeConfig` or its code or slug, as :func:`~adminduk.advise` takes.

    Raises:
        OfficeNotFound: no registered office answers to ``office``.
        UnknownService: ``service`` is not in the catalogue.
        OutOfRange: ``at`` is not a date or a datetime.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import diff_requirements, get_office
        >>> diff = diff_requirements(get_office("35.13"), "akta-kematian/baru", dt.date(2020, 3, 23))
        >>> [(item.code, item.origin) for item in diff.added]
        [('berkas-foto-pdf', 'office')]
    """  # noqa: E501
    return merged_requirements(get_office(office), service, at)[1]
