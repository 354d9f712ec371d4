"""Kota Mataram (52.71, WITA): the facts of A2 (Inside Lombok / Antara, 25 March 2020)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import adminduk
from adminduk.offices import CounterOnlyReason, InPersonStance, IntakeFormat, PickupPlace

from .common import assert_in_force, assert_not_online, assert_ordinary, remote_channels

NUMBERS = ["+6287761489446", "+6285337287689", "+628123860693"]
ONLINE = [
    "akta-kelahiran/baru",
    "kia/baru",
    "kk/baru",
    "kk/perubahan",
    "kk/cetak-ulang",
    "akta-kematian/baru",
    "skpwni/baru",
    "biodata/sinkronisasi",
]


CODE = "52.71"
ONLINE_ON = dt.date(2020, 3, 25)


def test_identity_and_zone(office: adminduk.OfficeConfig) -> None:
    assert office.slug == "kota-mataram"
    assert office.province == "Nusa Tenggara Barat"
    assert office.timezone == "Asia/Makassar"  # WITA, UTC+8
    assert office.zone.utcoffset(dt.datetime(2020, 3, 25)) == dt.timedelta(hours=8)


def test_online_since_monday_23_march_2020_the_week_before_was_offline(
    office: adminduk.OfficeConfig,
) -> None:
    assert_ordinary(office, dt.date(2020, 3, 16), dt.date(2020, 3, 22))
    assert_in_force(office, "covid-19-layanan-daring", dt.date(2020, 3, 23), dt.date(2023, 6, 20))
    assert office.policy_at(dt.date(2023, 6, 21)).is_ordinary
    # 23:30 WIB on the 22nd is already the 23rd in Mataram.
    late = dt.datetime(2020, 3, 22, 23, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert office.policy_at(late).id == "covid-19-layanan-daring"


def test_article_date_is_wednesday_25_march(office: adminduk.OfficeConfig) -> None:
    assert office.sources["A2"].published == dt.date(2020, 3, 25)
    assert dt.date(2020, 3, 25).weekday() == 2


@pytest.mark.parametrize("service", ONLINE)
def test_online_services_go_to_three_whatsapp_numbers(
    online: adminduk.Policy, service: str
) -> None:
    channels = remote_channels(online, service)
    assert [ch.address for ch in channels] == NUMBERS
    for channel in channels:
        assert set(channel.intake) == {IntakeFormat.PHOTO, IntakeFormat.SCAN}


def test_the_number_that_lost_its_leading_zero_is_normalised_with_a_note(
    online: adminduk.Policy,
) -> None:
    second = [ch for ch in online.channels if ch.kind == "whatsapp"][1]
    assert second.address == "+6285337287689"
    assert second.published_as == "85337287689"
    assert second.note is not None
    assert "leading 0" in second.note
    first, _, third = (ch for ch in online.channels if ch.kind == "whatsapp")
    assert (first.published_as, third.published_as) == ("087761489446", "08123860693")


@pytest.mark.parametrize("service", ["ktp-el/baru", "ktp-el/cetak-ulang", "ktp-el/perubahan"])
def test_ktp_el_in_person_only_because_of_the_photograph(
    online: adminduk.Policy, service: str
) -> None:
    rule = online.counter_only_for(service)
    assert rule is not None
    # A2: "ada tahapan pemotretan pemohon": a photo, not a biometric recording (issue 23).
    assert rule.why is CounterOnlyReason.PHOTO
    assert_not_online(online, service)
    assert online.counter is not None
    assert online.counter.takes(service)


def test_walk_ins_still_served_including_people_without_whatsapp(online: adminduk.Policy) -> None:
    assert online.in_person is InPersonStance.OPEN
    assert online.online_first
    assert online.walk_ins_without_whatsapp
    assert online.source_of("walk_ins_without_whatsapp") == "A2"
    assert any("COVID-19" in note.text_id for note in online.notes)


def test_originals_handed_over_and_checked_at_pickup(
    office: adminduk.OfficeConfig, online: adminduk.Policy
) -> None:
    for service in ONLINE:
        fulfilment = online.fulfilment_for(service)
        assert fulfilment is not None
        assert fulfilment.originals_checked
        assert fulfilment.ready_notice  # "petugas akan memberikan informasi"
        assert fulfilment.pickup is PickupPlace.DINAS
        assert fulfilment.note is not None
        assert "[I]" in fulfilment.note  # the place of pick-up is an inference
        assert fulfilment.processing_working_days is None
    assert online.fulfilment_for("ktp-el/baru") is None
    codes = [r.code for r in office.requirements("kk/baru", dt.date(2020, 3, 25))]
    assert codes[-1] == "berkas-asli-saat-pengambilan"
    diff = adminduk.diff_requirements(office, "ktp-el/baru", dt.date(2020, 3, 25))
    assert diff.is_baseline


def test_before_the_policy_everything_is_at_the_counter(office: adminduk.OfficeConfig) -> None:
    ordinary = office.policy_at(dt.date(2020, 3, 20))
    assert ordinary.in_person is InPersonStance.OPEN
    assert [ch.kind for ch in ordinary.channels] == ["counter"]
    assert ordinary.counter is not None
    assert ordinary.counter.address is None
    assert ordinary.counter.address_unknown_reason is not None
