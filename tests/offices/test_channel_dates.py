"""Dated channels: a channel holds from ``valid_from`` to ``valid_until`` (both inclusive).

Every reader of a policy's channels on a day (triage, advice, the export's offer, schema.org
and CPSV, the lifecycle's submit) goes through ``Policy.channels_on``; a channel not holding
that day is no route. The answers' cache tells days apart by the dated parts that hold.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import adminduk
from adminduk import NotOffered, ServiceRequest
from adminduk.errors import ConfigError, OutOfRange
from adminduk.export import office_jsonld
from adminduk.export._offer import offer
from adminduk.offices import Channel, validate_office
from tests.builders import channel_data, office_data

JAN_1 = dt.date(2021, 1, 1)


def _channel(**dates: dt.date | None) -> Channel:
    return Channel.model_validate(channel_data(**dates))


# --------------------------------------------------------------------------- the model
def test_an_undated_channel_holds_every_day() -> None:
    channel = _channel()
    assert not channel.dated
    assert channel.holds_on(dt.date(1, 1, 1)) and channel.holds_on(dt.date(9999, 12, 31))


def test_both_ends_are_inclusive() -> None:
    channel = _channel(valid_from=JAN_1, valid_until=dt.date(2021, 1, 31))
    assert channel.dated
    assert [channel.holds_on(JAN_1 + dt.timedelta(days=n)) for n in (-1, 0, 30, 31)] == [
        False,
        True,
        True,
        False,
    ]


def test_a_datetime_counts_by_its_wall_date() -> None:
    assert _channel(valid_from=JAN_1).holds_on(dt.datetime(2021, 1, 1, 0, 0))


@pytest.mark.parametrize("bad", ["2021-01-01", 20210101, None, object()])
def test_holds_on_checks_its_day_at_the_edge(bad: object) -> None:
    with pytest.raises(OutOfRange, match="day"):
        _channel(valid_from=JAN_1).holds_on(bad)  # type: ignore[arg-type]


@given(
    start=st.none() | st.dates(),
    end=st.none() | st.dates(),
    day=st.dates(),
)
def test_holds_on_is_exactly_within_the_dates(
    start: dt.date | None, end: dt.date | None, day: dt.date
) -> None:
    assume(start is None or end is None or start <= end)  # else the file does not load
    channel = _channel(valid_from=start, valid_until=end)
    within = (start is None or start <= day) and (end is None or day <= end)
    assert channel.holds_on(day) is within


def test_a_file_whose_channel_ends_before_it_starts_does_not_load() -> None:
    data = office_data(
        ordinary={"channels": [channel_data(valid_from="2021-01-02", valid_until="2021-01-01")]}
    )
    with pytest.raises(ConfigError) as caught:
        validate_office(data)
    assert "ordinary.channels[0].valid_until" in str(caught.value)


def test_channels_on_leaves_out_a_channel_not_holding_and_none_keeps_them_all() -> None:
    policy = adminduk.get_office("64.02").ordinary_policy
    before, on = JAN_1 - dt.timedelta(days=1), JAN_1
    assert [ch.kind.value for ch in policy.channels_on(before)] == ["counter"]
    assert [ch.kind.value for ch in policy.channels_on(on)] == ["app", "counter"]
    assert policy.channels_on(None) == policy.channels
    assert [ch.kind.value for ch in policy.channels_for("skpwni/baru", before)] == ["counter"]
    assert [ch.kind.value for ch in policy.channels_for("skpwni/baru")] == ["app", "counter"]
    assert policy.counter_on(before) is policy.counter


def test_an_office_without_dated_parts_says_so_once() -> None:
    assert not adminduk.get_office("35.14").has_dated_parts
    assert adminduk.get_office("64.02").has_dated_parts
    assert adminduk.get_office("53.04").has_dated_parts  # its checklist changes from 2024


# --------------------------------------------------------------------------- the answers
@pytest.mark.parametrize("first", [dt.date(2020, 12, 31), JAN_1])
def test_an_answer_on_either_side_of_the_date_is_its_own_whichever_is_asked_first(
    first: dt.date,
) -> None:
    # The plan cache is keyed by the rules in force: the same ordinary rules on both days, but
    # a different set of channels, so a different plan.
    days = [first, JAN_1 if first != JAN_1 else dt.date(2020, 12, 31)]
    seen = {}
    for day in days:
        at = dt.datetime.combine(day, dt.time(10))
        seen[day] = adminduk.advise("64.02", "skpwni/baru", at=at)
    assert [ch.kind.value for ch in seen[dt.date(2020, 12, 31)].channels] == ["counter"]
    # Online first; the counter, which takes every service by default, after it.
    assert [ch.kind.value for ch in seen[JAN_1].channels] == ["app", "counter"]


def test_a_dated_checklist_is_not_served_from_another_days_cache() -> None:
    # Belu's lists hold from 2024-05-01 [I]: asked first on 29 April, 2 May still gets them.
    before = adminduk.advise("53.04", "kk/baru", at=dt.datetime(2024, 4, 29, 10))
    after = adminduk.advise("53.04", "kk/baru", at=dt.datetime(2024, 5, 2, 10))
    assert "formulir-permohonan-kk" not in [r.code for r in before.requirements]
    assert "formulir-permohonan-kk" in [r.code for r in after.requirements]


def test_the_export_offers_a_channel_only_from_its_first_day() -> None:
    office = adminduk.get_office("64.02")
    routes = {}
    for day in (dt.date(2020, 12, 31), JAN_1):
        found = {e.code: r for e, r in offer(office, day).services}
        routes[day] = [ch.kind.value for ch in found["skpwni/baru"].channels]
    assert routes == {dt.date(2020, 12, 31): ["counter"], JAN_1: ["app", "counter"]}


def _service_channels(doc: dict[str, object]) -> set[str]:
    graph = doc["@graph"]
    assert isinstance(graph, list)
    return {node["name"][0]["@value"] for node in graph if node.get("@type") == "ServiceChannel"}


def test_schema_org_on_a_day_lists_that_days_channels_and_the_history_dates_them() -> None:
    label = "Layanan daring di situs Disdukcapil Kutai Kartanegara"
    assert label not in _service_channels(office_jsonld("64.02", at=dt.date(2020, 12, 31)))
    assert label in _service_channels(office_jsonld("64.02", at=JAN_1))
    history = office_jsonld("64.02")
    (node,) = [
        n for n in history["@graph"] if n.get("@type") == "ServiceChannel" and n.get("serviceUrl")
    ]
    assert "Berlaku / in force: 2021-01-01 – " in node["description"]


def test_cpsv_gives_the_channel_only_from_its_first_day() -> None:
    pytest.importorskip("rdflib")
    from adminduk.export import office_cpsv

    url = "https://disdukcapil.kutaikartanegarakab.go.id"
    assert url not in office_cpsv("64.02", at=dt.date(2020, 12, 31))
    assert url in office_cpsv("64.02", at=JAN_1)


def test_submit_takes_the_app_only_from_its_first_day() -> None:
    with pytest.raises(NotOffered):
        ServiceRequest.submit(
            "64.02", "skpwni/baru", at=dt.datetime(2020, 12, 31, 10), channel="app"
        )
    request = ServiceRequest.submit(
        "64.02", "skpwni/baru", at=dt.datetime(2021, 1, 4, 10), channel="app"
    )
    assert request.channel.value == "app"


def test_an_unfindable_channel_does_not_make_the_reply_speak_of_the_persons_whatsapp() -> None:
    # Sambas takes the SKPWNI over a WhatsApp number the page does not give: someone with
    # WhatsApp goes to the counter (counter-open), and only someone without hears of it.
    at = dt.datetime(2026, 12, 7, 10)
    with_wa = adminduk.advise("61.01", "skpwni/baru", at=at)
    without = adminduk.advise("61.01", "skpwni/baru", at=at, has_whatsapp=False)
    assert with_wa.rule_id == "counter-open"
    assert without.rule_id == "walk-in-no-whatsapp"
    # Grobogan's online application needs no WhatsApp: its lack is no reason either way.
    no_wa = adminduk.advise("33.15", "ktp-el/baru", at=at, has_whatsapp=False)
    assert no_wa.rule_id == "counter-open"


@pytest.mark.parametrize("method", ["dated_on", "channels_on", "counter_on"])
@pytest.mark.parametrize("day", ["", 3, "2021-01-01", dt.time(10)])
def test_a_day_that_is_no_date_is_refused_naming_the_field(method: str, day: object) -> None:
    # The fuzz campaign reached these with '' and a datetime: a TypeError from a comparison.
    ordinary = adminduk.get_office("64.02").ordinary_policy
    with pytest.raises(OutOfRange) as info:
        getattr(ordinary, method)(day)
    assert info.value.field == "day"


def test_a_datetime_is_read_as_its_date() -> None:
    ordinary = adminduk.get_office("64.02").ordinary_policy
    late = dt.datetime(2021, 1, 1, 10, 0)
    assert ordinary.dated_on(late) == ordinary.dated_on(late.date()) == "1"
    assert ordinary.channels_on(late) == ordinary.channels_on(late.date())
    assert ordinary.counter_on(late) is not None
