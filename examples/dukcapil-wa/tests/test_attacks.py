"""Each attack of issue 24 on the webhook, tried over HTTP, and refused without a change."""

from __future__ import annotations

import http.client
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chat import (
    APP_SECRET,
    CITIZEN,
    SESSION_SECRET,
    VERIFY_TOKEN,
    Bot,
    make_bot,
    payload,
    serve,
    signed_by,
)
from dukcapil_wa import conversation_rows
from dukcapil_wa.app import from_env
from dukcapil_wa.settings import MissingSetting

MIB = 1024 * 1024

# -- forged messages --------------------------------------------------------------------------


def test_an_unsigned_post_gets_401_and_changes_nothing(bot: Bot) -> None:
    before = bot.dump()
    response = bot.client.post("/webhook", json=payload("ktp hilang"))
    assert response.status_code == 401
    assert "X-Hub-Signature-256" in response.json()["error"]
    assert bot.dump() == before


@pytest.mark.parametrize(
    "signature",
    [
        signed_by(b"{}"),  # a real signature of another body
        signed_by(json.dumps(payload("ktp hilang")).encode(), "rahasia-yang-salah-0123"),
        "sha256=" + "0" * 64,
        "sha1=abc",
        "sha256=zz",
        "sha256=" + "0" * 63,
    ],
)
def test_a_wrongly_signed_post_gets_403_and_changes_nothing(bot: Bot, signature: str) -> None:
    before = bot.dump()
    raw = json.dumps(payload("ktp hilang")).encode()
    response = bot.client.post(
        "/webhook",
        content=raw,
        headers={"x-hub-signature-256": signature, "content-type": "application/json"},
    )
    assert response.status_code == 403
    assert bot.dump() == before


def test_the_signature_is_of_the_raw_bytes_not_of_reformatted_json(bot: Bot) -> None:
    raw = json.dumps(payload("ktp hilang"), indent=3).encode()
    assert bot.post(raw).status_code == 200
    respaced = raw.replace(b"   ", b" ")
    response = bot.client.post(
        "/webhook",
        content=respaced,
        headers={"x-hub-signature-256": signed_by(raw), "content-type": "application/json"},
    )
    assert response.status_code == 403


# -- secrets at start -------------------------------------------------------------------------

REQUIRED = {
    "DUKCAPIL_WA_APP_SECRET": APP_SECRET,
    "DUKCAPIL_WA_VERIFY_TOKEN": VERIFY_TOKEN,
    "DUKCAPIL_WA_SESSION_SECRET": SESSION_SECRET,
}


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_the_service_refuses_to_start_without_a_secret(
    missing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DUKCAPIL_WA_DATABASE_URL", f"sqlite:///{tmp_path / 'wa.db'}")
    for name, value in REQUIRED.items():
        if name == missing:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    with pytest.raises(MissingSetting, match=f"{missing}: required, no default"):
        from_env()
    assert not (tmp_path / "wa.db").exists()


def test_a_short_verify_token_is_refused_and_not_echoed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in REQUIRED.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DUKCAPIL_WA_VERIFY_TOKEN", "ganti-token-ini")
    with pytest.raises(MissingSetting) as refused:
        from_env()
    assert "DUKCAPIL_WA_VERIFY_TOKEN" in str(refused.value)
    assert "ganti-token-ini" not in str(refused.value)


def test_uvicorn_does_not_start_without_the_app_secret(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUKCAPIL_WA_")}
    env |= {"DUKCAPIL_WA_VERIFY_TOKEN": VERIFY_TOKEN, "DUKCAPIL_WA_SESSION_SECRET": SESSION_SECRET}
    env["DUKCAPIL_WA_DATABASE_URL"] = f"sqlite:///{tmp_path / 'wa.db'}"
    command = [sys.executable, "-m", "uvicorn", "--factory", "dukcapil_wa.app:from_env"]
    started = subprocess.run(
        [*command, "--port", "0"], env=env, capture_output=True, text=True, timeout=60
    )
    assert started.returncode != 0
    assert "DUKCAPIL_WA_APP_SECRET: required, no default" in started.stderr
    assert VERIFY_TOKEN not in started.stderr + started.stdout


# -- the verify token never reaches a log -----------------------------------------------------


@pytest.fixture
def served(bot: Bot) -> Iterator[str]:
    """The bot under uvicorn with its access log on, logging through the root logger."""
    with serve(bot.app, log_config=None, access_log=True) as port:
        yield f"127.0.0.1:{port}"


def test_the_access_log_never_holds_the_verify_token(
    served: str, caplog: pytest.LogCaptureFixture
) -> None:
    import http.client

    caplog.set_level(logging.DEBUG)
    host, port = served.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    path = f"/webhook?hub.mode=subscribe&hub.verify_token={VERIFY_TOKEN}&hub.challenge=5"
    connection.request("GET", path)
    response = connection.getresponse()
    assert (response.status, response.read()) == (200, b"5")
    connection.close()
    access = [r for r in caplog.records if r.name == "uvicorn.access"]
    assert access, "uvicorn wrote no access line"
    assert '"GET /webhook HTTP/1.1" 200' in access[0].getMessage()
    assert VERIFY_TOKEN not in caplog.text


# -- limits -----------------------------------------------------------------------------------


def test_a_2_mib_body_gets_413_unread(bot: Bot) -> None:
    before = bot.dump()
    raw = b'{"object": "' + b"x" * (2 * MIB) + b'"}'
    response = bot.post(raw)
    assert response.status_code == 413
    assert bot.dump() == before


def test_a_chunked_body_without_length_is_refused_at_the_limit(served: str) -> None:
    host, port = served.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.putrequest("POST", "/webhook")
        connection.putheader("Transfer-Encoding", "chunked")
        connection.putheader("X-Hub-Signature-256", signed_by(b""))
        connection.endheaders()
        for _ in range(3):  # of a body that never ends: the answer comes without its end
            connection.send(b"%x\r\n%s\r\n" % (MIB, b" " * MIB))
        response = connection.getresponse()
        assert response.status == 413
        response.read()
    finally:
        connection.close()


def test_a_body_just_under_the_limit_is_read(bot: Bot) -> None:
    body = payload("ktp hilang")
    raw = json.dumps(body).encode()
    raw = raw[:-1] + b" " * (MIB - len(raw)) + b"}"
    assert len(raw) == MIB
    assert bot.post(raw).status_code == 200


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b'{"object": ' + b"[" * 40 + b"]" * 40 + b"}",
        b'{"object": ' + b"9" * 5000 + b"}",
        b'{"object": 1.' + b"5" * 5000 + b"}",
        b'{"object": NaN}',
        b'{"object": -Infinity}',
    ],
    ids=["list-100000", "object-100000", "depth-41", "int-5000", "float-5000", "nan", "inf"],
)
def test_absurd_json_gets_400_and_changes_nothing(bot: Bot, raw: bytes) -> None:
    before = bot.dump()
    response = bot.post(raw)
    assert response.status_code == 400
    assert response.json()["error"] == "malformed WhatsApp webhook payload; nothing was changed"
    assert bot.dump() == before


