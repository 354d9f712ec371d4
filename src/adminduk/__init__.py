"""adminduk: the service rules of Indonesia's civil-registry offices as tested, typed code.

Importing the package is cheap: every public name below is loaded on first use, so a bot that
only parses a NIK never pays for calendars, holidays or phone-number metadata.

Examples:
    >>> import adminduk
    >>> adminduk.Service.parse("kk/perubahan").document
    <DocumentType.KK: 'kk'>
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from adminduk.documents import (
        Action,
        Catalogue,
        CatalogueEntry,
        Confidence,
        DocumentType,
        ReportingDeadline,
        Requirement,
        Service,
        catalogue,
    )
    from adminduk.errors import (
        AdmindukError,
        ConfigError,
        ConfigProblem,
        IdentityError,
        KkNumberError,
        NikError,
        OfficeNotFound,
        OutOfRange,
        PhoneNumberError,
        TransitionError,
        UnknownReason,
        UnknownService,
    )

# Public name -> the module that defines it. One table, so the surface is reviewable at a glance
# and a test can check that every entry resolves.
_EXPORTS: dict[str, str] = {
    # errors
    "AdmindukError": "adminduk.errors",
    "ConfigError": "adminduk.errors",
    "ConfigProblem": "adminduk.errors",
    "IdentityError": "adminduk.errors",
    "KkNumberError": "adminduk.errors",
    "NikError": "adminduk.errors",
    "OfficeNotFound": "adminduk.errors",
    "OutOfRange": "adminduk.errors",
    "PhoneNumberError": "adminduk.errors",
    "TransitionError": "adminduk.errors",
    "UnknownReason": "adminduk.errors",
    "UnknownService": "adminduk.errors",
    # documents
    "Action": "adminduk.documents",
    "Catalogue": "adminduk.documents",
    "CatalogueEntry": "adminduk.documents",
    "Confidence": "adminduk.documents",
    "DocumentType": "adminduk.documents",
    "ReportingDeadline": "adminduk.documents",
    "Requirement": "adminduk.documents",
    "Service": "adminduk.documents",
    "catalogue": "adminduk.documents",
}

__all__ = [
    "Action",
    "AdmindukError",
    "Catalogue",
    "CatalogueEntry",
    "Confidence",
    "ConfigError",
    "ConfigProblem",
    "DocumentType",
    "IdentityError",
    "KkNumberError",
    "NikError",
    "OfficeNotFound",
    "OutOfRange",
    "PhoneNumberError",
    "ReportingDeadline",
    "Requirement",
    "Service",
    "TransitionError",
    "UnknownReason",
    "UnknownService",
    "__version__",
    "catalogue",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("adminduk")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'adminduk' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
