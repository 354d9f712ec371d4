"""Every public type holding personal data keeps it out of str, repr, default JSON and errors.

The list of types is `adminduk.identity.personal_data_cases()`: a package that adds a public
type holding personal data (a request with the citizen's NIK, a name, a phone number) registers
a `PersonalDataCase` for it with `register_personal_data` at import time. This test imports
every adminduk module first, then walks the list; and it fails for any public pydantic model or
dataclass whose fields hold a personal type but which nobody registered.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
import typing

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

import adminduk
from adminduk import AdmindukError
from adminduk.identity import REVEAL_CONTEXT, personal_data_cases

_SKIP = {"adminduk.__main__"}


def _import_everything() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(adminduk.__path__, "adminduk."):
        if info.name not in _SKIP:
            importlib.import_module(info.name)
            names.append(info.name)
    return names


MODULES = _import_everything()
CASES = personal_data_cases()


def _id(case) -> str:
    return case.kind.__qualname__


def _dump_json(value: object, **kwargs: typing.Any) -> str:
    if isinstance(value, BaseModel):
        return value.model_dump_json(**kwargs)
    return TypeAdapter(type(value)).dump_json(value, **kwargs).decode()


def _leaks(text: str, secrets: tuple[str, ...]) -> list[str]:
    return [secret for secret in secrets if secret in text]


def test_the_identity_types_are_on_the_list():
    kinds = {case.kind.__name__ for case in CASES}
    assert {"Nik", "KkNumber", "CitizenPhone"} <= kinds


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_sample_really_holds_its_secrets(case):
    # Without this, a sample that holds nothing would pass every check below.
    value = case.sample()
    assert isinstance(value, case.kind)
    revealed = _dump_json(value, context=REVEAL_CONTEXT)
    assert _leaks(revealed, case.secrets), revealed


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_str_repr_and_default_json_omit_the_raw_value(case):
    value = case.sample()
    shown = {
        "str": str(value),
        "repr": repr(value),
        "format": f"{value}",
        "in a container": repr([value, {"value": value}]),
        "default JSON": _dump_json(value),
        "JSON mode dump": repr(TypeAdapter(case.kind).dump_python(value, mode="json")),
        "python dump": repr(TypeAdapter(case.kind).dump_python(value)),
    }
    leaked = {where: _leaks(text, case.secrets) for where, text in shown.items()}
    assert not any(leaked.values()), leaked


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_refusals_omit_the_raw_value(case):
    assert case.refuse, "give at least one refused input"
    for refuse in case.refuse:
        with pytest.raises((AdmindukError, ValidationError)) as caught:
            refuse()
        err = caught.value
        texts = [str(err), repr(err), *map(str, err.args)]
        if isinstance(err, ValidationError):
            texts += [err.json(), repr(err.errors())]
        leaked = [t for t in texts if _leaks(t, case.secrets)]
        assert not leaked, leaked
        assert not any(re.search(r"[0-9]{16}", t) for t in texts)


def _annotation_texts(cls: type) -> list[str]:
    if isinstance(cls, type) and issubclass(cls, BaseModel):
        return [repr(field.annotation) for field in cls.model_fields.values()]
    if dataclasses.is_dataclass(cls):
        return [str(field.type) for field in dataclasses.fields(cls)]
    return []


def _public_classes() -> dict[str, type]:
    found: dict[str, type] = {}
    for module_name in ("adminduk", *MODULES):
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name, None)
            if isinstance(value, type):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


def test_every_public_model_holding_personal_data_is_on_the_list():
    personal = {case.kind for case in CASES}
    names = "|".join(re.escape(kind.__name__) for kind in personal)
    holds = re.compile(rf"\b(?:{names})\b")
    missing = [
        qualname
        for qualname, cls in _public_classes().items()
        if cls not in personal and any(holds.search(t) for t in _annotation_texts(cls))
    ]
    assert not missing, (
        f"register a PersonalDataCase for {missing} (adminduk.identity.register_personal_data)"
    )


def test_the_walker_finds_models_that_hold_personal_data():
    # A model of the kind the walker must catch, to show the check above can fail.
    from adminduk.identity import Nik

    class Form(BaseModel):
        nik: Nik | None = None

    personal = "|".join(case.kind.__name__ for case in CASES)
    assert any(re.search(rf"\b(?:{personal})\b", t) for t in _annotation_texts(Form))

    @dataclasses.dataclass
    class Row:
        phone: "CitizenPhone"  # noqa: F821, UP037

    assert any(re.search(rf"\b(?:{personal})\b", t) for t in _annotation_texts(Row))
