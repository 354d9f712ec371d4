"""A reply for an office with a published standard states its time, where to complain, the fee."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk

# (office, a service its own standard covers, the completion time as the reply words it)
CASES = [
    ("35.74", "akta-kematian/baru", "1 hari kerja", "1 working day"),
    ("64.74", "kk/perubahan", "3 hari kerja", "3 working days"),
    ("81.07", "kia/baru", "3 hari kerja", "3 working days"),
    ("64.02", "kk/baru", "2 jam kerja", "2 working hours"),
    ("33.15", "ktp-el/baru", "1 hari", "1 day"),
]
AT = dt.datetime(2024, 6, 3, 9, 0)  # a Monday


@pytest.mark.parametrize(("code", "service", "time_id", "time_en"), CASES)
def test_both_replies_state_time_complaints_and_fee(
    code: str, service: str, time_id: str, time_en: str
) -> None:
    advice = adminduk.advise(code, service, at=AT)
    indonesian, english = advice.to_message("id"), advice.to_message("en")
    assert f"Selesai paling lama {time_id} sejak berkas lengkap" in indonesian
    assert f"Done at most {time_en} after the files are found complete" in english
    assert "Pengaduan: " in indonesian and "Complaints: " in english
    # Free of charge is said once, by the national fee rule every answer states.
    assert indonesian.count("Gratis: tidak dipungut biaya") == 1
    assert english.count("Free of charge: no fee may be asked") == 1
    assert advice.ready_by is not None and advice.ready_by > advice.at


def test_ready_by_is_counted_in_the_office_calendar() -> None:
    # Kota Bontang akta kematian, 5 working days from Wednesday 8 May 2024 10:00 (WITA): the
    # holiday, the cuti bersama and the weekend do not count.
    advice = adminduk.advise("64.74", "akta-kematian/baru", at=dt.datetime(2024, 5, 8, 10, 0))
    assert advice.ready_by is not None
    assert advice.ready_by.isoformat() == "2024-05-17T16:30:00+08:00"
    reason = next(r for r in advice.reasons if r.rule_id == "standard-completion")
    assert "17 Mei 2024" in reason.text_id and any("WEB-MATI" in c for c in reason.cited)


def test_an_office_without_its_own_standard_says_nothing_new() -> None:
    advice = adminduk.advise("35.14", "kk/perubahan", at=dt.datetime(2020, 3, 24, 10))
    assert not [r for r in advice.reasons if r.rule_id.startswith("standard-")]


def test_a_fee_of_the_standards_own_is_a_reason_in_both_languages() -> None:
    # No built-in standard names a cost (the law forbids one); a file that did would be heard.
    from tests.builders import office

    paid = {
        "id": "sp",
        "title_id": "Standar Pelayanan (fiktif)",
        "valid_from": "2020-01-01",
        "source": "S",
        "fee": {"amount_idr": 15000, "text_id": "Rp. 15.000,-", "basis": "Perda Uji 1/2019"},
        "services": [
            {
                "services": ["kk/*"],
                "completion": {"text_id": "3 Hari", "amount": 3, "unit": "hari"},
                "source": "S",
            }
        ],
    }
    advice = adminduk.advise(office(standards=[paid]), "kk/baru", at=AT)
    (fee,) = [r for r in advice.reasons if r.rule_id == "standard-fee"]
    assert "Rp15.000 (Perda Uji 1/2019)" in fee.text_id
    assert "Rp15.000 (Perda Uji 1/2019)" in fee.text_en
