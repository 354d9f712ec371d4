"""One realistic citizen per article, walked through ``advise``."""

import datetime as dt

import adminduk
from adminduk import Outcome, advise


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args)  # naive: the office's local wall time


def channel_addresses(advice):
    return [(ch.kind.value, ch.address) for ch in advice.channels]


# ------------------------------------------------------------- A1: Kabupaten Pasuruan (WIB)
def test_pasuruan_resident_changing_a_kk_is_sent_to_the_kk_whatsapp_line():
    advice = advise("35.14", "kk/perubahan", at=at(2020, 3, 24, 10, 0))
    assert advice.outcome is Outcome.ONLINE
    assert channel_addresses(advice)[0] == ("whatsapp", "+6281359547692")
    assert [r.code for r in advice.requirements] == ["kk-lama", "bukti-perubahan"]
    assert advice.in_person_allowed is False
    assert advice.reasons[0].rule_id == "online"
    assert advice.reasons[0].source == "A1"
    message = advice.to_message()
    assert "https://wa.me/6281359547692" in message
    assert "1. Kartu Keluarga (KK) lama" in message


def test_pasuruan_ktp_reprint_is_ready_five_working_days_later_at_the_kecamatan():
    advice = advise("kabupaten-pasuruan", "ktp-el/cetak-ulang", at=at(2020, 3, 24, 10, 0))
    assert channel_addresses(advice)[0] == ("whatsapp", "+6281359547691")
    assert advice.fulfilment is not None
    assert advice.fulfilment.pickup.value == "kecamatan"
    # 25 March 2020 is Nyepi: the five working days are 26, 27, 30, 31 March and 1 April.
    assert advice.ready_by == dt.datetime(2020, 4, 1, 7, 30, tzinfo=advice.at.tzinfo)
    assert any(r.rule_id == "ready-by" for r in advice.reasons)


def test_pasuruan_nik_for_bpjs_goes_to_its_own_line():
    advice = advise("35.14", "biodata/sinkronisasi", at=at(2020, 3, 24, 10, 0))
    assert channel_addresses(advice) == [("whatsapp", "+6281249333360")]


def test_pasuruan_name_correction_waits_unless_urgent():
    advice = advise("35.14", "biodata/pembetulan", at=at(2020, 3, 24, 10, 0))
    assert advice.outcome is Outcome.DEFER
    assert advice.rule_id == "counter-only-wait"
    assert advice.channels == ()


# ----------------------------------------------------------- A0: Kabupaten Probolinggo (WIB)
def test_probolinggo_ktp_goes_through_the_app_in_online_hours():
    advice = advise("35.13", "ktp-el/cetak-ulang", at=at(2020, 3, 20, 10, 30))
    assert advice.outcome is Outcome.ONLINE
    assert advice.channels[0].kind.value == "app"
    assert "godigital.dispendukcapil.probolinggokab.go.id" in advice.channels[0].address
    assert advice.office_open is True
    assert advice.hours_are_default is False


def test_probolinggo_after_friday_closing_next_opening_is_monday_morning():
    advice = advise("35.13", "ktp-el/cetak-ulang", at=at(2020, 3, 20, 11, 30))
    assert advice.office_open is False
    assert advice.next_opening.isoformat() == "2020-03-23T08:00:00+07:00"
    assert "Senin, 23 Maret 2020 pukul 08.00 WIB" in advice.to_message("id")
    assert "Monday, 23 March 2020 at 08:00 WIB" in advice.to_message("en")


