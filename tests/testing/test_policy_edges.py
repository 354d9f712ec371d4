"""A file that passes ``check`` answers every public function for every day, at the edges too.

Issue 25: a policy valid until 9999-12-31 (or from 0001-01-01) loaded and answered, and then
``office_jsonld`` raised OverflowError. Random policy bounds, to the edges of ``date``, and
random days of the supported range: every answer is a value or a library error.
"""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adminduk
from adminduk.errors import AdmindukError
from adminduk.export import office_jsonld
from adminduk.schedule import SUPPORTED_FROM, SUPPORTED_UNTIL
from adminduk.testing import check_office
from tests.builders import conforming_data, office, policy_data

EDGES = st.sampled_from([dt.date.min, dt.date.max, SUPPORTED_FROM, SUPPORTED_UNTIL])
BOUNDS = st.one_of(EDGES, st.dates(), st.none())


@st.composite
def bounded_offices(draw: st.DrawFn) -> adminduk.OfficeConfig | None:
    policies = []
    for index in range(draw(st.integers(1, 3))):
        start, end = draw(BOUNDS), draw(BOUNDS)
        if start is not None and end is not None and end < start:
            start, end = end, start
        if start is None and index > 0:
            start = dt.date.min  # only one policy may be undated (the ordinary rules)
        fields = {"id": f"p{index}", "valid_from": start, "valid_until": end}
        policies.append(policy_data(**{k: v for k, v in fields.items() if v is not None}))
    try:
        config = office(conforming_data(policies=policies))
    except AdmindukError:
        return None  # overlapping policies and the like: refused when loading, fine
    if any(f.is_error for f in check_office(config)):
        return None
    return config


# The bounds are drawn from four edges first, so few offices reach them all; the red team's own
# cases are the example tests below.
@pytest.mark.no_cover
@settings(max_examples=30, deadline=None)
@given(
    bounded_offices(),
    st.lists(st.dates(SUPPORTED_FROM, SUPPORTED_UNTIL), min_size=1, max_size=3),
)
def test_an_office_that_passes_check_answers_at_the_edges(
    config: adminduk.OfficeConfig | None, days: list[dt.date]
) -> None:
    if config is None:
        return
    office_jsonld(config)
    adminduk.office_cpsv(config, format="turtle")
    calendar = config.calendar()
    for day in [*days, SUPPORTED_FROM, SUPPORTED_UNTIL]:
        at = dt.datetime.combine(day, dt.time(10, 0))
        calls = (
            lambda at=at: adminduk.advise(config, "kk/perubahan", at=at).to_message("id"),
            lambda at=at: adminduk.menu(config, at),
            lambda day=day: config.requirements("kk/perubahan", day),
            lambda at=at: calendar.is_open(at),
            lambda at=at: calendar.next_opening(at),
        )
        for call in calls:
            # A library error is an answer; anything else fails the test.
            with contextlib.suppress(AdmindukError):
                call()


def test_the_red_teams_policy_to_9999_exports() -> None:
    for bounds in (
        {"valid_from": "2030-01-01", "valid_until": "9999-12-31"},
        {"valid_from": "0001-01-01", "valid_until": "2030-12-31"},
        {"valid_from": "0001-01-01", "valid_until": "9999-12-31"},
    ):
        config = office(conforming_data(policies=[policy_data(**bounds)]))
        assert not [f for f in check_office(config) if f.is_error]
        office_jsonld(config)
        adminduk.office_cpsv(config, format="turtle")
