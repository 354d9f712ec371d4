"""Groups of alternatives, the bilingual legal basis and the bilingual note (issue 12, item 8)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import Confidence, ConfigError, OutOfRange, catalogue
from adminduk.documents import (
    Catalogue,
    CatalogueEntry,
    ReportingDeadline,
    Requirement,
    group_requirements,
)
from adminduk.documents._catalogue import _BASIS_FORMATS, _load


def _codes(points: tuple[tuple[Requirement, ...], ...]) -> list[list[str]]:
    return [[r.code for r in point] for point in points]


# ------------------------------------------------------------------- groups, pinned to sources
def test_kk_baru_items_of_perpres_pasal_11_are_one_group():
    # Perpres 96/2018 Pasal 11 [SUKABUMI; INEWSKK; DESAM]: proof for one situation each.
    entry = catalogue()["kk/baru"]
    assert _codes(entry.requirement_groups()) == [
        [
            "bukti-perkawinan-atau-perceraian",
            "surat-pindah",
            "skdln",
            "surat-pengganti-identitas",
            "petikan-kewarganegaraan",
        ]
    ]
    assert {r.one_of for r in entry.requirements} == {"dokumen-dasar-kk"}
    assert {r.legal_basis for r in entry.requirements} == {"Perpres 96/2018 Pasal 11"}


def test_kk_baru_has_the_substitute_identity_letter_for_vulnerable_residents():
    reqs = {r.code: r for r in catalogue()["kk/baru"].requirements}
    letter = reqs["surat-pengganti-identitas"]
    assert "pengganti tanda identitas" in letter.name_id
    assert "rentan administrasi kependudukan" in letter.name_id
    assert letter.legal_basis == "Perpres 96/2018 Pasal 11"
    assert letter.confidence is Confidence.SECONDARY_CITED
    assert "SUKABUMI" in letter.source


def test_akta_kelahiran_has_two_groups_birth_proof_and_marriage_proof():
    entry = catalogue()["akta-kelahiran/baru"]
    assert _codes(entry.requirement_groups()) == [
        ["surat-keterangan-kelahiran", "sptjm-kelahiran"],
        ["bukti-perkawinan-orang-tua", "sptjm-pasangan-suami-istri"],
        ["kk"],
        ["ktp-el-orang-tua"],
    ]
    reqs = {r.code: r for r in entry.requirements}
    assert reqs["surat-keterangan-kelahiran"].one_of == reqs["sptjm-kelahiran"].one_of
    assert reqs["bukti-perkawinan-orang-tua"].one_of == reqs["sptjm-pasangan-suami-istri"].one_of
    assert reqs["sptjm-kelahiran"].one_of != reqs["sptjm-pasangan-suami-istri"].one_of
    assert "F-2.03" in reqs["sptjm-kelahiran"].name_id


def test_sptjm_f_2_04_for_a_birth_without_a_marriage_document():
    # domain-facts §2.5 and §10 2.6: SPTJM kebenaran sebagai pasangan suami-istri, F-2.04,
    # 2 witnesses; secondary, no article [TEMANGGUNG; NAKITA; BOY].
    reqs = {r.code: r for r in catalogue()["akta-kelahiran/baru"].requirements}
    sptjm = reqs["sptjm-pasangan-suami-istri"]
    assert "F-2.04" in sptjm.name_id and "F-2.04" in sptjm.name_en
    assert "pasangan suami-istri" in sptjm.name_id
    assert "2 saksi" in sptjm.name_id
    assert (sptjm.legal_basis, sptjm.confidence) == ("Perpres 96/2018", Confidence.SECONDARY)
    assert "TEMANGGUNG" in sptjm.source and "NAKITA" in sptjm.source


def test_form_f_1_06_rests_on_permendagri_109_2019():
    reqs = {r.code: r for r in catalogue()["biodata/pembetulan"].requirements}
    form = reqs["formulir-f106"]
    assert (form.legal_basis, form.confidence) == ("Permendagri 109/2019", Confidence.SECONDARY)
    assert form.basis("en") == "Permendagri 109/2019 (article not verified)"


def test_only_the_groups_the_sources_give():
    grouped = {
        entry.code: sorted({r.one_of for r in entry.requirements if r.one_of})
        for entry in catalogue()
        if any(r.one_of for r in entry.requirements)
    }
    assert grouped == {
        "kk/baru": ["dokumen-dasar-kk"],
        "akta-kelahiran/baru": ["bukti-kelahiran", "bukti-perkawinan"],
    }


def test_every_catalogue_group_has_two_or_more_members_standing_together():
    for entry in catalogue():
        points = entry.requirement_groups()
        assert tuple(r for point in points for r in point) == entry.requirements
        seen: set[str] = set()
        for point in points:
            group = point[0].one_of
            if group is not None:
                assert len(point) >= 2, (entry.code, group)
                assert group not in seen, (entry.code, group)
                seen.add(group)


# -------------------------------------------------------------------- the legal basis, bilingual
def test_legal_basis_is_a_bare_citation_without_glosses():
    words = ("not verified", "article", "practice", "as cited", "per ", "(", "belum")
    for entry in catalogue():
        bases = [r.legal_basis for r in entry.requirements]
        if entry.deadline is not None:
            bases.append(entry.deadline.legal_basis)
        for basis in bases:
            stripped = basis.replace("ayat (", "").replace("), (", "")
            assert not any(word in stripped.lower() for word in words), (entry.code, basis)


@pytest.mark.parametrize(
    ("service", "code", "indonesian", "english"),
    [
        (
            "ktp-el/baru",
            "usia-wajib-ktp",
            "UU 24/2013 Pasal 63 ayat (1)",
            "UU 24/2013 Pasal 63 ayat (1)",
        ),
        (
            "ktp-el/baru",
            "kk",
            "Perpres 96/2018 Pasal 15 (nomor pasal menurut sumber sekunder)",
            "Perpres 96/2018 Pasal 15 (article number as cited by secondary sources)",
        ),
        (
            "ktp-el/baru",
            "skdln",
            "Perpres 96/2018 (pasal belum diverifikasi)",
            "Perpres 96/2018 (article not verified)",
        ),
        (
            "biodata/pembetulan",
            "kk",
            "praktik setempat: Dispendukcapil Kota Malang",
            "local practice: Dispendukcapil Kota Malang",
        ),
    ],
)
def test_basis_in_both_languages_for_each_confidence(service, code, indonesian, english):
    req = {r.code: r for r in catalogue()[service].requirements}[code]
    assert req.basis() == req.basis("id") == indonesian
    assert req.basis("en") == english


def test_deadline_basis_in_both_languages():
    birth = catalogue()["akta-kelahiran/baru"].deadline
    marriage = catalogue()["akta-perkawinan/baru"].deadline
    assert birth is not None and marriage is not None
    assert birth.basis("id") == birth.basis("en") == "UU 24/2013 Pasal 27 ayat (1)"
    assert (
        marriage.basis("id")
        == "UU 23/2006 Pasal 34 ayat (1) (nomor pasal menurut sumber sekunder)"
    )
    assert marriage.basis("en") == (
        "UU 23/2006 Pasal 34 ayat (1) (article number as cited by secondary sources)"
    )


def test_basis_table_covers_every_confidence_and_keeps_languages_apart():
    assert set(_BASIS_FORMATS) == set(Confidence)
    english = ("article", "local practice", "secondary", "verified", "cited")
    indonesian = ("pasal", "praktik", "setempat", "sumber", "belum", "menurut")
    for confidence, formats in _BASIS_FORMATS.items():
        id_words = formats["id"].replace("{citation}", "").lower()
        en_words = formats["en"].replace("{citation}", "").lower()
        assert not any(word in id_words for word in english), confidence
        assert not any(word in en_words for word in indonesian), confidence
        basis = ReportingDeadline(
            days=1,
            counted_from_id="x",
            counted_from_en="x",
            legal_basis="UU 1/2000",
            confidence=confidence,
            source="x",
        )
        assert "UU 1/2000" in basis.basis("id") and "UU 1/2000" in basis.basis("en")


# ------------------------------------------------------------------- the note, bilingual
def test_requirements_note_in_each_language_and_the_old_name_in_english():
    entry = catalogue()["biodata/sinkronisasi"]
    assert entry.requirements_note_text("id") == entry.requirements_note_id
    assert entry.requirements_note_text("en") == entry.requirements_note_en
    assert entry.requirements_note == entry.requirements_note_en
    assert (
        entry.requirements_note_id is not None and "Tidak ditemukan" in entry.requirements_note_id
    )
    assert entry.requirements_note_en is not None and " / " not in entry.requirements_note_en
    with pytest.raises((AttributeError, ValueError)):  # read-only (and the entry is frozen)
        entry.requirements_note = "x"  # type: ignore[misc]
    assert catalogue()["kk/baru"].requirements_note_text("id") is None


# --------------------------------------------------------------------- group_requirements
_GROUP_CODES = ("g-satu", "g-dua", "g-tiga")


def _item(code: str, one_of: str | None) -> Requirement:
    return Requirement(
        code=code,
        name_id=code,
        name_en=code,
        legal_basis="UU 24/2013",
        confidence=Confidence.PRIMARY,
        source="UU24",
        one_of=one_of,
    )


@st.composite
def _checklists(draw: st.DrawFn) -> list[Requirement]:
    """A valid checklist: single items and groups of 2+ members, each group together, once."""
    blocks = draw(
        st.lists(
            st.one_of(st.just(1), st.sampled_from(_GROUP_CODES)),
            max_size=8,
        )
    )
    items: list[Requirement] = []
    used: set[str] = set()
    for block in blocks:
        if isinstance(block, str):
            if block in used:
                continue
            used.add(block)
            size = draw(st.integers(min_value=2, max_value=4))
            items += [_item(f"i{len(items) + n}", block) for n in range(size)]
        else:
            items.append(_item(f"i{len(items)}", None))
    return items


@st.composite
def _any_items(draw: st.DrawFn) -> list[Requirement]:
    """Any sequence at all, as an office's merged checklist may be: lone or split members too."""
    groups = draw(st.lists(st.sampled_from((None, *_GROUP_CODES)), max_size=12))
    return [_item(f"i{n}", group) for n, group in enumerate(groups)]


