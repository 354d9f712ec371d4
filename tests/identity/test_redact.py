"""redact: personal numbers in free text, masked as the typed values mask them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from adminduk import CitizenPhone, KkNumber, Nik, redact
from adminduk.testing.strategies import niks, whatsapp_numbers

WORDS = ["NIK", "saya", "WA", "kk", "no", "hp", "ya", "kak", "ktp", "hilang", ":", ",", "(", ")"]
_SPACING = re.compile(r"[\s.\-()]")


@st.composite
def spelled_niks(draw: st.DrawFn) -> str:
    digits = draw(niks()).reveal()
    style = draw(st.integers(0, 3))
    if style == 0:
        return digits
    if style == 1:
        sep = draw(st.sampled_from([" ", "-", "."]))
        return sep.join(digits[i : i + 4] for i in range(0, 16, 4))
    if style == 2:
        return f"{digits[:6]} {digits[6:12]} {digits[12:]}"
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]} {digits[6:]}"


@st.composite
def chats(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A chat line with NIKs and phone numbers; the NIKs' digits and the phones' national part."""
    pieces: list[str] = []
    secrets: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["word", "nik", "phone"]))
        if kind == "word":
            pieces.append(draw(st.sampled_from(WORDS)))
        elif kind == "nik":
            text = draw(spelled_niks())
            pieces.append(text)
            secrets.append(_SPACING.sub("", text))
        else:
            text = draw(whatsapp_numbers())
            pieces.append(text)
            secrets.append(CitizenPhone(text).reveal()[3:])  # the national number, no +62
    joiners = draw(st.lists(st.sampled_from([" ", ", ", ": ", " dan ", "\n"]), min_size=6))
    line = pieces[0]
    for joiner, piece in zip(joiners, pieces[1:], strict=False):
        line += joiner + piece
    return line, pieces, secrets


@pytest.mark.no_cover
@settings(max_examples=150, deadline=None)
@given(chats())
def test_no_nik_or_mobile_number_survives(chat: tuple[str, list[str], list[str]]) -> None:
    line, _, secrets = chat
    shown = redact(line)
    flat = _SPACING.sub("", shown)
    for secret in secrets:
        assert secret not in flat
    assert not re.search(r"(?<!\d)\d{16}(?!\d)", flat)


@pytest.mark.no_cover
@settings(max_examples=150, deadline=None)
@given(chats())
def test_redacting_twice_changes_nothing(chat: tuple[str, list[str], list[str]]) -> None:
    once = redact(chat[0])
    assert redact(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 -.+()*/:abc", max_size=60))
def test_redacting_twice_changes_nothing_on_any_digits(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


@pytest.mark.no_cover
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Nd",))))
def test_text_without_digits_is_left_as_it_was(text: str) -> None:
    assert redact(text) == text


@pytest.mark.no_cover
@given(niks())
def test_a_nik_is_masked_as_str_nik_shows_it(nik: Nik) -> None:
    assert redact(f"nik {nik.reveal()}.") == f"nik {nik}."


@given(whatsapp_numbers())
def test_a_phone_number_is_masked_as_str_citizen_phone_shows_it(text: str) -> None:
    assert redact(f"wa {text} ya") == f"wa {CitizenPhone(text)} ya"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("3513 0145 0190 0001", "3513**********01"),
        ("3513-0145-0190-0001", "3513**********01"),
        ("3513.0145.0190.0001", "3513**********01"),
        ("*3513014501900001*", "*3513**********01*"),
        ("NIK:3513014501900001.", "NIK:3513**********01."),
        ("0813-5954-7691", "+62813******91"),
        ("+62 813 5954 7691", "+62813******91"),
        ("6281359547691", "+62813******91"),
        ("0813.5954.7691", "+62813******91"),
        ("+62 (0)812 3860 693", "+62812*****93"),
        ("85337287689", "+62853******89"),
        ("3513014501900001 081359547691", "3513**********01 +62813******91"),
    ],
)
def test_the_common_written_forms(text: str, shown: str) -> None:
    assert redact(text) == shown


@pytest.mark.parametrize(
    "text",
    [
        "buka 08.00-16.00 WIB",
        "tanggal 23-03-2020",
        "Rp 1.500.000",
        "Rp 850.000.000",
        "(0341) 551234",
        "antrean nomor 25",
        "kode 35.13",
        "umur 17 tahun",
        "12345678901234567890",
    ],
)
def test_other_numbers_are_left_as_they_were(text: str) -> None:
    assert redact(text) == text


def test_a_kk_number_masks_like_a_nik() -> None:
    kk = KkNumber("5271012304200007")
    assert redact(kk.reveal()) == str(kk) == "5271**********07"


# -- issue 25: e-mail addresses, birth dates, and the numbers that are not personal --------
@pytest.mark.no_cover
@settings(max_examples=200, deadline=None)
@given(
    st.from_regex(r"[a-z][a-z0-9._]{0,15}[a-z0-9]", fullmatch=True),
    st.sampled_from(["gmail.com", "yahoo.co.id", "pemda.go.id", "web.de"]),
    st.sampled_from(WORDS),
)
def test_every_email_address_is_masked(local: str, domain: str, word: str) -> None:
    address = f"{local}@{domain}"
    shown = redact(f"{word} {address} {word}")
    assert address not in shown
    assert redact(shown) == shown


@pytest.mark.no_cover
@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["lahir", "tgl lahir", "Tanggal lahir:", "TTL Malang,", "lair", "born on"]),
    st.dates(),
    st.sampled_from(
        ["{d:02d}-{m:02d}-{y}", "{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}", "{d} Maret {y}"]
    ),
)
def test_a_date_after_a_birth_word_is_masked(word: str, day: object, form: str) -> None:
    from datetime import date

    assert isinstance(day, date)
    written = form.format(d=day.day, m=day.month, y=f"{day.year:04d}")
    shown = redact(f"{word} {written}, mau bikin ktp")
    assert written not in shown
    assert redact(shown) == shown


NOT_PERSONAL = [
    "RT 03/RW 05",
    "RT 002 RW 011",
    "Rp 1.500.000",
    "Rp 50.000",
    "antrean 25",
    "antrian A-012",
    "tahun 2019",
    "kode pos 67153",
    "surat No. 470/123/35.13/2020",
    "SK Bupati No. 188.45/2021",
    "jam 08.00-12.00",
    "REQ-2026-000123",
    "tgl pengajuan 05-06-2026",
    "meninggal tanggal 4 Juni 2026",
    "akta kelahiran diterbitkan tanggal 3 Januari 2024",
    "no. telp kantor 031-5678901",
    "surat 470/0812/3456/2020",
]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_numbers_that_are_not_personal_stay(text: str) -> None:
    assert redact(text) == text


def test_a_birth_date_is_masked_once_and_never_across_the_end_of_a_sentence() -> None:
    # The second birth word stands before the date the first one already masked.
    assert redact("lahir tgl lahir 12-05-1990 ok") == "lahir tgl lahir **-**-**** ok"
    # A date in the next sentence is not the birth date the first one spoke of.
    assert redact("tanggal lahir saya. 12-05-1990") == "tanggal lahir saya. 12-05-1990"
