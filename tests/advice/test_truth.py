"""Answers that say what the articles said, and know how old their facts are (issue 12).

Each example is pinned to a sentence of the source articles (shared/seeds/, A0-A4) or of the
national baseline (shared/domain-facts.md); the reading is quoted beside the test.
"""

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import adminduk
from adminduk import Outcome, advise
from adminduk.offices import PANDEMIC_END


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args)  # naive: the office's local wall time


def rule_ids(advice):
    return [reason.rule_id for reason in advice.reasons]


def reason(advice, rule_id):
    return next(r for r in advice.reasons if r.rule_id == rule_id)


# ------------------------------------------------------------ steps that need the person
@pytest.mark.parametrize(
    ("office", "when"), [("35.14", (2020, 3, 24, 10)), ("35.13", (2020, 3, 24, 10))]
)
def test_a_first_ktp_el_applied_for_online_names_the_in_person_recording(office, when):
    advice = advise(office, "ktp-el/baru", at=at(*when))
    assert advice.outcome is Outcome.ONLINE
    assert advice.rule_id == "online-with-visit"
    step = reason(advice, "in-person-step")
    assert "perekaman" in step.text_id.lower()
    assert "biometric" in step.text_en.lower()
    for lang in ("id", "en"):
        message = advice.to_message(lang).lower()
        assert "tidak perlu datang" not in message
        assert "no need to come" not in message


def test_mataram_keeps_the_ktp_el_at_the_counter_because_of_the_photograph():
    # A2: "khusus untuk KTP elektronik tetap kami layani 'offline'" ("tahapan pemotretan").
    advice = advise("52.71", "ktp-el/baru", at=at(2020, 3, 25, 10))
    assert advice.outcome is Outcome.IN_PERSON
    assert advice.rule_id == "counter-only"


def test_mataram_online_applicants_collect_in_person_with_the_originals():
    # A2: "pada saat pengambilan dokumen ... pemohon harus menyerahkan berkas persyaratan asli".
    advice = advise("52.71", "kia/baru", at=at(2020, 3, 26, 9))
    originals = reason(advice, "originals-checked")
    assert "datang langsung" in originals.text_id
    assert "di kantor Dinas" in originals.text_id
    assert "in person" in originals.text_en


# ------------------------------------------------- served, but asked to wait (Bima, A4)
def test_bima_serves_a_lost_ktp_reprint_over_whatsapp_with_its_request_and_the_deadline():
    # A4: "pihaknya melayani cetak ulang karena hilang, rusak" and "Kami harap ... agar menunda".
    advice = advise("52.06", "ktp-el/cetak-ulang", at=at(2020, 5, 5, 10))
    assert advice.outcome is Outcome.ONLINE
    assert advice.channels[0].kind.value == "whatsapp"
    assert advice.channels[0].address is None
    assert "asked-to-wait" in rule_ids(advice)
    assert "reporting-deadline" in rule_ids(advice)
    message = advice.to_message()
    assert message.startswith("Silakan ajukan")
    assert "14 hari" in message
    assert "Mohon tunda" not in message
    assert "spanduk" in message  # the unknown number's reason, in Indonesian


def test_bima_death_registration_is_served_with_its_thirty_day_deadline():
    advice = advise("52.06", "akta-kematian/baru", at=at(2020, 5, 5, 10))
    assert advice.outcome is Outcome.ONLINE
    assert "30 hari" in advice.to_message()


def test_bima_urgent_need_is_served_without_the_request_to_wait():
    advice = advise("52.06", "ktp-el/cetak-ulang", at=at(2020, 5, 4, 9), reasons=["bpjs"])
    assert advice.outcome is Outcome.ONLINE
    assert "asked-to-wait" not in rule_ids(advice)


def test_bima_still_refuses_a_first_ktp_el():
    # A4: "pembuatan KTP bagi yang baru tamat sekolah ... tidak dilayani untuk sementara waktu".
    advice = advise("52.06", "ktp-el/baru", at=at(2020, 5, 5, 10), reasons=["tni-polri"])
    assert advice.outcome is Outcome.UNAVAILABLE


# ----------------------------------------------- routes the articles name in general terms
@pytest.mark.parametrize(
    "service", ["kk/baru", "kia/baru", "biodata/pembetulan", "biodata/sinkronisasi"]
)
def test_probolinggo_names_the_officers_whatsapp_but_sends_nobody_to_an_unknown_number(service):
    # A1: "bisa menunda atau bisa melakukan pengurusan ... melalui WA petugas", with no number:
    # the non-urgent wait (as A1 allows), the urgent go to the counter, and the reply names the
    # WhatsApp line without offering it (issue 23: every route can be followed).
    advice = advise("35.13", service, at=at(2020, 3, 24, 10))
    assert advice.outcome is Outcome.DEFER
    assert advice.channels == ()
    unreachable = reason(advice, "channel-unreachable")
    assert unreachable.source == "A1"
    assert "WhatsApp petugas" in unreachable.text_id
    urgent = advise("35.13", service, at=at(2020, 3, 24, 10), reasons=["bpjs"])
    assert urgent.outcome is Outcome.IN_PERSON


@pytest.mark.parametrize(
    "service", ["skpwni/baru", "kia/baru", "akta-perkawinan/baru", "sktt/baru"]
)
def test_pasuruan_defers_services_without_a_line_and_keeps_the_counter_for_urgent_needs(service):
    advice = advise("35.14", service, at=at(2020, 3, 24, 10))
    assert advice.outcome is Outcome.DEFER
    assert advice.rule_id == "suspended"
    route = reason(advice, "urgent-route")
    assert "Loket" in route.text_id
    urgent = advise("35.14", service, at=at(2020, 3, 24, 10), reasons=["tni-polri"])
    assert urgent.outcome is Outcome.IN_PERSON


