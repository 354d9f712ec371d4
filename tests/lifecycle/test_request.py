"""ServiceRequest: submission, events and their guards, replay, JSON, personal data."""

import json
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import adminduk
from adminduk.documents import Service
from adminduk.errors import (
    AdmindukError,
    ConfigError,
    NeedsDatetime,
    NikError,
    OfficeNotFound,
    PhoneNumberError,
    TransitionError,
    UnknownService,
)
from adminduk.identity import REVEAL_CONTEXT, CitizenPhone, Nik
from adminduk.lifecycle import HistoryEntry, RequestEvent, RequestStatus, ServiceRequest
from adminduk.offices import ChannelKind, get_office

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
NIK = "5271014501900001"
PHONE = "0813-5954-7691"
T0 = datetime(2020, 3, 23, 9, 0)  # Monday; Mataram's online policy starts that day


def minutes(n):
    return T0 + timedelta(minutes=n)


def submit(office="52.71", service="kk/perubahan", **kwargs):
    kwargs.setdefault("at", T0)
    kwargs.setdefault("channel", "whatsapp")
    return ServiceRequest.submit(office, service, **kwargs)


def run(request, *events):
    """Apply (event, details) pairs ten minutes apart."""
    start = request.history[-1].at
    for step, (event, details) in enumerate(events, start=1):
        request = request.apply(event, start + timedelta(minutes=10 * step), **details)
    return request


TO_PROCESSING = (("start_verification", {}), ("approve", {}), ("start_processing", {}))


# -- submit -----------------------------------------------------------------------------------
def test_submit_records_the_submission_as_the_first_entry():
    req = submit(applicant_nik=NIK, phone=PHONE)
    assert req.office == "52.71"
    assert req.service == Service.parse("kk/perubahan")
    assert req.channel is ChannelKind.WHATSAPP
    assert req.status is RequestStatus.SUBMITTED
    assert req.submitted_at == datetime(2020, 3, 23, 9, 0, tzinfo=WITA)
    assert req.submitted_at.tzinfo is WITA
    (entry,) = req.history
    assert entry.name == "submit"
    assert entry.details == {
        "office": "52.71",
        "service": Service.parse("kk/perubahan"),
        "channel": ChannelKind.WHATSAPP,
        "applicant_nik": Nik.parse(NIK),
        "phone": CitizenPhone(PHONE),
    }
    assert req.applicant_nik == Nik.parse(NIK)
    assert req.phone == CitizenPhone(PHONE)


def test_submit_accepts_an_office_config_a_slug_and_channel_objects():
    office = get_office("52.71")
    channel = office.policy_at(T0).channels_for("kk/perubahan")[0]
    by_config = ServiceRequest.submit(
        office, Service.parse("kk/perubahan"), at=T0, channel=channel
    )
    by_slug = ServiceRequest.submit("kota-mataram", "kk/perubahan", at=T0, channel=channel.kind)
    assert by_config == by_slug
    assert by_config.channel is channel.kind
    assert submit(channel=" Counter ").channel is ChannelKind.COUNTER


def test_submit_reads_aware_instants_in_the_office_zone():
    at = datetime(2020, 3, 23, 1, 0, tzinfo=UTC)
    req = submit(office="35.14", at=at)
    assert req.submitted_at.tzinfo is WIB
    assert req.submitted_at.hour == 8
    assert req.submitted_at == at


@pytest.mark.parametrize(
    ("kwargs", "error", "pattern"),
    [
        ({"office": "probolinggo"}, OfficeNotFound, "did you mean"),
        ({"service": "kk/hilang"}, UnknownService, "kk/hilang"),
        ({"channel": "pos"}, ConfigError, "channel: not a channel kind"),
        ({"channel": 3}, ConfigError, "channel: not a channel kind"),
        ({"at": date(2020, 3, 23)}, NeedsDatetime, r"at is a date \(2020-03-23\)"),
        ({"at": "2020-03-23T09:00"}, ConfigError, "got str"),
    ],
)
def test_submit_rejects_bad_input(kwargs, error, pattern):
    with pytest.raises(error, match=pattern):
        submit(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"applicant_nik": "5271019901900001"}, NikError),
        ({"phone": "0370-123456"}, PhoneNumberError),
    ],
)
def test_bad_personal_data_is_refused_without_echoing_it(kwargs, error):
    with pytest.raises(error) as info:
        submit(**kwargs)
    value = next(iter(kwargs.values()))
    assert re.sub(r"\D", "", value) not in re.sub(r"\D", "", str(info.value))