def test_probolinggo_whatsapp_numbers_are_unknown_never_invented():
    # A0: "selengkapnya lihat grafis": the numbers are only in a graphic. No answer sends anyone
    # to a number nobody can find (issue 23): the matter waits, the counter serves the urgent
    # (A0, A1), and the deadline still runs.
    advice = advise("35.13", "akta-kelahiran/baru", at=at(2020, 3, 23, 9, 0))
    assert advice.outcome is Outcome.DEFER
    assert advice.rule_id == "urgent-only-wait"
    assert advice.channels == ()
    unreachable = [r for r in advice.reasons if r.rule_id == "channel-unreachable"]
    assert unreachable and unreachable[0].source == "A0; A1"
    assert "wa.me" not in advice.to_message()
    assert "60 hari sejak kelahiran" in advice.to_message().split("\n", 1)[0]
    urgent = advise("35.13", "akta-kelahiran/baru", at=at(2020, 3, 23, 9, 0), reasons=["bpjs"])
    assert urgent.outcome is Outcome.IN_PERSON


def test_probolinggo_bpjs_need_may_come_to_the_counter():
    advice = advise("35.13", "kk/perubahan", at=at(2020, 3, 23, 9, 0), reasons=["bpjs"])
    assert advice.outcome is Outcome.IN_PERSON
    assert advice.rule_id == "urgent-counter"
    assert advice.channels[0].kind.value == "counter"
    assert advice.in_person_allowed


# ------------------------------------------------------------------- A2: Kota Mataram (WITA)
def test_mataram_kia_online_through_the_three_numbers_in_wita():
    advice = advise("52.71", "kia/baru", at=at(2020, 3, 26, 9, 0))
    assert advice.outcome is Outcome.ONLINE
    assert [a for _, a in channel_addresses(advice)] == [
        "+6287761489446",
        "+6285337287689",  # printed as 85337287689: the leading 0 was lost
        "+628123860693",
        None,  # the counter, open to all under this policy, with no street address read
    ]
    assert advice.channels[-1].kind.value == "counter"
    assert advice.at.utcoffset() == dt.timedelta(hours=8)
    assert advice.fulfilment is not None and advice.fulfilment.originals_checked
    assert any(r.rule_id == "originals-checked" for r in advice.reasons)


def test_mataram_ktp_el_needs_the_photo_at_the_counter():
    advice = advise("52.71", "ktp-el/baru", at=at(2020, 3, 26, 9, 0))
    assert advice.outcome is Outcome.IN_PERSON
    assert advice.rule_id == "counter-only"


def test_mataram_serves_walk_ins_without_whatsapp():
    advice = advise("52.71", "kia/baru", at=at(2020, 3, 26, 9, 0), has_whatsapp=False)
    assert advice.outcome is Outcome.IN_PERSON
    assert advice.rule_id == "walk-in-no-whatsapp"


def test_mataram_nyepi_is_closed_and_the_answer_is_in_wita():
    advice = advise("52.71", "kk/baru", at=at(2020, 3, 25, 10, 0))
    assert advice.office_open is False
    assert advice.next_opening.date() == dt.date(2020, 3, 26)
    assert advice.next_opening.utcoffset() == dt.timedelta(hours=8)
    assert "WITA" in advice.to_message()


# --------------------------------------------------------- A3: Kabupaten Tulungagung (WIB)
def test_tulungagung_kk_through_the_national_portal_during_the_circular():
    advice = advise("35.04", "kk/perubahan", at=at(2020, 3, 20, 9, 0))
    assert advice.outcome is Outcome.ONLINE
    assert channel_addresses(advice) == [
        ("portal", "https://layananonline.dukcapil.kemendagri.go.id")
    ]
    assert advice.fulfilment is not None
    assert advice.fulfilment.pickup.value == "self-print"


def test_tulungagung_hospital_patient_is_served_in_person():
    advice = advise("35.04", "kk/perubahan", at=at(2020, 3, 20, 9, 0), reasons=["rumah-sakit"])
    assert advice.outcome is Outcome.IN_PERSON
    assert advice.rule_id == "urgent-counter"


def test_tulungagung_ktp_el_is_postponed():
    advice = advise("35.04", "ktp-el/baru", at=at(2020, 3, 20, 9, 0))
    assert advice.outcome is Outcome.DEFER
    assert advice.rule_id == "suspended"


