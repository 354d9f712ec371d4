"""Property tests of ``advise`` over one office, as the pytest plugin runs them.

``testing`` stands above ``advice`` in the layers (``pyproject.toml``, checked by
import-linter), so these properties call ``advise`` directly, as an office's own tests would.
Every check raises :class:`PropertyFailed` explicitly rather than through ``assert``, which
``python -O`` strips: a broken office fails under any interpreter flags. ``hypothesis`` is
imported when a property runs, never before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from adminduk._advice_text import LANGS, Lang
from adminduk._core.arguments import instance
from adminduk.advice import Advice, advise
from adminduk.documents import catalogue
from adminduk.offices import BUILTIN_URGENCY_REASONS, OfficeConfig
from adminduk.triage import Certainty, Outcome

if TYPE_CHECKING:
    from hypothesis import settings

__all__ = ["PROPERTIES", "OfficeProperty", "PropertyFailed", "check_advice"]


@dataclass(frozen=True, slots=True)
class OfficeProperty:
    """A property of ``advise`` over one office: an id, what it says, and how to run it."""

    id: str
    title: str
    run: Callable[[OfficeConfig, int | None], None]


class PropertyFailed(AssertionError):
    """A property of ``advise`` that does not hold, with the counterexample that breaks it.

    An ``AssertionError``, so pytest and hypothesis report it as a failed test (and hypothesis
    shrinks towards it), but raised explicitly, so ``python -O`` cannot strip the check.

    Attributes:
        expected: what should have held, in words.
        counterexample: the values that break it (for an advice: office, service, instant,
            policy, outcome and the deciding rule).

    Examples:
        >>> err = PropertyFailed("the counter comes first", {"office": "35.14"})
        >>> print(err)
        the counter comes first; counterexample: office='35.14'
        >>> isinstance(err, AssertionError)
        True
    """

    def __init__(self, expected: str, counterexample: Mapping[str, object]) -> None:
        self.expected = expected
        self.counterexample = dict(counterexample)
        shown = ", ".join(f"{key}={value!r}" for key, value in self.counterexample.items())
        super().__init__(f"{expected}; counterexample: {shown}")


def _about(advice: Advice) -> dict[str, object]:
    """The advice as a counterexample: enough to ask ``advise`` the same question again."""
    return {
        "office": advice.office_code,
        "service": advice.service.code,
        "at": advice.at.isoformat(),
        "policy": advice.policy_id,
        "outcome": advice.outcome.value,
        "rule": advice.rule_id,
    }


def check_advice(office: OfficeConfig, advice: Advice) -> None:
    """Check what holds for every advice, whatever the office; :class:`PropertyFailed` otherwise.

    Raises:
        PropertyFailed: the first property the advice breaks, with the advice as counterexample.

    Examples:
        >>> import datetime as dt
        >>> from adminduk.offices import get_office
        >>> office = get_office("35.14")
        >>> advice = advise(office, "kk/baru", dt.datetime(2020, 3, 24, 9))
        >>> check_advice(office, advice)
        >>> check_advice(office, advice.model_copy(update={"reasons": ()}))
        Traceback (most recent call last):
        ...
        adminduk.testing._properties.PropertyFailed: an advice gives its reasons; counterexample: office='35.14', service='kk/baru', at='2020-03-24T09:00:00+07:00', policy='covid-19-layanan-whatsapp', outcome='online', rule='online'
    """  # noqa: E501
    office = instance("office", office, OfficeConfig, "an OfficeConfig (see get_office)")
    advice = instance("advice", advice, Advice, "an Advice (see advise)")
    for holds, expected in _advice_properties(office, advice):
        if not holds:
            raise PropertyFailed(expected, _about(advice))


def _advice_properties(office: OfficeConfig, advice: Advice) -> Iterator[tuple[bool, str]]:
    """Each property of one advice, in order, as (holds, what it says).

    Lazily, so a property that needs an earlier one (a first channel, a first reason) is only
    reached when that one holds.
    """
    outcome = advice.outcome
    if outcome is Outcome.ONLINE:
        yield bool(advice.channels), "an online outcome names at least one channel"
        yield advice.channels[0].kind.is_remote, "an online outcome names a remote channel first"
        # The counter may follow, where it takes this person too; then it is the last channel.
        counters = [i for i, ch in enumerate(advice.channels) if not ch.kind.is_remote]
        counter_fits = not counters or (
            counters == [len(advice.channels) - 1] and advice.in_person_allowed
        )
        yield counter_fits, "an online outcome names the counter last, where it lets them in"
    if outcome is Outcome.IN_PERSON:
        yield advice.in_person_allowed, "an in-person outcome lets the person in"
        yield bool(advice.channels), "an in-person outcome names the counter"
        yield advice.channels[0].kind.value == "counter", "the counter comes first"
    if not outcome.gives_a_route:
        yield not advice.channels, f"a {outcome.value} outcome names no channel"
    at = advice.at
    yield at.utcoffset() == at.astimezone(office.zone).utcoffset(), "at is office-local"
    opening = advice.next_opening
    if opening is None:
        yield not advice.office_open, "an office open now has a next opening: now"
        reasons = {reason.rule_id for reason in advice.reasons}
        yield "no-opening" in reasons, "no next opening is explained by a reason"
    else:
        yield opening.utcoffset() == at.utcoffset(), "same zone throughout"
        yield opening >= at, "the next opening is not in the past"
        yield advice.office_open == (opening == at), "open means open now"
        yield office.calendar().is_open(opening), "the next opening is open"
    if advice.ready_by is not None:
        yield advice.ready_by > at, "documents are ready after the request"
    yield bool(advice.reasons), "an advice gives its reasons"
    # A source published after the day asked confirms that day's rules only as the report of a
    # dated policy begun by then; the national measure is dated by what was out by then.
    measure = advice.measure_confirmed_on
    yield measure is None or measure <= at.date(), "no measure is dated after its day"
    if advice.confirmed_on is not None and advice.confirmed_on > at.date():
        policy = next((p for p in office.policies if p.id == advice.policy_id), None)
        start = policy.valid_from if policy is not None else None
        yield start is not None and start <= at.date(), "only a policy begun is dated later"
    deciding = advice.reasons
    if office.baseline:
        # Its rules are the nation's, not its own: the answer says so before anything else.
        yield deciding[0].rule_id == "baseline-office", "a baseline office's answer says so first"
        deciding = deciding[1:]
        yield bool(deciding), "a baseline office's answer gives the deciding rule"
    yield deciding[0].rule_id == advice.rule_id, "the deciding rule is the first reason"
    for reason in advice.reasons:
        yield bool(reason.text_id), f"reason {reason.rule_id!r} has its Indonesian text"
        yield bool(reason.text_en), f"reason {reason.rule_id!r} has its English text"
        yield bool(reason.source), f"reason {reason.rule_id!r} has its source"
    # A dated policy no source confirms for too long no longer decides: the ordinary rules do,
    # and the answer says so (Certainty.UNKNOWN, reason policy-lapsed).
    lapsed = "policy-lapsed" in {reason.rule_id for reason in advice.reasons}
    decides = office.policy_at(at).id if not lapsed else "ordinary"
    yield advice.policy_id == decides, "the policy in force decides"
    yield lapsed <= (advice.certainty is Certainty.UNKNOWN), "a lapsed policy is unknown"


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

    @_settings(max_examples)
    @given(service=ads.services(), at=ads.instants(office), lang=st.sampled_from(LANGS))
    def messages_round_trip(service: Any, at: Any, lang: Lang) -> None:
        advice = advise(office, service, at=at)
        message = advice.to_message(lang)
        about = {**_about(advice), "lang": lang}
        if not message.partition("\n")[0].strip():
            raise PropertyFailed("the reply starts with the outcome", about)
        for channel in advice.channels:
            link = channel.link()
            if link is not None and link not in message:
                raise PropertyFailed(f"the reply links {channel.label!r}", about)
        again = type(advice).model_validate_json(advice.model_dump_json())
        if again != advice:
            raise PropertyFailed("the advice survives a JSON round trip", about)

    messages_round_trip()


def every_service_has_a_route(office: OfficeConfig, max_examples: int | None) -> None:
    """At every instant, each service that exists and is not suspended has a route for someone."""
    from hypothesis import given

    from adminduk.testing import strategies as ads

    people = [((), True), ((), False), *(((code,), True) for code in _reasons(office))]

    @_settings(max_examples)
    @given(service=ads.services(), at=ads.instants(office))
    def every_service_has_a_route(service: Any, at: Any) -> None:
        policy = office.policy_at(at)
        if policy.suspension_for(service) is not None:
            return
        introduced = catalogue()[service].introduced
        if introduced is not None and not introduced.offered_on(office.local_date(at)):
            return  # a service that does not exist yet has a route for nobody, rightly
        outcomes = {
            advise(office, service, at=at, reasons=reasons, has_whatsapp=wa).outcome
            for reasons, wa in people
        }
        if not any(outcome.gives_a_route for outcome in outcomes):
            raise PropertyFailed(
                f"nobody can apply for {service} under policy {policy.id!r}",
                {
                    "office": office.code,
                    "service": str(service),
                    "at": at.isoformat(),
                    "outcomes": sorted(o.value for o in outcomes),
                },
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