# -- apply ------------------------------------------------------------------------------------
def test_apply_returns_a_new_request_and_leaves_the_old_one_alone():
    first = submit()
    snapshot = first.to_json(reveal=True)
    second = first.apply("start_verification", minutes(5))
    assert first.status is RequestStatus.SUBMITTED
    assert len(first.history) == 1
    assert first.to_json(reveal=True) == snapshot
    assert second.status is RequestStatus.VERIFYING
    assert second.history[:1] == first.history
    assert second.history[1].name is RequestEvent.START_VERIFICATION
    assert second.history[1].at == datetime(2020, 3, 23, 9, 5, tzinfo=WITA)
    assert second.history[1].details == {}


def test_frozen():
    req = submit()
    with pytest.raises(AttributeError, match="immutable"):
        req.status = RequestStatus.COMPLETED  # type: ignore[misc]


def test_the_whole_mataram_life():
    req = run(
        submit(),
        ("start_verification", {}),
        ("mark_incomplete", {"missing": ["foto-kk"], "reason": "foto buram"}),
        ("resubmit", {"note": "dikirim ulang via WA"}),
        ("approve", {}),
        ("start_processing", {}),
        ("mark_ready", {"pickup_place": "loket Dispendukcapil Kota Mataram"}),
        ("hand_over", {"originals_checked": True}),
    )
    assert req.status is RequestStatus.COMPLETED
    assert req.is_terminal
    assert [entry.name for entry in req.history] == [
        "submit", "start_verification", "mark_incomplete", "resubmit", "approve",
        "start_processing", "mark_ready", "hand_over",
    ]  # fmt: skip
    assert req.history[2].details == {"missing": ("foto-kk",), "reason": "foto buram"}
    assert req.allowed_events() == ()


def test_equal_instants_are_allowed():
    req = submit().apply("start_verification", T0).apply("approve", T0)
    assert req.status is RequestStatus.VERIFIED


def test_naive_and_aware_instants_agree():
    naive = submit().apply("start_verification", datetime(2020, 3, 23, 10, 0))
    aware = submit().apply("start_verification", datetime(2020, 3, 23, 2, 0, tzinfo=UTC))
    assert naive == aware
    assert aware.history[-1].at.tzinfo is WITA


def refusal(request, event, at, **details):
    before = request.to_json(reveal=True)
    with pytest.raises(TransitionError) as info:
        request.apply(event, at, **details)
    assert request.to_json(reveal=True) == before
    return info.value


def test_an_event_the_status_does_not_allow():
    err = refusal(submit(), "hand_over", minutes(1))
    assert (err.status, err.event, err.allowed, err.reason) == (
        "submitted",
        "hand_over",
        ("start_verification", "withdraw"),
        "",
    )
    assert isinstance(err, AdmindukError)


def test_terminal_statuses_accept_nothing():
    done = submit().apply("withdraw", minutes(1))
    for event in RequestEvent:
        err = refusal(done, event, minutes(2))
        assert err.allowed == ()
        english, indonesian = str(err).split("\n")
        assert english.endswith("allowed now: none (terminal status)")
        assert indonesian.endswith("Yang dapat dilakukan: tidak ada (status akhir).")


def test_time_may_not_run_backwards():
    req = submit().apply("start_verification", minutes(30))
    err = refusal(req, "approve", minutes(29))
    assert err.reason.startswith("time may not run backwards: at=2020-03-23T09:29:00+08:00")
    assert "start_verification at 2020-03-23T09:30:00+08:00" in err.reason


def test_at_must_be_a_datetime():
    err = refusal(submit(), "start_verification", "2020-03-24T10:00")
    assert err.reason == "at must be a datetime (naive = the office's local time), got str"
    with pytest.raises(NeedsDatetime):  # a bare date: the time of day matters
        submit().apply("start_verification", at=date(2020, 3, 24))


def test_unknown_events_get_suggestions():
    req = submit()
    err = refusal(req, "start_verifcation", minutes(1))
    assert err.reason == "not an event; did you mean 'start_verification'?"
    assert refusal(req, "fly", minutes(1)).reason == "not an event"
    assert refusal(req, "submit", minutes(1)).reason.startswith("'submit' starts a request")
    err = refusal(req, 42, minutes(1))  # type: ignore[arg-type]
    assert (err.event, err.reason) == ("42", "not an event")
    err = refusal(req, ["approve"], T0)  # type: ignore[arg-type]
    assert err.event == "['approve']"


