"""Fuzz campaign over the public entry points, run in the gate (``ci`` profile: under a minute).

Every entry point gets random and mutated input. The only exceptions allowed to escape are
``AdmindukError`` subclasses, and none of their messages may repeat personal data given in the
input (a NIK's or a phone number's digits). Longer campaigns with coverage-guided mutation:
``tests/fuzz/test_surface.py`` (every public callable) and ``fuzz/campaign.py`` (100,000 calls).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import adminduk
from adminduk import (
    AdmindukError,
    KkNumber,
    Nik,
    OfficeConfig,
    Service,
    ServiceRequest,
    load_office,
    normalize_whatsapp,
)
from adminduk.identity import CitizenPhone
from adminduk.offices import BUILTIN_OFFICES, validate_office
from adminduk.testing import check_office
from adminduk.testing import strategies as ads

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/adminduk-kantor-contoh/src/adminduk_kantor_contoh/kabupaten-contoh.toml"
OFFICE_TEXTS = [
    resources.files("adminduk.offices").joinpath("data", name).read_text(encoding="utf-8")
    for name in BUILTIN_OFFICES.values()
] + [EXAMPLE.read_text(encoding="utf-8")]
CODES = ["35.04", "35.13", "35.14", "52.06", "52.71", "99.01", "kota-mataram"]
SERVICE_CODES = [entry.code for entry in adminduk.catalogue()]
REASONS = ["bpjs", "rumah-sakit", "tni-polri", "pendaftaran-polri", "bencana"]

# Fuzzing looks for crashes, not for slow inputs; a file per example is fine.
FUZZ = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# The long campaigns run untraced by coverage: each error path they reach has an example test
# of its own (the checks of a file that does not load: tests/offices/test_checks_partial.py).
UNTRACED = pytest.mark.no_cover

# --------------------------------------------------------------------------- helpers
TEXT = st.text(st.characters(codec="utf-8"), max_size=40)
DIGITISH = st.text("0123456789 .-+()/\t", min_size=1, max_size=24)
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    TEXT,
    st.binary(max_size=20),
    st.lists(TEXT, max_size=3),
    st.dates(),
    st.datetimes(),
)
# Instants of every kind: naive, aware in odd zones, far outside the calendar's years.
ZONES = st.sampled_from(
    ["Asia/Jakarta", "Asia/Makassar", "UTC", "America/New_York", "Pacific/Kiritimati"]
)
INSTANTS = st.one_of(
    st.datetimes(dt.datetime(2019, 1, 1), dt.datetime(2032, 12, 31)),
    st.datetimes(timezones=ZONES.map(ZoneInfo)),
    st.datetimes(),
)


def personal_runs(value: object) -> list[str]:
    """The digit strings in ``value`` that could identify a person (6 digits or more)."""
    if isinstance(value, bytes | bytearray):
        value = bytes(value).decode("latin-1")
    if not isinstance(value, str):
        return []
    runs = re.findall(r"\d{6,}", value)
    joined = "".join(ch for ch in value if ch.isdigit())
    if len(joined) >= 6:
        runs.append(joined)
        if joined.startswith("0"):
            runs.append("62" + joined[1:])  # the same number as +62 would show it
    return runs


class PrivacyLeak(AssertionError):
    """An error message repeats personal data given in the input."""


@contextmanager
def only_admindukerrors(*personal: object) -> Iterator[None]:
    """Let only AdmindukError escape, and check it repeats none of the personal values.

    There is no exemption for digits that also appear in another argument: a NIK pasted into
    the channel is still a NIK.
    """
    try:
        yield
    except AdmindukError as err:
        shown = f"{err}\n{err!r}"
        for value in personal:
            for run in personal_runs(value):
                if run in shown:
                    leak = f"{type(err).__name__} repeats personal data: {shown}"
                    raise PrivacyLeak(leak) from None


def mutate(data: st.DataObject, text: str) -> str:
    """One to three edits of a file's text: lines dropped, doubled, cut, or overwritten."""
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 3))):
        if not lines:
            break
        at = data.draw(st.integers(0, len(lines) - 1))
        edit = data.draw(st.sampled_from(["drop", "double", "cut", "replace", "value"]))
        if edit == "drop":
            del lines[at]
        elif edit == "double":
            lines.insert(at, lines[at])
        elif edit == "cut":
            lines[at] = lines[at][: data.draw(st.integers(0, len(lines[at])))]
        elif edit == "replace":
            lines[at] = data.draw(TEXT) + "\n"
        else:  # keep the key, put a random TOML value in
            key = lines[at].partition("=")[0].strip() or "x"
            value = data.draw(
                st.sampled_from(['""', "0", "-1", "true", "[]", "{}", "2020-02-30", '"*"'])
                | TEXT.map(lambda t: f'"{t}"')
            )
            lines[at] = f"{key} = {value}\n"
    return "".join(lines)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=20,
)


