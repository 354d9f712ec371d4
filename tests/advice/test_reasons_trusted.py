"""An answer's reasons and citations are built without validation: each equals its validated copy.

``advice._reasons`` builds them with ``trusted()`` from values already of the fields' types, so
that a first answer builds no validator; here every reason of many answers (every built-in
office, a baseline office and the plugin office; services; days before, during and after the
2020 measures; urgent reasons) is validated again, with the fields it set, and compared.
"""

from __future__ import annotations

import datetime as dt

import pytest

import adminduk
from adminduk.advice import AdviceReason, Citation
from adminduk.offices import BUILTIN_OFFICES

OFFICES = (*sorted(BUILTIN_OFFICES), "35.01", "99.01")
SERVICES = ("kk/perubahan", "ktp-el/baru", "akta-kelahiran/baru", "kia/baru")
MOMENTS = (dt.datetime(2020, 3, 24, 10), dt.datetime(2020, 6, 2, 8), dt.datetime(2024, 1, 10, 9))


def _validated(value: AdviceReason | Citation) -> AdviceReason | Citation:
    """``value`` made again by validation, from the fields it set."""
    fields = {name: getattr(value, name) for name in value.model_fields_set}
    if isinstance(value, AdviceReason):
        fields["citations"] = tuple(_validated(c) for c in value.citations)
    return type(value).model_validate(fields)


@pytest.mark.parametrize("code", OFFICES)
def test_every_reason_and_citation_is_its_validated_copy(code: str) -> None:
    office = adminduk.get_office(code)
    seen = 0
    for service in SERVICES:
        for at in MOMENTS:
            for reasons in ((), ("bpjs",)):
                advice = adminduk.advise(office, service, at=at, reasons=reasons)
                for reason in advice.reasons:
                    again = _validated(reason)
                    assert again == reason
                    assert again.model_fields_set == reason.model_fields_set
                    assert all(type(v) is type(getattr(again, k)) for k, v in reason)
                    for citation, copy in zip(reason.citations, again.citations, strict=True):
                        assert copy == citation
                        assert copy.model_fields_set == citation.model_fields_set
                        assert all(type(v) is type(getattr(copy, k)) for k, v in citation)
                    seen += 1
    assert seen