def test_mark_incomplete_needs_what_is_missing():
    verifying = submit().apply("start_verification", minutes(1))
    for details in ({}, {"missing": []}, {"missing": None}):
        err = refusal(verifying, "mark_incomplete", minutes(2), **details)
        assert err.reason.startswith("say what is missing or unreadable")
    assert (
        "non-empty texts" in refusal(verifying, "mark_incomplete", minutes(2), missing=[""]).reason
    )
    assert (
        "non-empty texts" in refusal(verifying, "mark_incomplete", minutes(2), missing=[1]).reason
    )
    assert "got int" in refusal(verifying, "mark_incomplete", minutes(2), missing=5).reason
    one = verifying.apply("mark_incomplete", minutes(2), missing=" kk ")
    assert one.history[-1].missing == ("kk",)
    several = verifying.apply("mark_incomplete", minutes(2), missing={"kk", "akta"})
    assert several.history[-1].missing == ("akta", "kk")


def test_reject_needs_a_reason():
    verifying = submit().apply("start_verification", minutes(1))
    err = refusal(verifying, "reject", minutes(2))
    assert err.reason.startswith("give the reason for the rejection")
    err = refusal(verifying, "reject", minutes(2), reason="  ")
    assert err.reason == "reason must be a non-empty text, got an empty text"
    assert refusal(verifying, "reject", minutes(2), reason=3).reason.endswith("got int")
    rejected = verifying.apply("reject", minutes(2), reason=" bukan warga Kota Mataram ")
    assert rejected.history[-1].reason == "bukan warga Kota Mataram"


def test_details_must_belong_to_the_event():
    req = submit()
    err = refusal(req, "start_verification", minutes(1), mising=["kk"])
    assert err.reason == "start_verification takes no detail 'mising' (it takes: note)"
    verifying = req.apply("start_verification", minutes(1))
    err = refusal(verifying, "mark_incomplete", minutes(2), mising=["kk"])
    assert err.reason.endswith("(it takes: missing, reason, note); did you mean 'missing'?")
    err = refusal(verifying, "approve", minutes(2), office="52.06")
    assert "takes no detail 'office'" in err.reason


def test_none_details_are_left_out():
    req = submit().apply("start_verification", minutes(1), note=None)
    assert req.history[-1].details == {}


def test_hand_over_needs_the_originals_checked_in_mataram():
    ready = run(submit(), *TO_PROCESSING, ("mark_ready", {}))
    for details in ({}, {"originals_checked": False}):
        err = refusal(ready, "hand_over", minutes(60), **details)
        assert err.reason.startswith(
            "office 52.71 (covid-19-layanan-daring) checks the original documents at hand-over"
        )
        assert "source: A2" in err.reason
    err = refusal(ready, "hand_over", minutes(60), originals_checked="ya")
    assert err.reason == "originals_checked must be True or False, got a text"
    done = ready.apply("hand_over", minutes(60), originals_checked=True)
    assert done.status is RequestStatus.COMPLETED
    assert done.history[-1].originals_checked is True


def test_mataram_checks_nothing_before_its_online_policy():
    # Outside the online policy the ordinary rules state no originals check.
    # A record from before WhatsApp intake began: imported as it happened (check=False).
    req = run(submit(at=datetime(2020, 3, 2, 9), check=False), *TO_PROCESSING, ("mark_ready", {}))
    assert req.apply("hand_over", datetime(2020, 3, 3)).status is RequestStatus.COMPLETED


def test_hand_over_without_originals_rule_needs_no_flag():
    # Bima states no originals check; an explicit originals_checked=False is recorded as given.
    req = run(submit("52.06", at=datetime(2020, 5, 4, 9)), *TO_PROCESSING, ("deliver", {}))
    done = req.apply("hand_over", datetime(2020, 5, 8, 9), originals_checked=False)
    assert done.status is RequestStatus.COMPLETED
    assert done.history[-1].originals_checked is False


def test_deliver_only_where_the_office_delivers():
    mataram = run(submit(), *TO_PROCESSING)
    err = refusal(mataram, "deliver", minutes(60))
    assert err.reason == (
        "office 52.71 (covid-19-layanan-daring) does not send kk/perubahan on to a kecamatan "
        "or village office (pick-up: dinas); use mark_ready instead"
    )
    assert err.allowed == ("mark_ready",)
    assert mataram.allowed_events() == (RequestEvent.MARK_READY,)

    bima = run(submit("52.06", at=datetime(2020, 5, 4, 9)), *TO_PROCESSING)
    assert bima.allowed_events() == (RequestEvent.MARK_READY, RequestEvent.DELIVER)
    delivered = bima.apply("deliver", datetime(2020, 5, 5, 9), pickup_place="Kantor Desa Ngali")
    assert delivered.status is RequestStatus.DELIVERED
    assert delivered.history[-1].pickup_place == "Kantor Desa Ngali"
    assert delivered.apply("hand_over", datetime(2020, 5, 6)).status is RequestStatus.COMPLETED
    waiting = delivered.apply("mark_ready", datetime(2020, 5, 6))
    assert waiting.status is RequestStatus.READY


