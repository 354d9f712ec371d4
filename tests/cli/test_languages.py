"""Two languages, one text catalogue: `hours` and `requirements` speak the language asked for.

An Indonesian answer carries no English prose and an English one no Indonesian prose; codes,
citations and the names of offices read the same in both.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from adminduk._advice_text import LANGS, TEXT, day_name
from adminduk.errors import OutOfRange
from adminduk.schedule import ClosureKind

from .conftest import EXAMPLE_OFFICE, run_main

OFFICES = ("35.13", "35.14", "52.71", "35.04", "52.06")
# The Nyepi week of 2020 (a policy, a holiday), the week the Perpres 21/2023 default begins,
# and a week of cuti bersama in 2026.
WEEKS = ("2020-03-25", "2023-04-12", "2026-03-18")
SERVICES = ("kk/perubahan", "akta-kematian/baru", "kia/baru")

# Words that give the other language away, matched as whole words.
NOT_IN = {
    "id": ("the", "hours", "day", "notes", "week", "from", "national", "working"),
    "en": ("hari", "jam", "dan", "yang", "pekan", "Senin"),
}
HOURS_HEADER = {
    "id": ["hari", "tanggal", "jam", "keterangan"],
    "en": ["day", "date", "hours", "notes"],
}
REQUIREMENTS_HEADER = {
    "id": ["#", "kode", "asal", "nama", "dasar", "hukum"],
    "en": ["#", "code", "origin", "name", "legal", "basis"],
}


def foreign_words(text: str, lang: str) -> list[str]:
    """The other language's marker words found in ``text``."""
    return [
        word
        for word in NOT_IN[lang]
        if re.search(rf"\b{re.escape(word)}\b", text, flags=re.IGNORECASE)
    ]


def ok(*args: str) -> str:
    run = run_main(*args)
    assert run.code == 0, run.err
    assert run.err == ""
    return run.out


# ------------------------------------------------------------------------------------- hours
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("week", WEEKS)
@pytest.mark.parametrize("office", OFFICES)
def test_hours_speak_one_language(office, week, lang):
    out = ok("hours", office, "--week", week, "--lang", lang)
    lines = out.splitlines()
    assert (", pekan mulai " if lang == "id" else ", week of ") in lines[0]
    assert lines[2].split() == HOURS_HEADER[lang]
    assert [line.split()[0] for line in lines[3:10]] == [day_name(n, lang) for n in range(7)]
    assert foreign_words(out, lang) == [], out
    assert any(line.startswith(("Jam dari: ", "Hours from: ")) for line in lines[10:])


@pytest.mark.parametrize("lang", LANGS)
def test_the_default_hours_legend_gives_the_note_in_the_language_asked(lang):
    out = ok("hours", "52.06", "--week", "2023-04-12", "--lang", lang)
    legend = out.splitlines()[-2:]
    if lang == "id":
        assert legend == [
            "Jam dari: Keppres 68/1995 [Keppres 68/1995 Pasal 1(2); Kepmenpan 08/1996] — jam "
            "kerja nasional instansi pemerintah: lima hari kerja, 37,5 jam efektif per minggu",
            "Jam dari: Perpres 21/2023 — jam kerja nasional instansi pemerintah: lima hari kerja, "
            "37 jam 30 menit per minggu di luar istirahat; jam harian ditetapkan pimpinan "
            "instansi, sehingga dipakai pola harian Keppres 68/1995",
        ]
    else:
        assert legend == [
            "Hours from: Keppres 68/1995 [Keppres 68/1995 Pasal 1(2); Kepmenpan 08/1996] — "
            "national government working hours: five working days, 37.5 effective hours a week",
            "Hours from: Perpres 21/2023 — national government working hours: five working "
            "days, 37 h 30 min a week excluding breaks; daily times set by each institution's "
            "head, so the Keppres 68/1995 daily pattern is used",
        ]


PINNED_HOURS = {
    "id": """\
Kota Mataram (52.71), pekan mulai 2020-03-23, Asia/Makassar (WITA)

hari    tanggal     jam                         keterangan
Senin   2020-03-23  07:30-12:00, 13:00-16:00 *
Selasa  2020-03-24  07:30-12:00, 13:00-16:00 *
Rabu    2020-03-25  tutup                       Hari Suci Nyepi (libur nasional)
Kamis   2020-03-26  07:30-12:00, 13:00-16:00 *
Jumat   2020-03-27  07:30-11:30, 13:00-16:30 *
Sabtu   2020-03-28  tutup
Minggu  2020-03-29  tutup

* jam kerja nasional instansi pemerintah, bukan jam yang diumumkan kantor ini
Jam dari: Keppres 68/1995 [Keppres 68/1995 Pasal 1(2); Kepmenpan 08/1996] — jam kerja nasional \
instansi pemerintah: lima hari kerja, 37,5 jam efektif per minggu
""",
    "en": """\
Kota Mataram (52.71), week of 2020-03-23, Asia/Makassar (WITA)

day        date        hours                       notes
Monday     2020-03-23  07:30-12:00, 13:00-16:00 *
Tuesday    2020-03-24  07:30-12:00, 13:00-16:00 *
Wednesday  2020-03-25  closed                      Day of Silence (national holiday)
Thursday   2020-03-26  07:30-12:00, 13:00-16:00 *
Friday     2020-03-27  07:30-11:30, 13:00-16:30 *
Saturday   2020-03-28  closed
Sunday     2020-03-29  closed

* national government working hours, not hours this office has published
Hours from: Keppres 68/1995 [Keppres 68/1995 Pasal 1(2); Kepmenpan 08/1996] — national \
government working hours: five working days, 37.5 effective hours a week
""",
}


