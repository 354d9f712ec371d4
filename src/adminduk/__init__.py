"""adminduk: the service rules of Indonesia's civil-registry offices as tested, typed code.

Importing the package is cheap: every public name below is loaded on first use, so a bot that
only parses a NIK never pays for calendars, holidays or phone-number metadata.

Examples:
    >>> import adminduk
    >>> adminduk.Service.parse("kk/perubahan").document
    <DocumentType.KK: 'kk'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from adminduk._core.lazy import attributes

if TYPE_CHECKING:
    from adminduk.advice import Advice, AdviceReason, Citation, MenuItem, advise, menu
    from adminduk.documents import (
        Action,
        Catalogue,
        CatalogueEntry,
        ChatIntent,
        Confidence,
        DocumentType,
        NameFinding,
        NameSeverity,
        ReportingDeadline,
        Requirement,
        Service,
        ServiceMatch,
        catalogue,
        check_name,
        find_services,
        read_message,
    )
    from adminduk.errors import (
        AdmindukError,
        ConfigError,
        ConfigProblem,
        IdentityError,
        KkNumberError,
        MissingExtra,
        NikError,
        NotOffered,
        OfficeNotFound,
        OutOfRange,
        PhoneNumberError,
        RegionNotFound,
        TransitionError,
        UnknownReason,
        UnknownService,
    )
    from adminduk.export import office_cpsv, office_jsonld
    from adminduk.identity import (
        CitizenPhone,
        KkNumber,
        Nik,
        OfficePhone,
        Province,
        Sex,
        check_regency,
        find_province,
        mask,
        normalize_whatsapp,
        provinces,
        redact,
        whatsapp_link,
    )
    from adminduk.lifecycle import HistoryEntry, RequestEvent, RequestStatus, ServiceRequest
    from adminduk.offices import (
        Channel,
        ChannelKind,
        CounterOnlyReason,
        Fulfilment,
        InPersonStance,
        IntakeFormat,
        OfficeConfig,
        PickupPlace,
        PluginFailure,
        Policy,
        RequirementDiff,
        SuspensionMode,
        diff_requirements,
        get_office,
        load_office,
        office_schema,
        offices,
        parse_office,
        register,
        registry_errors,
    )
    from adminduk.offices._service_standard import ServiceStandard, service_standard
    from adminduk.regions import Region, RegionLevel, region, regions
    from adminduk.schedule import CalendarSpec, DayInfo, OfficeCalendar, WeeklyHours
    from adminduk.triage import Certainty, Outcome, UrgencyReason

# Public name -> the module that defines it. One table, so the surface is reviewable at a glance
# and a test can check that every entry resolves.
_EXPORTS: dict[str, str] = {
    # errors
    "AdmindukError": "adminduk.errors",
    "ConfigError": "adminduk.errors",
    "ConfigProblem": "adminduk.errors",
    "IdentityError": "adminduk.errors",
    "KkNumberError": "adminduk.errors",
    "MissingExtra": "adminduk.errors",
    "NikError": "adminduk.errors",
    "NotOffered": "adminduk.errors",
    "OfficeNotFound": "adminduk.errors",
    "NeedsDatetime": "adminduk.errors",
    "OutOfRange": "adminduk.errors",
    "PhoneNumberError": "adminduk.errors",
    "RegionNotFound": "adminduk.errors",
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
    "ServiceMatch": "adminduk.documents",
    "find_services": "adminduk.documents",
    "ChatIntent": "adminduk.documents",
    "read_message": "adminduk.documents",
    "NameFinding": "adminduk.documents",
    "NameSeverity": "adminduk.documents",
    "check_name": "adminduk.documents",
    # schedule
    "CalendarSpec": "adminduk.schedule",
    "DayInfo": "adminduk.schedule",
    "OfficeCalendar": "adminduk.schedule",
    "WeeklyHours": "adminduk.schedule",
    # identity
    "CitizenPhone": "adminduk.identity",
    "KkNumber": "adminduk.identity",
    "Nik": "adminduk.identity",
    "OfficePhone": "adminduk.identity",
    "Province": "adminduk.identity",
    "Sex": "adminduk.identity",
    "check_regency": "adminduk.identity",
    "find_province": "adminduk.identity",
    "mask": "adminduk.identity",
    "normalize_whatsapp": "adminduk.identity",
    "provinces": "adminduk.identity",
    "redact": "adminduk.identity",
    "whatsapp_link": "adminduk.identity",
    # offices
    "Channel": "adminduk.offices",
    "ChannelKind": "adminduk.offices",
    "CounterOnlyReason": "adminduk.offices",
    "Fulfilment": "adminduk.offices",
    "InPersonStance": "adminduk.offices",
    "IntakeFormat": "adminduk.offices",
    "OfficeConfig": "adminduk.offices",
    "PickupPlace": "adminduk.offices",
    "PluginFailure": "adminduk.offices",
    "Policy": "adminduk.offices",
    "RequirementDiff": "adminduk.offices",
    "SuspensionMode": "adminduk.offices",
    "diff_requirements": "adminduk.offices",
    "get_office": "adminduk.offices",
    "load_office": "adminduk.offices",
    "office_schema": "adminduk.offices",
    "offices": "adminduk.offices",
    "parse_office": "adminduk.offices",
    "register": "adminduk.offices",
    "registry_errors": "adminduk.offices",
    "ServiceStandard": "adminduk.offices._service_standard",
    "service_standard": "adminduk.offices._service_standard",
    # lifecycle
    "HistoryEntry": "adminduk.lifecycle",
    "RequestEvent": "adminduk.lifecycle",
    "RequestStatus": "adminduk.lifecycle",
    "ServiceRequest": "adminduk.lifecycle",
    # triage and advice
    "Certainty": "adminduk.triage",
    "Outcome": "adminduk.triage",
    "UrgencyReason": "adminduk.triage",
    "Advice": "adminduk.advice",
    "AdviceReason": "adminduk.advice",
    "Citation": "adminduk.advice",
    "advise": "adminduk.advice",
    "MenuItem": "adminduk.advice",
    "menu": "adminduk.advice",
    # export
    "office_jsonld": "adminduk.export",
    "office_cpsv": "adminduk.export",
    # regions
    "Region": "adminduk.regions",
    "RegionLevel": "adminduk.regions",
    "region": "adminduk.regions",
    "regions": "adminduk.regions",
}

__all__ = [
    "Action",
    "AdmindukError",
    "Advice",
    "AdviceReason",
    "CalendarSpec",
    "Catalogue",
    "CatalogueEntry",
    "Certainty",
    "Channel",
    "ChannelKind",
    "ChatIntent",
    "Citation",
    "CitizenPhone",
    "Confidence",
    "ConfigError",
    "ConfigProblem",
    "CounterOnlyReason",
    "DayInfo",
    "DocumentType",
    "Fulfilment",
    "HistoryEntry",
    "IdentityError",
    "InPersonStance",
    "IntakeFormat",
    "KkNumber",
    "KkNumberError",
    "MenuItem",
    "MissingExtra",
    "NameFinding",
    "NameSeverity",
    "NeedsDatetime",
    "Nik",
    "NikError",
    "NotOffered",
    "OfficeCalendar",
    "OfficeConfig",
    "OfficeNotFound",
    "OfficePhone",
    "OutOfRange",
    "Outcome",
    "PhoneNumberError",
    "PickupPlace",
    "PluginFailure",
    "Policy",
    "Province",
    "Region",
    "RegionLevel",
    "RegionNotFound",
    "ReportingDeadline",
    "RequestEvent",
    "RequestStatus",
    "Requirement",
    "RequirementDiff",
    "Service",
    "ServiceMatch",
    "ServiceRequest",
    "ServiceStandard",
    "Sex",
    "SuspensionMode",
    "TransitionError",
    "UnknownReason",
    "UnknownService",
    "UrgencyReason",
    "WeeklyHours",
    "__version__",
    "advise",
    "catalogue",
    "check_name",
    "check_regency",
    "diff_requirements",
    "find_province",
    "find_services",
    "get_office",
    "load_office",
    "mask",
    "menu",
    "normalize_whatsapp",
    "office_cpsv",
    "office_jsonld",
    "office_schema",
    "offices",
    "parse_office",
    "provinces",
    "read_message",
    "redact",
    "region",
    "regions",
    "register",
    "registry_errors",
    "service_standard",
    "whatsapp_link",
]


_exported, __dir__ = attributes(__name__, _EXPORTS)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("adminduk")
    return _exported(name)