def test_a_deferred_matter_with_a_deadline_states_the_deadline_and_the_urgent_route():
    # Tulungagung postponed the KTP-el (A3) but "tetap memberi pelayanan pada yang darurat".
    advice = advise("35.04", "ktp-el/cetak-ulang", at=at(2020, 3, 20, 9))
    assert advice.outcome is Outcome.DEFER
    assert {"reporting-deadline", "urgent-route"} <= set(rule_ids(advice))
    urgent = advise("35.04", "ktp-el/cetak-ulang", at=at(2020, 3, 20, 9), reasons=["rumah-sakit"])
    assert urgent.outcome is Outcome.IN_PERSON


# ------------------------------------------------------------------ national urgent reasons
def test_school_enrolment_is_a_national_urgent_reason():
    advice = advise("35.04", "kk/perubahan", at=at(2020, 3, 20, 9), reasons=["sekolah"])
    assert advice.outcome is Outcome.IN_PERSON
    # The deciding rule says the need is the national instruction's; no second note repeats it
    # (the fourth reading found both, one after the other).
    assert advice.rule_id == "urgent-counter"
    assert "reason-national" not in rule_ids(advice)
    reason = next(r for r in advice.reasons if r.rule_id == "urgent-counter")
    assert "under the national instruction" in reason.text_en
    assert adminduk.UrgencyReason("sekolah") is adminduk.UrgencyReason.SCHOOL


def test_an_open_counter_does_not_judge_urgent_reasons():
    advice = advise("52.71", "kk/baru", at=at(2020, 3, 25, 10), reasons=["bpjs"])
    assert "reason-not-accepted" not in rule_ids(advice)
    assert "reason-not-needed" in rule_ids(advice)


# ---------------------------------------------------------------------------- time honesty
def test_every_pandemic_policy_ends_with_the_national_pandemic_status():
    for office in adminduk.offices():
        for policy in office.policies:
            if policy.pandemic_measure:
                assert policy.valid_until is not None
                assert policy.valid_until <= PANDEMIC_END.last_day_before
    assert PANDEMIC_END.effective == dt.date(2023, 6, 21)


@pytest.mark.parametrize("code", ["35.13", "35.14", "52.71", "52.06"])
def test_the_policy_holds_to_the_last_day_of_the_pandemic_and_not_after(code):
    office = adminduk.get_office(code)
    assert not office.policy_at(dt.date(2023, 6, 20)).is_ordinary
    assert office.policy_at(dt.date(2023, 6, 21)).is_ordinary


@pytest.mark.parametrize("when", [None, at(2026, 12, 1, 10), at(2040, 1, 3, 10)])
def test_probolinggo_today_is_stale_and_follows_the_ordinary_rules(when):
    advice = advise("35.13", "kk/perubahan", at=when)
    assert advice.policy_id == "ordinary"
    assert advice.stale is True
    # Keppres 17/2023 does not name the office: the newest source of its own behind the answer
    # is A1 (24 March 2020, the counter's address), and the reply says so in words (issue 23).
    assert advice.confirmed_on == dt.date(2020, 3, 24)
    # Its Covid policy ended on 20 June 2023: news for 365 days (the review period), not
    # in 2026 (the fourth reading).
    assert "policy-ended" not in rule_ids(advice)
    assert "policy-ended" in rule_ids(advise("35.13", "kk/perubahan", at=at(2024, 6, 19, 10)))
    assert "policy-ended" not in rule_ids(advise("35.13", "kk/perubahan", at=at(2024, 6, 20, 10)))
    message = advice.to_message()
    assert "Berlaku kebijakan kantor" not in message
    assert "terakhir dikonfirmasi 24 Maret 2020" in message
    assert "last confirmed on 24 March 2020" in advice.to_message("en")


def test_a_measure_is_known_then_assumed_then_unknown():
    # Pasuruan's WhatsApp service (A1, 24 March 2020) has no end but the pandemic's.
    fresh = advise("35.14", "kk/perubahan", at=at(2020, 3, 24, 10))
    assert (fresh.confirmed_on, fresh.certainty, fresh.stale) == (
        dt.date(2020, 3, 24),
        adminduk.Certainty.KNOWN,
        False,
    )
    assumed = advise("35.14", "kk/perubahan", at=at(2020, 5, 1, 10))
    assert assumed.policy_id != "ordinary" and assumed.outcome is Outcome.ONLINE
    assert (assumed.certainty, assumed.stale) == (adminduk.Certainty.ASSUMED, True)
    assert "menurut sumber 24 Maret 2020; belum pasti masih berlaku" in assumed.to_message()
    # 120 days after its source (offices/data/national/rules.toml) the measure is no longer the
    # answer: the ordinary rules are, and the citizen is asked to check first.
    late = advise("35.14", "kk/perubahan", at=at(2021, 6, 1, 10))
    assert late.policy_id == "ordinary"
    assert (late.certainty, late.stale) == (adminduk.Certainty.UNKNOWN, True)
    message = late.to_message()
    assert message.startswith("Tanyakan dulu ke kantor")
    assert "terakhir dikonfirmasi 24 Maret 2020" in message
    # Still the latest possible end: no pandemic measure after Keppres 17/2023.
    assert advise("35.14", "kk/perubahan", at=at(2023, 6, 21, 10)).certainty is (
        adminduk.Certainty.KNOWN
    )


