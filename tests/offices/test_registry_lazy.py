"""The lazy registry: an office is read when asked for, plugins cannot break the rest."""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable

import pytest
from pydantic import BaseModel

import adminduk
from adminduk.errors import ConfigError, OfficeNotFound
from adminduk.offices import (
    BUILTIN_OFFICES,
    OfficeConfig,
    OfficePluginWarning,
    get_office,
    office_origin,
    offices,
    register,
    registry_errors,
)
from adminduk.offices import _registry as registry_module
from adminduk.offices._registry import _Registry
from tests.builders import builtin_data

from .test_registry import FakeDist, FakeEntryPoint, office, use_plugins

TAMPERED = {"timezone": "America/New_York", "slug": "kabupaten-../../x"}


def counting(calls: list[str], name: str, make: Callable[[], object]) -> Callable[[], object]:
    def load() -> object:
        calls.append(name)
        return make()

    return load


def test_a_lookup_reads_only_its_own_built_in(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = registry_module._builtin
    monkeypatch.setattr(registry_module, "_builtin", lambda code: read.append(code) or real(code))
    use_plugins(monkeypatch)
    get_office("35.14")
    get_office("kabupaten-pasuruan")
    get_office("kota-mataram")  # a built-in slug is known without reading its file
    assert read == ["35.14", "52.71"]
    offices()
    assert sorted(read) == sorted(BUILTIN_OFFICES)


def test_a_plugin_named_after_a_code_is_imported_only_for_that_code(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    use_plugins(
        monkeypatch,
        FakeEntryPoint("99.03", counting(calls, "99.03", office)),
        FakeEntryPoint("99.04", counting(calls, "99.04", lambda: office("99.04", "kabupaten-e"))),
        FakeEntryPoint(
            "unnamed", counting(calls, "unnamed", lambda: office("99.05", "kabupaten-l"))
        ),
    )
    get_office("35.13")
    assert calls == ["unnamed"]  # a plugin without a code may give any code: read first time
    assert get_office("99.03").code == "99.03"
    assert calls == ["unnamed", "99.03"]
    assert get_office("kabupaten-l").code == "99.05"
    get_office("kabupaten-e")  # an unknown slug reads everything
    assert calls == ["unnamed", "99.03", "99.04"]
    offices()
    registry_errors()
    assert len(calls) == 3  # each entry point is loaded once


def test_the_entry_points_are_read_once(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []

    def entry_points() -> list[FakeEntryPoint]:
        reads.append(1)
        return [FakeEntryPoint("99.03", office)]

    monkeypatch.setattr(registry_module, "_entry_points", entry_points)
    for key in ("35.13", "99.03", "52.06", "nope"):
        with contextlib.suppress(OfficeNotFound):
            get_office(key)
    offices()
    assert registry_errors() == ()
    assert reads == [1]


def test_a_plugin_named_after_another_code_is_refused(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_plugins(monkeypatch, FakeEntryPoint("99.07", office))
    with pytest.warns(OfficePluginWarning, match="named '99.07'"), pytest.raises(OfficeNotFound):
        get_office("99.07")
    with pytest.raises(OfficeNotFound):
        get_office("99.03")
    (failure,) = registry_errors()
    assert failure.plugin == "99.07"


@pytest.mark.parametrize(
    "exc", [SystemExit(3), GeneratorExit(), RecursionError("deep"), MemoryError()]
)
def test_anything_a_plugin_raises_is_reported_not_raised(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    def load() -> object:
        raise exc

    use_plugins(monkeypatch, FakeEntryPoint("rusak", load), FakeEntryPoint("99.03", load))
    with pytest.warns(OfficePluginWarning):
        get_office("35.14")
    with pytest.warns(OfficePluginWarning), pytest.raises(OfficeNotFound):
        get_office("99.03")
    assert {f.plugin for f in registry_errors()} == {"rusak", "99.03"}
    assert all(f.error is exc for f in registry_errors())


@pytest.mark.parametrize("name", ["99.03", "tanpa-kode"])
def test_keyboard_interrupt_from_a_plugin_is_raised_once_then_reported(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    tries: list[int] = []

    def load() -> object:
        tries.append(1)
        raise KeyboardInterrupt

    use_plugins(monkeypatch, FakeEntryPoint(name, load))
    with pytest.raises(KeyboardInterrupt):
        get_office("99.03")
    for _ in range(3):  # never raised again, never tried again
        with pytest.warns(OfficePluginWarning) if _ == 0 else contextlib.nullcontext():
            assert get_office("35.14").code == "35.14"
        assert adminduk.advise("35.14", "kk/baru", at=dt.datetime(2020, 3, 23, 10))
        assert adminduk.offices()
        (failure,) = registry_errors()
        assert "KeyboardInterrupt" in failure.message
    assert tries == [1]


def test_a_broken_entry_point_table_is_reported(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    def entry_points() -> list[FakeEntryPoint]:
        raise SystemExit("metadata")

    monkeypatch.setattr(registry_module, "_entry_points", entry_points)
    with pytest.warns(OfficePluginWarning, match="SystemExit"):
        assert get_office("35.13").code == "35.13"
    (failure,) = registry_errors()
    assert failure.plugin == "*"


def test_a_re_entrant_plugin_builds_on_a_built_in(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load() -> object:
        # What a plugin module may do at import: start from the built-in and replace it.
        base = get_office("35.13")
        assert base.replaces is None
        assert office_origin(base) is None  # not settled yet: the plugin is still loading
        return base.model_copy(update={"replaces": "35.13", "name": "Dinas (2026)"})

    dist = FakeDist("adminduk-probolinggo", "2.0")
    use_plugins(monkeypatch, FakeEntryPoint("35.13", load, value="p:OFFICE", dist=dist))
    monkeypatch.setenv("ADMINDUK_REPLACE_BUILTIN", "*")
    with pytest.warns(adminduk.offices.BuiltinReplacedWarning):
        found = get_office("35.13")
    assert found.name == "Dinas (2026)"
    assert get_office("kabupaten-probolinggo") is found
    assert registry_errors() == ()
    origin = office_origin(found)
    assert origin is not None
    assert origin.replaces_builtin
    assert origin.package == "adminduk-probolinggo 2.0"
    assert str(origin) == (
        "plugin '35.13' (p:OFFICE, from adminduk-probolinggo 2.0), replacing the built-in office"
    )


def test_an_unnamed_re_entrant_plugin_gets_no_false_warning(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load() -> object:
        get_office("52.71")
        return office()

    use_plugins(monkeypatch, FakeEntryPoint("tiga", load))
    assert get_office("99.03").code == "99.03"  # pytest turns any warning into an error
    assert registry_errors() == ()


def test_register_validates_the_office_again(fresh_registry: _Registry) -> None:
    tampered = BaseModel.model_copy(office(), update=TAMPERED)  # pydantic's, unchecked
    with pytest.raises(ConfigError) as caught:
        register(tampered)
    assert {p.path for p in caught.value.problems} == {"slug", "timezone"}
    with pytest.raises(OfficeNotFound):
        get_office("99.03")


def test_the_public_model_copy_checks_the_update() -> None:
    with pytest.raises(ConfigError) as caught:
        office().model_copy(update=TAMPERED)
    assert {p.path for p in caught.value.problems} == {"slug", "timezone"}


def test_a_plugin_office_is_validated_again(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = builtin_data("35.13")
    raw["replaces"] = "35.13"
    tampered = BaseModel.model_copy(OfficeConfig.model_validate(raw), update=TAMPERED)
    use_plugins(monkeypatch, FakeEntryPoint("35.13", lambda: tampered))
    with pytest.warns(OfficePluginWarning, match="America/New_York"):
        found = get_office("35.13")
    assert found.timezone == "Asia/Jakarta"
    assert str(office_origin(found)) == "built-in"
    (failure,) = registry_errors()
    assert isinstance(failure.error, ConfigError)


def test_office_origin(fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    use_plugins(monkeypatch, FakeEntryPoint("tiga", office))
    assert str(office_origin(get_office("35.13"))) == "built-in"
    plugin = office_origin(get_office("99.03"))
    assert str(plugin) == "plugin 'tiga' (fake_plugin:OFFICE)"
    assert plugin is not None
    assert plugin.package == "fake_plugin:OFFICE"
    assert not plugin.replaces_builtin
    added = office("99.08", "kabupaten-d")
    register(added)
    assert str(office_origin(added)) == "register()"
    assert office_origin(added.model_copy()) is None
    assert office_origin("35.13") is None  # type: ignore[arg-type]


def run_fresh(code: str, *flags: str) -> str:
    out = subprocess.run(
        [sys.executable, *flags, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_under_w_error_a_healthy_lookup_survives_a_plugin_that_exits() -> None:
    code = """
        from adminduk.offices import _registry

        class Exiting:
            name, value, dist = "rusak", "rusak:OFFICE", None

            def load(self):
                raise SystemExit(1)

        _registry._entry_points = lambda: [Exiting()]
        print(_registry.get_office("35.14").code, len(_registry.registry_errors()))
    """
    assert run_fresh(code, "-W", "error") == "35.14 1"


def test_first_lookups_from_many_threads_in_a_fresh_process() -> None:
    # Catalogue, registry and calendars are all read for the first time by racing threads;
    # a race once made the catalogue report "UnknownService: 'kk/baru'".
    code = """
        import datetime as dt, sys, threading
        import adminduk

        sys.setswitchinterval(1e-6)
        barrier = threading.Barrier(16)
        errors, answers = [], []
        services = ["kk/baru", "kk/perubahan", "ktp-el/baru", "akta-kelahiran/baru"]
        codes = ["35.04", "35.13", "35.14", "52.06", "52.71", "99.01", "kota-mataram"]

        def work(i):
            barrier.wait()
            try:
                at = dt.datetime(2020, 3, 24, 10)
                advice = adminduk.advise(codes[i % len(codes)], services[i % len(services)], at)
                answers.append((codes[i % len(codes)], advice.office_code))
            except BaseException as exc:
                errors.append(repr(exc))

        threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(len(answers), errors, adminduk.registry_errors())
    """
    for _ in range(3):
        assert run_fresh(code) == "16 [] ()"


def test_every_public_lookup_still_works_after_adminduk_is_imported_alone() -> None:
    assert adminduk.get_office("99.01").is_fictional


def test_keyboard_interrupt_while_reading_entry_points_passes(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    def entry_points() -> list[FakeEntryPoint]:
        raise KeyboardInterrupt

    monkeypatch.setattr(registry_module, "_entry_points", entry_points)
    with pytest.raises(KeyboardInterrupt):
        get_office("35.13")
    use_plugins(monkeypatch)
    assert get_office("35.13").code == "35.13"  # read again on the next lookup


def test_a_plugins_own_message_is_redacted_in_the_report(
    fresh_registry: _Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load() -> object:
        raise ValueError("NIK 3514011203850007 tidak dikenal, hubungi 0812-3456-7890")

    use_plugins(monkeypatch, FakeEntryPoint("bocor", load))
    with pytest.warns(OfficePluginWarning) as caught:
        get_office("35.14")
    (failure,) = registry_errors()
    for shown in (failure.message, str(failure), str(caught[0].message)):
        assert "3514011203850007" not in shown
        assert "81234567890" not in shown
        assert "3514**********07" in shown
