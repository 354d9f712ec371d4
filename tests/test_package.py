"""The package as a whole: its public surface, its import cost, its command."""

import importlib.metadata
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import adminduk

ROOT = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves():
    for name in adminduk.__all__:
        assert getattr(adminduk, name) is not None, name


def test_all_matches_the_lazy_table():
    assert set(adminduk.__all__) == set(adminduk._LAZY) | {"__version__"}


def test_unknown_attribute_raises_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        adminduk.Nope  # noqa: B018


def test_dir_lists_the_public_surface():
    assert set(adminduk.__all__) <= set(dir(adminduk))


def test_version_comes_from_package_metadata():
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", adminduk.__version__)


def test_import_is_lazy():
    code = (
        "import sys, json, adminduk;"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('holidays','babel','phonenumbers','pydantic','dateutil') or m == 'adminduk.cli')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```(?:bash|sh)\n(.+?)\n```", readme)
    assert len(commands) == 2, "README must give exactly two set-up commands"
    assert commands[1] in ci.splitlines()


def test_python_dash_m_runs_the_command():
    out = subprocess.run(
        [sys.executable, "-m", "adminduk", "services"], capture_output=True, text=True, check=True
    )
    assert "ktp-el/baru" in out.stdout


def test_a_first_reply_loads_only_what_it_needs():
    # The cold start of `adminduk advise`: a WhatsApp channel's link trusts the number its
    # office file checked (no phonenumbers), an ISO 8601 --at needs no dateutil, and no
    # library model is built before it is used (so pydantic never scans for its plugins).
    code = (
        "import sys, json, adminduk\n"
        "adminduk.get_office('35.13')\n"
        "built = 'pydantic.plugin._loader' in sys.modules\n"
        "from adminduk.cli import main\n"
        "main(['advise', '35.14', 'kk/perubahan', '--at', '2020-03-24 10:00'])\n"
        "print(json.dumps([built, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('phonenumbers', 'dateutil'))]), file=sys.stderr)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "https://wa.me/6281359547692" in out.stdout
    assert json.loads(out.stderr.strip().splitlines()[-1]) == [False, []]


def test_the_installed_command_is_the_console_entry():
    # The console entry tells the collector the process is ending; main() does not.
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="adminduk")
    assert script.value == "adminduk.cli:console"
