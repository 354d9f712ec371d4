"""The office models, gathered: each lives in a module of its own concept.

``_channels`` (channels), ``_parts`` (counter-only, suspended, fulfilment, in-person steps),
``_changes`` (changes to the national checklists), ``_policies`` (the ordinary rules and dated
policies), ``_office`` (the office); their checks across fields are in ``_checks``.
"""

from __future__ import annotations

from adminduk.offices._changes import RequirementChange, RequirementItem
from adminduk.offices._channels import ORDINARY_SOURCE, Channel
from adminduk.offices._office import OfficeConfig
from adminduk.offices._parts import CounterOnly, Fulfilment, InPersonStep, Suspension
from adminduk.offices._policies import OrdinaryRules, Policy
from adminduk.offices._sources import BUILTIN_URGENCY_REASONS, Note, SourceInfo, UrgencyReasonInfo

__all__ = [
    "BUILTIN_URGENCY_REASONS",
    "ORDINARY_SOURCE",
    "Channel",
    "CounterOnly",
    "Fulfilment",
    "InPersonStep",
    "Note",
    "OfficeConfig",
    "OrdinaryRules",
    "Policy",
    "RequirementChange",
    "RequirementItem",
    "SourceInfo",
    "Suspension",
    "UrgencyReasonInfo",
]