def test_an_office_file_sets_its_own_review_period():
    # Tulungagung's circular has a known end (7 April 2020): an answer inside it is known, and
    # only the review period makes it stale.
    office = adminduk.get_office("35.04")
    strict = office.model_copy(update={"review_period_days": 10})
    assert advise(strict, "kk/perubahan", at=at(2020, 4, 6, 10)).stale is True
    assert advise(office, "kk/perubahan", at=at(2020, 4, 6, 10)).stale is False


@pytest.mark.parametrize("days", [0, 3651, "365"])
def test_a_review_period_out_of_range_is_a_config_error(days):
    office = adminduk.get_office("35.14")
    data = office.model_dump(mode="json", exclude_none=True)
    data["review_period_days"] = days
    with pytest.raises(adminduk.ConfigError, match="review_period_days"):
        adminduk.OfficeConfig.model_validate(data)


# -------------------------------------------------------------------- Pasuruan's "5 hari"
def test_pasuruan_ready_by_states_the_reading_and_the_pick_up_place():
    # A1: "bisa diambil 5 hari kemudian ke kecamatan setempat".
    advice = advise("35.14", "ktp-el/cetak-ulang", at=at(2020, 3, 24, 10))
    ready = reason(advice, "ready-by")
    assert "di kantor kecamatan" in ready.text_id
    assert '"5 hari kemudian"' in ready.text_id
    assert "read as 5 working days" in ready.text_en


# ------------------------------------------------------------------- sources and languages
def test_a_source_title_is_never_split_into_bullets():
    advice = advise("35.14", "kk/perubahan", at=at(2024, 3, 5, 10))
    message = advice.to_message()
    line = message.split("\n\nSumber: ", 1)[1]
    for cited in (c for r in advice.reasons for c in r.citations):
        # whole, never cut at its own commas or semicolons; a regulation a line names in its
        # own words ("Gratis: ... (UU 24/2013 Pasal 79A)") is not listed twice
        assert cited.text("id") in (line if cited.title != cited.key else message)
    assert all(len(r.cited) >= 1 for r in advice.reasons)


def test_mataram_keeps_the_printed_name_beside_the_official_one():
    office = adminduk.get_office("52.71")
    assert office.name == "Dinas Kependudukan dan Catatan Sipil Kota Mataram"
    assert office.official_name == "Dinas Kependudukan dan Pencatatan Sipil Kota Mataram"


# ------------------------------------------------------- what the route asks, and no more
def test_probolinggo_asks_for_pdfs_online_and_not_at_the_counter():
    # A0: "Berkas dokumen ... difoto dan dikirim berupa file PDF" describes what is sent online.
    online = advise("35.13", "ktp-el/cetak-ulang", at=at(2020, 3, 19, 10))
    urgent = advise("35.13", "ktp-el/cetak-ulang", at=at(2020, 3, 19, 10), reasons=["bpjs"])
    assert online.outcome is Outcome.ONLINE
    assert urgent.outcome is Outcome.IN_PERSON
    assert "berkas-foto-pdf" in {item.code for item in online.requirements}
    assert "berkas-foto-pdf" not in {item.code for item in urgent.requirements}
    assert "PDF" not in urgent.to_message("id")


def test_mataram_checks_originals_against_scans_only_for_whatsapp_applications():
    # A2: the originals are matched "dengan yang diserahkan melalui foto atau scan".
    online = advise("52.71", "kk/perubahan", at=at(2020, 3, 24, 10))
    walk_in = advise("52.71", "kk/perubahan", at=at(2020, 3, 24, 10), has_whatsapp=False)
    assert walk_in.outcome is Outcome.IN_PERSON
    assert "berkas-asli-saat-pengambilan" in {item.code for item in online.requirements}
    assert "originals-checked" in rule_ids(online)
    assert "berkas-asli-saat-pengambilan" not in {item.code for item in walk_in.requirements}
    assert "originals-checked" not in rule_ids(walk_in)
    assert "foto/scan" not in walk_in.to_message("id")


def test_a_requirement_change_for_remote_applications_is_listed_in_the_audit_diff():
    diff = adminduk.diff_requirements(
        adminduk.get_office("35.13"), "kk/perubahan", at(2020, 3, 19)
    )
    assert [item.code for item in diff.added] == ["berkas-foto-pdf"]
    assert diff.changes[0].applies_to.value == "remote"


def test_an_urgent_need_refused_anyway_is_told_it_does_not_change_the_answer():
    # A4 refuses a first KTP-el for school leavers with no exception; school enrolment is an
    # urgent need under the national letter, but that does not open the service.
    advice = advise("52.06", "ktp-el/baru", at=at(2020, 5, 6, 10), reasons=["sekolah"])
    assert advice.outcome is Outcome.UNAVAILABLE
    refusal = reason(advice, "urgent-not-exempt")
    assert "pendaftaran sekolah" in refusal.text_id
    assert "does not change this answer" in refusal.text_en


def test_an_answer_without_urgent_reasons_never_says_they_do_not_change_it():
    advice = advise("52.06", "ktp-el/baru", at=at(2020, 5, 6, 10))
    assert "urgent-not-exempt" not in rule_ids(advice)