def test_a_huge_number_in_a_message_field_gets_400(bot: Bot) -> None:
    raw = json.dumps(payload("ktp hilang")).replace(f'"{CITIZEN}"', "9" * 5000, 1).encode()
    assert bot.post(raw).status_code == 400


def _many(count: int) -> dict[str, object]:
    body = payload("ktp hilang")
    value = body["entry"][0]["changes"][0]["value"]
    first = value["messages"][0]
    value["messages"] = [
        {**first, "id": f"wamid.m{i}", "from": f"62812{i:08d}"} for i in range(count)
    ]
    return body


def test_a_notification_over_the_message_limit_gets_400_and_changes_nothing(bot: Bot) -> None:
    before = bot.dump()
    response = bot.post(_many(1500))
    assert response.status_code == 400
    assert "more than 100 messages" in response.text
    assert bot.dump() == before


def test_each_message_of_a_notification_is_its_own_transaction(bot: Bot) -> None:
    body = _many(3)
    bot.post(_many(1))  # the first message is answered alone first
    response = bot.post(body)
    assert response.json() == {"received": 3, "answered": 2, "statuses": 0}
    assert len(bot.column("message_id", "inbound_messages")) == 3


def test_one_number_flooding_is_answered_up_to_the_limit_then_told_once(
    database_url: str,
) -> None:
    flooded = make_bot(database_url, sender_limit=3, sender_window_minutes=60)
    try:
        answers = [flooded.post(payload("ktp hilang", message_id=f"wamid.f{i}")) for i in range(8)]
        assert [r.json()["answered"] for r in answers] == [1, 1, 1, 0, 0, 0, 0, 0]
        replies = flooded.outbox()
        assert len(replies) == 4
        assert replies[-1].startswith("Maaf, pesan dari nomor ini terlalu banyak")
        other = flooded.post(payload("ktp hilang", "6285337287689", "wamid.other"))
        assert other.json()["answered"] == 1  # another number is not held back
        assert len(flooded.column("message_id", "inbound_messages")) == 9
        flooded.clock.now += 61 * flooded.clock.step
        assert flooded.post(payload("ktp hilang", message_id="wamid.later")).json() == {
            "received": 1,
            "answered": 1,
            "statuses": 0,
        }
    finally:
        flooded.app.state.engine.dispose()


def test_two_first_messages_of_one_number_at_once_are_both_answered(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL both create the conversation; the loser is tried again, not dropped."""
    if bot.app.state.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's single writer lines the two up before they can race")
    both_looked = threading.Barrier(2, timeout=10)
    original = conversation_rows.claim
    calls = 0

    def claim_then_wait(*args: Any) -> Any:
        nonlocal calls
        found = original(*args)
        calls += 1
        if calls <= 2:
            both_looked.wait()
        return found

    monkeypatch.setattr(conversation_rows, "claim", claim_then_wait)
    results: list[int] = []

    def send(message_id: str) -> None:
        results.append(bot.post(payload("ktp hilang", message_id=message_id)).json()["answered"])

    threads = [threading.Thread(target=send, args=(f"wamid.race{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [1, 1]
    assert len(bot.outbox()) == 2
    assert calls == 3  # the loser looked again


def test_two_messages_of_one_number_at_once_take_turns(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL the second reads the conversation only once the first has written it.

    Without the row lock the second would read the count the first is about to raise, and
    one of the two would vanish from the sender's rate window (and from its dialogue).
    """
    if bot.app.state.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's single writer lines the two up already")
    assert bot.post(payload("halo", message_id="wamid.first")).json()["answered"] == 1
    original = conversation_rows.claim
    first_read = threading.Event()

    def claim_slowly(*args: Any) -> Any:
        found = original(*args)
        if not first_read.is_set():
            first_read.set()
            threading.Event().wait(0.5)  # the other message arrives meanwhile
        return found

    monkeypatch.setattr(conversation_rows, "claim", claim_slowly)
    results: list[int] = []

    def send(message_id: str) -> None:
        results.append(bot.post(payload("halo", message_id=message_id)).json()["answered"])

    first = threading.Thread(target=send, args=("wamid.a",))
    first.start()
    assert first_read.wait(10)
    second = threading.Thread(target=send, args=("wamid.b",))
    second.start()
    first.join()
    second.join()
    assert results == [1, 1]
    assert bot.column("window_count", "conversations") == [3]
