"""Hypothesis strategies for adminduk's domain values: what our own property tests use.

Every strategy generates **valid** values (a NIK that parses, an office file that loads and
passes :func:`~adminduk.testing.check_office` without errors, a lifecycle the transition table
allows), so a property that fails points at the code under test, not at the generator. Values
are biased towards the places where bugs live: opening and closing minutes, Fridays, holidays,
the first and last day of a policy.

This module imports ``hypothesis``; install it with ``pip install "adminduk[test]"``.

Examples:
    >>> from hypothesis import given
    >>> from adminduk.testing import strategies as ads
    >>> @given(ads.niks(region="35.13"))
    ... def test_regency(nik):
    ...     assert nik.regency_code == "35.13"
    >>> test_regency()
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from typing import Any, Final, NamedTuple

from hypothesis import strategies as st

from adminduk.documents import Service, catalogue
from adminduk.errors import OutOfRange
from adminduk.identity import Nik, Sex, find_province, normalize_whatsapp, provinces
from adminduk.lifecycle import INITIAL_STATUS, TRANSITIONS, RequestEvent
from adminduk.offices import BUILTIN_URGENCY_REASONS, OfficeConfig, get_office, validate_office
from adminduk.regions import region_lists, regions
from adminduk.schedule import INDONESIAN_ZONES, SUPPORTED_FROM, SUPPORTED_UNTIL, national_days

__all__ = [
    "NIK_REFERENCE_DATE",
    "Step",
    "event_sequences",
    "instants",
    "names",
    "niks",
    "office_data",
    "offices",
    "services",
    "whatsapp_numbers",
]

_REGION: Final = re.compile(r"^(\d{2})(?:\.?(\d{2})(?:\.?(\d{2}))?)?$")
_REGENCIES: Final = st.integers(1, 69) | st.integers(71, 99)  # kabupaten 01-69, kota 71-99
# Mobile prefixes of the Indonesian operators (libphonenumber metadata for ID, domain-facts §5).
_MOBILE_PREFIXES: Final = (
    "811", "812", "813", "821", "822", "823", "851", "852", "853",  # Telkomsel
    "814", "815", "816", "855", "856", "857", "858",  # Indosat
    "817", "818", "819", "859", "877", "878",  # XL Axiata
    "881", "882", "883", "884", "885", "886", "887", "888", "889",  # Smartfren
    "895", "896", "897", "898", "899",  # Tri
)  # fmt: skip
# Minutes where office hours typically begin and end: boundaries are where bugs live.
_GRID: Final = (
    *(
        dt.time(h, m)
        for h, m in (
            (0, 0), (7, 0), (7, 30), (7, 59), (8, 0), (11, 0), (11, 30), (12, 0), (13, 0),
            (14, 0), (15, 0), (15, 30), (16, 0), (23, 59),
        )
    ),
    dt.time(23, 59, 59, 999_999),
)  # fmt: skip
_NUDGES: Final = (
    dt.timedelta(0),
    dt.timedelta(microseconds=-1),
    dt.timedelta(minutes=-1),
    dt.timedelta(minutes=1),
)
_PLACES: Final = ("uji", "contoh", "sampel", "coba", "percobaan", "teladan")


# --------------------------------------------------------------------------- services
def services() -> st.SearchStrategy[Service]:
    """Services of the national catalogue.

    Examples:
        >>> from hypothesis import given
        >>> from adminduk import catalogue
        >>> @given(services())
        ... def test(service):
        ...     assert service in catalogue()
        >>> test()
    """
    # Drawn by code and parsed, so a failing example reads `parse('kk/baru')`.
    return st.sampled_from(tuple(entry.code for entry in catalogue())).map(Service.parse)


# --------------------------------------------------------------------------- identity
def _region(region: str | None) -> tuple[str | None, int | None, int | None]:
    if region is None:
        return None, None, None
    valid = "a province '35', a regency '35.13' or a district '35.13.01'"
    match = _REGION.match(region) if isinstance(region, str) else None
    if match is None:
        raise OutOfRange("region", region, valid)
    province, regency, district = match.groups()
    if find_province(province) is None:
        raise OutOfRange("region", region, f"{valid}, in a province of provinces()")
    number = None if regency is None else int(regency)
    if number is not None and number in (0, 70):
        raise OutOfRange("region", region, f"{valid}; regencies run 01-69 and 71-99")
    place = None if district is None else int(district)
    if place == 0:
        raise OutOfRange("region", region, f"{valid}; districts run 01-99")
    return province, number, place


NIK_REFERENCE_DATE: Final = dt.date(2025, 12, 31)
"""The date :func:`niks` reads its NIKs against unless told otherwise: fixed, not today."""


def niks(
    region: str | None = None,
    sex: Sex | str | None = None,
    *,
    reference_date: dt.date = NIK_REFERENCE_DATE,
) -> st.SearchStrategy[Nik]:
    """Valid NIKs, optionally of one region and one sex.

    Birth dates run from 1 January 99 years before ``reference_date`` to that date, so
    ``Nik.parse(nik.reveal(), reference_date=...)`` with the same date gives the same birth
    date again (the two-digit year resolves to the same century). The default is a fixed date
    (:data:`NIK_REFERENCE_DATE`), never the day the tests run, so a run draws the same NIKs
    whatever the date and the host's zone.

    Args:
        region: a province (``"35"``), regency (``"35.13"``) or district (``"35.13.01"``)
            code; the NIK was first registered there.
        sex: :class:`~adminduk.identity.Sex` or its value (``laki-laki``, ``perempuan``).
        reference_date: the date each NIK is read against (see ``Nik.parse``).

    Raises:
        OutOfRange: ``region``, ``sex`` or ``reference_date`` is not valid.

    Examples:
        >>> from hypothesis import given
        >>> from adminduk.identity import Sex
        >>> @given(niks(region="52", sex="perempuan"))
        ... def test(nik):
        ...     assert nik.province_code == "52" and nik.sex is Sex.FEMALE
        ...     assert int(nik.reveal()[6:8]) > 40
        >>> test()
        >>> niks(region="35.70")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: region='35.70' is out of range; valid: a province '35', a regency '35.13' or a district '35.13.01'; regencies run 01-69 and 71-99
    """  # noqa: E501
    province, regency, district = _region(region)
    if sex is None:
        sexes: Sequence[Sex] = tuple(Sex)
    else:
        try:
            sexes = (Sex(sex),)
        except ValueError:
            raise OutOfRange(
                "sex", sex, "laki-laki or perempuan (adminduk.identity.Sex)"
            ) from None
    if not isinstance(reference_date, dt.date) or reference_date.year < 100:
        raise OutOfRange("reference_date", reference_date, "a datetime.date in year 100 or later")
    today = reference_date
    earliest = dt.date(today.year - 99, 1, 1)
    # Nik.parse checks the kecamatan against the region lists, valid until the birth date:
    # draw a listed one, then a birth date it was still valid on.
    prefix = "".join(
        f"{part:02d}" if isinstance(part, int) else part
        for part in (province, regency, district)
        if part is not None
    )
    places = tuple(
        (code, min(today, until or today))
        for code, until in _listed_districts()
        if code.startswith(prefix) and (until is None or until >= earliest)
    )
    if not places:
        raise OutOfRange("region", region, "a region with a kecamatan on adminduk.regions()")

    @st.composite
    def build(draw: st.DrawFn) -> Nik:
        place, latest = draw(st.sampled_from(places))
        born = draw(st.dates(earliest, latest))
        chosen = draw(st.sampled_from(sexes))
        day = born.day + (40 if chosen is Sex.FEMALE else 0)
        serial = draw(st.integers(1, 9999))
        digits = f"{place}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
        return Nik.parse(digits, reference_date=today)

    return build()


@cache
def _listed_districts() -> tuple[tuple[str, dt.date | None], ...]:
    """Every kecamatan code on a shipped region list (digits only), with its last valid day."""
    seen: dict[str, dt.date | None] = {}
    for listed in region_lists():
        for place in regions(level="kecamatan", on=listed.since):
            seen[place.code.replace(".", "")] = place.valid_until
    return tuple(sorted(seen.items()))


def whatsapp_numbers(*, spelled: bool = True) -> st.SearchStrategy[str]:
    """Indonesian mobile numbers, as people write them (or in E.164 with ``spelled=False``).

    Every number is accepted by :func:`~adminduk.identity.normalize_whatsapp`. These are
    random numbers: treat them as a citizen's (personal data) in tests.

    Examples:
        >>> from hypothesis import given
        >>> from adminduk.identity import normalize_whatsapp
        >>> @given(whatsapp_numbers())
        ... def test(text):
        ...     assert normalize_whatsapp(text).startswith("+628")
        >>> test()
    """

    @st.composite
    def build(draw: st.DrawFn) -> str:
        prefix = draw(st.sampled_from(_MOBILE_PREFIXES))
        rest = draw(st.text("0123456789", min_size=7, max_size=9))
        national = prefix + rest
        e164 = normalize_whatsapp("0" + national)
        if not spelled:
            return e164
        groups = [national[:3], national[3:7], national[7:]]
        style = draw(st.integers(0, 5))
        if style == 0:
            return "0" + national
        if style == 1:
            return "0" + "-".join(groups)
        if style == 2:
            return "+62 " + " ".join(groups)
        if style == 3:
            return "62" + national
        if style == 4:
            return "0" + ".".join(groups)
        return e164

    return build()


# --------------------------------------------------------------------------- names
# Words built of consonant-vowel syllables (with at most a closing consonant) cannot spell a
# title or a short form such as "Muh" or "S.H.": those need a cluster or are one syllable.
_ONSETS: Final = (*"bdgklmnprstwy", "ng", "ny")
_VOWELS: Final = tuple("aeiou")
_CODAS: Final = ("", "", "", "k", "r", "s", "t", "ng")
# Titles as they are written on a KK or KTP-el (names.toml names the article that allows them).
_FRONT_TITLES: Final = ("Dr.", "Prof.", "Ir.", "Drs.", "H.", "Hj.", "K.H.", "R.", "Raden")
_BACK_TITLES: Final = ("S.H.", "S.Pd.", "S.Kom.", "M.Pd.", "M.M.", "A.Md.", "Ph.D.")


def names(*, titles: bool = False) -> st.SearchStrategy[str]:
    """Names that keep every rule :func:`~adminduk.check_name` applies, on any document.

    Two to six words of Latin letters, no longer than the rule allows, no digit,
    punctuation or abbreviation; in title case or, as a KTP-el prints it, in capitals. With
    ``titles=True`` a name may carry education, religious or adat titles, abbreviated, before
    and after it: such names keep the rules on a KK and a KTP-el only, not on an akta. Names
    are personal data: these are random ones.

    Examples:
        >>> from hypothesis import given
        >>> from adminduk import check_name
        >>> @given(names())
        ... def test(name):
        ...     assert check_name(name, document="akta-kelahiran") == ()
        >>> test()
    """
    word = st.builds(
        lambda syllables, coda: ("".join(syllables) + coda).capitalize(),
        st.lists(
            st.builds(str.__add__, st.sampled_from(_ONSETS), st.sampled_from(_VOWELS)),
            min_size=2,
            max_size=4,
        ),
        st.sampled_from(_CODAS),
    )
    from adminduk.documents._names import max_name_letters

    longest = max_name_letters()

    @st.composite
    def build(draw: st.DrawFn) -> str:
        words = draw(st.lists(word, min_size=2, max_size=6))
        front = draw(st.lists(st.sampled_from(_FRONT_TITLES), max_size=2)) if titles else []
        back = draw(st.lists(st.sampled_from(_BACK_TITLES), max_size=2)) if titles else []

        def written() -> str:
            tail = "".join(f", {title}" for title in back)
            return " ".join([*front, *words]) + tail

        while len(written()) > longest and len(words) > 2:
            words.pop()
        while len(written()) > longest and (front or back):
            (back or front).pop()
        name = written()
        return name.upper() if draw(st.booleans()) else name

    return build()


# --------------------------------------------------------------------------- instants
def _office(office: OfficeConfig | str) -> OfficeConfig:
    return office if isinstance(office, OfficeConfig) else get_office(office)


def _dated(office: OfficeConfig) -> list[dt.date]:
    """Every date at which the office's rules change, and the day on each side of it."""
    days: list[dt.date] = []
    for policy in office.policies:
        for day in (policy.valid_from, policy.valid_until):
            if day is not None:
                days.extend((day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)))
    for closure in office.closures:
        days.extend((closure.start - dt.timedelta(days=1), closure.start, closure.end))
    for override in office.hours_overrides:
        days.extend((override.start, override.end, override.end + dt.timedelta(days=1)))
    days.extend(opening.date for opening in office.extra_openings)
    return days


