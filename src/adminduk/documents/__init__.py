"""The national catalogue: document types, actions, services and their baseline requirements.

Examples:
    >>> from adminduk.documents import Service, catalogue, group_requirements
    >>> entry = catalogue()[Service.parse("akta-kelahiran/baru")]
    >>> entry.deadline.days
    60
    >>> len(group_requirements(entry.requirements))
    4
"""

from adminduk._validation import publish
from adminduk.documents._catalogue import (
    Catalogue,
    CatalogueEntry,
    Confidence,
    Introduction,
    PresenceStep,
    ReportingDeadline,
    Requirement,
    catalogue,
    group_requirements,
)
from adminduk.documents._matching import MIN_COVERAGE, MIN_SCORE, ServiceMatch, find_services
from adminduk.documents._names import NameFinding, NameSeverity, check_name
from adminduk.documents._vocabulary import Action, DocumentType, Service

__all__ = [
    "MIN_COVERAGE",
    "MIN_SCORE",
    "Action",
    "Catalogue",
    "CatalogueEntry",
    "Confidence",
    "DocumentType",
    "Introduction",
    "NameFinding",
    "NameSeverity",
    "PresenceStep",
    "ReportingDeadline",
    "Requirement",
    "Service",
    "ServiceMatch",
    "catalogue",
    "check_name",
    "find_services",
    "group_requirements",
]

# Reprs, tracebacks and the docs show the public path, not the private module.
publish(__name__, __all__, globals())
