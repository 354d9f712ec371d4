"""Kabupaten Grobogan (33.15, WIB): the KTP-el standard of its website, counter and online.

One service could be read, with two times: fewer than the three services the issue asks for.
"""

from __future__ import annotations

import datetime as dt

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)


def test_ktp_el_luring_and_daring() -> None:
    assert_standard(
        "33.15",
        "ktp-el/baru",
        NOW,
        "1 (satu) Hari (LURING)",
        dt.timedelta(days=1),
        "hari",
        channel="counter",
        source="WEB-KTP",
    )
    daring = assert_standard(
        "33.15",
        "ktp-el/baru",
        NOW,
        "3 (tiga) Hari (DARING)",
        dt.timedelta(days=3),
        "hari",
        channel="whatsapp",
        source="WEB-KTP",
    )
    assert daring.fee is not None and daring.fee.text_id == "Rp. 0,- (GRATIS)"


def test_the_page_holds_from_the_day_it_was_posted() -> None:
    before = adminduk.service_standard("33.15", "ktp-el/baru", at=dt.date(2022, 11, 7))
    assert before is not None and before.source.national


def test_the_online_application_takes_a_first_ktp_el_but_its_address_is_unknown() -> None:
    # WEB-KTP: "Layanan Daring (Online) 1. Pemohon mengakses aplikasi daring ..." beside
    # "3 (tiga) Hari (DARING)"; no application is named and no address given.
    office = adminduk.get_office("33.15")
    quoted = dict(office.sources)["WEB-KTP"].note or ""
    assert "Pemohon mengakses aplikasi daring" in quoted and "3 (tiga) Hari (DARING)" in quoted
    (app,) = [ch for ch in office.ordinary_policy.channels if ch.kind.value == "app"]
    assert app.address is None and not app.followable
    assert app.unknown_address_reason("id") is not None
    assert app.unknown_address_reason("en") is not None
    assert app.how_to_find("id") is None  # no source says where to find it
    assert app.service_codes == frozenset({"ktp-el/baru"})
    assert (app.source, app.valid_from) == ("WEB-KTP", dt.date(2022, 11, 8))


def test_the_reply_names_the_online_application_only_from_the_standard_s_first_day() -> None:
    label_id = "Aplikasi daring Dispendukcapil Kabupaten Grobogan"
    after = adminduk.advise("33.15", "ktp-el/baru", at=dt.datetime(2022, 11, 8, 10))
    before = adminduk.advise("33.15", "ktp-el/baru", at=dt.datetime(2022, 11, 7, 10))
    # Nobody is sent to an application nobody can find: the counter, and the line that says
    # the office also takes it online without a known address.
    assert [ch.kind.value for ch in after.channels] == ["counter"]
    assert f"{label_id} juga menerima keperluan ini" in after.to_message("id")
    assert "taken through online application of the Dispendukcapil" in after.to_message("en")
    assert label_id not in before.to_message("id")
    assert "Anda tidak memakai WhatsApp" not in after.to_message("id")