# --------------------------------------------- the hours line agrees with the route (issue 1)
def test_bima_open_office_does_not_read_as_an_invitation_for_a_refused_first_ktp_el():
    # A4: "pembuatan KTP bagi yang baru tamat sekolah ... tidak dilayani untuk sementara waktu".
    advice = advise("52.06", "ktp-el/baru", at=at(2020, 5, 4, 10))
    assert advice.outcome is Outcome.UNAVAILABLE
    assert advice.office_open  # the data keeps the fact; a reply with no route leaves it out
    for lang in ("id", "en"):
        assert not [x for x in advice.to_message(lang).splitlines() if x.startswith(_HOURS)]


def test_a_postponed_matter_has_no_hours_line_but_its_urgent_route():
    # A1: name corrections "diharapkan menunda dulu" unless urgent; the office is open (Raci).
    advice = advise("35.14", "biodata/pembetulan", at=at(2020, 3, 24, 10))
    assert advice.outcome is Outcome.DEFER
    message = advice.to_message("id")
    assert not [x for x in message.splitlines() if x.startswith(_HOURS)]
    assert "Bila keperluan Anda mendesak" in message


def test_a_served_matter_keeps_the_plain_hours_line():
    advice = advise("52.71", "ktp-el/baru", at=at(2020, 3, 26, 10))  # 25 March was Nyepi
    assert advice.outcome is Outcome.IN_PERSON
    assert (
        "Kantor sedang buka sampai pukul 12.00 WITA, lalu buka lagi pukul 13.00 WITA (menurut jam "
        "kerja nasional)." in advice.to_message("id")
    )
    closed = advise("52.71", "ktp-el/baru", at=at(2020, 3, 28, 10))  # a Saturday
    line = next(x for x in closed.to_message("id").splitlines() if x.startswith("Kantor buka"))
    assert line.startswith("Kantor buka kembali Senin, 30 Maret 2020")


_HOURS = (
    "Kantor sedang buka",
    "Kantor buka kembali",
    "The office is open",
    "The office opens",
    "Saat ini jam kerja: permohonan daring",
    "Permohonan daring diproses lagi",
    "It is working time: online",
    "Online applications are handled again",
)
_OPEN_DOOR = _HOURS[:4]


@given(
    st.sampled_from(["35.04", "35.13", "35.14", "52.06", "52.71", "35.78"]),
    st.sampled_from([entry.code for entry in adminduk.catalogue()]),
    st.datetimes(dt.datetime(2019, 1, 1), dt.datetime(2027, 12, 31)),
    st.sampled_from(["id", "en"]),
)
# A reply too long for FULL_LIMIT named fewer sources before it left out the opening line.
@example("35.04", "akta-kelahiran/baru", dt.datetime(2020, 4, 8, 0, 0), "id")
def test_no_reply_without_a_route_says_when_the_office_is_open(office, service, when, lang):
    advice = advise(office, service, at=when)
    hours = [x for x in advice.to_message(lang).splitlines() if x.startswith(_HOURS)]
    if not advice.outcome.gives_a_route:
        # No "open now" for a matter to postpone; but where it gives a route for urgent needs
        # and the office is shut, when it opens again (the fifth reading).
        urgent = any(
            r.rule_id == "urgent-route"
            and r.text_en != "The sources name no route for urgent cases."
            for r in advice.reasons
        )
        closed = urgent and not advice.office_open and advice.next_opening is not None
        assert len(hours) == (1 if closed else 0), hours
        assert all(not x.startswith(_HOURS[0::2]) for x in hours)  # never "open now"
    elif advice.next_opening is not None:
        assert len(hours) == 1
        # Sent online, the reply does not speak of an open door (its counter may be shut).
        online = advice.outcome is Outcome.ONLINE
        assert hours[0].startswith(_OPEN_DOOR) is not online, hours


# ------------------------------- the national instruction of 16 March 2020 (domain-facts §2.6)
_AS_USUAL = (
    "seperti biasa",
    "Tidak ada kebijakan khusus",
    "alasan mendesak tidak diperlukan",
    "kini berlaku layanan biasa",
)


def test_a_baseline_office_in_march_2020_follows_the_dirjen_letter_not_ordinary_rules():
    # Surat Dirjen Dukcapil 443.1/2978/Dukcapil of 16 March 2020: those without an urgent need
    # postpone; BPJS, hospital, TNI/Polri (and school) are still served (domain-facts §2.6).
    urgent = advise("35.78", "kk/perubahan", at=at(2020, 3, 24, 10), reasons=["bpjs"])
    assert urgent.outcome is Outcome.IN_PERSON
    assert urgent.rule_id == "urgent-counter"
    assert reason(urgent, "urgent-counter").source == "DIRJEN-2978-2020"
    assert "instruksi nasional" in reason(urgent, "urgent-counter").text_id
    national = reason(urgent, "national-measure")
    assert national.source == "DIRJEN-2978-2020; DIRJEN-2978-2020-EXTENSION"
    assert "16 Maret 2020" in national.text_id
    assert "limited to urgent needs" in national.text_en
    assert "reason-not-needed" not in rule_ids(urgent)
    message = urgent.to_message("id")
    assert not [phrase for phrase in _AS_USUAL if phrase in message]
    # The non-urgent wait; the headline says so, never "datang ke loket".
    plain = advise("35.78", "kk/perubahan", at=at(2020, 3, 24, 10))
    assert plain.outcome is Outcome.DEFER and plain.rule_id == "asked-to-wait"
    assert plain.to_message("id").startswith("Mohon tunda dulu")
    # Nothing about the office itself is invented or dated by a national letter.
    assert urgent.channels[0].address is None
    assert urgent.confirmed_on is None and urgent.stale


