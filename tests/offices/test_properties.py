"""Properties: any mutation of a valid office file loads or raises ConfigError, nothing else;
policy_at always answers with the one policy in force."""

from __future__ import annotations

import copy
import datetime as dt
import tomllib
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import adminduk
from adminduk.errors import ConfigError
from adminduk.offices import OfficeConfig, parse_office, validate_office
from tests.builders import office_data
from tests.every_office import EVERY_OFFICE, OFFICES_WITH_FILES, office_file


def _texts() -> list[str]:
    return [office_file(code).read_text("utf-8") for code in OFFICES_WITH_FILES]


TEXTS = _texts()
FILES = [tomllib.loads(text) for text in TEXTS]

# Values an office file could plausibly hold, right or wrong, so mutations reach deep checks.
PLAUSIBLE = st.sampled_from(
    [
        "35.13",
        "52.72",
        "99.01",
        "kabupaten-probolinggo",
        "kota-x",
        "Asia/Makassar",
        "Asia/Tokyo",
        "kk/*",
        "ktp-el/baru",
        "*",
        "paspor/*",
        "0813-5954-7691",
        "85337287689",
        "0341-551234",
        "+6281249333360",
        "https://example.go.id",
        "08:00-15:00",
        "15:00-08:00",
        "A0",
        "A1; A2",
        "NOPE",
        "bpjs",
        "sekolah",
        "urgent-only",
        "closed",
        "whatsapp",
        "counter",
        "kecamatan",
        "self-print",
        "defer",
        "add",
        "remove",
        "replace",
        "kk-lama",
        "ordinary",
        "2020-03-18",
        "",
        " ",
    ]
)
SCALARS = st.one_of(
    PLAUSIBLE,
    st.text(max_size=12),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(),
    st.times(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(PLAUSIBLE, st.text()), inner, max_size=3),
    ),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _mutate(data: Any, draw: st.DrawFn) -> Any:
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    operation = draw(st.sampled_from(["replace", "delete", "add-key", "duplicate", "swap-type"]))
    if not path:
        return draw(VALUES) if operation == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    target = parent[last]
    if operation == "replace":
        parent[last] = draw(VALUES)
    elif operation == "delete":
        del parent[last]
    elif operation == "add-key" and isinstance(target, dict):
        target[draw(st.one_of(PLAUSIBLE, st.text(max_size=8)))] = draw(VALUES)
    elif operation == "duplicate" and isinstance(target, list) and target:
        target.append(copy.deepcopy(target[draw(st.integers(0, len(target) - 1))]))
    elif operation == "swap-type":
        parent[last] = [target] if not isinstance(target, list) else {"x": target}
    return data


@st.composite
def mutated_files(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(FILES)))
    for _ in range(draw(st.integers(1, 4))):
        data = _mutate(data, draw)
    return data


@pytest.mark.no_cover
@given(mutated_files())
def test_a_mutated_file_loads_or_raises_config_error(data: Any) -> None:
    try:
        office = validate_office(data)
    except ConfigError as err:
        assert err.problems, "a ConfigError lists at least one problem"
        for problem in err.problems:
            assert isinstance(problem.path, str)
            assert problem.message
        return
    assert isinstance(office, OfficeConfig)
    # Whatever loads answers the questions every caller asks.
    for day in (dt.date(2020, 3, 23), dt.date(2031, 1, 6)):
        current = office.policy_at(day)
        current.channels_for("kk/baru")
        current.fulfilment_for("ktp-el/baru")
        office.requirements("kk/perubahan", day)


@st.composite
def edited_texts(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 12))
        insert = draw(
            st.one_of(
                st.just(""),
                PLAUSIBLE,
                st.text(max_size=4),
                st.sampled_from(['"', "[", "]", "=", "\n", "#", "{", "}"]),
            )
        )
        text = text[:at] + insert + text[at + cut :]
    return text


@pytest.mark.no_cover
@given(edited_texts())
def test_an_edited_file_text_loads_or_raises_config_error(text: str) -> None:
    try:
        parse_office(text)
    except ConfigError as err:
        assert err.problems


@pytest.mark.no_cover
@given(
    st.lists(
        st.tuples(
            st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2021, 12, 31)),
            st.one_of(st.none(), st.integers(0, 120)),
        ),
        max_size=5,
    ),
    st.dates(min_value=dt.date(2019, 12, 1), max_value=dt.date(2022, 2, 1)),
)
def test_policy_at_answers_with_the_one_policy_in_force(
    spans: list[tuple[dt.date, int | None]], day: dt.date
) -> None:
    policies = [
        {
            "id": f"p{index}",
            "valid_from": start,
            "source": "S",
            **({} if length is None else {"valid_until": start + dt.timedelta(days=length)}),
        }
        for index, (start, length) in enumerate(spans)
    ]
    try:
        office = validate_office(office_data(policies=policies))
    except ConfigError as err:
        assert all("overlaps" in p.message for p in err.problems)
        return
    in_force = [p for p in office.policies if p.covers(day)]
    assert len(in_force) <= 1
    expected = in_force[0] if in_force else office.ordinary_policy
    assert office.policy_at(day) is expected


@pytest.mark.no_cover
@given(st.sampled_from(EVERY_OFFICE), st.datetimes(timezones=st.timezones()))
def test_policy_at_agrees_with_the_local_date(code: str, at: dt.datetime) -> None:
    office = adminduk.get_office(code)
    assume(at.utcoffset() is not None)
    assert office.policy_at(at) is office.policy_at(office.local_date(at))
