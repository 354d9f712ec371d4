"""The transition table: its content, its checks, and the views drawn from it."""

import re
import sys
import types
from pathlib import Path

import pytest

from adminduk.errors import ConfigError
from adminduk.lifecycle import (
    INITIAL_STATUS,
    TERMINAL_STATUSES,
    TRANSITIONS,
    RequestEvent,
    RequestStatus,
    Transition,
    _table,
    allowed_events,
    check_transitions,
    to_mermaid,
    transition_table,
)

ROOT = Path(__file__).resolve().parents[2]
S, E = RequestStatus, RequestEvent


def test_statuses_and_events_are_exactly_the_design_vocabulary():
    assert [s.value for s in RequestStatus] == [
        "submitted", "verifying", "incomplete", "verified", "processing",
        "ready", "delivered", "completed", "rejected", "withdrawn",
    ]  # fmt: skip
    assert [e.value for e in RequestEvent] == [
        "start_verification", "mark_incomplete", "resubmit", "approve", "start_processing",
        "mark_ready", "deliver", "hand_over", "reject", "withdraw",
    ]  # fmt: skip


def test_the_table_is_the_documented_one():
    pairs = {(s, row.event): row.target for row in TRANSITIONS for s in row.sources}
    assert pairs == {
        (S.SUBMITTED, E.START_VERIFICATION): S.VERIFYING,
        (S.VERIFYING, E.MARK_INCOMPLETE): S.INCOMPLETE,
        (S.INCOMPLETE, E.RESUBMIT): S.VERIFYING,
        (S.VERIFYING, E.APPROVE): S.VERIFIED,
        (S.VERIFIED, E.START_PROCESSING): S.PROCESSING,
        (S.PROCESSING, E.MARK_READY): S.READY,
        (S.DELIVERED, E.MARK_READY): S.READY,
        (S.PROCESSING, E.DELIVER): S.DELIVERED,
        (S.READY, E.HAND_OVER): S.COMPLETED,
        (S.DELIVERED, E.HAND_OVER): S.COMPLETED,
        (S.VERIFYING, E.REJECT): S.REJECTED,
        (S.INCOMPLETE, E.REJECT): S.REJECTED,
        (S.SUBMITTED, E.WITHDRAW): S.WITHDRAWN,
        (S.VERIFYING, E.WITHDRAW): S.WITHDRAWN,
        (S.INCOMPLETE, E.WITHDRAW): S.WITHDRAWN,
        (S.VERIFIED, E.WITHDRAW): S.WITHDRAWN,
    }
    assert INITIAL_STATUS is S.SUBMITTED
    assert {S.COMPLETED, S.REJECTED, S.WITHDRAWN} == TERMINAL_STATUSES


def test_required_details():
    required = {row.event: row.requires for row in TRANSITIONS if row.requires}
    assert required == {E.MARK_INCOMPLETE: ("missing",), E.REJECT: ("reason",)}


def test_lookup_table_matches_rows():
    assert len(_table.NEXT) == 16
    for (status, event), row in _table.NEXT.items():
        assert status in row.sources
        assert event == row.event


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("submitted", ["start_verification", "withdraw"]),
        ("verifying", ["mark_incomplete", "approve", "reject", "withdraw"]),
        ("incomplete", ["resubmit", "reject", "withdraw"]),
        ("verified", ["start_processing", "withdraw"]),
        ("processing", ["mark_ready", "deliver"]),
        ("ready", ["hand_over"]),
        ("delivered", ["mark_ready", "hand_over"]),
        ("completed", []),
        ("rejected", []),
        ("withdrawn", []),
    ],
)
def test_allowed_events(status, expected):
    assert [e.value for e in allowed_events(status)] == expected
    assert allowed_events(RequestStatus(status)) == allowed_events(status)


def test_allowed_events_rejects_unknown_status():
    with pytest.raises(
        ConfigError, match=r"status: not a request status; valid: submitted, .*'done'"
    ):
        allowed_events("done")


# -- the checks -------------------------------------------------------------------------------
def _replace(event, row):
    return [row if r.event == event else r for r in TRANSITIONS]


def _problems(rows, **kwargs):
    with pytest.raises(ConfigError) as info:
        check_transitions(rows, **kwargs)
    return [str(p) for p in info.value.problems]


def test_shipped_table_passes():
    check_transitions(TRANSITIONS)


def test_unreachable_status_is_caught():
    # Without `deliver`, nothing leads to `delivered` any more.
    rows = [r for r in TRANSITIONS if r.event != E.DELIVER]
    problems = _problems(rows, events=[e for e in RequestEvent if e != E.DELIVER])
    assert problems == ["statuses.delivered: not reachable from submitted"]


def test_trap_status_is_caught():
    rows = _replace(E.HAND_OVER, Transition(E.HAND_OVER, (S.DELIVERED,), S.COMPLETED, "x"))
    problems = _problems(rows)
    assert "statuses.ready: a trap: not terminal, yet no event leads out" in problems


