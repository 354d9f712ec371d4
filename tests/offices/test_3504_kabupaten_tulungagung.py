"""Kabupaten Tulungagung (35.04): the facts of A3 (Harian Bhirawa, 20 March 2020)."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk.offices import InPersonStance, PickupPlace, SuspensionMode

from .common import assert_channel, assert_in_force, assert_not_online, assert_ordinary

PORTAL = "https://layananonline.dukcapil.kemendagri.go.id"


CODE = "35.04"
ONLINE_ON = dt.date(2020, 3, 19)


def test_identity(office: adminduk.OfficeConfig) -> None:
    assert office.code == "35.04"
    assert (office.province, office.timezone) == ("Jawa Timur", "Asia/Jakarta")
    assert "470/318/105/2020" in office.sources["SE-470"].title


def test_from_wednesday_18_march_to_tuesday_7_april_2020(office: adminduk.OfficeConfig) -> None:
    policy = office.policies[0]
    assert (policy.valid_from, policy.valid_until) == (dt.date(2020, 3, 18), dt.date(2020, 4, 7))
    assert (policy.valid_until - policy.valid_from).days + 1 == 21  # "tiga pekan"
    assert_ordinary(office, dt.date(2020, 3, 17), dt.date(2020, 4, 8))
    assert_in_force(
        office, policy.id, dt.date(2020, 3, 18), dt.date(2020, 3, 19), dt.date(2020, 4, 7)
    )


def test_urgent_exceptions_bpjs_hospital_tni_polri(online: adminduk.Policy) -> None:
    assert online.in_person is InPersonStance.URGENT_ONLY
    assert online.urgency_reasons == ("bpjs", "rumah-sakit", "tni-polri")
    assert online.urgency_reasons_exhaustive is False  # "semisal"


@pytest.mark.parametrize(
    "service", ["kk/baru", "kk/perubahan", "akta-kelahiran/baru", "akta-kematian/baru", "kia/baru"]
)
def test_non_urgent_matters_go_to_the_national_portal(
    online: adminduk.Policy, service: str
) -> None:
    portal = assert_channel(online, service, "portal", PORTAL)
    assert portal.label.startswith("Layanan daring Dukcapil")


@pytest.mark.parametrize("service", ["ktp-el/baru", "ktp-el/cetak-ulang", "ktp-el/perubahan"])
def test_ktp_el_processing_is_postponed(online: adminduk.Policy, service: str) -> None:
    suspension = online.suspension_for(service)
    assert suspension is not None
    assert suspension.mode is SuspensionMode.DEFER
    # [I] A3: "tetap memberi pelayanan pada yang darurat", with no exception for the KTP-el.
    assert suspension.urgent_exempt
    assert suspension.note is not None
    assert "[I]" in suspension.note
    assert_not_online(online, service)


def test_a_suket_does_not_expire(online: adminduk.Policy) -> None:
    suspension = online.suspension_for("ktp-el/baru")
    assert suspension is not None
    assert suspension.note_id is not None
    assert "tidak kedaluwarsa" in suspension.note_id
    assert suspension.note_en is not None
    assert "does not expire" in suspension.note_en


@pytest.mark.parametrize("service", ["kk/perubahan", "akta-kelahiran/baru"])
def test_self_print_on_hvs_paper_with_a_barcode(online: adminduk.Policy, service: str) -> None:
    fulfilment = online.fulfilment_for(service)
    assert fulfilment is not None
    assert fulfilment.pickup is PickupPlace.SELF_PRINT
    assert not fulfilment.delivers
    assert fulfilment.note is not None
    assert "HVS" in fulfilment.note
    assert "barcode" in fulfilment.note


def test_self_print_is_not_claimed_beyond_the_examples(online: adminduk.Policy) -> None:
    assert online.fulfilment_for("akta-kematian/baru") is None


def test_after_7_april_the_counter_serves_everything_again(office: adminduk.OfficeConfig) -> None:
    after = office.policy_at(dt.date(2020, 4, 8))
    assert after.in_person is InPersonStance.OPEN
    assert after.suspension_for("ktp-el/baru") is None
    assert after.counter is not None
    assert after.counter.takes("ktp-el/baru")
