"""Random event sequences against the table: a hypothesis RuleBasedStateMachine.

The model the machine checks against is the transition table read as a specification, plus the
guards as the documentation states them, with each office's rules read from the office itself.
"""

from datetime import datetime, timedelta

import pytest
from hypothesis import event as note_event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from adminduk.errors import TransitionError
from adminduk.lifecycle import (
    TERMINAL_STATUSES,
    TRANSITIONS,
    RequestEvent,
    RequestStatus,
    ServiceRequest,
)
from adminduk.offices import get_office
from tests.examples import at_most

# Untraced by coverage: what these properties reach, example tests reach too.
pytestmark = pytest.mark.no_cover

TABLE = {(source, row.event): row for row in TRANSITIONS for source in row.sources}

# Mataram checks originals (from 23 March 2020), Bima delivers (from 4 May 2020), Pasuruan
# delivers the KTP-el to the kecamatan after 5 working days (from 18 March 2020). Each office's
# requests start in a window around its policy's first day, so both sides of it are exercised.
WINDOWS = {
    "52.71": (datetime(2020, 3, 9), datetime(2020, 5, 31)),
    "52.06": (datetime(2020, 4, 20), datetime(2020, 6, 30)),
    "35.14": (datetime(2020, 3, 4), datetime(2020, 5, 31)),
}
SERVICES = ("kk/perubahan", "ktp-el/cetak-ulang", "akta-kelahiran/baru")

DETAIL_VALUES = {
    "missing": st.one_of(
        st.lists(st.sampled_from(["kk", "foto-ktp", "akta-nikah", " "]), max_size=2),
        st.sampled_from(["kk", ""]),
    ),
    "reason": st.sampled_from(["bukan warga", "", "  "]),
    "pickup_place": st.sampled_from(["Kantor Desa Ngali", "Kecamatan Bangil"]),
    "originals_checked": st.sampled_from([True, False]),
    "note": st.sampled_from(["catatan petugas", ""]),
}


def details_for(event):
    """Mostly the event's own details, sometimes without a required one or with a stray one."""
    row = next(r for r in TRANSITIONS if r.event == event)
    own = (*row.requires, *row.accepts)
    fitting = st.fixed_dictionaries(
        {name: DETAIL_VALUES[name] for name in row.requires},
        optional={name: DETAIL_VALUES[name] for name in row.accepts},
    )
    lacking = st.fixed_dictionaries({}, optional={name: DETAIL_VALUES[name] for name in own})
    stray = [name for name in DETAIL_VALUES if name not in own]
    wrong = st.sampled_from(stray).flatmap(
        lambda name: st.fixed_dictionaries({name: DETAIL_VALUES[name]})
    )
    return st.one_of(fitting, fitting, fitting, lacking, wrong)


def event_for(status):
    """Mostly an event that moves the request on (withdraw rarely), sometimes any event."""
    onward = [e for (s, e) in TABLE if s == status and e is not RequestEvent.WITHDRAW]
    anything = st.sampled_from(list(RequestEvent))
    if not onward:
        return anything
    return st.one_of(*[st.sampled_from(onward)] * 4, anything)


def expected_target(request, event, at, details):
    """The status the spec says ``event`` leads to, or None when it must be refused."""
    row = TABLE.get((request.status, event))
    if row is None:
        return None
    for name, value in details.items():
        if name not in row.requires and name not in row.accepts:
            return None
        if name == "missing" and (
            not value
            or any(not item.strip() for item in ([value] if isinstance(value, str) else value))
        ):
            return None
        if isinstance(value, str) and name != "missing" and not value.strip():
            return None
    if any(name not in details for name in row.requires):
        return None
    rules = get_office(request.office).policy_at(at).fulfilment_for(request.service)
    if event is RequestEvent.DELIVER and not (rules and rules.delivers):
        return None
    if (
        event is RequestEvent.HAND_OVER
        and rules is not None
        and rules.originals_checked
        and details.get("originals_checked") is not True
    ):
        return None
    return row.target