def _window(
    office: OfficeConfig, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date]:
    dated = _dated(office)
    year = dt.timedelta(days=366)
    lo = start or min([*dated, dt.date(2020, 1, 1)]) - year
    hi = end or max([*dated, dt.date(2025, 12, 31), lo + year]) + year
    if start is None and end is not None:
        lo = min(lo, end - year)
    # A closing at 24:00 on the last supported day would fall outside the calendar's range.
    lo = max(lo, SUPPORTED_FROM)
    hi = min(hi, SUPPORTED_UNTIL - dt.timedelta(days=1))
    if hi < lo:
        raise OutOfRange(
            "start/end", (start, end), f"a window within {SUPPORTED_FROM} to {SUPPORTED_UNTIL}"
        )
    return lo, hi


def instants(
    office: OfficeConfig | str, *, start: dt.date | None = None, end: dt.date | None = None
) -> st.SearchStrategy[dt.datetime]:
    """Aware instants in the office's zone, biased towards the office's edges.

    About half of the draws land on an edge: an opening or closing minute of the office's
    calendar (or the microsecond or minute before, or the minute after), a Friday (when many
    offices close early for the Friday prayer), a national holiday or cuti bersama day, and
    the first and last day of each policy, closure and hours override. The rest fall anywhere
    in the window.

    Args:
        office: an :class:`~adminduk.offices.OfficeConfig` or a registered code or slug.
        start: the first date (default: a year before the office's first dated rule, or 2019).
        end: the last date (default: a year after its last dated rule, or 2026).

    Raises:
        OfficeNotFound: ``office`` is not registered.
        OutOfRange: the window lies outside the years the calendar supports.

    Examples:
        >>> from hypothesis import given
        >>> from adminduk import get_office
        >>> office = get_office("52.71")
        >>> @given(instants(office))
        ... def test(at):
        ...     assert at.tzinfo is not None and at.utcoffset() == office.zone.utcoffset(at)
        >>> test()
    """
    config = _office(office)
    lo, hi = _window(config, start, end)
    zone = config.zone
    calendar = config.calendar()
    special = sorted({day for day in _dated(config) if lo <= day <= hi})
    holidays = [
        closed.date
        for year in range(lo.year, hi.year + 1)
        for closed in national_days(year)
        if lo <= closed.date <= hi
    ]
    fridays = st.dates(lo, hi).map(lambda d: d + dt.timedelta(days=(4 - d.weekday()) % 7))
    day_choices: list[st.SearchStrategy[dt.date]] = [st.dates(lo, hi)]
    day_choices.append(fridays.filter(lambda d: d <= hi))
    if special:
        day_choices.append(st.sampled_from(special))
    if holidays:
        day_choices.append(st.sampled_from(holidays))
    days = st.one_of(day_choices)

    @st.composite
    def build(draw: st.DrawFn) -> dt.datetime:
        day = draw(days)
        mode = draw(st.integers(0, 2))
        if mode == 0:
            intervals = calendar.day_info(day).intervals
            if intervals:
                edges = [edge for interval in intervals for edge in interval]
                edge = draw(st.sampled_from(edges))
                return (edge + draw(st.sampled_from(_NUDGES))).astimezone(zone)
        when = draw(st.sampled_from(_GRID)) if mode == 1 else draw(st.times()).replace(fold=0)
        return dt.datetime.combine(day, when, tzinfo=zone)

    return build()


