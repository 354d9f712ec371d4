"""The officer console: search, applicant, due date, files, checklist, and its audit."""

from __future__ import annotations

from datetime import timedelta

from chat import APPLICANT, NIK, Bot, act, register
from fake_graph import JPEG, FakeGraph

from adminduk import RequestEvent

OTHER = "6285337287689"


def card(page: str, number: int) -> str:
    return page.split(f'id="permohonan-{number}"')[1].split("</article>")[0]


def test_the_list_shows_names_masked_niks_offices_and_indonesian_labels(bot: Bot) -> None:
    number = register(bot)
    page = bot.page()
    shown = card(page, number)
    assert APPLICANT in shown
    assert "3514**********01" in shown
    assert NIK not in page
    assert "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pasuruan" in shown
    assert "Saluran WhatsApp" in shown
    assert "counter" not in page
    assert "(petugas, kantor 35.14)" in page


def test_search_by_number_service_and_date(bot: Bot) -> None:
    first = register(bot)
    second = register(bot, "ktp hilang", OTHER)
    by_number = bot.page(f"/officer?q={second}")
    assert f'id="permohonan-{second}"' in by_number
    assert f'id="permohonan-{first}"' not in by_number
    by_service = bot.page("/officer?q=kartu+keluarga")
    assert f'id="permohonan-{first}"' in by_service
    assert f'id="permohonan-{second}"' not in by_service
    assert f'id="permohonan-{first}"' in bot.page("/officer?tanggal=2020-03-24")
    assert "Tidak ada permohonan yang cocok." in bot.page("/officer?tanggal=2020-03-25")
    assert "Tanggal harus berbentuk TTTT-BB-HH." in bot.page("/officer?tanggal=24%2F03%2F2020")


def test_the_due_date_and_the_late_flag_follow_the_office_standard(bot: Bot) -> None:
    # Pasuruan publishes a completion time for a lost KTP-el's reprint, none for a KK change.
    ktp = register(bot, "ktp hilang", OTHER)
    kk = register(bot)
    for number in (ktp, kk):
        act(bot, number, "start_verification")
        act(bot, number, "approve")
    page = bot.page()
    assert "target selesai 01-04-2020 07:30" in card(page, ktp)
    assert "Terlambat" not in card(page, ktp)
    assert "target selesai" not in card(page, kk)
    bot.clock.now += timedelta(days=14)
    page = bot.page()
    assert "Terlambat" in card(page, ktp)
    assert "Terlambat" not in card(page, kk)


def test_showing_the_nik_needs_a_reason_and_is_audited(bot: Bot) -> None:
    number = register(bot)
    csrf = bot.as_officer()
    page = bot.page(f"/officer/requests/{number}")
    assert NIK not in page
    assert "Tampilkan NIK" in page
    refused = bot.client.post(
        f"/officer/requests/{number}/nik", data={"csrf_token": csrf, "reason": " "}
    )
    assert refused.status_code == 422
    assert NIK not in refused.text
    reason = "pemohon menelepon, cocokkan data"
    shown = bot.client.post(
        f"/officer/requests/{number}/nik", data={"csrf_token": csrf, "reason": reason}
    )
    assert shown.status_code == 200
    assert f'id="nik">{NIK}<' in shown.text
    assert 'id="telepon">+6281359547691<' in shown.text  # to call the applicant back
    assert bot.column("action", "audit", "action = 'show_nik'") == ["show_nik"]
    assert bot.column("detail", "audit", "action = 'show_nik'") == [reason]
    assert NIK not in bot.page(f"/officer/requests/{number}")  # masked again afterwards
    no_token = bot.client.post(f"/officer/requests/{number}/nik", data={"reason": reason})
    assert no_token.status_code == 403


def test_files_open_for_the_offices_officers_only_and_each_opening_is_audited(
    filing_bot: Bot, graph: FakeGraph
) -> None:
    bot = filing_bot
    graph.media["ktp"] = JPEG
    number = register(bot)
    bot.say(None, media_id="ktp")
    (file_id,) = bot.column("id", "attachments")
    page = bot.page(f"/officer/requests/{number}")
    assert f'href="/officer/attachments/{file_id}"' in page
    opened = bot.client.get(f"/officer/attachments/{file_id}")
    assert opened.status_code == 200
    assert opened.content == JPEG
    assert opened.headers["content-type"] == "image/jpeg"
    assert opened.headers["cache-control"] == "no-store"
    assert "sandbox" in opened.headers["content-security-policy"]
    assert bot.column("action", "audit", "action = 'open_file'") == ["open_file"]
    bot.add_officer("budi", office="52.71")
    bot.client.cookies.clear()
    assert bot.login("budi").status_code == 303
    elsewhere = bot.client.get(f"/officer/attachments/{file_id}")
    assert elsewhere.status_code == 404
    assert "Berkas itu tidak ada." in elsewhere.text
    bot.client.cookies.clear()
    anonymous = bot.client.get(f"/officer/attachments/{file_id}", follow_redirects=False)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"] == "/officer/login"


def test_the_checklist_ticks_what_the_officer_marked_missing(bot: Bot) -> None:
    number = register(bot)
    csrf = bot.as_officer()
    act(bot, number, "start_verification")
    page = bot.page(f"/officer/requests/{number}")
    assert 'name="missing_item" value="Kartu Keluarga (KK) lama"' in page
    response = bot.client.post(
        f"/officer/requests/{number}/events",
        data={
            "event": RequestEvent.MARK_INCOMPLETE.value,
            "version": "2",
            "csrf_token": csrf,
            "missing_item": ["Kartu Keluarga (KK) lama"],
            "missing": "foto buram",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    page = bot.page(f"/officer/requests/{number}")
    assert '☒ <strong class="kurang">Kartu Keluarga (KK) lama (kurang)</strong>' in page
    assert "☐ Surat keterangan" in page
    assert "tidak terbaca: Kartu Keluarga (KK) lama, foto buram. Kirim ulang" in bot.outbox()[-1]
