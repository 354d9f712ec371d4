import pytest

from adminduk import (
    Catalogue,
    Confidence,
    ConfigError,
    DocumentType,
    Service,
    UnknownService,
    catalogue,
)
from adminduk.documents._catalogue import _load
from adminduk.documents._services import known_codes

REQUIRED = [
    "ktp-el/baru",
    "ktp-el/cetak-ulang",
    "ktp-el/perubahan",
    "kk/baru",
    "kk/perubahan",
    "kk/cetak-ulang",
    "kia/baru",
    "akta-kelahiran/baru",
    "akta-kelahiran/cetak-ulang",
    "akta-kematian/baru",
    "akta-perkawinan/baru",
    "akta-perceraian/baru",
    "skpwni/baru",
    "sktt/baru",
    "biodata/pembetulan",
    "biodata/sinkronisasi",
]


def test_catalogue_holds_every_required_service():
    assert set(REQUIRED) <= catalogue().codes


def test_catalogue_is_cached_and_a_sequence():
    cat = catalogue()
    assert cat is catalogue()
    assert isinstance(cat, Catalogue)
    assert len(cat) == len(list(cat)) == len(cat.services)
    assert cat[0].code == "ktp-el/baru"
    assert [e.code for e in cat[:2]] == ["ktp-el/baru", "ktp-el/cetak-ulang"]
    assert repr(cat) == f"<Catalogue of {len(cat)} services>"


def test_lookup_by_code_and_by_service():
    cat = catalogue()
    assert cat["kk/perubahan"] is cat[Service.parse("kk/perubahan")]
    assert Service.parse("kk/baru") in cat
    assert 3 not in cat
    with pytest.raises(UnknownService):
        cat["kk/terbang"]


def test_every_requirement_has_a_legal_basis_and_a_source():
    for entry in catalogue():
        for req in entry.requirements:
            assert req.legal_basis.strip(), (entry.code, req.code)
            assert req.source.strip(), (entry.code, req.code)
            assert req.name_id.strip() and req.name_en.strip()
            assert req.origin == "national"


def test_an_empty_checklist_always_says_why_in_both_languages():
    for entry in catalogue():
        if not entry.requirements:
            assert entry.requirements_note_id and entry.requirements_note_en
            assert entry.requirements_note == entry.requirements_note_en


def test_biometric_capture_only_for_first_ktp_el():
    assert [e.code for e in catalogue() if e.biometric_in_person] == ["ktp-el/baru"]


@pytest.mark.parametrize(
    ("code", "days", "basis", "confidence"),
    [
        ("akta-kelahiran/baru", 60, "UU 24/2013 Pasal 27 ayat (1)", Confidence.PRIMARY),
        ("akta-kematian/baru", 30, "UU 24/2013 Pasal 44 ayat (1)", Confidence.PRIMARY),
        ("akta-perkawinan/baru", 60, "UU 23/2006 Pasal 34 ayat (1)", Confidence.SECONDARY_CITED),
        ("akta-perceraian/baru", 60, "UU 23/2006 Pasal 40 ayat (1)", Confidence.SECONDARY_CITED),
        ("sktt/baru", 14, "UU 23/2006 Pasal 20 ayat (1)", Confidence.SECONDARY_CITED),
        ("ktp-el/cetak-ulang", 14, "UU 24/2013 Pasal 64 ayat (9)", Confidence.PRIMARY),
    ],
)
def test_national_reporting_deadlines(code, days, basis, confidence):
    deadline = catalogue()[code].deadline
    assert deadline is not None
    assert (deadline.days, deadline.legal_basis, deadline.confidence) == (days, basis, confidence)


def test_services_without_a_legal_deadline_have_none():
    assert catalogue()["kk/perubahan"].deadline is None


def test_ktp_el_baru_rests_on_uu_24_2013_and_perpres_96_2018():
    reqs = {r.code: r for r in catalogue()["ktp-el/baru"].requirements}
    assert reqs["usia-wajib-ktp"].legal_basis == "UU 24/2013 Pasal 63 ayat (1)"
    assert reqs["usia-wajib-ktp"].confidence is Confidence.PRIMARY
    assert reqs["kk"].legal_basis == "Perpres 96/2018 Pasal 15"


def test_sktt_rests_on_perpres_pasal_28():
    reqs = {r.code for r in catalogue()["sktt/baru"].requirements}
    assert reqs == {"dokumen-perjalanan", "kitas"}


def test_names_in_both_languages():
    entry = catalogue()["kia/baru"]
    assert entry.name("id") == entry.name_id
    assert entry.name("en") == entry.name_en
    req = entry.requirements[0]
    assert req.name("en") == req.name_en and req.name() == req.name_id
    assert catalogue().document_name(DocumentType.KK) == "Kartu Keluarga (KK)"
    assert catalogue().action_name("baru", "en") == "first issuance"