# --------------------------------------------------------------------------- offices
def _hours(draw: st.DrawFn) -> dict[str, list[str]]:
    """Plausible weekly hours: Monday to Friday, maybe Saturday, a short Friday."""
    opens = draw(st.sampled_from([7 * 60, 7 * 60 + 30, 8 * 60]))
    closes = draw(st.sampled_from([12 * 60, 14 * 60, 15 * 60, 16 * 60]))
    friday_closes = draw(st.sampled_from([11 * 60, 11 * 60 + 30, closes]))

    def span(a: int, b: int) -> str:
        return f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"

    hours = {day: [span(opens, closes)] for day in ("senin", "selasa", "rabu", "kamis")}
    hours["jumat"] = [span(opens, friday_closes)]
    if draw(st.booleans()) and friday_closes < closes - 90:
        hours["jumat"].append(span(friday_closes + 90, closes))  # after the Friday prayer
    if draw(st.integers(0, 3)) == 0:
        hours["sabtu"] = [span(opens, 12 * 60)]
    return hours


def _group(codes: list[str], labels: Sequence[str], draw: st.DrawFn) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for code in codes:
        groups.setdefault(draw(st.sampled_from(labels)), []).append(code)
    return groups


def _remote_channels(draw: st.DrawFn, codes: list[str]) -> list[dict[str, Any]]:
    count = draw(st.integers(1, 3))
    kinds = [draw(st.sampled_from(["app", "whatsapp", "portal"])) for _ in range(count)]
    channels = []
    used: set[str] = set()  # a channel listed twice is refused (check channel-twice)
    for index, chosen in _group(codes, [str(i) for i in range(count)], draw).items():
        kind = kinds[int(index)]
        channel: dict[str, Any] = {
            "kind": kind,
            "label": f"Saluran {kind} {index}",
            "services": chosen,
            "source": "S",
        }
        if kind == "whatsapp":
            if draw(st.integers(0, 4)) == 0:
                # A number nobody can find is no route (issue 23): an office that names one
                # says where it is printed, or conformance reports the service unrouted.
                channel["address_unknown_reason"] = "the source prints the number on a banner"
                channel["how_to_find_id"] = "nomornya tercantum di spanduk depan kantor"
                channel["how_to_find_en"] = "the number is on the banner in front of the office"
            else:
                number = draw(
                    whatsapp_numbers().filter(lambda n: normalize_whatsapp(n) not in used)
                )
                used.add(normalize_whatsapp(number))
                channel["address"] = number
            channel["intake"] = ["photo"]
        else:
            host = draw(st.sampled_from(_PLACES))
            channel["address"] = f"https://layanan-{host}.example/{kind}/{index}"
            channel["intake"] = draw(
                st.lists(st.sampled_from(["photo", "scan", "pdf"]), max_size=3, unique=True)
            )
        channels.append(channel)
    return channels


