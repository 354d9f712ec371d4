"""One definition of how personal numbers are written: whatever a parser accepts, redact masks.

The forms are generated from the constants in ``adminduk._core.redact`` (every Unicode white space,
the dashes, dots and brackets, every decimal digit script), so a separator added there is
tested here the day it is added.
"""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adminduk import AdmindukError, CitizenPhone, KkNumber, Nik, normalize_whatsapp, redact
from adminduk._core.redact import MAX_SEPARATORS, NIK_SEPARATORS, PHONE_SEPARATORS, fold_digits
from adminduk.testing.strategies import NIK_REFERENCE_DATE, niks, whatsapp_numbers

# Lists, not generators: a generator resumed a million times is a million calls of the coverage
# tracer, on every worker that imports this module.
SPACES = "".join([chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()])
# The zero of each decimal digit script whose ten digits are consecutive (all of them are).
ZEROS = tuple(
    [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Nd" and unicodedata.decimal(chr(c)) == 0
    ]
)
WORDS = ("NIK", "no", "WA", "saya", "kk", "hp", "ya", "kak", ":", ",")


def _digits_only(text: str) -> str:
    return "".join(ch for ch in fold_digits(text) if "0" <= ch <= "9")


@st.composite
def written(draw: st.DrawFn, digits: str, separators: str) -> str:
    """``digits`` as a person might write them: any script, any allowed separators between."""
    zero = draw(st.sampled_from(ZEROS))
    mixed = draw(st.booleans())
    out: list[str] = []
    for i, digit in enumerate(digits):
        script = draw(st.sampled_from(ZEROS)) if mixed else zero
        out.append(chr(ord(script) + int(digit)))
        if i < len(digits) - 1 and draw(st.integers(0, 3)) == 0:
            size = draw(st.integers(1, MAX_SEPARATORS))
            out.append("".join(draw(st.sampled_from(SPACES + separators)) for _ in range(size)))
    return "".join(out)


@st.composite
def in_chat(draw: st.DrawFn, form: str) -> str:
    before = draw(st.sampled_from(WORDS))
    after = draw(st.sampled_from(WORDS))
    return f"{before} {form} {after}"


@pytest.mark.no_cover
@settings(max_examples=400, deadline=None)
@given(st.data())
def test_every_accepted_nik_or_kk_form_is_masked(data: st.DataObject) -> None:
    digits = data.draw(niks()).reveal()
    form = data.draw(written(digits, NIK_SEPARATORS))
    # Read against the date the generator drew for (a NIK of 1926 reads as 2026 from 2026 on).
    again = Nik.parse(form, reference_date=NIK_REFERENCE_DATE)
    assert again.reveal() == digits  # the generator writes only accepted forms
    assert KkNumber.parse(form).reveal() == digits
    shown = redact(data.draw(in_chat(form)))
    assert digits not in _digits_only(shown)
    assert form not in shown


@st.composite
def phone_forms(draw: st.DrawFn) -> tuple[str, str]:
    """A written mobile number and its E.164 digits after +62."""
    e164 = CitizenPhone(draw(whatsapp_numbers(spelled=False))).reveal()
    national = e164[3:]
    prefix = draw(st.sampled_from(["0", "62", "+62", "+62 (0)", "(0", "+62 0"]))
    body = draw(written(national, PHONE_SEPARATORS))
    return prefix + body, national


@pytest.mark.no_cover
@settings(max_examples=400, deadline=None)
@given(phone_forms(), st.data())
def test_every_accepted_phone_form_is_masked(form: tuple[str, str], data: st.DataObject) -> None:
    text, national = form
    try:
        e164 = normalize_whatsapp(text)
    except AdmindukError:
        return  # e.g. "(0" with a bracket never closed: only accepted forms are at stake
    assert e164 == "+62" + national
    shown = redact(data.draw(in_chat(text)))
    assert national not in _digits_only(shown)


@pytest.mark.parametrize("space", list(SPACES), ids=lambda ch: f"U+{ord(ch):04X}")
def test_every_unicode_space_is_read_and_masked(space: str) -> None:
    nik = space.join(("3513", "0145", "0190", "0001"))
    phone = space.join(("0813", "5954", "7691"))
    assert Nik.parse(nik).reveal() == "3513014501900001"
    assert normalize_whatsapp(phone) == "+6281359547691"
    assert redact(f"NIK {nik} WA {phone}") == "NIK 3513**********01 WA +62813******91"


@pytest.mark.parametrize("dash", [ch for ch in NIK_SEPARATORS if ch != "."])
def test_every_dash_is_a_dash(dash: str) -> None:
    assert unicodedata.category(dash) in {"Pd", "Sm"}  # dash punctuation, or MINUS SIGN
    assert redact(dash.join(("0813", "5954", "7691"))) == "+62813******91"
    assert redact(dash.join(("3513", "0145", "0190", "0001"))) == "3513**********01"


@pytest.mark.parametrize(
    "text",
    [
        "3513 -  0145 0190 0001",  # four separators in a row
        "3513/0145/0190/0001",  # a slash
        "813 5954 7691",  # no leading 0, and broken
    ],
)
def test_forms_outside_the_definition_are_refused(text: str) -> None:
    with pytest.raises(AdmindukError):
        Nik.parse(text) if len(_digits_only(text)) == 16 else normalize_whatsapp(text)


def test_a_letter_number_with_slashes_is_not_a_phone() -> None:
    assert redact("surat 470/0812/3456/2020") == "surat 470/0812/3456/2020"
