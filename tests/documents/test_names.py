"""check_name: names on documents against Permendagri 73/2022, rule by rule and article by article.

The articles were read in copies that reproduce the regulation's text (names.toml says which);
each example below is pinned to the article it tests.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from adminduk import DocumentType, NameFinding, NameSeverity, OutOfRange, check_name
from adminduk.documents._names import _load
from adminduk.errors import AdmindukError, ConfigError
from adminduk.testing import strategies as ads

AKTA = ("akta-kelahiran", "akta-kematian", "akta-perkawinan", "akta-perceraian")
TITLED = ("kk", "ktp-el", "ikd")  # the IKD is the KTP-el in digital form ([I], names.toml)
NEITHER = ("kia", "biodata", "skpwni", "sktt")
ERROR = NameSeverity.ERROR
WARNING = NameSeverity.WARNING


def found(name: str, document: str = "akta-kelahiran") -> list[tuple[str, int | None]]:
    return [(f.rule, f.position) for f in check_name(name, document=document)]


# ------------------------------------------------------------------ Pasal 4 ayat (2) huruf b
def test_sixty_letters_including_spaces_is_the_most_pasal_4_2_b():
    sixty = "Rina " + "a" * 55  # 5 + 55 = 60 characters, the space counted
    assert len(sixty) == 60
    assert found(sixty) == []
    (finding,) = check_name(sixty + "b", document="kk")
    assert finding.rule == "pasal-4-ayat-2-b"
    assert finding.article == "Permendagri 73/2022 Pasal 4 ayat (2) huruf b"
    assert finding.severity is ERROR  # Pasal 7 ayat (1) names 4(2)b
    assert finding.position is None
    assert "61 huruf" in finding.message("id") and "(61)" in finding.message("en")


def test_blanks_at_the_ends_and_repeated_blanks_are_not_letters():
    assert found("  Rina   " + "a" * 55 + "  ") == []


# ------------------------------------------------------------------ Pasal 4 ayat (2) huruf c
def test_one_word_is_only_a_warning_pasal_4_2_c_has_no_sanction():
    (finding,) = check_name("Budi", document="akta-kelahiran")
    assert (finding.rule, finding.severity) == ("pasal-4-ayat-2-c", WARNING)
    assert finding.message("id").startswith("Nama terdiri atas 1 kata")
    assert found("Budi Santoso") == []


def test_titles_are_not_words_of_the_name():
    assert found("Dr. Budi", "kk") == [("pasal-4-ayat-2-c", None)]


# ------------------------------------------------------------------ Pasal 5 ayat (3) huruf a
def test_m_rizky_is_an_abbreviation_pasal_5_3_a():
    abbreviation, punctuation = check_name("M. Rizky", document="akta-kelahiran")
    assert abbreviation.rule == "pasal-5-ayat-3-a" and abbreviation.position == 1
    assert abbreviation.severity is ERROR
    assert "singkatan" in abbreviation.message("id")
    assert "abbreviation" in abbreviation.message("en")
    assert punctuation.rule == "pasal-5-ayat-3-b-tanda-baca"


@pytest.mark.parametrize("name", ["Muh Rizky", "Abd Rahman", "Rizky M Pratama", "MOCH RIZKY"])
def test_short_forms_and_initials_are_abbreviations(name):
    assert "pasal-5-ayat-3-a" in [rule for rule, _ in found(name, "ktp-el")]


def test_an_initial_is_never_read_as_a_title_between_words():
    # "H" stands for Haji only in front of a name.
    assert found("Budi H Santoso", "kk") == [("pasal-5-ayat-3-a", 2)]


# ------------------------------------------------------------------ name particles (names.toml)
@pytest.mark.parametrize(
    "name",
    [
        "I Wayan Sudirta",
        "I Gusti Ngurah Rai",
        "I Made Wirawan",
        "Ni Luh Putu Ayu Lestari",
        "NI KOMANG SARI",
        "Ida I Dewa Agung Made Mahendra",  # I after the honorific its entry names
        "La Ode Musa",
        "Wa Ode Sitti",
    ],
)
@pytest.mark.parametrize("document", ["akta-kelahiran", "kk", "ktp-el"])
def test_a_name_particle_is_a_word_of_the_name_not_an_abbreviation(name, document):
    assert found(name, document) == []


def test_a_particle_after_a_front_title_is_still_the_first_word_of_the_name():
    assert found("Dr. I Wayan Sudirta", "ktp-el") == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("I. Wayan Sudirta", [("pasal-5-ayat-3-a", 1), ("pasal-5-ayat-3-b-tanda-baca", 1)]),
        ("Budi I Santoso", [("pasal-5-ayat-3-a", 2)]),  # between words: an initial
        ("Wayan Sudirta I", [("pasal-5-ayat-3-a", 3)]),
        ("I", [("pasal-5-ayat-3-a", 1), ("pasal-4-ayat-2-c", None)]),  # nothing follows
        ("M Wayan", [("pasal-5-ayat-3-a", 1)]),  # only the listed particles
    ],
)
def test_a_particle_out_of_its_place_is_an_abbreviation_again(name, expected):
    assert found(name) == expected


def test_every_particle_in_the_file_is_cited_and_never_listed_as_an_abbreviation():
    from adminduk.documents._names import _rules

    data = _rules().data
    forms = {p.form.lower() for p in data.particle}
    assert {"i", "ni"} <= forms
    assert not forms & {a.lower() for a in data.abbreviations}
    assert all(p.sources and p.meaning_id and p.meaning_en for p in data.particle)


@pytest.mark.no_cover
@given(ads.names(), st.sampled_from(["I", "Ni"]))
def test_a_particle_in_front_of_a_valid_name_keeps_it_valid(name, particle):
    assume(len(f"{particle} {name}") <= 60)
    assert check_name(f"{particle} {name}", document="akta-kelahiran") == ()


# ------------------------------------------------------------------ Pasal 5 ayat (3) huruf b
def test_digits_are_errors_pasal_5_3_b():
    assert found("Budi 2 Santoso") == [("pasal-5-ayat-3-b-angka", 2)]
    assert found("Rina4 Sari") == [("pasal-5-ayat-3-b-angka", 1)]


@pytest.mark.parametrize("name", ["Ma'ruf Amin", "Jean-Luc Budi", "Rina, Sari", "Rina_Sari Ayu"])
def test_apostrophe_hyphen_and_other_punctuation_are_errors(name):
    (finding,) = check_name(name, document="kk")
    assert (finding.rule, finding.position, finding.severity) == (
        "pasal-5-ayat-3-b-tanda-baca",
        1,
        ERROR,
    )
    assert finding.article.endswith("Pasal 5 ayat (3) huruf b")


# ------------------------------------------------------------------ Pasal 5 ayat (1) huruf a
def test_letters_outside_the_latin_alphabet_are_a_warning():
    assert found("Ali \u0645\u062d\u0645\u062f") == [("pasal-5-ayat-1-a", 2)]
    assert check_name("\u0410\u043d\u043d\u0430 Sari", document="kk")[0].severity is WARNING
    assert found("Rene\u0301 Sari") == []  # an accent, composed or not, is a Latin letter


# ------------------------------------------------- titles: Pasal 5 ayat (1) huruf c, (3) huruf c
@pytest.mark.parametrize("document", TITLED)
@pytest.mark.parametrize(
    "name",
    [
        "Dr. Rina Sari, S.H.",
        "Prof. Dr. Ir. Budi Santoso, M.Pd.",
        "Hj. Siti Aminah",
        "H. Ahmad Dahlan",
        "Raden Ajeng Kartini",
        "R. Budi Santoso",
    ],
)
def test_titles_may_stand_abbreviated_on_kk_and_ktp_el(name, document):
    assert found(name, document) == []


@pytest.mark.parametrize("document", AKTA)
def test_education_and_religious_titles_are_errors_on_an_akta(document):
    assert found("Prof. Dr. Rina Sari, S.H., M.Hum.", document) == [
        ("pasal-5-ayat-3-c", 1),
        ("pasal-5-ayat-3-c", 2),
        ("pasal-5-ayat-3-c", 5),
        ("pasal-5-ayat-3-c", 6),
    ]
    (finding,) = check_name("Hj. Siti Aminah", document=document)
    assert finding.severity is ERROR and finding.article.endswith("Pasal 5 ayat (3) huruf c")


def test_an_adat_title_on_an_akta_is_a_warning_3_c_names_only_education_and_religion():
    (finding,) = check_name("Raden Ajeng Kartini", document="akta-kelahiran")
    assert (finding.rule, finding.severity, finding.interpreted) == (
        "pasal-5-ayat-1-c-adat",
        WARNING,
        True,
    )


def test_a_one_letter_title_on_an_akta_reads_as_the_initial_it_also_is():
    assert found("H. Ahmad Dahlan", "akta-kematian") == [
        ("pasal-5-ayat-3-a", 1),
        ("pasal-5-ayat-3-b-tanda-baca", 1),
    ]


@pytest.mark.parametrize("document", NEITHER)
def test_a_title_on_a_document_the_regulation_does_not_name_is_a_warning(document):
    (finding,) = check_name("Dr. Rina Sari", document=document)
    assert (finding.rule, finding.severity) == ("pasal-5-ayat-1-c-lain", WARNING)


def test_the_comma_before_a_title_is_part_of_it_but_not_elsewhere():
    assert found("Rina Sari, S.H.", "kk") == []
    assert found("Rina, Sari Ayu", "kk") == [("pasal-5-ayat-3-b-tanda-baca", 1)]


def test_a_name_that_is_only_titles_keeps_its_last_word_as_the_name():
    assert found("Dr. Prof.", "kk") == [
        ("pasal-5-ayat-3-a", 2),
        ("pasal-5-ayat-3-b-tanda-baca", 2),
        ("pasal-4-ayat-2-c", None),
    ]


# ------------------------------------------------------------- marga: Pasal 5 ayat (1) huruf b
@pytest.mark.parametrize(
    "name",
    ["Yohana Boru Sitompul", "Rudolf Lumban Tobing", "Maria Wenas", "Benediktus Kolo Bataona"],
)
def test_marga_and_family_names_are_part_of_the_name(name):
    assert found(name) == []


# ------------------------------------------------------------------ findings as values
def test_findings_carry_both_languages_and_never_a_word_of_the_name():
    name = "Moch. Rizky4 Al-Fatih"
    for finding in check_name(name, document="akta-kelahiran"):
        assert isinstance(finding, NameFinding)
        for text in (finding.message("id"), finding.message("en"), repr(finding)):
            for word in ("Moch", "Rizky", "Fatih"):
                assert word not in text
        assert finding.message() == finding.message_id != finding.message_en


def test_document_takes_the_enum_and_every_catalogue_code():
    for kind in DocumentType:
        assert check_name("Rina Sari", document=kind) == ()
        assert check_name("Rina Sari", document=kind.value) == ()


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize("document", ["paspor", "KK", "", None, 3, ["kk"]])
def test_an_unknown_document_is_a_library_error_naming_the_field(document):
    with pytest.raises(OutOfRange) as caught:
        check_name("Rina Sari", document=document)
    assert caught.value.field == "document"
    assert "akta-kelahiran" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "detail"),
    [
        ("", "not blank"),
        ("   \t", "<a name of 4 characters>"),
        (b"Rina Sari", "not a str but bytes"),
        (None, "not a str but NoneType"),
        ("Rina Sari" * 200, "longer than 1000"),
        ("Rina\x00 Sari", "NUL"),
        ("Rina \ud800Sari", "lone surrogate"),
    ],
)
def test_a_name_that_is_not_a_name_is_refused_without_echoing_it(name, detail):
    with pytest.raises(OutOfRange) as caught:
        check_name(name, document="kk")
    message = str(caught.value)
    assert caught.value.field == "name"
    assert detail in message
    assert "Rina" not in message and "Sari" not in message


def test_the_rules_file_must_hold_every_rule_the_checker_applies():
    with pytest.raises(ConfigError) as caught:
        _load("citation = 'x'", "names.toml")
    assert isinstance(caught.value, AdmindukError)
    with pytest.raises(ConfigError, match="not valid TOML"):
        _load("citation = ", "names.toml")
    from importlib import resources

    text = resources.files("adminduk.documents").joinpath("data/names.toml").read_text("utf-8")
    without = text.replace('id = "pasal-5-ayat-3-c"\n', 'id = "pasal-9"\n')
    with pytest.raises(ConfigError, match="pasal-5-ayat-3-c"):
        _load(without, "names.toml")
    doubled = text.replace('id = "pasal-5-ayat-3-c"\n', 'id = "pasal-5-ayat-3-a"\n')
    with pytest.raises(ConfigError, match="duplicate rule ids"):
        _load(doubled, "names.toml")


# ------------------------------------------------------------------ properties
# Untraced (all but one): each property runs the checker over many drawn names; the checker's
# lines are traced by the example tests above.
@pytest.mark.no_cover
@given(ads.names(), st.sampled_from([kind.value for kind in DocumentType]))
def test_names_from_the_valid_name_strategy_pass_on_every_document(name, document):
    assert check_name(name, document=document) == ()


# Traced: the only test that draws titled names long enough for the strategy to drop titles.
@given(ads.names(titles=True), st.sampled_from(TITLED))
def test_titled_names_pass_on_kk_and_ktp_el(name, document):
    assert check_name(name, document=document) == ()


@pytest.mark.no_cover
@given(ads.names(), st.integers(0, 9), st.data())
def test_a_digit_anywhere_is_an_error_at_its_word(name, digit, data):
    words = name.split()
    index = data.draw(st.integers(0, len(words) - 1))
    at = data.draw(st.integers(0, len(words[index])))
    words[index] = words[index][:at] + str(digit) + words[index][at:]
    findings = check_name(" ".join(words), document="kk")
    assert ("pasal-5-ayat-3-b-angka", index + 1) in [(f.rule, f.position) for f in findings]
    assert any(f.severity is ERROR for f in findings)


@pytest.mark.no_cover
@given(ads.names(), st.sampled_from("'-.,/&()\""), st.data())
def test_punctuation_inside_a_word_is_an_error_at_its_word(name, mark, data):
    words = name.split()
    index = data.draw(st.integers(0, len(words) - 1))
    at = data.draw(st.integers(1, len(words[index]) - 1))
    words[index] = words[index][:at] + mark + words[index][at:]
    rules = [(f.rule, f.position) for f in check_name(" ".join(words), document="ktp-el")]
    assert ("pasal-5-ayat-3-b-tanda-baca", index + 1) in rules


@pytest.mark.no_cover
@given(ads.names(), st.sampled_from(AKTA))
def test_an_education_title_in_front_is_an_error_on_every_akta(name, document):
    titled = "Dr. " + name
    assume(len(titled) <= 60)  # the title counts towards the 60 letters
    findings = check_name(titled, document=document)
    assert [(f.rule, f.position) for f in findings] == [("pasal-5-ayat-3-c", 1)]


@pytest.mark.no_cover
@given(ads.names(), st.text("abcdefghijklmnopqrstuvwxyz ", min_size=61, max_size=200))
def test_longer_than_sixty_is_always_an_error(name, padding):
    longer = (name + " Z" + padding.replace(" ", "a"))[:200]
    assert "pasal-4-ayat-2-b" in [f.rule for f in check_name(longer, document="kk")]
