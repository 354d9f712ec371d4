import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import KkNumberError
from adminduk.identity import KkNumber
from tests.identity.strategies import DISTRICTS

KK_MATARAM = "5271012304200007"  # synthetic: 52.71.01 then ten digits nothing is known about


def test_region_parts():
    kk = KkNumber.parse(KK_MATARAM)
    assert (kk.province_code, kk.regency_code, kk.district_code) == ("52", "52.71", "52.71.01")
    assert kk.province.name == "Nusa Tenggara Barat"
    assert kk.reveal() == KK_MATARAM


def test_digits_7_to_16_are_not_checked():
    # No date rule: "99" in the commonly cited DD position and "0000" as serial both pass,
    # because the facts sheet could not confirm that split.
    assert KkNumber.parse("5271019999990000").district_code == "52.71.01"


@pytest.mark.parametrize(
    "text", ["5271 0123 0420 0007", "5271.0123.0420.0007", b"5271012304200007"]
)
def test_spaces_and_dots_are_tolerated(text):
    assert KkNumber.parse(text) == KkNumber(KK_MATARAM)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("527101230420000", "length"),
        ("", "length"),
        ("5271/0123/0420/0007", "characters"),
        ("9971012304200007", "province"),
        ("5200012304200007", "regency"),
        ("5270012304200007", "regency"),
        (5271012304200007, "type"),
    ],
)
def test_bad_input_names_the_part(text, part):
    with pytest.raises(KkNumberError) as caught:
        KkNumber.parse(text)
    assert caught.value.part == part
    assert KK_MATARAM not in str(caught.value)


def test_known_regencies_hook():
    assert KkNumber.parse(KK_MATARAM, known_regencies={"52.71"}).regency_code == "52.71"
    with pytest.raises(KkNumberError) as caught:
        KkNumber.parse(KK_MATARAM, known_regencies={"52.06"})
    assert caught.value.part == "regency"
    kk = KkNumber.parse(KK_MATARAM)
    assert KkNumber.parse(kk) is kk
    assert KkNumber.parse(kk, known_regencies={"52.71"}) == kk
    with pytest.raises(KkNumberError):
        KkNumber.parse(kk, known_regencies=set())


def test_masked_value_semantics_and_immutability():
    kk = KkNumber.parse(KK_MATARAM)
    assert str(kk) == "5271**********07"
    assert repr(kk) == "KkNumber('5271**********07')"
    assert kk == KkNumber("5271 0123 0420 0007")
    assert hash(kk) == hash(KkNumber(KK_MATARAM))
    assert kk != KK_MATARAM
    with pytest.raises(AttributeError):
        kk._digits = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del kk._digits
    for clone in (copy.copy(kk), copy.deepcopy(kk), pickle.loads(pickle.dumps(kk))):
        assert clone == kk


@given(st.sampled_from(DISTRICTS), st.from_regex(r"[0-9]{10}", fullmatch=True))
def test_every_number_with_a_listed_region_parses(district, rest):
    digits = district.replace(".", "") + rest
    kk = KkNumber.parse(digits)
    assert kk.reveal() == digits
    assert kk.district_code == district


@pytest.mark.parametrize(
    ("digits", "part"),
    [
        ("3569010101900001", "regency"),  # kabupaten 69 of Jawa Timur: on no list
        ("3513990101900001", "district"),  # kecamatan 99 of Probolinggo: on no list
        ("3513000101900001", "district"),  # 00 is no kecamatan
    ],
)
def test_the_region_must_be_on_a_list(digits, part):
    with pytest.raises(KkNumberError) as caught:
        KkNumber.parse(digits)
    assert caught.value.part == part
    assert digits[4:] not in str(caught.value)


@given(st.one_of(st.text(), st.binary(), st.text(alphabet="0123456789 .", max_size=20)))
def test_any_input_raises_only_kk_number_error(text):
    try:
        KkNumber.parse(text)
    except KkNumberError as err:
        assert err.part in {"type", "characters", "length", "province", "regency", "district"}