def test_deliver_follows_the_policy_in_force_at_the_event():
    # Bima's delivery through the village office starts with its policy of 4 May 2020.
    # Before it, the national instruction kept the counter for urgent needs (domain-facts §2.6).
    bima = run(
        submit("52.06", at=datetime(2020, 4, 27, 9), channel="counter", reasons=["rumah-sakit"]),
        *TO_PROCESSING,
    )
    err = refusal(bima, "deliver", datetime(2020, 5, 1, 9))
    assert err.reason.startswith("office 52.06 (ordinary) does not send")
    assert "pick-up" not in err.reason
    assert bima.allowed_events(at=datetime(2020, 5, 1, 9)) == (RequestEvent.MARK_READY,)
    assert bima.allowed_events(at=datetime(2020, 5, 4, 9)) == (
        RequestEvent.MARK_READY,
        RequestEvent.DELIVER,
    )
    assert bima.apply("deliver", datetime(2020, 5, 4, 9)).status is RequestStatus.DELIVERED


def test_a_refusal_with_a_bad_instant_still_lists_the_allowed_events():
    bima = run(submit("52.06", at=datetime(2020, 5, 4, 9)), *TO_PROCESSING)
    err = refusal(bima, "reject", "tomorrow")  # type: ignore[arg-type]
    assert err.allowed == ("mark_ready", "deliver")


# -- due_at -----------------------------------------------------------------------------------
def test_pasuruan_ktp_el_is_due_five_working_days_after_approval():
    req = submit("35.14", "ktp-el/cetak-ulang", at=datetime(2020, 3, 24, 9))
    assert req.due_at is None
    verifying = req.apply("start_verification", datetime(2020, 3, 24, 10))
    assert verifying.due_at is None
    # Approved on Tuesday 24 March 2020; Nyepi (25 March) and the weekend do not count.
    verified = verifying.apply("approve", datetime(2020, 3, 24, 11))
    expected = datetime(2020, 4, 1, 7, 30, tzinfo=WIB)
    assert verified.due_at == expected
    processing = verified.apply("start_processing", datetime(2020, 3, 25, 8))
    assert processing.due_at == expected
    assert get_office("35.14").calendar().working_days_between(
        datetime(2020, 3, 24, 11), expected
    ) in (4, 5)
    delivered = processing.apply("deliver", datetime(2020, 3, 31, 9))
    assert delivered.due_at is None


def test_no_due_date_where_the_office_states_no_processing_time():
    assert run(submit(), *TO_PROCESSING).due_at is None  # Mataram gives no time
    assert run(submit("35.14", "kk/perubahan"), *TO_PROCESSING).due_at is None  # no fulfilment


# -- replay -----------------------------------------------------------------------------------
def full_life():
    return run(
        submit(applicant_nik=NIK, phone=PHONE),
        ("start_verification", {}),
        ("mark_incomplete", {"missing": ["kk"]}),
        ("resubmit", {}),
        ("approve", {"note": "lengkap"}),
        ("start_processing", {}),
        ("mark_ready", {"pickup_place": "loket"}),
        ("hand_over", {"originals_checked": True}),
    )


def test_replay_gives_the_same_request_at_every_prefix():
    req = full_life()
    for k in range(1, len(req.history) + 1):
        prefix = ServiceRequest.from_history(req.history[:k])
        assert prefix.history == req.history[:k]
    assert ServiceRequest.from_history(req.history) == req
    assert ServiceRequest.from_history(list(req.history)) == req


def test_replay_reads_mappings_and_localises_naive_instants():
    entries = [
        {"name": "submit", "at": "2020-03-23T09:00", "office": "kota-mataram",
         "service": "kk/perubahan", "channel": "whatsapp"},
        {"name": "start_verification", "at": "2020-03-23T10:00:00+08:00"},
        HistoryEntry(name="withdraw", at=datetime(2020, 3, 23, 3, tzinfo=UTC)),
    ]  # fmt: skip
    req = ServiceRequest.from_history(entries)
    assert req.office == "52.71"
    assert req.status is RequestStatus.WITHDRAWN
    assert [e.at.tzinfo for e in req.history] == [WITA] * 3
    assert req.submitted_at == datetime(2020, 3, 23, 9, tzinfo=WITA)


