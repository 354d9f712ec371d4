"""Precomputed package data and the lazy start-up path (issue 13, item 6: cold start).

The built-in offices and the catalogue are served from pickles only while each is the form of
its validated source; these tests hold every pickle equal to its source and show that anything
else (an edited source, a damaged or foreign pickle) is validated instead. The start-up path is
checked by what it imports, in a fresh process: timings live in benchmarks/bench_import.py.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import _law
from adminduk._core import precomputed
from adminduk.documents import Action, Catalogue, DocumentType, catalogue
from adminduk.documents import _catalogue as catalogue_module
from adminduk.documents import _services as services_module
from adminduk.offices import (
    BUILTIN_OFFICES,
    OfficeConfig,
    get_office,
    load_office,
)
from adminduk.offices._registry import precomputed_depends, precomputed_name

OFFICES = resources.files("adminduk.offices").joinpath("data")
DOCUMENTS = resources.files("adminduk.documents").joinpath("data")
REGENERATE = "run: python scripts/precompute_data.py"


def _catalogue_from_source() -> Catalogue:
    text = DOCUMENTS.joinpath(catalogue_module.CATALOGUE_FILE).read_text("utf-8")
    return catalogue_module._load(text, "catalogue.toml")


# -- every precomputed form is its source's ---------------------------------------------------
def _depends() -> list[bytes]:
    return [path.read_bytes() for path in precomputed_depends()]


@pytest.mark.parametrize("code", sorted(BUILTIN_OFFICES))
def test_every_precomputed_office_is_its_validated_file(code: str) -> None:
    source = OFFICES.joinpath(BUILTIN_OFFICES[code])
    served = precomputed.read(
        OFFICES.joinpath(precomputed_name(code)), source.read_bytes(), OfficeConfig, _depends()
    )
    assert served is not None, (
        f"{precomputed_name(code)} is not the form of its file; {REGENERATE}"
    )
    validated = load_office(source)
    assert served == validated, REGENERATE
    # Equality leaves out which fields the file set; what is written back out depends on it.
    assert served.model_dump(exclude_unset=True) == validated.model_dump(exclude_unset=True)
    # The calendar is kept with the office (equality leaves it out too): the one built now.
    assert "calendar_spec" in vars(served), REGENERATE
    assert vars(served)["calendar_spec"] == validated.calendar_spec, REGENERATE


def test_an_office_form_is_not_served_once_the_national_law_changes() -> None:
    code = "35.13"
    source = OFFICES.joinpath(BUILTIN_OFFICES[code]).read_bytes()
    form = OFFICES.joinpath(precomputed_name(code))
    assert precomputed.read(form, source, OfficeConfig, _depends()) is not None
    edited = [data + b"\n# edited\n" for data in _depends()]
    assert precomputed.read(form, source, OfficeConfig, edited) is None
    assert precomputed.read(form, source, OfficeConfig) is None


def test_the_precomputed_catalogue_is_its_validated_file() -> None:
    source = DOCUMENTS.joinpath(catalogue_module.CATALOGUE_FILE)
    served = precomputed.read(
        DOCUMENTS.joinpath(catalogue_module.PRECOMPUTED_CATALOGUE), source.read_bytes(), Catalogue
    )
    assert served is not None, f"the catalogue is not precomputed from its file; {REGENERATE}"
    validated = _catalogue_from_source()
    assert list(served) == list(validated), REGENERATE
    assert served.codes == validated.codes
    for lang in ("id", "en"):
        for document in DocumentType:
            assert served.document_name(document, lang) == validated.document_name(document, lang)
        for action in Action:
            assert served.action_name(action, lang) == validated.action_name(action, lang)


def test_the_precomputed_table_of_services_is_the_file_and_the_validated_catalogue() -> None:
    source = DOCUMENTS.joinpath(services_module.CATALOGUE_FILE)
    served = precomputed.read(
        DOCUMENTS.joinpath(services_module.PRECOMPUTED_SERVICES),
        source.read_bytes(),
        services_module.ServiceTable,
    )
    assert served is not None, f"the table of services is not precomputed; {REGENERATE}"
    assert served == services_module.read(source.read_text("utf-8"), "catalogue.toml"), REGENERATE
    assert services_module.table() == served
    # The table a Service is checked and named by says what the validated catalogue says.
    validated = _catalogue_from_source()
    assert served.codes == tuple(entry.code for entry in validated)
    assert served.known == validated.codes
    for entry in validated:
        for lang in ("id", "en"):
            own = entry.action_names
            action = (
                validated.action_name(entry.service.action, lang)
                if own is None
                else own.name(lang)
            )
            assert served.action_name(entry.code, lang) == action
            document = entry.service.document
            assert served.document_name(document, lang) == validated.document_name(document, lang)


def test_the_precomputed_table_of_national_days_is_the_file() -> None:
    from adminduk.schedule import _national

    data = resources.files("adminduk.schedule").joinpath("data")
    source = data.joinpath(_national.TABLE_FILE)
    served = precomputed.read(
        data.joinpath(_national.PRECOMPUTED_TABLE), source.read_bytes(), dict
    )
    assert served is not None, f"the table of national days is not precomputed; {REGENERATE}"
    assert served == _national.read_table(source.read_text("utf-8")), REGENERATE
    assert _national._table() in (served, None)  # None: another holidays is installed


def test_the_registry_and_the_catalogue_serve_what_the_files_say() -> None:
    for code, name in BUILTIN_OFFICES.items():
        assert get_office(code) == load_office(OFFICES.joinpath(name))
    assert list(catalogue()) == list(_catalogue_from_source())


# -- anything but the form of the source as it is now is validated instead --------------------
@pytest.fixture
def office_copy(tmp_path: Path) -> tuple[Path, Path]:
    name = BUILTIN_OFFICES["35.13"]
    source = tmp_path / name
    target = tmp_path / "office.pickle"
    shutil.copyfile(str(OFFICES.joinpath(name)), source)
    shutil.copyfile(str(OFFICES.joinpath(precomputed_name("35.13"))), target)
    return source, target


def _load(source: Path, target: Path) -> tuple[OfficeConfig, bool]:
    built: list[bool] = []

    def build() -> OfficeConfig:
        built.append(True)
        return load_office(source)

    office = precomputed.load(source, target, OfficeConfig, build, precomputed_depends())
    return office, bool(built)


def test_an_untouched_copy_is_served_without_validation(office_copy: tuple[Path, Path]) -> None:
    office, validated = _load(*office_copy)
    assert office.code == "35.13"
    assert not validated


def test_an_edited_file_is_validated_not_served_from_its_old_form(
    office_copy: tuple[Path, Path],
) -> None:
    source, target = office_copy
    before = 'name = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo"'
    text = source.read_text("utf-8")
    assert before in text
    source.write_text(text.replace(before, 'name = "Dinas Dukcapil Probolinggo"'), "utf-8")
    office, validated = _load(source, target)
    assert validated
    assert office.name == "Dinas Dukcapil Probolinggo"


def test_an_edit_that_breaks_the_file_is_reported_not_hidden(
    office_copy: tuple[Path, Path],
) -> None:
    from adminduk.errors import ConfigError

    source, target = office_copy
    source.write_text(source.read_text("utf-8") + '\nslug = "twice"\n', "utf-8")
    with pytest.raises(ConfigError):
        _load(source, target)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"not a pickle at all", id="garbage"),
        pytest.param(
            lambda data: data.replace(b"OfficeConfig", b"OfficeConfiX"), id="moved-class"
        ),
    ],
)
def test_a_damaged_form_is_validated_instead(
    office_copy: tuple[Path, Path], damage: object
) -> None:
    source, target = office_copy
    target.write_bytes(damage(target.read_bytes()))  # type: ignore[operator]
    office, validated = _load(source, target)
    assert validated
    assert office == load_office(source)


def test_a_missing_form_or_source_is_validated_in_its_own_terms(
    office_copy: tuple[Path, Path],
) -> None:
    from adminduk.errors import ConfigError

    source, target = office_copy
    target.unlink()
    assert _load(source, target)[1]
    source.unlink()
    with pytest.raises(ConfigError, match="cannot read the file"):
        _load(source, target)


def test_a_form_of_another_format_or_kind_is_not_served(office_copy: tuple[Path, Path]) -> None:
    source, target = office_copy
    raw = source.read_bytes()
    value = load_office(source)
    header = {
        "format": precomputed.FORMAT + 1,
        "sha256": pickle.loads(target.read_bytes())["sha256"],
    }
    target.write_bytes(pickle.dumps(header) + pickle.dumps(value))
    assert precomputed.read(target, raw, OfficeConfig) is None
    target.write_bytes(precomputed.dumps(raw, "an office, honestly"))
    assert precomputed.read(target, raw, OfficeConfig) is None
    target.write_bytes(precomputed.dumps(raw, value))
    assert precomputed.read(target, raw, OfficeConfig) == value


@given(st.binary(max_size=64), st.binary(max_size=64))
def test_a_form_is_served_for_exactly_the_bytes_it_was_made_from(made: bytes, now: bytes) -> None:
    stored = precomputed.dumps(made, ("value", made))
    path_like = _Bytes(stored)
    found = precomputed.read(path_like, now, tuple)
    assert (found is not None) == (made == now)
    if found is not None:
        assert found == ("value", made)


class _Bytes:
    """A Traversable stand-in holding its bytes in memory (hypothesis runs many examples)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def open(self, mode: str = "rb") -> object:
        import io

        return io.BytesIO(self._data)


