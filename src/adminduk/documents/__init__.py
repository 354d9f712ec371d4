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

from adminduk._core import lazy as _lazy
from adminduk._core import public as _public
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
    from adminduk.documents._matching import ServiceMatch, find_services
    from adminduk.documents._names import NameFinding, NameSeverity, check_name
    from adminduk.documents._reading import MAX_TEXT_CHARS, MIN_COVERAGE, MIN_SCORE

# -- public names: written by scripts/public_names.py from the imports; do not edit --
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
_LAZY = {
    "MAX_TEXT_CHARS": "adminduk.documents._reading",
    "MIN_COVERAGE": "adminduk.documents._reading",
    "MIN_SCORE": "adminduk.documents._reading",
    "Catalogue": "adminduk.documents._catalogue",
    "CatalogueEntry": "adminduk.documents._catalogue",
    "ChatIntent": "adminduk.documents._chat",
    "Introduction": "adminduk.documents._catalogue",
    "NameFinding": "adminduk.documents._names",
    "NameSeverity": "adminduk.documents._names",
    "PresenceStep": "adminduk.documents._catalogue",
    "ReportingDeadline": "adminduk.documents._catalogue",
    "Requirement": "adminduk.documents._catalogue",
    "ServiceMatch": "adminduk.documents._matching",
    "catalogue": "adminduk.documents._catalogue",
    "check_name": "adminduk.documents._names",
    "find_services": "adminduk.documents._matching",
    "group_requirements": "adminduk.documents._catalogue",
    "read_message": "adminduk.documents._chat",
}
# -- end of the public names --

# Reprs, tracebacks and the docs show the public path, not the private module.
_public.publish(__name__, __all__, globals())

# The catalogue, the bot kit's reader and matcher and the name rules load on first use: a first
# get_office, served precomputed, needs none of them.
__getattr__, __dir__ = _lazy.attributes(__name__, _LAZY)