def _fulfilment(draw: st.DrawFn, codes: list[str], closed: bool) -> list[dict[str, Any]]:
    rules = []
    for group, chosen in sorted(_group(codes, ["-", "a", "b"], draw).items()):
        if group == "-":
            continue  # no fulfilment rule: the sources say nothing about these
        pickup = draw(
            st.sampled_from(["dinas", "kecamatan", "village-office", "self-print", None])
        )
        rule: dict[str, Any] = {"services": chosen, "source": "S"}
        if pickup is None:
            rule["pickup_unknown_reason"] = "the source does not say where"
        else:
            rule["pickup"] = pickup
        if pickup in ("kecamatan", "village-office"):
            rule["delivers"] = draw(st.booleans())
        staffed = pickup in ("kecamatan", "village-office") or (pickup == "dinas" and not closed)
        if staffed:
            rule["originals_checked"] = draw(st.booleans())
        days = draw(st.none() | st.integers(0, 30))
        if days is not None:
            rule["processing_working_days"] = days
        rules.append(rule)
    return rules


def _rules(draw: st.DrawFn, reasons_pool: list[str]) -> dict[str, Any]:
    """One set of rules (ordinary or a policy) that loads and passes every error check."""
    # The draws stay in one fixed order, so that a saved failing example replays the same rules.
    stance = draw(st.sampled_from(["open", "urgent-only", "closed"]))
    rules: dict[str, Any] = {"source": "S", "in_person": stance}
    rules.update(_urgency_rules(draw, stance, reasons_pool))
    # Each service gets one fate; a closed counter leaves only channels and suspensions, so
    # that every service still has a route or is declared not offered.
    fates = (
        ["remote", "suspended"] if stance == "closed" else ["remote", "counter", "suspended", "-"]
    )
    codes = [service.code for service in catalogue().services]
    by_fate = _group(codes, fates, draw)
    if by_fate.get("remote"):
        rules.update(_remote_rules(draw, by_fate["remote"]))
    if by_fate.get("counter"):
        groups = _group(by_fate["counter"], ["biometric", "direct-verification"], draw)
        rules["counter_only"] = [
            {"services": chosen, "why": why, "source": "S"}
            for why, chosen in sorted(groups.items())
        ]
    if by_fate.get("suspended"):
        rules["suspended"] = _suspended(draw, by_fate["suspended"], stance)
    routed = [code for fate in ("remote", "counter", "-") for code in by_fate.get(fate, [])]
    if stance == "closed":
        routed = by_fate.get("remote", [])
    fulfilment = _fulfilment(draw, routed, stance == "closed")
    if fulfilment:
        rules["fulfilment"] = fulfilment
    if rules.get("urgency_reasons") and draw(st.booleans()):
        rules["non_urgent_asked_to_wait"] = True  # someone (the urgent) still gets through
    rules["walk_ins_without_whatsapp"] = draw(st.booleans())
    rules["online_first"] = draw(st.booleans())
    add_change = draw(st.booleans())
    if routed and add_change:
        rules["requirement_changes"] = _requirement_changes(draw, routed)
    if draw(st.booleans()):
        rules["hours"] = _hours(draw)
        rules["cite"] = {"hours": "W"}
    return rules


