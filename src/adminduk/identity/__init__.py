"""Personal identifiers: NIK and KK numbers, WhatsApp numbers, and masking of personal data.

NIK, KK numbers and citizens' phone numbers are personal data under UU 27/2022: every type here
masks them in ``str``, ``repr``, default JSON and error messages, and gives the raw value only
through an explicit ``reveal()``.

Examples:
    >>> from adminduk.identity import Nik, normalize_whatsapp, whatsapp_link
    >>> nik = Nik.parse("3513014501900001")
    >>> print(nik, nik.regency_code, nik.sex)
    3513**********01 35.13 perempuan
    >>> normalize_whatsapp("0813-5954-7691")
    '+6281359547691'
    >>> whatsapp_link("0813-5954-7691")
    'https://wa.me/6281359547691'
"""

from adminduk.identity import _cases  # noqa: F401  (registers the identity types' samples)
from adminduk.identity._mask import REVEAL_CONTEXT, REVEAL_KEY, mask, redact
from adminduk.identity._numbers import KkNumber, Nik, Sex
from adminduk.identity._personal import (
    PersonalDataCase,
    personal_data_cases,
    register_personal_data,
)
from adminduk.identity._phone import CitizenPhone, OfficePhone, normalize_whatsapp, whatsapp_link
from adminduk.identity._provinces import (
    PROVINCE_SOURCE,
    Province,
    check_regency,
    find_province,
    provinces,
)

# -- public names: written by scripts/public_names.py from the imports; do not edit --
__all__ = [
    "PROVINCE_SOURCE",
    "REVEAL_CONTEXT",
    "REVEAL_KEY",
    "CitizenPhone",
    "KkNumber",
    "Nik",
    "OfficePhone",
    "PersonalDataCase",
    "Province",
    "Sex",
    "check_regency",
    "find_province",
    "mask",
    "normalize_whatsapp",
    "personal_data_cases",
    "provinces",
    "redact",
    "register_personal_data",
    "whatsapp_link",
]
# -- end of the public names --
