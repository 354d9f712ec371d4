import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from adminduk import Action, DocumentType, Service, UnknownService, catalogue, redact


def test_parse_and_constructor_agree():
    assert Service.parse("kk/perubahan") == Service(DocumentType.KK, Action.CHANGE)
    assert Service("kk", "perubahan") == Service(DocumentType.KK, Action.CHANGE)
    assert hash(Service.parse("kk/perubahan")) == hash(Service("kk", "perubahan"))


def test_fields_and_text():
    service = Service.parse("akta-kelahiran/baru")
    assert service.document is DocumentType.BIRTH_CERTIFICATE
    assert service.action is Action.NEW
    assert service.code == str(service) == "akta-kelahiran/baru"
    assert repr(service) == "Service('akta-kelahiran/baru')"


def test_parse_tolerates_case_and_blanks():
    assert Service.parse("  KTP-EL/Cetak-Ulang ") == Service("ktp-el", "cetak-ulang")


def test_parse_returns_a_service_unchanged():
    service = Service.parse("kk/baru")
    assert Service.parse(service) is service


def test_is_frozen():
    service = Service.parse("kk/baru")
    with pytest.raises(AttributeError):
        service.action = Action.CHANGE  # type: ignore[misc]


def test_ordering_is_by_document_then_action():
    services = sorted([Service.parse("kk/perubahan"), Service.parse("kk/baru")])
    assert [s.code for s in services] == ["kk/baru", "kk/perubahan"]


def test_unknown_action_suggests_close_matches():
    with pytest.raises(UnknownService) as info:
        Service.parse("ktp-el/terbang")
    assert info.value.value == "ktp-el/terbang"
    assert info.value.suggestions
    assert all(s.startswith("ktp-el/") for s in info.value.suggestions)
    assert "did you mean" in str(info.value)


def test_suggestions_come_in_the_catalogue_order_in_every_process():
    # Ties ("akta" is in each of them) are broken by the catalogue file's order, not by the
    # order of a set, which changes with the process's string hashing.
    with pytest.raises(UnknownService) as info:
        Service.parse("akta")
    assert info.value.suggestions == (
        "akta-kelahiran/baru",
        "akta-kelahiran/cetak-ulang",
        "akta-kematian/baru",
    )


def test_a_service_is_checked_suggested_and_named_without_the_catalogue_or_the_matcher():
    import os
    import subprocess
    import sys

    code = (
        "import sys, adminduk\n"
        "service = adminduk.Service.parse('kk/baru')\n"
        "print(service.name('en'))\n"
        "try: adminduk.Service.parse('kk/terbang')\n"
        "except adminduk.UnknownService as err: print(*err.suggestions)\n"
        "try: adminduk.Service.parse('mau cetak ulang KTP')\n"
        "except adminduk.UnknownService as err: print(*err.suggestions)\n"
        "print(*sorted(m for m in sys.modules if m.startswith('adminduk.documents.')))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    name, close, words, modules = result.stdout.splitlines()
    assert name == "Family card (KK): first issuance"
    assert close.split() == ["kk/perubahan", "kk/baru", "kk/cetak-ulang"]
    assert words.split() == ["ktp-el/cetak-ulang"]
    assert modules.split() == [
        "adminduk.documents._reading",
        "adminduk.documents._services",
        "adminduk.documents._vocabulary",
    ]


def test_known_words_but_unknown_pair():
    with pytest.raises(UnknownService, match="no such document/action pair"):
        Service(DocumentType.KIA, Action.CORRECTION)


@pytest.mark.parametrize("text", ["", "kk", "kk/", "/baru", "kk//baru", "ktp el/baru"])
def test_malformed_text(text):
    with pytest.raises(UnknownService):
        Service.parse(text)


@pytest.mark.parametrize("value", [None, 42, b"kk/baru", ("kk", "baru")])
def test_non_text_is_rejected_with_unknown_service(value):
    with pytest.raises(UnknownService):
        Service.parse(value)


@pytest.mark.parametrize("entry", list(catalogue()), ids=lambda e: e.code)
def test_round_trip_of_every_catalogue_code(entry):
    assert Service.parse(entry.service.code) == entry.service
    assert Service.parse(entry.code.upper()) == entry.service


@given(st.text())
@example("0" * 201)  # kept to its first 200 characters
@example("3513014501900001")  # a NIK-shaped number is kept masked
def test_arbitrary_text_raises_only_unknown_service(text):
    try:
        service = Service.parse(text)
    except UnknownService as err:
        # What an error keeps is the text redacted and cut at 200 characters: it may be logged.
        assert err.value == redact(text[:200])
    else:
        assert service.code in catalogue().codes


@given(st.sampled_from(list(DocumentType)), st.sampled_from(list(Action)))
def test_every_pair_is_a_service_exactly_when_the_catalogue_has_it(document, action):
    code = f"{document}/{action}"
    if code in catalogue():
        assert Service(document, action).code == code
    else:
        with pytest.raises(UnknownService):
            Service(document, action)


class _Form(BaseModel):
    service: Service


def test_pydantic_field_validates_and_serialises_the_code():
    form = _Form.model_validate({"service": "kk/perubahan"})
    assert form.service == Service.parse("kk/perubahan")
    assert form.model_dump() == {"service": "kk/perubahan"}
    assert _Form.model_validate_json(form.model_dump_json()) == form


def test_pydantic_field_rejects_unknown_services_with_the_suggestion():
    with pytest.raises(ValidationError, match="did you mean"):
        _Form.model_validate({"service": "kk/ubah"})


def test_pydantic_json_schema_lists_the_codes():
    schema = _Form.model_json_schema()["properties"]["service"]
    assert "kk/perubahan" in schema["enum"]