@given(_any_items())
def test_flattening_the_groups_gives_back_the_input_in_order(items):
    points = group_requirements(items)
    assert [r for point in points for r in point] == items
    assert all(point for point in points)
    for point in points:
        assert len({r.one_of for r in point}) == 1
        assert len(point) == 1 or point[0].one_of is not None


@pytest.mark.no_cover
@given(_checklists())
def test_valid_checklists_have_no_group_of_one(items):
    points = group_requirements(items)
    assert [r for point in points for r in point] == items
    for point in points:
        assert len(point) >= 2 or point[0].one_of is None
    groups = [point[0].one_of for point in points if point[0].one_of is not None]
    assert len(groups) == len(set(groups))


def test_group_requirements_takes_any_sequence_and_adjacent_groups_stay_apart():
    a1, a2, b1, b2 = _item("a1", "a"), _item("a2", "a"), _item("b1", "b"), _item("b2", "b")
    assert _codes(group_requirements((a1, a2, b1, b2))) == [["a1", "a2"], ["b1", "b2"]]
    lone = _item("x", None)
    assert _codes(group_requirements([a1, lone, a2])) == [["a1"], ["x"], ["a2"]]
    assert group_requirements(()) == ()


# ------------------------------------------------------------------- the loader's new checks
_HEAD = """
[documents]
kk = { name_id = "KK", name_en = "KK" }
[actions]
baru = { name_id = "baru", name_en = "new" }

[[service]]
code = "kk/baru"
name_id = "a"
name_en = "a"
biometric_in_person = false
"""


