"""Coverage-guided fuzzing of adminduk's public entry points with atheris (not part of the gate).

The gate runs tests/fuzz/test_fuzz.py (hypothesis, under a minute). This harness is for long
runs: atheris (libFuzzer for Python) mutates bytes towards new branches of adminduk's code.
A finding is any exception that is not an ``AdmindukError``, or an error message that repeats
personal data (a NIK's or phone number's digits) given in the input.

    pip install atheris                       # needs a clang-built CPython on some platforms
    python fuzz/fuzz_entry_points.py -max_total_time=600 fuzz/corpus
    python fuzz/fuzz_entry_points.py crash-<hash>        # replay one finding

See fuzz/README.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from importlib import resources

import atheris

# adminduk imports most of itself lazily; import the parts under test here, so that they are
# instrumented (coverage feedback) too.
with atheris.instrument_imports(include=["adminduk"]):
    import adminduk
    import adminduk.advice
    import adminduk.lifecycle
    import adminduk.schedule
    import adminduk.testing._conformance
    from adminduk import AdmindukError, KkNumber, Nik, Service, ServiceRequest
    from adminduk.identity import CitizenPhone, normalize_whatsapp
    from adminduk.offices import BUILTIN_OFFICES, parse_office
    from adminduk.testing import check_office

OFFICE_TEXTS = [
    resources.files("adminduk.offices").joinpath("data", name).read_bytes()
    for name in BUILTIN_OFFICES.values()
]
CODES = sorted(BUILTIN_OFFICES)
SERVICES = [entry.code for entry in adminduk.catalogue()]
EVENTS = [
    "start_verification",
    "mark_incomplete",
    "resubmit",
    "approve",
    "start_processing",
    "mark_ready",
    "deliver",
    "hand_over",
    "reject",
    "withdraw",
]
DETAILS = ["missing", "reason", "pickup_place", "originals_checked", "note"]


def _personal_runs(text: str) -> list[str]:
    runs = re.findall(r"\d{6,}", text)
    joined = "".join(ch for ch in text if ch.isdigit())
    return [*runs, joined] if len(joined) >= 6 else runs


def _check(err: AdmindukError, personal: str) -> None:
    shown = f"{err}\n{err!r}"
    for run in _personal_runs(personal):
        if run in shown:
            raise AssertionError(f"{type(err).__name__} repeats personal data: {shown}")


def _instant(fdp: atheris.FuzzedDataProvider) -> dt.datetime:
    base = dt.datetime(2000, 1, 1)
    return base + dt.timedelta(minutes=fdp.ConsumeIntInRange(0, 100 * 366 * 24 * 60))


def _identifiers(fdp: atheris.FuzzedDataProvider) -> None:
    text = fdp.ConsumeUnicodeNoSurrogates(40)
    for parse in (Nik.parse, KkNumber.parse, normalize_whatsapp, CitizenPhone):
        try:
            parse(text)
        except AdmindukError as err:
            _check(err, text)


def _office_file(fdp: atheris.FuzzedDataProvider) -> None:
    if fdp.ConsumeBool():
        raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    else:  # a built-in file with a stretch overwritten
        base = OFFICE_TEXTS[fdp.ConsumeIntInRange(0, len(OFFICE_TEXTS) - 1)]
        at = fdp.ConsumeIntInRange(0, len(base))
        patch = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 64))
        raw = base[:at] + patch + base[at + len(patch) :]
    try:
        office = parse_office(raw, format="json" if fdp.ConsumeBool() else "toml")
    except AdmindukError:
        return
    check_office(office)


def _advise(fdp: atheris.FuzzedDataProvider) -> None:
    office = CODES[fdp.ConsumeIntInRange(0, len(CODES) - 1)]
    service = (
        SERVICES[fdp.ConsumeIntInRange(0, len(SERVICES) - 1)]
        if fdp.ConsumeBool()
        else fdp.ConsumeUnicodeNoSurrogates(20)
    )
    reasons = [fdp.ConsumeUnicodeNoSurrogates(12) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    try:
        advice = adminduk.advise(
            office, service, at=_instant(fdp), reasons=reasons, has_whatsapp=fdp.ConsumeBool()
        )
        advice.to_message("en" if fdp.ConsumeBool() else "id")
    except AdmindukError:
        pass


def _lifecycle(fdp: atheris.FuzzedDataProvider) -> None:
    nik = fdp.ConsumeUnicodeNoSurrogates(20) if fdp.ConsumeBool() else None
    try:
        req = ServiceRequest.submit(
            CODES[fdp.ConsumeIntInRange(0, len(CODES) - 1)],
            SERVICES[fdp.ConsumeIntInRange(0, len(SERVICES) - 1)],
            at=_instant(fdp),
            channel=["app", "whatsapp", "portal", "counter"][fdp.ConsumeIntInRange(0, 3)],
            applicant_nik=nik,
        )
    except AdmindukError as err:
        _check(err, nik or "")
        return
    at = req.submitted_at
    for _ in range(fdp.ConsumeIntInRange(0, 12)):
        at = at + dt.timedelta(minutes=fdp.ConsumeIntInRange(-60, 5000))
        details: dict[str, object] = {}
        for _ in range(fdp.ConsumeIntInRange(0, 2)):
            key = DETAILS[fdp.ConsumeIntInRange(0, len(DETAILS) - 1)]
            details[key] = (
                fdp.ConsumeBool() if key == "originals_checked" else fdp.ConsumeUnicode(12)
            )
        try:
            req = req.apply(EVENTS[fdp.ConsumeIntInRange(0, len(EVENTS) - 1)], at=at, **details)
        except AdmindukError:
            continue
    assert ServiceRequest.from_history(req.history) == req


def _service(fdp: atheris.FuzzedDataProvider) -> None:
    with contextlib.suppress(AdmindukError):
        Service.parse(fdp.ConsumeUnicodeNoSurrogates(30))


TARGETS = (_identifiers, _office_file, _advise, _lifecycle, _service)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)](fdp)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
