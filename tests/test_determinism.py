"""Answers depend on what the caller passes, never on the host's clock or zone (issue 14 item 7).

A moment whose tzinfo gives no UTC offset is naive by Python's own definition: every entry point
reads it as the office's local wall time, as it reads a naive one (``datetime.astimezone`` would
read it in the host's zone instead).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import adminduk
from adminduk.schedule import as_local, is_naive
from tests.every_office import EVERY_OFFICE


class NoOffset(dt.tzinfo):
    """A tzinfo that knows no offset: ``utcoffset()`` is None, so the datetime is naive."""

    def utcoffset(self, d: dt.datetime | None) -> None:
        return None

    def dst(self, d: dt.datetime | None) -> None:
        return None

    def tzname(self, d: dt.datetime | None) -> str:
        return "?"


WALL = dt.datetime(2020, 3, 24, 10, 0)
NO_OFFSET = WALL.replace(tzinfo=NoOffset())


def test_a_tzinfo_without_offset_is_naive() -> None:
    assert is_naive(NO_OFFSET)
    zone = adminduk.get_office("52.71").zone
    assert as_local(NO_OFFSET, zone) == as_local(WALL, zone) == WALL.replace(tzinfo=zone)


@pytest.mark.parametrize("code", EVERY_OFFICE)
def test_advise_reads_it_as_local_wall_time(code: str) -> None:
    office = adminduk.get_office(code)
    assert adminduk.advise(office, "kk/baru", at=NO_OFFSET) == adminduk.advise(
        office, "kk/baru", at=WALL
    )


def test_submit_and_apply_read_it_as_local_wall_time() -> None:
    naive = adminduk.ServiceRequest.submit("52.71", "kk/baru", at=WALL, channel="whatsapp")
    odd = adminduk.ServiceRequest.submit("52.71", "kk/baru", at=NO_OFFSET, channel="whatsapp")
    assert odd == naive
    later = NO_OFFSET + dt.timedelta(hours=1)
    assert odd.apply("start_verification", at=later) == naive.apply(
        "start_verification", at=WALL + dt.timedelta(hours=1)
    )


def test_office_dates_and_calendars_read_it_as_local_wall_time() -> None:
    office = adminduk.get_office("35.14")
    late = dt.datetime(2020, 3, 17, 23, 30)  # the last evening before the WhatsApp policy
    assert office.local_date(late.replace(tzinfo=NoOffset())) == dt.date(2020, 3, 17)
    assert office.policy_at(late.replace(tzinfo=NoOffset())) == office.policy_at(late)
    calendar = office.calendar()
    assert calendar.is_open(NO_OFFSET) == calendar.is_open(WALL)
    assert calendar.next_opening(NO_OFFSET) == calendar.next_opening(WALL)


def test_submit_reads_the_applicants_nik_against_its_own_date() -> None:
    # Born 1 January '25: in 2020 that can only be 1925, whatever today is.
    at = dt.datetime(2020, 3, 23, 9)
    request = adminduk.ServiceRequest.submit(
        "52.71", "kk/baru", at=at, channel="whatsapp", applicant_nik="5271010101250001"
    )
    assert request.applicant_nik is not None
    assert request.applicant_nik.birth_date == dt.date(1925, 1, 1)
    again = adminduk.ServiceRequest.from_json(request.to_json(reveal=True))
    assert again.applicant_nik is not None
    assert again.applicant_nik.birth_date == dt.date(1925, 1, 1)
    replayed = adminduk.ServiceRequest.from_history(request.history)
    assert replayed.applicant_nik is not None
    assert replayed.applicant_nik.birth_date == dt.date(1925, 1, 1)


_ANSWERS = """
import datetime as dt, adminduk
office = adminduk.get_office("52.71")
odd = type("NoOffset", (dt.tzinfo,), {"utcoffset": lambda self, d: None})()
at = dt.datetime(2020, 3, 24, 10, tzinfo=odd)
print(adminduk.advise(office, "kk/baru", at=at).model_dump_json())
print(adminduk.ServiceRequest.submit("52.71", "kk/baru", at=at, channel="whatsapp",
      applicant_nik="5271010101250001").to_json(reveal=True))
print(adminduk.Nik.parse("5271010101250001", reference_date=dt.date(2020, 1, 1)).birth_date)
"""


def test_the_answers_are_the_same_in_every_host_zone() -> None:
    answers = {
        subprocess.run(
            [sys.executable, "-c", _ANSWERS],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "TZ": zone},
        ).stdout
        for zone in ("UTC", "America/New_York", "Asia/Tokyo")
    }
    assert len(answers) == 1


_READINGS = """
import pathlib, adminduk
for name in ("chat_phrases.tsv", "chat_messages.tsv"):
    for line in (pathlib.Path("tests/documents") / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text = line.split("\\t")[1 if name == "chat_phrases.tsv" else 0]
            print([(str(m.service), m.score, m.phrase) for m in adminduk.find_services(text)])
print([str(m.phrase) for m in adminduk.find_services("data saya keliru mau dibetulkan")])
"""


def test_which_phrase_matched_does_not_depend_on_string_hashing() -> None:
    # Two phrases of one service can score the same ("pembetulan data", "data salah"): which
    # one a match names must not change from process to process with PYTHONHASHSEED.
    readings = {
        subprocess.run(
            [sys.executable, "-c", _READINGS],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "3", "5")
    }
    assert len(readings) == 1
