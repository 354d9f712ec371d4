"""Property tests of ``advise`` over one office, as the pytest plugin runs them.

``testing`` and ``advice`` are sibling layers, which may not import each other (the layer
contract in ``pyproject.toml``, checked by import-linter, which also sees imports inside
functions). These properties run ``advise`` as an office's own tests would, from above: they
look it up at run time (:func:`_advise`), so no module of ``adminduk.testing`` depends on
``adminduk.advice``. ``hypothesis`` is imported when a property runs, never before.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from adminduk.offices import BUILTIN_URGENCY_REASONS, OfficeConfig
from adminduk.triage import Outcome

if TYPE_CHECKING:
    from hypothesis import settings

__all__ = ["PROPERTIES", "OfficeProperty", "check_advice"]

_ROUTED: Final = (Outcome.ONLINE, Outcome.IN_PERSON)


@dataclass(frozen=True, slots=True)
class OfficeProperty:
    """A property of ``advise`` over one office: an id, what it says, and how to run it."""

    id: str
    title: str
    run: Callable[[OfficeConfig, int | None], None]


def _advise() -> Callable[..., Any]:
    """``adminduk.advice.advise``, looked up at run time (see the module docstring)."""
    advise: Callable[..., Any] = importlib.import_module("adminduk.advice").advise
    return advise


def check_advice(office: OfficeConfig, advice: Any) -> None:
    """Assert what holds for every advice, whatever the office; AssertionError says which.

    Examples:
        >>> import datetime as dt
        >>> from adminduk.offices import get_office
        >>> office = get_office("35.14")
        >>> check_advice(office, _advise()(office, "kk/baru", dt.datetime(2020, 3, 24, 9)))
    """
    zone = office.zone
    if advice.outcome is Outcome.ONLINE:
        assert advice.channels, "an online outcome names at least one channel"
        assert all(ch.kind.is_remote for ch in advice.channels), "online channels are remote"
    if advice.outcome is Outcome.IN_PERSON:
        assert advice.in_person_allowed, "an in-person outcome lets the person in"
        assert advice.channels, "an in-person outcome names the counter"
        assert advice.channels[0].kind.value == "counter", "the counter comes first"
    if advice.outcome not in _ROUTED:
        assert not advice.channels, f"a {advice.outcome.value} outcome names no channel"
    assert advice.at.utcoffset() == advice.at.astimezone(zone).utcoffset(), "at is office-local"
    assert advice.next_opening.utcoffset() == advice.at.utcoffset(), "same zone throughout"
    assert advice.next_opening >= advice.at, "the next opening is not in the past"
    assert advice.office_open == (advice.next_opening == advice.at), "open means open now"
    assert office.calendar().is_open(advice.next_opening), "the next opening is open"
    if advice.ready_by is not None:
        assert advice.ready_by > advice.at, "documents are ready after the request"
    assert advice.reasons, "an advice gives its reasons"
    assert advice.reasons[0].rule_id == advice.rule_id, "the deciding rule is the first reason"
    for reason in advice.reasons:
        assert reason.text_id, f"reason {reason.rule_id!r} has its Indonesian text"
        assert reason.text_en, f"reason {reason.rule_id!r} has its English text"
        assert reason.source, f"reason {reason.rule_id!r} has its source"
    assert advice.policy_id == office.policy_at(advice.at).id, "the policy in force decides"


def _settings(max_examples: int | None) -> settings:
    from hypothesis import HealthCheck, settings

    # The active profile (the office repository's own, or hypothesis' default), without a
    # deadline: the first advice builds the office calendar, which is slow only once.
    options: dict[str, Any] = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    if max_examples is not None:
        options["max_examples"] = max_examples
    return settings(settings.default, **options)


def _reasons(office: OfficeConfig) -> list[str]:
    return sorted({*BUILTIN_URGENCY_REASONS, *(reason.code for reason in office.urgency_reasons)})


def advise_is_total_and_consistent(office: OfficeConfig, max_examples: int | None) -> None:
    """``advise`` answers every service at every instant, and its answer hangs together."""
    from hypothesis import given
    from hypothesis import strategies as st

    from adminduk.testing import strategies as ads

    advise = _advise()

    @_settings(max_examples)
    @given(
        service=ads.services(),
        at=ads.instants(office),
        reasons=st.lists(st.sampled_from(_reasons(office)), max_size=2, unique=True),
        has_whatsapp=st.booleans(),
    )
    def advise_is_total_and_consistent(
        service: Any, at: Any, reasons: list[str], has_whatsapp: bool
    ) -> None:
        advice = advise(office, service, at=at, reasons=reasons, has_whatsapp=has_whatsapp)
        check_advice(office, advice)

    advise_is_total_and_consistent()


def messages_round_trip(office: OfficeConfig, max_examples: int | None) -> None:
    """Every advice becomes a reply in both languages and survives a JSON round trip."""
    from hypothesis import given
    from hypothesis import strategies as st

    from adminduk.testing import strategies as ads

    advise = _advise()

    @_settings(max_examples)
    @given(service=ads.services(), at=ads.instants(office), lang=st.sampled_from(["id", "en"]))
    def messages_round_trip(service: Any, at: Any, lang: str) -> None:
        advice = advise(office, service, at=at)
        message = advice.to_message(lang)
        assert message.splitlines()[0], "the reply starts with the outcome"
        for channel in advice.channels:
            link = channel.link()
            if link is not None:
                assert link in message, f"the reply links {channel.label!r}"
        again = type(advice).model_validate_json(advice.model_dump_json())
        assert again == advice, "the advice survives a JSON round trip"

    messages_round_trip()


def every_service_has_a_route(office: OfficeConfig, max_examples: int | None) -> None:
    """At every instant, each service not declared suspended has a route for someone."""
    from hypothesis import given

    from adminduk.testing import strategies as ads

    advise = _advise()
    people = [((), True), ((), False), *(((code,), True) for code in _reasons(office))]

    @_settings(max_examples)
    @given(service=ads.services(), at=ads.instants(office))
    def every_service_has_a_route(service: Any, at: Any) -> None:
        policy = office.policy_at(at)
        if policy.suspension_for(service) is not None:
            return
        outcomes = {
            advise(office, service, at=at, reasons=reasons, has_whatsapp=wa).outcome
            for reasons, wa in people
        }
        assert outcomes & set(_ROUTED), (
            f"nobody can apply for {service} under policy {policy.id!r}: "
            f"outcomes {sorted(o.value for o in outcomes)}"
        )

    every_service_has_a_route()


PROPERTIES: Final[tuple[OfficeProperty, ...]] = (
    OfficeProperty(
        "advise", "advise() answers everything, consistently", advise_is_total_and_consistent
    ),
    OfficeProperty("messages", "replies in both languages, lossless JSON", messages_round_trip),
    OfficeProperty(
        "routes", "every service not suspended has a route for someone", every_service_has_a_route
    ),
)
"""The property tests the pytest plugin runs over an office."""