def test_replay_refuses_a_history_that_could_not_have_happened():
    req = submit().apply("start_verification", minutes(1))
    with pytest.raises(TransitionError) as info:
        ServiceRequest.from_history([*req.history, HistoryEntry(name="hand_over", at=minutes(2))])
    assert info.value.reason == "history[2]: not allowed in this status"
    assert info.value.allowed == ("mark_incomplete", "approve", "reject", "withdraw")
    late = HistoryEntry(name="approve", at=T0 - timedelta(days=1))
    with pytest.raises(TransitionError, match=r"history\[2\]: time may not run backwards"):
        ServiceRequest.from_history([*req.history, late])


@pytest.mark.parametrize(
    ("entries", "problems"),
    [
        ([], ["history[0].name: a history starts with the 'submit' entry"]),
        (
            [{"name": "approve", "at": "2020-03-23T09:00"}],
            ["history[0].name: a history starts with the 'submit' entry (got 'approve')"],
        ),
        (
            [{"name": "submit", "at": "2020-03-23T09:00", "reason": "x"}],
            [
                "history[0].office: the submit entry must name it",
                "history[0].service: the submit entry must name it",
                "history[0].channel: the submit entry must name it",
                "history[0].reason: not a detail of the submit entry",
            ],
        ),
        (
            [{"name": "finish", "at": "yesterday"}, {"nama": "x"}],
            [
                "history[0].name: not 'submit' or an event (start_verification, "
                "mark_incomplete, resubmit, approve, start_processing, mark_ready, deliver, "
                "hand_over, reject, withdraw)",
                "history[0].at: expected a date and time such as 2020-03-23T09:00",
                "history[1].name: required, but missing",
                "history[1].at: required, but missing",
                "history[1].nama: unknown key",
            ],
        ),
    ],
)
def test_replay_reports_malformed_histories(entries, problems):
    with pytest.raises(ConfigError) as info:
        ServiceRequest.from_history(entries)
    assert [str(p) for p in info.value.problems] == problems


def test_replay_refuses_a_second_submit():
    req = submit()
    with pytest.raises(
        ConfigError, match=r"history\[1\].name: only the first entry may be 'submit'"
    ):
        ServiceRequest.from_history([*req.history, req.history[0]])


def test_replay_needs_a_registered_office():
    entry = submit().history[0].model_copy(update={"office": "99.99"})
    with pytest.raises(OfficeNotFound):
        ServiceRequest.from_history([entry])


# -- JSON -------------------------------------------------------------------------------------
def test_json_round_trips_without_loss():
    req = run(submit(), ("start_verification", {}), ("mark_incomplete", {"missing": ["kk"]}))
    text = req.model_dump_json()
    again = ServiceRequest.model_validate_json(text)
    assert again == req
    assert again.model_dump_json() == text
    assert [e.at.tzinfo for e in again.history] == [WITA] * 3
    assert again.submitted_at.tzinfo is WITA
    assert ServiceRequest.from_json(req.to_json(indent=2)) == req


def test_json_with_personal_data_round_trips_when_revealed():
    req = full_life()
    revealed = req.to_json(reveal=True)
    assert revealed == req.model_dump_json(context=REVEAL_CONTEXT)
    assert NIK in revealed
    assert ServiceRequest.model_validate_json(revealed) == req
    assert ServiceRequest.from_json(revealed) == req
    assert ServiceRequest.model_validate(req.model_dump()) == req


def test_the_json_is_readable():
    req = run(submit(), ("start_verification", {}), ("mark_incomplete", {"missing": ["kk"]}))
    assert json.loads(req.model_dump_json()) == {
        "office": "52.71",
        "service": "kk/perubahan",
        "channel": "whatsapp",
        "submitted_at": "2020-03-23T09:00:00+08:00",
        "applicant_nik": None,
        "phone": None,
        "status": "incomplete",
        "history": [
            {"name": "submit", "at": "2020-03-23T09:00:00+08:00", "office": "52.71",
             "service": "kk/perubahan", "channel": "whatsapp"},
            {"name": "start_verification", "at": "2020-03-23T09:10:00+08:00"},
            {"name": "mark_incomplete", "at": "2020-03-23T09:20:00+08:00", "missing": ["kk"]},
        ],
    }  # fmt: skip


