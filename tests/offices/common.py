"""Assertions shared by the per-office test modules (as python-holidays' TestCase does)."""

from __future__ import annotations

import datetime as dt

from adminduk.offices import Channel, ChannelKind, OfficeConfig, Policy


def remote_channels(policy: Policy, service: str) -> list[Channel]:
    return [ch for ch in policy.channels_for(service) if ch.kind is not ChannelKind.COUNTER]


def assert_channel(
    policy: Policy, service: str, kind: str, address: str | None, *, only: bool = True
) -> Channel:
    """``service`` is taken remotely by a ``kind`` channel at ``address`` (the only one)."""
    found = remote_channels(policy, service)
    matching = [ch for ch in found if ch.kind == kind and ch.address == address]
    assert matching, f"{service}: no {kind} channel at {address!r}; remote channels: {found}"
    if only:
        assert len(found) == 1, f"{service}: expected one remote channel, got {found}"
    return matching[0]


def assert_not_online(policy: Policy, service: str) -> None:
    assert remote_channels(policy, service) == [], f"{service} should have no remote channel"


def assert_in_force(office: OfficeConfig, policy_id: str, *days: dt.date) -> None:
    for day in days:
        got = office.policy_at(day).id
        assert got == policy_id, f"{office.code} on {day}: expected {policy_id}, got {got}"


def assert_ordinary(office: OfficeConfig, *days: dt.date) -> None:
    for day in days:
        assert office.policy_at(day).is_ordinary, f"{office.code} on {day} should be ordinary"