@pytest.mark.parametrize("lang", LANGS)
def test_hours_pinned(lang):
    assert ok("hours", "52.71", "--week", "2020-03-25", "--lang", lang) == PINNED_HOURS[lang]


# ------------------------------------------------------------------------------ requirements
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("office", OFFICES)
def test_requirements_speak_one_language(office, service, lang):
    out = ok("requirements", office, service, "--at", "2020-03-25", "--lang", lang)
    lines = out.splitlines()
    assert (" pada 2020-03-25 (kebijakan " if lang == "id" else " on 2020-03-25 (policy ") in (
        lines[0]
    )
    assert lines[2].split()[:6] == REQUIREMENTS_HEADER[lang]
    origins = {"id": {"nasional", "kantor"}, "en": {"national", "office"}}[lang]
    assert {line.split()[2] for line in lines[3:]} <= origins
    assert foreign_words(out, lang) == [], out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("at", ["2020-03-01", "2020-03-25"])
@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("office", OFFICES)
def test_requirements_diff_speaks_one_language(office, service, at, lang):
    out = ok("requirements", office, service, "--at", at, "--diff", "--lang", lang)
    first = out.splitlines()[0]
    assert first.startswith(f"{office} {service} ")
    assert (f" pada {at} (kebijakan " if lang == "id" else f" on {at} (policy ") in first
    headings = {
        "id": ("Ditambahkan oleh kantor:", "Dihapus oleh kantor:", "Diganti oleh kantor:"),
        "en": ("Added by the office:", "Removed by the office:", "Replaced by the office:"),
    }[lang]
    for line in out.splitlines()[1:]:
        assert line in headings or line.startswith(("  + ", "  - ", "  ~ ")), line
    foreign = foreign_words(out, lang)
    if lang == "id":  # the one English word of an Indonesian diff is the policy code 'ordinary'
        foreign = [w for w in foreign if w != "the" or "(kebijakan ordinary)" not in out]
    assert foreign == [], out


PINNED_DIFF = {
    "id": [
        "35.13 akta-kematian/baru pada 2020-03-23 (kebijakan covid-19-layanan-online):",
        "Ditambahkan oleh kantor:",
        "  + berkas-foto-pdf: Semua berkas persyaratan difoto dan dikirim dalam bentuk PDF [A0]",
    ],
    "en": [
        "35.13 akta-kematian/baru on 2020-03-23 (policy covid-19-layanan-online):",
        "Added by the office:",
        "  + berkas-foto-pdf: Every required document photographed and sent as a PDF file [A0]",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_requirements_diff_pinned(lang):
    out = ok(
        "requirements",
        "35.13",
        "akta-kematian/baru",
        "--at",
        "2020-03-23",
        "--diff",
        "--lang",
        lang,
    )
    assert out.splitlines() == PINNED_DIFF[lang]


def test_a_diff_that_removes_and_replaces_has_a_heading_for_each(uji_office):
    import adminduk

    contoh = adminduk.load_office(EXAMPLE_OFFICE)
    adminduk.register(contoh.model_copy(update={"code": "99.28", "slug": "kabupaten-contoh-2"}))
    for lang, heading in (("id", "Diganti oleh kantor:"), ("en", "Replaced by the office:")):
        out = ok(
            "requirements",
            "99.28",
            "kk/cetak-ulang",
            "--at",
            "2031-01-10",
            "--diff",
            "--lang",
            lang,
        )
        lines = out.splitlines()
        assert lines[1] == heading
        assert lines[2].startswith(
            "  ~ surat-kehilangan-atau-kk-rusak -> surat-pernyataan-kehilangan: "
        )


# ------------------------------------------------------------------------------- the catalogue
def test_every_day_name_is_in_both_languages():
    for n in range(7):
        for lang in LANGS:
            assert TEXT[f"day.{n}"][lang].strip(), (n, lang)
    assert [day_name(n, "id") for n in range(7)] == [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"
    ]  # fmt: skip
    assert [day_name(n, "en") for n in range(7)] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    ]  # fmt: skip
    assert "day.7" not in TEXT


@pytest.mark.parametrize("weekday", [-1, 7, True, 1.0, "0"])
def test_day_name_refuses_what_is_not_a_weekday(weekday):
    with pytest.raises(OutOfRange, match="weekday="):
        day_name(weekday, "id")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_cli_text_is_in_both_languages_with_the_same_fields():
    keys = [key for key in TEXT if key.startswith(("cli.", "day."))]
    assert keys
    for key in keys:
        assert set(TEXT[key]) == set(LANGS), key
        assert _fields(TEXT[key]["id"]) == _fields(TEXT[key]["en"]), key


def test_the_keys_the_command_builds_exist():
    for kind in ClosureKind:
        assert f"cli.closure.{kind.value}" in TEXT
    for origin in ("national", "office"):
        assert f"cli.origin.{origin}" in TEXT


def test_the_command_holds_no_words_of_its_own():
    import adminduk.cli as cli

    assert not hasattr(cli, "_DAY_NAMES") and not hasattr(cli, "_WORDS")
    source = Path(cli.__file__).read_text(encoding="utf-8")
    for key in re.findall(r'_t\(\s*"([^"]+)"', source):
        assert key in TEXT, key