def test_validation_replays_the_history_and_checks_the_summary():
    data = json.loads(run(submit(), ("start_verification", {})).model_dump_json())
    data["status"] = "completed"
    with pytest.raises(ValueError, match="status do not agree with the history"):
        ServiceRequest.model_validate(data)
    with pytest.raises(ConfigError, match=r"status do not agree with the history, which leads "):
        ServiceRequest.from_json(json.dumps(data))
    data["status"] = "verifying"
    data["office"] = "52.06"
    data["service"] = "kk/baru"
    with pytest.raises(ConfigError, match="office, service do not agree"):
        ServiceRequest.from_json(json.dumps(data))


def test_from_json_reports_bad_json_as_config_error():
    with pytest.raises(ConfigError) as info:
        ServiceRequest.from_json("{not json")
    assert info.value.problems[0].message.startswith("Invalid JSON")


def test_a_request_is_a_value():
    req = full_life()
    assert ServiceRequest.model_validate(req) is req
    assert hash(req) == hash(ServiceRequest.from_history(req.history))
    assert len({req, ServiceRequest.from_history(req.history)}) == 1


# -- personal data ----------------------------------------------------------------------------
def test_personal_data_is_masked_in_str_repr_and_default_json():
    req = full_life()
    digits = re.sub(r"\D", "", PHONE)[1:]
    for text in (str(req), repr(req), req.model_dump_json(), req.to_json(), str(req.history)):
        assert NIK not in text
        assert digits not in re.sub(r"\D", "", text)
    assert "5271**********01" in repr(req)
    assert "+62813******91" in req.to_json()
    assert "history=<8 entries>" in repr(req)


def test_masked_json_cannot_be_read_back_and_says_why():
    req = submit(applicant_nik=NIK)
    with pytest.raises(ConfigError) as info:
        ServiceRequest.from_json(req.to_json())
    paths = [p.path for p in info.value.problems]
    assert paths == ["applicant_nik", "history[0].applicant_nik"]
    message = str(info.value)
    assert "to_json(reveal=True)" in message
    assert "5271**********01" not in message
    assert NIK not in message


def test_validation_errors_do_not_echo_personal_data():
    data = json.loads(submit(applicant_nik=NIK).to_json(reveal=True))
    data["status"] = 12
    with pytest.raises(ValueError) as info:
        ServiceRequest.model_validate(data)
    assert NIK not in str(info.value)


def test_public_names():
    assert adminduk.ServiceRequest is ServiceRequest
    assert adminduk.RequestStatus is RequestStatus
    assert adminduk.RequestEvent is RequestEvent
    assert adminduk.HistoryEntry is HistoryEntry


def test_repr_leaves_out_what_is_not_attached():
    text = repr(submit())
    assert "applicant_nik" not in text
    assert "phone" not in text
    assert text.startswith("ServiceRequest(office='52.71', service=Service('kk/perubahan')")


def test_submit_refuses_a_config_that_is_not_the_registered_one():
    office = get_office("52.71")
    changed = office.model_copy(update={"name": "Dinas Dukcapil Kota Mataram (draft)"})
    with pytest.raises(ConfigError, match="office: differs from the registered office"):
        ServiceRequest.submit(changed, "kk/perubahan", at=T0, channel="whatsapp")
    same = office.model_copy()
    assert ServiceRequest.submit(same, "kk/perubahan", at=T0, channel="whatsapp").office == "52.71"


def test_validation_reports_a_malformed_history_with_its_paths():
    data = json.loads(submit().model_dump_json())
    del data["history"][0]["office"]
    with pytest.raises(ConfigError) as info:
        ServiceRequest.model_validate(data)
    assert [str(p) for p in info.value.problems] == [
        "history[0].office: the submit entry must name it"
    ]
    with pytest.raises(ConfigError, match="ServiceRequest: 1 problem"):
        ServiceRequest(**data)


@pytest.mark.parametrize("office", [None, 42, object()])
def test_submit_refuses_an_office_that_is_neither_a_config_nor_a_code(office):
    with pytest.raises(ConfigError, match="office"):
        ServiceRequest.submit(office, "kk/baru", at=None, channel="whatsapp")


@pytest.mark.parametrize("events", [None, 42, "submit", b"x"])
def test_from_history_refuses_what_is_not_a_sequence_of_entries(events):
    with pytest.raises(ConfigError, match="history"):
        ServiceRequest.from_history(events)
