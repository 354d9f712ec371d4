"""The webhook: the handshake, the conversation read as a citizen reads it, and bad payloads."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from chat import CITIZEN, VERIFY_TOKEN, Bot, payload, register

# Words that would mean English leaked into an Indonesian reply.
ENGLISH = re.compile(
    r"\b(the|and|of|to|is|are|your|you|please|with|for|from|this|that|not|office|request|apply)\b",
    re.IGNORECASE,
)


def indonesian(reply: str) -> str:
    assert reply.strip(), "an empty reply"
    leaked = ENGLISH.findall(reply)
    assert not leaked, f"English in an Indonesian reply: {leaked}\n{reply}"
    return reply


# -- the verification handshake ---------------------------------------------------------------


def test_handshake_echoes_the_challenge_for_the_right_token(bot: Bot) -> None:
    params = {
        "hub.mode": "subscribe",
        "hub.verify_token": VERIFY_TOKEN,
        "hub.challenge": "1158201444",
    }
    response = bot.client.get("/webhook", params=params)
    assert (response.status_code, response.text) == (200, "1158201444")


@pytest.mark.parametrize(
    "params",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
        {},
    ],
)
def test_handshake_refuses_a_wrong_token_or_mode(bot: Bot, params: dict[str, str]) -> None:
    response = bot.client.get("/webhook", params=params)
    assert response.status_code == 403
    assert "1" not in response.text


# -- the conversation -------------------------------------------------------------------------


def test_free_text_confirmation_advice_and_registration(bot: Bot) -> None:
    reply = indonesian(bot.say("kk nambah anak"))
    assert reply == (
        "Apakah maksud Anda: Penerbitan Kartu Keluarga karena perubahan data?\n"
        'Balas "ya" atau "tidak".'
    )
    reply = indonesian(bot.say("Ya"))
    # The advice of Kabupaten Pasuruan on 24 March 2020: KK changes over WhatsApp (A1).
    assert reply.startswith("Silakan ajukan Kartu Keluarga (KK): perubahan data secara online.")
    assert "https://wa.me/6281359547692" in reply
    assert reply.endswith(
        'Balas "daftar" untuk mendaftarkan permohonan ini, atau tuliskan keperluan lain.'
    )
    reply = indonesian(bot.say("daftar"))
    assert reply == (
        "Permohonan Anda sudah terdaftar dengan nomor 1: Penerbitan Kartu Keluarga karena "
        "perubahan data, melalui WhatsApp layanan Kartu Keluarga. Kami akan mengabarkan "
        "perkembangannya lewat WhatsApp ini."
    )
    assert bot.column("status", "requests") == ["submitted"]
    assert bot.column("name", "request_events") == ["submit"]


def test_the_reply_is_the_cloud_api_send_message_json(bot: Bot) -> None:
    bot.say("ktp hilang")
    (message,) = bot.outbox_json()
    assert message == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": CITIZEN,
        "type": "text",
        "text": {
            "preview_url": False,
            "body": "Apakah maksud Anda: Cetak ulang KTP-el yang hilang atau rusak?\n"
            'Balas "ya" atau "tidak".',
        },
    }


def test_no_starts_again(bot: Bot) -> None:
    bot.say("ktp hilang")
    assert indonesian(bot.say("tidak")) == (
        "Baik. Silakan tuliskan kembali keperluan Anda dengan kata-kata lain."
    )
    assert indonesian(bot.say("daftar")).startswith("Belum ada layanan yang dipilih.")
    assert bot.column("id", "requests") == []


def test_another_need_instead_of_yes_is_read_as_a_need(bot: Bot) -> None:
    bot.say("ktp hilang")
    assert "Kartu Keluarga" in bot.say("eh maksudnya kk nambah anak")


@pytest.mark.parametrize("text", ["jadwal sholat hari ini", "halo", "paspor hilang"])
def test_text_about_nothing_the_office_does_is_not_understood(bot: Bot, text: str) -> None:
    assert indonesian(bot.say(text)).startswith("Maaf, kami belum memahami keperluan Anda.")


def test_a_photo_is_answered_with_a_request_for_text(bot: Bot) -> None:
    assert indonesian(bot.say(None)) == (
        "Maaf, saat ini kami hanya dapat membaca pesan teks. Silakan tuliskan keperluan Anda."
    )


def test_daftar_before_any_advice_registers_nothing(bot: Bot) -> None:
    bot.say("ktp hilang")  # found, but not confirmed
    assert indonesian(bot.say("daftar")).startswith("Belum ada layanan yang dipilih.")
    assert bot.column("id", "requests") == []


def test_a_foreign_number_cannot_register(bot: Bot) -> None:
    foreigner = "14155552671"
    bot.say("kk nambah anak", foreigner)
    bot.say("ya", foreigner)
    assert indonesian(bot.say("daftar", foreigner)).startswith(
        "Maaf, pendaftaran lewat WhatsApp hanya untuk nomor seluler Indonesia."
    )
    assert bot.column("id", "requests") == []


def test_a_service_the_office_does_not_take_online_is_not_registered(bot: Bot) -> None:
    # Pasuruan asked KIA applicants to wait in March 2020: no channel, so no "daftar" hint.
    bot.say("kia/baru")
    reply = indonesian(bot.say("ya"))
    assert reply.startswith("Mohon tunda")
    assert 'Balas "daftar"' not in reply
    assert indonesian(bot.say("daftar")) == (
        "Maaf, permohonan ini tidak dapat didaftarkan lewat WhatsApp saat ini. "
        "Silakan ikuti petunjuk yang kami kirimkan sebelumnya."
    )
    assert bot.column("id", "requests") == []


def test_the_office_is_asked_where_the_deployment_has_none(asking_bot: Bot) -> None:
    asking_bot.say("kk nambah anak")
    assert indonesian(asking_bot.say("ya")).startswith(
        "Layanan ini diurus di Dinas Dukcapil kabupaten atau kota tempat Anda terdaftar."
    )
    # Kota and Kabupaten Probolinggo are different offices: the bot never picks one silently.
    reply = indonesian(asking_bot.say("probolinggo"))
    assert reply.startswith("Maaf, kami tidak menemukan Dinas Dukcapil dengan nama itu.")
    assert "kabupaten-probolinggo" in reply
    assert indonesian(asking_bot.say("Kabupaten Pasuruan")).startswith(
        "Silakan ajukan Kartu Keluarga (KK): perubahan data secara online."
    )
    assert asking_bot.column("office", "conversations") == ["35.14"]
    assert "sudah terdaftar" in asking_bot.say("daftar")
    assert asking_bot.column("office", "requests") == ["35.14"]


def test_an_unreadable_office_name_gets_the_hint(asking_bot: Bot) -> None:
    asking_bot.say("ktp hilang")
    asking_bot.say("ya")
    assert indonesian(asking_bot.say("zzzz")) == (
        "Maaf, kami tidak menemukan Dinas Dukcapil dengan nama itu. Tuliskan kode wilayahnya "
        "(misalnya 35.14) atau namanya (misalnya kota-mataram)."
    )


def test_a_long_reply_is_split_into_messages_the_api_accepts(bot: Bot) -> None:
    bot.say("kk nambah anak")
    bot.say("ya")
    assert all(len(body) <= 4096 for body in bot.outbox())


def test_a_retried_message_is_answered_once(bot: Bot) -> None:
    for _ in range(2):
        response = bot.post(payload("ktp hilang", message_id="wamid.X"))
        assert response.status_code == 200
    assert len(bot.outbox()) == 1
    assert response.json() == {"received": 1, "answered": 0, "statuses": 0}


def test_status_updates_of_unknown_messages_change_nothing(bot: Bot) -> None:
    body = payload("x")
    body["entry"][0]["changes"][0]["value"] = {
        "messaging_product": "whatsapp",
        "statuses": [{"id": "wamid.9", "status": "delivered", "recipient_id": CITIZEN}],
    }
    response = bot.post(body)
    assert response.json() == {"received": 0, "answered": 0, "statuses": 0}
    assert bot.outbox() == []


def test_logs_hold_no_phone_number_and_no_message_text(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    register(bot, "kk nambah anak, hp saya 0813-5954-7691")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "request 1 for +62813******91" in logged
    assert CITIZEN not in logged
    assert "5954" not in logged
    assert "nambah" not in logged


# -- malformed payloads -----------------------------------------------------------------------


def _broken(path: str, value: Any) -> dict[str, Any]:
    body = payload("ktp hilang")
    target: Any = body
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    if value is _DROP:
        del target[int(last) if last.isdigit() else last]
    elif last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return body


_DROP = object()
_MESSAGE = "entry.0.changes.0.value.messages.0"


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        ("object", "page", "object"),
        ("entry", _DROP, "entry"),
        ("entry", "x", "entry"),
        ("entry.0.changes", _DROP, "entry.0.changes"),
        ("entry.0.changes.0.value.messaging_product", "sms", "messaging_product"),
        (f"{_MESSAGE}.from", _DROP, "from"),
        (f"{_MESSAGE}.from", "+62 813", "from"),
        (f"{_MESSAGE}.from", 6281359547691, "from"),
        (f"{_MESSAGE}.id", "", "id"),
        (f"{_MESSAGE}.text", {"body": 5}, "text.body"),
        (f"{_MESSAGE}.text", {"body": "x" * 5000}, "text.body"),
        (f"{_MESSAGE}.text", {}, "text.body"),
    ],
)
def test_a_malformed_payload_gets_400_and_changes_nothing(
    bot: Bot, path: str, value: Any, where: str
) -> None:
    register(bot)
    before = bot.dump()
    response = bot.post(_broken(path, value))
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "malformed WhatsApp webhook payload; nothing was changed"
    assert any(where in problem["path"] for problem in body["problems"]), body
    assert "6281359547691" not in response.text  # the input is never echoed
    assert bot.dump() == before


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe", b"[]", b"null", b'"text"'])
def test_a_body_that_is_not_a_notification_gets_400(bot: Bot, raw: bytes) -> None:
    before = bot.dump()
    response = bot.post(raw)
    assert response.status_code == 400
    assert response.json()["problems"]
    assert bot.dump() == before


def test_one_bad_message_refuses_the_whole_notification(bot: Bot) -> None:
    body = payload("ktp hilang")
    good = body["entry"][0]["changes"][0]["value"]["messages"][0]
    body["entry"][0]["changes"][0]["value"]["messages"] = [good, {**good, "from": "abc"}]
    before = bot.dump()
    assert bot.post(body).status_code == 400
    assert bot.dump() == before
