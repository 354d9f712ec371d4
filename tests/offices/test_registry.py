"""The registry: built-ins loaded lazily, plugins one by one, conflicts refused, never guessed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import adminduk
from adminduk.errors import ConfigError, OfficeNotFound
from adminduk.offices import (
    BUILTIN_OFFICES,
    REPLACE_BUILTIN_ENV,
    BuiltinReplacedWarning,
    OfficeConfig,
    OfficePluginWarning,
    PluginFailure,
    get_office,
    offices,
    register,
    registry_errors,
    validate_office,
)
from adminduk.offices import _registry as registry_module
from adminduk.offices._registry import _Registry
from tests.builders import builtin_data, office_data


@dataclass
class FakeDist:
    name: str
    version: str


@dataclass
class FakeEntryPoint:
    """Quacks like importlib.metadata.EntryPoint: name, value, dist, load()."""

    name: str
    target: Callable[[], object]
    value: str = "fake_plugin:OFFICE"
    dist: FakeDist | None = None

    def load(self) -> object:
        return self.target()


def office(code: str = "99.03", slug: str = "kabupaten-tiga", **extra: Any) -> OfficeConfig:
    return validate_office(office_data(code=code, slug=slug, **extra))


def use_plugins(monkeypatch: pytest.MonkeyPatch, *entry_points: FakeEntryPoint) -> None:
    monkeypatch.setattr(registry_module, "_entry_points", lambda: list(entry_points))


def _raise(exc: BaseException) -> Callable[[], object]:
    def load() -> object:
        raise exc

    return load


# -- lookups --------------------------------------------------------------------------------------
def test_every_built_in_answers_to_code_and_slug() -> None:
    for code in BUILTIN_OFFICES:
        found = get_office(code)
        assert found.code == code
        assert get_office(found.slug) is found
        assert get_office(f"  {found.slug.upper()} ") is found
    assert get_office(found) is found  # an office passes through


def test_offices_lists_every_office_in_code_order() -> None:
    codes = [o.code for o in offices()]
    assert codes == sorted(codes)
    assert set(BUILTIN_OFFICES) <= set(codes)
    assert adminduk.offices() == offices()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("probolinggo", "kota-probolinggo"),  # both carry it; the name is the city's
        ("Kabupaten Probolinggo", "kabupaten-probolinggo"),
        ("mataram", "kota-mataram"),
        ("kota-matram", "kota-mataram"),
        ("35.1", "35.13"),
        # Codes no kabupaten/kota has (a real one gets its baseline office).
        ("35.30", "35.14"),
        ("3530", "35.14"),
        ("52.70", "52.71"),
    ],
)
def test_not_found_suggests_close_matches(query: str, first: str) -> None:
    with pytest.raises(OfficeNotFound) as caught:
        get_office(query)
    assert caught.value.suggestions[0] == first
    assert query in str(caught.value)
    # Every suggestion is something get_office accepts; the labels name both keys.
    for suggestion, label in zip(caught.value.suggestions, caught.value.labels, strict=True):
        office = get_office(suggestion)
        assert office.code in label
        assert office.slug in label


def test_an_unknown_code_suggests_the_same_province_first() -> None:
    with pytest.raises(OfficeNotFound) as caught:
        get_office("52.99")
    assert caught.value.suggestions[:2] == ("52.71", "52.06")


def test_a_code_without_its_dot_is_the_code() -> None:
    assert get_office("3513") is get_office("35.13")
    assert get_office(" 5271 ") is get_office("52.71")


def test_a_huge_number_or_a_deep_list_still_gets_office_not_found() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    for query in (10**5000, deep):
        with pytest.raises(OfficeNotFound) as caught:
            get_office(query)  # type: ignore[arg-type]
        assert len(str(caught.value)) < 200


@pytest.mark.parametrize("query", ["52.72"])
def test_codes_of_same_named_cities_are_not_built_in(query: str) -> None:
    office = get_office(query)
    assert office.baseline and office.region.startswith("Kota ")
    assert office.code not in BUILTIN_OFFICES


def test_kota_probolinggo_is_its_own_office_not_the_kabupaten() -> None:
    kota, kabupaten = get_office("kota-probolinggo"), get_office("kabupaten-probolinggo")
    assert (kota.code, kabupaten.code) == ("35.74", "35.13")
    assert kota.region == "Kota Probolinggo" and not kota.baseline


def test_kota_pasuruan_is_its_own_office_not_the_kabupaten() -> None:
    kota, kabupaten = get_office("kota-pasuruan"), get_office("kabupaten-pasuruan")
    assert (kota.code, kabupaten.code) == ("35.75", "35.14")
    assert kota.region == "Kota Pasuruan" and not kota.baseline


@pytest.mark.parametrize("query", ["", "zzzz", "99.99", "35.13.19.2001"])
def test_unknown_codes_and_slugs_are_refused(query: str) -> None:
    with pytest.raises(OfficeNotFound):
        get_office(query)


@pytest.mark.parametrize("query", [3513, None, ["35.13"]])
def test_not_a_string(query: Any) -> None:
    with pytest.raises(OfficeNotFound) as caught:
        get_office(query)
    assert caught.value.suggestions == ()


def test_adminduk_offices_is_both_the_package_and_the_function() -> None:
    import subprocess
    import sys

    code = (
        "import adminduk; n = len(adminduk.offices()); import adminduk.offices as pkg; "
        "from adminduk.offices import offices as f; from adminduk import offices as g; "
        "assert n == len(pkg()) == len(f()) == len(g()) == len(adminduk.offices()); "
        "assert adminduk.offices.get_office('35.13').code == '35.13'; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_repeated_lookups_return_the_same_object() -> None:
    assert get_office("35.13") is get_office("35.13")


# -- register() -----------------------------------------------------------------------------------
def test_register_adds_an_office(fresh_registry: _Registry) -> None:
    new = office()
    register(new)
    assert get_office("99.03") is new
    assert get_office("kabupaten-tiga") is new
    assert new in offices()


def test_register_refuses_a_taken_code(fresh_registry: _Registry) -> None:
    raw = builtin_data("35.13")
    with pytest.raises(ConfigError) as caught:
        register(validate_office(raw))
    (problem,) = caught.value.problems
    assert problem.path == "code"
    assert "declare replaces = '35.13'" in problem.message
    assert get_office("35.13").replaces is None


def test_register_replaces_an_office_that_declares_it(fresh_registry: _Registry) -> None:
    raw = builtin_data("35.13")
    raw["replaces"] = "35.13"
    raw["name"] = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo (2025)"
    replacement = validate_office(raw)
    with pytest.raises(ConfigError, match="replace_builtin=True"):
        register(replacement)  # a built-in office: only with the explicit opt-in
    assert get_office("35.13").replaces is None
    with pytest.warns(BuiltinReplacedWarning, match="built-in office 35.13"):
        register(replacement, replace_builtin=True)
    assert get_office("35.13") is replacement
    assert get_office("kabupaten-probolinggo") is replacement
    again = validate_office({**raw, "name": "Dinas (2026)"})
    register(again)  # an application may replace its own replacement
    assert get_office("35.13") is again


def test_register_refuses_a_slug_of_another_office(fresh_registry: _Registry) -> None:
    with pytest.raises(ConfigError) as caught:
        register(office(code="99.03", slug="kabupaten-probolinggo"))
    (problem,) = caught.value.problems
    assert problem.path == "slug"
    assert "already names code 35.13" in problem.message
    with pytest.raises(OfficeNotFound):
        get_office("99.03")


def test_register_takes_only_office_configs(fresh_registry: _Registry) -> None:
    with pytest.raises(ConfigError, match="register\\(\\) takes an OfficeConfig"):
        register(office_data())  # type: ignore[arg-type]


# -- plugins --------------------------------------------------------------------------------------
def test_a_plugin_may_be_an_office_or_a_path(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "kabupaten-empat.toml"
    path.write_text(
        'code = "99.04"\nslug = "kabupaten-empat"\nname = "Dinas Empat"\n'
        'region = "Kabupaten Empat"\nprovince = "Provinsi Empat"\n'
        'timezone = "Asia/Makassar"\nsource = "fictional test office"\n',
        encoding="utf-8",
    )
    other = tmp_path / "kabupaten-lima.json"
    other.write_text(
        validate_office(office_data(code="99.05", slug="kabupaten-lima")).model_dump_json(),
        encoding="utf-8",
    )
    use_plugins(
        monkeypatch,
        FakeEntryPoint("tiga", lambda: office()),
        FakeEntryPoint("empat", lambda: path),
        FakeEntryPoint("lima", lambda: str(other)),
    )
    codes = [o.code for o in offices()]
    assert {"99.03", "99.04", "99.05"} <= set(codes)
    assert registry_errors() == ()


def test_broken_plugins_are_reported_by_name_and_the_rest_load(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad_file = tmp_path / "bad.toml"
    bad_file.write_text('code = "35.13"\n', encoding="utf-8")
    dist = FakeDist("adminduk-dukcapil-rusak", "1.2.3")
    use_plugins(
        monkeypatch,
        FakeEntryPoint(
            "import-error", _raise(ModuleNotFoundError("No module named 'x'")), dist=dist
        ),
        FakeEntryPoint("wrong-type", lambda: 42),
        FakeEntryPoint("invalid-file", lambda: bad_file),
        FakeEntryPoint("missing-file", lambda: tmp_path / "nope.toml"),
        FakeEntryPoint("good", lambda: office()),
    )
    with pytest.warns(OfficePluginWarning) as warned:
        assert get_office("99.03").code == "99.03"
    failures = {f.plugin: f for f in registry_errors()}
    assert set(failures) == {"import-error", "wrong-type", "invalid-file", "missing-file"}
    assert len(warned) == 4
    broken = failures["import-error"]
    assert broken.distribution == "adminduk-dukcapil-rusak 1.2.3"
    assert isinstance(broken.error, ModuleNotFoundError)
    assert str(broken) == (
        "office plugin 'import-error' (fake_plugin:OFFICE, from adminduk-dukcapil-rusak 1.2.3): "
        "ModuleNotFoundError: No module named 'x'"
    )
    assert "resolves to a int" in failures["wrong-type"].message
    invalid = failures["invalid-file"]
    assert isinstance(invalid.error, ConfigError)
    assert "slug: required, but missing" in invalid.message
    assert "cannot read the file" in failures["missing-file"].message
    assert len(offices()) >= len(BUILTIN_OFFICES) + 1  # the built-ins survive


def test_a_plugin_cannot_silently_take_a_built_in_code(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    clash = validate_office(builtin_data("52.06"))
    use_plugins(monkeypatch, FakeEntryPoint("bima-lain", lambda: clash))
    with pytest.warns(OfficePluginWarning, match="already registered"):
        found = get_office("52.06")
    assert found is not clash
    (failure,) = registry_errors()
    assert "declare replaces = '52.06'" in failure.message


def test_a_plugin_replaces_a_built_in_when_it_declares_it(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = builtin_data("52.06")
    raw["replaces"] = "52.06"
    replacement = validate_office(raw)
    use_plugins(monkeypatch, FakeEntryPoint("bima-2025", lambda: replacement))
    monkeypatch.setenv(REPLACE_BUILTIN_ENV, "35.13, 52.06")
    with pytest.warns(BuiltinReplacedWarning, match="replaced by plugin 'bima-2025'"):
        assert get_office("52.06") is replacement
    assert registry_errors() == ()


def test_a_plugin_replaces_a_built_in_only_with_the_deployers_opt_in(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The red team's plugin: replaces = "35.14", an entry point not named after the code,
    # and a phishing channel. Without the setting it is refused and reported.
    raw = builtin_data("35.14")
    raw["replaces"] = "35.14"
    replacement = validate_office(raw)
    use_plugins(monkeypatch, FakeEntryPoint("apa-saja", lambda: replacement))
    monkeypatch.setenv(REPLACE_BUILTIN_ENV, "35.13")  # another code: not this one
    with pytest.warns(OfficePluginWarning, match="ADMINDUK_REPLACE_BUILTIN=35.14"):
        found = get_office("35.14")
    assert found is not replacement
    (failure,) = registry_errors()
    assert "is a built-in office" in failure.message


def test_two_plugins_claiming_one_code_are_both_refused(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_plugins(
        monkeypatch,
        FakeEntryPoint("a", lambda: office()),
        FakeEntryPoint("b", lambda: office(name="Dinas lain")),
    )
    with pytest.warns(OfficePluginWarning), pytest.raises(OfficeNotFound):
        get_office("99.03")
    assert {f.plugin for f in registry_errors()} == {"a", "b"}
    assert all("none is registered" in f.message for f in registry_errors())


def test_one_replacing_plugin_wins_over_a_plain_claim(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    winner = office(replaces="99.03")
    use_plugins(
        monkeypatch,
        FakeEntryPoint("plain", lambda: office()),
        FakeEntryPoint("replacing", lambda: winner),
    )
    with pytest.warns(OfficePluginWarning, match="which replaces it"):
        assert get_office("99.03") is winner
    assert [f.plugin for f in registry_errors()] == ["plain"]


def test_two_replacing_plugins_are_both_refused(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = builtin_data("35.04")
    raw["replaces"] = "35.04"
    use_plugins(
        monkeypatch,
        FakeEntryPoint("x", lambda: validate_office(raw)),
        FakeEntryPoint("y", lambda: validate_office(raw)),
    )
    with pytest.warns(OfficePluginWarning, match="all declare that they replace it"):
        found = get_office("35.04")
    assert found.replaces is None  # the built-in stays
    assert {f.plugin for f in registry_errors()} == {"x", "y"}


def test_a_replacement_cannot_be_replaced_by_another_plugin(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = office(replaces="99.03")
    use_plugins(monkeypatch, FakeEntryPoint("first", lambda: first))
    assert get_office("99.03") is first
    # Plugins are settled in one pass, so a second round only happens through register().
    current = fresh_registry._offices["99.03"]
    second = registry_module._Candidate(office(replaces="99.03"), "plugin 'second'")
    holder, rejected = registry_module._settle("99.03", current, [second], taken={})
    assert holder is current
    assert [message for _, message in rejected] == [
        "code 99.03 is already replaced by plugin 'first'"
    ]


def test_plugins_may_not_share_a_slug(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_plugins(
        monkeypatch,
        FakeEntryPoint("a", lambda: office(code="99.05", slug="kabupaten-sama")),
        FakeEntryPoint("b", lambda: office(code="99.06", slug="kabupaten-sama")),
        FakeEntryPoint("c", lambda: office(code="99.71", slug="kota-mataram")),
    )
    with pytest.warns(OfficePluginWarning):
        offices()
    messages = {f.plugin: f.message for f in registry_errors()}
    assert "claimed for more than one code" in messages["a"]
    assert "claimed for more than one code" in messages["b"]
    assert "already names code 52.71" in messages["c"]


def test_a_warnings_filter_of_error_never_makes_a_lookup_raise(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_plugins(monkeypatch, FakeEntryPoint("broken", lambda: 42))
    # pytest runs with filterwarnings = error: the warning is dropped, the failure kept.
    assert get_office("35.13").code == "35.13"
    assert len(offices()) == len(BUILTIN_OFFICES)
    assert [f.plugin for f in registry_errors()] == ["broken"]


def test_each_failure_is_warned_once(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_plugins(monkeypatch, FakeEntryPoint("broken", lambda: 42))
    with pytest.warns(OfficePluginWarning) as warned:
        get_office("35.13")
    get_office("35.14")  # any second warning would be an error under filterwarnings = error
    offices()
    registry_errors()
    assert len(warned) == 1


def test_first_use_from_many_threads_loads_once(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = registry_module._builtin

    def counting(code: str) -> OfficeConfig:
        calls.append(code)
        return real(code)

    monkeypatch.setattr(registry_module, "_builtin", counting)
    results: list[OfficeConfig] = []
    barrier = threading.Barrier(8)

    def worker() -> None:
        barrier.wait()
        results.append(get_office("kabupaten-bima"))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(result is results[0] for result in results)
    assert calls == ["52.06"]  # only the office asked for is read


def test_plugin_failure_without_distribution() -> None:
    failure = PluginFailure("x", "m:a", None, "boom")
    assert str(failure) == "office plugin 'x' (m:a): boom"


def test_registry_table_matches_the_data_files() -> None:
    from importlib import resources

    files = {
        f.name
        for f in resources.files("adminduk.offices").joinpath("data").iterdir()
        if f.name.endswith(".toml")
    }
    assert files == set(BUILTIN_OFFICES.values()), "built-in table and data/ disagree"
    for code, name in BUILTIN_OFFICES.items():
        assert name.startswith(code.replace(".", "") + "-" + get_office(code).slug)
