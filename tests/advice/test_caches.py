"""The caches behind advise: bounded, safe under threads, and they keep no office alive."""

from __future__ import annotations

import datetime as dt
import gc
import threading
import weakref

import pytest
from hypothesis import given
from hypothesis import strategies as st

import adminduk
from adminduk._core.cache import OwnedCache
from adminduk.advice import _day, _plan, _reasons, _standard

AT = dt.datetime(2020, 3, 24, 10, 0)


class Owner:
    """Anything weakly referable can own cache entries."""


def test_an_advised_office_is_not_kept_alive() -> None:
    office = adminduk.get_office("35.14").model_copy(update={"name": "Dinas salinan"})
    before = len(_plan._PLANS)
    first = adminduk.advise(office, "kk/perubahan", AT)
    assert adminduk.advise(office, "kk/perubahan", AT) == first  # answered from the cache
    assert len(_plan._PLANS) == before + 1
    ref = weakref.ref(office)
    del office
    gc.collect()
    assert ref() is None
    assert len(_plan._PLANS) == before
    assert len(_day._DAYS) <= before


@pytest.mark.parametrize(
    ("code", "service", "at"),
    [
        ("35.04", "kk/perubahan", AT),
        # an office with a published standard: its lookup and completion lines are cached too
        ("64.74", "kk/baru", dt.datetime(2024, 5, 8, 10)),
    ],
)
def test_a_cached_answer_equals_a_fresh_one(code: str, service: str, at: dt.datetime) -> None:
    office = adminduk.get_office(code)
    moments = [at + dt.timedelta(days=d, hours=d % 9) for d in range(20)]
    cached = [adminduk.advise(office, service, moment) for moment in moments]
    for cache in (
        _plan._PLANS,
        _day._DAYS,
        _reasons._REASONS,
        _standard._OWN,
        _standard._COMPLETIONS,
    ):
        cache.clear()
    fresh = [adminduk.advise(office, service, moment) for moment in moments]
    assert cached == fresh


@given(st.lists(st.integers(0, 20), max_size=60), st.integers(1, 5))
def test_owned_cache_keeps_the_newest_entries(keys: list[int], limit: int) -> None:
    cache: OwnedCache[int, int] = OwnedCache(per_owner=limit)
    owner = Owner()
    inserted: list[int] = []  # the model: keys in the order they were cached
    for key in keys:
        if cache.get(owner, key) is None:
            cache.put(owner, key, key * 2)
            inserted.append(key)
            inserted = inserted[-limit:]
    for key in set(keys):
        assert cache.get(owner, key) == (key * 2 if key in inserted else None)


def test_owned_cache_is_safe_under_threads() -> None:
    cache: OwnedCache[int, int] = OwnedCache(per_owner=8)
    owners = [Owner() for _ in range(4)]
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        barrier.wait()
        try:
            for i in range(2000):
                owner = owners[(seed + i) % len(owners)]
                key = (seed * i) % 13
                hit = cache.get(owner, key)
                assert hit is None or hit == key
                cache.put(owner, key, key)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(cache) == len(owners)
    owners.clear()
    gc.collect()
    assert len(cache) == 0


def test_owned_cache_refuses_a_limit_below_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        OwnedCache(per_owner=0)