def _req(code: str, one_of: str | None = None, basis: str = "UU 24/2013", conf: str = "primary"):
    group = f'one_of = "{one_of}"\n' if one_of else ""
    return f"""
[[service.requirement]]
code = "{code}"
name_id = "x"
name_en = "x"
legal_basis = "{basis}"
confidence = "{conf}"
source = "x"
{group}"""


def _problems(text: str) -> dict[str, str]:
    with pytest.raises(ConfigError) as info:
        _load(text, "test.toml")
    assert info.value.source == "test.toml"
    return {p.path: p.message for p in info.value.problems}


def _named(*groups: str) -> str:
    names = "".join(f'{g} = {{ name_id = "bukti {g}", name_en = "proof {g}" }}\n' for g in groups)
    return f"\n[groups]\n{names}"


def test_a_valid_group_loads():
    cat = _load(_HEAD + _req("a", "g") + _req("b", "g") + _req("c") + _named("g"), "x")
    assert _codes(cat["kk/baru"].requirement_groups()) == [["a", "b"], ["c"]]
    assert (cat.group_name("g"), cat.group_name("g", "en")) == ("bukti g", "proof g")


def test_a_group_without_a_name_and_a_name_without_a_group_are_refused():
    problems = _problems(_HEAD + _req("a", "g") + _req("b", "g") + _named("h"))
    assert "no name: add groups.g" in problems["groups"]
    assert "no requirement belongs" in problems["groups.h"]