def test_a_first_ktp_el_is_postponed_by_the_national_letter_except_for_urgent_needs():
    # The letter postponed KTP-el recording except in emergencies; on 8 April 2020 "until the
    # pandemic ends" (domain-facts §2.6). Tulungagung's own circular had ended on 7 April.
    advice = advise("35.04", "ktp-el/baru", at=at(2020, 4, 15, 10))
    assert advice.outcome is Outcome.DEFER
    assert advice.rule_id == "suspended"
    assert reason(advice, "suspended").text_id.startswith("Instruksi nasional menunda")
    assert not advice.to_message("id").startswith("Silakan datang")
    urgent = advise("35.04", "ktp-el/baru", at=at(2020, 4, 15, 10), reasons=["rumah-sakit"])
    assert urgent.outcome is Outcome.IN_PERSON


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ((2020, 3, 13, 10), None),  # the Friday before the letter
        ((2020, 3, 16, 10), "national-measure"),  # the letter's day
        ((2020, 8, 6, 10), "national-measure"),  # 120 days after its last confirmation
        ((2020, 8, 7, 10), "national-lapsed"),  # past the horizon: no longer the answer
        ((2023, 6, 20, 10), "national-lapsed"),  # the last day of the pandemic status
        ((2023, 6, 21, 10), None),  # the status ended: ordinary rules again
        ((2026, 12, 1, 10), None),
    ],
)
def test_the_national_instruction_holds_to_its_horizon_and_at_most_to_the_pandemic_end(
    when, expected
):
    ids = set(rule_ids(advise("35.78", "kk/perubahan", at=at(*when))))
    found = ids & {"national-measure", "national-lapsed"}
    assert found == ({expected} if expected else set())


def test_a_built_in_office_between_its_own_policies_hears_the_national_instruction():
    # Bima's WhatsApp service is attested from 4 May 2020 (A4); before it, no office source.
    before = advise("52.06", "kk/perubahan", at=at(2020, 3, 24, 10))
    assert "national-measure" in rule_ids(before)
    assert before.outcome is Outcome.DEFER  # not "come in": the letter asked to wait
    assert "policy" not in rule_ids(before)  # not "no special policy on this date"
    during = advise("52.06", "kk/perubahan", at=at(2020, 5, 5, 10))
    assert "national-measure" not in rule_ids(during)  # the office's own policy speaks
    # Tulungagung's circular ran to 7 April 2020 (A3); the national instruction did not end.
    after = advise("35.04", "kk/perubahan", at=at(2020, 4, 14, 10))
    ended = reason(after, "policy-ended")
    assert "instruksi nasional masih berlaku" in ended.text_id
    assert "kini berlaku layanan biasa" not in ended.text_id


@given(
    st.sampled_from(["35.04", "35.13", "35.14", "52.06", "52.71", "35.78", "93.01"]),
    st.sampled_from(["kk/perubahan", "ktp-el/baru", "akta-kelahiran/baru"]),
    st.datetimes(dt.datetime(2019, 6, 1), dt.datetime(2024, 6, 30)),
    st.lists(st.sampled_from(["bpjs", "rumah-sakit", "tni-polri", "sekolah"]), max_size=2),
)
def test_no_reply_under_the_national_instruction_reads_as_ordinary_times(
    office, service, when, reasons
):
    advice = advise(office, service, at=when, reasons=reasons)
    if "national-measure" in rule_ids(advice):
        message = advice.to_message("id")
        assert not [phrase for phrase in _AS_USUAL if phrase in message]
        assert "Instruksi nasional" in message or "instruksi nasional" in message
        assert "Surat Dirjen Dukcapil No. 443.1/2978/Dukcapil" in advice.to_message("en")
        assert not (advice.outcome is Outcome.IN_PERSON and not advice.in_person_allowed)


# ----------------------------------------------- a legal deadline does not wait with the person
def test_a_postponed_marriage_registration_hears_its_deadline_still_runs():
    # A1: no line for these services, "menunda dulu" unless urgent; UU 23/2006 Pasal 34(1):
    # a marriage is reported within 60 days.
    advice = advise("35.14", "akta-perkawinan/baru", at=at(2020, 3, 24, 10))
    assert advice.outcome is Outcome.DEFER
    deadline = reason(advice, "reporting-deadline")
    assert "60 hari" in deadline.text_id
    assert "tetap berjalan" in deadline.text_id and "hubungi kantor" in deadline.text_id
    assert "keeps running" in deadline.text_en and "contact the office" in deadline.text_en
    # The headline itself never says only "wait" on a matter with a deadline.
    first = advice.to_message("id").split("\n", 1)[0]
    assert "60 hari" in first and "hubungi kantor" in first


def test_a_served_matter_states_its_deadline_plainly():
    advice = advise("35.14", "akta-kelahiran/baru", at=at(2020, 3, 24, 10))
    assert advice.outcome is Outcome.ONLINE
    deadline = reason(advice, "reporting-deadline")
    assert deadline.text_id.startswith("Batas waktu pelaporan: 60 hari")
    assert "hubungi kantor" not in deadline.text_id


