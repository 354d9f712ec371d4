"""The officer pages' defences, each tried over HTTP: login, CSRF, origin, office, headers."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from chat import CITIZEN, PASSWORD, Bot, act, csrf_of, make_bot, payload, register, sqlite_url
from dukcapil_wa.cli import main
from fastapi.testclient import TestClient
from httpx2 import Response

from adminduk import RequestEvent

PHISHING = "Verifikasi ulang data Anda di https://dukcapil-verifikasi.example dan kirim kode OTP"


def post_event(bot: Bot, number: int, event: str, **extra: str) -> Response:
    return bot.client.post(
        f"/officer/requests/{number}/events",
        data={"event": event, "version": "1", **extra},
        follow_redirects=False,
    )


# -- no session -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/officer", "/officer/requests/1", "/officer/officers"])
def test_an_officer_page_without_a_session_sends_to_the_login(bot: Bot, path: str) -> None:
    register(bot)
    response = bot.client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/officer/login"
    assert "permohonan-1" not in response.text


def test_an_event_post_without_a_session_gets_401_and_changes_nothing(bot: Bot) -> None:
    number = register(bot)
    before = bot.dump()
    response = post_event(bot, number, "start_verification", csrf_token="x")
    assert response.status_code == 401
    assert bot.dump() == before


def test_the_issues_chained_attack_is_refused_at_each_step(bot: Bot) -> None:
    # Forge a request in a victim's name: refused, unsigned.
    forged = bot.client.post("/webhook", json=payload("kk nambah anak", CITIZEN))
    assert forged.status_code == 401
    number = register(bot)  # suppose the victim really has a request
    bot.as_officer()  # and an officer is logged in in the same browser
    before = bot.dump()
    for event, extra in [("start_verification", {}), ("reject", {"reason": PHISHING})]:
        response = bot.client.post(
            f"/officer/requests/{number}/events",
            data={"event": event, "version": "1", **extra},
            headers={"Origin": "https://evil.example"},
            follow_redirects=False,
        )
        assert response.status_code == 403
    assert bot.dump() == before
    assert not any("dukcapil-verifikasi" in body for body in bot.outbox())


# -- CSRF -------------------------------------------------------------------------------------


@pytest.mark.parametrize("token", [None, "", "salah", "x" * 43])
def test_a_post_without_the_sessions_csrf_token_gets_403(bot: Bot, token: str | None) -> None:
    number = register(bot)
    bot.as_officer()
    before = bot.dump()
    extra = {} if token is None else {"csrf_token": token}
    response = post_event(bot, number, "start_verification", **extra)
    assert response.status_code == 403
    assert bot.dump() == before


def test_every_form_on_every_page_carries_the_csrf_token(bot: Bot) -> None:
    number = register(bot)
    bot.add_officer("kepala", role="supervisor")
    bot.login("kepala")
    token = bot.as_officer()
    for path in ["/officer", f"/officer/requests/{number}", "/officer/officers"]:
        page = bot.page(path)
        forms = re.findall(r"<form.*?</form>", page, re.DOTALL)
        assert forms, path
        for form in forms:
            if 'method="post"' in form:
                assert f'name="csrf_token" value="{token}"' in form, (path, form)
    login_page = bot.client.get("/officer/login").text
    assert csrf_of(login_page)


def test_a_login_without_the_forms_token_gets_403(bot: Bot) -> None:
    bot.add_officer()
    response = bot.client.post(
        "/officer/login",
        data={"username": "petugas", "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert bot.csrf is None


def test_a_tampered_session_cookie_is_no_session(bot: Bot) -> None:
    bot.as_officer()
    name = next(iter(bot.client.cookies.keys()))
    value = bot.client.cookies[name]
    signature = value.rsplit(".", 1)[1]
    forged = signature[:5] + ("A" if signature[5] != "A" else "B") + signature[6:]
    bot.client.cookies.clear()
    cookie = {"cookie": f"{name}={value.rsplit('.', 1)[0]}.{forged}"}
    assert bot.client.get("/officer", headers=cookie, follow_redirects=False).status_code == 303
    cookie = {"cookie": f"{name}={value}"}
    assert bot.client.get("/officer", headers=cookie, follow_redirects=False).status_code == 200


# -- the office -------------------------------------------------------------------------------


def test_an_officer_of_another_office_neither_sees_nor_acts(bot: Bot) -> None:
    number = register(bot)  # a request to Kabupaten Pasuruan (35.14)
    bot.add_officer("lain", office="35.13")  # an officer of Kabupaten Probolinggo
    assert bot.login("lain").status_code == 303
    assert f"permohonan-{number}" not in bot.page("/officer")
    assert bot.client.get(f"/officer/requests/{number}").status_code == 404
    before = bot.dump()
    response = post_event(bot, number, "start_verification", csrf_token=bot.csrf or "")
    assert response.status_code == 404
    assert bot.dump() == before


@pytest.mark.parametrize(
    "number", ["99999999999999999999999", "2147483648", "0", "-1", "1e3", "１", "abc"]
)
def test_an_impossible_request_number_is_404(bot: Bot, number: str) -> None:
    register(bot)
    token = bot.as_officer()
    assert bot.client.get(f"/officer/requests/{number}").status_code == 404
    response = bot.client.post(
        f"/officer/requests/{number}/events",
        data={"event": "approve", "version": "1", "csrf_token": token},
    )
    assert response.status_code == 404


@pytest.mark.parametrize("version", ["99999999999999999999999", "-1", "x"])
def test_an_impossible_version_is_422_not_500(bot: Bot, version: str) -> None:
    number = register(bot)
    response = act(bot, number, "start_verification", version=None, form={"version": version})
    assert response.status_code == 422
    assert version not in response.text


# -- logins -----------------------------------------------------------------------------------


def test_a_wrong_password_is_refused_and_recorded(bot: Bot) -> None:
    bot.add_officer()
    assert bot.login(password="bukan-kata-sandinya").status_code == 401
    assert bot.login("tidak-ada").status_code == 401
    assert bot.column("action", "audit") == ["login_failed", "login_failed"]
    assert bot.column("username", "audit") == ["petugas", "tidak-ada"]


def test_five_failures_lock_the_username_for_a_while(bot: Bot) -> None:
    bot.add_officer()
    bot.clock.step = bot.clock.step / 60  # a second per reading
    for _ in range(5):
        assert bot.login(password="bukan-kata-sandinya").status_code == 401
    assert bot.login().status_code == 429  # even the right password
    bot.clock.now += 16 * 60 * bot.clock.step
    assert bot.login().status_code == 303


def test_a_switched_off_account_ends_its_session(bot: Bot) -> None:
    bot.add_officer("kepala", role="supervisor")
    victim = bot.add_officer("lama")
    other = Bot(bot.app, TestClient(bot.app, base_url="https://testserver"), bot.clock)
    assert other.login("lama").status_code == 303
    assert bot.login("kepala").status_code == 303
    response = bot.client.post(
        f"/officer/officers/{victim}/deactivate",
        data={"csrf_token": bot.csrf or ""},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert other.client.get("/officer", follow_redirects=False).status_code == 303
    assert other.login("lama").status_code == 401
    assert bot.column("active", "officers") == [True, False] or bot.column(
        "active", "officers"
    ) == [1, 0]


def test_the_session_cookie_is_httponly_strict_and_secure(bot: Bot) -> None:
    bot.add_officer()
    form = bot.client.get("/officer/login")
    response = bot.client.post(
        "/officer/login",
        data={"username": "petugas", "password": PASSWORD, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-dukcapil-wa=")
    for flag in ["HttpOnly", "SameSite=strict", "Secure", "Path=/"]:
        assert flag in cookie, cookie
    assert "Domain" not in cookie


def test_a_login_replaces_the_token_from_before_it(bot: Bot) -> None:
    bot.add_officer()
    before = csrf_of(bot.client.get("/officer/login").text)
    bot.login()
    assert bot.csrf not in (None, before)


# -- headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/officer/login", "/webhook", "/officer/style.css"])
def test_every_response_carries_the_security_headers(bot: Bot, path: str) -> None:
    headers = bot.client.get(path).headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "script-src" not in headers["content-security-policy"]  # no script at all
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-content-type-options"] == "nosniff"


# -- roles and the audit ----------------------------------------------------------------------


def test_an_officer_cannot_manage_accounts(bot: Bot) -> None:
    token = bot.as_officer()
    assert bot.client.get("/officer/officers").status_code == 403
    response = bot.client.post(
        "/officer/officers",
        data={"username": "baru", "password": "x" * 12, "role": "supervisor", "csrf_token": token},
    )
    assert response.status_code == 403
    assert bot.column("username", "officers") == ["petugas"]


def test_a_supervisor_adds_an_officer_to_their_own_office(bot: Bot) -> None:
    bot.add_officer("kepala", office="35.13", role="supervisor")
    assert bot.login("kepala").status_code == 303
    response = bot.client.post(
        "/officer/officers",
        data={
            "username": "Baru",
            "password": "kata-sandi-baru-12",
            "role": "officer",
            "csrf_token": bot.csrf or "",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert bot.column("office", "officers") == ["35.13", "35.13"]
    assert bot.login("baru", "kata-sandi-baru-12").status_code == 303
    assert bot.column("action", "audit") == ["login", "create_officer", "login"]
    short = bot.client.post(
        "/officer/officers",
        data={"username": "b2", "password": "pendek", "role": "officer", "csrf_token": bot.csrf},
    )
    assert short.status_code == 403  # "baru" is an officer, not a supervisor


def test_every_officer_action_is_shown_on_the_request_with_who_and_from_where(bot: Bot) -> None:
    number = register(bot)
    act(bot, number, "start_verification")
    act(bot, number, "reject", {"reason": "<script>alert(1)</script>"})
    page = bot.page(f"/officer/requests/{number}")
    trail = page.split('id="jejak"')[1]
    assert trail.count("petugas") == 2
    assert RequestEvent.START_VERIFICATION.label("id") in trail
    assert RequestEvent.REJECT.label("id") in trail
    assert "testclient" in trail  # the client's address, as uvicorn gives it
    assert "24-03-2020" in trail
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_create_officer_makes_the_first_supervisor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bot = make_bot(sqlite_url(tmp_path))
    try:
        monkeypatch.setenv("DUKCAPIL_WA_DATABASE_URL", f"sqlite:///{tmp_path / 'wa.db'}")
        monkeypatch.setattr("sys.stdin", io.StringIO("kata-sandi-pertama\n"))
        assert main(["create-officer", "Kepala", "--office", "35.14", "--role", "supervisor"]) == 0
        assert "created officer kepala (supervisor, office 35.14)" in capsys.readouterr().out
        assert bot.login("kepala", "kata-sandi-pertama").status_code == 303
        monkeypatch.setattr("sys.stdin", io.StringIO("kata-sandi-kedua\n"))
        assert main(["create-officer", "kepala", "--office", "35.14"]) == 2
        assert "username: 'kepala' is taken" in capsys.readouterr().err
        monkeypatch.setattr("sys.stdin", io.StringIO("kata-sandi-kedua\n"))
        assert main(["create-officer", "kedua", "--office", "atlantis"]) == 2
        assert "office: no office 'atlantis'" in capsys.readouterr().err
    finally:
        bot.app.state.engine.dispose()