# -- the national law is served as its file says -----------------------------------------------
def test_the_precomputed_national_law_is_its_validated_file() -> None:
    data = resources.files("adminduk._law")
    source = data.joinpath(_law.LAW_FILE)
    served = precomputed.read(
        data.joinpath(_law.PRECOMPUTED_LAW), source.read_bytes(), _law.NationalLaw
    )
    assert served is not None, f"national.toml is not precomputed; {REGENERATE}"
    assert served == _law.parse_law(source.read_text("utf-8")), REGENERATE
    assert _law.national_law() == served


def _declared_readers() -> dict[str, tuple[object, tuple[str, ...]]]:
    import importlib
    import pkgutil

    import adminduk

    for module in pkgutil.walk_packages(adminduk.__path__, "adminduk."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)  # each declares its readers on import
    return dict(_law.READERS)


def test_every_declared_reader_is_precomputed_as_its_validation_now() -> None:
    readers = _declared_readers()
    passed, values = _law._precomputed()
    assert passed, f"national.toml's sections are not precomputed; {REGENERATE}"
    assert sorted(values) == sorted([*readers, _law.SOURCES_KEY]), REGENERATE
    law = _law.parse_law(resources.files("adminduk._law").joinpath(_law.LAW_FILE).read_text())
    assert pickle.loads(values[_law.SOURCES_KEY]) == _law.validate_sources(law), REGENERATE
    assert _law.national_law().sources == _law.validate_sources(law)
    for key, (model, names) in readers.items():
        assert pickle.loads(values[key]) == _law.validate(model, names, law), (key, REGENERATE)  # type: ignore[arg-type]
        assert _law.sections(model, *names) == pickle.loads(values[key])  # type: ignore[arg-type]


