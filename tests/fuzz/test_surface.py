"""The gate's fuzz campaign over the whole public surface (see ``tests/fuzz/surface.py``).

A short, seeded campaign (the same calls on every run): every public callable gets hostile
arguments and may only return or raise an ``AdmindukError``. ``fuzz/campaign.py`` runs the same
engine for 100,000 calls and more. Below it, the reproductions of issue 14 as example tests.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import io
import sys
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest

import adminduk
from adminduk import AdmindukError, OutOfRange, ServiceRequest
from adminduk.offices import Policy
from adminduk.testing import check_office

from . import surface

# About 3 seconds on one core; the long campaign is fuzz/campaign.py.
GATE_CALLS = 2500


@pytest.fixture(scope="module")
def report() -> Iterator[surface.Report]:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))  # deep inputs must fail in adminduk, not here
    try:
        # A generous per-call limit: it catches a hang, never a slow call on a loaded machine.
        yield surface.Campaign(seed=0, timeout=30).run(GATE_CALLS)
    finally:
        sys.setrecursionlimit(limit)


def test_the_targets_cover_the_whole_public_surface() -> None:
    names = {target.name.split("[")[0] for target in surface.targets()}
    missing = []
    for name, obj in surface.public_objects().items():
        if inspect.isclass(obj):
            if issubclass(obj, BaseException | enum.Enum):
                continue
            if not surface._is_record(obj) and name not in names:
                missing.append(name)
            missing += [
                f"{name}.{method}"
                for method in surface._own_methods(obj)
                if f"{name}.{method}" not in names
            ]
        elif callable(obj) and name not in names and name not in surface.ENDS_THE_PROCESS:
            missing.append(name)
    assert not missing, f"public callables the campaign never calls: {missing}"


def test_every_target_is_called(report: surface.Report) -> None:
    called = set(report.per_target)
    assert not [t.name for t in surface.targets() if t.name not in called]


def test_the_campaign_raises_only_library_errors(report: surface.Report) -> None:
    assert report.calls == GATE_CALLS
    assert report.escapes == 0, report.summary()


def test_no_error_repeats_personal_data(report: surface.Report) -> None:
    assert not report.privacy, report.summary()


def test_the_same_seed_makes_the_same_campaign() -> None:
    first, second = surface.Campaign(seed=7), surface.Campaign(seed=7)
    for _ in range(50):
        target = first.random.choice(first.targets)
        assert second.random.choice(second.targets).name == target.name
        args, kwargs = first.arguments(target)
        again = second.arguments(target)
        assert list(map(surface._short, args)) == list(map(surface._short, again[0]))
        assert sorted(kwargs) == sorted(again[1])


def test_a_non_library_exception_is_a_finding_with_its_root_cause() -> None:
    campaign = surface.Campaign(seed=0)

    def broken(text: str) -> None:
        raise KeyError(text)

    target = surface.Target("broken", broken, tuple(inspect.signature(broken).parameters.values()))
    campaign.call(target, ["x"], {})
    (cause,) = campaign.report.causes
    assert cause.startswith("KeyError at the call of broken")
    assert "KeyError" in campaign.report.summary()


# --------------------------------------------------------------------------- reproductions
WEST_10 = dt.timezone(dt.timedelta(hours=-10))
LATE = dt.datetime(9999, 12, 31, 23, tzinfo=WEST_10)
EARLY = dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14)))


def _office() -> adminduk.OfficeConfig:
    return adminduk.get_office("35.14")


def _request() -> ServiceRequest:
    return ServiceRequest.submit(
        "35.14", "kk/baru", at=dt.datetime(2020, 3, 24, 10), channel="whatsapp"
    )


REFUSED: list[tuple[str, Callable[[], object]]] = [
    ("advise late", lambda: adminduk.advise("35.14", "kk/baru", at=LATE)),
    ("advise early", lambda: adminduk.advise("35.14", "kk/baru", at=EARLY)),
    ("policy_at", lambda: _office().policy_at(LATE)),
    ("requirements", lambda: _office().requirements("kk/baru", LATE)),
    ("submit", lambda: ServiceRequest.submit("35.14", "kk/baru", at=LATE, channel="whatsapp")),
    (
        "submit naive year 1",
        lambda: ServiceRequest.submit("35.14", "kk/baru", at=dt.datetime(1, 1, 1), channel="app"),
    ),
    ("apply", lambda: _request().apply("start_verification", at=LATE)),
    ("long phone", lambda: adminduk.normalize_whatsapp("2" * 5000)),
    ("long NIK", lambda: adminduk.Nik.parse("3" * 5000)),
    ("indent huge", lambda: _request().to_json(indent=10**12)),
    ("indent text", lambda: _request().to_json(indent="2")),  # type: ignore[arg-type]
    ("NUL path", lambda: adminduk.load_office("a\x00")),
    ("surrogate service", lambda: adminduk.Service.parse("kk/baru\ud800")),
    ("document_name", lambda: adminduk.catalogue().document_name("kartu")),
    ("action_name", lambda: adminduk.catalogue().action_name(5)),  # type: ignore[arg-type]
    ("describe_source", lambda: _office().describe_source(None)),  # type: ignore[arg-type]
    ("source_of", lambda: _office().policies[0].source_of([])),  # type: ignore[arg-type]
    ("mask", lambda: adminduk.mask("abc", "1")),  # type: ignore[arg-type]
    ("find_province", lambda: adminduk.find_province(["35"])),  # type: ignore[arg-type]
    ("check_regency", lambda: adminduk.check_regency("35.14", 5)),  # type: ignore[arg-type]
    ("known_regencies", lambda: adminduk.Nik.parse("3514014501900001", known_regencies=35)),  # type: ignore[arg-type]
    ("whatsapp_link", lambda: adminduk.whatsapp_link("081359547691", "\ud800")),
    ("get_office huge", lambda: adminduk.get_office(10**5000)),  # type: ignore[arg-type]
    ("get_office deep", lambda: adminduk.get_office(surface._deep_list(50_000))),  # type: ignore[arg-type]
    ("national_days", lambda: adminduk.schedule.national_days([2020])),  # type: ignore[arg-type]
    ("time range", lambda: adminduk.schedule.TimeRange(10**5000, 0)),
    ("model deep", lambda: adminduk.Channel.model_validate(surface._deep_dict(50_000))),
    ("model repr", lambda: adminduk.Channel.model_validate({"kind": surface.Raises("repr")})),
    ("transitions", lambda: adminduk.lifecycle.check_transitions((), statuses=set(), events={})),
    # issue 25: hostile objects, one per site the red team named
    ("str subclass service", lambda: adminduk.Service.parse(surface.LyingStr("kk/bar"))),
    ("str subclass office", lambda: adminduk.get_office(surface.LyingStr("35.99"))),
    (
        "str subclass lang",
        lambda: adminduk.advise("35.14", "kk/baru", at=AT).to_message(surface.LyingStr("fr")),
    ),  # type: ignore[arg-type]
    ("posing office", lambda: adminduk.get_office(surface.PosingAsStr())),  # type: ignore[arg-type]
    ("posing at", lambda: adminduk.advise("35.14", "kk/baru", at=surface.PosingAsDatetime())),  # type: ignore[arg-type]
    (
        "junk tzinfo",
        lambda: adminduk.advise("35.14", "kk/baru", at=AT.replace(tzinfo=surface.JunkOffset())),
    ),
    (
        "raising tzinfo",
        lambda: _office().calendar().is_open(AT.replace(tzinfo=surface.RaisingOffset())),
    ),
    (
        "schedule is_naive",
        lambda: adminduk.schedule.is_naive(AT.replace(tzinfo=surface.RaisingOffset())),
    ),
    ("hostile int limit", lambda: adminduk.find_services("ktp", limit=surface.LyingInt(0))),
]

AT = dt.datetime(2020, 3, 24, 10)


def test_subclasses_that_lie_are_read_as_the_plain_values_they_hold() -> None:
    plain = adminduk.advise("35.14", "kk/baru", at=AT)
    lying = adminduk.advise(
        surface.LyingStr("35.14"),
        surface.LyingStr("kk/baru"),
        at=surface.LyingDatetime(2020, 3, 24, 10),
    )
    assert lying == plain
    assert adminduk.Nik.parse(surface.LyingStr("3513014501900001")).reveal() == "3513014501900001"


def test_show_value_never_fails_on_hostile_objects() -> None:
    from adminduk._core.validation import show_value

    for value in surface.HOSTILE_OBJECTS:
        assert 0 < len(show_value(value)) <= 80


@pytest.mark.parametrize(("case", "call"), REFUSED, ids=[case for case, _ in REFUSED])
def test_each_reproduction_gets_a_library_error(case: str, call: Callable[[], object]) -> None:
    with pytest.raises(AdmindukError) as info:
        call()
    assert str(info.value)


def test_instants_past_the_years_say_the_range() -> None:
    # A record kept without admission may be from any year a datetime can hold.
    with pytest.raises(OutOfRange) as info:
        ServiceRequest.submit("35.14", "kk/baru", at=LATE, channel="whatsapp", check=False)
    assert info.value.field == "at"
    assert "0001-01-01 to 9999-12-31" in info.value.valid
    # A checked submission is refused as advise refuses it: the same field, the same range.
    with pytest.raises(OutOfRange) as submitted:
        ServiceRequest.submit("35.14", "kk/baru", at=LATE, channel="whatsapp")
    with pytest.raises(OutOfRange) as advised:
        adminduk.advise("35.14", "kk/baru", at=LATE)
    assert advised.value.field == submitted.value.field == "at"
    assert "2000-01-01" in advised.value.valid
    assert submitted.value.valid == advised.value.valid


@pytest.mark.parametrize(
    "at",
    [
        dt.datetime(1900, 3, 24, 10, 0, 15),  # local mean time in Jakarta: +07:07:12
        dt.datetime(1923, 12, 31, 23, 59, tzinfo=ZoneInfo("Asia/Jakarta")),
        dt.datetime(1, 1, 1, tzinfo=dt.UTC),
        dt.datetime(9999, 12, 31, 12),
    ],
)
def test_requests_round_trip_through_json_to_the_second(at: dt.datetime) -> None:
    # check=False: a record from outside the years advise answers for (admission is not tested).
    request = ServiceRequest.submit("35.14", "kk/baru", at=at, channel="whatsapp", check=False)
    request = request.apply("start_verification", at=request.submitted_at + dt.timedelta(hours=1))
    again = ServiceRequest.from_json(request.to_json(reveal=True))
    assert again == request
    assert again.submitted_at.utcoffset() == request.submitted_at.utcoffset()
    assert ServiceRequest.model_validate_json(request.model_dump_json()) == request


def test_json_with_an_instant_before_year_1_in_utc_is_refused() -> None:
    text = _request().to_json().replace("2020-03-24T10:00:00+07:00", "0001-01-01T00:00:00+07:00")
    with pytest.raises(AdmindukError):
        ServiceRequest.from_json(text)


def test_check_office_never_raises_on_a_path() -> None:
    for path in ("a\x00", "kk\ud800.toml"):
        findings = check_office(path)
        assert findings and findings[0].check == "loads"


def test_diff_requirements_takes_a_code_as_advise_does() -> None:
    day = dt.date(2020, 3, 24)
    by_code = adminduk.diff_requirements("35.14", "kk/perubahan", day)
    assert by_code == adminduk.diff_requirements(_office(), "kk/perubahan", day)


def test_covers_reads_a_datetime_by_its_date() -> None:
    policy: Policy = adminduk.get_office("35.04").policies[0]
    assert policy.covers(dt.datetime(2020, 4, 7, 23, 59)) is policy.covers(dt.date(2020, 4, 7))


def test_the_cli_refuses_a_week_past_year_9999_as_usage() -> None:
    from adminduk.cli import EXIT_USAGE, main

    err = io.StringIO()
    status = main(["hours", "35.14", "--week", "9999-12-31T23:00-10:00"], err=err)
    assert status == EXIT_USAGE
    assert "--week" in err.getvalue() and "internal error" not in err.getvalue()
