"""Thousands of answers held equal to those stored: a refactoring changes no reply.

``scripts/golden_answers.py`` defines the sample (every office built in when it was made, a
baseline office, every service, days of 2020-2027 around the policy changes, three reason sets,
with and without WhatsApp, both languages, full and short) and wrote the stored answers. A
change meant to change answers writes them again (``python scripts/golden_answers.py --write``,
CONTRIBUTING.md); any other change must leave every one of them as it is.
"""

from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from types import ModuleType
from typing import Any

import pytest

from tests.scripts import import_script


@pytest.fixture(scope="module")
def golden() -> Iterator[ModuleType]:
    yield from import_script("golden_answers")


@cache
def _stored_by_office(module: ModuleType) -> dict[str, list[dict[str, Any]]]:
    by_office: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in module.stored():
        by_office[record["request"][0]].append(record)
    return by_office


def _offices() -> tuple[str, ...]:
    offices: tuple[str, ...] = ()
    for module in import_script("golden_answers"):  # consumed whole: the module is unloaded
        offices = tuple(module.OFFICES)
    return offices


def test_the_sample_is_the_stored_one(golden: ModuleType) -> None:
    requests = [
        [office, service, at.isoformat(), list(reasons), whatsapp]
        for office, service, at, reasons, whatsapp in golden.sample()
    ]
    assert requests == [record["request"] for record in golden.stored()]
    assert len(requests) >= 5000


@pytest.mark.parametrize("office", _offices())
def test_answers_are_unchanged(golden: ModuleType, office: str) -> None:
    stored = _stored_by_office(golden)[office]
    assert stored, office
    changed = []
    for record in stored:
        now = golden.answer(
            record["request"][0],
            record["request"][1],
            golden.dt.datetime.fromisoformat(record["request"][2]),
            tuple(record["request"][3]),
            record["request"][4],
        )
        found = golden.differences(now, record)
        if found:
            changed.append(f"{record['request']}\n  " + "\n  ".join(found))
    assert not changed, f"{len(changed)} answers changed; the first:\n" + "\n".join(changed[:3])


def test_a_changed_answer_is_reported(golden: ModuleType) -> None:
    record = golden.stored()[0]
    altered = {**record, "outcome": "defer" if record["outcome"] != "defer" else "online"}
    assert golden.differences(altered, record) == [
        f"outcome: stored {record['outcome']!r}, now {altered['outcome']!r}"
    ]
