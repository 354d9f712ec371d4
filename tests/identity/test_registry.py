import pytest

from adminduk import ConfigError
from adminduk.identity import (
    Nik,
    PersonalDataCase,
    personal_data_cases,
    register_personal_data,
)
from adminduk.identity._personal import _CASES


def test_registering_the_same_case_twice_is_harmless():
    case = next(c for c in personal_data_cases() if c.kind is Nik)
    assert register_personal_data(case) is case
    assert [c.kind for c in personal_data_cases()].count(Nik) == 1


def test_a_second_case_for_a_type_is_refused():
    with pytest.raises(ConfigError, match="already has a personal-data case"):
        register_personal_data(PersonalDataCase(Nik, lambda: None, ("x",)))


def test_a_case_needs_secrets():
    with pytest.raises(ConfigError, match="at least one secret"):
        register_personal_data(PersonalDataCase(int, lambda: 1, ()))


def test_a_new_type_joins_the_list():
    class Name(str):
        pass

    case = PersonalDataCase(Name, lambda: Name("x"), ("Siti",))
    try:
        assert register_personal_data(case) is case
        assert personal_data_cases()[-1] is case
    finally:
        del _CASES[Name]
