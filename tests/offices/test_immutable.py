"""A cached office is deeply immutable: no caller can change another caller's answers."""

from __future__ import annotations

import copy
import pickle

import pytest
from pydantic import BaseModel

import adminduk
from adminduk.offices._types import FrozenDict

MUTABLE = (list, dict, set, bytearray)


def _walk(value: object, path: str, seen: set[int]) -> list[str]:
    if id(value) in seen:
        return []
    seen.add(id(value))
    found: list[str] = []
    if isinstance(value, MUTABLE) and not isinstance(value, FrozenDict):
        found.append(f"{path}: {type(value).__name__}")
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            found += _walk(getattr(value, name), f"{path}.{name}", seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            found += _walk(item, f"{path}[{key!r}]", seen)
    elif isinstance(value, tuple | list | frozenset | set):
        for index, item in enumerate(value):
            found += _walk(item, f"{path}[{index}]", seen)
    return found


@pytest.mark.parametrize("office", adminduk.offices(), ids=lambda o: o.code)
def test_no_field_of_a_registered_office_can_be_changed(office: adminduk.OfficeConfig) -> None:
    assert _walk(office, office.code, set()) == []


def test_the_red_teams_change_is_refused() -> None:
    office = adminduk.get_office("35.14")
    before = dict(office.sources)
    for change in (
        lambda: office.sources.clear(),
        lambda: office.sources.update({}),
        lambda: office.sources.__setitem__("X", None),
        lambda: office.policies[0].cite.clear(),
        lambda: office.service_phrases.pop("x", None),
    ):
        with pytest.raises(TypeError, match="cannot be changed"):
            change()
    with pytest.raises(AttributeError, match="immutable"):
        office.name = "3513014501900001"  # type: ignore[misc]
    assert dict(adminduk.get_office("35.14").sources) == before


def test_frozen_tables_still_pickle_copy_and_dump() -> None:
    office = adminduk.get_office("35.14")
    for again in (pickle.loads(pickle.dumps(office)), copy.deepcopy(office), copy.copy(office)):
        assert again == office
        assert isinstance(again.sources, FrozenDict)
    assert adminduk.OfficeConfig.model_validate_json(office.model_dump_json()) == office


def test_assigning_to_a_request_never_echoes_the_value() -> None:
    import datetime as dt

    request = adminduk.ServiceRequest.submit(
        "35.14", "kk/baru", at=dt.datetime(2020, 3, 23, 10), channel="whatsapp"
    )
    with pytest.raises(AttributeError) as caught:
        request.phone = "081359547691"  # type: ignore[misc]
    assert "81359547691" not in str(caught.value)
