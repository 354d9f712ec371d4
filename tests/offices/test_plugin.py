"""The example plugin, installed by the test command, found through the real entry points."""

from __future__ import annotations

import datetime as dt
from importlib import metadata

import pytest

import adminduk
from adminduk.offices import ENTRY_POINT_GROUP, ChangeKind, InPersonStance, SuspensionMode


def test_the_example_plugin_declares_the_entry_point() -> None:
    found = {ep.name: ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    assert "99.01" in found, "install it: pip install -e ./examples/adminduk-kantor-contoh"
    entry_point = found["99.01"]
    assert entry_point.value == "adminduk_kantor_contoh:OFFICE_FILE"
    assert entry_point.dist is not None
    assert entry_point.dist.name == "adminduk-kantor-contoh"


@pytest.mark.usefixtures("fresh_registry")
def test_the_registry_finds_it_through_the_real_machinery() -> None:
    office = adminduk.get_office("99.01")
    assert office.slug == "kabupaten-contoh"
    assert office.is_fictional
    assert adminduk.get_office("kabupaten-contoh") is office
    assert adminduk.registry_errors() == ()
    assert office in adminduk.offices()


def test_the_example_exercises_the_whole_format() -> None:
    office = adminduk.get_office("99.01")
    ordinary = office.policy_at(dt.date(2030, 12, 31))
    assert ordinary.is_ordinary
    assert [ch.kind for ch in ordinary.channels] == ["app", "counter"]
    renovation = office.policy_at(dt.date(2031, 1, 6))
    assert renovation.in_person is InPersonStance.URGENT_ONLY
    assert renovation.accepts("bencana")
    assert office.urgency_reason("bencana").name_en.startswith("Disaster")
    suspension = renovation.suspension_for("ktp-el/baru")
    assert suspension is not None
    assert suspension.mode is SuspensionMode.DEFER
    assert suspension.urgent_exempt
    assert {c.kind for c in renovation.requirement_changes} == {ChangeKind.ADD, ChangeKind.REPLACE}
    assert office.policy_at(dt.date(2031, 3, 1)).is_ordinary
    cal = office.calendar()
    assert not cal.is_open(dt.datetime(2031, 8, 18, 9, 0))  # the local closure
    assert cal.is_open(dt.datetime(2031, 1, 6, 9, 0))
    assert not cal.is_open(dt.datetime(2031, 1, 6, 13, 0))  # renovation hours end at 12.00
    assert cal.is_open(dt.datetime(2031, 3, 3, 13, 0))  # ordinary hours again
