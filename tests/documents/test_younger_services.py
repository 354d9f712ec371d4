"""The IKD activation and the arrival certificate, end to end: catalogue, triage, advice, requests.

Pinned to their sources: Permendagri 72/2022 Pasal 13 and 15 (IKD), UU 23/2006 Pasal 15 (arrival
certificate), as the catalogue file cites them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import (
    Certainty,
    ChannelKind,
    Confidence,
    NotOffered,
    Service,
    ServiceRequest,
    advise,
    catalogue,
    find_services,
    get_office,
)
from adminduk.documents._catalogue import _load
from adminduk.errors import ConfigError, OutOfRange
from adminduk.triage import Outcome, decide

BUILT_IN = ("35.04", "35.13", "35.14", "52.06", "52.71")
IKD = Service.parse("ikd/baru")
ARRIVAL = Service.parse("skpd/baru")


def test_ikd_rests_on_permendagri_72_2022_and_needs_the_officer_in_person():
    entry = catalogue()[IKD]
    (step,) = entry.in_person_steps
    assert step.legal_basis == "Permendagri 72/2022 Pasal 15"
    assert step.confidence is Confidence.SECONDARY_CITED
    assert "QR" in step.name_id and "QR" in step.name_en
    assert entry.introduced is not None
    assert (entry.introduced.year, entry.introduced.legal_basis) == (
        2022,
        "Permendagri 72/2022 Pasal 13",
    )
    assert not entry.biometric_in_person  # nothing is recorded: the face is matched in the app
    assert {r.confidence for r in entry.requirements} == {Confidence.LOCAL_PRACTICE}


def test_the_arrival_certificate_rests_on_the_moving_certificate_uu_23_2006_pasal_15():
    (requirement,) = catalogue()[ARRIVAL].requirements
    assert requirement.legal_basis == "UU 23/2006 Pasal 15 ayat (3)"
    assert requirement.confidence is Confidence.PRIMARY
    assert catalogue().document_name("skpd", "id") == "Surat keterangan pindah datang (SKPD)"


def test_no_reprint_of_the_kia_or_of_other_akta_without_a_source():
    reprints = {code for code in catalogue().codes if code.endswith("/cetak-ulang")}
    assert reprints == {"ktp-el/cetak-ulang", "kk/cetak-ulang", "akta-kelahiran/cetak-ulang"}


@pytest.mark.parametrize(
    ("day", "offered"),
    [(dt.date(2021, 12, 31), False), (dt.date(2022, 1, 1), True), (dt.date(2026, 12, 1), True)],
)
def test_the_ikd_exists_from_the_year_of_its_regulation(day, offered):
    assert catalogue()[IKD].introduced.offered_on(day) is offered
    policy = get_office("52.71").policy_at(day)
    decision = decide(policy, IKD, day=day)
    assert (decision.rule.id == "not-introduced") is not offered
    assert decide(policy, IKD).rule.id != "not-introduced"  # without a day, the policy decides


def test_offered_on_refuses_what_is_not_a_date():
    with pytest.raises(OutOfRange):
        catalogue()[IKD].introduced.offered_on("2022-01-01")  # type: ignore[arg-type]


@pytest.mark.parametrize("code", BUILT_IN)
@pytest.mark.parametrize("reasons", [(), ("bpjs",)])
def test_no_built_in_office_offers_the_ikd_in_2020(code, reasons):
    office = get_office(code)
    at = dt.datetime.combine(office.policies[0].valid_from, dt.time(10, 0))
    advice = advise(office, IKD, at=at, reasons=reasons)
    assert advice.outcome is Outcome.UNAVAILABLE
    assert advice.channels == ()
    assert advice.rule_id in ("not-introduced", "suspended")
    assert "urgent-route" not in [r.rule_id for r in advice.reasons]
    if advice.rule_id == "not-introduced":
        first = advice.reasons[0]
        assert "Permendagri 72/2022" in first.text_id and "2022" in first.text_en
        assert "belum ada" in first.text_id and "did not exist" in first.text_en


@pytest.mark.parametrize("code", BUILT_IN)
def test_today_every_built_in_office_takes_both_at_the_counter(code):
    for service in (IKD, ARRIVAL):
        advice = advise(code, service, at=dt.datetime(2026, 12, 1, 10, 0))
        assert advice.outcome is Outcome.IN_PERSON, (code, service)


def test_bima_2020_takes_the_arrival_over_whatsapp_and_refuses_the_ikd():
    # Under A4's WhatsApp policy the arrival certificate goes over WhatsApp; the IKD, once it
    # exists (2022), needs presence the policy does not offer. By then A4 (4 May 2020) is past
    # the horizon of offices/data/national/rules.toml: the policy no longer decides alone, and
    # the answer asks the citizen to check with the office (issue 23).
    arrival = advise("52.06", ARRIVAL, at=dt.datetime(2020, 6, 1, 10, 0))
    assert arrival.outcome is Outcome.ONLINE
    assert arrival.channels[0].kind is ChannelKind.WHATSAPP
    policy = get_office("52.06").policy_at(dt.date(2022, 6, 1))
    assert policy.suspension_for(IKD) is not None
    assert "tatap muka" in policy.suspension_for(IKD).reason_id
    ikd = advise("52.06", IKD, at=dt.datetime(2022, 6, 1, 10, 0))
    assert ikd.certainty is Certainty.UNKNOWN
    assert ikd.to_message("id").startswith("Tanyakan dulu ke kantor")


def test_a_request_for_the_ikd_before_2022_is_not_offered_anywhere():
    office = get_office("52.71")
    with pytest.raises(NotOffered):
        ServiceRequest.submit(office, IKD, at=dt.datetime(2020, 3, 24, 10), channel="counter")
    later = ServiceRequest.submit(office, IKD, at=dt.datetime(2026, 12, 1, 10), channel="counter")
    assert later.service == IKD


_ENGLISH = re.compile(r"\b(the|office|service|counter|did|not|exist|issued)\b")


@given(st.sampled_from(BUILT_IN), st.dates(dt.date(2020, 1, 1), dt.date(2027, 12, 31)))
def test_replies_for_the_younger_services_stay_in_their_language(code, day):
    for service in (IKD, ARRIVAL):
        advice = advise(code, service, at=dt.datetime.combine(day, dt.time(9, 0)))
        for reason in advice.reasons:
            assert not _ENGLISH.search(reason.text_id), reason.text_id


@pytest.mark.parametrize(
    ("text", "code"),
    [("aktivasi ikd dimana", "ikd/baru"), ("lapor pindah datang", "skpd/baru")],
)
def test_chat_finds_them(text, code):
    assert find_services(text)[0].service.code == code


def test_an_introduction_must_cite_its_article_as_its_confidence_says():
    from importlib import resources

    text = resources.files("adminduk.documents").joinpath("data/catalogue.toml").read_text()
    cited = 'legal_basis = "Permendagri 72/2022 Pasal 13", confidence'
    wrong = text.replace(cited, 'legal_basis = "Permendagri 72/2022", confidence')
    with pytest.raises(ConfigError, match=r"introduced\.legal_basis"):
        _load(wrong, "catalogue.toml")


def test_the_exports_never_offer_the_ikd_before_it_existed():
    from adminduk import office_jsonld
    from adminduk.export._offer import offer

    tulungagung = get_office("35.04")
    assert "ikd/baru" not in [e.code for e, _ in offer(tulungagung, dt.date(2020, 3, 20)).services]
    assert "ikd/baru" in [e.code for e, _ in offer(tulungagung, dt.date(2024, 1, 2)).services]
    graph = office_jsonld(tulungagung)["@graph"]
    ikd = [node["@id"] for node in graph if node.get("serviceType") == "ikd/baru"]
    assert ikd == ["_:ordinary-service-ikd-baru"]  # not under the March 2020 policy
    mataram = office_jsonld("52.71")["@graph"]  # its 2020 policy ran until June 2023
    assert sum(node.get("serviceType") == "ikd/baru" for node in mataram) == 2


# ------------------------------------------------ the IKD is activated, not issued (wording)
@pytest.mark.parametrize("office", BUILT_IN)
def test_a_reply_about_the_ikd_names_its_activation_not_a_new_issuance(office):
    # Permendagri 72/2022 Pasal 15 and IKDSTEPS: the citizen activates the IKD before an
    # officer (face verification, the officer's QR code); no document is issued.
    advice = advise(office, IKD, at=dt.datetime(2026, 12, 1, 10))
    indonesian, english = advice.to_message("id"), advice.to_message("en")
    assert "Identitas Kependudukan Digital (IKD): aktivasi" in indonesian
    assert "igital population identity (IKD): activation" in english  # lower case mid-sentence
    assert "penerbitan baru" not in indonesian.lower()
    assert "issuance" not in english.lower()


def test_the_ikd_activation_is_named_once_in_the_catalogue_and_other_services_keep_theirs():
    entry = catalogue()[IKD]
    assert entry.action_names is not None
    assert (entry.action_names.name("id"), entry.action_names.name("en")) == (
        "aktivasi",
        "activation",
    )
    # Only the IKD overrides the action's name: every other "baru" is a first issuance.
    assert [e.code for e in catalogue() if e.action_names is not None] == ["ikd/baru"]
    kk = advise("35.14", "kk/baru", at=dt.datetime(2026, 12, 1, 10))
    assert "Kartu Keluarga (KK): penerbitan baru" in kk.to_message("id")


def test_an_action_name_needs_both_languages():
    text = """
[documents]
ikd = { name_id = "IKD", name_en = "IKD" }
[actions]
baru = { name_id = "baru", name_en = "new" }
[[service]]
code = "ikd/baru"
name_id = "a"
name_en = "a"
biometric_in_person = false
requirements_note_id = "tidak ada"
requirements_note_en = "none"
action_names = { name_id = "aktivasi" }
"""
    with pytest.raises(ConfigError) as info:
        _load(text, "x.toml")
    assert any("action_names" in p.path for p in info.value.problems)
