"""find_services: chat text to catalogue services, on a labelled set and on its invariants."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import adminduk
from adminduk import OutOfRange, Service, UnknownService, catalogue, find_services
from adminduk.documents import MIN_COVERAGE, MIN_SCORE, ServiceMatch
from adminduk.documents._reading import _file, _stems, _Vocabulary
from adminduk.errors import ConfigError
from tests.documents.chat_phrases import labelled
from tests.threads import same_in_threads


def top(text: str) -> str | None:
    matches = find_services(text)
    return matches[0].service.code if matches else None


def test_the_labelled_set_is_large_and_covers_every_service_and_off_topic_text() -> None:
    rows = labelled()
    assert len(rows) >= 150
    codes = {code for code, _ in rows}
    assert codes >= {entry.service.code for entry in catalogue()}
    assert sum(code is None for code, _ in rows) >= 30


def test_top_1_accuracy_on_the_labelled_set_is_at_least_95_percent() -> None:
    rows = labelled()
    misses = [(code, text, top(text)) for code, text in rows if top(text) != code]
    assert len(misses) / len(rows) <= 0.05, misses


def test_off_topic_text_matches_nothing() -> None:
    matched = [(text, find_services(text)) for code, text in labelled() if code is None]
    assert [item for item in matched if item[1]] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("mau cetak ulang KTP", "ktp-el/cetak-ulang"),
        ("e-ktp hilang", "ktp-el/cetak-ulang"),
        ("ktp hlang", "ktp-el/cetak-ulang"),
        ("KTP-el RUSAK!!!", "ktp-el/cetak-ulang"),
        ("akta klahiran", "akta-kelahiran/baru"),
        ("mau bikin akte lahir anak", "akta-kelahiran/baru"),
        ("kk nambah anak", "kk/perubahan"),
        ("NIK tidak terdaftar", "biodata/sinkronisasi"),
        ("data tidak padan", "biodata/sinkronisasi"),
        ("salah ketik nama", "biodata/pembetulan"),
        ("KTP anak", "kia/baru"),
        ("kartu anak", "kia/baru"),
        ("SKPWNI", "skpwni/baru"),
        ("pindah domisili", "skpwni/baru"),
        ("umur 17 mau rekam ktp", "ktp-el/baru"),
        ("kartu keluarga hilang", "kk/cetak-ulang"),
        ("bapak meninggal", "akta-kematian/baru"),
    ],
)
def test_the_issue_cases(text: str, code: str) -> None:
    assert top(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "jadwal sholat maghrib",
        "harga beras",
        "selamat pagi",
        "assalamualaikum",
        "perpanjang SIM",
        "sim hilang",
        "paspor hilang",
        "mau bikin paspor",
        "dompet hilang",
        "lampu jalan mati",
        "",
        "   ",
        "!!!",
        "3513014501900001",
    ],
)
def test_other_business_matches_nothing(text: str) -> None:
    assert find_services(text) == ()


def test_a_bare_code_is_its_service_with_score_1() -> None:
    assert find_services(" KK/Perubahan ") == (
        ServiceMatch(Service.parse("kk/perubahan"), 1.0, "kk/perubahan"),
    )
    # A slash that is not a code is read as words.
    assert top("ktp/hilang") == "ktp-el/cetak-ulang"


def test_every_phrase_of_the_vocabulary_finds_its_own_service_first() -> None:
    for code, phrases in _file()["services"].items():  # type: ignore[attr-defined]
        for phrase in phrases:
            assert top(phrase) == code, phrase


def test_matches_report_the_phrase_as_written_in_the_files() -> None:
    data = _file()
    written = {p for ps in data["services"].values() for p in ps}  # type: ignore[attr-defined]
    documents = {*data["documents"], *data["events"]}  # type: ignore[misc]
    combined = {f"{d} + {a}" for d in documents for a in data["actions"]}  # type: ignore[attr-defined]
    for _, text in labelled():
        for match in find_services(text):
            assert match.phrase in written | documents | combined


def test_limit_cuts_the_list_and_scores_come_best_first() -> None:
    many = find_services("akta", limit=10) + find_services("ganti data ktp kk", limit=10)
    assert all(MIN_SCORE <= m.score <= 1 for m in many)
    assert len(find_services("ganti data ktp kk", limit=1)) == 1


@pytest.mark.no_cover
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.integers(1, 5))
def test_any_text_gives_distinct_services_best_first_within_bounds(text: str, limit: int) -> None:
    matches = find_services(text, limit=limit)
    assert len(matches) <= limit
    assert len({m.service for m in matches}) == len(matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(MIN_SCORE <= m.score <= 1 for m in matches)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(labelled()), st.sampled_from(["", "!", "?", " ", "...", "  "]))
def test_case_and_punctuation_do_not_change_the_answer(
    row: tuple[str | None, str], end: str
) -> None:
    _, text = row
    assert find_services(text.upper() + end) == find_services(text)


def test_an_office_adds_its_local_names() -> None:
    office = adminduk.get_office("35.13")
    data = office.model_dump(mode="json")
    data["service_phrases"] = {"kk/baru": ["aplikasi SIPRAKOSO"]}
    local = adminduk.OfficeConfig.model_validate(data)
    assert find_services("siprakoso") == ()
    match = find_services("siprakoso", phrases=local.service_phrases)[0]
    assert (match.service.code, match.phrase) == ("kk/baru", "aplikasi SIPRAKOSO")
    # The base vocabulary is unchanged by a call with extra phrases.
    assert find_services("siprakoso") == ()


def test_an_office_file_with_a_bad_service_in_its_local_names_is_refused() -> None:
    data = adminduk.get_office("35.13").model_dump(mode="json")
    data["service_phrases"] = {"kk/hilang": ["x"]}
    with pytest.raises(ConfigError, match="service_phrases"):
        adminduk.OfficeConfig.model_validate(data)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"text": None}, OutOfRange),
        ({"text": b"ktp hilang"}, OutOfRange),
        ({"text": "ktp " * 2000}, OutOfRange),
        ({"text": "ktp hilang", "limit": 0}, OutOfRange),
        ({"text": "ktp hilang", "limit": True}, OutOfRange),
        ({"text": "ktp hilang", "limit": "3"}, OutOfRange),
        ({"text": "ktp hilang", "phrases": ["kk/baru"]}, OutOfRange),
        ({"text": "ktp hilang", "phrases": {"kk/baru": "one string"}}, OutOfRange),
        ({"text": "ktp hilang", "phrases": {"kk/baru": [1]}}, OutOfRange),
        ({"text": "ktp hilang", "phrases": {"kk/terbang": ["x"]}}, UnknownService),
    ],
)
def test_bad_input_gets_a_library_error(kwargs: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        find_services(**kwargs)  # type: ignore[arg-type]


def test_a_long_text_is_refused_without_echoing_it() -> None:
    with pytest.raises(OutOfRange) as info:
        find_services("NIK 3513014501900001 " * 300)
    assert "3513014501900001" not in str(info.value)


def test_a_broken_vocabulary_file_lists_every_problem() -> None:
    data = {
        "words": {"ktp": ["ktp", "!!"], "kk": ["ktp"]},
        "ignore": {"words": ["mau"]},
        "foreign": {"words": ["sim"]},
        "services": {"ktp-el/terbang": ["ktp"], "kk/baru": ["mau"]},
    }
    with pytest.raises(ConfigError) as info:
        _Vocabulary(data, {})
    paths = [problem.path for problem in info.value.problems]
    assert paths == ["words.ktp", "words.kk", "services.ktp-el/terbang", "services.kk/baru"]


def test_stems_restore_the_consonant_a_nasal_prefix_swallowed() -> None:
    assert "tambah" in set(_stems("menambahkan"))
    assert "urus" in set(_stems("pengurusan"))
    assert "lahir" in set(_stems("kelahiran"))


def test_threads_get_the_serial_answers() -> None:
    assert same_in_threads([partial(find_services, text) for _, text in labelled()])


def test_coverage_guard_is_stricter_than_the_score() -> None:
    assert 0 < MIN_SCORE < MIN_COVERAGE <= 1


def test_the_word_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from adminduk.documents import _reading

    vocabulary = _Vocabulary(_file(), {})
    monkeypatch.setattr(_reading, "_CACHE_LIMIT", 3)
    for word in ["ktp", "hlang", "kluarga", "akte", "zzzz"]:
        vocabulary._correct(word)
    assert len(vocabulary._cache) <= 3
    assert vocabulary.reading("ktp hlang").ranked[0][0] == "ktp-el/cetak-ulang"


@pytest.mark.parametrize(
    ("text", "first"),
    [("mau cetak ulang KTP", "ktp-el/cetak-ulang"), ("e-ktp hilang", "ktp-el/cetak-ulang")],
)
def test_service_parse_suggests_what_free_text_is_about(text: str, first: str) -> None:
    with pytest.raises(UnknownService) as caught:
        Service.parse(text)
    assert caught.value.suggestions[0] == first
    Service.parse(caught.value.suggestions[0])  # a suggestion is a code that parses