@given(
    st.sampled_from(["35.04", "35.13", "35.14", "52.06", "52.71"]),
    st.sampled_from(
        [e.code for e in adminduk.catalogue() if e.deadline is not None]  # the law's deadlines
    ),
    st.datetimes(dt.datetime(2020, 3, 1), dt.datetime(2020, 6, 30)),
)
def test_whoever_is_told_to_wait_on_a_legal_deadline_hears_it_still_runs(office, service, when):
    advice = advise(office, service, at=when)
    deadline = reason(advice, "reporting-deadline")
    waiting = advice.outcome in (Outcome.DEFER, Outcome.UNAVAILABLE)
    assert ("hubungi kantor" in deadline.text_id) is waiting
    assert ("contact the office" in deadline.text_en) is waiting


# ---------------------------------------- no checklist from a later rule for a day before it
@pytest.mark.parametrize("office", ["35.04", "35.13", "35.14", "52.06", "52.71", "35.78"])
def test_the_ikd_in_2020_has_no_checklist_of_a_2022_rule(office):
    # Permendagri 72/2022 created the IKD: on a day of 2020 its requirements did not exist.
    advice = advise(office, "ikd/baru", at=at(2020, 3, 24, 10))
    assert advice.rule_id == "not-introduced"
    assert advice.requirements == () and advice.requirements_note is None
    assert "Persyaratan" not in advice.to_message("id")
    assert "aplikasi IKD" not in advice.to_message("id")
    later = advise(office, "ikd/baru", at=at(2026, 12, 1, 10))
    assert later.requirements  # from 2022 the checklist is there


def test_the_ikd_step_is_named_in_indonesian_only():
    (step,) = adminduk.catalogue()["ikd/baru"].in_person_steps
    assert "recognition" not in step.name_id
    assert step.name_id.startswith("verifikasi wajah")


def test_an_urgent_need_for_a_service_not_yet_existing_hears_why_it_changes_nothing():
    # IKD rests on a 2022 regulation: in 2020 no exception could open it, and the reply once
    # said "the sources name no exception for urgent needs", as if one might exist.
    advice = advise("35.78", "ikd/baru", at=at(2020, 3, 24, 10), reasons=["bpjs"])
    told = reason(advice, "urgent-not-exempt")
    assert "layanan ini belum ada pada tanggal itu" in told.text_id
    assert "did not exist yet on that date" in told.text_en
    assert "pengecualian" not in told.text_id


def test_no_urgent_reason_needed_is_not_said_as_if_the_counter_were_open_now() -> None:
    # 20 July 2021, Idul Adha: Surabaya is shut and its rules of the day are not known. "The
    # counter serves everyone at this time" beside "opens again Wednesday" and "check with the
    # office first" contradicted both; the note speaks of the rules the answer uses.
    advice = adminduk.advise(
        "35.78", "kk/perubahan", at=dt.datetime(2021, 7, 20, 10), reasons=["bpjs"]
    )
    english, indonesian = advice.to_message("en"), advice.to_message("id")
    assert "Under these rules the counter serves everyone: no urgent reason is needed." in english
    assert "Menurut aturan ini, loket melayani semua warga; alasan mendesak tidak diperlukan." in (
        indonesian
    )
    assert "at this time" not in english and "saat ini" not in indonesian


def test_contact_the_office_before_the_deadline_says_how_where_no_number_is_known() -> None:
    # Surabaya (a baseline office) in April 2020: a birth to postpone, "contact the office
    # before it runs out", and no number of the office in any source. The reply says so, and
    # where it can be asked.
    surabaya = adminduk.advise("35.78", "akta-kelahiran/baru", at=dt.datetime(2020, 4, 15, 10))
    assert surabaya.outcome is Outcome.DEFER
    note = "The sources give no contact number for the office; ask at the office before the "
    for detail in ("full", "short"):
        assert note in surabaya.to_message("en", detail=detail)
        assert "Sumber tidak memuat nomor kontak kantor; tanyakan langsung ke kantor" in (
            surabaya.to_message("id", detail=detail)
        )
    # Way Kanan's standard gives a phone and an e-mail for a lost KTP-el: no such note.
    way_kanan = adminduk.advise("18.08", "ktp-el/cetak-ulang", at=dt.datetime(2020, 4, 15, 10))
    assert way_kanan.outcome is Outcome.DEFER
    assert "deadline-no-contact" not in [r.rule_id for r in way_kanan.reasons]
    # Its birth certificate's standard names none, its SKTT's a phone: the office's all the same
    # (the sixth reading), cited to that standard. Kepulauan Aru's KIA standard gives an e-mail.
    birth = adminduk.advise("18.08", "akta-kelahiran/baru", at=dt.datetime(2020, 4, 15, 10))
    assert "Untuk bertanya ke kantor: telepon/faksimile (0723) 461041." in (
        birth.to_message("id", detail="short")
    )
    aru_birth = adminduk.advise("81.07", "akta-kelahiran/baru", at=dt.datetime(2020, 4, 15, 10))
    assert "e-mail dafdukcapil_aru@yahoo.co.id" in aru_birth.to_message("en")
    # A matter with a route, or without a deadline, asks nobody to contact the office.
    today = adminduk.advise("81.07", "akta-kelahiran/baru", at=dt.datetime(2026, 12, 7, 10))
    assert "deadline-no-contact" not in [r.rule_id for r in today.reasons]


def test_a_person_without_whatsapp_is_not_pointed_to_a_whatsapp_line_nobody_can_find() -> None:
    # Sambas takes the SKPWNI over a "Nomor WA Layanan" its page never gives. Told that the
    # counter serves them since they do not use WhatsApp, a person is not then told that the
    # matter is also taken over WhatsApp.
    when = dt.datetime(2026, 12, 7, 10)
    with_app = advise("61.01", "skpwni/baru", at=when)
    without = advise("61.01", "skpwni/baru", at=when, has_whatsapp=False)
    assert "channel-unreachable" in rule_ids(with_app)
    assert "channel-unreachable" not in rule_ids(without)
    assert "since you do not use WhatsApp" in without.to_message("en")


