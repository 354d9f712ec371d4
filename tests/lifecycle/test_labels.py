"""Public names in Indonesian and English: services, statuses, events, citizen messages, and
TransitionError in both languages (issue 28)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

import adminduk
from adminduk import OutOfRange, RequestEvent, RequestStatus, Service, TransitionError
from adminduk._advice_text import TEXT
from adminduk.advice._wording import in_a_sentence
from adminduk.errors import UnknownService
from adminduk.lifecycle import TRANSITIONS, ServiceRequest

START = datetime(2020, 3, 23, 9, 0)


def test_every_service_has_a_name_in_both_languages_and_the_names_differ() -> None:
    services = [entry.service for entry in adminduk.catalogue()]
    for lang in ("id", "en"):
        names = [service.name(lang) for service in services]
        assert all(names) and len(set(names)) == len(names)
    assert Service.parse("kk/baru").name("id-ID") == Service.parse("kk/baru").name()


def test_the_service_name_is_the_one_replies_use() -> None:
    office, service = "52.71", Service.parse("kk/perubahan")
    advice = adminduk.advise(office, service, at=START)
    assert service.name("id") in advice.to_message("id")
    # English writes it in lower case within a sentence ("Please apply for family card …").
    assert in_a_sentence(service.name("en")) in advice.to_message("en")


@pytest.mark.parametrize("lang", ["fr", "", None, 3, "xx-ID"])
def test_a_language_the_texts_are_not_written_in_is_refused(lang: object) -> None:
    for call in (
        lambda: Service.parse("kk/baru").name(lang),  # type: ignore[arg-type]
        lambda: RequestStatus.READY.label(lang),  # type: ignore[arg-type]
        lambda: RequestEvent.APPROVE.label(lang),  # type: ignore[arg-type]
        lambda: TransitionError("ready", "approve").message(lang),  # type: ignore[arg-type]
    ):
        with pytest.raises(OutOfRange, match="lang"):
            call()


def test_every_status_and_event_has_distinct_labels_in_both_languages() -> None:
    for kind in (RequestStatus, RequestEvent):
        for lang in ("id", "en"):
            labels = [member.label(lang) for member in kind]
            assert all(labels) and len(set(labels)) == len(labels)
    assert RequestStatus.INCOMPLETE.label() == "Berkas kurang"


@pytest.mark.parametrize("event", list(RequestEvent))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_event_has_a_citizen_message_naming_the_service(
    event: RequestEvent, lang: str
) -> None:
    service = Service.parse("akta-kelahiran/baru")
    message = event.citizen_message(service, lang, missing=["foto KK"], reason="bukan warga")
    assert service.name(lang) in message
    assert "{" not in message and "}" not in message
    assert ("foto KK" in message) == (event is RequestEvent.MARK_INCOMPLETE)
    assert ("bukan warga" in message) == (event is RequestEvent.REJECT)


def test_messages_differ_per_event_and_say_what_to_do_next() -> None:
    messages = {e: e.citizen_message("kk/baru", missing=["x"], reason="y") for e in RequestEvent}
    assert len(set(messages.values())) == len(messages)
    assert "Kirim ulang" in messages[RequestEvent.MARK_INCOMPLETE]
    assert "siap diambil" in messages[RequestEvent.MARK_READY]


def test_a_citizen_message_needs_a_catalogue_service() -> None:
    with pytest.raises(UnknownService):
        RequestEvent.APPROVE.citizen_message("kk/terbang")


def test_a_request_tells_the_citizen_about_its_latest_entry() -> None:
    req = ServiceRequest.submit("52.71", "kk/perubahan", at=START, channel="whatsapp")
    assert "sudah kami terima" in req.citizen_message()
    at = START
    for row in (r for r in TRANSITIONS if r.event is RequestEvent.START_VERIFICATION):
        at += timedelta(minutes=1)
        req = req.apply(row.event, at=at)
    req = req.apply("mark_incomplete", at=at + timedelta(hours=1), missing=["foto KK", "akta"])
    assert req.citizen_message() == RequestEvent.MARK_INCOMPLETE.citizen_message(
        "kk/perubahan", missing=["foto KK", "akta"]
    )
    rejected = req.apply("reject", at=at + timedelta(hours=2), reason="bukan warga kota ini")
    assert "bukan warga kota ini" in rejected.citizen_message("en")


def test_transition_error_speaks_both_languages_and_keeps_its_attributes() -> None:
    req = ServiceRequest.submit("52.71", "kk/perubahan", at=START, channel="whatsapp")
    with pytest.raises(TransitionError) as caught:
        req.apply("hand_over", at=START + timedelta(minutes=5))
    err = caught.value
    assert (err.status, err.event, err.allowed, err.reason) == (
        "submitted",
        "hand_over",
        ("start_verification", "withdraw"),
        "",
    )
    english, indonesian = str(err).split("\n")
    assert english.startswith("event 'hand_over' is not allowed in status 'submitted'")
    assert indonesian == err.message("id")
    assert "«Diajukan»" in indonesian and "«Serahkan dokumen»" in indonesian
    assert "«Submitted»" in err.message("en-US")


def test_a_guard_refusal_gives_its_reason_in_indonesian() -> None:
    req = ServiceRequest.submit("52.71", "kk/perubahan", at=START, channel="whatsapp")
    req = req.apply("start_verification", at=START + timedelta(hours=1))
    with pytest.raises(TransitionError) as caught:
        req.apply("mark_incomplete", at=START + timedelta(hours=2))
    err = caught.value
    assert err.reason_id == "sebutkan berkas yang kurang atau tidak terbaca"
    assert err.reason_id in err.message("id")
    assert err.reason in err.message("en")


def test_every_label_and_message_of_the_lifecycle_is_in_the_text_catalogue() -> None:
    for status in RequestStatus:
        assert f"status.{status.value}" in TEXT
    for event in RequestEvent:
        assert f"event.{event.value}" in TEXT
        assert f"citizen.{event.value}" in TEXT
    assert "citizen.submit" in TEXT
