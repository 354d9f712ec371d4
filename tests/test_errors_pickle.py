"""Every library error pickles to an equal error and crosses a process pool (issue 25)."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import adminduk
from adminduk import errors
from adminduk.errors import AdmindukError, ConfigError, ConfigProblem, NikError

SAMPLES: list[AdmindukError] = [
    ConfigError([ConfigProblem("code", "must look like '35.13'", "'3513'")], source="o.toml"),
    ConfigError.single("zone", "not an IANA time zone", "Mars/Base"),
    errors.OfficeNotFound("probolinggo", ("kabupaten-probolinggo",), labels=("k (35.13)",)),
    errors.RegionNotFound("35.99", ("35.09 Kabupaten Jember",)),
    errors.RegionNotFound("91.01", on=dt.date(2024, 1, 1), name="Merauke", detail="now 93.01"),
    errors.UnknownService("kk/ubah", ("kk/perubahan",), detail="x"),
    errors.UnknownReason("bpj", valid=("bpjs",), suggestions=("bpjs",)),
    errors.OutOfRange("at", "1899-01-01", "2000 to 2099"),
    errors.NeedsDatetime("at", dt.date(2020, 3, 24)),
    errors.TransitionError("submitted", "hand_over", ("withdraw",), reason="why"),
    errors.MissingExtra("office_cpsv", extra="rdf", package="rdflib"),
    errors.NotOffered("ktp-el/baru", "whatsapp", "2020-05-20T10:00:00+08:00", "defer", ()),
    errors.IdentityError("length", "x"),
    NikError("date", "no 31 February"),
    errors.KkNumberError("province", "99"),
    errors.PhoneNumberError("type", "a landline"),
]


def test_every_error_class_is_sampled() -> None:
    def subclasses(cls: type) -> set[type]:
        return {cls} | {s for sub in cls.__subclasses__() for s in subclasses(sub)}

    library = {c for c in subclasses(AdmindukError) if c.__module__.startswith("adminduk.")}
    assert library - {AdmindukError} <= {type(e) for e in SAMPLES}


@pytest.mark.parametrize("error", SAMPLES, ids=lambda e: type(e).__name__)
def test_pickles_and_copies_to_an_equal_error(error: AdmindukError) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(error, protocol))
        assert type(again) is type(error)
        assert again == error
        assert str(again) == str(error)
        assert vars(again) == vars(error)
    assert copy.copy(error) == error
    assert copy.deepcopy(error) == error


def test_a_config_error_keeps_its_problems() -> None:
    error = SAMPLES[0]
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, ConfigError)
    assert again.problems == error.problems
    assert len(again.problems) == 1


def test_errors_of_different_content_differ() -> None:
    assert NikError("date", "a") != NikError("date", "b")
    assert NikError("date", "a") != errors.KkNumberError("date", "a")
    assert hash(NikError("date", "a")) == hash(NikError("date", "a"))


def _parse_in_worker(text: str) -> str:
    return adminduk.Nik.parse(text).reveal()


def _office_in_worker(code: str) -> str:
    return adminduk.get_office(code).code


def test_errors_cross_a_process_pool() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        with pytest.raises(NikError) as caught:
            pool.submit(_parse_in_worker, "3513013201900001").result(timeout=60)
        assert caught.value.part == "date"
        with pytest.raises(adminduk.OfficeNotFound) as missing:
            pool.submit(_office_in_worker, "probolinggo").result(timeout=60)
        assert missing.value.suggestions
        # The pool still works after the errors: none of them broke it.
        assert pool.submit(_parse_in_worker, "3513014501900001").result(timeout=60)
