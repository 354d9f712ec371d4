"""Offices: each Dinas Dukcapil's rules as a validated data file, dated policy by policy.

An office file (TOML or JSON) gives the office's identity, hours and sources, and a list of
policies, each valid from a date and optionally until a date: its channels, who the counter
serves, the urgent needs it accepts, counter-only and suspended services, how documents reach
the citizen, and its changes to the national checklists. Five offices are built in; any other
joins as a plugin through the entry-point group ``adminduk.offices``.

Examples:
    >>> import datetime as dt
    >>> from adminduk.offices import get_office
    >>> office = get_office("35.14")
    >>> policy = office.policy_at(dt.date(2020, 3, 23))
    >>> [(ch.label, ch.address) for ch in policy.channels_for("kk/perubahan")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('WhatsApp layanan Kartu Keluarga', '+6281359547692'),
     ('Loket Dinas Dukcapil Kabupaten Pasuruan (tatap muka)',
      'Kompleks Perkantoran Raci, Bangil, Kabupaten Pasuruan')]
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from adminduk._core import lazy as _lazy
from adminduk._core import public as _public
from adminduk.offices import _registry
from adminduk.offices._loading import load_office, office_schema, parse_office, validate_office
from adminduk.offices._models import (
    ORDINARY_SOURCE,
    Channel,
    CounterOnly,
    Fulfilment,
    InPersonStep,
    OfficeConfig,
    OrdinaryRules,
    Policy,
    RequirementChange,
    RequirementItem,
    Suspension,
)
from adminduk.offices._registry import (
    BUILTIN_OFFICES,
    ENTRY_POINT_GROUP,
    REPLACE_BUILTIN_ENV,
    BuiltinReplacedWarning,
    OfficePluginWarning,
    get_office,
    office_origin,
    register,
    registry_errors,
)
from adminduk.offices._sources import (
    BUILTIN_URGENCY_REASONS,
    NATIONAL_SOURCES,
    Note,
    SourceInfo,
    UrgencyReasonInfo,
)
from adminduk.offices._types import (
    AppliesTo,
    Certainty,
    ChangeKind,
    ChannelKind,
    CounterOnlyReason,
    InPersonStance,
    IntakeFormat,
    PickupPlace,
    SuspensionMode,
)

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "BASELINE_RULES",
    "BUILTIN_OFFICES",
    "BUILTIN_URGENCY_REASONS",
    "ENTRY_POINT_GROUP",
    "NATIONAL_SOURCES",
    "ORDINARY_SOURCE",
    "PANDEMIC_END",
    "REPLACE_BUILTIN_ENV",
    "AppliesTo",
    "BuiltinReplacedWarning",
    "Certainty",
    "ChangeKind",
    "Channel",
    "ChannelKind",
    "CounterOnly",
    "CounterOnlyReason",
    "Fulfilment",
    "InForce",
    "InPersonStance",
    "InPersonStep",
    "IntakeFormat",
    "NationalEvent",
    "Note",
    "OfficeConfig",
    "OfficeOrigin",
    "OfficePluginWarning",
    "OrdinaryRules",
    "PickupPlace",
    "PluginFailure",
    "Policy",
    "RequirementChange",
    "RequirementDiff",
    "RequirementItem",
    "ServiceStandard",
    "SourceInfo",
    "StandardSource",
    "Suspension",
    "SuspensionMode",
    "UrgencyReasonInfo",
    "baseline_office",
    "diff_requirements",
    "get_office",
    "load_office",
    "national_rules",
    "office_origin",
    "office_schema",
    "offices",
    "parse_office",
    "register",
    "registry_errors",
    "rules_in_force",
    "service_standard",
    "validate_office",
]
_LAZY = {
    "BASELINE_RULES": "adminduk.offices._baseline",
    "PANDEMIC_END": "adminduk.offices._sources",
    "InForce": "adminduk.offices._national",
    "NationalEvent": "adminduk.offices._national_facts",
    "OfficeOrigin": "adminduk.offices._origins",
    "PluginFailure": "adminduk.offices._origins",
    "RequirementDiff": "adminduk.offices._requirements",
    "ServiceStandard": "adminduk.offices._service_standard",
    "StandardSource": "adminduk.offices._service_standard",
    "baseline_office": "adminduk.offices._baseline",
    "diff_requirements": "adminduk.offices._diff",
    "national_rules": "adminduk.offices._national",
    "rules_in_force": "adminduk.offices._national",
    "service_standard": "adminduk.offices._service_standard",
}
# -- end of the public names --


# Reprs, tracebacks and the docs show the public path (adminduk.offices.Channel).
_public.publish(__name__, __all__, globals())


class _OfficesModule(types.ModuleType):
    """This package, callable: ``adminduk.offices()`` lists every registered office.

    DESIGN.md names both this package and the function ``offices()`` ``adminduk.offices``.
    Importing the package binds ``adminduk.offices`` to it, so the package itself answers the
    call, and its ``offices`` attribute is the package too: ``adminduk.offices()``,
    ``adminduk.offices.get_office(...)`` and ``from adminduk.offices import offices`` all work,
    in any import order.
    """

    def __call__(self, include_baseline: bool = False) -> tuple[OfficeConfig, ...]:
        return _registry.offices(include_baseline)


sys.modules[__name__].__class__ = _OfficesModule

if TYPE_CHECKING:
    from adminduk.offices._baseline import BASELINE_RULES, baseline_office
    from adminduk.offices._diff import diff_requirements
    from adminduk.offices._national import InForce, national_rules, rules_in_force
    from adminduk.offices._national_facts import NationalEvent
    from adminduk.offices._origins import OfficeOrigin, PluginFailure
    from adminduk.offices._registry import offices
    from adminduk.offices._requirements import RequirementDiff
    from adminduk.offices._service_standard import (
        ServiceStandard,
        StandardSource,
        service_standard,
    )
    from adminduk.offices._sources import PANDEMIC_END
else:
    offices = sys.modules[__name__]

# Comparing checklists and telling where an office comes from load on first use: a first
# get_office needs neither.
__getattr__, __dir__ = _lazy.attributes(__name__, _LAZY)