def test_tulungagung_after_7_april_2020_follows_the_national_instruction():
    # SE 470/318/105/2020 ended on 7 April 2020; the national letter 443.1/2978/Dukcapil still
    # asked non-urgent residents to wait, and the counter served the urgent (domain-facts §2.6).
    advice = advise("35.04", "kk/perubahan", at=at(2020, 4, 8, 9, 0))
    assert advice.policy_id == "ordinary"
    assert advice.outcome is Outcome.DEFER
    assert advice.rule_id == "asked-to-wait"
    assert advice.reasons[0].source == "DIRJEN-2978-2020"
    urgent = advise("35.04", "kk/perubahan", at=at(2020, 4, 8, 9, 0), reasons=["rumah-sakit"])
    assert urgent.outcome is Outcome.IN_PERSON
    # Past the horizon of the letter's last confirmation (8 April 2020 + 120 days), the counter
    # serves as usual again, and the answer says the instruction may still have held.
    later = advise("35.04", "kk/perubahan", at=at(2020, 8, 7, 9, 0))
    assert later.outcome is Outcome.IN_PERSON
    assert "national-lapsed" in {r.rule_id for r in later.reasons}


# --------------------------------------------------------------- A4: Kabupaten Bima (WITA)
def test_bima_first_ktp_for_school_leavers_is_not_served():
    advice = advise("52.06", "ktp-el/baru", at=at(2020, 5, 4, 9, 0))
    assert advice.outcome is Outcome.UNAVAILABLE
    assert advice.rule_id == "suspended"


def test_bima_asks_people_without_an_urgent_need_to_postpone_but_still_serves_them():
    # A4: "Kami harap ... agar menunda" is a request; "Setiap warga ... kami melayani lewat
    # WhatsApp" is the route. The answer gives both.
    advice = advise("52.06", "kk/baru", at=at(2020, 5, 4, 9, 0))
    assert advice.outcome is Outcome.ONLINE
    assert advice.rule_id == "online"
    asked = next(r for r in advice.reasons if r.rule_id == "asked-to-wait")
    assert asked.source == "A4"


def test_bima_reprint_for_bpjs_is_served_online_and_delivered_through_the_village():
    advice = advise("52.06", "ktp-el/cetak-ulang", at=at(2020, 5, 4, 9, 0), reasons=["bpjs"])
    assert advice.outcome is Outcome.ONLINE
    assert advice.in_person_allowed is False  # no office visit: everything goes over WhatsApp
    assert advice.channels[0].address is None  # the officers' numbers are only on a banner
    assert advice.fulfilment is not None
    assert advice.fulfilment.pickup.value == "village-office"
    assert advice.fulfilment.delivers


def test_bima_answers_in_wita():
    advice = advise("kabupaten-bima", "kk/baru", at=at(2020, 5, 4, 9, 0))
    assert advice.at.isoformat() == "2020-05-04T09:00:00+08:00"


def test_an_office_object_and_its_code_give_the_same_advice():
    office = adminduk.get_office("35.14")
    moment = at(2020, 3, 24, 10, 0)
    assert advise(office, "kk/perubahan", moment) == advise("35.14", "kk/perubahan", moment)


def test_pasuruan_correction_for_a_police_applicant_is_served_in_person():
    advice = advise(
        "35.14", "biodata/pembetulan", at=at(2020, 3, 24, 10, 0), reasons=["tni-polri"]
    )
    assert advice.outcome is Outcome.IN_PERSON
    assert advice.rule_id == "counter-only"


def test_pasuruan_accepts_national_urgent_needs_its_article_only_exemplifies():
    advice = advise("35.14", "biodata/pembetulan", at=at(2020, 3, 24, 10, 0), reasons=["bpjs"])
    assert advice.outcome is Outcome.IN_PERSON
    national = [r for r in advice.reasons if r.rule_id == "reason-national"]
    assert national
    assert "instruksi nasional" in national[0].text_id