def _urgency_rules(draw: st.DrawFn, stance: str, reasons_pool: list[str]) -> dict[str, Any]:
    """The urgency reasons: required when only the urgent are served, optional when open."""
    rules: dict[str, Any] = {}
    if stance == "urgent-only":
        rules["urgency_reasons"] = draw(
            st.lists(st.sampled_from(reasons_pool), min_size=1, unique=True)
        )
        rules["urgency_reasons_exhaustive"] = draw(st.booleans())
    elif stance == "open" and draw(st.booleans()):
        rules["urgency_reasons"] = draw(st.lists(st.sampled_from(reasons_pool), unique=True))
    return rules


def _remote_rules(draw: st.DrawFn, remote: list[str]) -> dict[str, Any]:
    """Channels for the services served remotely, and where their in-person steps happen."""
    # A step that needs the person present is placed, as a conforming file does.
    present = [code for code in remote if catalogue()[code].in_person_steps]
    return {
        "channels": _remote_channels(draw, remote),
        "in_person_steps": [
            {
                "services": [code],
                "step": step.code,
                "unknown_reason_id": "sumber tidak menyebut tempat dan waktunya",
                "unknown_reason_en": "the source does not say where or when",
                "source": "S",
            }
            for code in present
            for step in catalogue()[code].in_person_steps[:1]
        ],
    }