def test_confidence_flags():
    assert Confidence.PRIMARY.is_verified_article
    assert not Confidence.SECONDARY.is_verified_article


def test_expand_wildcards():
    cat = catalogue()
    assert [s.code for s in cat.expand("kk/*")] == ["kk/baru", "kk/perubahan", "kk/cetak-ulang"]
    assert cat.expand(" KK/Baru ") == (Service.parse("kk/baru"),)
    with pytest.raises(UnknownService) as info:
        cat.expand("kkk/*")
    assert "kk/*" in info.value.suggestions
    with pytest.raises(UnknownService):
        cat.expand(None)  # type: ignore[arg-type]


# --------------------------------------------------------------------- the file's validation
_NAMES = """
[documents]
kk = { name_id = "KK", name_en = "KK" }
[actions]
baru = { name_id = "baru", name_en = "new" }
"""


def test_loader_reports_every_problem_with_its_path():
    text = (
        _NAMES
        + """
[[service]]
code = "kk/baru"
name_id = ""
name_en = "New KK"
biometric_in_person = "maybe"
[[service.requirement]]
code = "Not A Slug"
name_id = "x"
name_en = "x"
legal_basis = ""
confidence = "rumour"
source = "x"
"""
    )
    with pytest.raises(ConfigError) as info:
        _load(text, "test.toml")
    paths = {p.path for p in info.value.problems}
    assert {
        "service[0].name_id",
        "service[0].biometric_in_person",
        "service[0].requirement[0].code",
        "service[0].requirement[0].legal_basis",
        "service[0].requirement[0].confidence",
    } <= paths
    assert info.value.source == "test.toml"


def test_loader_rejects_bad_toml_duplicates_and_silent_empty_checklists():
    with pytest.raises(ConfigError, match="not valid TOML"):
        _load("[[service]", "x")
    with pytest.raises(ConfigError, match="documents"):
        _load("", "x")
    dup = (
        _NAMES
        + """
[[service]]
code = "kk/baru"
name_id = "a"
name_en = "a"
biometric_in_person = false
[[service]]
code = "kk/baru"
name_id = "a"
name_en = "a"
biometric_in_person = false
"""
    )
    with pytest.raises(ConfigError) as info:
        _load(dup, "x")
    messages = " ".join(p.message for p in info.value.problems)
    assert "duplicate service codes" in messages
    assert "requirements_note_id and requirements_note_en" in messages


def test_loader_rejects_duplicate_requirement_codes():
    text = (
        _NAMES
        + """
[[service]]
code = "kk/baru"
name_id = "a"
name_en = "a"
biometric_in_person = false
"""
    )
    req = """
[[service.requirement]]
code = "kk"
name_id = "x"
name_en = "x"
legal_basis = "UU"
confidence = "primary"
source = "x"
"""
    with pytest.raises(ConfigError, match="duplicate requirement codes"):
        _load(text + req + req, "x")


def test_loading_another_file_leaves_the_package_codes_intact():
    before = set(known_codes())
    text = (
        _NAMES
        + """
[[service]]
code = "kk/baru"
name_id = "a"
name_en = "a"
biometric_in_person = false
requirements_note_id = "tidak ada"
requirements_note_en = "none"
"""
    )
    small = _load(text, "x")
    assert small.codes == {"kk/baru"}
    assert known_codes() == before


def test_a_file_loading_in_one_thread_leaves_the_codes_of_another_alone():
    import threading

    from adminduk.documents._services import codes_in_force

    with codes_in_force(["kk/baru"]):
        seen = []
        thread = threading.Thread(target=lambda: seen.append(known_codes()))
        thread.start()
        thread.join()
        assert seen == [catalogue().codes]
        assert known_codes() == {"kk/baru"}
    assert known_codes() == catalogue().codes


def test_the_first_load_from_many_threads_in_a_fresh_process():
    import subprocess
    import sys

    code = (
        "import sys, threading\n"
        "sys.setswitchinterval(1e-6)\n"
        "from adminduk.documents import Service, catalogue\n"
        "barrier = threading.Barrier(16); seen, errors = [], []\n"
        "def work():\n"
        "    barrier.wait()\n"
        "    try: seen.append((Service.parse('kk/baru').code, id(catalogue())))\n"
        "    except BaseException as exc: errors.append(repr(exc))\n"
        "threads = [threading.Thread(target=work) for _ in range(16)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(seen), len({c for _, c in seen}), errors)\n"
    )
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.stdout.strip() == "16 1 []", out.stderr