def test_terminal_unreachable_is_caught():
    # verifying <-> incomplete with every exit towards a terminal status removed.
    rows = [
        Transition(E.START_VERIFICATION, (S.SUBMITTED,), S.VERIFYING, "x"),
        Transition(E.MARK_INCOMPLETE, (S.VERIFYING,), S.INCOMPLETE, "x"),
        Transition(E.RESUBMIT, (S.INCOMPLETE,), S.VERIFYING, "x"),
    ]
    problems = _problems(
        rows,
        statuses=[S.SUBMITTED, S.VERIFYING, S.INCOMPLETE, S.COMPLETED],
        events=[E.START_VERIFICATION, E.MARK_INCOMPLETE, E.RESUBMIT],
        terminal=[S.COMPLETED],
    )
    assert problems == [
        "statuses.completed: not reachable from submitted",
        "statuses.submitted: no terminal status can be reached from it",
        "statuses.verifying: no terminal status can be reached from it",
        "statuses.incomplete: no terminal status can be reached from it",
    ]


def test_ambiguous_pair_and_exit_from_terminal_are_caught():
    rows = [
        *TRANSITIONS,
        Transition(E.APPROVE, (S.VERIFYING,), S.PROCESSING, "twice"),
        Transition(E.WITHDRAW, (S.COMPLETED,), S.WITHDRAWN, "too late"),
    ]
    problems = _problems(rows)
    assert problems == [
        "transitions[10]: approve from verifying is already declared by transitions[3]; "
        "a status and an event lead to one status",
        "transitions[11]: terminal status completed cannot have an exit (withdraw)",
    ]


def test_unknown_names_are_caught_all_at_once():
    rows = [
        *TRANSITIONS,
        Transition("teleport", (S.SUBMITTED,), S.COMPLETED, "x"),  # type: ignore[arg-type]
        Transition(E.RESUBMIT, ("lost",), S.VERIFYING, "x", accepts=("photo",)),  # type: ignore[arg-type]
        Transition(E.RESUBMIT, (), S.VERIFYING, "x"),
    ]
    problems = _problems(rows)
    assert problems == [
        "transitions[10].event: not a known event (got 'teleport')",
        "transitions[11]: not a known status (got 'lost')",
        "transitions[11]: unknown detail; known: missing, reason, pickup_place, "
        "originals_checked, note (got 'photo')",
        "transitions[12].sources: a transition needs a source",
    ]


def test_unused_event_is_caught():
    rows = [r for r in TRANSITIONS if r.event != E.RESUBMIT]
    assert _problems(rows) == ["events.resubmit: the event is used by no transition"]


def test_a_broken_table_fails_the_import(tmp_path, monkeypatch):
    """Editing the table wrongly makes the module itself refuse to load."""
    source = Path(_table.__file__).read_text(encoding="utf-8")
    # hand_over no longer leaves `ready`: a document would wait there forever.
    broken = source.replace(
        "(S.READY, S.DELIVERED),\n        S.COMPLETED,", "(S.DELIVERED,), S.COMPLETED,"
    )
    assert broken != source
    module = tmp_path / "broken_table.py"
    module.write_text(broken, encoding="utf-8")
    namespace = types.ModuleType("broken_table")
    monkeypatch.setitem(sys.modules, "broken_table", namespace)  # dataclasses look it up
    with pytest.raises(ConfigError) as info:
        exec(compile(broken, str(module), "exec"), namespace.__dict__)
    assert str(info.value) == (
        "lifecycle transition table: 1 problem\n"
        "  - statuses.ready: a trap: not terminal, yet no event leads out"
    )


# -- views ------------------------------------------------------------------------------------
def test_mermaid_has_every_edge_and_the_terminal_marks():
    text = to_mermaid()
    lines = text.splitlines()
    assert lines[0] == "stateDiagram-v2"
    assert lines[1] == "    [*] --> submitted"
    edges = {
        tuple(re.fullmatch(r"    (\w+) --> (\w+): (\w+)", line).groups())
        for line in lines[2:]
        if ": " in line
    }
    expected = {(s.value, r.target.value, r.event.value) for r in TRANSITIONS for s in r.sources}
    assert edges == expected
    assert [line for line in lines if line.endswith("--> [*]")] == [
        "    completed --> [*]",
        "    rejected --> [*]",
        "    withdrawn --> [*]",
    ]


def test_docs_page_shows_the_current_diagram():
    page = (ROOT / "docs" / "lifecycle.md").read_text(encoding="utf-8")
    fences = re.findall(r"```mermaid\n(.*?)\n```", page, flags=re.DOTALL)
    assert fences == [to_mermaid()]
    assert transition_table() in page


def test_markdown_table_has_a_line_per_event():
    lines = transition_table().splitlines()
    assert len(lines) == 2 + len(TRANSITIONS)
    assert lines[3] == (
        "| `mark_incomplete` | verifying | incomplete | **missing**, reason | "
        "files missing or unreadable; the citizen must send them again |"
    )
