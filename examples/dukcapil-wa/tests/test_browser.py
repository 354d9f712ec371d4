"""The officer page in a real headless browser: Debian's Chromium, driven by Playwright.

Playwright is told to use ``/usr/bin/chromium`` and never downloads a browser of its own. Where
that browser is not installed the test is skipped, and says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chat import APPLICANT, NIK, PASSWORD, Bot, make_bot, register, serve, sqlite_url
from fake_graph import JPEG, PNG, TOKEN, FakeGraph, fake_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"no browser at {CHROMIUM}: install Debian's chromium and chromium-driver "
    "(.ci/run does) to run the browser test",
)


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with fake_graph() as served:
        yield served


@pytest.fixture
def bot(tmp_path: Path, graph: FakeGraph) -> Iterator[Bot]:
    """A bot served over plain HTTP on loopback (its session cookie cannot be ``Secure``),
    taking files from the fake Graph API."""
    made = make_bot(
        sqlite_url(tmp_path),
        cookie_secure=False,
        access_token=TOKEN,
        graph_api_url=graph.url,
        media_dir=tmp_path / "berkas",
    )
    yield made
    made.app.state.engine.dispose()


@pytest.fixture
def server(bot: Bot) -> Iterator[str]:
    """The bot's app served by uvicorn on a free loopback port."""
    with serve(bot.app, log_level="warning") as port:
        yield f"http://127.0.0.1:{port}"


def test_an_officer_serves_a_request_with_files_from_submitted_to_completed(
    bot: Bot, server: str, graph: FakeGraph, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    graph.media |= {"foto-kk": JPEG, "foto-kk-baru": PNG}
    register(bot, "ktp hilang", "6285337287689")  # another request, to search past
    number = register(bot)
    bot.say(None, media_id="foto-kk")
    bot.add_officer("siti")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # a fresh --user-data-dir
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
        )
        try:
            page = context.new_page()
            page.goto(f"{server}/officer")
            assert page.url == f"{server}/officer/login"  # no session: the login page first
            page.get_by_label("Nama pengguna").fill("siti")
            page.get_by_label("Kata sandi").fill(PASSWORD)
            with page.expect_navigation():
                page.get_by_role("button", name="Masuk").click()
            assert page.url == f"{server}/officer", page.content()
            assert page.locator("#petugas").inner_text() == "siti (petugas, kantor 35.14)"
            # The style sheet loads under the CSP (no inline style is allowed).
            margin = page.evaluate("getComputedStyle(document.body).marginTop")
            assert margin == "32px"
            # Find the request: by its service's words.
            page.get_by_label("Nomor atau layanan").fill("kartu keluarga")
            with page.expect_navigation():
                page.get_by_role("button", name="Cari").click()
            assert page.locator("article").count() == 1
            card = page.locator(f"#permohonan-{number}")
            assert card.locator(".status").inner_text() == "Diajukan"
            assert card.locator(".nama").inner_text() == APPLICANT
            assert card.locator(".nik").inner_text() == "3514**********01"
            assert "+62813******91" in card.inner_text()
            assert "1 berkas" in card.inner_text()
            with page.expect_navigation():
                card.get_by_role("button", name="Mulai verifikasi").click()
            page.goto(f"{server}/officer/requests/{number}")
            # Open the citizen's file: it comes in a tab of its own, as the bytes they sent.
            with context.expect_page() as opened:
                page.get_by_role("link", name="Berkas 1: foto (JPEG)").click()
            shown = opened.value
            shown.wait_for_load_state()
            assert shown.evaluate("document.contentType") == "image/jpeg"
            shown.close()
            # Not readable: mark it incomplete with the checklist's item ticked.
            form = page.locator("#tindakan-mark_incomplete")
            form.get_by_label("Kartu Keluarga (KK) lama").check()
            with page.expect_navigation():
                form.get_by_role("button", name="Tandai berkas kurang").click()
            card = page.locator(f"#permohonan-{number}")
            assert card.locator(".status").inner_text() == "Berkas kurang"
            assert "Berkas kurang: Kartu Keluarga (KK) lama" in card.inner_text()
            # The citizen sends a new photo: it arrives on the same request, back in verification.
            bot.say(None, media_id="foto-kk-baru")
            page.goto(f"{server}/officer/requests/{number}")
            assert page.locator(".status").inner_text() == "Sedang diverifikasi"
            files = page.locator("#daftar-berkas li")
            assert files.count() == 2
            assert "Berkas 2: foto (PNG)" in files.nth(1).inner_text()
            steps = [
                ("Setujui berkas", "Terverifikasi"),
                ("Mulai proses cetak", "Sedang diproses"),
                ("Tandai siap diambil", "Siap diambil"),
                ("Serahkan dokumen", "Selesai"),
            ]
            page.goto(f"{server}/officer")
            for button, status in steps:
                card = page.locator(f"#permohonan-{number}")
                if button == "Tandai siap diambil":
                    card.get_by_label("Tempat pengambilan").fill("Kantor Kecamatan Bangil")
                with page.expect_navigation():
                    card.get_by_role("button", name=button).click()
                card = page.locator(f"#permohonan-{number}")
                assert card.locator(".status").inner_text() == status
            assert card.get_by_role("button").count() == 0
            assert page.locator("#status-completed h2").inner_text() == "Selesai (1)"
            assert "1359547" not in page.content()
            assert NIK not in page.content()
            page.get_by_role("link", name=f"Nomor {number}").click()
            trail = page.locator("#jejak").inner_text()
            assert trail.count("siti") == 7  # six events and one file opened
            assert "Buka berkas" in trail
            assert "127.0.0.1" in trail
            with page.expect_navigation():
                page.get_by_role("button", name="Keluar").click()
            assert page.url == f"{server}/officer/login"
            page.goto(f"{server}/officer/attachments/1")
            assert page.url == f"{server}/officer/login"  # a file needs a session too
        finally:
            context.close()
    assert "sudah diserahkan; permohonan selesai." in bot.outbox()[-1]
    assert bot.column("name", "request_events", f"request_id = {number}") == [
        "submit",
        "start_verification",
        "mark_incomplete",
        "resubmit",
        "approve",
        "start_processing",
        "mark_ready",
        "hand_over",
    ]
