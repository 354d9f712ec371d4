"""to_message and reasons take BCP 47 tags in any case; other languages are named as refused."""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk import OutOfRange

AT = dt.datetime(2020, 3, 24, 10, 0)


@pytest.fixture(scope="module")
def advice() -> adminduk.Advice:
    return adminduk.advise("35.14", "kk/perubahan", at=AT)


@pytest.mark.parametrize(
    ("tag", "base"),
    [("id-ID", "id"), ("ID", "id"), ("id_id", "id"), ("in", "id"), ("EN", "en"),
     ("en-US", "en"), ("en_GB", "en"), (" en ", "en"), ("en-Latn-GB", "en")],
)  # fmt: skip
def test_a_tag_speaks_its_primary_language(advice: adminduk.Advice, tag: str, base: str) -> None:
    assert advice.to_message(tag) == advice.to_message(base)
    assert [r.text(tag) for r in advice.reasons] == [r.text(base) for r in advice.reasons]


@pytest.mark.parametrize("tag", ["fr", "jv-ID", "", "e", "english", "id--ID", None, 7])
def test_another_language_names_those_on_offer(advice: adminduk.Advice, tag: object) -> None:
    with pytest.raises(OutOfRange, match=r"Indonesian \(id, id-ID\) or English"):
        advice.to_message(tag)  # type: ignore[arg-type]
