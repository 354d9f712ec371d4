"""The real console script, in a subprocess: what only a process shows.

The installed ``adminduk`` executable runs and dispatches, exits with the codes it documents,
writes UTF-8, survives a reader that leaves early, and ``python -m adminduk`` is the same
command. What each subcommand answers is tested in-process (``run_main``, as in
``test_commands.py``): a subprocess per answer would start the interpreter for nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLE_OFFICE, ROOT, console_script, run_main, run_script


def test_offices():
    run = run_script("offices")
    assert run.code == 0, run.err
    assert any(line.startswith("35.13  kabupaten-probolinggo") for line in run.out.splitlines())


def test_services():
    run = run_main("services", "--lang", "en", "--json")
    assert run.code == 0, run.err
    assert "kk/perubahan" in {entry["service"] for entry in json.loads(run.out)}


def test_advise():
    run = run_script("advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00")
    assert run.code == 0, run.err
    assert "https://wa.me/6281359547692" in run.out


def test_advise_json_in_english_is_utf8():
    run = run_script("advise", "52.71", "kia/baru", "--at", "26/3/2020 09.00", "--json")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert data["channels"][0]["address"] == "+6287761489446"
    assert any("4×6" in r["name_id"] for r in data["requirements"])


def test_hours():
    run = run_main("hours", "35.13", "--week", "2020-03-25")
    assert run.code == 0, run.err
    assert "Hari Suci Nyepi (libur nasional)" in run.out


def test_requirements():
    run = run_main("requirements", "52.71", "kk/perubahan", "--at", "2020-03-25", "--diff")
    assert run.code == 0, run.err
    assert "+ berkas-asli-saat-pengambilan" in run.out


def test_schema():
    run = run_main("schema")
    assert run.code == 0, run.err
    assert json.loads(run.out)["title"] == "adminduk office file"


def test_export():
    run = run_main("export", "52.06", "--format", "jsonld")
    assert run.code == 0, run.err
    types = {node["@type"] for node in json.loads(run.out)["@graph"]}
    assert {"GovernmentOffice", "GovernmentService", "SpecialAnnouncement"} <= types


def test_export_cpsv_ap_loads_in_rdflib():
    from rdflib import Graph

    run = run_main("export", "35.14", "--format", "cpsv-ap")
    assert run.code == 0, run.err
    graph = Graph().parse(data=run.out, format="turtle")
    assert len(graph) > 500


def test_check_a_good_file_exits_0():
    run = run_script("check", str(EXAMPLE_OFFICE))
    assert run.code == 0, run.out + run.err
    assert run.out.startswith(f"{EXAMPLE_OFFICE}: ok")


def test_check_a_broken_file_exits_1(tmp_path):
    bad = tmp_path / "kabupaten-rusak.toml"
    bad.write_text('code = "35.13"\nslug = "probolinggo"\n', encoding="utf-8")
    run = run_main("check", str(bad))
    assert run.code == 1
    assert run.out.splitlines()[0].startswith(f"{bad}: FAIL")
    assert "slug: code 35.13 is a kabupaten" in run.out
    assert run.err == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["advise", "probolinggo", "kk/baru"],
        ["advise", "35.14", "kk/baru", "--at", "besok pagi"],
        ["hours"],
        ["nonsense"],
        [],
    ],
)
def test_errors_are_one_line_and_exit_2(argv):
    run = run_main(*argv)
    assert run.code == 2
    assert run.out == ""
    assert len(run.err.splitlines()) == 1
    assert run.err.startswith("adminduk: error: ")
    assert "Traceback" not in run.err


def test_an_error_exits_2_from_the_process_with_one_line():
    run = run_script("advise", "probolinggo", "kk/baru")
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("adminduk: error: ") and len(run.err.splitlines()) == 1


def test_a_closed_pipe_is_not_a_traceback():
    # `adminduk export … | head -c 10`: the reader leaves early.
    with subprocess.Popen(
        [str(console_script()), "export", "35.13"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()
        err = proc.stderr.read().decode()
        proc.wait(timeout=60)
    assert "Traceback" not in err
    assert proc.returncode in (0, 1)


def test_python_dash_m_runs_the_same_command():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "adminduk",
            "advise",
            "52.06",
            "ktp-el/baru",
            "--at",
            "2020-05-04 09:00",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "belum dapat dilayani" in done.stdout.splitlines()[0]  # not served in Bima then