# --------------------------------------------------------------------------- office files
@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _load_and_check(path: Path) -> None:
    with only_admindukerrors():
        office = load_office(path)
        assert isinstance(office, OfficeConfig)
    findings = check_office(path)  # never raises on a path: a bad file is findings
    assert all(finding.message for finding in findings)


@FUZZ
@given(raw=st.binary(max_size=400))
def test_load_office_on_random_bytes(scratch: Path, raw: bytes) -> None:
    path = scratch / "random.toml"
    path.write_bytes(raw)
    _load_and_check(path)


@UNTRACED
@FUZZ
@given(data=st.data(), suffix=st.sampled_from([".toml", ".json"]))
def test_load_office_on_mutated_files(scratch: Path, data: st.DataObject, suffix: str) -> None:
    text = mutate(data, data.draw(st.sampled_from(OFFICE_TEXTS)))
    if suffix == ".json":  # the same kind of damage, in the other format
        text = text.replace("=", ":", 1)
    path = scratch / f"mutated{suffix}"
    path.write_text(text, encoding="utf-8")
    _load_and_check(path)


@UNTRACED
@FUZZ
@given(data=st.data())
def test_validate_office_on_mutated_mappings(data: st.DataObject) -> None:
    mapping = tomllib.loads(data.draw(st.sampled_from(OFFICE_TEXTS)))
    for _ in range(data.draw(st.integers(1, 3))):
        target: Any = mapping
        # Walk down a random path of tables and arrays, then replace what is there.
        for _depth in range(data.draw(st.integers(0, 3))):
            if isinstance(target, dict) and target:
                child = target[data.draw(st.sampled_from(sorted(target)))]
            elif isinstance(target, list) and target:
                child = data.draw(st.sampled_from(target))
            else:
                break
            if not isinstance(child, dict | list):
                break
            target = child
        if isinstance(target, dict) and target:
            target[data.draw(st.sampled_from(sorted(target)))] = data.draw(JSONISH)
        elif isinstance(target, list):
            target.append(data.draw(JSONISH))
    with only_admindukerrors():
        validate_office(mapping)
    check_office(mapping)


@FUZZ
@given(value=ANYTHING | JSONISH)
def test_validate_office_on_anything(value: object) -> None:
    with only_admindukerrors():
        validate_office(value)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- identifiers
@UNTRACED
@FUZZ
@given(
    text=st.one_of(
        DIGITISH, TEXT, st.binary(max_size=24), ads.niks().map(lambda n: n.reveal()[:-1] + "x")
    )
)
def test_nik_and_kk_parse_refuse_without_repeating_the_number(text: object) -> None:
    with only_admindukerrors(text):
        Nik.parse(text)  # type: ignore[arg-type]
    with only_admindukerrors(text):
        KkNumber.parse(text)  # type: ignore[arg-type]


@UNTRACED
@FUZZ
@given(nik=ads.niks(), day=st.dates(), known=st.sets(st.sampled_from(CODES[:6]), max_size=3))
def test_nik_parse_with_reference_dates_and_regencies(
    nik: Nik, day: dt.date, known: set[str]
) -> None:
    digits = nik.reveal()
    with only_admindukerrors(digits):
        again = Nik.parse(digits, reference_date=day, known_regencies=known)
        assert again.regency_code in known


@FUZZ
@given(text=st.one_of(DIGITISH, TEXT, ads.whatsapp_numbers().map(lambda t: t + "99"), ANYTHING))
def test_normalize_whatsapp_refuses_without_repeating_the_number(text: object) -> None:
    with only_admindukerrors(text):
        number = normalize_whatsapp(text)  # type: ignore[arg-type]
        assert number.startswith("+628")
    with only_admindukerrors(text):
        CitizenPhone(text)  # type: ignore[arg-type]


