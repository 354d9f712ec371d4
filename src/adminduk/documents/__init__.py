"""The national catalogue: document types, actions, services and their baseline requirements.

Examples:
    >>> from adminduk.documents import Service, catalogue, group_requirements
    >>> entry = catalogue()[Service.parse("akta-kelahiran/baru")]
    >>> entry.deadline.days
    60
    >>> len(group_requirements(entry.requirements))
    4
"""

from typing import TYPE_CHECKING

from adminduk._core.lazy import attributes
from adminduk._core.public import publish
from adminduk.documents._vocabulary import Action, Confidence, DocumentType, Service

if TYPE_CHECKING:
    from adminduk.documents._catalogue import (
        Catalogue,
        CatalogueEntry,
        Introduction,
        PresenceStep,
        ReportingDeadline,
        Requirement,
        catalogue,
        group_requirements,
    )
    from adminduk.documents._chat import ChatIntent, read_message
    from adminduk.documents._matching import (
        MAX_TEXT_CHARS,
        MIN_COVERAGE,
        MIN_SCORE,
        ServiceMatch,
        find_services,
    )
    from adminduk.documents._names import NameFinding, NameSeverity, check_name

__all__ = [
    "MAX_TEXT_CHARS",
    "MIN_COVERAGE",
    "MIN_SCORE",
    "Action",
    "Catalogue",
    "CatalogueEntry",
    "ChatIntent",
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
    "read_message",
]

# Reprs, tracebacks and the docs show the public path, not the private module.
publish(__name__, __all__, globals())

# The catalogue, the bot kit's matcher and the name rules load on first use: a first
# get_office, served precomputed, needs none of them.
__getattr__, __dir__ = attributes(
    __name__,
    {
        **dict.fromkeys(
            (
                "Catalogue",
                "CatalogueEntry",
                "Introduction",
                "PresenceStep",
                "ReportingDeadline",
                "Requirement",
                "catalogue",
                "group_requirements",
            ),
            "._catalogue",
        ),
        **dict.fromkeys(
            ("MAX_TEXT_CHARS", "MIN_COVERAGE", "MIN_SCORE", "ServiceMatch", "find_services"),
            "._matching",
        ),
        **dict.fromkeys(("ChatIntent", "read_message"), "._chat"),
        **dict.fromkeys(("NameFinding", "NameSeverity", "check_name"), "._names"),
    },
)