class Lifecycle(RuleBasedStateMachine):
    request: ServiceRequest

    @initialize(
        office=st.sampled_from(sorted(WINDOWS)),
        service=st.sampled_from(SERVICES),
        personal=st.booleans(),
        data=st.data(),
    )
    def submit(self, office, service, personal, data):
        start = data.draw(st.datetimes(*WINDOWS[office]), label="start")
        extra = {"applicant_nik": "5271014501900001", "phone": "081359547691"} if personal else {}
        # The machine explores the lifecycle, not admission: any service, any moment.
        self.request = ServiceRequest.submit(
            office, service, at=start, channel="whatsapp", check=False, **extra
        )

    @rule(gap=st.timedeltas(timedelta(0), timedelta(days=4)), data=st.data())
    def apply_event(self, gap, data):
        event = data.draw(event_for(self.request.status), label="event")
        details = data.draw(details_for(event), label="details")
        before = self.request
        snapshot = before.to_json(reveal=True)
        at = before.history[-1].at + gap
        target = expected_target(before, event, at, details)
        try:
            after = before.apply(event, at, **details)
        except TransitionError as err:
            assert target is None, f"{event} refused, the spec allows it: {err}"
            assert err.status == before.status
            assert err.event == event
            assert err.allowed == tuple(e.value for e in before.allowed_events(at))
            assert before.to_json(reveal=True) == snapshot
            return
        assert target is not None, f"{event} applied in {before.status}, the spec refuses it"
        assert after.status is target
        assert after.history[:-1] == before.history
        assert after.history[-1].name is event
        assert after.history[-1].at == at
        assert before.to_json(reveal=True) == snapshot
        note_event(f"reached {after.status}")  # --hypothesis-show-statistics shows the spread
        self.request = after

    @rule(
        event=st.sampled_from(list(RequestEvent)),
        back=st.timedeltas(timedelta(microseconds=1), timedelta(days=2)),
    )
    def time_never_runs_backwards(self, event, back):
        before = self.request
        snapshot = before.to_json(reveal=True)
        try:
            before.apply(event, before.history[-1].at - back, missing=["kk"])
        except TransitionError:
            pass
        else:
            raise AssertionError("an event earlier than the last entry was accepted")
        assert before.to_json(reveal=True) == snapshot

    @invariant()
    def terminal_accepts_nothing(self):
        if self.request.status not in TERMINAL_STATUSES:
            return
        at = self.request.history[-1].at + timedelta(hours=1)
        for event in RequestEvent:
            try:
                self.request.apply(event, at, reason="x", missing=["x"], originals_checked=True)
            except TransitionError as err:
                assert err.allowed == ()
            else:
                raise AssertionError(f"{event} accepted in terminal status {self.request.status}")

    @invariant()
    def replay_gives_the_same_request(self):
        assert ServiceRequest.from_history(self.request.history) == self.request

    @invariant()
    def json_round_trips(self):
        assert (
            ServiceRequest.model_validate_json(self.request.to_json(reveal=True)) == self.request
        )

    @invariant()
    def allowed_events_follow_the_table(self):
        allowed = set(self.request.allowed_events())
        table = {event for (status, event) in TABLE if status == self.request.status}
        assert allowed <= table
        assert table - allowed <= {RequestEvent.DELIVER}
        assert (not allowed) == (self.request.status in TERMINAL_STATUSES)
        assert self.request.is_terminal == (self.request.status in TERMINAL_STATUSES)

    @invariant()
    def status_is_a_status(self):
        assert isinstance(self.request.status, RequestStatus)


TestLifecycle = Lifecycle.TestCase
# Each run walks up to 50 steps, every one checked against the table and the invariants; 100 runs
# reach every status (--hypothesis-show-statistics), as 200 did.
TestLifecycle.settings = at_most(100)
