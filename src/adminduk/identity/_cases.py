"""The identity types' own entries in the personal-data list (synthetic sample values)."""

from __future__ import annotations

from typing import Any

from adminduk.identity._numbers import KkNumber, Nik
from adminduk.identity._personal import PersonalDataCase, register_personal_data
from adminduk.identity._phone import CitizenPhone

_NIK = "3513014501900001"
_KK = "5271012304200007"
_PHONE = ("+6281359547691", "6281359547691", "081359547691", "81359547691")


def _validate(kind: type, value: object) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(kind).validate_python(value)


register_personal_data(
    PersonalDataCase(
        Nik,
        lambda: Nik.parse(_NIK),
        (_NIK,),
        refuse=(
            lambda: Nik.parse(_NIK + "9"),
            lambda: Nik.parse(_NIK, known_regencies={"35.14"}),
            lambda: Nik.parse(_NIK + "x"),
            lambda: _validate(Nik, _NIK + "9"),
        ),
    )
)
register_personal_data(
    PersonalDataCase(
        KkNumber,
        lambda: KkNumber.parse(_KK),
        (_KK,),
        refuse=(
            lambda: KkNumber.parse(_KK + "0"),
            lambda: KkNumber.parse(_KK, known_regencies={"35.13"}),
            lambda: _validate(KkNumber, "#" + _KK),
        ),
    )
)
register_personal_data(
    PersonalDataCase(
        CitizenPhone,
        lambda: CitizenPhone(_PHONE[2]),
        _PHONE,
        refuse=(
            lambda: CitizenPhone(_PHONE[2] + "12345"),
            lambda: CitizenPhone(_PHONE[2] + " ext"),
            lambda: _validate(CitizenPhone, "+1" + _PHONE[1]),
        ),
    )
)
