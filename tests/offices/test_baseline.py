"""A national baseline office for every kabupaten/kota that no office file describes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adminduk
from adminduk import advise, catalogue, get_office, offices, region, regions
from adminduk.errors import AdmindukError, OfficeNotFound
from adminduk.offices import BUILTIN_OFFICES, ChannelKind, OfficeConfig, baseline_office, register
from adminduk.regions import find_province
from tests.builders import builtin_data

REGENCIES = tuple(r.code for r in regions("kabupaten-kota"))


def test_every_kabupaten_and_kota_has_an_office():
    assert len(REGENCIES) == 514
    every = [o for o in offices(include_baseline=True) if not o.is_fictional]
    assert [o.code for o in every] == sorted(REGENCIES)
    assert sum(not o.baseline for o in every) == len(BUILTIN_OFFICES)
    assert offices() == adminduk.offices() and not any(o.baseline for o in offices())
    assert adminduk.offices(include_baseline=True) == offices(include_baseline=True)


@pytest.mark.no_cover
@settings(max_examples=60)
@given(code=st.sampled_from(REGENCIES))
def test_a_baseline_office_is_the_national_rules_for_the_region(code):
    office = get_office(code)
    if code in BUILTIN_OFFICES:
        assert not office.baseline
        return
    place = region(code)
    province = find_province(code[:2])
    assert office.baseline and office is baseline_office(code)
    assert (office.code, office.region, office.province) == (code, place.name, province.name)
    kind = "Suku Dinas Kependudukan dan Pencatatan Sipil" if code[:2] == "31" else "Dinas Dukcapil"
    assert office.name == f"{kind} {place.name}" and get_office(office.slug) is office
    assert office.timezone == province.timezone == place.timezone
    assert office.hours is None and office.policies == ()  # national default hours
    policy = office.policy_at(dt.date(2026, 12, 1))
    assert [ch.kind for ch in policy.channels] == [ChannelKind.COUNTER]  # no local channel
    assert policy.counter.takes("ktp-el/baru") and policy.in_person.value == "open"
    assert {"KODE-WILAYAH", "ATURAN-NASIONAL"} <= set(office.sources)
    assert "KODE-WILAYAH" in office.source and "ATURAN-NASIONAL" in office.source
    assert office.calendar().is_open(dt.datetime(2026, 12, 1, 9, 0))  # a Tuesday


def test_time_zones_follow_the_province():
    assert get_office("93.01").timezone == "Asia/Jayapura"  # Merauke, Papua Selatan: WIT
    assert get_office("61.71").timezone == "Asia/Pontianak"  # Kota Pontianak: WIB
    assert get_office("51.71").timezone == "Asia/Makassar"  # Kota Denpasar: WITA
    assert get_office("35.78").zone.key == "Asia/Jakarta"


def test_old_codes_and_kecamatan_point_to_the_office_of_today():
    with pytest.raises(OfficeNotFound) as caught:
        get_office("91.01")
    assert caught.value.suggestions == ("93.01",)  # what get_office takes
    assert caught.value.labels == ("93.01 (kabupaten-merauke)",)
    assert get_office(caught.value.suggestions[0]).region == "Kabupaten Merauke"
    with pytest.raises(OfficeNotFound) as caught:
        get_office("35.13.19")
    assert caught.value.suggestions == ("35.13",)
    with pytest.raises(OfficeNotFound) as caught:
        baseline_office("35")
    assert caught.value.suggestions == ()
    with pytest.raises(OfficeNotFound) as caught:
        get_office("surabaya")  # a bare name is still not an alias
    assert caught.value.suggestions == ("kota-surabaya",)  # no Kabupaten Surabaya
    assert caught.value.labels == ("kota-surabaya (35.78)",)


@pytest.mark.usefixtures("fresh_registry")
def test_a_built_in_or_plugin_office_takes_precedence():
    assert not get_office("35.13").baseline
    assert get_office("35.78").baseline and get_office("kota-surabaya").baseline  # built now
    raw = builtin_data("52.71")
    own = OfficeConfig.model_validate(
        {
            **{k: raw[k] for k in ("source", "sources")},
            "code": "35.78",
            "slug": "kota-surabaya",
            "name": "Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya",
            "region": "Kota Surabaya",
            "province": "Jawa Timur",
            "timezone": "Asia/Jakarta",
        }
    )
    register(own)
    assert get_office("35.78") is own and get_office("kota-surabaya") is own
    assert not own.baseline
    assert [o for o in offices(include_baseline=True) if o.code == "35.78"] == [own]


def test_an_answer_says_plainly_it_is_the_national_baseline():
    at = dt.datetime(2026, 12, 1, 10, 0)
    advice = advise("35.78", "akta-kelahiran/baru", at=at)
    first = advice.reasons[0]
    assert first.rule_id == "baseline-office"
    assert "Aturan setempat kantor ini belum diketahui" in first.text_id
    assert "aturan dasar nasional" in first.text_id
    assert "local rules are not known" in first.text_en and "national baseline" in first.text_en
    assert advice.hours_are_default
    indonesian, english = advice.to_message("id"), advice.to_message("en")
    assert "bukan aturan yang diumumkan kantor ini sendiri" in indonesian
    assert "not rules the office itself has published" in english
    # Nothing claims an ordinary service of the office's own, or a local channel.
    assert "layanan biasa kantor" not in indonesian and "ordinary service" not in english
    assert "adminduk default" not in indonesian
    assert [ch.kind for ch in advice.channels] == [ChannelKind.COUNTER]


@pytest.mark.parametrize("code", ["35.78", "93.01"])
def test_every_service_of_a_baseline_office_says_so_in_both_languages(code):
    for entry in catalogue():
        advice = advise(code, entry.service, at=dt.datetime(2026, 12, 5, 10, 0))  # a Saturday
        assert advice.reasons[0].rule_id == "baseline-office"
        assert advice.outcome.value in ("in-person", "online")
        assert not advice.office_open and advice.next_opening is not None


@pytest.mark.parametrize("bad", ["", "35", "35.78.01", "99.99"])
def test_baseline_office_refuses_what_is_not_a_kabupaten_or_kota_of_today(bad):
    with pytest.raises(OfficeNotFound):
        baseline_office(bad)


@pytest.mark.parametrize("bad", [None, 3578, ["35.78"]])
def test_baseline_office_refuses_what_is_not_a_code_at_all(bad):
    with pytest.raises(AdmindukError, match="code"):
        baseline_office(bad)


def test_a_baseline_answer_cites_its_national_rules_in_words_of_no_one_language():
    # The sources of an English reply must not read as Indonesian prose, nor the reverse: the
    # baseline's own source is named by the regulations themselves.
    english = advise("35.78", "akta-kelahiran/baru", at=dt.datetime(2026, 12, 1, 10)).to_message(
        "en"
    )
    sources = english.split("\nSources: ", 1)[1]
    for word in (" dan ", "Aturan", "katalog", "persyaratan", "pembagian"):
        assert word not in sources, sources


# ------------------------------------------------------------------ bare names (issue 23)
def _bare_names() -> dict[str, list[str]]:
    from adminduk.regions import RegionLevel, regions

    names: dict[str, list[str]] = {}
    for r in regions(RegionLevel.REGENCY):
        bare = re.sub(r"^(kabupaten|kota)(-administrasi)?-", "", r.name.lower().replace(" ", "-"))
        names.setdefault(bare, []).append(r.code)
    return names


def test_a_bare_name_of_a_different_province_keeps_code_order():
    # Kota Banjar (Jawa Barat) and Kabupaten Banjar (Kalimantan Selatan) share only a name.
    with pytest.raises(OfficeNotFound) as caught:
        get_office("Banjar")
    assert caught.value.suggestions == ("kota-banjar", "kabupaten-banjar")
    assert [get_office(s).code for s in caught.value.suggestions] == ["32.79", "63.03"]


def test_a_slug_or_a_name_with_its_kind_is_never_read_as_bare():
    from adminduk.offices._baseline import carriers

    assert get_office("kota-probolinggo").code == "35.74"
    assert carriers("kota-probolinggo", ()) == carriers("kota probolinggo", ()) == ()
    assert [o.code for o in carriers("probolinggo", offices())] == ["35.74", "35.13"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(_bare_names().items())), st.sampled_from([str, str.upper]))
def test_a_bare_name_suggests_every_office_that_carries_it(item, spelled):
    bare, codes = item
    with pytest.raises(OfficeNotFound) as caught:
        get_office(spelled(bare.replace("-", " ")))
    suggested = [get_office(s).code for s in caught.value.suggestions]
    assert sorted(suggested) == sorted(codes)
    # Kota codes run 71-99, kabupaten 01-69 (domain-facts §3.3).
    kabupaten = {c[:2] for c in codes if int(c[3:]) < 70}
    cities = [c for c in codes if int(c[3:]) > 70 and c[:2] in kabupaten]
    assert suggested[: len(cities)] == cities
    if not cities:
        assert suggested == sorted(codes)


def test_jakartas_offices_are_the_suku_dinas_of_each_city_citing_their_source():
    # In DKI Jakarta the Dinas is the province's; each Kota/Kabupaten Administrasi has a
    # Suku Dinas (issue 23).
    jakarta = [r for r in regions(level="kabupaten-kota") if r.code.startswith("31.")]
    assert {r.name for r in jakarta} == {
        "Kabupaten Administrasi Kepulauan Seribu",
        *(f"Kota Administrasi Jakarta {side}" for side in ("Pusat", "Utara", "Barat")),
        *(f"Kota Administrasi Jakarta {side}" for side in ("Selatan", "Timur")),
    }
    for place in jakarta:
        office = get_office(place.code)
        expected = f"Suku Dinas Kependudukan dan Pencatatan Sipil {place.name}"
        assert office.name == expected
        assert "SUDIN-DKI" in office.source and "SUDIN-DKI" in office.sources
        (counter,) = office.ordinary.channels
        assert counter.label == f"Loket Suku Dinas Dukcapil {place.name} (tatap muka)"
    assert get_office("35.78").name == "Dinas Dukcapil Kota Surabaya"  # elsewhere: the Dinas
    assert "SUDIN-DKI" not in get_office("35.78").sources