def _suspended(draw: st.DrawFn, suspended: list[str], stance: str) -> list[dict[str, Any]]:
    """Suspensions of these services; only an urgent-only office may let the urgent through."""
    groups = _group(suspended, ["defer", "refuse"], draw)
    return [
        {
            "services": chosen,
            "mode": mode,
            "reason_id": "Layanan ditunda sementara",
            "reason_en": "The service is paused for now",
            "urgent_exempt": stance == "urgent-only" and draw(st.booleans()),
            "source": "S",
        }
        for mode, chosen in sorted(groups.items())
    ]


def _requirement_changes(draw: st.DrawFn, routed: list[str]) -> list[dict[str, Any]]:
    """One office item added to some of the services the office routes."""
    return [
        {
            "services": draw(st.lists(st.sampled_from(routed), min_size=1, unique=True)),
            "kind": "add",
            "item": {
                "code": "formulir-permohonan-kantor",
                "name_id": "Formulir permohonan kantor",
                "name_en": "The office's application form",
            },
            "source": "S",
        }
    ]


@st.composite
def _office_data(draw: st.DrawFn, fictional: bool | None, max_policies: int) -> dict[str, Any]:
    real = draw(st.booleans()) if fictional is None else not fictional
    if real:
        province = draw(st.sampled_from(provinces()))
        province_code, province_name, zone = province.code, province.name, province.timezone
    else:
        province_code, province_name = "99", "Provinsi Uji"
        zone = draw(st.sampled_from(INDONESIAN_ZONES))
    number = draw(_REGENCIES)
    kind = "kota" if number > 70 else "kabupaten"
    place = draw(st.sampled_from(_PLACES))
    region = f"{kind.title()} {place.title()}"
    data: dict[str, Any] = {
        "code": f"{province_code}.{number:02d}",
        "slug": f"{kind}-{place}",
        "name": f"Dinas Kependudukan dan Pencatatan Sipil {region}",
        "region": region,
        "province": province_name,
        "timezone": zone,
        "source": "S; W",
        "sources": {
            "S": {"title": "Keputusan Bupati tentang layanan adminduk (uji)", "publisher": "Uji"},
            "W": {"title": "Pengumuman layanan (uji)", "url": f"https://{place}.example/info"},
        },
    }
    if draw(st.booleans()):
        data["address"] = f"Jalan {place.title()} No. {draw(st.integers(1, 200))}"
        data["address_source"] = "W"
    if draw(st.booleans()):
        data["hours"] = _hours(draw)
        data["hours_source"] = "W"
    reasons = sorted(BUILTIN_URGENCY_REASONS)
    if draw(st.booleans()):
        data["urgency_reasons"] = [
            {
                "code": "bencana",
                "name_id": "Korban bencana",
                "name_en": "Disaster victims",
                "source": "S",
            }
        ]
        reasons.append("bencana")
    if draw(st.booleans()):
        data["ordinary"] = _rules(draw, reasons)
    start = draw(st.dates(dt.date(2001, 1, 1), dt.date(2090, 12, 31)))
    policies = []
    for index in range(draw(st.integers(0, max_policies))):
        policy = _rules(draw, reasons)
        policy["id"] = f"kebijakan-{index + 1}"
        policy["valid_from"] = start
        length = draw(st.integers(0, 400))
        if index < max_policies - 1 or draw(st.booleans()):
            policy["valid_until"] = start + dt.timedelta(days=length)
        policies.append(policy)
        if "valid_until" not in policy:
            break
        start = policy["valid_until"] + dt.timedelta(days=draw(st.integers(1, 200)))
        if start > dt.date(2095, 1, 1):
            break
    data["policies"] = policies
    if "bencana" in reasons and not any(
        "bencana" in rules.get("urgency_reasons", ())
        for rules in [*policies, data.get("ordinary", {})]
    ):
        del data["urgency_reasons"]  # a reason no policy accepts draws a warning
    closures = []
    for _ in range(draw(st.integers(0, 2))):
        first = draw(st.dates(dt.date(2001, 1, 1), dt.date(2095, 12, 31)))
        closures.append(
            {
                "start": first,
                "end": first + dt.timedelta(days=draw(st.integers(0, 3))),
                "reason_id": "Hari jadi kabupaten",
                "reason_en": "The regency's anniversary",
                "source": "W",
            }
        )
    if closures:
        data["closures"] = closures
    return data


