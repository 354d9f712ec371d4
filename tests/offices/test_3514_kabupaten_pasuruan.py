"""Kabupaten Pasuruan (35.14): the facts of A1 (Jawa Pos Radar Bromo, 24 March 2020)."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk.errors import OfficeNotFound, UnknownReason
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    CounterOnlyReason,
    InPersonStance,
    IntakeFormat,
    PickupPlace,
)

from .common import assert_channel, assert_in_force, assert_not_online, assert_ordinary

CODE = "35.14"
ONLINE_ON = dt.date(2020, 3, 23)


def test_identity(office: adminduk.OfficeConfig) -> None:
    assert office.slug == "kabupaten-pasuruan"
    assert (office.province, office.timezone) == ("Jawa Timur", "Asia/Jakarta")
    assert office.address is not None
    assert "Raci" in office.address
    assert "Bangil" in office.address


def test_since_wednesday_18_march_2020(office: adminduk.OfficeConfig) -> None:
    assert dt.date(2020, 3, 18).weekday() == 2  # the article's "Rabu (18/3)"
    assert_ordinary(office, dt.date(2020, 3, 17))
    assert_in_force(office, "covid-19-layanan-whatsapp", dt.date(2020, 3, 18), dt.date(2021, 1, 4))
    assert office.policies[0].valid_until == dt.date(2023, 6, 20)  # with the pandemic status


@pytest.mark.parametrize(
    ("service", "number", "printed"),
    [
        ("ktp-el/baru", "+6281359547691", "0813-5954-7691"),
        ("ktp-el/cetak-ulang", "+6281359547691", "0813-5954-7691"),
        ("kk/baru", "+6281359547692", "0813-5954-7692"),
        ("kk/perubahan", "+6281359547692", "0813-5954-7692"),
        ("akta-kelahiran/baru", "+6281359547689", "0813-5954-7689"),
        ("akta-kematian/baru", "+6281359547689", "0813-5954-7689"),
        ("biodata/sinkronisasi", "+6281249333360", "0812-4933-3360"),
    ],
)
def test_one_whatsapp_number_per_service(
    online: adminduk.Policy, service: str, number: str, printed: str
) -> None:
    channel = assert_channel(online, service, "whatsapp", number)
    assert channel.published_as == printed
    assert channel.intake == (IntakeFormat.PHOTO,)
    assert channel.link() == "https://wa.me/" + number[1:]


def test_four_numbers_in_all(online: adminduk.Policy) -> None:
    numbers = [ch.address for ch in online.channels if ch.kind == "whatsapp"]
    assert numbers == ["+6281359547691", "+6281359547692", "+6281359547689", "+6281249333360"]


def test_name_and_birth_date_corrections_need_direct_verification(online: adminduk.Policy) -> None:
    rule = online.counter_only_for("biodata/pembetulan")
    assert rule is not None
    assert rule.why is CounterOnlyReason.DIRECT_VERIFICATION
    assert_not_online(online, "biodata/pembetulan")
    # ... and even these wait unless urgent: the counter serves urgent needs only.
    assert online.in_person is InPersonStance.URGENT_ONLY
    assert online.counter_only_for("kk/baru") is None


def test_police_recruitment_is_the_urgent_need_the_article_names(
    office: adminduk.OfficeConfig, online: adminduk.Policy
) -> None:
    # A1: "Untuk yang urgen terkait kebutuhan pendaftaran polisi masih kami terima": the police
    # half of the national TNI/Polri recruitment reason, listed once, citing A1.
    assert online.urgency_reasons == ("tni-polri",)
    assert online.source_of("urgency_reasons") == "A1"
    assert online.urgency_reasons_exhaustive is False
    assert office.urgency_reasons == ()  # no office reason beside it naming the same need
    assert "Polri" in office.urgency_reason("tni-polri").name_id
    assert office.urgency_reason("bpjs").code == "bpjs"  # built in, always nameable
    with pytest.raises(UnknownReason) as caught:
        office.urgency_reason("pendaftaran-polri")
    assert "tni-polri" in caught.value.valid


def test_the_urgent_route_names_police_recruitment_once() -> None:
    advice = adminduk.advise("35.14", "biodata/pembetulan", at=dt.datetime(2020, 3, 24, 10))
    route = next(r for r in advice.reasons if r.rule_id == "urgent-route")
    assert route.text_id.count("Polri") == 1
    assert route.text_en.count("Polri") == 1
    assert "Pendaftaran anggota Polri" not in advice.to_message("id")


def test_ktp_el_collected_at_the_kecamatan_five_working_days_later(
    office: adminduk.OfficeConfig, online: adminduk.Policy
) -> None:
    fulfilment = online.fulfilment_for("ktp-el/cetak-ulang")
    assert fulfilment is not None
    assert fulfilment.pickup is PickupPlace.KECAMATAN
    assert fulfilment.delivers
    assert fulfilment.processing_working_days == 5
    assert fulfilment.processing_note is not None
    assert "[I]" in fulfilment.processing_note  # "5 hari" read as working days
    # Submitted Monday 23 March 2020; Wednesday 25 March was Nyepi, a national holiday.
    ready = office.calendar().add_working_days(dt.date(2020, 3, 23), 5)
    assert ready.date() == dt.date(2020, 3, 31)


def test_no_pickup_rule_is_invented_for_other_documents(online: adminduk.Policy) -> None:
    assert online.fulfilment_for("kk/perubahan") is None
    assert online.fulfilment_for("akta-kelahiran/baru") is None


def test_unclear_photos_are_taken_again(online: adminduk.Policy) -> None:
    assert any("difoto ulang" in note.text_id for note in online.notes)


def test_hours_are_the_national_default(office: adminduk.OfficeConfig) -> None:
    assert office.hours is None
    assert office.calendar().day_info(dt.date(2020, 3, 23)).is_default_hours


def test_kota_pasuruan_is_its_own_office_not_the_kabupaten() -> None:
    kota = adminduk.get_office("35.75")
    assert (kota.region, kota.slug) == ("Kota Pasuruan", "kota-pasuruan")
    assert kota.name != adminduk.get_office("35.14").name
    with pytest.raises(OfficeNotFound) as caught:
        adminduk.get_office("pasuruan")
    assert caught.value.suggestions == ("kota-pasuruan", "kabupaten-pasuruan")


_GENERIC = {"pendaftaran", "anggota", "keperluan", "pengurusan", "pasien", "di", "(jaminan"}


@pytest.mark.parametrize("code", ["35.04", "35.13", "35.14", "52.06", "52.71"])
def test_no_office_reason_names_a_built_in_need_again(code: str) -> None:
    # One need, one code: an office's own reason shares no subject word (Polri, BPJS, sekolah…)
    # with a built-in one, which every office may name already.
    built_in = {
        word.strip("()/").lower()
        for info in BUILTIN_URGENCY_REASONS.values()
        for word in info.name_id.replace("/", " ").split()
    } - _GENERIC
    for own in adminduk.get_office(code).urgency_reasons:
        words = {w.strip("()/").lower() for w in own.name_id.replace("/", " ").split()}
        assert not (words - _GENERIC) & built_in, own.code
