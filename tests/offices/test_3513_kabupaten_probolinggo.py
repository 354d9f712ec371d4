"""Kabupaten Probolinggo (35.13): the facts of A0 (undated advertorial) and A1 (24 March 2020)."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk.errors import OfficeNotFound
from adminduk.offices import InPersonStance, IntakeFormat, PickupPlace

from .common import assert_channel, assert_in_force, assert_ordinary

WA_SERVICES = [
    "skpwni/baru",
    "sktt/baru",
    "akta-perkawinan/baru",
    "akta-perceraian/baru",
    "akta-kelahiran/baru",
    "akta-kelahiran/cetak-ulang",
    "akta-kematian/baru",
    "kk/perubahan",
]


CODE = "35.13"
ONLINE_ON = dt.date(2020, 3, 23)


def test_identity(office: adminduk.OfficeConfig) -> None:
    assert office.slug == "kabupaten-probolinggo"
    assert office.name == "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo"
    assert (office.province, office.timezone) == ("Jawa Timur", "Asia/Jakarta")
    assert adminduk.get_office("kabupaten-probolinggo") is office
    # A1: the office is in the building behind the MPP (public service mall) in Dringu.
    assert office.address is not None
    assert "MPP" in office.address
    assert "Dringu" in office.address
    assert office.address_source == "A1"


def test_circular_letter_is_a_source(office: adminduk.OfficeConfig) -> None:
    se = office.sources["SE-800"]
    assert "800/0157/426/2020" in se.title
    assert "17 Maret 2020" in se.title
    assert office.sources["A1"].published == dt.date(2020, 3, 24)


def test_start_date_is_the_circular_letter_and_is_marked_as_an_inference(
    office: adminduk.OfficeConfig, online: adminduk.Policy
) -> None:
    # A1 (seen Monday 23 March) says "sejak pekan lalu"; the SE of 17 March is the chosen start.
    assert online.valid_from == dt.date(2020, 3, 17)
    # "hingga batas waktu yang belum ditentukan": open, so it ends with the pandemic status.
    assert online.pandemic_measure
    assert online.valid_until == dt.date(2023, 6, 20)
    assert online.notes_on_dates is not None
    assert "[I]" in online.notes_on_dates
    assert online.source_of("valid_from") == "SE-800; A1"
    assert_ordinary(office, dt.date(2020, 3, 16))
    assert_in_force(
        office, online.id, dt.date(2020, 3, 17), dt.date(2020, 3, 23), dt.date(2023, 6, 20)
    )
    assert_ordinary(office, dt.date(2023, 6, 21))


def test_counter_only_for_urgent_needs_such_as_bpjs(online: adminduk.Policy) -> None:
    assert online.in_person is InPersonStance.URGENT_ONLY
    assert online.urgency_reasons == ("bpjs",)
    assert (
        online.urgency_reasons_exhaustive is False
    )  # "seperti untuk mengurus BPJS dan lain-lain"
    assert online.accepts("bpjs")
    assert not online.accepts("tni-polri")
    assert online.counter is not None


@pytest.mark.parametrize("service", ["ktp-el/baru", "ktp-el/cetak-ulang", "ktp-el/perubahan"])
def test_ktp_goes_through_the_godigital_app(online: adminduk.Policy, service: str) -> None:
    app = assert_channel(online, service, "app", "godigital.dispendukcapil.probolinggokab.go.id")
    assert app.intake == (IntakeFormat.PDF,)
    assert app.source == "A0"


@pytest.mark.parametrize("service", WA_SERVICES)
def test_other_services_go_to_whatsapp_whose_numbers_are_unknown(
    online: adminduk.Policy, service: str
) -> None:
    channel = assert_channel(online, service, "whatsapp", None)
    assert channel.address_unknown_reason is not None
    assert "graphic" in channel.address_unknown_reason
    assert channel.link() is None
    assert channel.intake == (IntakeFormat.PDF,)


def test_no_whatsapp_number_is_invented(online: adminduk.Policy) -> None:
    whatsapp = [ch for ch in online.channels if ch.kind == "whatsapp"]
    assert [ch.address for ch in whatsapp] == [None, None]
    assert all(
        ch.unknown_address_reason("id") and ch.unknown_address_reason("en") for ch in whatsapp
    )


@pytest.mark.parametrize("service", ["kia/baru", "biodata/pembetulan", "kk/baru"])
def test_matters_a0_does_not_list_go_to_the_officers_whatsapp(
    online: adminduk.Policy, service: str
) -> None:
    # A1: "bisa menunda atau bisa melakukan pengurusan ... melalui WA petugas" [I].
    (channel,) = [ch for ch in online.channels_for(service) if ch.kind.is_remote]
    assert channel.kind == "whatsapp"
    assert channel.source == "A1"
    assert channel.note is not None
    assert "[I]" in channel.note


def test_online_hours_mon_thu_8_to_15_and_friday_8_to_11(office: adminduk.OfficeConfig) -> None:
    cal = office.calendar()
    monday, friday, saturday = dt.date(2020, 3, 23), dt.date(2020, 3, 20), dt.date(2020, 3, 21)
    assert cal.is_open(dt.datetime.combine(monday, dt.time(8, 0)))
    assert cal.is_open(dt.datetime.combine(monday, dt.time(14, 59)))
    assert not cal.is_open(dt.datetime.combine(monday, dt.time(15, 0)))
    assert not cal.is_open(dt.datetime.combine(monday, dt.time(7, 45)))
    assert cal.is_open(dt.datetime.combine(friday, dt.time(10, 30)))
    assert not cal.is_open(dt.datetime.combine(friday, dt.time(11, 0)))
    assert not cal.is_open(dt.datetime.combine(saturday, dt.time(9, 0)))
    info = cal.day_info(monday)
    assert not info.is_default_hours
    assert info.intervals[0].opens.hour == 8


def test_before_the_policy_the_calendar_uses_the_national_default_hours(
    office: adminduk.OfficeConfig,
) -> None:
    info = office.calendar().day_info(dt.date(2020, 3, 16))
    assert info.is_default_hours
    assert office.calendar().is_open(dt.datetime(2020, 3, 16, 7, 45))  # Keppres 68/1995: 07.30


def test_documents_are_handed_to_the_kecamatan(online: adminduk.Policy) -> None:
    for service in ["ktp-el/cetak-ulang", *WA_SERVICES]:
        fulfilment = online.fulfilment_for(service)
        assert fulfilment is not None, service
        assert fulfilment.pickup is PickupPlace.KECAMATAN
        assert fulfilment.delivers
        assert fulfilment.ready_notice  # the reply gives the pickup schedule
        assert fulfilment.processing_working_days is None  # no time is stated


def test_files_are_photographed_and_sent_as_one_pdf(office: adminduk.OfficeConfig) -> None:
    checklist = office.requirements("akta-kematian/baru", dt.date(2020, 3, 23))
    extra = [item for item in checklist if item.origin == "office"]
    assert [item.code for item in extra] == ["berkas-foto-pdf"]
    assert "PDF" in extra[0].name_id
    baseline = office.requirements("akta-kematian/baru", dt.date(2020, 3, 1))
    assert all(item.origin == "national" for item in baseline)


def test_a_bare_name_is_not_an_alias_and_suggests_both_offices_kota_first() -> None:
    # A Kota resident must not be sent to the Kabupaten: both carry the name (issue 23).
    with pytest.raises(OfficeNotFound) as caught:
        adminduk.get_office("probolinggo")
    assert caught.value.suggestions == ("kota-probolinggo", "kabupaten-probolinggo")
    assert caught.value.labels == ("kota-probolinggo (35.74)", "kabupaten-probolinggo (35.13)")


def test_kota_probolinggo_is_a_different_office() -> None:
    kota = adminduk.get_office("35.74")
    assert kota is adminduk.get_office("kota-probolinggo")
    assert kota.region == "Kota Probolinggo" and kota.code != adminduk.get_office("35.13").code
