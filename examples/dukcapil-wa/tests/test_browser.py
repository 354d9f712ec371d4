"""The officer page in a real headless browser: Debian's Chromium, driven by Playwright.

Playwright is told to use ``/usr/bin/chromium`` and never downloads a browser of its own. Where
that browser is not installed the test is skipped, and says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chat import PASSWORD, Bot, make_bot, register, serve, sqlite_url

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
def bot(tmp_path: Path) -> Iterator[Bot]:
    """A bot served over plain HTTP on loopback: its session cookie cannot be ``Secure``."""
    made = make_bot(sqlite_url(tmp_path), cookie_secure=False)
    yield made
    made.app.state.engine.dispose()


@pytest.fixture
def server(bot: Bot) -> Iterator[str]:
    """The bot's app served by uvicorn on a free loopback port."""
    with serve(bot.app, log_level="warning") as port:
        yield f"http://127.0.0.1:{port}"


def test_an_officer_clicks_a_request_from_submitted_to_completed(
    bot: Bot, server: str, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    number = register(bot)
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
            assert page.locator("#petugas").inner_text() == "siti (officer, kantor 35.14)"
            # The style sheet loads under the CSP (no inline style is allowed).
            margin = page.evaluate("getComputedStyle(document.body).marginTop")
            assert margin == "32px"
            card = page.locator(f"#permohonan-{number}")
            assert card.locator(".status").inner_text() == "Diajukan"
            assert "+62813******91" in card.inner_text()
            steps = [
                ("Mulai verifikasi", "Sedang diverifikasi"),
                ("Setujui", "Terverifikasi"),
                ("Mulai cetak", "Sedang dicetak"),
                ("Siap diambil", "Siap diambil"),
                ("Serahkan ke pemohon", "Selesai"),
            ]
            for button, status in steps:
                if button == "Siap diambil":
                    card.get_by_label("Tempat pengambilan").fill("Kantor Kecamatan Bangil")
                with page.expect_navigation():
                    card.get_by_role("button", name=button).click()
                card = page.locator(f"#permohonan-{number}")
                assert card.locator(".status").inner_text() == status
            assert card.get_by_role("button").count() == 0
            assert page.locator("#status-completed h2").inner_text() == "Selesai (1)"
            assert "1359547" not in page.content()
            page.get_by_role("link", name=f"Nomor {number}").click()
            trail = page.locator("#jejak").inner_text()
            assert trail.count("siti") == 5
            assert "127.0.0.1" in trail
            with page.expect_navigation():
                page.get_by_role("button", name="Keluar").click()
            assert page.url == f"{server}/officer/login"
            page.goto(f"{server}/officer")
            assert page.url == f"{server}/officer/login"
        finally:
            context.close()
    assert bot.outbox()[-1].endswith("sudah diserahkan. Terima kasih.")
    assert bot.column("name", "request_events") == [
        "submit",
        "start_verification",
        "approve",
        "start_processing",
        "mark_ready",
        "hand_over",
    ]
