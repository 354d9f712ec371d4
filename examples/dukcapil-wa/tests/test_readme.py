"""The README's two commands: the one that serves the app, and the one the gate runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from chat import APP_SECRET, SESSION_SECRET, VERIFY_TOKEN, payload, signed_by
from dukcapil_wa.app import from_env
from fastapi.testclient import TestClient

EXAMPLE = Path(__file__).parents[1]
ROOT = EXAMPLE.parents[1]


def commands() -> list[str]:
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", readme)


def test_the_readme_gives_exactly_two_commands() -> None:
    assert len(commands()) == 2


def test_the_test_command_is_the_one_the_gate_runs() -> None:
    command = commands()[1].removeprefix(".venv/bin/")
    gate = (ROOT / "scripts" / "check.sh").read_text(encoding="utf-8")
    assert command in gate


def test_the_serve_command_names_a_factory_that_reads_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve = commands()[0]
    assert re.search(r"--factory dukcapil_wa\.app:from_env\b", serve)
    monkeypatch.setenv("DUKCAPIL_WA_DATABASE_URL", f"sqlite:///{tmp_path / 'wa.db'}")
    monkeypatch.setenv("DUKCAPIL_WA_OFFICE", "35.14")
    monkeypatch.setenv("DUKCAPIL_WA_VERIFY_TOKEN", VERIFY_TOKEN)
    monkeypatch.setenv("DUKCAPIL_WA_APP_SECRET", APP_SECRET)
    monkeypatch.setenv("DUKCAPIL_WA_SESSION_SECRET", SESSION_SECRET)
    client = TestClient(from_env())
    params = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "7"}
    assert client.get("/webhook", params=params).text == "7"
    raw = json.dumps(payload("ktp hilang")).encode()
    headers = {"x-hub-signature-256": signed_by(raw), "content-type": "application/json"}
    assert client.post("/webhook", content=raw, headers=headers).json()["answered"] == 1
    assert (tmp_path / "wa.db").exists()
