"""The short reply's checklist: a group of alternatives is named by what it proves, and how many.

It once read "salah satu dokumen pendukung" ("one supporting document") for every group, twice
over for a birth certificate's two groups, which told a citizen nothing to bring.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

TODAY = dt.datetime(2026, 12, 7, 10, 0)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "id",
            "bukti kelahiran (1 dari 2 pilihan); bukti perkawinan orang tua (1 dari 2 pilihan)",
        ),
        ("en", "proof of birth (1 of 2 options); proof of the parents' marriage (1 of 2 options)"),
    ],
)
def test_a_birth_certificate_names_both_groups_by_what_they_prove(
    lang: str, expected: str
) -> None:
    short = adminduk.advise("35.78", "akta-kelahiran/baru", at=TODAY).to_message(
        lang, detail="short"
    )
    assert expected in short
    assert "dokumen pendukung" not in short and "supporting document" not in short


def test_the_count_is_of_the_choices_the_office_leaves() -> None:
    # Kabupaten Belu's own KK list (its SIPPN entry) keeps four of the national five bases.
    national = adminduk.advise("35.78", "kk/baru", at=TODAY).to_message("id", detail="short")
    belu = adminduk.advise("53.04", "kk/baru", at=TODAY)
    assert "dokumen dasar penerbitan KK (1 dari 5 pilihan)" in national
    assert sum(1 for r in belu.requirements if r.one_of == "dokumen-dasar-kk") == 4
    assert "dokumen dasar penerbitan KK (1 dari 4 pilihan)" in belu.to_message(
        "id", detail="short"
    )


def test_one_requirement_that_does_not_fit_is_counted_in_the_singular() -> None:
    # Kutai Kartanegara's long counter address, and when it opens again, leave no room for the
    # name of the KK's one point; the count then reads as English a person would write.
    advice = adminduk.advise("64.02", "kk/baru", at=dt.datetime(2026, 12, 7, 19, 0))
    english = advice.to_message("en", detail="short")
    assert "There is 1 requirement; see the details." in english
    assert "There are 1" not in english


def test_a_deadline_known_second_hand_is_given_without_its_caveat_in_a_chat() -> None:
    # The marriage certificate's article is known from a secondary source: the full reply says
    # so; the short one gives the deadline alone, not brackets within brackets.
    advice = adminduk.advise("35.78", "akta-perkawinan/baru", at=TODAY)
    short, full = advice.to_message("id", detail="short"), advice.to_message("id")
    assert "Batas waktu pelaporan: 60 hari sejak tanggal perkawinan.\n" in short
    assert "sumber sekunder" not in short and "sumber sekunder" in full
    # A birth's article is read in full, and the chat cites it.
    birth = adminduk.advise("35.78", "akta-kelahiran/baru", at=TODAY)
    assert "(UU 24/2013 Pasal 27 ayat (1))." in birth.to_message("id", detail="short")


def test_a_long_urgent_route_leaves_room_for_what_to_bring() -> None:
    # Kutai Kartanegara's counter address is 130 characters: with it on the urgent line, the
    # chat for a birth under the 2020 instruction had no word of what to bring. The address goes
    # to the details ("Alamatnya: …"); the chat keeps the route and the checklist.
    advice = adminduk.advise("64.02", "akta-kelahiran/baru", at=dt.datetime(2020, 4, 15, 10, 0))
    short, full = advice.to_message("id", detail="short"), advice.to_message("id")
    assert "dapat dilayani melalui: Loket Dinas Dukcapil Kabupaten Kutai Kartanegara" in short
    assert "Komplek Kantor Bupati" not in short
    assert "Persyaratan: " in short or "persyaratan; lihat rincian" in short
    assert "- Alamatnya: Komplek Kantor Bupati Kutai Kartanegara" in full


def test_an_online_answer_names_the_counter_that_serves_everyone_too() -> None:
    # Kutai Kartanegara's SKPWNI from 2021: its website, then the counter the reply says serves
    # everyone (it once said so while naming the website alone).
    advice = adminduk.advise("64.02", "skpwni/baru", at=TODAY)
    assert [ch.kind.value for ch in advice.channels] == ["app", "counter"]
    assert "Loket Dinas Dukcapil Kabupaten Kutai Kartanegara" in advice.to_message("id")


def test_a_matter_to_postpone_keeps_the_number_to_contact_before_its_checklist() -> None:
    # "Contact the office before the 14 days run out": Way Kanan's only numbers are its
    # complaint lines, which a reserved checklist once pushed out of the chat.
    advice = adminduk.advise("18.08", "ktp-el/cetak-ulang", at=dt.datetime(2020, 3, 24, 10, 0))
    short = advice.to_message("id", detail="short")
    assert "hubungi kantor sebelum habis" in short
    assert "Pengaduan: telepon/faksimile (0723) 461041" in short


def test_the_urgent_routes_address_is_in_the_chat_where_it_fits() -> None:
    advice = adminduk.advise("35.13", "akta-kelahiran/baru", at=dt.datetime(2020, 3, 24, 10, 0))
    short = advice.to_message("id", detail="short")
    assert "Alamatnya: Gedung belakang Mal Pelayanan Publik (MPP) Dringu" in short
    # A birth to postpone with no number to ask by: that, before the checklist's count (the
    # fifth reading), which the full reply lists in full.
    assert "Sumber tidak memuat nomor kontak kantor; tanyakan langsung ke kantor" in short
    assert "Persyaratan:\n1. " in advice.to_message("id")


def test_a_chat_on_a_closed_day_says_when_the_office_opens_again() -> None:
    # Idul Fitri 2025: Surabaya's counter is shut until Tuesday 8 April; Kutai Kartanegara's
    # SKPWNI website takes applications, handled from the same day.
    death = adminduk.advise("35.78", "akta-kematian/baru", at=dt.datetime(2025, 3, 31, 10))
    assert "The office opens again Tuesday, 8 April 2025 at 07:30 WIB." in death.to_message(
        "en", detail="short"
    )
    moving = adminduk.advise("64.02", "skpwni/baru", at=dt.datetime(2025, 3, 31, 10))
    assert "Permohonan daring diproses lagi mulai Selasa, 8 April 2025 pukul 07.30 WITA." in (
        moving.to_message("id", detail="short")
    )
    # Open, the chat spends no line on it.
    open_day = adminduk.advise("35.78", "akta-kematian/baru", at=dt.datetime(2025, 4, 8, 10))
    assert "opens again" not in open_day.to_message("en", detail="short")
