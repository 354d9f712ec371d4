"""The shipped region data: what the build script makes of the lists, and facts it must hold."""

from __future__ import annotations

import os
import re
import tarfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk.regions import (
    RegionLevel,
    _data,
    find_province,
    provinces,
    region,
    region_lists,
    regions,
)

from ..scripts import ROOT, import_script

SOURCES = Path(os.environ.get("ADMINDUK_WILAYAH", ROOT.parent / "shared" / "data" / "wilayah"))
DATA = ROOT / "src" / "adminduk" / "regions" / "data"


@pytest.fixture(scope="module")
def builder():
    yield from import_script("build_regions")


COPY = ROOT / "tests" / "data" / "wilayah" / "sources.tar.xz"
HAVE_SOURCES = (SOURCES / "wilayah-2025.csv").is_file()


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test copy of the six lists, unpacked (it travels with the repository)."""
    folder = tmp_path_factory.mktemp("wilayah")
    with tarfile.open(COPY) as archive:
        for member in archive.getmembers():  # plain files only, by their own names
            content = archive.extractfile(member)
            assert content is not None and "/" not in member.name, member.name
            (folder / member.name).write_bytes(content.read())
    return folder


@pytest.mark.no_cover
def test_the_shipped_data_is_what_the_script_makes_of_the_lists(builder, copied):
    assert builder.main([str(copied), "--check"]) == 0, "run: python scripts/build_regions.py"


@pytest.mark.skipif(
    not HAVE_SOURCES,
    reason=f"the shared folder of the lists is not at {SOURCES} (set ADMINDUK_WILAYAH); the "
    "shipped data is still rebuilt from the test copy in tests/data/wilayah",
)
def test_the_test_copy_is_the_shared_lists_byte_for_byte(builder, copied):
    names = [f"wilayah-{label}.csv" for label, *_ in builder.LISTS]
    assert sorted(p.name for p in copied.iterdir()) == sorted(names)
    for name in names:
        assert (copied / name).read_bytes() == (SOURCES / name).read_bytes(), name


def test_the_licence_and_provenance_stay_beside_the_data():
    assert "MIT License" in (DATA / "LICENSE-wilayah").read_text(encoding="utf-8")
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "cahyadsn/wilayah" in readme and "build_regions.py" in readme
    assert (DATA / _data.DATA_FILE).stat().st_size <= 1_000_000


# The counts the sources' README gives for each list: provinces, kab/kota, kecamatan.
COUNTS = {
    "2016": (34, 514, 7160),
    "2018": (34, 514, 7201),
    "2020": (34, 514, 7230),
    "2022": (34, 514, 7266),
    "2023": (37, 514, 7277),
    "2025": (38, 514, 7285),
}


@pytest.mark.parametrize("item", region_lists(), ids=lambda item: item.label)
def test_each_list_holds_the_counts_its_source_gives(item):
    on_list = Counter(r.level for r in regions(on=item.since))
    expected = COUNTS[item.label]
    assert (
        on_list[RegionLevel.PROVINCE],
        on_list[RegionLevel.REGENCY],
        on_list[RegionLevel.DISTRICT],
    ) == expected


def test_the_lists_take_effect_in_order_and_only_decrees_have_exact_dates():
    lists = region_lists()
    assert [item.since for item in lists] == sorted(item.since for item in lists)
    assert [item.label for item in lists if item.exact] == ["2023", "2025"]
    assert [item.index for item in lists] == list(range(len(lists)))


def test_the_zone_table_and_the_lists_know_the_same_provinces():
    # One source of truth for province codes: the time-zone table (domain-facts §8) covers
    # every province of every list, and nothing else.
    ever = {r.code for r in _data.table().by_code.values() if r.level is RegionLevel.PROVINCE}
    assert ever == {p.code for p in provinces()}
    for code in ever:
        assert region(code).timezone == find_province(code).timezone


def test_names_are_normalised():
    for r in _data.table().by_code.values():
        assert r.name == " ".join(r.name.split()), r
        if r.level is RegionLevel.REGENCY:
            assert r.name.startswith(("Kabupaten ", "Kota ")), r
            assert r.name != r.name.upper(), r
        if r.level is RegionLevel.PROVINCE:
            assert r.name != r.name.upper(), r
    assert region("91").name == "Papua"  # "P A P U A" on the older lists
    assert region("91.01").name == "Kabupaten Merauke"  # "KAB. MERAUKE" on the lists 2016-2022
    assert region("12.12").former_names == ("Kabupaten Toba Samosir",)
    assert region("34").former_names == ()  # "DAERAH ISTIMEWA": a truncated spelling of 2016


def test_a_code_is_one_region_over_an_unbroken_run_of_lists():
    for r in _data.table().by_code.values():
        indexes = [item.index for item in r.lists]
        assert indexes == list(range(indexes[0], indexes[-1] + 1)), r


def test_successors_have_the_name_level_and_parent_of_what_they_follow():
    table = _data.table()
    for r in table.by_code.values():
        successor = r.successor
        if r.is_current:
            assert successor is None
            continue
        if successor is None:
            continue
        assert successor.level is r.level
        assert successor.lists[0].index == r.lists[-1].index + 1
        # Matched on the name of the next list; a later rename shows as a former name.
        names = {_key(n) for n in (successor.name, *successor.former_names)}
        assert _key(r.name) in names
        if r.parent is not None:
            parent = r.parent
            assert successor.parent in (parent.current(), parent) or (
                successor.parent.lists[0] is successor.lists[0]  # a province new on that list
            )


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def test_every_regency_that_left_the_lists_has_a_current_successor():
    gone = [
        r
        for r in _data.table().by_code.values()
        if r.level is RegionLevel.REGENCY and not r.is_current
    ]
    assert len(gone) == 26  # 20 in the 2022 Papua split, 6 into Papua Barat Daya
    for r in gone:
        current = r.current()
        assert current is not None and current.is_current and current.name == r.name


def test_kabupaten_and_kota_of_one_name_are_kept_apart():
    assert region("92.01").current().code == "96.01"  # Kabupaten Sorong
    assert region("92.71").current().code == "96.71"  # Kota Sorong


def test_every_province_has_the_newest_lists_name_in_the_zone_table():
    # One spelling per province: the province table, the regions and every office show the
    # name of the newest Kemendagri list; short forms are input only.
    for province in provinces():
        assert province.name == region(province.code).name
    diy = "Daerah Istimewa Yogyakarta"
    assert find_province("34").name == region("34.04").province.name == diy
    assert find_province("31").name == "Daerah Khusus Ibukota Jakarta"


@given(st.sampled_from(provinces()), st.data())
def test_every_name_variant_of_a_province_maps_to_that_province_only(province, data):
    variant = data.draw(st.sampled_from((province.name, *province.short_names)))
    spelled = data.draw(st.sampled_from((variant, variant.upper(), variant.lower())))
    assert [p.code for p in provinces() if p.is_named(spelled)] == [province.code]


@pytest.mark.parametrize("bad", [34, None, b"DIY"])
def test_is_named_refuses_what_is_not_a_name_with_a_library_error(bad):
    from adminduk.errors import AdmindukError

    with pytest.raises(AdmindukError, match="name"):
        find_province("34").is_named(bad)
