"""The offices built from short per-service standards keep their time through a request's life.

For each: the right ``due_at`` across a weekend and a national holiday, ``is_overdue`` flipping
exactly once, and a request sent back for missing files having its clock stopped and started
again. Kenaikan Isa Almasih fell on Thursday 9 May 2024 and Friday 10 May was cuti bersama.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import ServiceRequest
from tests.examples import at_most


@dataclass(frozen=True)
class Case:
    """One office's standard, a start (Wednesday 8 May 2024 unless said) and its due time."""

    code: str
    service: str
    counted_from_receipt: bool
    start: dt.datetime
    due: dt.datetime
    due_after_resubmit: dt.datetime

    def __str__(self) -> str:
        return f"{self.code}-{self.service}"


WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")

CASES = [
    # Kabupaten Way Kanan KTP-el reprint: "1 (satu) hari maksimal 14 (empat belas) hari kerja",
    # no start given, so from the files found complete: Wednesday 8 May at 10:30. The 14
    # working days skip 9 May (holiday), 10 May (cuti bersama), two weekends, Waisak and its
    # cuti bersama (23-24 May): 13-17, 20-22, 27-31 May and Monday 3 June, ending at its close.
    Case(
        "18.08",
        "ktp-el/cetak-ulang",
        False,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 6, 3, 16, 0, tzinfo=WIB),
        # Found complete again on Monday 20 May: 21-22 May, 27-31 May, 3-7 June, 10-11 June.
        dt.datetime(2024, 6, 11, 16, 0, tzinfo=WIB),
    ),
    # Kota Pasuruan KIA: "1 (satu) hari kerja setelah berkas diterima"; received on
    # Wednesday 8 May at 10:00, the one working day is Monday 13 May (9 May holiday, 10 May
    # cuti bersama, then the weekend), ending at its close (national hours: 16:00).
    Case(
        "35.75",
        "kia/baru",
        True,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 5, 13, 16, 0, tzinfo=WIB),
        # Resubmitted on Monday 20 May at 09:00: Tuesday 21 May.
        dt.datetime(2024, 5, 21, 16, 0, tzinfo=WIB),
    ),
    # Kabupaten Bandung KIA: "1 (satu) hari s/d 3 (tiga) hari kerja sejak persyaratan
    # dinyatakan lengkap"; found complete on Wednesday 8 May at 10:30, the three working days
    # are 13-15 May, ending at Wednesday's close (16:00 by its own hours).
    Case(
        "32.04",
        "kia/baru",
        False,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 5, 15, 16, 0, tzinfo=WIB),
        # Found complete again on Monday 20 May: 21, 22 May, then Waisak (Thursday 23 May)
        # and its cuti bersama (Friday 24 May) and the weekend: Monday 27 May.
        dt.datetime(2024, 5, 27, 16, 0, tzinfo=WIB),
    ),
    # Kabupaten Kudus akta kematian: "Maksimal Maksimal 1 x 24 jam setelah persyaratan
    # dinyatakan lengkap". Hours ("jam") run in elapsed time, as the standard writes them: found
    # complete on Wednesday 8 May at 10:30, the 24 hours end on the holiday, Thursday 10:30.
    Case(
        "33.19",
        "akta-kematian/baru",
        False,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 5, 9, 10, 30, tzinfo=WIB),
        # Found complete again on Monday 20 May at 09:30: Tuesday 21 May at 09:30.
        dt.datetime(2024, 5, 21, 9, 30, tzinfo=WIB),
    ),
    # Kabupaten Sambas SKPWNI: "3 (tiga) hari kerja sejak permohonan dan persyaratan diterima
    # dengan benar dan lengkap"; found complete on Wednesday 8 May at 10:30, the three working
    # days are 13-15 May, ending at Wednesday's close (national hours: 16:00 WIB, Pontianak).
    Case(
        "61.01",
        "skpwni/baru",
        False,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 5, 15, 16, 0, tzinfo=WIB),
        # Found complete again on Monday 20 May: 21, 22 May, then Waisak and its cuti bersama
        # (23-24 May) and the weekend: Monday 27 May.
        dt.datetime(2024, 5, 27, 16, 0, tzinfo=WIB),
    ),
    # Kabupaten Belu akta kematian: "2 hari dari dimasukan berkas sampai dokumen diterbitkan".
    # "hari", not "hari kerja": elapsed days from when the files are handed in, so the holiday
    # does not move it. Handed in on Wednesday 8 May at 10:00 WITA, the two days run through
    # Thursday's holiday and end on Friday 10 May (cuti bersama) at 10:00.
    Case(
        "53.04",
        "akta-kematian/baru",
        True,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 5, 10, 10, 0, tzinfo=WITA),
        # Handed in again on Monday 20 May at 09:00: Wednesday 22 May at 09:00.
        dt.datetime(2024, 5, 22, 9, 0, tzinfo=WITA),
    ),
    # Kabupaten Belu KK: "2 Hari dari pemasukan sampai pengambilan dokumen"; handed in on
    # Friday 17 May at 10:00 WITA, the two elapsed days run through the weekend and end on
    # Sunday 19 May at 10:00 (working days would have given Tuesday 21 May).
    Case(
        "53.04",
        "kk/baru",
        True,
        dt.datetime(2024, 5, 17, 10, 0),
        dt.datetime(2024, 5, 19, 10, 0, tzinfo=WITA),
        dt.datetime(2024, 5, 22, 9, 0, tzinfo=WITA),
    ),
    # Kabupaten Kutai Kartanegara KK at the counter: "2 (dua) Jam kerja" (SP 2022, luring); found
    # complete on Wednesday 8 May at 15:30 WITA, half an hour runs to the 16:00 close, then the
    # holiday, the cuti bersama and the weekend pass, and the other 1.5 hours end on Monday
    # 13 May at 09:00 (national hours: from 07:30).
    Case(
        "64.02",
        "kk/baru",
        False,
        dt.datetime(2024, 5, 8, 15, 0),
        dt.datetime(2024, 5, 13, 9, 0, tzinfo=WITA),
        # Found complete again on Monday 20 May at 09:30: 11:30 the same morning.
        dt.datetime(2024, 5, 20, 11, 30, tzinfo=WITA),
    ),
    # Kabupaten Kepulauan Aru KIA: "1 – 3 Hari Kerja." (the top of the range); found complete on
    # Wednesday 8 May at 10:30 WIT, the three working days are 13-15 May, ending at Wednesday's
    # close (its own hours: 16:30).
    Case(
        "81.07",
        "kia/baru",
        False,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 5, 15, 16, 30, tzinfo=WIT),
        # Found complete again on Monday 20 May: 21, 22 May, then Waisak and its cuti bersama
        # (23-24 May) and the weekend: Monday 27 May.
        dt.datetime(2024, 5, 27, 16, 30, tzinfo=WIT),
    ),
    # Kabupaten Grobogan KTP-el at the counter: "1 (satu) Hari (LURING)"; "Hari", elapsed: found
    # complete on Wednesday 8 May at 10:30, the day ends on Thursday's holiday at 10:30.
    Case(
        "33.15",
        "ktp-el/baru",
        False,
        dt.datetime(2024, 5, 8, 10, 0),
        dt.datetime(2024, 5, 9, 10, 30, tzinfo=WIB),
        # Found complete again on Monday 20 May at 09:30: Tuesday 21 May at 09:30.
        dt.datetime(2024, 5, 21, 9, 30, tzinfo=WIB),
    ),
]


