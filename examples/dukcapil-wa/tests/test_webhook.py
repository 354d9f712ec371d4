"""The webhook: the handshake, the conversation read as a citizen reads it, and bad payloads."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from chat import APPLICANT, CITIZEN, NIK, VERIFY_TOKEN, Bot, payload, register

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


def test_free_text_advice_then_the_name_and_nik_then_registration(bot: Bot) -> None:
    reply = indonesian(bot.say("kk nambah anak"))
    # The advice of Kabupaten Pasuruan on 24 March 2020: KK changes over WhatsApp (A1).
    assert reply.startswith("Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.")
    assert "https://wa.me/6281359547692" in reply
    assert reply.endswith('Balas "daftar" untuk mendaftarkan permohonan ini.')
    assert "RINCIAN" in reply
    full = indonesian(bot.say("rincian"))
    assert full != reply
    assert indonesian(bot.say("daftar")) == (
        "Tuliskan nama lengkap pemohon, sesuai Kartu Keluarga (KK)."
    )
    assert indonesian(bot.say(APPLICANT)).startswith("Terima kasih. Sekarang tuliskan NIK")
    reply = bot.say(NIK)
    assert reply.startswith(
        "Permohonan Anda sudah terdaftar dengan nomor 1: Penerbitan Kartu Keluarga karena "
        "perubahan data, atas nama Siti Aminah (NIK 3514**********01)."
    )
    assert NIK not in reply
    assert "1. Kartu Keluarga (KK) lama" in reply
    assert bot.column("status", "requests") == ["submitted"]
    assert bot.column("name", "request_events") == ["submit"]
    assert bot.column("applicant_name", "requests") == [APPLICANT]


def test_the_reply_is_the_cloud_api_send_message_json(bot: Bot) -> None:
    bot.say("makasih")
    (message,) = bot.outbox_json()
    assert message == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": CITIZEN,
        "type": "text",
        "text": {"preview_url": False, "body": "Sama-sama. Semoga urusan Anda lancar."},
    }


@pytest.mark.parametrize(
    ("nik", "problem"),
    [
        ("3514013201900001", "tanggal lahir di dalamnya tidak mungkin"),
        ("9914014501900001", "kode provinsi tidak dikenal"),
        ("35140145019000012", "bukan 16 angka"),
    ],
)
def test_a_bad_nik_is_refused_without_echoing_it(bot: Bot, nik: str, problem: str) -> None:
    bot.say("kk nambah anak")
    bot.say("daftar")
    bot.say(APPLICANT)
    reply = indonesian(bot.say(nik))
    assert reply.startswith(f"NIK itu tidak sah ({problem}).")
    assert nik[:6] not in reply
    assert bot.column("id", "requests") == []
    assert "sudah terdaftar" in bot.say(NIK)  # still waiting for it


def test_unrelated_text_keeps_the_pending_step(bot: Bot) -> None:
    bot.say("kk nambah anak")
    reply = indonesian(bot.say("oke makasih"))
    assert reply.startswith("Sama-sama.")
    assert 'Balas "daftar" untuk mendaftarkan Penerbitan Kartu Keluarga' in reply
    assert indonesian(bot.say("jadwal sholat hari ini")).startswith("Maaf, kami belum memahami")
    assert indonesian(bot.say("daftar")).startswith("Tuliskan nama lengkap pemohon")
    assert "masih menunggu nama lengkap" in bot.say("makasih")
    assert indonesian(bot.say("123")).startswith("Nama itu tidak dapat kami baca.")


def test_another_need_after_the_advice_is_read_as_a_need(bot: Bot) -> None:
    bot.say("ktp hilang")
    assert "Kartu Keluarga" in bot.say("eh maksudnya kk nambah anak")


@pytest.mark.parametrize("text", ["jadwal sholat hari ini", "paspor hilang"])
def test_text_about_nothing_the_office_does_is_not_understood(bot: Bot, text: str) -> None:
    assert indonesian(bot.say(text)).startswith("Maaf, kami belum memahami keperluan Anda.")


def test_a_greeting_gets_the_menu_as_an_interactive_list(bot: Bot) -> None:
    bot.say("halo")
    (menu,) = bot.outbox_json()
    assert menu["type"] == "interactive"
    assert menu["interactive"]["type"] == "list"
    rows = menu["interactive"]["action"]["sections"][0]["rows"]
    assert len(rows) == 10
    assert all(len(row["title"]) <= 24 and len(row["description"]) <= 72 for row in rows)
    assert menu["interactive"]["body"]["text"].startswith(
        "Selamat datang di layanan WhatsApp Dinas Kependudukan dan Pencatatan Sipil Kabupaten "
        "Pasuruan."
    )
    reply = indonesian(bot.say(None, choice="layanan:kk/perubahan"))
    assert reply.startswith("Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.")


def test_a_photo_without_a_request_is_not_fetched(bot: Bot) -> None:
    assert indonesian(bot.say(None)).startswith("Kami belum menunggu berkas dari nomor ini.")


def test_daftar_before_any_advice_registers_nothing(bot: Bot) -> None:
    assert indonesian(bot.say("daftar")).startswith("Belum ada layanan yang dipilih.")
    assert bot.column("id", "requests") == []


def test_a_foreign_number_cannot_register(bot: Bot) -> None:
    foreigner = "14155552671"
    bot.say("kk nambah anak", foreigner)
    bot.say("daftar", foreigner)
    bot.say(APPLICANT, foreigner)
    assert indonesian(bot.say(NIK, foreigner)).startswith(
        "Maaf, pendaftaran lewat WhatsApp hanya untuk nomor seluler Indonesia."
    )
    assert bot.column("id", "requests") == []


def test_a_service_the_office_does_not_take_online_is_not_registered(bot: Bot) -> None:
    # Pasuruan asked KIA applicants to wait in March 2020: no channel, so no "daftar" hint.
    reply = indonesian(bot.say("kia/baru"))
    assert reply.startswith("Mohon tunda")
    assert 'Balas "daftar"' not in reply
    assert indonesian(bot.say("daftar")).startswith("Tuliskan nama lengkap")
    bot.say(APPLICANT)
    assert indonesian(bot.say(NIK)) == (
        "Maaf, permohonan ini tidak dapat didaftarkan lewat WhatsApp saat ini. "
        "Silakan ikuti petunjuk yang kami kirimkan sebelumnya."
    )
    assert bot.column("id", "requests") == []


def test_the_office_is_asked_where_the_deployment_has_none(asking_bot: Bot) -> None:
    assert indonesian(asking_bot.say("kk nambah anak")).startswith(
        "Layanan ini diurus di Dinas Dukcapil kabupaten atau kota tempat Anda terdaftar."
    )
    # Kota and Kabupaten Probolinggo are different offices: the bot never picks one silently.
    reply = indonesian(asking_bot.say("probolinggo"))
    assert reply.startswith("Maaf, kami tidak menemukan Dinas Dukcapil dengan nama itu.")
    assert "kabupaten-probolinggo" in reply
    reply = indonesian(asking_bot.say("Kabupaten Pasuruan"))
    assert reply.startswith(
        "Baik, kami layani Anda untuk Dinas Kependudukan dan Pencatatan Sipil Kabupaten "
        "Pasuruan.\n\nSilakan ajukan Kartu Keluarga (KK): perubahan data secara daring."
    )
    assert asking_bot.column("office", "conversations") == ["35.14"]
    assert "sudah terdaftar" in register_after_advice(asking_bot)
    assert asking_bot.column("office", "requests") == ["35.14"]


def register_after_advice(bot: Bot) -> str:
    """Finish a registration whose advice was given: "daftar", the name, the NIK."""
    bot.say("daftar")
    bot.say(APPLICANT)
    return bot.say(NIK)


def test_an_unreadable_office_name_gets_the_hint(asking_bot: Bot) -> None:
    asking_bot.say("ktp hilang")
    assert indonesian(asking_bot.say("zzzz")) == (
        "Maaf, kami tidak menemukan Dinas Dukcapil dengan nama itu. Tuliskan kode wilayahnya "
        "(misalnya 35.14) atau namanya (misalnya kota-mataram)."
    )


def test_a_long_reply_is_split_into_messages_the_api_accepts(bot: Bot) -> None:
    bot.say("kk nambah anak")
    bot.say("rincian")
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
    assert NIK[4:12] not in logged  # the NIK's digits beyond the region, nowhere
    assert APPLICANT not in logged


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
