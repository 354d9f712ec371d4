"""The lifecycle's seam onto the offices: the day cache of fulfilment rules."""

from datetime import datetime
from zoneinfo import ZoneInfo

from adminduk.documents import Service
from adminduk.lifecycle import _office
from adminduk.offices import get_office, rules_in_force

AT = datetime(2020, 3, 24, 10, tzinfo=ZoneInfo("Asia/Makassar"))
KK = Service.parse("kk/perubahan")


def test_answers_as_the_office_does():
    rules, policy = _office.fulfilment("52.71", KK, AT)
    office = get_office("52.71")
    assert policy is office.policy_at(AT)
    assert rules is policy.fulfilment_for(KK)
    assert rules.originals_checked


def test_a_different_office_object_is_not_answered_from_the_cache(monkeypatch):
    _office.fulfilment("52.71", KK, AT)
    replacement = get_office("52.06")  # any other office object under the same code
    monkeypatch.setattr(_office, "get_office", lambda code: replacement)
    _, policy = _office.fulfilment("52.71", KK, AT)
    # Bima's ordinary rules, narrowed by the national instruction of 2020: what advise reads.
    assert policy == rules_in_force(replacement, AT.date()).policy


def test_the_cache_stays_bounded(monkeypatch):
    monkeypatch.setattr(_office, "_CACHE_LIMIT", 2)
    _office._cache.clear()
    for day in (24, 25, 26):
        _office.fulfilment("52.71", KK, AT.replace(day=day))
    assert len(_office._cache) == 1
