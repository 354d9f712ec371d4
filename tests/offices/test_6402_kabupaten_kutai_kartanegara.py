"""Kabupaten Kutai Kartanegara (64.02, WITA): its 2022 counter and 2021 online standards.

Both were read only in third-party copies, first page each: two completion times, fewer than
the three the issue asks for.
"""

from __future__ import annotations

import datetime as dt

import adminduk

from .standards_common import assert_standard

NOW = dt.date(2024, 6, 3)


def test_counter_and_online_standards() -> None:
    counter = assert_standard(
        "64.02",
        "kk/baru",
        NOW,
        "2 (dua) Jam kerja **",
        dt.timedelta(hours=2),
        "jam-kerja",
        channel="luring",
        source="SP-LURING-2022",
    )
    assert counter.channel == "luring" and counter.source.third_party_copy
    online = assert_standard(
        "64.02",
        "skpwni/baru",
        NOW,
        "Masimal 2 (dua) hari kerja **",
        dt.timedelta(days=2),
        "hari-kerja",
        channel="daring",
        source="SP-ONLINE-2021",
    )
    assert online.channel == "daring"
    assert [c.address for c in online.complaints if c.kind.value == "whatsapp"] == [
        "+628115811814"
    ]


def test_before_2022_the_counter_standard_does_not_hold() -> None:
    found = adminduk.service_standard("64.02", "kk/baru", at=dt.date(2021, 6, 1))
    assert found is not None and found.source.national
