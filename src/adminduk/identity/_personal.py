"""The list of public types that hold personal data, which the masking test walks.

Every package that defines a public type holding personal data (a NIK, a KK number, a citizen's
phone number, a name) registers it here with a sample, at import time of its module. The test
``tests/identity/test_personal_data.py`` imports every adminduk module, then checks each
registered type's ``str``, ``repr``, default JSON and refusal errors for the sample's raw
values, and fails for any public pydantic model or dataclass that holds a personal type but was
not registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from adminduk._core.arguments import instance
from adminduk.errors import ConfigError

__all__ = ["PersonalDataCase", "personal_data_cases", "register_personal_data"]


@dataclass(frozen=True, slots=True)
class PersonalDataCase:
    """How to check that one public type keeps its personal data out of sight.

    Attributes:
        kind: the public type that holds personal data.
        sample: builds an instance holding the values in ``secrets``.
        secrets: the raw values (in every spelling that must not leak: digits, E.164, the
            national form, a name) that must never appear in ``str``, ``repr``, the default
            JSON or a raised error.
        refuse: calls that must each be refused (raise an ``AdmindukError`` or a pydantic
            ``ValidationError``) on input that contains the secrets.

    Examples:
        >>> from adminduk.identity import Nik
        >>> case = PersonalDataCase(Nik, lambda: Nik.parse("3513014501900001"),
        ...                         ("3513014501900001",))
        >>> case.kind.__name__
        'Nik'
    """

    kind: type
    sample: Callable[[], object]
    secrets: tuple[str, ...]
    refuse: tuple[Callable[[], object], ...] = ()


_CASES: dict[type, PersonalDataCase] = {}


def register_personal_data(case: PersonalDataCase) -> PersonalDataCase:
    """Add a type to the list the masking test walks; returns ``case``.

    Call it at import time of the module that defines the type, so that importing the module
    is enough for the test to find it.

    Raises:
        ConfigError: the case has no secrets, or another case already covers ``case.kind``.

    Examples:
        >>> from adminduk.identity import CitizenPhone
        >>> [c.kind.__name__ for c in personal_data_cases()][:3]
        ['Nik', 'KkNumber', 'CitizenPhone']
    """
    instance("case", case, PersonalDataCase, "a PersonalDataCase")
    if not case.secrets:
        raise ConfigError.single("secrets", "a personal-data case needs at least one secret")
    if case.kind in _CASES and _CASES[case.kind] is not case:
        raise ConfigError.single(
            "kind", "this type already has a personal-data case", case.kind.__qualname__
        )
    _CASES[case.kind] = case
    return case


def personal_data_cases() -> tuple[PersonalDataCase, ...]:
    """Every registered personal-data case, in registration order.

    Examples:
        >>> from adminduk.identity import Nik
        >>> Nik in {case.kind for case in personal_data_cases()}
        True
    """
    return tuple(_CASES.values())
