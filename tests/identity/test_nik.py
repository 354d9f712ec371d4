import copy
import pickle
import re
from datetime import date, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from adminduk import AdmindukError, NikError, OutOfRange
from adminduk.identity import Nik, Sex, _numbers
from tests.identity.strategies import NikParts, nik_parts, typed

# Synthetic numbers built from the structure in domain-facts.md §3.1, never real people's.
WOMAN_PROBOLINGGO = "3513014501900001"  # 35.13.01, day 45 -> 5, January 1990, serial 0001
MAN_MATARAM = "5271021512850123"


def test_parts_of_a_womans_nik():
    nik = Nik.parse(WOMAN_PROBOLINGGO, reference_date=date(2020, 3, 23))
    assert nik.province_code == "35"
    assert nik.regency_code == "35.13"
    assert nik.district_code == "35.13.01"
    assert nik.birth_date == date(1990, 1, 5)
    assert nik.sex is Sex.FEMALE
    assert nik.serial == 1
    assert nik.province.name == "Jawa Timur"
    assert nik.province.timezone == "Asia/Jakarta"


def test_parts_of_a_mans_nik():
    nik = Nik.parse(MAN_MATARAM, reference_date=date(2020, 3, 25))
    assert (nik.regency_code, nik.birth_date, nik.sex, nik.serial) == (
        "52.71",
        date(1985, 12, 15),
        Sex.MALE,
        123,
    )
    assert nik.province.local_zone == "WITA"


@pytest.mark.parametrize(
    ("yy", "reference", "year"),
    [
        ("20", date(2020, 3, 23), 1920),  # 1 March 2020 is after... no: see below
        ("19", date(2020, 3, 23), 2019),
        ("25", date(2025, 1, 1), 1925),  # born 1 March: 2025 would be in the future
        ("25", date(2025, 3, 1), 2025),  # the reference day itself is not in the future
        ("99", date(2025, 6, 1), 1999),
        ("00", date(2025, 6, 1), 2000),
    ],
)
def test_century_is_the_latest_not_after_the_reference(yy, reference, year):
    # Birth date 1 March of the year; for ("20", 23 March 2020) that is 2020, not 1920.
    nik = Nik.parse(f"35130101{'03'}{yy}0001".replace("0101", "0101", 1), reference_date=reference)
    del nik
    birth = Nik.parse(f"351301010{3}{yy}0001", reference_date=reference).birth_date
    expected = 2020 if (yy, reference) == ("20", date(2020, 3, 23)) else year
    assert birth == date(expected, 3, 1)


def test_default_reference_is_today_in_jakarta():
    today = _numbers._today()
    nik = Nik.parse(f"3513010101{today.year % 100:02d}0001")
    assert nik.birth_date == date(today.year, 1, 1)


def test_reference_may_be_a_datetime():
    nik = Nik.parse(WOMAN_PROBOLINGGO, reference_date=datetime(2020, 3, 23, 10, 0))
    assert nik.birth_date == date(1990, 1, 5)


def test_reference_date_of_the_wrong_type_is_refused():
    with pytest.raises(OutOfRange, match="reference_date"):
        Nik.parse(WOMAN_PROBOLINGGO, reference_date="2020-03-23")  # type: ignore[arg-type]


def test_29_february_needs_a_leap_year_in_the_chosen_century():
    assert Nik.parse("3513012902000001", reference_date=date(2025, 1, 1)).birth_date == date(
        2000, 2, 29
    )
    # Before 29 Feb 2000 the century falls back to 1900, which had no 29 February.
    with pytest.raises(NikError) as caught:
        Nik.parse("3513012902000001", reference_date=date(2000, 2, 28))
    assert caught.value.part == "date"


