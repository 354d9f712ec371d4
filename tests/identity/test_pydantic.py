"""The identity types as field types in an application's own pydantic models."""

import json
import re

import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from adminduk.identity import REVEAL_CONTEXT, CitizenPhone, KkNumber, Nik, OfficePhone, Sex

NIK = "3513014501900001"
KK = "5271012304200007"


class Application(BaseModel):
    """What a WhatsApp bot might keep about one request."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nik: Nik
    kk: KkNumber | None = None
    phone: CitizenPhone
    office_line: OfficePhone


def make() -> Application:
    return Application(
        nik="3513 0145 0190 0001",
        kk=KK,
        phone="0813-5954-7691",
        office_line="0813-5954-7692",
    )


def test_fields_are_validated_and_normalised():
    app = make()
    assert isinstance(app.nik, Nik)
    assert app.nik.sex is Sex.FEMALE
    assert app.kk is not None
    assert app.kk.regency_code == "52.71"
    assert app.phone.reveal() == "+6281359547691"
    assert app.office_line == "+6281359547692"


def test_default_dumps_are_masked():
    app = make()
    dumped = app.model_dump_json()
    assert json.loads(dumped) == {
        "nik": "3513**********01",
        "kk": "5271**********07",
        "phone": "+62813******91",
        "office_line": "+6281359547692",
    }
    python = app.model_dump()
    assert python["nik"] == app.nik  # the object itself, masked when printed
    assert NIK not in repr(python)
    assert NIK not in str(app)
    assert NIK not in repr(app)
    assert json.loads(app.model_dump_json())["nik"] == app.model_dump(mode="json")["nik"]


def test_reveal_context_writes_the_raw_values_and_round_trips():
    app = make()
    revealed = app.model_dump_json(context=REVEAL_CONTEXT)
    assert json.loads(revealed) == {
        "nik": NIK,
        "kk": KK,
        "phone": "+6281359547691",
        "office_line": "+6281359547692",
    }
    assert Application.model_validate_json(revealed) == app
    assert app.model_dump(context=REVEAL_CONTEXT)["nik"] == NIK
    # Any other context leaves masking on.
    assert app.model_dump(context={"reveal_personal_data": "yes"})["nik"] == app.nik


def test_a_masked_dump_does_not_validate_back():
    with pytest.raises(ValidationError):
        Application.model_validate_json(make().model_dump_json())


def test_validation_errors_hide_the_input():
    with pytest.raises(ValidationError) as caught:
        Application(
            nik="3513013201900001",
            kk="99710123042000070",
            phone="0813-5954-7691x",
            office_line="021-5551234",
        )
    err = caught.value
    text = str(err) + err.json() + repr(err.errors())
    assert "3513013201900001" not in text
    assert "99710123042000070" not in text
    assert "59547691" not in text
    assert "<NIK hidden>" in str(err)
    assert "invalid NIK (date)" in str(err)
    locs = [e["loc"][0] for e in err.errors()]
    assert locs == ["nik", "kk", "phone", "office_line"]
    # An office's number is public, so its error may show what was given.
    assert "021-5551234" in str(err)


def test_model_validate_json_errors_hide_the_input():
    with pytest.raises(ValidationError) as caught:
        Application.model_validate_json(
            '{"nik": "3513014501900000", "phone": "081359547691", "office_line": "081359547692"}'
        )
    assert "3513014501900000" not in str(caught.value)
    assert "(serial)" in str(caught.value)


def test_parsed_values_are_accepted_as_they_are():
    nik = Nik.parse(NIK)
    phone = CitizenPhone("081359547691")
    app = Application(nik=nik, phone=phone, office_line=OfficePhone("081359547692"))
    assert app.nik is nik
    assert app.phone == phone


def test_json_schema_has_patterns():
    schema = Application.model_json_schema()
    props = schema["properties"]
    pattern = props["nik"]["pattern"]
    assert re.fullmatch(pattern, NIK)
    assert re.fullmatch(pattern, "3513 0145 0190 0001")
    assert not re.fullmatch(pattern, "351301450190000")
    assert props["phone"]["pattern"]
    assert re.fullmatch(props["office_line"]["pattern"], "0813-5954-7691")
    serial = Application.model_json_schema(mode="serialization")["properties"]
    assert re.fullmatch(serial["nik"]["pattern"], "3513**********01")
    assert re.fullmatch(serial["office_line"]["pattern"], "+6281359547692")
    assert "masked" in serial["phone"]["description"]
    kk_schema = TypeAdapter(KkNumber).json_schema()
    assert re.fullmatch(kk_schema["pattern"], KK)
    assert "masked" in TypeAdapter(KkNumber).json_schema(mode="serialization")["description"]


def test_type_adapters():
    assert TypeAdapter(OfficePhone).dump_python(OfficePhone("85337287689")) == "+6285337287689"
    assert TypeAdapter(Nik).dump_json(Nik.parse(NIK)) == b'"3513**********01"'
    assert (
        TypeAdapter(list[CitizenPhone]).dump_json(
            [CitizenPhone("087761489446")], context=REVEAL_CONTEXT
        )
        == b'["+6287761489446"]'
    )
