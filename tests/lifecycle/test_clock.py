"""A request keeps the office's published time: due_at and is_overdue, through replay and JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adminduk import ServiceRequest
from adminduk.errors import OutOfRange
from tests.builders import office, registered

WITA = ZoneInfo("Asia/Makassar")


def _approved(code: str, service: str, at: dt.datetime) -> ServiceRequest:
    request = ServiceRequest.submit(code, service, at=at, channel="counter")
    request = request.apply("start_verification", at=at + dt.timedelta(minutes=5))
    return request.apply("approve", at=at + dt.timedelta(minutes=30))


def test_working_days_skip_a_national_holiday_its_cuti_bersama_and_the_weekend() -> None:
    # Kota Bontang (WITA): KK "Jangka Waktu : 1 - 3 hari Kerja". Found complete on Wednesday
    # 8 May 2024; Thursday 9 May is Kenaikan Isa Almasih, Friday 10 May cuti bersama, then the
    # weekend: the three working days are 13-15 May, and the time runs out at Wednesday's close
    # (the national default hours: the sources give none).
    request = _approved("64.74", "kk/baru", dt.datetime(2024, 5, 8, 9, 30))
    assert request.due_at == dt.datetime(2024, 5, 15, 16, 0, tzinfo=WITA)


def test_a_saturday_holiday_and_sunday_do_not_count() -> None:
    # Kota Probolinggo: akta kematian "1 hari kerja sejak berkas dinyatakan lengkap"; found
    # complete on Friday 16 August 2024 (17 August, Independence Day, is a Saturday).
    request = _approved("35.74", "akta-kematian/baru", dt.datetime(2024, 8, 16, 9, 0))
    assert request.due_at is not None
    assert request.due_at.isoformat() == "2024-08-19T16:00:00+07:00"


def test_elapsed_units_count_calendar_time() -> None:
    # Kota Probolinggo 2017: akta kelahiran "1x24 jam sejak berkas dinyatakan lengkap".
    request = _approved("35.74", "akta-kelahiran/baru", dt.datetime(2018, 3, 2, 10, 0))
    assert request.due_at == dt.datetime(2018, 3, 3, 10, 30, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_a_moment_before_the_clock_started_is_never_overdue() -> None:
    # Found complete on Wednesday 8 May 2024 at 10:00 (WITA); due Wednesday 15 May at 16:00.
    # Asked about a moment before the files were complete, the request was not overdue then.
    request = _approved("64.74", "kk/baru", dt.datetime(2024, 5, 8, 9, 30))
    assert not request.is_overdue(dt.datetime(2024, 5, 1, 9, 0))
    assert request.is_overdue(dt.datetime(2024, 5, 15, 16, 1))


def test_no_clock_before_the_files_are_found_complete_and_none_after_ready() -> None:
    at = dt.datetime(2024, 5, 8, 9, 0)
    request = ServiceRequest.submit("64.74", "kk/baru", at=at, channel="counter")
    assert request.due_at is None
    request = request.apply("start_verification", at=at + dt.timedelta(minutes=5))
    assert request.due_at is None
    request = request.apply("approve", at=at + dt.timedelta(minutes=30))
    request = request.apply("start_processing", at=at + dt.timedelta(hours=1))
    assert request.due_at is not None
    ready = request.apply("mark_ready", at=at + dt.timedelta(days=1))
    assert ready.due_at is None
    assert not ready.is_overdue(at + dt.timedelta(days=30))  # ready in time stays in time


def test_sent_back_for_missing_files_the_clock_restarts_from_the_files_found_complete() -> None:
    at = dt.datetime(2024, 5, 6, 9, 0)  # a Monday
    request = ServiceRequest.submit("64.74", "kk/baru", at=at, channel="counter")
    request = request.apply("start_verification", at=at + dt.timedelta(minutes=5))
    request = request.apply("mark_incomplete", at=at + dt.timedelta(minutes=10), missing=["kk"])
    assert request.due_at is None
    request = request.apply("resubmit", at=dt.datetime(2024, 5, 14, 9, 0))
    assert request.due_at is None  # complete files, not their arrival, start this clock
    request = request.apply("approve", at=dt.datetime(2024, 5, 14, 9, 30))
    # Three working days from Tuesday 14 May: 15, 16, 17 May, to Friday's close.
    assert request.due_at == dt.datetime(2024, 5, 17, 16, 30, tzinfo=WITA)
    assert not request.is_overdue(dt.datetime(2024, 5, 16, 10, 0))


@pytest.fixture
def counted_from_receipt() -> Iterator[str]:
    """A fictional office whose standard counts from receipt, registered for one test."""
    standard = {
        "id": "sp",
        "title_id": "Standar Pelayanan (fiktif)",
        "valid_from": "2024-01-01",
        "source": "S",
        "services": [
            {
                "services": ["kk/*"],
                "completion": {
                    "text_id": "5 (lima) hari kerja sejak permohonan diterima",
                    "amount": 5,
                    "unit": "hari-kerja",
                    "counted_from": "permohonan-diterima",
                },
                "source": "S",
            }
        ],
    }
    hours = dict.fromkeys(("senin", "selasa", "rabu", "kamis"), "08:00-16:00")
    hours |= {"jumat": "08:00-11:00"}
    receipt = office(code="99.03", hours=hours, hours_source="S", standards=[standard])
    with registered(receipt):
        yield receipt.code


def test_counted_from_receipt_mark_incomplete_stops_the_clock_and_resubmit_restarts_it(
    counted_from_receipt: str,
) -> None:
    at = dt.datetime(2024, 8, 12, 9, 0)  # a Monday
    request = ServiceRequest.submit(counted_from_receipt, "kk/perubahan", at=at, channel="counter")
    first = request.due_at
    assert first is not None and first.date() == dt.date(2024, 8, 19)  # Sat 17 Aug: holiday
    request = request.apply("start_verification", at=at + dt.timedelta(hours=1))
    stopped = request.apply("mark_incomplete", at=at + dt.timedelta(hours=2), missing=["kk"])
    assert stopped.due_at is None
    # Back three weeks later: the clock starts again from the resubmission, and the weeks the
    # files were with the citizen do not make the request overdue.
    back = stopped.apply("resubmit", at=dt.datetime(2024, 9, 2, 9, 0))
    assert back.due_at is not None and back.due_at.date() == dt.date(2024, 9, 9)
    assert not back.is_overdue(dt.datetime(2024, 9, 3, 9, 0))
    assert back.is_overdue(dt.datetime(2024, 9, 10, 9, 0))


def test_due_at_and_overdue_survive_replay_and_json() -> None:
    request = _approved("64.74", "kk/baru", dt.datetime(2024, 5, 8, 9, 30))
    replayed = ServiceRequest.from_history(request.history)
    assert replayed.due_at == request.due_at
    loaded = ServiceRequest.model_validate_json(request.model_dump_json())
    assert loaded.due_at == request.due_at
    late = dt.datetime(2024, 5, 20, 8, 0)
    assert replayed.is_overdue(late) and loaded.is_overdue(late)


def test_is_overdue_wants_a_datetime() -> None:
    request = _approved("64.74", "kk/baru", dt.datetime(2024, 5, 8, 9, 30))
    with pytest.raises(OutOfRange, match="at"):
        request.is_overdue("tomorrow")  # type: ignore[arg-type]


_DUE = dt.datetime(2024, 5, 15, 16, 0, tzinfo=WITA)


# Untraced: the lines of is_overdue are traced by the example tests above and below.
@pytest.mark.no_cover
@given(
    st.lists(
        st.integers(min_value=-20 * 24 * 60, max_value=20 * 24 * 60), min_size=2, max_size=30
    ),
    st.one_of(st.none(), st.integers(min_value=0, max_value=30 * 24 * 60)),
)
def test_is_overdue_flips_exactly_once_at_the_deadline(
    offsets: list[int], ready_after: int | None
) -> None:
    start = dt.datetime(2024, 5, 8, 9, 30, tzinfo=WITA)
    request = _approved("64.74", "kk/baru", start.replace(tzinfo=None))
    if ready_after is not None:
        done = start + dt.timedelta(hours=1, minutes=ready_after)
        request = request.apply("start_processing", at=start + dt.timedelta(hours=1))
        request = request.apply("mark_ready", at=done)
    instants = sorted(_DUE + dt.timedelta(minutes=m) for m in offsets)
    answers = [request.is_overdue(t) for t in instants]
    # Monotone: once overdue, always overdue; and it is overdue exactly past the deadline
    # when the document was not ready by then.
    assert answers == sorted(answers)
    late = ready_after is None or start + dt.timedelta(hours=1, minutes=ready_after) > _DUE
    assert answers == [late and t > _DUE for t in instants]