def test_a_person_without_whatsapp_gets_the_number_a_relative_can_use() -> None:
    # Pasuruan, 24 March 2020: births only over WhatsApp, the counter for urgent needs. The
    # office has a number for births (A1): no "no number" note (the sixth reading), and the
    # line that says to ask a relative gives it.
    advice = advise(
        "35.14", "akta-kelahiran/baru", at=dt.datetime(2020, 3, 24, 10), has_whatsapp=False
    )
    assert "deadline-no-contact" not in rule_ids(advice)
    assert "minta bantuan keluarga yang memakai WhatsApp (https://wa.me/6281359547689)" in (
        advice.to_message("id")
    )


def test_no_opening_is_told_where_the_sources_name_no_urgent_route() -> None:
    # Bima at 21:00 on 15 July 2020, without WhatsApp: the counter does not serve this person
    # and the sources name no route for urgent cases; "the office opens again" would contradict
    # "wait until the counter reopens".
    advice = advise(
        "52.06", "akta-kematian/baru", at=dt.datetime(2020, 7, 15, 21), has_whatsapp=False
    )
    assert "Sumber tidak menyebut jalur untuk keperluan mendesak." in advice.to_message("id")
    for detail in ("full", "short"):
        assert "Kantor buka kembali" not in advice.to_message("id", detail=detail)


# --------------------------------------------- without WhatsApp where only WhatsApp serves
@pytest.mark.parametrize("lang", ["id", "en"])
def test_bima_tells_someone_without_whatsapp_where_a_relative_finds_the_officers_numbers(lang):
    # A4 gives no number: "nomor WhatsApp tiap petugas tercantum di spanduk depan kantor". The
    # reply once asked to "ask a relative who uses WhatsApp ()", and the chat left it out.
    advice = advise("52.06", "akta-kematian/baru", at=at(2020, 5, 5, 10), has_whatsapp=False)
    assert advice.rule_id == "no-whatsapp-wait"
    # Nor does it then say the sources give no number: the line just said where they are.
    assert "deadline-no-contact" not in rule_ids(advice)
    banner = {"id": "spanduk depan kantor", "en": "banner ('spanduk') in front of"}[lang]
    for detail in ("full", "short"):
        reply = advice.to_message(lang, detail=detail)
        assert "()" not in reply
        relative = {"id": "keluarga yang memakai WhatsApp (", "en": "relative who uses WhatsApp ("}
        (line,) = [x for x in reply.splitlines() if relative[lang] in x]
        assert banner in line, line


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pasuruan_gives_its_whatsapp_line_to_ask_by_for_a_matter_it_postponed(lang):
    # A1 takes no marriage certificate online, but gives the office's WhatsApp lines for other
    # services: the reply names one to ask by before the deadline, not "no number".
    advice = advise("35.14", "akta-perkawinan/baru", at=at(2020, 4, 15, 10))
    assert advice.outcome is Outcome.DEFER
    number = reason(advice, "office-number")
    assert number.source == "A1"
    assert "https://wa.me/62813595476" in number.text(lang)
    assert "deadline-no-contact" not in rule_ids(advice)
    assert number.text(lang) in advice.to_message(lang, detail="short").splitlines()


@pytest.mark.parametrize("service", ["ktp-el/baru", "ktp-el/cetak-ulang"])
def test_tulungagung_tells_whoever_it_asks_to_wait_for_a_ktp_el_that_a_suket_stays_valid(service):
    # A3's suspension carries the office's note: the suket does not expire. It was in the file
    # ("told to the citizen") but in no reply.
    advice = advise("35.04", service, at=at(2020, 3, 20, 9))
    assert advice.rule_id == "suspended"
    note = reason(advice, "suspension-note")
    assert note.source == "A3"
    assert "tidak kedaluwarsa" in note.text_id and "does not expire" in note.text_en
    assert f"- {note.text_en}" in advice.to_message("en").splitlines()
    urgent = advise("35.04", service, at=at(2020, 3, 20, 9), reasons=["rumah-sakit"])
    assert "suspension-note" not in rule_ids(urgent)  # served at the counter: nothing to wait


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ask_the_office_first_comes_with_the_number_to_ask_by(lang):
    # Way Kanan after the national instruction lapsed: "Tanyakan dulu ke kantor", and its SKTT
    # standard gives "(0723) 461041"; the reply gave no way to ask.
    advice = advise("18.08", "akta-kelahiran/baru", at=at(2020, 9, 1, 10))
    assert advice.certainty is adminduk.Certainty.UNKNOWN
    number = reason(advice, "office-number")
    assert "(0723) 461041" in number.text(lang)
    short = advice.to_message(lang, detail="short").splitlines()
    assert number.text(lang) in short
    # Sent to the counter, the chat still says what to bring, at least how many.
    assert any(x.startswith(("Persyaratan", "Requirements", "Ada ", "There ")) for x in short)


