"""The pytest plugin: ``pytest --adminduk-office=office.toml``, as an office's IT staff run it."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import babel.dates  # noqa: F401  (see below)
import pytest

import adminduk
import adminduk.testing
from adminduk.testing import _plugin, pytest_plugin
from tests.builders import conforming_data

from .common import BROKEN, EXAMPLE, MALFORMED

# pytester's in-process runs drop from sys.modules whatever was first imported inside them,
# babel among it (the property runs render replies), while the reply renderer keeps the Locale
# objects it made: a later reply in the same worker then meets two Locale classes ("Unexpected
# value for identifier: Locale('id')"). Imported here, babel is there before any such run.
pytest_plugins = ["pytester"]

FAST = "--adminduk-examples=5"
ITEMS = 14  # loads, 10 checks, 3 properties


def test_the_plugin_is_installed_as_a_pytest11_entry_point() -> None:
    found = {ep.name: ep.value for ep in metadata.entry_points(group="pytest11")}
    assert found.get("adminduk") == "adminduk.testing.pytest_plugin", (
        "reinstall adminduk (pip install -e .) so that pytest finds the plugin"
    )


def test_importing_the_plugin_is_cheap() -> None:
    # pytest imports it in every run on a machine where adminduk is installed. Only the packages
    # and their lazy-name helper (adminduk._core.lazy: importlib and sys, and the collector's
    # pause, adminduk._core.collector: gc and _thread, in the bottom package, whose __init__
    # imports nothing) may load.
    code = (
        "import sys, json, adminduk.testing.pytest_plugin;"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('hypothesis', 'pydantic', 'holidays', 'babel', 'phonenumbers') or "
        "(m.startswith('adminduk.') and m not in ('adminduk.testing', "
        "'adminduk.testing.pytest_plugin', 'adminduk._core', 'adminduk._core.lazy', "
        "'adminduk._core.collector')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_the_entry_point_modules_run_under_coverage_too() -> None:
    # pytest imports entry-point plugins before pytest-cov starts, so the top level of these
    # modules ran unmeasured; running it again here is harmless (no state, same names) and
    # lets coverage see it.
    for module in (adminduk, adminduk.testing, pytest_plugin):
        assert importlib.reload(module) is module
    assert adminduk.testing.check_office is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        adminduk.testing.nope  # noqa: B018
    assert "check_office" in dir(adminduk.testing)


def test_without_the_option_the_plugin_does_nothing(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_one():\n    assert True\n")
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(passed=1)
    assert "adminduk office" not in result.stdout.str()


def test_the_help_names_the_options(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess("--help")
    result.stdout.fnmatch_lines(["*--adminduk-office=PATH*", "*--adminduk-examples=N*"])


def test_the_example_office_passes(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess(f"--adminduk-office={EXAMPLE}", FAST)
    result.assert_outcomes(passed=ITEMS)
    result.stdout.fnmatch_lines(
        [
            f"adminduk office: {EXAMPLE}",
            f"collected {ITEMS} items",
            "*adminduk office findings*",
            "2 info finding(s) not shown; run with -v to see them",
        ]
    )
    out = result.stdout.str()
    assert f"{EXAMPLE}::check[whatsapp]: warning: policies[0].channels[0].address: " in out


def test_verbose_runs_list_the_items_and_the_infos(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess(f"--adminduk-office={EXAMPLE}", FAST, "-v")
    out = result.stdout.str()
    for item in ("loads", "check[routes]", "property[advise]"):
        assert f"{EXAMPLE}::{item} PASSED" in out
    assert "check[timezone]: info: code: 99.01 is a fictional code" in out


def test_a_relative_path_and_selection_by_keyword(pytester: pytest.Pytester) -> None:
    (pytester.path / "office.toml").write_text(EXAMPLE.read_text(encoding="utf-8"))
    pytester.makepyfile("def test_own():\n    assert True\n")
    result = pytester.runpytest_inprocess("--adminduk-office=office.toml", "-k", "check or own")
    result.assert_outcomes(passed=11, deselected=4)
    result.stdout.fnmatch_lines(["office.toml .......... *", "test_a_relative_path*.py . *"])


def test_the_broken_office_fails_check_by_check(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess(f"--adminduk-office={BROKEN}", "-k", "not property")
    result.assert_outcomes(passed=8, failed=3, deselected=3)
    out = result.stdout.str()
    for line in (
        "error: policies[0]: under policy 'pintu-tertutup' nobody can apply for",
        "error: policies[0].fulfilment[0].originals_checked: originals are checked",
        f"FAILED {BROKEN}::check[routes]",
        f"FAILED {BROKEN}::check[hours]",
        f"{BROKEN}::check[addresses]: warning: address: the office's street address is unknown",
    ):
        assert line in out


def test_a_property_that_fails_shows_its_counterexample(pytester: pytest.Pytester) -> None:
    # The office repository's own hypothesis profile applies (here: no shrinking, for speed;
    # derandomized, so the run that must find the counterexample always draws the same cases).
    pytester.makeconftest(
        "from hypothesis import Phase, settings\n"
        "settings.register_profile('quick', phases=[Phase.generate], max_examples=20,"
        " derandomize=True)\n"
        "settings.load_profile('quick')\n"
    )
    result = pytester.runpytest_inprocess(
        f"--adminduk-office={BROKEN}", "-k", "property and routes"
    )
    result.assert_outcomes(failed=1, deselected=13)
    assert "under policy 'pintu-tertutup'" in result.stdout.str()
    assert "every_service_has_a_route(" in result.stdout.str()  # the counterexample
    assert "service=parse('" in result.stdout.str()


def test_a_file_that_does_not_load_fails_once_and_skips_the_rest(
    pytester: pytest.Pytester,
) -> None:
    result = pytester.runpytest_inprocess(f"--adminduk-office={MALFORMED}", "-rs")
    result.assert_outcomes(failed=1, skipped=ITEMS - 1)
    out = result.stdout.str()
    assert "error: timezone: Nusa Tenggara Barat keeps WITA: Asia/Makassar" in out
    assert f"malformed.toml does not load (see {MALFORMED}::loads)" in out


def test_a_missing_file_is_reported_not_crashed_on(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess("--adminduk-office=nowhere.toml")
    result.assert_outcomes(failed=1, skipped=ITEMS - 1)
    result.stdout.fnmatch_lines(["*cannot read the file*"])


def test_several_offices_in_one_run(pytester: pytest.Pytester) -> None:
    office = pytester.path / "uji.json"
    office.write_text(json.dumps(conforming_data()), encoding="utf-8")
    result = pytester.runpytest_inprocess(
        f"--adminduk-office={EXAMPLE}", "--adminduk-office=uji.json", "-k", "not property"
    )
    result.assert_outcomes(passed=22, deselected=6)


def test_findings_reach_the_reports(pytester: pytest.Pytester) -> None:
    recorder = pytester.inline_run(f"--adminduk-office={EXAMPLE}", "-k", "whatsapp")
    (report,) = [r for r in recorder.getreports("pytest_runtest_logreport") if r.when == "call"]
    assert report.passed
    assert [name for name, _ in report.user_properties] == ["adminduk-warning"]


def test_no_findings_no_summary(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_inprocess(f"--adminduk-office={EXAMPLE}", "-k", "loads")
    result.assert_outcomes(passed=1, deselected=ITEMS - 1)
    assert "adminduk office findings" not in result.stdout.str()


def test_without_hypothesis_the_properties_skip(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_plugin, "_has_hypothesis", lambda: False)
    result = pytester.runpytest_inprocess(f"--adminduk-office={EXAMPLE}", "-rs")
    result.assert_outcomes(passed=ITEMS - 3, skipped=3)
    result.stdout.fnmatch_lines(["*hypothesis is not installed*"])


def test_the_readme_command_works_from_a_clean_directory(tmp_path: Path) -> None:
    # What an office's IT staff run in their own repository, in a fresh process.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", f"--adminduk-office={EXAMPLE}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{ITEMS} passed" in result.stdout
