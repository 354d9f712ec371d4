"""Strict office files, plain messages, public models that raise only ConfigError, and files
that load only when every answer can be given (issues 13 and 14)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import adminduk
import adminduk.offices
import adminduk.schedule
from adminduk.errors import ConfigError
from adminduk.offices import load_office, parse_office, validate_office
from adminduk.offices._loading import MAX_OFFICE_FILE_BYTES
from tests.builders import channel_data, office_data, policy_data

S = {"source": "S"}


def messages(data: Any) -> dict[str, str]:
    with pytest.raises(ConfigError) as caught:
        validate_office(data)
    return {p.path: str(p) for p in caught.value.problems}


# -- nothing is coerced across types ------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "path", "expected"),
    [
        (
            office_data(policies=[policy_data(online_first=1)]),
            "policies[0].online_first",
            "expected true or false (without quotes), got a whole number (got 1)",
        ),
        (
            office_data(policies=[policy_data(urgency_reasons_exhaustive="no")]),
            "policies[0].urgency_reasons_exhaustive",
            "expected true or false (without quotes), got text in quotes (got 'no')",
        ),
        (
            office_data(
                policies=[
                    policy_data(
                        fulfilment=[
                            {"pickup": "dinas", "processing_working_days": "5", **S},
                        ]
                    )
                ]
            ),
            "policies[0].fulfilment[0].processing_working_days",
            "expected a whole number (without quotes), got text in quotes (got '5')",
        ),
        (
            office_data(closes_on_cuti_bersama="true"),
            "closes_on_cuti_bersama",
            "expected true or false (without quotes), got text in quotes",
        ),
        (
            office_data(review_period_days=30.0),
            "review_period_days",
            "expected a whole number (without quotes), got a decimal number",
        ),
        (
            office_data(policies=[policy_data(channels=[channel_data(services="kk/*")])]),
            "policies[0].channels[0].services",
            'expected a list, e.g. ["..."], got text in quotes',
        ),
        (office_data(sources=["S"]), "sources", "expected a table of keys, got a list"),
        (
            office_data(policies=[policy_data(valid_from="18 March 2020")]),
            "policies[0].valid_from",
            "expected a date such as 2020-03-18",
        ),
    ],
)
def test_nothing_is_coerced_and_messages_speak_the_files_terms(
    data: dict[str, Any], path: str, expected: str
) -> None:
    found = messages(data)
    assert path in found, found
    assert expected in found[path]
    assert "Input should be" not in found[path]
    assert "valid tuple" not in found[path]


def test_the_values_a_file_should_hold_still_load() -> None:
    office = validate_office(
        office_data(
            review_period_days=30,
            policies=[
                policy_data(
                    online_first=True,
                    fulfilment=[{"pickup": "dinas", "processing_working_days": 5, **S}],
                )
            ],
        )
    )
    assert office.policies[0].online_first is True
    assert office.policies[0].fulfilment[0].processing_working_days == 5
    # JSON has no dates: a JSON file writes them as text, and they are read as dates.
    assert office.model_validate_json(json.dumps(office_data(policies=[policy_data()]))).policies[
        0
    ].valid_from == dt.date(2030, 1, 1)


# -- the office's own reason for an unknown address ---------------------------------------------
def test_the_office_explains_an_unknown_address_for_its_counter() -> None:
    office = validate_office(
        office_data(
            address_unknown_reason="the office moved and no source gives the new address",
            address_unknown_reason_id="kantor pindah; alamat baru belum disebut sumber",
        )
    )
    counter = office.ordinary_policy.counter
    assert counter is not None
    assert (
        counter.unknown_address_reason("id") == "kantor pindah; alamat baru belum disebut sumber"
    )
    assert counter.unknown_address_reason("en").startswith("the office moved")
    default = validate_office(office_data()).ordinary_policy.counter
    assert default is not None
    assert default.unknown_address_reason("en") == "the sources give no street address"


def test_an_office_reason_comes_in_both_languages_and_not_beside_an_address() -> None:
    found = messages(office_data(address_unknown_reason_id="belum diketahui"))
    assert "both Indonesian and English" in found["address_unknown_reason"]
    found = messages(
        office_data(
            address="Jalan Uji 1",
            address_source="S",
            address_unknown_reason="x",
            address_unknown_reason_id="x",
        )
    )
    assert "not both" in found["address_unknown_reason"]


def _listed_counter(**overrides: object) -> dict[str, object]:
    counter = channel_data(kind="counter", address=None, label="Loket uji", services=["*"])
    counter.update(overrides)
    return counter


def test_a_counter_listed_without_a_place_is_at_the_office_address() -> None:
    office = validate_office(
        office_data(
            address="Jalan Uji 1",
            address_source="A",
            sources={"S": {"title": "Sumber uji"}, "A": {"title": "Alamat uji"}},
            policies=[policy_data(channels=[_listed_counter()])],
        )
    )
    counter = office.policies[0].counter
    assert counter is not None
    assert counter.address == "Jalan Uji 1"
    assert counter.address_unknown_reason is None
    assert counter.source == "S; A"  # where the address comes from is cited with it


def test_a_counter_listed_without_a_place_takes_the_office_reason() -> None:
    office = validate_office(
        office_data(
            address_unknown_reason="the office moved",
            address_unknown_reason_id="kantor pindah",
            ordinary={"source": "S", "channels": [_listed_counter()]},
        )
    )
    counter = office.ordinary_policy.counter
    assert counter is not None
    assert counter.address is None
    assert counter.unknown_address_reason("id") == "kantor pindah"
    assert counter.unknown_address_reason("en") == "the office moved"
    assert counter.source == "S"


def test_a_counter_that_says_where_it_is_keeps_its_own_place() -> None:
    office = validate_office(
        office_data(
            address="Jalan Uji 1",
            address_source="S",
            policies=[
                policy_data(
                    valid_until="2030-12-31",
                    channels=[_listed_counter(address="Mal Pelayanan Publik")],
                ),
                policy_data(
                    id="uji-2",
                    valid_from="2031-01-01",
                    channels=[
                        _listed_counter(
                            address_unknown_reason="a tent, place not given",
                            address_unknown_reason_id="tenda, tempat tidak disebut",
                        )
                    ],
                ),
            ],
        )
    )
    first, second = (p.counter for p in office.policies)
    assert first is not None
    assert first.address == "Mal Pelayanan Publik"
    assert second is not None
    assert second.address is None
    assert second.unknown_address_reason("en") == "a tent, place not given"


def test_without_an_office_place_a_listed_counter_still_needs_its_own() -> None:
    found = messages(office_data(policies=[policy_data(channels=[_listed_counter()])]))
    assert "address_unknown_reason" in found["policies[0].channels[0].address_unknown_reason"]
    # Only counters are at the office: a WhatsApp line without a number is not.
    whatsapp = channel_data(kind="whatsapp", address=None, label="WA uji")
    found = messages(
        office_data(
            address="Jalan Uji 1", address_source="S", policies=[policy_data(channels=[whatsapp])]
        )
    )
    assert "policies[0].channels[0].address_unknown_reason" in found


# -- public models raise ConfigError, and show their public path ----------------------------------
def _public_models() -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for package in (adminduk.offices, adminduk.schedule):
        for name in package.__all__:
            obj = getattr(package, name)
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                found.append(obj)
    return [*found, adminduk.Advice, adminduk.ServiceRequest]


@pytest.mark.parametrize("model", _public_models(), ids=lambda m: m.__name__)
def test_every_public_model_raises_only_config_error(model: type[BaseModel]) -> None:
    with pytest.raises(ConfigError):
        model.model_validate({"no_such_key": 1})
    with pytest.raises(ConfigError):
        model.model_validate_json('{"no_such_key": 1}')
    with pytest.raises(ConfigError):
        model.model_validate_strings({"no_such_key": "1"})
    with pytest.raises(ConfigError):
        model(no_such_key=1)
    with pytest.raises(ConfigError):
        model.model_validate_json("not json")


@pytest.mark.parametrize("model", _public_models(), ids=lambda m: m.__name__)
def test_public_models_show_their_public_path(model: type[BaseModel]) -> None:
    assert "._" not in model.__module__
    assert "._" not in repr(model)


# -- an office file that loads answers (issue 14) -------------------------------------------------
def test_an_office_that_never_reopens_loads_only_with_a_reason_and_then_answers() -> None:
    closure = {
        "start": "2020-03-23",
        "end": "2099-12-31",
        "reason_id": "Tutup",
        "reason_en": "Closed",
        **S,
    }
    found = messages(office_data(closures=[closure]))
    assert "never opens again" in found["closures[0].end"]
    office = validate_office(
        office_data(
            closures=[closure],
            never_reopens_reason="the office merged into another",
            never_reopens_reason_id="kantor digabung dengan kantor lain",
        )
    )
    advice = adminduk.advise(office, "kk/perubahan", at=dt.datetime(2020, 3, 24, 10, 0))
    assert advice.next_opening is None
    assert not advice.office_open


def test_a_file_with_a_byte_order_mark_is_read() -> None:
    text = "\ufeff" + Path(
        "examples/adminduk-kantor-contoh/src/adminduk_kantor_contoh/kabupaten-contoh.toml"
    ).read_text(encoding="utf-8")
    assert parse_office(text).code == "99.01"
    assert parse_office(text.encode("utf-8")).code == "99.01"


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_number_too_large_is_named(fmt: str) -> None:
    digits = "9" * 5000
    text = f"code = {digits}" if fmt == "toml" else f'{{"code": {digits}}}'
    with pytest.raises(ConfigError, match="a number in the file is too large"):
        parse_office(text, format=fmt)  # type: ignore[arg-type]


def test_a_number_out_of_range_is_named_with_its_range() -> None:
    found = messages(office_data(review_period_days=10**30))
    assert "must be at most 3650" in found["review_period_days"]


def test_an_office_file_has_a_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_text("# padding\n" * (MAX_OFFICE_FILE_BYTES // 10 + 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="more than the 524,288 an office file may have"):
        load_office(path)
    with pytest.raises(ConfigError, match="more than the 524,288"):
        parse_office("#" * (MAX_OFFICE_FILE_BYTES + 1))


# -- every problem at once, every level (issue 14 item 5) -----------------------------------------
def test_every_level_reports_its_problems_in_one_round() -> None:
    data = office_data(
        slug="kota-uji",  # office level: the slug does not fit the kind of the code
        colour="blue",  # office level: an unknown key
        extra_openings=[
            {
                "date": "2030-01-05",
                "hours": ["08:00-12:00"],
                "reason_id": "a",
                "reason_en": "a",
                **S,
            },
            {
                "date": "2030-01-05",
                "hours": ["13:00-15:00"],
                "reason_id": "a",
                "reason_en": "a",
                **S,
            },
        ],
        policies=[
            policy_data(
                id="a",
                online_first="yes",  # policy level: a type
                in_person="urgent-only",  # policy level: across fields, with no reasons
                fulfilment=[
                    # fulfilment level: a field and a check across fields, both
                    {"pickup": "dinas", "delivers": True, "processing_working_days": -1, **S}
                ],
            ),
            policy_data(id="b", valid_from="2030-06-01"),  # office level: overlaps policy a
        ],
    )
    found = messages(data)
    assert set(found) == {
        "slug",
        "colour",
        "extra_openings[1].date",
        "policies[0].online_first",
        "policies[0].urgency_reasons",
        "policies[0].fulfilment[0].delivers",
        "policies[0].fulfilment[0].processing_working_days",
        "policies[1].valid_from",
    }
    assert "must be at least 0" in found["policies[0].fulfilment[0].processing_working_days"]


def test_a_broken_part_of_a_list_still_counts_for_the_checks_across_the_list() -> None:
    data = office_data(
        policies=[
            policy_data(
                channels=[
                    channel_data(),
                    channel_data(kind="fax"),
                ],  # the second channel is broken
                suspended=[
                    {
                        "services": ["kk/*"],
                        "mode": "defer",
                        "reason_id": "x",
                        "reason_en": "x",
                        **S,
                    }
                ],
            )
        ]
    )
    found = messages(data)
    assert set(found) == {"policies[0].channels[1].kind", "policies[0].suspended[0].services"}


def test_the_kits_classes_show_their_public_path() -> None:
    import adminduk.testing

    for name in ("Check", "Finding", "Severity"):
        assert getattr(adminduk.testing, name).__module__ == "adminduk.testing"
