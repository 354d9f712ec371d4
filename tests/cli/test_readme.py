"""A newcomer following only the README reaches a correct advice for each built-in office."""

from __future__ import annotations

import re
import shlex

import pytest

from .conftest import ROOT, run_main, run_script

README = (ROOT / "README.md").read_text(encoding="utf-8")

# The channel each office's sources give for the README's question (pinned to the articles:
# A1 Pasuruan, A0 Probolinggo, A2 Mataram, A3 Tulungagung, A4 Bima).
EXPECTED = {
    "35.14": "https://wa.me/6281359547692",
    "35.13": "godigital.dispendukcapil.probolinggokab.go.id",
    "52.71": "https://wa.me/6287761489446",
    "35.04": "https://layananonline.dukcapil.kemendagri.go.id",
    "52.06": "WhatsApp petugas Disdukcapil: nomor WhatsApp tiap petugas tercantum di spanduk",
    # A national baseline office: only the counter, and no source about the office itself.
    "35.78": "Loket Dinas Dukcapil Kota Surabaya (tatap muka)",
}


def first_command() -> list[str]:
    block = re.findall(r"```bash\n(.+?)\n```", README)[0]
    step = block.split("&&")[-1].strip()
    args = shlex.split(step)
    assert args[0] == ".venv/bin/adminduk"
    return args[1:]


def table_commands() -> list[tuple[list[str], str]]:
    rows = re.findall(
        r"^\|[^|]+\| `(\.venv/bin/adminduk advise [^`]+)` \| `([^`]+)` \|$", README, re.M
    )
    return [(shlex.split(command)[1:], expected) for command, expected in rows]


def all_questions() -> list[tuple[list[str], str]]:
    args = first_command()
    return [(args, EXPECTED[args[1]]), *table_commands()]


def test_the_first_set_up_command_ends_in_a_real_advice():
    args = first_command()
    assert args[:3] == ["advise", "35.14", "kk/perubahan"]


def test_the_readme_asks_about_every_built_in_office_and_a_baseline_one():
    questions = all_questions()
    assert sorted(args[1] for args, _ in questions) == sorted(EXPECTED)
    for args, expected in questions:
        assert expected == EXPECTED[args[1]], args


@pytest.mark.parametrize(("args", "expected"), all_questions(), ids=lambda v: str(v)[:40])
def test_each_readme_question_prints_the_expected_channel(args, expected):
    run = run_main(*args)  # the answer; the real script runs the README's first command below
    assert run.code == 0, run.err
    (channels,) = [block for block in run.out.split("\n\n") if block.startswith("Saluran:")]
    assert expected in channels.splitlines()[1]


def test_the_readme_shows_the_start_of_the_real_reply():
    shown = re.findall(r"```text\n(.+?)\n```", README, re.S)[0]
    run = run_script(*first_command())
    for line in shown.splitlines():
        if line != "...":
            assert line in run.out.splitlines(), line
