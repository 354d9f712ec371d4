"""Fixtures of the per-office modules: the office a module pins, and the policy it reads.

A module of one built-in office sets ``CODE`` (the office's code) and, when its tests read one
dated policy, ``ONLINE_ON`` (a day that policy is in force); the fixtures below serve both.
Test offices of any other shape come from ``tests/builders.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk


@pytest.fixture(scope="module")
def office(request: pytest.FixtureRequest) -> adminduk.OfficeConfig:
    """The built-in office the module pins by its ``CODE``."""
    code: str = request.module.CODE
    return adminduk.get_office(code)


@pytest.fixture(scope="module")
def online(request: pytest.FixtureRequest, office: adminduk.OfficeConfig) -> adminduk.Policy:
    """The office's policy in force on the module's ``ONLINE_ON`` day."""
    day: dt.date = request.module.ONLINE_ON
    return office.policy_at(day)
