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
