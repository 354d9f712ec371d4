"""The public strategies generate valid values, of the kind asked for, biased to the edges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import find as _find
from hypothesis import strategies as st

import adminduk
from adminduk import Nik, OfficeConfig, RequestStatus, ServiceRequest, catalogue
from adminduk.errors import AdmindukError, OfficeNotFound, OutOfRange, TransitionError
from adminduk.identity import Sex, normalize_whatsapp
from adminduk.offices import rules_in_force, validate_office
from adminduk.schedule import SUPPORTED_UNTIL, national_days
from adminduk.testing import check_office
from adminduk.testing import strategies as ads
from tests.examples import at_most

T = TypeVar("T")

OFFICES = ["35.04", "35.13", "35.14", "52.06", "52.71", "99.01"]
# find() without shrinking: the tests below only ask whether an example exists, and shrinking a
# whole office takes far longer than finding one.
_FOUND = settings(phases=[Phase.generate], max_examples=1000, database=None)


def find(strategy: st.SearchStrategy[T], condition: Callable[[T], object]) -> T:
    return _find(strategy, condition, settings=_FOUND)


# --------------------------------------------------------------------------- services, NIKs
@given(ads.services())
def test_services_come_from_the_catalogue(service: adminduk.Service) -> None:
    assert service in catalogue()


def test_every_service_can_be_drawn() -> None:
    for entry in catalogue():
        find(ads.services(), lambda s, code=entry.code: s.code == code)


# Untraced here and below: the NIK strategy's lines are traced by the refusal tests and the
# fuzz campaign; these hold what it draws, over many examples.
@pytest.mark.no_cover
@given(ads.niks())
def test_niks_parse_again_to_the_same_person(nik: Nik) -> None:
    again = Nik.parse(nik.reveal(), reference_date=ads.NIK_REFERENCE_DATE)
    assert again == nik
    assert again.birth_date == nik.birth_date
    assert nik.birth_date <= ads.NIK_REFERENCE_DATE
    assert nik.reveal() not in repr(nik)


@pytest.mark.no_cover
@given(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)), st.data())
def test_niks_are_born_before_the_reference_date_asked_for(
    on: dt.date, data: st.DataObject
) -> None:
    nik = data.draw(ads.niks(reference_date=on))
    assert dt.date(on.year - 99, 1, 1) <= nik.birth_date <= on
    assert Nik.parse(nik.reveal(), reference_date=on).birth_date == nik.birth_date


def test_niks_refuse_a_reference_that_is_not_a_date() -> None:
    with pytest.raises(OutOfRange, match="reference_date"):
        ads.niks(reference_date="2025-01-01")  # type: ignore[arg-type]


@pytest.mark.no_cover
@given(
    st.sampled_from(["52", "35.13", "3513", "35.13.19", "351319"]), st.sampled_from(Sex), st.data()
)
def test_niks_keep_to_the_region_and_sex_asked_for(
    region: str, sex: Sex, data: st.DataObject
) -> None:
    nik = data.draw(ads.niks(region=region, sex=sex.value))
    digits = region.replace(".", "")
    assert nik.reveal().startswith(digits)
    assert nik.sex is sex


@pytest.mark.parametrize(
    ("region", "sex", "field"),
    [
        ("20", None, "region"),  # no province 20
        ("35.00", None, "region"),
        ("35.70", None, "region"),
        ("35.13.00", None, "region"),
        ("35-13", None, "region"),
        (3513, None, "region"),
        (None, "pria", "sex"),
    ],
)
def test_niks_refuse_a_region_or_sex_that_cannot_be(
    region: object, sex: object, field: str
) -> None:
    with pytest.raises(OutOfRange) as raised:
        ads.niks(region=region, sex=sex)  # type: ignore[arg-type]
    assert raised.value.field == field


@given(ads.whatsapp_numbers())
def test_whatsapp_numbers_are_accepted_in_every_spelling(text: str) -> None:
    assert normalize_whatsapp(text).startswith("+628")


@given(ads.whatsapp_numbers(spelled=False))
def test_whatsapp_numbers_can_come_in_e164(text: str) -> None:
    assert normalize_whatsapp(text) == text


# --------------------------------------------------------------------------- instants
@pytest.mark.parametrize("code", OFFICES)
def test_instants_are_aware_in_the_office_zone(code: str) -> None:
    office = adminduk.get_office(code)

    @given(ads.instants(office))
    def check(at: dt.datetime) -> None:
        assert at.tzinfo is not None
        assert at.utcoffset() == office.zone.utcoffset(at.replace(tzinfo=None))
        office.calendar().is_open(at)  # within the calendar's years

    check()


def test_instants_reach_the_edges() -> None:
    office = adminduk.get_office("35.13")
    cal = office.calendar()
    micro = dt.timedelta(microseconds=1)
    strategy = ads.instants(office)
    find(strategy, lambda t: cal.is_open(t) and not cal.is_open(t - micro))  # an opening
    find(strategy, lambda t: not cal.is_open(t) and cal.is_open(t - micro))  # a closing
    find(strategy, lambda t: t.weekday() == 4)  # a Friday
    find(strategy, lambda t: t.date() == dt.date(2020, 3, 17))  # the policy's first day
    find(strategy, lambda t: t.date() == dt.date(2020, 3, 16))  # the day before it
    holidays = {d.date for year in range(2019, 2027) for d in national_days(year)}
    find(strategy, lambda t: t.date() in holidays)


def test_instants_keep_to_the_window_asked_for() -> None:
    first, last = dt.date(2020, 3, 1), dt.date(2020, 3, 31)

    @given(ads.instants("52.71", start=first, end=last))
    def check(at: dt.datetime) -> None:
        # An edge nudged a minute later may cross midnight of the last day.
        assert first <= at.date() <= last + dt.timedelta(days=1)

    check()


def test_instants_in_a_window_given_by_its_end_or_one_day() -> None:
    last = dt.date(2010, 6, 30)
    quiet = dt.date(2020, 3, 26)  # a Thursday, no holiday

    @given(ads.instants("35.14", end=last), ads.instants("35.14", start=quiet, end=quiet))
    def check(before: dt.datetime, on: dt.datetime) -> None:
        assert before.date() <= last + dt.timedelta(days=1)
        assert on.date() in (quiet, quiet + dt.timedelta(days=1))

    check()


def test_instants_refuse_a_window_outside_the_calendar() -> None:
    with pytest.raises(OutOfRange):
        ads.instants("52.71", start=dt.date(2101, 1, 1))
    with pytest.raises(OfficeNotFound):
        ads.instants("probolinggo")
    late = dt.date(2099, 6, 1)

    @given(ads.instants("52.71", start=late))
    def check(at: dt.datetime) -> None:
        assert at.date() <= SUPPORTED_UNTIL

    check()


# --------------------------------------------------------------------------- offices
# The costliest property of the suite (the whole conformance kit on each office): untraced, as
# the kit's lines are traced by its example tests, and at most 100 offices. The strategy's own
# lines are traced by the advise test below, which draws its offices too.
@pytest.mark.no_cover
@at_most(100, suppress_health_check=[HealthCheck.too_slow])
@given(ads.offices())
def test_random_offices_load_and_conform(office: OfficeConfig) -> None:
    assert [f for f in check_office(office) if f.is_error] == []
    assert office.calendar() is office.calendar()


@pytest.mark.no_cover
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(ads.office_data(fictional=False, max_policies=1))
def test_office_data_with_real_codes_fits_the_province(data: dict[str, object]) -> None:
    office = validate_office(data)
    assert not office.is_fictional
    assert len(office.policies) <= 1
    assert check_office(office, checks=["timezone"]) == []


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=10)
@given(ads.office_data(max_policies=30))
def test_many_policies_stay_within_the_calendar(data: dict[str, object]) -> None:
    for policy in data["policies"]:  # type: ignore[attr-defined]
        assert policy["valid_from"] <= SUPPORTED_UNTIL


@given(ads.event_sequences(max_size=2))
def test_sequences_keep_to_their_size(steps: list[ads.Step]) -> None:
    assert len(steps) <= 2


def test_offices_cover_every_kind_of_rule() -> None:
    kinds = {
        "closed counter": lambda o: any(p.in_person.value == "closed" for p in o.policies),
        "suspension": lambda o: any(p.suspended for p in o.policies),
        "counter-only": lambda o: any(p.counter_only for p in o.policies),
        "originals": lambda o: any(f.originals_checked for p in o.policies for f in p.fulfilment),
        "ordinary and hours": lambda o: o.ordinary is not None and o.hours is not None,
        "open-ended": lambda o: any(p.valid_until is None for p in o.policies),
        "real code": lambda o: not o.is_fictional,
    }
    seen: set[str] = set()

    def all_seen(office: OfficeConfig) -> bool:
        seen.update(name for name, has in kinds.items() if has(office))
        return seen == set(kinds)

    find(ads.offices(max_policies=2), all_seen)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=50)
@given(ads.offices(), ads.services(), st.data())
def test_advise_answers_for_random_offices(
    office: OfficeConfig, service: adminduk.Service, data: st.DataObject
) -> None:
    at = data.draw(ads.instants(office))
    advice = adminduk.advise(office, service, at=at)
    assert advice.office_code == office.code
    # The policy in force decides, unless no source confirmed it for too long (issue 23).
    decides = rules_in_force(office, advice.at.date()).office_policy
    assert advice.policy_id == decides.id
    assert decides.id in (office.policy_at(at).id, "ordinary")


# --------------------------------------------------------------------------- lifecycles
@pytest.mark.parametrize(("code", "delivers"), [("52.71", False), ("52.06", True)])
def test_valid_sequences_apply_cleanly(code: str, delivers: bool) -> None:
    @given(ads.event_sequences(delivers=delivers))
    def check(steps: list[ads.Step]) -> None:
        at = dt.datetime(2020, 5, 4, 9, 0)
        req = ServiceRequest.submit(code, "kk/perubahan", at=at, channel="whatsapp")
        for step in steps:
            assert not req.is_terminal
            at = at + step.after
            req = req.apply(step.event, at=at, **step.details)
        assert len(req.history) == len(steps) + 1
        assert ServiceRequest.from_history(req.history) == req

    check()


def test_valid_sequences_reach_every_status() -> None:
    seen: set[RequestStatus] = set()

    def all_seen(steps: list[ads.Step]) -> bool:
        req = ServiceRequest.submit(
            "52.06", "kk/perubahan", at=dt.datetime(2020, 5, 4, 9), channel="whatsapp"
        )
        at = req.submitted_at
        for step in steps:
            at = at + step.after
            req = req.apply(step.event, at=at, **step.details)
            seen.add(req.status)
        return seen == set(RequestStatus) - {RequestStatus.SUBMITTED}

    find(ads.event_sequences(delivers=True), all_seen)


@given(ads.event_sequences(valid=False))
def test_arbitrary_sequences_are_refused_with_transition_errors(steps: list[ads.Step]) -> None:
    at = dt.datetime(2020, 3, 23, 9, 0)
    req = ServiceRequest.submit("52.71", "kk/perubahan", at=at, channel="whatsapp")
    for step in steps:
        at = at + step.after
        try:
            req = req.apply(step.event, at=at, **step.details)
        except TransitionError:
            continue
        except AdmindukError as err:  # pragma: no cover - a failure message, not a path
            pytest.fail(f"{type(err).__name__} instead of TransitionError: {err}")
