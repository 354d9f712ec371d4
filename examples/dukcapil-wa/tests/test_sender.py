"""The outbox's sender against a fake Cloud API on 127.0.0.1, and delivery notifications."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from chat import CITIZEN, Bot, Clock, register
from dukcapil_wa.cli import main
from dukcapil_wa.db import OutboxMessage, make_sessions
from dukcapil_wa.sender import Sender
from dukcapil_wa.settings import MissingSetting, SenderSettings, load
from fake_graph import PHONE_NUMBER_ID, TOKEN, Answer, FakeGraph, fake_graph
from pydantic import SecretStr
from sqlalchemy import text


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with fake_graph() as served:
        yield served


def sender(
    bot: Bot, graph: FakeGraph, clock: Clock, worker: str | None = None, **changes: Any
) -> Sender:
    settings = SenderSettings(
        database_url=bot.app.state.engine.url.render_as_string(hide_password=False),
        graph_api_url=graph.url,
        phone_number_id=PHONE_NUMBER_ID,
        access_token=SecretStr(TOKEN),
        **changes,
    )
    client = httpx.Client(timeout=5)
    return Sender(settings, make_sessions(bot.app.state.engine), clock, client, worker)


def frozen(bot: Bot) -> Clock:
    return Clock(now=bot.clock.now, step=timedelta(0))


def rows(bot: Bot) -> list[tuple[Any, ...]]:
    with bot.app.state.engine.connect() as conn:
        query = "SELECT id, status, attempts, wa_message_id, error FROM outbox ORDER BY id"
        return [tuple(row) for row in conn.execute(text(query))]


def test_a_reply_is_posted_to_the_messages_endpoint_and_marked_sent(
    bot: Bot, graph: FakeGraph
) -> None:
    bot.say("ktp hilang")
    done = sender(bot, graph, frozen(bot)).run_once()
    assert (done.sent, done.retried, done.failed) == (1, 0, 0)
    assert graph.paths == [f"/v21.0/{PHONE_NUMBER_ID}/messages"]
    assert graph.authorizations == [f"Bearer {TOKEN}"]
    assert graph.received == bot.outbox_json()
    assert graph.received[0]["to"] == CITIZEN
    assert rows(bot) == [(1, "sent", 1, "wamid.S0", None)]
    assert sender(bot, graph, frozen(bot)).run_once().claimed == 0  # sent once only


def test_429_waits_the_backoff_then_succeeds(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    clock = frozen(bot)
    worker = sender(bot, graph, clock, backoff_seconds=2)
    graph.script = [Answer(429, {"error": {"code": 130429, "message": "Rate limit hit"}})]
    assert worker.run_once().retried == 1
    assert rows(bot) == [(1, "pending", 1, None, "HTTP 429 130429 Rate limit hit")]
    assert worker.run_once().claimed == 0  # not due yet
    clock.now += timedelta(seconds=2)
    assert worker.run_once().sent == 1
    assert rows(bot) == [(1, "sent", 2, "wamid.S0", None)]
    assert len(graph.received) == 2


def test_retry_after_is_honoured_and_the_backoff_doubles(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    clock = frozen(bot)
    worker = sender(bot, graph, clock, backoff_seconds=1)
    graph.script = [Answer(503), Answer(503), Answer(429, headers={"Retry-After": "30"})]
    waits = []
    for _ in range(3):
        assert worker.run_once().retried == 1
        with make_sessions(bot.app.state.engine)() as session:
            row = session.get(OutboxMessage, 1)
            assert row is not None
            assert row.next_attempt_at is not None
            waits.append(round((row.next_attempt_at - clock.now).total_seconds()))
        clock.now += timedelta(seconds=60)
    assert waits == [1, 2, 30]


def test_a_permanent_refusal_fails_at_once_with_the_reason(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    refusal = {"error": {"code": 131030, "message": "Recipient phone number not in allowed list"}}
    graph.script = [Answer(400, refusal)]
    done = sender(bot, graph, frozen(bot)).run_once()
    assert done.failed == 1
    assert rows(bot) == [
        (1, "failed", 1, None, "HTTP 400 131030 Recipient phone number not in allowed list")
    ]
    assert sender(bot, graph, frozen(bot)).run_once().claimed == 0


def test_server_errors_until_the_last_try_fail_the_row(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    clock = frozen(bot)
    worker = sender(bot, graph, clock, max_attempts=3, backoff_seconds=1)
    graph.script = [Answer(500), Answer(502), Answer(500)]
    outcomes = []
    for _ in range(3):
        outcomes.append(worker.run_once())
        clock.now += timedelta(minutes=5)
    assert [o.retried for o in outcomes] == [1, 1, 0]
    assert outcomes[-1].failed == 1
    assert rows(bot) == [(1, "failed", 3, None, "HTTP 500 (after 3 tries)")]


def test_an_unreachable_api_is_retried(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    clock = frozen(bot)
    worker = sender(bot, graph, clock)
    worker.url = "http://127.0.0.1:9/v21.0/1/messages"  # the discard port: nothing listens
    assert worker.run_once().retried == 1
    assert rows(bot)[0][1:3] == ("pending", 1)
    assert str(rows(bot)[0][4]).startswith("network: ")


def test_two_workers_on_one_outbox_send_each_row_once(bot: Bot, graph: FakeGraph) -> None:
    for i in range(12):
        bot.say("ktp hilang", f"62812{i:08d}")
    expected = len(bot.column("id", "outbox"))
    graph.delay = 0.01
    clock = frozen(bot)
    workers = [sender(bot, graph, clock, worker=name) for name in ("a", "b")]
    counts: dict[str, int] = {}

    def work(worker: Sender) -> None:
        total = 0
        while done := worker.run_once(limit=3).claimed:
            total += done
        counts[worker.worker] = total

    threads = [threading.Thread(target=work, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sent_to = [message["to"] for message in graph.received]
    assert len(sent_to) == expected
    assert len(set(sent_to)) == expected  # no citizen got a reply twice
    assert counts["a"] + counts["b"] == expected
    assert min(counts.values()) > 0, counts  # both really worked
    assert {row[1] for row in rows(bot)} == {"sent"}


def test_a_restart_after_a_crash_leaves_nothing_unsent(bot: Bot, graph: FakeGraph) -> None:
    for i in range(3):
        bot.say("ktp hilang", f"62812{i:08d}")
    clock = frozen(bot)
    crashed = sender(bot, graph, clock, lease_seconds=60)
    taken = crashed.claim()  # claimed, then the process died before sending anything
    assert len(taken) == 3
    restarted = sender(bot, graph, clock, lease_seconds=60)
    assert restarted.run_once().claimed == 0  # still leased to the dead worker
    clock.now += timedelta(seconds=61)
    assert restarted.run_once().sent == 3
    assert [row[1:3] for row in rows(bot)] == [("sent", 2)] * 3
    crashed._finish(taken[0], status="pending")  # the dead worker's late write changes nothing
    assert [row[1] for row in rows(bot)] == ["sent"] * 3


def test_a_crash_between_the_api_and_the_commit_sends_again(bot: Bot, graph: FakeGraph) -> None:
    """At least once: the one window for a duplicate, as the README says."""
    bot.say("ktp hilang")
    clock = frozen(bot)
    crashed = sender(bot, graph, clock, lease_seconds=60)
    (row,) = crashed.claim()
    crashed.client.post(crashed.url, json=row.payload)  # the API took it; no commit followed
    clock.now += timedelta(seconds=61)
    assert sender(bot, graph, clock).run_once().sent == 1
    assert len(graph.received) == 2
    assert rows(bot)[0][1] == "sent"


# -- delivery notifications -------------------------------------------------------------------


def status_notification(wamid: str, status: str, **extra: Any) -> dict[str, Any]:
    value = {
        "messaging_product": "whatsapp",
        "statuses": [
            {"id": wamid, "status": status, "timestamp": "1", "recipient_id": CITIZEN, **extra}
        ],
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }


def test_delivery_notifications_move_the_row_forward_only(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    sender(bot, graph, frozen(bot)).run_once()
    for status, moved, now in [
        ("delivered", 1, "delivered"),
        ("read", 1, "read"),
        ("delivered", 0, "read"),  # late, out of order
        ("sent", 0, "read"),
    ]:
        response = bot.post(status_notification("wamid.S0", status))
        assert response.json() == {"received": 0, "answered": 0, "statuses": moved}
        assert rows(bot)[0][1] == now
    assert bot.post(status_notification("wamid.unknown", "read")).json()["statuses"] == 0


def test_a_failed_delivery_keeps_the_apis_reason(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    sender(bot, graph, frozen(bot)).run_once()
    errors = [{"code": 131026, "title": "Message undeliverable"}]
    assert bot.post(status_notification("wamid.S0", "failed", errors=errors)).status_code == 200
    assert rows(bot)[0][1::3] == ("failed", "delivery failed: 131026 Message undeliverable")


def test_an_unsigned_status_notification_changes_nothing(bot: Bot, graph: FakeGraph) -> None:
    bot.say("ktp hilang")
    sender(bot, graph, frozen(bot)).run_once()
    response = bot.client.post("/webhook", json=status_notification("wamid.S0", "failed"))
    assert response.status_code == 401
    assert rows(bot)[0][1] == "sent"


# -- the command ------------------------------------------------------------------------------


def test_dukcapil_wa_send_once_sends_what_is_due(
    bot: Bot, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    register(bot)
    url = bot.app.state.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DUKCAPIL_WA_DATABASE_URL", url)
    monkeypatch.setenv("DUKCAPIL_WA_GRAPH_API_URL", graph.url)
    monkeypatch.setenv("DUKCAPIL_WA_PHONE_NUMBER_ID", PHONE_NUMBER_ID)
    monkeypatch.setenv("DUKCAPIL_WA_ACCESS_TOKEN", TOKEN)
    assert main(["send", "--once"]) == 0
    assert "sent 4, to retry 0, failed 0" in capsys.readouterr().out
    assert {row[1] for row in rows(bot)} == {"sent"}


def test_the_sender_refuses_to_start_without_its_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUKCAPIL_WA_PHONE_NUMBER_ID", PHONE_NUMBER_ID)
    monkeypatch.delenv("DUKCAPIL_WA_ACCESS_TOKEN", raising=False)
    with pytest.raises(MissingSetting, match="DUKCAPIL_WA_ACCESS_TOKEN: required"):
        load(SenderSettings)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["send", "--once"]) == 2
