"""Whole conversations over the signed webhook, the outbox holding exactly the replies expected.

The files citizens send are fetched from a fake Graph API on 127.0.0.1 (``fake_graph``).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from chat import APPLICANT, NIK, Bot, act, make_bot, payload
from dukcapil_wa.cli import main
from fake_graph import EXE, JPEG, PNG, FakeGraph
from sqlalchemy import text as sql

from adminduk import RequestEvent

SERVICE = "Penerbitan Kartu Keluarga karena perubahan data"
MENU = (
    "Selamat datang di layanan WhatsApp Dinas Kependudukan dan Pencatatan Sipil Kabupaten "
    'Pasuruan. Pilih layanan dari daftar, atau tuliskan keperluan Anda, misalnya "KTP hilang". '
    'Anda juga dapat menanyakan "jam buka" atau "status permohonan".\n[KTP-el baru]\n'
    "[KTP-el hilang/rusak]\n[Ubah data KTP-el]\n[KK baru]\n[Ubah data/anggota KK]\n"
    "[KK hilang/rusak]\n[Akta kelahiran]\n[Akta kematian]\n[KIA (kartu anak)]\n"
    "[Pindah keluar (SKPWNI)]"
)
ADVICE = (
    "Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.\n"
    "WhatsApp layanan Kartu Keluarga: https://wa.me/6281359547692\n"
    "Saat ini jam kerja: permohonan daring diproses sampai pukul 12.00 WIB, lalu dilanjutkan "
    "pukul 13.00 WIB.\n"
    "Persyaratan: Kartu Keluarga (KK) lama; Surat keterangan atau bukti perubahan peristiwa "
    "kependudukan dan peristiwa penting.\n"
    "Gratis, tanpa biaya.\n"
    "Balas RINCIAN untuk keterangan lengkap.\n\n"
    'Balas "daftar" untuk mendaftarkan permohonan ini.'
)
REGISTERED = (
    f"Permohonan Anda sudah terdaftar dengan nomor 1: {SERVICE}, atas nama Siti Aminah "
    "(NIK 3514**********01). Kami akan mengabarkan perkembangannya lewat WhatsApp ini.\n\n"
    "Kirim foto yang jelas atau pindaian (PDF) berkas berikut, satu berkas per pesan:\n"
    "1. Kartu Keluarga (KK) lama\n"
    "2. Surat keterangan atau bukti perubahan peristiwa kependudukan dan peristiwa penting\n"
    'Balas "selesai" bila semua berkas sudah terkirim.'
)


def told(event: str, missing: list[str] | None = None) -> str:
    """The library's message for an event of request 1 (what happened, what to do next)."""
    message = RequestEvent(event).citizen_message("kk/perubahan", missing=missing or ())
    return "Permohonan nomor 1: " + message


def received(kind: str) -> str:
    return (
        f"Berkas diterima untuk permohonan nomor 1: {kind}, 1 KB. Kirim berkas berikutnya, "
        'atau balas "selesai".'
    )


