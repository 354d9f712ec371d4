"""The office model: dated policies, the ordinary rules, lookups, provenance and the calendar."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

import adminduk
from adminduk.errors import OutOfRange, UnknownService
from adminduk.offices import (
    BUILTIN_URGENCY_REASONS,
    Channel,
    Note,
    SourceInfo,
    UrgencyReasonInfo,
    validate_office,
)
from tests.builders import channel_data, office_data, policy_data


def test_policy_at_takes_dates_and_datetimes_in_the_office_zone() -> None:
    office = adminduk.get_office("35.04")
    last = dt.datetime(2020, 4, 7, 23, 59)  # naive: office-local wall time
    assert office.policy_at(last).id == "se-470-318-105-2020"
    utc = dt.datetime(2020, 4, 7, 17, 30, tzinfo=dt.UTC)  # 00:30 on 8 April in WIB
    assert office.policy_at(utc).is_ordinary
    assert office.local_date(utc) == dt.date(2020, 4, 8)


@pytest.mark.parametrize("value", ["2020-03-20", 20200320, None])
def test_policy_at_refuses_other_types(value: object) -> None:
    with pytest.raises(OutOfRange, match=r"a datetime\.date or datetime\.datetime"):
        adminduk.get_office("35.04").policy_at(value)  # type: ignore[arg-type]


def test_the_ordinary_policy_is_cached_and_undated() -> None:
    office = adminduk.get_office("35.14")
    ordinary = office.ordinary_policy
    assert office.ordinary_policy is ordinary
    assert (ordinary.valid_from, ordinary.valid_until) == (None, None)
    assert not ordinary.covers(dt.date(2020, 1, 1))
    assert ordinary.title("en") == "Ordinary service"
    assert "adminduk default" in ordinary.source


def test_policy_titles_fall_back_to_the_id() -> None:
    office = validate_office(office_data(policies=[policy_data()]))
    assert office.policies[0].title() == "uji"
    mataram = adminduk.get_office("52.71").policies[0]
    assert mataram.title("en") == "Online service to reduce visits (Covid-19)"


def test_lookups_refuse_unknown_services() -> None:
    current = adminduk.get_office("35.14").policy_at(dt.date(2020, 3, 20))
    for lookup in (
        current.fulfilment_for,
        current.suspension_for,
        current.counter_only_for,
        current.channels_for,
    ):
        with pytest.raises(UnknownService):
            lookup("kk/hilang")
    with pytest.raises(UnknownService):
        current.channels[0].takes("paspor/baru")


def test_lookups_accept_service_values() -> None:
    current = adminduk.get_office("35.14").policy_at(dt.date(2020, 3, 20))
    service = adminduk.Service.parse("kk/baru")
    assert current.channels_for(service) == current.channels_for("kk/baru")


def test_source_of_uses_cite_then_the_policy_source() -> None:
    current = adminduk.get_office("35.13").policy_at(dt.date(2020, 3, 20))
    assert current.source_of("hours") == "A0"
    assert current.source_of("walk_ins_without_whatsapp") == "A0; A1"


def test_describe_source_spells_out_keys() -> None:
    office = adminduk.get_office("35.13")
    text = office.describe_source("A1; Keppres 68/1995")
    assert text.startswith("A1: Dispendukcapil di Pasuruan-Probolinggo")
    assert "(Jawa Pos Radar Bromo, 2020-03-24)" in text
    assert text.endswith("; Keppres 68/1995")


def test_source_info_renders_what_it_has() -> None:
    assert str(SourceInfo(title="Judul")) == "Judul"
    assert str(SourceInfo(title="Judul", published="2020-01-02")) == "Judul (2020-01-02)"
    with pytest.raises(ValueError, match="http\\(s\\) URL"):
        SourceInfo(title="x", url="ftp://x")


def test_notes_and_reasons_speak_both_languages() -> None:
    note = Note(text_id="Halo", text_en="Hello", source="x")
    assert (note.text(), note.text("en")) == ("Halo", "Hello")
    reason = BUILTIN_URGENCY_REASONS["tni-polri"]
    assert isinstance(reason, UrgencyReasonInfo)
    assert reason.name() == "Pendaftaran TNI/Polri"
    assert "TNI/Polri" in reason.name("en")
    assert reason.source == "DIRJEN-2978-2020"
    assert "443.1/2978" in adminduk.offices.NATIONAL_SOURCES[reason.source].title


def test_whatsapp_links_carry_a_message() -> None:
    ch = Channel(
        kind="whatsapp", address="+6281359547691", label="WA", services=["kk/*"], source="s"
    )
    assert ch.published_as is None  # already E.164: nothing else was printed
    assert ch.link("Permohonan KK") == "https://wa.me/6281359547691?text=Permohonan%20KK"
    app = Channel(kind="app", address="uji.example", label="App", services=["kk/*"], source="s")
    assert app.link() is None


def test_standalone_models_skip_file_level_checks() -> None:
    # Outside a file there is no [sources] table and no office reasons to check against.
    current = adminduk.Policy(
        id="x",
        valid_from=dt.date(2030, 1, 1),
        source="ANY-KEY",
        in_person="urgent-only",
        urgency_reasons=["own-reason"],
    )
    assert current.accepts("own-reason")


def test_the_calendar_is_built_once_per_office() -> None:
    office = adminduk.get_office("35.13")
    assert office.calendar() is office.calendar()
    assert office.calendar_spec is office.calendar_spec


def test_an_office_with_its_own_hours_uses_them_as_background() -> None:
    office = validate_office(
        office_data(
            hours={"senin": "07:00-14:00"},
            hours_source="S",
            policies=[
                policy_data(
                    valid_until="2030-01-31", hours={"senin": "09:00-10:00"}, cite={"hours": "S"}
                )
            ],
        )
    )
    spec = office.calendar_spec
    assert [p.is_default for p in spec.periods] == [False, False]
    assert spec.periods[0].source.startswith("S: Sumber uji")
    cal = office.calendar()
    assert cal.is_open(dt.datetime(2030, 1, 7, 9, 30))
    assert not cal.is_open(dt.datetime(2030, 1, 7, 8, 0))
    assert cal.is_open(dt.datetime(2030, 2, 11, 8, 0))  # the office's own hours again
    assert cal.zone == ZoneInfo("Asia/Jakarta")


def test_cuti_bersama_choice_reaches_the_calendar() -> None:
    office = validate_office(office_data(closes_on_cuti_bersama=False, cuti_bersama_source="S"))
    assert office.calendar_spec.closes_on_cuti_bersama is False
    assert office.calendar_spec.cuti_bersama_source.startswith("S: ")
    default = validate_office(office_data())
    assert default.calendar_spec.closes_on_cuti_bersama is True
    assert "collective leave" in default.calendar_spec.cuti_bersama_source


def test_closures_reach_the_calendar() -> None:
    closure = {
        "start": "2030-01-07",
        "end": "2030-01-08",
        "reason_id": "Banjir",
        "reason_en": "Flood",
        "source": "S",
    }
    office = validate_office(office_data(closures=[closure]))
    cal = office.calendar()
    assert not cal.is_open(dt.datetime(2030, 1, 7, 10, 0))
    assert cal.is_open(dt.datetime(2030, 1, 9, 10, 0))


def test_channels_for_lists_every_channel_in_file_order() -> None:
    office = validate_office(
        office_data(
            policies=[
                policy_data(
                    channels=[
                        channel_data(),
                        channel_data(kind="portal", address="https://p.example"),
                    ]
                )
            ]
        )
    )
    kinds = [ch.kind for ch in office.policies[0].channels_for("kk/baru")]
    assert kinds == ["app", "portal", "counter"]
    assert [ch.kind for ch in office.policies[0].channels_for("kia/baru")] == ["counter"]
