"""The national catalogue: document types, actions, services and their baseline requirements.

Examples:
    >>> from adminduk.documents import Service, catalogue
    >>> entry = catalogue()[Service.parse("akta-kelahiran/baru")]
    >>> entry.deadline.days
    60
"""

from adminduk.documents._catalogue import (
    Catalogue,
    CatalogueEntry,
    Confidence,
    ReportingDeadline,
    Requirement,
    catalogue,
)
from adminduk.documents._vocabulary import Action, DocumentType, Service

__all__ = [
    "Action",
    "Catalogue",
    "CatalogueEntry",
    "Confidence",
    "DocumentType",
    "ReportingDeadline",
    "Requirement",
    "Service",
    "catalogue",
]