def test_from_halo_to_a_completed_request_with_files_and_one_incomplete_round(
    filing_bot: Bot, graph: FakeGraph
) -> None:
    bot = filing_bot
    graph.media |= {"foto-kk": JPEG, "foto-surat": PNG, "foto-kk-2": JPEG[:-1] + b"\x01"}
    for text in ("halo", "kk nambah anak", "daftar", APPLICANT, NIK):
        bot.say(text)
    bot.say(None, media_id="foto-kk")
    bot.say(None, media_id="foto-surat")
    bot.say("selesai")
    assert act(bot, 1, "start_verification").status_code == 303
    missing = {"missing": "Kartu Keluarga (KK) lama"}
    assert act(bot, 1, "mark_incomplete", missing).status_code == 303
    bot.say(None, media_id="foto-kk-2")
    bot.say("selesai")
    steps = [
        ("approve", {}),
        ("start_processing", {}),
        ("mark_ready", {"pickup_place": "Kantor Kecamatan Bangil"}),
        ("hand_over", {}),
    ]
    for event, form in steps:
        assert act(bot, 1, event, form).status_code == 303
    assert bot.outbox() == [
        MENU,
        ADVICE,
        "Tuliskan nama lengkap pemohon, sesuai Kartu Keluarga (KK).",
        "Terima kasih. Sekarang tuliskan NIK pemohon (16 angka, tertera di KTP-el atau KK).",
        REGISTERED,
        received("foto (JPEG)"),
        received("foto (PNG)"),
        "Terima kasih, berkas permohonan nomor 1 sudah kami terima (2 berkas). Petugas akan "
        "memeriksanya; kami kabari lewat WhatsApp ini.",
        told("start_verification"),
        told("mark_incomplete", missing=["Kartu Keluarga (KK) lama"]),
        received("foto (JPEG)") + "\n\n" + told("resubmit"),
        "Terima kasih, berkas permohonan nomor 1 sudah kami terima (3 berkas). Petugas akan "
        "memeriksanya; kami kabari lewat WhatsApp ini.",
        told("approve"),
        told("start_processing"),
        told("mark_ready") + "\nTempat pengambilan: Kantor Kecamatan Bangil.",
        told("hand_over"),
    ]
    assert bot.column("name", "request_events") == [
        "submit",
        "start_verification",
        "mark_incomplete",
        "resubmit",
        "approve",
        "start_processing",
        "mark_ready",
        "hand_over",
    ]
    assert bot.column("status", "requests") == ["completed"]
    assert bot.column("content_type", "attachments") == ["image/jpeg", "image/png", "image/jpeg"]
    assert bot.column("message_id", "attachments") == ["wamid.5", "wamid.6", "wamid.8"]
    # Each file was fetched with the token: its address, then its bytes.
    assert graph.media_gets == [
        "/v21.0/foto-kk",
        "/files/foto-kk",
        "/v21.0/foto-surat",
        "/files/foto-surat",
        "/v21.0/foto-kk-2",
        "/files/foto-kk-2",
    ]
    # The NIK is kept (masked everywhere it is shown), never in a reply in full.
    assert not any(NIK in body for body in bot.outbox())


PASURUAN = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pasuruan"
MATARAM = "Dinas Kependudukan dan Catatan Sipil Kota Mataram"
ASK_OFFICE = (
    "Layanan ini diurus di Dinas Dukcapil kabupaten atau kota tempat Anda terdaftar. Di mana "
    "itu? Tuliskan kode wilayahnya (misalnya 35.14) atau namanya (misalnya kabupaten-pasuruan)."
)
TODAY = " Jam layanan hari ini (Selasa, 24 Maret 2020): 07.30–12.00, 13.00–16.00."
STILL_FILES = (
    '\n\nKami masih menunggu berkas permohonan nomor 1: kirim foto atau PDF, lalu balas "selesai".'
)


def test_status_and_hours_questions_and_a_change_of_office(asking_bot: Bot) -> None:
    bot = asking_bot
    # Tuesday 24 March 2020, 10:00 WIB: both offices open; Wednesday is Nyepi.
    assert bot.say("jam buka dukcapil?") == ASK_OFFICE
    assert bot.say("kabupaten pasuruan") == (
        f"Baik, kami layani Anda untuk {PASURUAN}.\n\n{PASURUAN} sedang buka.{TODAY}"
    )
    assert bot.say("status permohonan saya?") == (
        "Belum ada permohonan yang terdaftar dari nomor WhatsApp ini. Tuliskan keperluan Anda "
        'untuk memulai, misalnya "KTP hilang".'
    )
    for text in ("kk nambah anak", "daftar", APPLICANT, NIK):
        bot.say(text)
    assert bot.say("status") == (
        f"Permohonan nomor 1 ({SERVICE}): Diajukan.\n"
        "Permohonan Kartu Keluarga (KK): perubahan data Anda sudah kami terima. Petugas akan "
        "memeriksa berkasnya; tunggu kabar berikutnya dari kami." + STILL_FILES
    )
    # Another number is answered as unknown, whoever it belongs to; the files step stays.
    assert bot.say("permohonan 7 sudah sampai mana") == (
        "Permohonan nomor 7 tidak kami temukan untuk nomor WhatsApp ini. Periksa nomornya, "
        'atau tulis "status" saja untuk melihat permohonan Anda.' + STILL_FILES
    )
    assert bot.say("ganti kantor") == ASK_OFFICE
    assert bot.say("kota mataram") == (
        f"Baik, kami layani Anda untuk {MATARAM}.\n\n{MATARAM} sedang buka.{TODAY}"
    )
    assert bot.column("office", "conversations") == ["52.71"]
    assert bot.column("office", "requests") == ["35.14"]  # the request stays where it was made
    bot.clock.now = bot.clock.now.replace(hour=18)  # 18:00 WIB, 19:00 in Mataram (WITA)
    assert bot.say("jam buka") == (
        f"{MATARAM} sedang tutup.{TODAY} Buka berikutnya: Kamis, 26 Maret 2020 pukul 07.30."
    )
    assert bot.say("makasih") == "Sama-sama. Semoga urusan Anda lancar."


