"""Triage: from the policy in force, a service and a person's situation, what to do.

The decision is an ordered list of documented rules (:data:`RULES`); the first that applies
decides, and its id travels with every answer, so a reader can predict and audit the result.

Examples:
    >>> import datetime as dt
    >>> from adminduk import get_office
    >>> import adminduk
    >>> from adminduk.triage import decide, Outcome
    >>> policy = get_office("52.71").policy_at(dt.date(2020, 3, 25))
    >>> decide(policy, adminduk.Service.parse("kia/baru")).outcome is Outcome.ONLINE
    True
"""

from adminduk.offices import Certainty
from adminduk.triage._reasons import check_reasons
from adminduk.triage._rules import RULES, Decision, Rule, decide, rule
from adminduk.triage._vocabulary import Outcome, UrgencyReason

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "RULES",
    "Certainty",
    "Decision",
    "Outcome",
    "Rule",
    "UrgencyReason",
    "check_reasons",
    "decide",
    "rule",
]
# -- end of the public names --
