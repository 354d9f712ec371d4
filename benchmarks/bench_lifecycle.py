"""Request lifecycle: 100,000 transitions, adminduk against transitions and python-statemachine.

Run: python benchmarks/bench_lifecycle.py [--n 100000] [--repeats 5]
(the anchors come with `.venv/bin/pip install -e '.[bench]'`).

Every implementation runs the same table (adminduk.lifecycle.TRANSITIONS: 10 statuses, 16
(status, event) pairs) over the same stream of N events, in the same run. The stream repeats
nine lifecycles that together take every edge of the table, each starting from `submitted`:
adminduk starts each one from the same immutable submitted request (immutability makes that
free), transitions from `machine.set_state("submitted")`, python-statemachine from
`sm.current_state_value = "submitted"`; the reset is inside the timed loop for all of them.

What each does per event:
- adminduk `ServiceRequest.apply(event, at, **details)`: returns a new frozen request with the
  event appended to its history; checks the table, that time does not run backwards, the event's
  details (`missing`, `reason`, ...), and the office's rules for `hand_over` (originals checked,
  Kota Mataram) and `deliver` (Kabupaten Bima delivers through the village office);
- transitions / python-statemachine: move one mutable object's state, no history, no guards.

Timing: time.perf_counter, median of the repeats after one warm-up run; the repeats go round
the implementations in turn, so load on the machine falls on all of them alike.
Target: adminduk faster than both anchors despite immutability and guards. The reference
harness and its figures are in shared/bench (bench_statemachines.py, ANCHORS.md section 6).
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from adminduk import get_office
from adminduk.lifecycle import (
    INITIAL_STATUS,
    TERMINAL_STATUSES,
    TRANSITIONS,
    RequestStatus,
    ServiceRequest,
)

SERVICE = "kk/perubahan"
MATARAM = "52.71"  # checks the originals at pick-up
BIMA = "52.06"  # sends documents on through the village office
# Each office's online policy is in force from these dates (Mataram 23 March, Bima 4 May 2020).
STARTS = {MATARAM: datetime(2020, 3, 23, 9, 0), BIMA: datetime(2020, 5, 4, 9, 0)}

# Nine lifecycles that take every (status, event) pair of the table; (office, events).
PATHS: tuple[tuple[str, tuple[tuple[str, dict[str, Any]], ...]], ...] = (
    (
        MATARAM,
        (
            ("start_verification", {}),
            ("mark_incomplete", {"missing": ("kk",)}),
            ("resubmit", {}),
            ("approve", {}),
            ("start_processing", {}),
            ("mark_ready", {"pickup_place": "loket Dispendukcapil"}),
            ("hand_over", {"originals_checked": True}),
        ),
    ),
    (
        MATARAM,
        (
            ("start_verification", {}),
            ("mark_incomplete", {"missing": ("foto-kk",)}),
            ("reject", {"reason": "berkas tidak dikirim ulang"}),
        ),
    ),
    (
        BIMA,
        (
            ("start_verification", {}),
            ("approve", {}),
            ("start_processing", {}),
            ("deliver", {"pickup_place": "kantor desa"}),
            ("mark_ready", {}),
            ("hand_over", {}),
        ),
    ),
    (
        BIMA,
        (
            ("start_verification", {}),
            ("approve", {}),
            ("start_processing", {}),
            ("deliver", {}),
            ("hand_over", {}),
        ),
    ),
    (MATARAM, (("withdraw", {}),)),
    (MATARAM, (("start_verification", {}), ("withdraw", {"reason": "salah layanan"}))),
    (
        MATARAM,
        (("start_verification", {}), ("mark_incomplete", {"missing": ("kk",)}), ("withdraw", {})),
    ),
    (MATARAM, (("start_verification", {}), ("approve", {}), ("withdraw", {}))),
    (MATARAM, (("start_verification", {}), ("reject", {"reason": "bukan warga"}))),
)

STATUSES = [status.value for status in RequestStatus]
EDGES = [
    (row.event.value, [s.value for s in row.sources], row.target.value) for row in TRANSITIONS
]
TABLE = {(source, event): target for event, sources, target in EDGES for source in sources}


def stream(n: int) -> list[tuple[int, int, str, dict[str, Any]]]:
    """N steps: (path index, step index within the path, event, details)."""
    steps: list[tuple[int, int, str, dict[str, Any]]] = []
    while len(steps) < n:
        for index, (_, events) in enumerate(PATHS):
            steps.extend(
                (index, step, event, details) for step, (event, details) in enumerate(events)
            )
    return steps[:n]


def check_coverage() -> None:
    taken = set()
    for _, events in PATHS:
        status = INITIAL_STATUS.value
        for event, _ in events:
            taken.add((status, event))
            status = TABLE[(status, event)]
        assert status in TERMINAL_STATUSES, status
    assert taken == set(TABLE), sorted(set(TABLE) - taken)


# ---------------------------------------------------------------- adminduk
def adminduk_steps(
    steps: Sequence[tuple[int, int, str, dict[str, Any]]], fresh_submit: bool
) -> list[tuple[Any, str, datetime, dict[str, Any]]]:
    zones = {code: get_office(code).zone for code in (MATARAM, BIMA)}
    starts = {
        index: ServiceRequest.submit(office, SERVICE, at=STARTS[office], channel="whatsapp")
        for index, (office, _) in enumerate(PATHS)
    }
    prepared: list[tuple[Any, str, datetime, dict[str, Any]]] = []
    for index, step, event, details in steps:
        office = PATHS[index][0]
        at = STARTS[office].replace(tzinfo=zones[office]) + timedelta(minutes=10 * (step + 1))
        start: Any = None
        if step == 0:
            start = office if fresh_submit else starts[index]
        prepared.append((start, event, at, details))
    return prepared


def run_adminduk(prepared: list[tuple[Any, str, datetime, dict[str, Any]]]) -> str:
    request: Any = None
    for start, event, at, details in prepared:
        if start is not None:
            request = start
        request = request.apply(event, at, **details)
    return str(request.status)


def run_adminduk_submit(prepared: list[tuple[Any, str, datetime, dict[str, Any]]]) -> str:
    request: Any = None
    submit = ServiceRequest.submit
    for start, event, at, details in prepared:
        if start is not None:
            request = submit(start, SERVICE, at=STARTS[start], channel="whatsapp")
        request = request.apply(event, at, **details)
    return str(request.status)


# ---------------------------------------------------------------- plain dict (reference)
def run_dict(steps: Sequence[tuple[int, int, str, dict[str, Any]]]) -> str:
    state, table = "submitted", TABLE
    for _, step, event, _ in steps:
        if step == 0:
            state = "submitted"
        state = table[(state, event)]
    return state


# ---------------------------------------------------------------- transitions
def make_transitions() -> tuple[Any, Any]:
    from transitions import Machine

    class Application:
        pass

    app = Application()
    machine = Machine(
        model=app,
        states=STATUSES,
        initial="submitted",
        auto_transitions=False,
        transitions=[{"trigger": e, "source": s, "dest": d} for e, s, d in EDGES],
    )
    return machine, app


def run_transitions_methods(steps: Sequence[tuple[int, int, str, dict[str, Any]]]) -> str:
    machine, app = make_transitions()
    bound = {event: getattr(app, event) for event, _, _ in EDGES}
    for _, step, event, _ in steps:
        if step == 0:
            machine.set_state("submitted", model=app)
        bound[event]()
    return str(app.state)


def run_transitions_trigger(steps: Sequence[tuple[int, int, str, dict[str, Any]]]) -> str:
    machine, app = make_transitions()
    trigger = app.trigger
    for _, step, event, _ in steps:
        if step == 0:
            machine.set_state("submitted", model=app)
        trigger(event)
    return str(app.state)


# ---------------------------------------------------------------- python-statemachine
def make_psm_class() -> Any:
    from statemachine import State, StateMachine

    # Terminal statuses are not marked final: a final state stops python-statemachine's engine,
    # and only private state would restart it. Unmarked, `current_state_value` (its public
    # low-level setter) resets the machine between lifecycles; the definition checks that then
    # object to the exit-less terminals are switched off instead.
    attrs: dict[str, Any] = {
        status.value: State(initial=status is INITIAL_STATUS) for status in RequestStatus
    }
    attrs["validate_trap_states"] = False
    attrs["validate_final_reachability"] = False
    for event, sources, target in EDGES:
        transition = None
        for source in sources:
            edge = attrs[source].to(attrs[target])
            transition = edge if transition is None else transition | edge
        attrs[event] = transition
    return type("Lifecycle", (StateMachine,), attrs)


def psm_state(machine: Any) -> str:
    return str(next(iter(machine.configuration)).id)


def run_psm_methods(steps: Sequence[tuple[int, int, str, dict[str, Any]]], cls: Any) -> str:
    machine = cls()
    bound = {event: getattr(machine, event) for event, _, _ in EDGES}
    for _, step, event, _ in steps:
        if step == 0:
            machine.current_state_value = "submitted"
        bound[event]()
    return psm_state(machine)


def run_psm_send(steps: Sequence[tuple[int, int, str, dict[str, Any]]], cls: Any) -> str:
    machine = cls()
    send = machine.send
    for _, step, event, _ in steps:
        if step == 0:
            machine.current_state_value = "submitted"
        send(event)
    return psm_state(machine)


# ---------------------------------------------------------------- harness
def timed_round_robin(
    cases: Sequence[tuple[str, Callable[[], str]]], repeats: int
) -> tuple[dict[str, float], set[str]]:
    """Median seconds per case. Repeats go round the cases, so a burst of load on the machine
    falls on every implementation alike instead of on whichever happened to be running."""
    finals = {fn() for _, fn in cases}  # warm-up: caches, lazy imports, the office registry
    samples: dict[str, list[float]] = {label: [] for label, _ in cases}
    for _ in range(repeats):
        for label, fn in cases:
            start = time.perf_counter()
            finals.add(fn())
            samples[label].append(time.perf_counter() - start)
    return {label: statistics.median(times) for label, times in samples.items()}, finals


def invalid_event_errors(psm_class: Any) -> list[str]:
    out = []
    start = STARTS[MATARAM]
    request = ServiceRequest.submit(MATARAM, SERVICE, at=start, channel="whatsapp")
    for label, call in (
        ("adminduk", lambda: request.apply("hand_over", start)),
        ("transitions", lambda: make_transitions()[1].hand_over()),
        ("python-statemachine", lambda: psm_class().hand_over()),
    ):
        try:
            call()
        except Exception as err:
            out.append(f"{label}: {type(err).__name__}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    n = args.n

    import statemachine
    import transitions

    check_coverage()
    psm_class = make_psm_class()
    steps = stream(n)
    prepared = adminduk_steps(steps, fresh_submit=False)
    prepared_submit = adminduk_steps(steps, fresh_submit=True)
    print(
        f"python {platform.python_version()}; transitions {transitions.__version__}; "
        f"python-statemachine {statemachine.__version__}"
    )
    print(
        f"{len(STATUSES)} statuses, {len(TABLE)} (status, event) pairs; {n:,} events per run "
        f"in {sum(1 for s in steps if s[1] == 0):,} lifecycles; median of {args.repeats}"
    )
    print("event not allowed raises ->", ", ".join(invalid_event_errors(psm_class)))

    cases: list[tuple[str, Callable[[], str]]] = [
        ("plain dict T[(status, event)] (reference: mutable, bare)", lambda: run_dict(steps)),
        (
            "adminduk ServiceRequest.apply (immutable, history, guards)",
            lambda: run_adminduk(prepared),
        ),
        (
            "adminduk, a fresh ServiceRequest.submit() per lifecycle",
            lambda: run_adminduk_submit(prepared_submit),
        ),
        ("transitions Machine, model.<event>()", lambda: run_transitions_methods(steps)),
        ("transitions Machine, model.trigger(event)", lambda: run_transitions_trigger(steps)),
        ("python-statemachine, sm.<event>()", lambda: run_psm_methods(steps, psm_class)),
        ("python-statemachine, sm.send(event)", lambda: run_psm_send(steps, psm_class)),
    ]
    results, finals = timed_round_robin(cases, args.repeats)
    assert len(finals) == 1, f"implementations disagree on the final status: {finals}"
    print(f"\n{'implementation':62} {'ms / run':>10} {'µs / event':>11}")
    for label, seconds in results.items():
        print(f"{label:62} {seconds * 1e3:10.1f} {seconds / n * 1e6:11.3f}")

    ours = results[cases[1][0]]
    print("\nratios (anchor time / adminduk apply time; > 1 means adminduk is faster):")
    for label, _ in cases[3:]:
        print(f"  {label:60} {results[label] / ours:6.2f}x")
    slowest_anchor_ratio = min(results[label] / ours for label, _ in cases[3:])
    verdict = "OK" if slowest_anchor_ratio > 1 else "MISSED"
    closest = f"closest ratio {slowest_anchor_ratio:.2f}x"
    print(f"\ntarget: faster than both anchors -> {verdict} ({closest})")


if __name__ == "__main__":
    main()