def test_the_national_checks_pass_where_the_precomputed_form_says_they_passed() -> None:
    from adminduk.offices._national_checks import national_problems

    assert _law.checks_passed()
    assert national_problems() == []


def test_an_edited_national_file_serves_nothing_precomputed_and_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = resources.files("adminduk._law")
    (tmp_path / "precomputed").mkdir()
    for name in (_law.LAW_FILE, _law.PRECOMPUTED_LAW, _law.PRECOMPUTED_SECTIONS):
        shutil.copyfile(str(package.joinpath(name)), tmp_path / name)
    monkeypatch.setattr(_law, "_package", lambda: tmp_path)
    assert _law._precomputed.__wrapped__()[0]  # the copy, untouched, is its own form
    source = tmp_path / _law.LAW_FILE
    source.write_text(source.read_text("utf-8") + "\n# edited\n", "utf-8")
    assert _law._precomputed.__wrapped__() == (False, {})
    for damage in (b"", b"not a pickle", precomputed.dumps(source.read_bytes(), ("x",))):
        (tmp_path / _law.PRECOMPUTED_SECTIONS).write_bytes(damage)
        assert _law._precomputed.__wrapped__() == (False, {})


def test_a_first_advice_validates_no_national_section_and_runs_no_national_check() -> None:
    result = _fresh(
        "from adminduk import _law\n"
        "from adminduk.offices import _national_checks\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError('validated or checked again')\n"
        "_law.validate = refuse\n"
        "_national_checks.national_problems = refuse\n"
        "from adminduk.cli import main\n"
        "main(['advise', '35.14', 'kk/perubahan', '--at', '2020-03-24 10:00'])\n"
        "main(['offices'])\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Pasuruan" in result.stdout


# -- the start-up path: what a first get_office imports --------------------------------------
def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


NOT_ON_THE_FIRST_LOOKUP = (
    "adminduk.documents._catalogue",  # served precomputed with the office: no service checks
    "adminduk.documents._matching",
    "adminduk.documents._reading",
    "adminduk.documents._names",
    "adminduk.offices._baseline",  # baseline offices only
    "adminduk.offices._checks",  # validation only
    "adminduk.offices._national",  # no day is decided
    "adminduk.offices._national_facts",  # nor a national fact read (their models unbuilt)
    "adminduk.offices._origins",
    "adminduk.offices._requirements",
    "adminduk.regions",  # baseline offices only
    "adminduk.schedule._calendar",  # no day is computed
    "adminduk.schedule._cuti_bersama",  # an office's default is precomputed with it
    "adminduk.schedule._national",
    "adminduk.schedule._national_hours",  # the calendar is precomputed with the office
)


def test_a_first_get_office_validates_nothing_and_loads_only_what_it_needs() -> None:
    result = _fresh(
        "import sys, adminduk\n"
        "office = adminduk.get_office('35.13')\n"
        "print(office.code)\n"
        "print(*sorted(m for m in sys.modules if m.startswith('adminduk')))"
    )
    assert result.returncode == 0, result.stderr
    code, modules = result.stdout.splitlines()
    assert code == "35.13"
    loaded = set(modules.split())
    assert not {m for m in loaded for lazy in NOT_ON_THE_FIRST_LOOKUP if m.startswith(lazy)}


# What a first answer from a built-in office needs none of: package metadata (building a
# pydantic validator first reads every installed package's entry points, for pydantic's plugins;
# the registry reads its own group without it), importlib.resources (package data is read by
# plain path), a JSON parser (the national days are precomputed), the baseline offices' models.
NOT_ON_THE_FIRST_ANSWER = (
    "importlib.metadata",
    "importlib.resources",
    "json",
    "adminduk.offices._baseline",
)


def test_a_first_answer_builds_no_validator_and_reads_no_package_metadata() -> None:
    result = _fresh(
        "import sys\n"
        f"lazy = {NOT_ON_THE_FIRST_ANSWER!r}\n"
        "import adminduk\n"
        "adminduk.get_office('35.13')\n"
        "print([m for m in lazy if m in sys.modules])\n"
        "from adminduk.cli import main\n"
        "main(['advise', '35.14', 'kk/perubahan', '--at', '2020-03-24 10:00'])\n"
        "print([m for m in lazy if m in sys.modules])"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [lines[0], lines[-1]] == ["[]", "[]"]


def test_a_first_get_office_reads_no_national_fact() -> None:
    result = _fresh(
        "import adminduk\n"
        "adminduk.get_office('35.13')\n"
        "from adminduk import _law\n"
        "print(_law._read.cache_info().currsize)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0"]


def test_a_class_loaded_on_first_use_shows_its_public_path_whichever_way_it_is_reached() -> None:
    result = _fresh(
        "from adminduk.documents._names import NameFinding\n"
        "from adminduk.offices._origins import OfficeOrigin\n"
        "from adminduk.schedule._calendar import DayInfo\n"
        "from adminduk.documents._catalogue import Catalogue\n"
        "print(NameFinding.__module__, OfficeOrigin.__module__, DayInfo.__module__, "
        "Catalogue.__module__)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "adminduk.documents",
        "adminduk.offices",
        "adminduk.schedule",
        "adminduk.documents",
    ]


@pytest.mark.parametrize(
    ("package", "lazy"),
    [
        ("adminduk.documents", ("catalogue", "check_name", "find_services", "Requirement")),
        ("adminduk.offices", ("diff_requirements", "OfficeOrigin", "PluginFailure")),
        ("adminduk.schedule", ("OfficeCalendar", "national_days", "ClosedDay")),
    ],
)
def test_a_name_loaded_on_first_use_is_listed_and_an_unknown_one_is_refused(
    package: str, lazy: tuple[str, ...]
) -> None:
    import importlib

    module = importlib.import_module(package)
    assert set(lazy) <= set(dir(module))
    assert set(lazy) <= set(module.__all__)
    for name in lazy:
        assert getattr(module, name) is getattr(module, name)
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'nothing'"):
        module.nothing  # noqa: B018


@pytest.mark.parametrize(
    "package", ["adminduk.documents", "adminduk.offices", "adminduk.schedule"]
)
def test_every_public_name_of_a_package_with_lazy_names_resolves(package: str) -> None:
    # Its lazy names are listed by hand (its __getattr__ cannot import to find them): a name in
    # __all__ that no table or import provides would fail only when first used.
    result = _fresh(
        f"import {package} as p\n"
        "missing = [n for n in p.__all__ if not hasattr(p, n)]\n"
        "print(*missing)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
