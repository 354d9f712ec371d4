"""Kabupaten Bima (52.06, WITA): the facts of A4 (Bima News / Radar Tambora, Monday 4 May 2020)."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk.errors import OfficeNotFound
from adminduk.offices import InPersonStance, PickupPlace, SuspensionMode

from .common import assert_channel, assert_in_force, assert_not_online, assert_ordinary

SERVED = [
    "kk/baru",
    "kk/perubahan",
    "skpwni/baru",
    "akta-kelahiran/baru",
    "akta-kematian/baru",
    "akta-perceraian/baru",
    "akta-perkawinan/baru",
    "ktp-el/cetak-ulang",
]


CODE = "52.06"
ONLINE_ON = dt.date(2020, 5, 4)


def test_identity_and_zone(office: adminduk.OfficeConfig) -> None:
    assert office.slug == "kabupaten-bima"
    assert (office.province, office.timezone) == ("Nusa Tenggara Barat", "Asia/Makassar")
    assert office.sources["A4"].published == dt.date(2020, 5, 4)


def test_start_is_the_article_date_marked_as_an_inference(office: adminduk.OfficeConfig) -> None:
    policy = office.policies[0]
    assert policy.valid_from == dt.date(2020, 5, 4)
    assert dt.date(2020, 5, 4).weekday() == 0  # "Senin, 04 Mei 2020"
    assert policy.valid_until == dt.date(2023, 6, 20)  # with the pandemic status
    assert policy.notes_on_dates is not None
    assert "[I]" in policy.notes_on_dates
    assert_ordinary(office, dt.date(2020, 5, 3))
    assert_in_force(office, policy.id, dt.date(2020, 5, 4), dt.date(2020, 12, 31))


@pytest.mark.parametrize("service", SERVED)
def test_served_over_the_officers_whatsapp_numbers_which_are_unknown(
    online: adminduk.Policy, service: str
) -> None:
    channel = assert_channel(online, service, "whatsapp", None)
    assert channel.address_unknown_reason is not None
    assert "banner" in channel.address_unknown_reason


def test_first_ktp_for_school_leavers_is_not_served_for_now(online: adminduk.Policy) -> None:
    suspension = online.suspension_for("ktp-el/baru")
    assert suspension is not None
    assert suspension.mode is SuspensionMode.REFUSE
    assert "tamat sekolah" in suspension.reason_id
    assert_not_online(online, "ktp-el/baru")
    assert online.suspension_for("ktp-el/cetak-ulang") is None  # reprints are served


def test_priority_for_bpjs_hospital_and_tni_polri(online: adminduk.Policy) -> None:
    assert online.urgency_reasons == ("bpjs", "rumah-sakit", "tni-polri")
    assert not online.urgency_reasons_exhaustive


def test_no_office_visit_and_the_non_urgent_are_asked_to_postpone(
    online: adminduk.Policy,
) -> None:
    # "Masyarakat tidak perlu lagi datang ke kantor" / "agar menunda pengurusan" (A4).
    assert online.in_person is InPersonStance.CLOSED
    assert online.counter is None
    assert online.non_urgent_asked_to_wait
    assert online.source_of("non_urgent_asked_to_wait") == "A4"


@pytest.mark.parametrize("service", SERVED)
def test_documents_delivered_through_the_village_government(
    online: adminduk.Policy, service: str
) -> None:
    fulfilment = online.fulfilment_for(service)
    assert fulfilment is not None
    assert fulfilment.pickup is PickupPlace.VILLAGE_OFFICE
    assert fulfilment.delivers
    assert fulfilment.processing_working_days is None  # "agak lama": no number given
    assert fulfilment.processing_note is not None


def test_non_urgent_people_are_asked_to_postpone(online: adminduk.Policy) -> None:
    assert any("menunda" in note.text_id for note in online.notes)


def test_kota_bima_is_not_built_in() -> None:
    kota = adminduk.get_office("52.72")
    assert kota.baseline and kota.region == "Kota Bima" and kota.timezone == "Asia/Makassar"
    with pytest.raises(OfficeNotFound) as caught:
        adminduk.get_office("bima")
    assert caught.value.suggestions == ("kota-bima", "kabupaten-bima")
    assert caught.value.labels == ("kota-bima (52.72)", "kabupaten-bima (52.06)")