def office_data(
    *, fictional: bool | None = None, max_policies: int = 3
) -> st.SearchStrategy[dict[str, Any]]:
    """The contents of random office files, as the mapping a TOML file would parse to.

    Each mapping validates (:func:`~adminduk.offices.validate_office`) and passes
    :func:`~adminduk.testing.check_office` without errors. Mutate one to test how a loader
    or a checker reports a broken file.

    Args:
        fictional: ``True`` for codes ``99.xx`` only, ``False`` for real province codes only
            (with the province's name and time zone), ``None`` for either.
        max_policies: the most dated policies an office gets (they follow one another).

    Examples:
        >>> from hypothesis import given
        >>> from adminduk.offices import validate_office
        >>> @given(office_data(fictional=True))
        ... def test(data):
        ...     assert validate_office(data).is_fictional
        >>> test()
    """
    return _office_data(fictional, max_policies)


def offices(
    *, fictional: bool | None = None, max_policies: int = 3
) -> st.SearchStrategy[OfficeConfig]:
    """Random but valid offices, to check properties beyond the five built-in ones.

    Each office loads and passes :func:`~adminduk.testing.check_office` without errors (it
    may draw warnings, as real files do where their sources are silent). Offices are not
    registered; pass the :class:`~adminduk.offices.OfficeConfig` itself to ``advise``.

    Args:
        fictional: see :func:`office_data`.
        max_policies: see :func:`office_data`.

    Examples:
        >>> from hypothesis import given, settings
        >>> import adminduk
        >>> @settings(max_examples=10)
        ... @given(offices(), services())
        ... def test(office, service):
        ...     first = office.policies[0].valid_from if office.policies else dt.date(2020, 1, 6)
        ...     at = dt.datetime.combine(first, dt.time(9))
        ...     advice = adminduk.advise(office, service, at=at)
        ...     assert advice.policy_id == office.policy_at(first).id
        >>> test()
    """
    return office_data(fictional=fictional, max_policies=max_policies).map(validate_office)


