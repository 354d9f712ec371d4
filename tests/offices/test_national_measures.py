"""A national measure narrows an office's rules, and never loosens what the office holds itself.

The 2020 letter of the Directorate General (the first national instruction) asked every office
to serve urgent needs only and residents to wait; an office's ordinary rules take that stance,
unless they are already as strict, and an office's own dated policy keeps its rules.
"""

from __future__ import annotations

import datetime as dt

from adminduk.offices import national_rules
from tests.builders import office, policy_data

LETTER = national_rules().instructions[0]


def test_the_letter_is_urgent_only_and_asks_the_rest_to_wait() -> None:
    # What the tests below take as given (the law file's first instruction).
    assert LETTER.in_person.value == "urgent-only"
    assert LETTER.non_urgent_asked_to_wait and LETTER.urgency_reasons and LETTER.suspended
    assert LETTER.title("en") == LETTER.title_en and LETTER.title("id") == LETTER.title_id


def test_a_measure_with_a_last_day_of_its_own_ends_on_it() -> None:
    dated = LETTER.model_copy(update={"valid_until": dt.date(2020, 5, 31)})
    assert dated.last_day == dt.date(2020, 5, 31) and dated.end_is_known
    assert dated.covers(dt.date(2020, 5, 31)) and not dated.covers(dt.date(2020, 6, 1))
    assert not LETTER.end_is_known  # it ends with the pandemic status, which no source dated


def test_ordinary_rules_already_as_strict_keep_their_own_stance_needs_and_citations() -> None:
    strict = office(
        ordinary={
            "source": "S",
            "in_person": "urgent-only",
            "urgency_reasons": ["bpjs"],
            "non_urgent_asked_to_wait": True,
        }
    ).ordinary_policy
    narrowed = LETTER.restricts(strict)
    assert narrowed.in_person == strict.in_person
    assert narrowed.urgency_reasons == ("bpjs",)  # the office's own list, not the letter's
    assert narrowed.non_urgent_asked_to_wait
    assert narrowed.cite == strict.cite  # nothing the letter decided, so nothing it is cited for
    assert len(narrowed.suspended) == len(strict.suspended) + len(LETTER.suspended)


def test_an_offices_own_policy_keeps_its_rules_and_gains_the_suspensions_it_omits() -> None:
    (own,) = office(policies=[policy_data(valid_from="2020-03-18")]).policies
    narrowed = LETTER.restricts(own)
    assert narrowed.in_person == own.in_person
    assert narrowed.urgency_reasons == own.urgency_reasons
    assert narrowed.suspended == own.suspended + LETTER.suspended
