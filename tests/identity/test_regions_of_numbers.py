"""A NIK or KK number names the regions it was issued under, by the code it keeps for life."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import KkNumber, Nik, region, regions
from adminduk.errors import NikError, OutOfRange
from adminduk.identity import check_regency

from .strategies import nik_parts


def test_a_merauke_nik_from_2019_names_merauke_and_its_current_code():
    # Born 1 Jan 2019 (synthetic), registered under Kabupaten Merauke's code before the split.
    nik = Nik.parse("9101010101190001", reference_date=date(2019, 6, 1))
    assert nik.regency is region("91.01")
    assert nik.regency.name == "Kabupaten Merauke"
    assert nik.regency.current().code == "93.01"
    assert nik.province.name == "Papua"  # the province it was issued in, not today's
    assert nik.district.name == "Merauke" and nik.district.current().code == "93.01.01"
    assert str(nik) == "9101**********01"  # masking is unchanged


def test_a_kk_number_names_its_regions_too():
    kk = KkNumber.parse("3513190123040007")
    assert (kk.province.name, kk.regency.name, kk.district.name) == (
        "Jawa Timur",
        "Kabupaten Probolinggo",
        "Dringu",
    )


@pytest.mark.parametrize(
    ("digits", "part"),
    [
        ("3569990101900001", "regency"),  # kabupaten 69 of Jawa Timur: on no list
        ("3513990101900001", "district"),  # kecamatan 99 of Probolinggo: on no list
        ("3513000101900001", "district"),  # 00 is no kecamatan
        ("9101010101230001", "regency"),  # Merauke's old code, for a child born in 2023
    ],
)
def test_a_code_no_list_has_is_refused_naming_the_part(digits, part):
    with pytest.raises(NikError) as caught:
        Nik.parse(digits, reference_date=date(2025, 1, 1))
    assert caught.value.part == part
    assert digits[4:] not in str(caught.value)


def test_an_old_code_is_read_for_a_holder_born_while_it_was_valid():
    nik = Nik.parse("9101010101900001", reference_date=date(2025, 1, 1))
    assert nik.regency.current().code == "93.01"


def test_check_regency_uses_the_lists_unless_codes_are_given():
    assert check_regency("91.01") and check_regency("93.01") and check_regency("35.78")
    assert not check_regency("35.69") and not check_regency("35") and not check_regency("35.13.19")
    with pytest.raises(OutOfRange):
        check_regency(3513)  # type: ignore[arg-type]
    assert check_regency("35.69", {"35.69"}) and not check_regency("35.13", set())


@pytest.mark.no_cover
@given(parts=nik_parts())
def test_region_properties_agree_with_the_codes(parts):
    nik = Nik.parse(parts.digits, reference_date=parts.reference_date)
    assert nik.province.code == nik.province_code
    if nik.regency is not None:
        assert nik.regency.code == nik.regency_code
        assert check_regency(nik.regency_code)
    if nik.district is not None:
        assert nik.district.code == nik.district_code and nik.district.regency is nik.regency


DISTRICTS = tuple(r.code for r in regions("kecamatan", on=date(2016, 1, 1)))


@given(code=st.sampled_from(DISTRICTS), serial=st.integers(1, 9999))
def test_every_kecamatan_of_a_list_is_found_from_a_nik(code, serial):
    nik = Nik.parse(f"{code.replace('.', '')}010190{serial:04d}", reference_date=date(2020, 1, 1))
    assert nik.district is region(code)
    assert nik.regency is region(code).regency and nik.province is region(code).province
