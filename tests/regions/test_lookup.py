"""region() and regions(): lookups, dates, errors."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adminduk
from adminduk.errors import AdmindukError, OutOfRange, RegionNotFound
from adminduk.regions import Region, RegionLevel, _data, find_region, region, region_lists, regions

ALL = tuple(_data.table().by_code.values())
FIRST_DAY = region_lists()[0].since


def test_public_names():
    assert adminduk.region("35.13") is region("35.13")
    assert adminduk.regions(level="kabupaten-kota") == regions("kabupaten-kota")
    assert adminduk.Region is Region and adminduk.RegionLevel is RegionLevel
    assert issubclass(adminduk.RegionNotFound, AdmindukError)
    assert issubclass(RegionNotFound, LookupError)


def test_the_five_offices_regions_and_their_kecamatan():
    assert region("35.13").name == "Kabupaten Probolinggo"
    assert region("52.71").name == "Kota Mataram"
    assert region("35.74").name == "Kota Probolinggo"  # not Kabupaten Probolinggo
    dringu = region("35.13.19")
    assert (dringu.name, dringu.level) == ("Dringu", RegionLevel.DISTRICT)
    assert dringu.regency is region("35.13") and dringu.province is region("35")
    assert dringu.parent is region("35.13") and region("35.13").parent is region("35")
    assert region("35").regency is None and region("35").parent is None
    assert region("35.14.14").name == "Bangil"


def test_merauke_moved_with_the_papua_split():
    old = region("91.01")
    assert [item.label for item in old.lists] == ["2016", "2018", "2020", "2022"]
    assert old.valid_until == dt.date(2022, 11, 8)
    assert old.current() is region("93.01") and old.successor is region("93.01")
    new = region("93.01")
    assert new.province.name == "Papua Selatan" and new.valid_from == dt.date(2022, 11, 9)
    assert new.is_current and new.valid_until is None and new.successor is None
    assert region("91.01", on=dt.date(2022, 11, 8)) is old
    assert region("93.01", on=dt.date(2022, 11, 9)) is new


def test_a_code_not_valid_on_the_date_says_when_it_was_and_what_followed():
    with pytest.raises(RegionNotFound) as caught:
        region("91.01", on=dt.date(2024, 1, 1))
    err = caught.value
    assert err.on == dt.date(2024, 1, 1) and err.value == "91.01"
    assert "lists 2016 to 2022" in str(err) and "valid until 2022-11-08" in str(err)
    assert "now 93.01 Kabupaten Merauke" in str(err)
    with pytest.raises(RegionNotFound, match=r"2025 list, valid from 2025-04-25$"):
        region("96.01", on=dt.date(2024, 6, 1))
    with pytest.raises(RegionNotFound, match="year: its decree's date is not in the data"):
        region(next(r.code for r in ALL if r.lists[0].label == "2018"), on=dt.date(2017, 6, 1))
    with pytest.raises(RegionNotFound, match="no successor is known"):
        region("91.02.55", on=dt.date(2024, 1, 1))  # Tagime: no single match on the 2023 list


def test_unknown_codes_are_refused_with_suggestions():
    with pytest.raises(RegionNotFound) as caught:
        region("35.99")
    assert caught.value.suggestions and all(s.startswith("35.") for s in caught.value.suggestions)
    with pytest.raises(RegionNotFound) as caught:
        region("surabaya")
    assert caught.value.suggestions[0] == "35.78 Kota Surabaya"
    with pytest.raises(RegionNotFound) as caught:
        region("Surbaya")
    assert "35.78 Kota Surabaya" in caught.value.suggestions


@pytest.mark.parametrize("bad", [None, 3513, 35.13, ["35.13"], "", "  ", "35.13.01.2001", "ab"])
def test_bad_codes_raise_a_library_error(bad):
    with pytest.raises(RegionNotFound):
        region(bad)
    assert find_region(bad) is None


def test_digits_and_blanks_are_read_as_a_code():
    assert region("3513") is region(" 35.13 ") is region("35.13")
    assert region("351319") is region("35.13.19")
    assert find_region("9101") is region("91.01")


@pytest.mark.parametrize(
    ("on", "valid"),
    [
        ("2020-01-01", "a datetime.date"),
        (dt.date(2015, 12, 31), "2016-01-01 or later"),
    ],
)
def test_bad_dates_are_refused(on, valid):
    with pytest.raises(OutOfRange, match=valid):
        region("35.13", on=on)
    with pytest.raises(OutOfRange, match=valid):
        regions(on=on)


def test_a_datetime_is_read_as_its_date():
    assert region("91.01", on=dt.datetime(2021, 5, 1, 10, 0)) is region("91.01")


@pytest.mark.parametrize("bad", ["desa", "Kabupaten", 2, RegionNotFound])
def test_an_unknown_level_is_refused(bad):
    with pytest.raises(OutOfRange, match="provinsi, kabupaten-kota or kecamatan"):
        regions(bad)


def test_levels_by_any_name():
    assert regions("province") == regions(RegionLevel.PROVINCE) == regions("provinsi")
    assert len(regions("district")) == 7285
    assert len(regions()) == 38 + 514 + 7285


def test_the_newest_list_is_the_default():
    assert regions("kabupaten-kota") == regions("kabupaten-kota", on=dt.date(2099, 1, 1))
    before_split = regions("kabupaten-kota", on=dt.date(2022, 6, 1))
    assert region("91.01") in before_split and region("93.01") not in before_split


@pytest.mark.no_cover
@settings(max_examples=200)
@given(r=st.sampled_from(ALL), day=st.dates(min_value=FIRST_DAY, max_value=dt.date(2030, 12, 31)))
def test_lookups_agree_with_the_lists(r, day):
    assert region(r.code) is r
    assert r.province.level is RegionLevel.PROVINCE
    assert r.code.startswith(r.province.code)
    on_day = regions(r.level, on=day)
    if r.valid_on(day):
        assert region(r.code, on=day) is r and r in on_day
        assert r.valid_from <= day and (r.valid_until is None or day <= r.valid_until)
    else:
        assert r not in on_day
        with pytest.raises(RegionNotFound):
            region(r.code, on=day)
    current = r.current()
    assert current is None or (current.is_current and current.level is r.level)


def test_str_and_repr():
    assert str(region("52.71")) == "52.71 Kota Mataram"
    assert repr(region("52.71")) == "Region('52.71', 'Kota Mataram')"
    assert str(region_lists()[-1]) == "the 2025 list (Kepmendagri 300.2.2-2138/2025)"
    assert str(region_lists()[0]) == "the 2016 list"
    assert region("35.13").source.startswith("Kemendagri region-code lists")


def test_zones_follow_the_province():
    assert region("93.01").timezone == "Asia/Jayapura" and region("93.01").local_zone == "WIT"
    assert str(region("61.71").zone) == "Asia/Pontianak"


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_importing_adminduk_or_parsing_a_nik_does_not_build_the_regions():
    # A NIK's codes are checked against the lists (issue 25): parsing one reads the codes and
    # their last days only, never the Region objects.
    code = (
        "import sys, adminduk; from adminduk.regions import _data;"
        "adminduk.Nik.parse('3513014501900001');"
        "print(_data._table is None, 'adminduk.regions' in sys.modules, len(_data._last_days))"
    )
    assert _run(code) == f"True True {len(_data.table().by_code)}"
    assert _run("import sys, adminduk; print('adminduk.regions' in sys.modules)") == "False"


def test_the_first_lookups_in_many_threads_read_the_data_once():
    code = (
        "import json, threading; from adminduk.regions import region, _data;"
        "calls = []; parse = _data._parse;"
        "_data._parse = lambda text: calls.append(1) or parse(text);"
        "barrier = threading.Barrier(8); found = [];"
        "work = lambda: (barrier.wait(), found.append(id(region('35.13'))));"
        "threads = [threading.Thread(target=work) for _ in range(8)];"
        "[t.start() for t in threads]; [t.join() for t in threads];"
        "print(json.dumps([len(calls), len(set(found)), len(found)]))"
    )
    assert json.loads(_run(code)) == [1, 1, 8]
