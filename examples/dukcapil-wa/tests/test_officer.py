"""The officer page, and requests stored as append-only events with an optimistic check."""

from __future__ import annotations

import json
import re
import threading
from typing import Any

import pytest
from chat import CITIZEN, Bot, act, register
from dukcapil_wa.db import EventRow, RequestRow, make_sessions
from dukcapil_wa.store import Conflict, apply_event, load
from dukcapil_wa.texts import EVENT_LABELS, STATUS_LABELS
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from adminduk import RequestEvent, RequestStatus, ServiceRequest
from adminduk.lifecycle import allowed_events


def buttons(page: str, number: int) -> list[str]:
    article = page.split(f'id="permohonan-{number}"')[1].split("</article>")[0]
    return re.findall(r'name="do" value="([a-z_]+)"', article)


def test_the_page_lists_requests_by_status_with_personal_data_masked(bot: Bot) -> None:
    first = register(bot)
    second = register(bot, "ktp hilang", "6285337287689")
    assert act(bot, first, "start_verification").status_code == 303
    page = bot.page()
    assert page.index("Sedang diverifikasi (1)") < page.index(f"permohonan-{first}")
    assert page.index("Diajukan (1)") < page.index(f"permohonan-{second}")
    assert "+62813******91" in page
    assert "+62853******89" in page
    assert "1359547" not in page
    assert "3372876" not in page


def test_the_buttons_are_the_events_the_table_allows(bot: Bot) -> None:
    number = register(bot)
    for event in ["start_verification", "approve", "start_processing"]:
        page = bot.page()
        request = load(make_sessions(bot.app.state.engine)(), number).request
        expected = [e.value for e in request.allowed_events()]
        assert buttons(page, number) == expected
        assert set(expected) <= {e.value for e in allowed_events(request.status)}
        for value in expected:
            assert EVENT_LABELS[RequestEvent(value)] in page
        act(bot, number, event)


def test_mark_incomplete_asks_for_the_missing_items_and_tells_the_citizen(bot: Bot) -> None:
    number = register(bot)
    act(bot, number, "start_verification")
    page = bot.page()
    assert 'name="missing" required' in page
    refused = act(bot, number, "mark_incomplete", {"missing": " , "})
    assert refused.status_code == 422
    assert "missing" in refused.text
    done = act(bot, number, "mark_incomplete", {"missing": "foto KK lama, surat keterangan lahir"})
    assert done.status_code == 303
    assert bot.outbox()[-1] == (
        "Permohonan nomor 1: Berkas permohonan Kartu Keluarga (KK): perubahan data Anda belum "
        "lengkap atau tidak terbaca: foto KK lama, surat keterangan lahir. Kirim ulang berkas "
        "tersebut (foto yang jelas atau PDF) agar dapat diperiksa kembali."
    )
    page = bot.page()
    assert "Berkas kurang: foto KK lama, surat keterangan lahir" in page
    assert buttons(page, number) == ["resubmit", "reject", "withdraw"]


def test_submitted_to_completed_tells_the_citizen_each_step(bot: Bot) -> None:
    number = register(bot)
    steps = ["start_verification", "approve", "start_processing", "mark_ready", "hand_over"]
    for step in steps:
        form = {"pickup_place": "Kantor Kecamatan Bangil"} if step == "mark_ready" else {}
        assert act(bot, number, step, form).status_code == 303
    told = bot.outbox()[-len(steps) :]
    # The library's message for each event (what happened, what to do next), after the number.
    assert told == [
        "Permohonan nomor 1: "
        + RequestEvent(step).citizen_message("kk/perubahan")
        + ("\nTempat pengambilan: Kantor Kecamatan Bangil." if step == "mark_ready" else "")
        for step in steps
    ]
    assert told[-1] == (
        "Permohonan nomor 1: Dokumen Kartu Keluarga (KK): perubahan data Anda sudah diserahkan; "
        "permohonan selesai. Periksa data pada dokumen; bila ada yang salah, ajukan pembetulan "
        "(gratis)."
    )
    page = bot.page()
    assert "Selesai (1)" in page
    assert buttons(page, number) == []