@pytest.mark.parametrize(
    ("data", "reply"),
    [
        (EXE, "Maaf, kami hanya menerima foto (JPEG, PNG, WebP) dan PDF."),
        (JPEG * 30, "Maaf, berkas itu terlalu besar (paling besar 4 KB)."),
    ],
)
def test_a_file_of_another_type_or_too_large_is_refused_and_not_kept(
    filing_bot: Bot, graph: FakeGraph, data: bytes, reply: str, tmp_path: Path
) -> None:
    graph.media["berkas"] = data
    for text in ("kk nambah anak", "daftar", APPLICANT, NIK):
        filing_bot.say(text)
    assert filing_bot.say(None, media_id="berkas").startswith(reply)
    assert filing_bot.column("id", "attachments") == []
    assert not list((tmp_path / "berkas").glob("*/*"))


def test_a_file_the_api_cannot_give_is_asked_again(filing_bot: Bot, graph: FakeGraph) -> None:
    for text in ("kk nambah anak", "daftar", APPLICANT, NIK):
        filing_bot.say(text)
    assert filing_bot.say(None, media_id="tidak-ada").startswith(
        "Maaf, berkas itu belum dapat kami ambil dari WhatsApp."
    )


def test_a_file_nobody_asked_for_is_not_even_fetched(filing_bot: Bot, graph: FakeGraph) -> None:
    graph.media["berkas"] = JPEG
    assert filing_bot.say(None, media_id="berkas").startswith(
        "Kami belum menunggu berkas dari nomor ini."
    )
    assert graph.media_gets == []


def test_files_past_the_retention_period_are_deleted_by_the_command(
    filing_bot: Bot,
    graph: FakeGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    graph.media |= {"lama": JPEG, "baru": PNG}
    for said in ("kk nambah anak", "daftar", APPLICANT, NIK):
        filing_bot.say(said)
    filing_bot.say(None, media_id="lama")
    filing_bot.say(None, media_id="baru")
    files = tmp_path / "berkas"
    assert len(list(files.glob("*/*"))) == 2
    # The command reads the real clock: the first file was received long before it, the
    # second (its row says) a day ago.
    first, second = filing_bot.column("id", "attachments")
    yesterday = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=1)
    with filing_bot.app.state.engine.begin() as conn:
        for number, at in ((first, datetime(2020, 1, 1)), (second, yesterday)):
            conn.execute(
                sql("UPDATE attachments SET received_at = :at WHERE id = :id"),
                {"at": at, "id": number},
            )
    url = filing_bot.app.state.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("DUKCAPIL_WA_DATABASE_URL", url)
    monkeypatch.setenv("DUKCAPIL_WA_MEDIA_DIR", str(files))
    monkeypatch.setenv("DUKCAPIL_WA_MEDIA_RETENTION_DAYS", "30")
    assert main(["purge-files"]) == 0
    assert capsys.readouterr().out == "deleted 1 files older than 30 days\n"
    remaining = [path.name for path in files.glob("*/*")]
    assert remaining == [hashlib.sha256(PNG).hexdigest()]
    purged = filing_bot.column("purged_at IS NOT NULL", "attachments")
    assert [bool(value) for value in purged] == [True, False]
    assert main(["purge-files"]) == 0  # nothing more to do
    assert capsys.readouterr().out == "deleted 0 files older than 30 days\n"


