"""The README's commands, the one that serves the app and the one the gate runs, and its list
of settings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from chat import APP_SECRET, SESSION_SECRET, VERIFY_TOKEN, payload, signed_by
from dukcapil_wa.app import from_env
from dukcapil_wa.settings import PREFIX, SenderSettings, Settings
from fastapi.testclient import TestClient

EXAMPLE = Path(__file__).parents[1]
ROOT = EXAMPLE.parents[1]
README = (EXAMPLE / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", README, re.DOTALL)


def test_the_test_command_is_the_one_the_gate_runs() -> None:
    (command,) = [c for c in commands() if "pytest" in c]
    gate = (ROOT / "scripts" / "check.sh").read_text(encoding="utf-8")
    assert command.removeprefix(".venv/bin/") in gate


@pytest.mark.parametrize("name", sorted({*Settings.model_fields, *SenderSettings.model_fields}))
def test_the_readme_names_every_setting(name: str) -> None:
    variable = PREFIX + name.upper()
    short = "_" + name.upper()
    assert variable in README or (name in SenderSettings.model_fields and short in README)


def test_the_readme_sets_every_required_secret_before_serving() -> None:
    (serve,) = [c for c in commands() if "--factory" in c]
    required = [
        PREFIX + name.upper()
        for name, field in Settings.model_fields.items()
        if field.is_required()
    ]
    assert required == [
        "DUKCAPIL_WA_APP_SECRET",
        "DUKCAPIL_WA_VERIFY_TOKEN",
        "DUKCAPIL_WA_SESSION_SECRET",
    ]
    for variable in required:
        assert f"{variable}=" in serve


def test_the_serve_command_names_a_factory_that_reads_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (serve,) = [c for c in commands() if "--factory" in c]
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
    client.app.state.engine.dispose()  # type: ignore[attr-defined]