def test_every_group_of_the_package_catalogue_has_a_name_in_both_languages():
    cat = catalogue()
    groups = {r.one_of for e in cat for r in e.requirements if r.one_of}
    assert groups == {"dokumen-dasar-kk", "bukti-kelahiran", "bukti-perkawinan"}
    for group in groups:
        assert cat.group_name(group, "id") != cat.group_name(group, "en")


def test_an_unknown_group_name_is_refused_naming_the_valid_ones():
    with pytest.raises(OutOfRange) as info:
        catalogue().group_name("bukti-kelahran")
    assert info.value.field == "group"
    assert "bukti-kelahiran" in str(info.value)


def test_a_catalogue_built_directly_needs_a_name_for_each_group():
    cat = catalogue()
    entries = list(cat)
    with pytest.raises(OutOfRange) as info:
        Catalogue(entries, cat._documents, cat._actions)
    assert info.value.field == "groups"
    assert "bukti-kelahiran" in str(info.value)
    with pytest.raises(OutOfRange):
        Catalogue(entries, cat._documents, cat._actions, {"bukti-kelahiran": "not names"})  # type: ignore[dict-item]
    rebuilt = Catalogue(entries, cat._documents, cat._actions, cat._groups)
    assert rebuilt.group_name("bukti-perkawinan", "en") == "proof of the parents' marriage"


def test_a_group_of_one_is_refused_with_its_path():
    problems = _problems(_HEAD + _req("a") + _req("b", "sendiri"))
    assert "service[0].requirement[1].one_of" in problems
    assert "at least 2" in problems["service[0].requirement[1].one_of"]


def test_a_group_split_by_another_item_is_refused_with_its_path():
    problems = _problems(_HEAD + _req("a", "g") + _req("b") + _req("c", "g"))
    assert "service[0].requirement[2].one_of" in problems
    assert "stand together" in problems["service[0].requirement[2].one_of"]


def test_a_group_code_must_be_a_slug():
    problems = _problems(_HEAD + _req("a", "Not A Slug") + _req("b", "Not A Slug"))
    assert {"service[0].requirement[0].one_of", "service[0].requirement[1].one_of"} <= set(
        problems
    )


def test_every_group_problem_is_reported_at_once():
    text = _HEAD + _req("a", "g") + _req("b") + _req("c", "g") + _req("d", "h")
    problems = _problems(text)
    assert {"service[0].requirement[2].one_of", "service[0].requirement[3].one_of"} <= set(
        problems
    )


@pytest.mark.parametrize(
    ("basis", "confidence"),
    [("Perpres 96/2018", "secondary-cited"), ("Perpres 96/2018 Pasal 12", "secondary")],
)
def test_a_citation_must_match_its_confidence(basis, confidence):
    problems = _problems(_HEAD + _req("a", basis=basis, conf=confidence))
    assert "service[0].requirement[0].legal_basis" in problems


def test_a_deadline_citation_must_match_its_confidence():
    text = _HEAD.replace(
        "biometric_in_person = false",
        "biometric_in_person = false\n"
        'deadline = { days = 60, counted_from_id = "x", counted_from_en = "x", '
        'legal_basis = "UU 23/2006", confidence = "secondary-cited", source = "x" }',
    )
    problems = _problems(text + _req("a"))
    assert "service[0].deadline.legal_basis" in problems


def test_the_note_is_needed_in_both_languages():
    problems = _problems(_HEAD + 'requirements_note_id = "tidak ada"\n')
    assert "service[0].requirements_note_en" in problems
    problems = _problems(_HEAD + 'requirements_note = "none"\n')
    assert "service[0].requirements_note" in problems


def test_catalogue_entry_can_be_built_directly():
    entry = CatalogueEntry(
        service="kk/baru",  # type: ignore[arg-type]
        name_id="a",
        name_en="a",
        biometric_in_person=False,
        requirements_note_id="tidak ada",
        requirements_note_en="none",
    )
    assert entry.requirements_note == "none"
    assert entry.requirement_groups() == ()
