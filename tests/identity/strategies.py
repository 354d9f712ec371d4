"""Hypothesis strategies for the identity tests: valid NIKs with their parts, and spellings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import strategies as st

from adminduk.identity import Sex, provinces
from adminduk.regions import regions

PROVINCE_CODES = tuple(p.code for p in provinces())
REGENCY_NUMBERS = tuple(range(1, 70)) + tuple(range(71, 100))
# Kecamatan on the newest list: valid whatever the birth date (Nik.parse checks the lists).
DISTRICTS = tuple(place.code for place in regions(level="kecamatan"))


@dataclass(frozen=True)
class NikParts:
    province: str
    regency: int
    district: int
    birth_date: date
    sex: Sex
    serial: int
    reference_date: date

    @property
    def digits(self) -> str:
        day = self.birth_date.day + (40 if self.sex is Sex.FEMALE else 0)
        return (
            f"{self.province}{self.regency:02d}{self.district:02d}"
            f"{day:02d}{self.birth_date.month:02d}{self.birth_date.year % 100:02d}"
            f"{self.serial:04d}"
        )


def _hundred_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 100)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 100, day=28)


@st.composite
def nik_parts(draw: st.DrawFn) -> NikParts:
    reference = draw(st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31)))
    birth = draw(
        st.dates(
            min_value=_hundred_years_before(reference) + timedelta(days=1), max_value=reference
        )
    )
    province, regency, district = draw(st.sampled_from(DISTRICTS)).split(".")
    return NikParts(
        province=province,
        regency=int(regency),
        district=int(district),
        birth_date=birth,
        sex=draw(st.sampled_from(Sex)),
        serial=draw(st.integers(1, 9999)),
        reference_date=reference,
    )


@st.composite
def typed(draw: st.DrawFn, digits: str) -> str:
    """``digits`` as a person might type them: spaces or dots between some digits."""
    out = []
    for ch in digits:
        out.append(ch)
        out.append(draw(st.sampled_from(["", "", "", " ", ".", "  "])))
    return draw(st.sampled_from(["", " ", "\t"])) + "".join(out)