def _started(case: Case) -> ServiceRequest:
    request = ServiceRequest.submit(case.code, case.service, at=case.start, channel="counter")
    request = request.apply("start_verification", at=case.start + dt.timedelta(minutes=5))
    return request.apply("approve", at=case.start + dt.timedelta(minutes=30))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_due_at_skips_the_holiday_the_cuti_bersama_and_the_weekend(case: Case) -> None:
    request = _started(case)
    assert request.due_at == case.due
    assert request.due_at is not None and request.due_at.tzinfo is not None


@pytest.mark.parametrize("case", CASES, ids=str)
def test_sent_back_for_missing_files_the_clock_stops_and_starts_again(case: Case) -> None:
    request = ServiceRequest.submit(case.code, case.service, at=case.start, channel="counter")
    request = request.apply("start_verification", at=case.start + dt.timedelta(minutes=5))
    stopped = request.apply(
        "mark_incomplete", at=case.start + dt.timedelta(minutes=10), missing=["kk"]
    )
    assert stopped.due_at is None
    assert not stopped.is_overdue(case.due + dt.timedelta(days=30))
    # Back on Monday 20 May at 09:00: the weeks with the citizen do not count.
    back_at = dt.datetime(2024, 5, 20, 9, 0)
    back = stopped.apply("resubmit", at=back_at)
    if not case.counted_from_receipt:
        assert back.due_at is None  # complete files, not their arrival, start this clock
        back = back.apply("approve", at=back_at + dt.timedelta(minutes=30))
    assert back.due_at == case.due_after_resubmit
    due = case.due_after_resubmit.replace(tzinfo=None)
    assert not back.is_overdue(due - dt.timedelta(hours=4))
    assert back.is_overdue(due + dt.timedelta(hours=17))


# The flip itself is office-independent, and test_clock.py holds it over the profile's full count
# of examples; here each office's due time gets a few examples around it.
@pytest.mark.no_cover
@pytest.mark.parametrize("case", CASES, ids=str)
@at_most(25)
@given(
    offsets=st.lists(
        st.integers(min_value=-10 * 24 * 60, max_value=10 * 24 * 60), min_size=2, max_size=30
    ),
    ready_after=st.one_of(st.none(), st.integers(min_value=0, max_value=15 * 24 * 60)),
)
def test_is_overdue_flips_exactly_once(
    case: Case, offsets: list[int], ready_after: int | None
) -> None:
    request = _started(case)
    start = case.start.replace(tzinfo=case.due.tzinfo)
    done = None
    if ready_after is not None:
        done = start + dt.timedelta(hours=1, minutes=ready_after)
        request = request.apply("start_processing", at=start + dt.timedelta(hours=1))
        request = request.apply("mark_ready", at=done)
    instants = sorted(case.due + dt.timedelta(minutes=m) for m in offsets)
    answers = [request.is_overdue(t) for t in instants]
    assert answers == sorted(answers)  # once overdue, always overdue
    late = done is None or done > case.due
    assert answers == [late and t > case.due for t in instants]