def test_history_is_one_row_per_entry_and_replays_to_the_request(bot: Bot) -> None:
    number = register(bot)
    act(bot, number, "start_verification")
    act(bot, number, "reject", {"reason": "bukan warga Kabupaten Pasuruan"})
    rows = bot.column("entry", "request_events", f"request_id = {number}")
    assert bot.column("seq", "request_events") == [0, 1, 2]
    assert bot.column("name", "request_events") == ["submit", "start_verification", "reject"]
    request = ServiceRequest.from_history([json.loads(row) for row in rows])
    assert request.status.value == "rejected"
    assert request.phone is not None
    assert request.phone.reveal() == "+" + CITIZEN
    assert bot.column("status", "requests") == ["rejected"]
    assert bot.column("version", "requests") == [3]
    assert "ditolak: bukan warga Kabupaten Pasuruan. Anda dapat mengajukan" in bot.outbox()[-1]


def test_an_officer_acting_on_an_old_page_gets_409(bot: Bot) -> None:
    number = register(bot)
    assert act(bot, number, "start_verification", version=1).status_code == 303
    late = act(bot, number, "withdraw", version=1)
    assert late.status_code == 409
    assert "sudah diubah petugas lain" in late.text
    assert bot.column("name", "request_events") == ["submit", "start_verification"]


@pytest.mark.parametrize(
    ("event", "form", "status"),
    [
        ("hand_over", {}, 422),  # not allowed in 'submitted'
        ("terbang", {}, 422),  # not an event
        ("reject", {}, 422),  # not allowed yet, and needs a reason
    ],
)
def test_refused_events_change_nothing(
    bot: Bot, event: str, form: dict[str, str], status: int
) -> None:
    number = register(bot)
    bot.as_officer()
    before = bot.dump()
    response = act(bot, number, event, form)
    assert response.status_code == status
    assert bot.dump() == before


def test_an_unknown_request_is_404(bot: Bot) -> None:
    assert act(bot, 99, "approve", version=1).status_code == 404


def test_two_officers_at_the_same_moment_one_wins_one_gets_409(bot: Bot) -> None:
    number = register(bot)
    act(bot, number, "start_verification")
    both_read = threading.Barrier(2, timeout=10)
    sessions = make_sessions(bot.app.state.engine)
    outcomes: list[str] = []

    def officer(event: RequestEvent, details: dict[str, Any]) -> None:
        try:
            with sessions.begin() as session:
                apply_event(
                    session, number, 2, event, bot.clock(), details, before_write=both_read.wait
                )
            outcomes.append(f"won:{event.value}")
        except Conflict:
            outcomes.append("409")

    threads = [
        threading.Thread(target=officer, args=(RequestEvent.APPROVE, {})),
        threading.Thread(
            target=officer, args=(RequestEvent.MARK_INCOMPLETE, {"missing": ["foto KK"]})
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes)[0] == "409"
    assert sorted(outcomes)[1].startswith("won:")
    names = bot.column("name", "request_events", f"request_id = {number}")
    assert names[:2] == ["submit", "start_verification"]
    assert len(names) == 3
    assert names[2] == sorted(outcomes)[1].removeprefix("won:")
    assert bot.column("version", "requests") == [3]
    assert bot.column("seq", "request_events") == [0, 1, 2]
    told = bot.outbox()[4:]  # after the four chat replies: one notification per event
    assert len(told) == 2
    assert ("disetujui" in told[1]) == (names[2] == "approve")


def test_the_status_row_guard_refuses_a_write_after_another_commit(bot: Bot) -> None:
    number = register(bot)
    sessions = make_sessions(bot.app.state.engine)

    def another_officer_commits() -> None:
        with sessions.begin() as other:
            other.execute(update(RequestRow).values(version=RequestRow.version + 1))

    with pytest.raises(Conflict), sessions.begin() as session:
        apply_event(
            session,
            number,
            1,
            RequestEvent.START_VERIFICATION,
            bot.clock(),
            {},
            before_write=another_officer_commits,
        )
    assert bot.column("name", "request_events") == ["submit"]


def test_the_database_refuses_a_second_event_at_the_same_place(bot: Bot) -> None:
    number = register(bot)
    sessions = make_sessions(bot.app.state.engine)
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add(EventRow(request_id=number, seq=0, name="submit", entry="{}"))


def test_every_status_and_event_has_an_indonesian_label() -> None:
    assert {s.value for s in STATUS_LABELS} == {s.value for s in RequestStatus}
    assert {e.value for e in EVENT_LABELS} == {e.value for e in RequestEvent}