@FUZZ
@given(text=st.one_of(TEXT, st.sampled_from(SERVICE_CODES).map(str.upper), ANYTHING))
def test_service_parse_refuses_with_unknown_service(text: object) -> None:
    with only_admindukerrors():
        assert Service.parse(text).code in SERVICE_CODES  # type: ignore[arg-type]


# --------------------------------------------------------------------------- advise
OFFICE_ARGS = st.one_of(
    st.sampled_from(CODES), TEXT, st.sampled_from(CODES).map(adminduk.get_office)
)
SERVICE_ARGS = st.one_of(st.sampled_from(SERVICE_CODES), ads.services(), TEXT)
REASON_ARGS = st.one_of(
    st.lists(st.sampled_from(REASONS) | TEXT, max_size=3), st.sampled_from(REASONS), TEXT
)


@UNTRACED
@FUZZ
@given(
    office=OFFICE_ARGS,
    service=SERVICE_ARGS,
    at=INSTANTS | st.none() | st.dates(),
    reasons=REASON_ARGS,
    has_whatsapp=st.booleans(),
    lang=st.sampled_from(["id", "en", "jv"]),
)
def test_advise_with_random_arguments(
    office: object, service: object, at: object, reasons: object, has_whatsapp: bool, lang: str
) -> None:
    with only_admindukerrors():
        advice = adminduk.advise(
            office, service, at=at, reasons=reasons, has_whatsapp=has_whatsapp
        )  # type: ignore[arg-type]
        assert advice.to_message(lang)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- lifecycles
CHANNELS = st.sampled_from(["app", "whatsapp", "portal", "counter"])
NIKS = ads.niks().map(Nik.reveal)


@UNTRACED
@FUZZ
@given(
    code=st.sampled_from(CODES) | TEXT,
    service=SERVICE_ARGS,
    at=INSTANTS | ANYTHING,
    channel=CHANNELS | TEXT,
    nik=st.none() | NIKS | DIGITISH | NIKS.map(lambda digits: digits[::-1]),
    phone=st.none() | ads.whatsapp_numbers() | DIGITISH,
)
def test_submit_with_random_arguments(
    code: object, service: object, at: object, channel: object, nik: object, phone: object
) -> None:
    # Error messages are checked for personal data below, where a leak is certain to be tried.
    with only_admindukerrors():
        req = ServiceRequest.submit(
            code,  # type: ignore[arg-type]
            service,  # type: ignore[arg-type]
            at=at,  # type: ignore[arg-type]
            channel=channel,  # type: ignore[arg-type]
            applicant_nik=nik,  # type: ignore[arg-type]
            phone=phone,  # type: ignore[arg-type]
        )
        shown = f"{req}\n{req!r}\n{req.model_dump_json()}"
        for run in personal_runs(nik) + personal_runs(phone):
            assert run not in shown


PASTED = "NIK 3513014501900001 WA 0813-5954-7691"  # what a citizen types into the wrong field


@pytest.mark.parametrize(
    "field",
    [
        "code",
        "service",
        "channel",
        "at",
        "applicant_nik",
        "phone",
    ],
)
def test_submit_errors_never_repeat_personal_data_from_any_argument(field: str) -> None:
    arguments: dict[str, Any] = {
        "code": "35.14",
        "service": "kk/baru",
        "at": dt.datetime(2020, 3, 24, 10),
        "channel": "whatsapp",
        "applicant_nik": None,
        "phone": None,
    }
    arguments[field] = PASTED
    code = arguments.pop("code")
    service = arguments.pop("service")
    try:
        ServiceRequest.submit(code, service, **arguments)
    except AdmindukError as err:
        shown = f"{err}\n{err!r}"
        if any(run in shown for run in personal_runs(PASTED)):
            raise PrivacyLeak(f"{type(err).__name__} repeats personal data: {shown}") from None
    else:
        pytest.fail(f"a {field} holding a NIK and a phone number was accepted")


