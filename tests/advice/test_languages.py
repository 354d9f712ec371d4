"""Languages: to_message and reasons take BCP 47 tags in any case, other languages are refused,
and an Indonesian reply cites its sources without English words."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import adminduk
from adminduk import Citation, OutOfRange
from adminduk.offices import NATIONAL_SOURCES
from tests.every_office import BUILT_IN_CODES

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


# --- The sources an Indonesian reply cites ---------------------------------------------------
#
# A reply lists its sources by title, publisher and date. Titles and publishers are names (a
# newspaper, a domain, a document as published), so they are never translated; but a caveat
# written in English beside a name ("Scribd (third-party copy)", "disdukcapilkudus.com (domain
# not verified as the office's)", "Pemerintah Kabupaten Belu, on SIPPN") is English in an
# Indonesian reply. Such caveats belong in the source's ``note``, which no reply prints.

# English function words and the caveats once found in publisher fields. Not "online" or
# "via": published Indonesian titles use them ("Alihkan Pelayanan ke Online").
SOURCE_ENGLISH = re.compile(
    r"\b(on|the|of|and|in|at|by|for|from|with|as|not|its|only|copy|verified|domain|"
    r"third-party|office|site|page|service|delivery|read)\b",
    re.IGNORECASE,
)
URL = re.compile(r"https?://\S+")
GRID_DAYS = (dt.date(2020, 3, 24), dt.date(2020, 4, 15), dt.date(2020, 5, 5), dt.date(2026, 12, 7))


def _english_in(citation: str) -> list[str]:
    return SOURCE_ENGLISH.findall(URL.sub("", citation))


@pytest.mark.parametrize("code", BUILT_IN_CODES)
def test_an_indonesian_reply_cites_its_sources_without_english(code: str) -> None:
    # The reply grid of CONTRIBUTING.md (scripts/reply_grid.py): every service, four days,
    # with and without an urgent need; the full reply's "Sumber:" line.
    for entry in adminduk.catalogue():
        for day in GRID_DAYS:
            for reasons in ((), ("bpjs",)):
                at = dt.datetime.combine(day, dt.time(10))
                advice = adminduk.advise(code, entry.service, at=at, reasons=reasons)
                message = advice.to_message("id")
                line = next(x for x in message.splitlines() if x.startswith("Sumber: "))
                assert not _english_in(line), (entry.service.code, day, line)


@pytest.mark.parametrize("code", BUILT_IN_CODES)
def test_no_source_an_office_can_cite_carries_english_beside_its_name(code: str) -> None:
    # Every source of the file and of the national data, and every standard's title, as an
    # Indonesian reply would cite it: also those no reply of the grid happens to cite.
    office = adminduk.get_office(code)
    for key in (*office.sources, *NATIONAL_SOURCES):
        info = office.source_info(key)
        assert info is not None
        citation = Citation(key=key, title=info.title, publisher=info.publisher).text("id")
        assert not _english_in(citation), (key, citation)
    for standard in office.standards:
        assert not _english_in(standard.title_id), (standard.id, standard.title_id)


@pytest.mark.parametrize("code", BUILT_IN_CODES)
def test_a_source_title_does_not_name_its_publisher_again(code: str) -> None:
    # A reply prints "title (publisher, date)": a title ending in "(... Kabupaten X)" beside a
    # publisher naming Kabupaten X read "Kutipan Akta Kematian (standar pelayanan Disdukcapil
    # Kabupaten Way Kanan) (Dinas Kependudukan dan Pencatatan Sipil Kabupaten Way Kanan)".
    office = adminduk.get_office(code)
    for key, info in office.sources.items():
        last = re.search(r"\(([^()]*)\)$", info.title)
        if last is None or info.publisher is None:
            continue
        assert office.region not in last.group(1) or office.region not in info.publisher, (
            key,
            str(info),
        )
