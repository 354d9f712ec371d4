"""A file that does not load is still checked: what is broken is named, the rest still checked.

The loader validates what it can of a broken file and runs the checks over that, so one reading
names every problem. A part missing or of the wrong type is skipped by the checks, never taken
for a problem of its own. (The fuzz campaign, tests/fuzz/test_fuzz.py, finds these files at
random; these are the cases it found, written out.)
"""

from __future__ import annotations

from typing import Any

import pytest

from adminduk.errors import ConfigError
from adminduk.offices import validate_office
from adminduk.testing import check_office
from tests.builders import channel_data, office_data, policy_data

COUNTER = {"kind": "counter", "label": "Loket", "services": ["kk/*"], "source": "S"}


def _problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ConfigError) as caught:
        validate_office(data)
    return [(p.path, p.message) for p in caught.value.problems]


def test_a_policy_without_an_id_is_named_and_the_two_that_share_one_still_are() -> None:
    unnamed = {k: v for k, v in policy_data(valid_from="2032-01-01").items() if k != "id"}
    data = office_data(
        policies=[
            policy_data(id="a", valid_until="2030-12-31"),
            policy_data(id="a", valid_from="2031-01-01", valid_until="2031-12-31"),
            unnamed,
        ]
    )
    problems = _problems(data)
    assert [path for path, _ in problems] == ["policies[2].id", "policies[1].id"]
    assert problems[0][1].startswith("required, but missing")
    assert problems[1][1].startswith("policies[0] has this id")
    # The conformance kit reports the very same problems, as findings of the file's loading.
    findings = check_office(data)
    assert [(f.check, f.path) for f in findings] == [("loads", path) for path, _ in problems]


def test_a_channel_that_is_not_a_table_is_named_and_the_counter_beside_it_is_placed() -> None:
    # A counter listed without a place takes the office's address; a text where a channel
    # should be is refused as what it is, and is not taken for a counter without a place.
    data = office_data(
        address="Jalan Uji 1",
        address_source="S",
        policies=[policy_data(channels=["whatsapp", COUNTER])],
    )
    (problem,) = _problems(data)
    assert problem[0] == "policies[0].channels[0]"
    assert problem[1].startswith("expected a table of keys, got text in quotes")
    fine = office_data(
        address="Jalan Uji 1", address_source="S", policies=[policy_data(channels=[COUNTER])]
    )
    (counter,) = validate_office(fine).policies[0].channels
    assert counter.address == "Jalan Uji 1"


def test_a_suspension_without_services_is_named_and_not_taken_for_a_clash() -> None:
    # The online channel serves kk/*; a suspension that names no services clashes with nothing.
    stop = {"mode": "defer", "reason_id": "Ditunda", "reason_en": "Later", "source": "S"}
    data = office_data(policies=[policy_data(channels=[channel_data()], suspended=[stop])])
    assert _problems(data) == [("policies[0].suspended[0].services", "required, but missing")]