@UNTRACED
@FUZZ
@given(
    code=st.sampled_from(CODES),
    service=st.sampled_from(SERVICE_CODES),
    at=st.datetimes(dt.datetime(2019, 1, 1), dt.datetime(2032, 12, 31)),
    channel=CHANNELS,
    nik=st.none() | NIKS,
    phone=st.none() | ads.whatsapp_numbers(),
    steps=ads.event_sequences(delivers=True) | ads.event_sequences(valid=False),
    odd=st.dictionaries(st.integers(0, 11), INSTANTS | ANYTHING, max_size=2),
)
def test_apply_with_random_events_and_details(
    code: str,
    service: str,
    at: dt.datetime,
    channel: str,
    nik: str | None,
    phone: str | None,
    steps: list[ads.Step],
    odd: dict[int, object],
) -> None:
    # The lifecycle's events are under test here, not admission (check=False).
    req = ServiceRequest.submit(
        code, service, at=at, channel=channel, applicant_nik=nik, phone=phone, check=False
    )
    moment: Any = req.submitted_at
    for index, step in enumerate(steps):
        # Mostly time moves on by the step's gap; sometimes `at` is something else entirely.
        moment = odd[index] if index in odd else req.history[-1].at + step.after
        before = req
        with only_admindukerrors(nik, phone):
            req = req.apply(step.event, at=moment, **step.details)
        event("event applied" if req is not before else "event refused")
        assert before.history == req.history[: len(before.history)]  # append-only
    shown = f"{req}\n{req!r}\n{req.model_dump_json()}"
    for run in personal_runs(nik) + personal_runs(phone):
        assert run not in shown
    assert ServiceRequest.from_history(req.history) == req
    assert ServiceRequest.from_json(req.to_json(reveal=True)) == req


@UNTRACED
@FUZZ
@given(text=st.one_of(TEXT, st.binary(max_size=60), JSONISH.map(str)))
def test_request_from_json_refuses_with_admindukerrors(text: str | bytes) -> None:
    with only_admindukerrors():
        ServiceRequest.from_json(text)


# --------------------------------------------------------------------------- any type at all
def _call(data: st.DataObject, entry: str) -> object:
    """Call one entry point with arguments of any type."""
    anything = ANYTHING | JSONISH
    if entry == "advise":
        return adminduk.advise(
            data.draw(anything | st.sampled_from(CODES)),
            data.draw(anything | st.sampled_from(SERVICE_CODES)),
            at=data.draw(anything | INSTANTS),
            reasons=data.draw(anything | st.lists(anything, max_size=3)),
            has_whatsapp=data.draw(anything),
        )
    if entry == "submit":
        return ServiceRequest.submit(
            data.draw(st.sampled_from(CODES) | anything),
            data.draw(anything),
            at=data.draw(anything | INSTANTS),
            channel=data.draw(anything | CHANNELS),
            applicant_nik=data.draw(anything),
            phone=data.draw(anything),
        )
    if entry == "from_history":
        return ServiceRequest.from_history(data.draw(anything | st.lists(anything, max_size=3)))
    if entry == "load_office":
        return load_office(data.draw(anything | TEXT.map(lambda t: f"/nonexistent/{t}")))
    if entry == "check_office":
        return check_office(data.draw(anything))
    if entry == "get_office":
        return adminduk.get_office(data.draw(anything))
    functions = {
        "Nik.parse": Nik.parse,
        "KkNumber.parse": KkNumber.parse,
        "normalize_whatsapp": normalize_whatsapp,
        "CitizenPhone": CitizenPhone,
        "Service.parse": Service.parse,
        "parse_office": adminduk.parse_office,
        "validate_office": validate_office,
        "from_json": ServiceRequest.from_json,
    }
    return functions[entry](data.draw(anything))


ENTRIES = [
    "advise",
    "submit",
    "from_history",
    "load_office",
    "check_office",
    "get_office",
    "Nik.parse",
    "KkNumber.parse",
    "normalize_whatsapp",
    "CitizenPhone",
    "Service.parse",
    "parse_office",
    "validate_office",
    "from_json",
]


@UNTRACED
@FUZZ
@given(data=st.data(), entry=st.sampled_from(ENTRIES))
def test_entry_points_with_arguments_of_any_type(data: st.DataObject, entry: str) -> None:
    with only_admindukerrors():
        _call(data, entry)