def test_a_pdf_sent_as_a_document_is_taken(filing_bot: Bot, graph: FakeGraph) -> None:
    graph.media["pindaian"] = b"%PDF-1.7\n" + b"0" * 500
    for said in ("kk nambah anak", "daftar", APPLICANT, NIK):
        filing_bot.say(said)
    message = payload(None, message_id="wamid.pdf")
    value = message["entry"][0]["changes"][0]["value"]
    value["messages"][0] |= {
        "type": "document",
        "document": {"id": "pindaian", "mime_type": "application/pdf", "filename": "kk.pdf"},
    }
    del value["messages"][0]["image"]
    assert filing_bot.post(message).status_code == 200
    assert filing_bot.outbox()[-1].startswith(
        "Berkas diterima untuk permohonan nomor 1: PDF, 1 KB."
    )
    assert filing_bot.column("content_type", "attachments") == ["application/pdf"]


def test_a_deployment_for_one_office_does_not_change_it(bot: Bot) -> None:
    assert bot.say("ganti kantor") == (
        "Layanan WhatsApp ini khusus untuk Dinas Kependudukan dan Pencatatan Sipil Kabupaten "
        "Pasuruan. Untuk Dinas Dukcapil lain, hubungi layanan WhatsApp Dinas tersebut."
    )


def test_a_deployment_without_the_token_lists_the_files_for_the_counter(
    database_url: str,
) -> None:
    bot = make_bot(database_url, migrate_on_start=False, access_token=None)
    try:
        for said in ("kk nambah anak", "daftar", APPLICANT):
            bot.say(said)
        assert bot.say(NIK).endswith(
            "Bawa berkas berikut ke loket Dinas Dukcapil saat dipanggil:\n"
            "1. Kartu Keluarga (KK) lama\n"
            "2. Surat keterangan atau bukti perubahan peristiwa kependudukan dan peristiwa penting"
        )
        assert bot.say(None) == (
            "Maaf, layanan WhatsApp ini belum dapat menerima berkas. Bawa berkasnya ke loket "
            "Dinas Dukcapil."
        )
        assert bot.column("state", "conversations") == ["idle"]
    finally:
        bot.app.state.engine.dispose()


def test_a_need_written_where_the_office_is_asked_is_a_new_need(asking_bot: Bot) -> None:
    assert asking_bot.say("kk nambah anak") == ASK_OFFICE
    assert asking_bot.say("eh ktp hilang") == ASK_OFFICE
    assert asking_bot.column("service", "conversations") == ["ktp-el/cetak-ulang"]
    assert asking_bot.say("35.14").startswith(
        f"Baik, kami layani Anda untuk {PASURUAN}.\n\nSilakan ajukan KTP elektronik"
    )


def test_a_location_is_answered_with_what_the_service_reads(bot: Bot) -> None:
    message = payload(None, message_id="wamid.lokasi")
    value = message["entry"][0]["changes"][0]["value"]
    del value["messages"][0]["image"]
    value["messages"][0] |= {
        "type": "location",
        "location": {"latitude": -7.6, "longitude": 112.9},
    }
    assert bot.post(message).status_code == 200
    assert bot.outbox() == [
        "Maaf, kami hanya dapat membaca pesan teks, foto dan PDF. Silakan tuliskan keperluan Anda."
    ]


def test_a_file_larger_than_announced_is_cut_off_while_it_downloads(
    filing_bot: Bot, graph: FakeGraph, tmp_path: Path
) -> None:
    graph.media["besar"] = JPEG * 30
    graph.announced_size = 100  # the address claims a small file
    for said in ("kk nambah anak", "daftar", APPLICANT, NIK):
        filing_bot.say(said)
    assert filing_bot.say(None, media_id="besar").startswith("Maaf, berkas itu terlalu besar")
    assert filing_bot.column("id", "attachments") == []
    assert not list((tmp_path / "berkas").glob("*/*"))


def test_a_media_address_off_https_is_not_fetched_with_the_token(
    filing_bot: Bot, graph: FakeGraph
) -> None:
    graph.media["berkas"] = JPEG
    graph.file_host = "127.0.0.1.example"  # plain HTTP, and not the loopback
    for said in ("kk nambah anak", "daftar", APPLICANT, NIK):
        filing_bot.say(said)
    assert filing_bot.say(None, media_id="berkas").startswith(
        "Maaf, berkas itu belum dapat kami ambil dari WhatsApp."
    )
    assert graph.media_gets == ["/v21.0/berkas"]  # the address only, never the file