# --------------------------------------------------------------------------- lifecycles
class Step(NamedTuple):
    """One step of an event sequence: the event, its details, and the time since the last step.

    Apply one with ``request.apply(step.event, at=last + step.after, **step.details)``.

    Examples:
        >>> Step("start_verification", {}, dt.timedelta(hours=1)).event
        'start_verification'
    """

    event: str
    details: dict[str, Any]
    after: dt.timedelta


_TEXTS: Final = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=20
)
_SLUGS: Final = st.sampled_from(["kk", "ktp-el", "foto-kk", "surat-pindah", "akta-kelahiran"])
_GAPS: Final = st.integers(0, 3 * 24 * 60).map(lambda m: dt.timedelta(minutes=m))


def _details(draw: st.DrawFn, event: RequestEvent) -> dict[str, Any]:
    row = next(row for row in TRANSITIONS if row.event is event)
    details: dict[str, Any] = {}
    for name in (*row.requires, *row.accepts):
        # An office that checks originals refuses a hand-over without them; others accept it.
        optional = name not in row.requires and name != "originals_checked"
        if optional and not draw(st.booleans()):
            continue
        if name == "missing":
            details[name] = draw(st.lists(_SLUGS, min_size=1, max_size=3, unique=True))
        elif name == "originals_checked":
            details[name] = True
        else:
            details[name] = draw(_TEXTS.filter(str.strip))
    return details


@st.composite
def _valid_sequence(draw: st.DrawFn, max_size: int, delivers: bool) -> list[Step]:
    status = INITIAL_STATUS
    steps: list[Step] = []
    while len(steps) < max_size:
        rows = [
            row
            for row in TRANSITIONS
            if status in row.sources and (delivers or row.event is not RequestEvent.DELIVER)
        ]
        if not rows or not draw(st.integers(0, 9)):
            break
        row = draw(st.sampled_from(rows))
        steps.append(Step(row.event.value, _details(draw, row.event), draw(_GAPS)))
        status = row.target
    return steps


_ANY_VALUE: Final = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    _TEXTS,
    st.lists(_TEXTS, max_size=3),
    st.just(()),
)


@st.composite
def _any_sequence(draw: st.DrawFn, max_size: int) -> list[Step]:
    names = [event.value for event in RequestEvent]
    events = st.one_of(st.sampled_from(names), st.just("submit"), _TEXTS)
    keys = st.one_of(
        st.sampled_from(["missing", "reason", "pickup_place", "originals_checked", "note"]),
        # Not apply()'s own parameter names: Python itself would refuse those.
        st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(
            lambda key: key not in ("self", "event", "at")
        ),
    )
    gaps = st.integers(-24 * 60, 3 * 24 * 60).map(lambda m: dt.timedelta(minutes=m))
    return [
        Step(draw(events), draw(st.dictionaries(keys, _ANY_VALUE, max_size=3)), draw(gaps))
        for _ in range(draw(st.integers(0, max_size)))
    ]


def event_sequences(
    *, max_size: int = 12, delivers: bool = False, valid: bool = True
) -> st.SearchStrategy[list[Step]]:
    """Sequences of lifecycle events to apply to a new request, one :class:`Step` each.

    With ``valid=True`` (default) each sequence is a walk through the transition table from
    ``submitted``: every event is allowed in the status the previous ones lead to, carries
    the details it requires (``missing``, ``reason``; ``originals_checked=True`` at
    hand-over), and time never runs backwards. ``deliver`` appears only with
    ``delivers=True``, for offices that send documents on. With ``valid=False`` the events,
    details and time steps are arbitrary (for robustness tests: expect ``TransitionError``).

    Examples:
        >>> from datetime import datetime
        >>> from hypothesis import given
        >>> from adminduk import ServiceRequest
        >>> @given(event_sequences())
        ... def test(steps):
        ...     at = datetime(2020, 3, 23, 9, 0)
        ...     req = ServiceRequest.submit("52.71", "kk/perubahan", at=at, channel="whatsapp")
        ...     for step in steps:
        ...         at = at + step.after
        ...         req = req.apply(step.event, at=at, **step.details)
        ...     assert len(req.history) == len(steps) + 1
        >>> test()
    """
    if valid:
        return _valid_sequence(max_size, delivers)
    return _any_sequence(max_size)