# ----------------------------------------------------------------------- "open now" until when
@pytest.mark.parametrize(
    ("hour", "minute", "line_id", "line_en"),
    [
        (
            10,
            0,
            "Kantor sedang buka sampai pukul 12.00 WIB, lalu buka lagi pukul 13.00 WIB",
            "The office is open now until 12:00 WIB, and again from 13:00 WIB",
        ),
        (
            15,
            50,
            "Kantor sedang buka sampai pukul 16.00 WIB",
            "The office is open now until 16:00 WIB",
        ),
    ],
)
def test_come_in_says_until_when_the_office_is_open(hour, minute, line_id, line_en):
    # Way Kanan on the national hours (07.30-12.00, 13.00-16.00 on a Monday): at 15.50 the
    # reply said "Kantor sedang buka" and nothing of the door shutting ten minutes later.
    advice = advise("18.08", "akta-kelahiran/baru", at=at(2026, 12, 7, hour, minute))
    assert advice.outcome is Outcome.IN_PERSON and advice.office_open
    for lang, line in (("id", line_id), ("en", line_en)):
        for detail in ("full", "short"):
            assert line in advice.to_message(lang, detail=detail)


@pytest.mark.parametrize("day", [dt.date(2026, 12, 5), dt.date(2026, 12, 25)])  # Sat, Christmas
def test_a_shut_day_says_whose_hours_the_reopening_follows(day):
    # Way Kanan publishes no hours: on a weekday evening the reply said "(menurut jam kerja
    # nasional)" and cited the Perpres; on a Saturday or a holiday it said neither.
    advice = advise("18.08", "akta-kelahiran/baru", at=dt.datetime.combine(day, dt.time(10)))
    assert not advice.office_open and advice.hours_are_default
    assert reason(advice, "default-hours").source == "Perpres 21/2023"
    line = next(x for x in advice.to_message("id").splitlines() if x.startswith("Kantor buka"))
    assert line.endswith("(menurut jam kerja nasional).")


# ------------------------------------------------- a lapsed 2020 policy, a measure still assumed
def test_an_answer_on_the_ordinary_rules_asks_for_nothing_the_lapsed_policy_added():
    # Kota Mataram's A2 (25 March 2020) asked WhatsApp applicants for originals at pick-up; by
    # August no source confirms it and the answer uses the ordinary rules, but its checklist
    # still had the item, and it dated the answer by A2.
    advice = advise("52.71", "akta-kelahiran/baru", at=at(2020, 8, 3, 10), has_whatsapp=False)
    assert advice.policy_id == "ordinary" and "policy-lapsed" in rule_ids(advice)
    assert all(req.origin != "office" for req in advice.requirements)
    # The postponement is the national instruction's, still taken to hold: the headline says
    # whose rules these are, not "the office's ordinary rules" alone.
    for lang, words in (("id", "aturan biasa kantor dan instruksi nasional"), ("en", "national")):
        assert words in advice.to_message(lang).splitlines()[0]


def test_no_pdf_is_asked_for_where_no_line_takes_it():
    # Kabupaten Probolinggo's officers' WhatsApp has no number in any source: a matter asked to
    # wait is not told to photograph every document as a PDF.
    advice = advise("35.13", "akta-kelahiran/baru", at=at(2020, 8, 6, 19, 45))
    assert advice.outcome is Outcome.DEFER
    assert "PDF" not in advice.to_message("en")


@pytest.mark.parametrize(
    ("code", "service", "when"),
    [
        ("61.01", "kk/baru", dt.datetime(2020, 9, 1, 15, 55)),  # Sambas: "WA Konsultasi" only
        ("35.14", "akta-perkawinan/baru", dt.datetime(2020, 5, 5, 10)),  # A1's e-KTP line
    ],
)
def test_a_whatsapp_number_to_ask_by_is_given_through_a_relative_to_someone_without_it(
    code, service, when
):
    without = reason(advise(code, service, at=when, has_whatsapp=False), "office-number")
    assert "lewat keluarga yang memakai WhatsApp" in without.text_id
    assert "through a relative who uses WhatsApp" in without.text_en
    with_it = reason(advise(code, service, at=when), "office-number")
    assert "keluarga" not in with_it.text_id


@pytest.mark.parametrize(
    ("day", "name_id", "name_en"),
    [
        (dt.date(2026, 12, 25), "Hari Raya Natal", "Christmas Day"),
        (dt.date(2020, 12, 31), "Pengganti Cuti Bersama Hari Raya Idul Fitri", "Eid al-Fitr"),
    ],
)
def test_a_holiday_says_why_the_office_is_shut(day, name_id, name_en):
    # A reply on Christmas said when the office opens again, never why it was shut; and the
    # holidays package writes "Pengganti" (substitute) as "Pegangti".
    advice = advise("18.08", "akta-kelahiran/baru", at=dt.datetime.combine(day, dt.time(10)))
    closed = reason(advice, "closed-day")
    assert closed.text_id == f"Hari ini kantor tutup: {name_id}."
    assert name_en in closed.text_en
    assert f"- {closed.text_id}" in advice.to_message("id").splitlines()
    weekend = advise("18.08", "akta-kelahiran/baru", at=dt.datetime(2026, 12, 5, 10))
    assert "closed-day" not in rule_ids(weekend)  # a Saturday needs no reason


def test_pasuruan_tells_someone_without_whatsapp_the_number_a_relative_can_use():
    # A1 gives the line for birth and death certificates: 0813-5954-7689.
    advice = advise("35.14", "akta-kematian/baru", at=at(2020, 4, 15, 10), has_whatsapp=False)
    relative = reason(advice, "no-whatsapp-wait")
    assert relative.source == "A1"
    assert "(https://wa.me/6281359547689)" in relative.text_id
