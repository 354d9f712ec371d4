"""Every input an error echoes goes through redact; rendering a bad value never fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import adminduk
from adminduk.errors import (
    AdmindukError,
    ConfigError,
    OfficeNotFound,
    OutOfRange,
    TransitionError,
    UnknownReason,
    UnknownService,
    _show,
)

PERSONAL = "NIK saya 3513 0145 0190 0001 / 3513014501900001, WA 0813-5954-7691 atau +6281359547691"
RAW = ("3513014501900001", "3513 0145 0190 0001", "81359547691", "0813-5954-7691")
AT = dt.datetime(2020, 3, 23, 10, 0)


def _office() -> adminduk.OfficeConfig:
    return adminduk.get_office("35.13")


def _request() -> adminduk.ServiceRequest:
    return adminduk.ServiceRequest.submit("35.13", "kk/baru", at=AT, channel="whatsapp")


CALLS: dict[str, Callable[[], object]] = {
    "get_office": lambda: adminduk.get_office(PERSONAL),
    "Service.parse": lambda: adminduk.Service.parse(PERSONAL),
    "find_services limit": lambda: adminduk.find_services("ktp", limit=PERSONAL),  # type: ignore[arg-type]
    "advise office": lambda: adminduk.advise(PERSONAL, "kk/baru", at=AT),
    "advise service": lambda: adminduk.advise(_office(), PERSONAL, at=AT),
    "advise reasons": lambda: adminduk.advise(_office(), "kk/baru", at=AT, reasons=[PERSONAL]),
    "advise at": lambda: adminduk.advise(_office(), "kk/baru", at=PERSONAL),  # type: ignore[arg-type]
    "to_message lang": lambda: adminduk.advise(_office(), "kk/baru", at=AT).to_message(PERSONAL),
    "submit channel": lambda: adminduk.ServiceRequest.submit(
        "35.13", "kk/baru", at=AT, channel=PERSONAL
    ),
    "submit at": lambda: adminduk.ServiceRequest.submit(
        "35.13",
        "kk/baru",
        at=PERSONAL,
        channel="whatsapp",  # type: ignore[arg-type]
    ),
    "apply event": lambda: _request().apply(PERSONAL, at=AT),
    "requirements": lambda: _office().requirements(PERSONAL, AT),
    "policy_at": lambda: _office().policy_at(PERSONAL),  # type: ignore[arg-type]
    "load_office": lambda: adminduk.load_office(PERSONAL),
    "parse_office": lambda: adminduk.parse_office(f'code = "{PERSONAL}"'),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_no_error_message_shows_the_raw_numbers_it_was_given(name: str) -> None:
    with pytest.raises(AdmindukError) as caught:
        CALLS[name]()
    message = str(caught.value)
    for raw in RAW:
        assert raw not in message


@pytest.mark.parametrize(
    "error",
    [
        OfficeNotFound(PERSONAL),
        UnknownService(PERSONAL),
        UnknownReason(PERSONAL),
        OutOfRange("at", PERSONAL, "a datetime"),
        TransitionError(PERSONAL, PERSONAL),
        ConfigError.single("x", "bad", PERSONAL),
        ConfigError([], source=PERSONAL),
    ],
)
def test_every_error_class_masks_what_it_echoes(error: AdmindukError) -> None:
    message = str(error)
    assert "3513**********01" in message
    for raw in RAW:
        assert raw not in message


class _Hostile:
    def __repr__(self) -> str:
        raise RuntimeError("no")


class _BadInt(int):
    def bit_length(self) -> int:
        raise RuntimeError("no")


class _Recursive:
    def __repr__(self) -> str:
        return repr(self)


def _deep() -> list[object]:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    return deep


@pytest.mark.parametrize(
    "value",
    [10**5000, -(10**5000), _deep(), _Hostile(), _Recursive(), "x" * 10**6, b"\xff" * 999],
    ids=[
        "huge-int",
        "huge-negative",
        "deep-list",
        "repr-raises",
        "repr-recurses",
        "long",
        "bytes",
    ],
)
def test_show_never_fails_and_stays_short(value: object) -> None:
    shown = _show(value)
    assert 0 < len(shown) <= 80
    if isinstance(value, _BadInt):
        assert shown == "<a _BadInt that cannot be shown>"


def test_errors_built_on_hostile_values_are_still_library_errors() -> None:
    for value in (10**5000, _Hostile(), _deep()):
        with pytest.raises(OfficeNotFound):
            adminduk.get_office(value)  # type: ignore[arg-type]
        with pytest.raises(UnknownService):
            adminduk.Service.parse(value)  # type: ignore[arg-type]


def _library_models() -> list[type]:
    import importlib
    import pkgutil

    from pydantic import BaseModel

    for info in pkgutil.walk_packages(adminduk.__path__, "adminduk."):
        if info.name != "adminduk.cli" and not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found: list[type] = []
    todo: list[type] = [BaseModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("adminduk."):
                found.append(sub)
    return found


def test_every_library_model_hides_its_input_in_pydantic_errors() -> None:
    models = _library_models()
    assert len(models) > 20
    assert [m for m in models if not m.model_config.get("hide_input_in_errors")] == []