@pytest.mark.parametrize(
    "text",
    [
        "3513 0145 0190 0001",
        "3513.0145.0190.0001",
        "35.13.01 450190 0001",
        "  3513014501900001\n",
        "3513\u00a0014501900001",
        b"3513014501900001",
        bytearray(b"3513 0145 0190 0001"),
    ],
)
def test_spaces_and_dots_are_tolerated(text):
    assert Nik.parse(text).reveal() == WOMAN_PROBOLINGGO


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("", "length"),
        ("   ", "length"),
        ("351301450190000", "length"),
        ("35130145019000011", "length"),
        ("3513-0145-0190-0001 x", "characters"),
        ("3513/0145/0190/0001", "characters"),  # a slash is not a separator
        ("3513 -  0145 0190 0001", "characters"),  # four separators in a row
        ("3513O14501900001", "characters"),
        ("351301450190000²", "characters"),  # a superscript is not a decimal digit
        (b"\xff3513014501900001", "characters"),
        ("9913014501900001", "province"),
        ("0013014501900001", "province"),
        ("5413014501900001", "province"),
        ("3500014501900001", "regency"),
        ("3570014501900001", "regency"),
        ("3513010001900001", "date"),  # day 00
        ("3513013201900001", "date"),  # day 32
        ("3513014001900001", "date"),  # day 40 (0 for a woman)
        ("3513017201900001", "date"),  # day 72 (32 for a woman)
        ("3513010113900001", "date"),  # month 13
        ("3513010100900001", "date"),  # month 00
        ("3513013102900001", "date"),  # 31 February
        ("3513017102900001", "date"),  # 31 February, a woman
        ("3513010101900000", "serial"),
        (3513014501900001, "type"),
        (None, "type"),
    ],
)
def test_bad_input_names_the_part(text, part):
    with pytest.raises(NikError) as caught:
        Nik.parse(text)
    assert caught.value.part == part
    assert "3513014501900001" not in str(caught.value)


@pytest.mark.parametrize(
    "spelling",
    [
        "3513-0145-0190-0001",  # dashes are read like spaces (docs/identity.md)
        "3513\u20130145\u20130190\u20130001",
        "3513\u20090145\u30000190\u202f0001",
        "\uff13\uff15\uff11\uff13014501900001",
        "\u0663\u0665\u0661\u0663014501900001",
        "35.13.01 - 450190 - 0001",
    ],
)
def test_written_forms_people_use(spelling):
    assert Nik.parse(spelling).reveal() == WOMAN_PROBOLINGGO


def test_character_error_says_where():
    with pytest.raises(NikError, match=r"character 5 is not"):
        Nik.parse("3513/014501900001")


def test_known_regencies_hook():
    known = {"35.13", "35.14"}
    assert Nik.parse(WOMAN_PROBOLINGGO, known_regencies=known).regency_code == "35.13"
    with pytest.raises(NikError) as caught:
        Nik.parse("3574014501900001", known_regencies=known)
    assert caught.value.part == "regency"
    assert "35.74" in str(caught.value)
    # A parsed Nik is checked again when a set is given, and passed through otherwise.
    nik = Nik.parse("3574014501900001")
    assert Nik.parse(nik) is nik
    with pytest.raises(NikError):
        Nik.parse(nik, known_regencies=known)
    assert Nik.parse(Nik.parse(WOMAN_PROBOLINGGO), known_regencies=known).serial == 1


def test_known_regencies_that_cannot_be_read_through_are_refused_by_name():
    # Too many to be a list of regencies (there are about 514), or a caller's own iterable that
    # fails part way: the argument is named, with what it should be.
    with pytest.raises(OutOfRange, match=r"known_regencies=.*at most 10000 regency codes"):
        Nik.parse(WOMAN_PROBOLINGGO, known_regencies=["35.13"] * 10_001)

    def failing():
        yield "35.13"
        raise RuntimeError("the caller's database went away")

    with pytest.raises(OutOfRange, match=r"known_regencies=.*that can be iterated") as caught:
        Nik.parse(WOMAN_PROBOLINGGO, known_regencies=failing())
    assert caught.value.field == "known_regencies"


