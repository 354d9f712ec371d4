from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from adminduk.identity import (
    PROVINCE_SOURCE,
    Nik,
    Province,
    check_regency,
    find_province,
    provinces,
)

# domain-facts.md §8, row by row for the zones that are easy to get wrong.
ZONES = {
    "35": ("Jawa Timur", "WIB", "Asia/Jakarta"),
    "52": ("Nusa Tenggara Barat", "WITA", "Asia/Makassar"),
    "51": ("Bali", "WITA", "Asia/Makassar"),
    "61": ("Kalimantan Barat", "WIB", "Asia/Pontianak"),
    "62": ("Kalimantan Tengah", "WIB", "Asia/Pontianak"),
    "63": ("Kalimantan Selatan", "WITA", "Asia/Makassar"),
    "81": ("Maluku", "WIT", "Asia/Jayapura"),
    "96": ("Papua Barat Daya", "WIT", "Asia/Jayapura"),
}


def test_thirty_eight_provinces_in_code_order():
    codes = [p.code for p in provinces()]
    assert len(codes) == 38
    assert codes == sorted(codes)
    assert len(set(codes)) == 38
    assert codes[0] == "11"
    assert codes[-1] == "96"


@pytest.mark.parametrize(("code", "expected"), sorted(ZONES.items()))
def test_zones_follow_the_facts_sheet(code, expected):
    province = find_province(code)
    assert province is not None
    assert (province.name, province.local_zone, province.timezone) == expected
    assert province.zone == ZoneInfo(expected[2])


def test_every_zone_is_a_real_iana_zone_and_matches_its_abbreviation():
    offsets = {"WIB": 7, "WITA": 8, "WIT": 9}
    for province in provinces():
        assert province.source == PROVINCE_SOURCE
        for year in (2020, 2025):
            offset = datetime(year, 6, 1, tzinfo=province.zone).utcoffset()
            assert offset is not None
            assert offset.total_seconds() == offsets[province.local_zone] * 3600


def test_papua_split_of_2022():
    assert [(p.code, p.name) for p in provinces() if p.since == 2022] == [
        ("93", "Papua Selatan"),
        ("94", "Papua Tengah"),
        ("95", "Papua Pegunungan"),
        ("96", "Papua Barat Daya"),
    ]
    # A NIK issued in Merauke before the split keeps 91.01; one issued after carries 93.01.
    assert Nik.parse("9101010101900001").province.name == "Papua"
    assert Nik.parse("9301010101900001").province.name == "Papua Selatan"


def test_records_are_frozen():
    province = provinces()[0]
    assert isinstance(province, Province)
    with pytest.raises(AttributeError):
        province.code = "99"  # type: ignore[misc]


@pytest.mark.parametrize("code", ["99", "54", "", "3", "035", "35.13"])
def test_unknown_codes(code):
    assert find_province(code) is None


def test_check_regency():
    known = {"35.13", "35.14", "52.71"}
    assert check_regency("52.71", known)
    assert not check_regency("52.72", known)  # Kota Bima is not Kabupaten Bima (52.06)
    assert not check_regency("35.13", ())


def test_the_law_files_province_table_is_checked_field_by_field_every_problem_at_once():
    # Read without pydantic (a NIK's parse imports none), so the reader checks each field itself.
    from adminduk.errors import ConfigError
    from adminduk.regions._provinces import _Sections

    zones = {
        "source": "S",
        "province_source": "S",
        "zones": [{"name": "WIB", "utc_offset_hours": 7, "iana": ["Asia/Jakarta"]}],
    }
    good = {"code": "35", "name": "Jawa Timur", "zone": "WIB", "timezone": "Asia/Jakarta"}
    read = _Sections.model_validate({"time_zones": zones, "provinces": [good]})
    assert [(p.code, p.timezone) for p in read.provinces] == [("35", "Asia/Jakarta")]
    broken = [
        {**good, "code": "3X"},
        {**good, "timezone": "Asia/Makassar"},
        {**good, "since": "2022"},
        {**good, "name": None},
    ]
    with pytest.raises(ConfigError) as caught:
        _Sections.model_validate({"time_zones": zones, "provinces": broken})
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("provinces[0].code", "expected two digits"),
        ("provinces[1].timezone", "not a zone of 'WIB'; valid: WIB: Asia/Jakarta"),
        ("provinces[2].since", "expected a year"),
        ("provinces[3].name", "expected the province's name"),
    ]
