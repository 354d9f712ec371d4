"""Every input an error echoes goes through redact; rendering a bad value never fails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

import adminduk
from adminduk._core.errors import _show
from adminduk.errors import (
    AdmindukError,
    ConfigError,
    OfficeNotFound,
    OutOfRange,
    TransitionError,
    UnknownReason,
    UnknownService,
)

PERSONAL = "NIK saya 3513 0145 0190 0001 / 3513014501900001, WA 0813-5954-7691 atau +6281359547691"
RAW = ("3513014501900001", "3513 0145 0190 0001", "81359547691", "0813-5954-7691")
AT = dt.datetime(2020, 3, 23, 10, 0)


def _office() -> adminduk.OfficeConfig:
    return adminduk.get_office("35.13")


def _request() -> adminduk.ServiceRequest:
    return adminduk.ServiceRequest.submit("35.14", "kk/baru", at=AT, channel="whatsapp")


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
        "35.14", "kk/baru", at=AT, channel=PERSONAL
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


# -- issue 25: no raw value in keys, attributes, copies, deprecated methods or free text ----
UNICODE_FORMS = (
    "0812\u20133456\u20137890",
    "3513\u20090145\u20090190\u20090001",
    "\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19\uff10",
)
UNICODE_RAW = ("81234567890", "3513014501900001", UNICODE_FORMS[2])


@pytest.mark.parametrize("form", UNICODE_FORMS)
def test_spellings_the_parsers_accept_are_masked_in_messages(form: str) -> None:
    for call in (
        lambda: adminduk.get_office(form),
        lambda: adminduk.Service.parse(form),
        lambda: adminduk.advise(_office(), "kk/baru", at=AT, reasons=[form]),
    ):
        with pytest.raises(AdmindukError) as caught:
            call()
        shown = str(caught.value) + repr(vars(caught.value))
        for raw in UNICODE_RAW:
            assert raw not in shown.replace("\u2013", "").replace("\u2009", "")


def _attributes(error: BaseException) -> str:
    return repr(vars(error)) + repr(error.args)


@pytest.mark.parametrize(
    "error",
    [
        OfficeNotFound(PERSONAL),
        OfficeNotFound(3513014501900001),
        UnknownService(PERSONAL),
        UnknownReason(PERSONAL),
        OutOfRange("at", PERSONAL, "a datetime"),
        OutOfRange("at", [PERSONAL], "a datetime"),
        TransitionError(PERSONAL, PERSONAL, reason=PERSONAL),
        ConfigError([], source=PERSONAL),
        adminduk.errors.RegionNotFound(PERSONAL),
    ],
)
def test_error_attributes_hold_masked_values(error: AdmindukError) -> None:
    shown = _attributes(error)
    for raw in RAW:
        assert raw not in shown
    assert "3513**********01" in shown or "+62813******91" in shown


@pytest.mark.parametrize(
    "call",
    [
        lambda: adminduk.ServiceRequest.from_json('{"3514011203850007": "x"}'),
        lambda: adminduk.ServiceRequest.from_history([{"3514011203850007": "x"}]),
        lambda: adminduk.parse_office('[sources.3514011203850007]\ntitle = "x"'),
        lambda: adminduk.parse_office('"0812-3456-7890" = 1'),
    ],
    ids=["from_json", "from_history", "parse_office table", "parse_office key"],
)
def test_unknown_keys_are_masked(call: Callable[[], object]) -> None:
    with pytest.raises(AdmindukError) as caught:
        call()
    shown = str(caught.value) + _attributes(caught.value)
    assert "3514011203850007" not in shown
    assert "81234567890" not in shown


def test_unknown_keys_are_capped_in_count_and_size() -> None:
    data = {f"key{i}": 1 for i in range(100_000)}
    data["x" * 100_000] = 1
    with pytest.raises(ConfigError) as caught:
        adminduk.ServiceRequest.model_validate(data)
    assert len(str(caught.value)) < 10_000
    assert "more unknown keys, not listed" in str(caught.value)


def _submitted() -> adminduk.ServiceRequest:
    return adminduk.ServiceRequest.submit(
        "35.14", "kk/baru", at=AT, channel="whatsapp", phone="0813-5954-7691"
    )


def test_model_copy_with_an_update_is_validated_and_masked() -> None:
    entry = _submitted().history[0]
    copied = entry.model_copy(update={"applicant_nik": "3513014501900001"})
    assert isinstance(copied.applicant_nik, adminduk.Nik)
    assert "3513014501900001" not in repr(copied)
    with pytest.raises(ConfigError) as caught:
        entry.model_copy(update={"applicant_nik": "3513014501900009x"})
    assert "3513014501900009" not in str(caught.value)


def test_model_construct_is_validated_and_masked() -> None:
    entry = adminduk.lifecycle.HistoryEntry.model_construct(
        name="submit", at=AT, applicant_nik="3513014501900001"
    )
    assert isinstance(entry.applicant_nik, adminduk.Nik)
    assert "3513014501900001" not in repr(entry)


@pytest.mark.parametrize(
    "call",
    [
        lambda: adminduk.ServiceRequest.parse_raw('{"phone": "0813-5954-7691", '),
        lambda: adminduk.ServiceRequest.parse_raw(b"x", content_type="pickle"),
        lambda: adminduk.ServiceRequest.parse_file("/dev/zero"),
        lambda: adminduk.ServiceRequest.parse_file("/no/such/file"),
        lambda: adminduk.ServiceRequest.from_orm(object()),
        lambda: adminduk.ServiceRequest.parse_obj({"phone": "0813-5954-7691"}),
        lambda: adminduk.ServiceRequest.construct(phone="0813-5954-7691"),
        lambda: adminduk.ServiceRequest.validate({"phone": "0813-5954-7691"}),
        lambda: _submitted().copy(include={"office"}),
        lambda: _submitted().copy(update={"phone": "0813-5954-769"}),
    ],
)
def test_deprecated_pydantic_methods_are_checked_or_refused(call: Callable[[], object]) -> None:
    with pytest.raises(ConfigError) as caught:
        call()
    assert "81359547691" not in str(caught.value)
    assert "8135954769" not in str(caught.value)


def test_free_text_notes_are_redacted_by_default_and_revealed_on_request() -> None:
    typed = "NIK 3514011203850007 hp 081234567890"
    later = AT + dt.timedelta(hours=1)
    request = _submitted().apply("start_verification", at=later)
    request = request.apply("reject", at=later, reason=typed, note=typed)
    entry = request.history[-1]
    for shown in (repr(entry), repr(request), request.to_json(), entry.model_dump_json()):
        assert "3514011203850007" not in shown
        assert "81234567890" not in shown
    assert "3514**********07" in request.to_json()
    assert entry.note == typed  # the attribute is the explicit, authorised way
    assert typed in request.to_json(reveal=True)
    assert adminduk.ServiceRequest.from_json(request.to_json(reveal=True)) == request