def test_str_and_repr_are_masked_and_reveal_is_explicit():
    nik = Nik.parse(WOMAN_PROBOLINGGO)
    assert str(nik) == "3513**********01"
    assert repr(nik) == "Nik('3513**********01')"
    assert f"{nik}" == "3513**********01"
    assert WOMAN_PROBOLINGGO not in repr([nik, {"nik": nik}])
    assert nik.reveal() == WOMAN_PROBOLINGGO


def test_value_semantics():
    a = Nik.parse(WOMAN_PROBOLINGGO)
    b = Nik("3513 0145 0190 0001")
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert a != Nik.parse(MAN_MATARAM)
    assert a != WOMAN_PROBOLINGGO  # a NIK is not its digits as str


def test_is_immutable():
    nik = Nik.parse(WOMAN_PROBOLINGGO)
    with pytest.raises(AttributeError):
        nik._digits = MAN_MATARAM  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del nik._digits


def test_copy_and_pickle_keep_the_resolved_birth_date():
    nik = Nik.parse("3513010101250001", reference_date=date(2024, 1, 1))  # 1925
    for clone in (copy.copy(nik), copy.deepcopy(nik), pickle.loads(pickle.dumps(nik))):
        assert clone == nik
        assert clone.birth_date == date(1925, 1, 1)
        assert clone.sex is Sex.MALE


# ---------------------------------------------------------------- properties


@pytest.mark.no_cover
@given(nik_parts())
def test_every_valid_nik_parses_back_to_its_parts(parts: NikParts):
    nik = Nik.parse(parts.digits, reference_date=parts.reference_date)
    assert nik.reveal() == parts.digits
    assert nik.province_code == parts.province
    assert nik.regency_code == f"{parts.province}.{parts.regency:02d}"
    assert nik.district_code == f"{parts.province}.{parts.regency:02d}.{parts.district:02d}"
    assert nik.birth_date == parts.birth_date
    assert nik.sex is parts.sex
    assert nik.serial == parts.serial
    assert str(nik) == parts.digits[:4] + "*" * 10 + parts.digits[-2:]


@pytest.mark.no_cover
@given(nik_parts().flatmap(lambda parts: st.tuples(st.just(parts), typed(parts.digits))))
def test_typed_spellings_parse_to_the_same_nik(pair):
    parts, text = pair
    assert Nik.parse(text, reference_date=parts.reference_date).reveal() == parts.digits


def _assert_no_digits_of(text: str | bytes, message: str) -> None:
    assert not re.search(r"[0-9]{16}", message), message
    if isinstance(text, bytes):
        text = text.decode("latin-1")
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    for start in range(len(digits) - 15):
        assert digits[start : start + 16] not in message


# Text and bytes close to a NIK find more paths than uniformly random ones.
_NEARLY = st.text(alphabet="0123456789 .-x", min_size=0, max_size=24)


@given(st.one_of(st.text(), _NEARLY, st.binary(), _NEARLY.map(str.encode)))
@example("9913014501900001")
@example("3513013102900001")
@example("3513010101900000")
def test_any_text_or_bytes_raises_only_nik_error_without_the_number(text):
    try:
        nik = Nik.parse(text)
    except NikError as err:
        assert isinstance(err, AdmindukError)
        for rendered in (str(err), repr(err), err.reason, *map(str, err.args)):
            _assert_no_digits_of(text, rendered)
    else:
        assert len(nik.reveal()) == 16


@pytest.mark.no_cover
@given(nik_parts(), st.integers(0, 15), st.sampled_from("abc/#"))
def test_a_broken_nik_error_never_contains_its_digits(parts, position, junk):
    text = parts.digits[:position] + junk + parts.digits[position:]
    with pytest.raises(NikError) as caught:
        Nik.parse(text)
    _assert_no_digits_of(text, str(caught.value))
