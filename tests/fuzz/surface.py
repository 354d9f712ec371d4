"""The fuzz campaign's engine: every public entry point, called with hostile arguments.

Shared by the gate (``tests/fuzz/test_surface.py``, a short derandomized campaign) and the long
campaign (``fuzz/campaign.py``, 100,000 calls and more).

The target list is *generated* from the public surface, so a new public name is fuzzed the day it
is added: every name in ``adminduk.__all__`` and in each subpackage's ``__all__`` that is a
function, plus the constructor and every public method (defined in adminduk, not inherited from
pydantic, ``enum`` or ``object``) of every public class. Methods are called on real instances,
collected by walking the objects the library itself returns (offices, calendars, requests,
advice, ...), so every public class that has an instance anywhere gets one.

Each call gives plausible values (by parameter name) to all arguments but one, which gets a
hostile value: instants at year 1 and 9999 with extreme offsets, local mean time before 1924,
huge ints, long texts, NUL bytes, lone surrogates, deep lists, objects whose ``__str__``,
``__repr__``, ``__iter__`` or ``__fspath__`` raise, personal data inside free text. Some calls make
every argument hostile, some none.

A call passes if it returns (and its result's ``repr`` works) or raises an ``AdmindukError``.
Anything else is a *finding*, grouped by its root cause: the exception type and the innermost
adminduk frame it passed through. An ``AdmindukError`` whose message repeats the digits of
personal data given anywhere in the arguments is a *privacy finding*.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import importlib
import inspect
import io
import os
import random
import re
import signal
import sys
import tomllib
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import FrameType, ModuleType, TracebackType
from typing import Any
from zoneinfo import ZoneInfo

import adminduk
import adminduk.identity as identity
import adminduk.lifecycle as lifecycle
import adminduk.schedule as schedule
import adminduk.testing as testing
import adminduk.triage as triage
from adminduk import AdmindukError
from adminduk.offices import BUILTIN_OFFICES, PANDEMIC_END
from adminduk.offices._types import FrozenDict

SRC = Path(adminduk.__file__).resolve().parent
ROOT = SRC.parents[1]

# The packages whose ``__all__`` is the public surface. ``adminduk.testing.strategies`` is left
# out: its names build hypothesis strategies, whose own errors are hypothesis's to raise.
PUBLIC_MODULES = (
    "adminduk",
    "adminduk.errors",
    "adminduk.documents",
    "adminduk.schedule",
    "adminduk.identity",
    "adminduk.offices",
    "adminduk.triage",
    "adminduk.lifecycle",
    "adminduk.advice",
    "adminduk.export",
    "adminduk.testing",
    "adminduk.cli",
)


# --------------------------------------------------------------------------- hostile values
class Raises:
    """An object whose dunder methods raise: what a careless caller's own type might do."""

    def __init__(self, *broken: str) -> None:
        self.broken = broken

    def _fail(self, name: str) -> None:
        if name in self.broken:
            raise RuntimeError(f"{name} was called on a hostile object")

    def __str__(self) -> str:
        self._fail("str")
        return "hostile"

    def __repr__(self) -> str:
        self._fail("repr")
        return "Raises()"

    def __iter__(self) -> Iterator[object]:
        self._fail("iter")
        return iter(())

    def __len__(self) -> int:
        self._fail("len")
        return 0

    def __eq__(self, other: object) -> bool:
        self._fail("eq")
        return self is other

    def __hash__(self) -> int:
        self._fail("hash")
        return 0

    def __fspath__(self) -> str:
        self._fail("fspath")
        return "/nonexistent/hostile.toml"


class NoOffset(dt.tzinfo):
    """A tzinfo whose ``utcoffset()`` is None: such an instant is naive by Python's rules."""

    def utcoffset(self, _when: dt.datetime | None) -> None:
        return None

    def dst(self, _when: dt.datetime | None) -> None:
        return None

    def tzname(self, _when: dt.datetime | None) -> str:
        return "none"


def _deep_list(depth: int) -> list[object]:
    outer: list[object] = []
    inner = outer
    for _ in range(depth):
        nested: list[object] = []
        inner.append(nested)
        inner = nested
    return outer


def _deep_dict(depth: int) -> dict[str, object]:
    outer: dict[str, object] = {}
    inner = outer
    for _ in range(depth):
        nested: dict[str, object] = {}
        inner["a"] = nested
        inner = nested
    return outer


EAST = dt.timezone(dt.timedelta(hours=23, minutes=59))
WEST = dt.timezone(-dt.timedelta(hours=23, minutes=59))
JAKARTA = ZoneInfo("Asia/Jakarta")

# Personal data: its digits must never come back in an error message, wherever it was given.
NIK = "3513014501900001"
PHONE = "081359547691"
KK = "3513010101200001"
PERSONAL_TEXTS = (
    NIK,
    PHONE,
    "+6281359547691",
    KK,
    f"NIK saya {NIK}, WA {PHONE}",
    "3513 0145 0190 0001",
    "0813-5954-7691",
    f"kk/baru {NIK}",
    f"35.14 {PHONE}",
)

HOSTILE_INSTANTS: tuple[object, ...] = (
    dt.datetime.min,
    dt.datetime.max,
    dt.datetime(1, 1, 1, tzinfo=EAST),
    dt.datetime(1, 1, 1, 23, 59, tzinfo=WEST),
    dt.datetime(9999, 12, 31, 23, tzinfo=WEST),
    dt.datetime(9999, 12, 31, 23, 59, tzinfo=EAST),
    dt.datetime(1, 1, 1, tzinfo=JAKARTA),
    dt.datetime(9999, 12, 31, 23, 59, tzinfo=ZoneInfo("Pacific/Kiritimati")),
    dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-10))),
    dt.datetime(1900, 1, 1, 9, 30, 15, tzinfo=JAKARTA),  # local mean time, +07:07:12
    dt.datetime(1923, 12, 31, 8, tzinfo=JAKARTA),
    dt.datetime(1, 1, 1),
    dt.datetime(1, 1, 1, tzinfo=dt.UTC),
    dt.datetime(2020, 3, 24, 10, tzinfo=NoOffset()),
    dt.date.min,
    dt.date.max,
    dt.timedelta.max,
    dt.timedelta.min,
    dt.time(10, 0),
)
HOSTILE_NUMBERS: tuple[object, ...] = (
    10**5000,
    -(10**5000),
    2**63,
    -1,
    0,
    float("nan"),
    float("inf"),
    -0.0,
    True,
    1 + 2j,
)
HOSTILE_TEXTS: tuple[object, ...] = (
    "",
    " ",
    "a" * 100_000,
    "2" * 5000,
    "\x00",
    "a\x00b",
    "35.14\x00",
    "\ud800",
    "kk/baru\udfff",
    "\u200b",
    "\ufeff35.14",
    "ktp-el/*",
    "../../etc/passwd",
    *PERSONAL_TEXTS,
)
HOSTILE_OTHERS: tuple[object, ...] = (
    None,
    b"35.14",
    b"\xff\xfe",
    bytearray(b"kk/baru"),
    [],
    ["35"],
    ["kk/baru", None],
    (),
    {},
    {"a": 1},
    set(),
    frozenset({"35.14"}),
    _deep_list(50_000),
    _deep_dict(50_000),
    object(),
    Raises("str"),
    Raises("repr"),
    Raises("str", "repr", "iter", "len", "fspath"),
    Path("a\x00"),
    Path("/nonexistent/office.toml"),
    Path("/"),
    int,
    print,
    io.StringIO(),
)


# -- hostile objects (issue 25): subclasses whose methods lie, a lying __class__, dunders
# that raise, tzinfos that return junk. Each looks like a value the library accepts.
class LyingStr(str):
    """A text whose methods lie: ``strip()`` gives an int, ``lower()`` None, ``split()`` junk."""

    def strip(self, chars: str | None = None) -> Any:
        return 42

    def lower(self) -> Any:
        return None

    def split(self, sep: str | None = None, maxsplit: int = -1) -> Any:
        return 7

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__ of a hostile str")

    def __hash__(self) -> int:
        raise RuntimeError("__hash__ of a hostile str")

    def __str__(self) -> Any:
        return 3.5


class LyingInt(int):
    """A number whose conversions and comparisons raise."""

    def __index__(self) -> int:
        raise RuntimeError("__index__ of a hostile int")

    def __int__(self) -> int:
        raise RuntimeError("__int__ of a hostile int")

    def __lt__(self, other: object) -> bool:
        raise RuntimeError("__lt__ of a hostile int")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("__eq__ of a hostile int")

    def __hash__(self) -> int:
        return 1

    def bit_length(self) -> int:
        raise RuntimeError("bit_length of a hostile int")


class LyingDatetime(dt.datetime):
    """An instant whose methods lie: ``astimezone`` raises, ``replace`` and ``date`` give junk."""

    def astimezone(self, tz: dt.tzinfo | None = None) -> Any:
        raise RuntimeError("astimezone of a hostile datetime")

    def replace(self, *args: Any, **kwargs: Any) -> Any:
        return "not a datetime"

    def date(self) -> Any:
        return None

    def utcoffset(self) -> Any:
        return "junk"


class LyingDate(dt.date):
    """A day whose ``isoformat`` and ``weekday`` lie."""

    def isoformat(self) -> Any:
        return 1

    def weekday(self) -> Any:
        return 99


class JunkOffset(dt.tzinfo):
    """A tzinfo that returns junk: a text for the offset, a day-long dst, a number for a name."""

    def utcoffset(self, _when: dt.datetime | None) -> Any:
        return "+07:00"

    def dst(self, _when: dt.datetime | None) -> Any:
        return dt.timedelta(days=2)

    def tzname(self, _when: dt.datetime | None) -> Any:
        return 7


class RaisingOffset(dt.tzinfo):
    """A tzinfo whose every method raises."""

    def utcoffset(self, _when: dt.datetime | None) -> Any:
        raise RuntimeError("utcoffset of a hostile tzinfo")

    def dst(self, _when: dt.datetime | None) -> Any:
        raise RuntimeError("dst of a hostile tzinfo")

    def tzname(self, _when: dt.datetime | None) -> Any:
        raise RuntimeError("tzname of a hostile tzinfo")


class HugeOffset(dt.tzinfo):
    """A tzinfo whose offset is out of range (Python allows less than a day)."""

    def utcoffset(self, _when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=30)

    def dst(self, _when: dt.datetime | None) -> None:
        return None


class PosingAsStr:
    """An object that says it is a ``str``: ``isinstance(obj, str)`` is True, but it is not."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return str

    def __str__(self) -> str:
        return "35.14"


class PosingAsDatetime:
    """An object that says it is a ``datetime``."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return dt.datetime


HOSTILE_OBJECTS: tuple[object, ...] = (
    LyingStr("35.14"),
    LyingStr("kk/baru"),
    LyingStr("bpjs"),
    LyingStr(NIK),
    LyingStr(PHONE),
    LyingStr("id"),
    LyingInt(3),
    LyingInt(2020),
    LyingDatetime(2020, 3, 24, 10),
    LyingDatetime(2020, 3, 24, 10, tzinfo=JAKARTA),
    LyingDate(2020, 3, 24),
    dt.datetime(2020, 3, 24, 10, tzinfo=JunkOffset()),
    dt.datetime(2020, 3, 24, 10, tzinfo=RaisingOffset()),
    dt.datetime(2020, 3, 24, 10, tzinfo=HugeOffset()),
    dt.time(10, 0, tzinfo=RaisingOffset()),
    PosingAsStr(),
    PosingAsDatetime(),
    Raises("eq", "hash"),
    Raises("eq", "hash", "str", "repr", "iter", "len"),
)

HOSTILE: tuple[object, ...] = (
    HOSTILE_INSTANTS + HOSTILE_NUMBERS + HOSTILE_TEXTS + HOSTILE_OTHERS + HOSTILE_OBJECTS
)


# --------------------------------------------------------------------------- plausible values
def _office_paths() -> list[Path]:
    data = resources.files("adminduk.offices").joinpath("data")
    return [Path(str(data.joinpath(name))) for name in BUILTIN_OFFICES.values()]


def _plausible() -> dict[str, tuple[object, ...]]:
    """Values a careful caller would pass, by parameter name."""
    offices = adminduk.offices()
    codes = tuple(office.code for office in offices)
    services = tuple(entry.code for entry in adminduk.catalogue())
    instants: tuple[object, ...] = (
        dt.datetime(2020, 3, 24, 10, 0),
        dt.datetime(2020, 4, 1, 9, 30, tzinfo=JAKARTA),
        dt.datetime(2024, 1, 2, 8, 0, tzinfo=dt.UTC),
        dt.datetime(2031, 6, 1, 12, 0),
    )
    days: tuple[object, ...] = (dt.date(2020, 3, 24), dt.date(2024, 5, 1))
    office_text = _office_paths()[0].read_text(encoding="utf-8")
    argv: tuple[object, ...] = (
        ["advise", "35.14", "kk/perubahan", "--at", "2020-03-24 10:00"],
        ["advise", "35.13", "ktp-el/cetak-ulang", "--reason", "bpjs", "--lang", "en", "--json"],
        ["hours", "35.14", "--week", "2020-03-24"],
        ["requirements", "52.71", "kk/baru", "--at", "2020-04-01", "--diff"],
        ["check", str(_office_paths()[1])],
        ["export", "35.04"],
        ["offices", "--json"],
        ["services"],
        ["name", "M. Rizky", "--document", "kk", "--json"],
    )
    return {
        "office": codes + offices,
        "code_or_slug": codes + tuple(o.slug for o in offices),
        "config": offices + tuple(_office_paths()),
        "service": services + tuple(adminduk.Service.parse(s) for s in services[:3]),
        "at": instants + days,
        "t": instants,
        "a": instants,
        "b": instants,
        "d": days,
        "day": days,
        "reference_date": days,
        "today": instants,
        "reasons": ((), ("bpjs",), ["rumah-sakit", "tni-polri"]),
        "has_whatsapp": (True, False),
        "lang": ("id", "en", "id-ID", "EN"),
        "text": (NIK, "+6281359547691", "kk/perubahan", "senin 08:00-12:00", "2020-03-24 10:00"),
        "code": (*codes, "35", "35.14.01", "applicant_nik"),
        "source": ("office.toml", "perbup-2020"),
        "path": tuple(_office_paths()),
        "data": (tomllib.loads(office_text),),
        "known_regencies": ({"35.13", "35.14"}, ("52.71",)),
        "known": ({"35.13", "35.14"},),
        "keep_start": (0, 4),
        "keep_end": (0, 4),
        "char": ("*", "x"),
        "number": ("+6281359547691", PHONE),
        "duration": (dt.timedelta(hours=3), dt.timedelta(days=2)),
        "n": (0, 1, 5),
        "weekday": (0, 4, 6),
        "year": (2020, 2024),
        "event": ("start_verification", "approve", "mark_incomplete"),
        "events": ((), ("start_verification",)),
        "details": ({}, {"missing": ["kk"]}),
        "channel": ("whatsapp", "counter"),
        "applicant_nik": (None, NIK),
        "phone": (None, PHONE),
        "reveal": (True, False),
        "indent": (None, 2),
        "format": ("toml", "json"),
        "default_hours": (True, False),
        "checks": (None, ("zone",)),
        "argv": argv,
        "out": (None,),
        "err": (None,),
        "document": ("kk", "ktp-el"),
        "name": ("Rina Sari", "M. Rizky", "Dr. Rina Sari, S.H."),
        "action": ("baru", "perubahan"),
        "rule_id": ("hours", "closed"),
        "status": ("submitted", "verifying"),
        "key": ("office.toml",),
    }


# --------------------------------------------------------------------------- the surface
@dataclass(frozen=True)
class Target:
    """One public callable: a function, a constructor, or a method bound to a real instance."""

    name: str
    function: Callable[..., Any]
    parameters: tuple[inspect.Parameter, ...]
    side_effects: bool = False  # only hostile arguments: a valid one would change global state

    def __str__(self) -> str:
        return self.name


# Functions that change process-wide state on success; fuzzed with hostile arguments only.
SIDE_EFFECTS = frozenset({"register", "register_personal_data"})

# Ends the process by design (the installed command: main(), then SystemExit): not fuzzed, as
# sys.exit is not; main(), which it runs, is. tests/test_collector.py runs it in a subprocess.
ENDS_THE_PROCESS = frozenset({"adminduk.cli.console"})


def _is_error_class(obj: object) -> bool:
    return inspect.isclass(obj) and issubclass(obj, BaseException)


def public_objects() -> dict[str, object]:
    """Every public name of every public module, once each, by its first public path."""
    found: dict[int, tuple[str, object]] = {}
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            if name.startswith("__"):
                continue
            obj = getattr(module, name)
            found.setdefault(id(obj), (f"{module_name}.{name}", obj))
    return dict(found.values())


def _is_record(cls: type) -> bool:
    """A plain dataclass or NamedTuple the library returns: its ``__init__`` checks nothing."""
    if issubclass(cls, tuple) and hasattr(cls, "_fields"):
        return True  # a NamedTuple
    return dataclasses.is_dataclass(cls) and not hasattr(cls, "__post_init__")


def _own_methods(cls: type) -> Iterator[str]:
    """Public methods of ``cls`` (and its adminduk bases) written in adminduk itself."""
    names: set[str] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("adminduk"):
            continue
        for name, raw in vars(klass).items():
            if name.startswith("_") or name in names:
                continue
            func = raw.__func__ if isinstance(raw, classmethod | staticmethod) else raw
            if inspect.isfunction(func) and func.__module__.startswith("adminduk"):
                names.add(name)
                yield name


def _parameters(function: Callable[..., Any]) -> tuple[inspect.Parameter, ...] | None:
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    return tuple(
        p
        for p in signature.parameters.values()
        if p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    )


_NOT_WALKED = (str, bytes, int, float, enum.Enum, type, dt.date, dt.tzinfo, ModuleType)


def instances() -> dict[type, list[object]]:
    """Real instances of adminduk's classes, found by walking what the library returns."""
    office = adminduk.get_office("35.14")
    request = adminduk.ServiceRequest.submit(
        office, "kk/perubahan", at=dt.datetime(2020, 3, 24, 10), channel="whatsapp"
    ).apply("start_verification", at=dt.datetime(2020, 3, 24, 11))
    roots: list[object] = [
        *adminduk.offices(),
        adminduk.catalogue(),
        *adminduk.catalogue(),
        office.calendar(),
        office.calendar().day_info(dt.date(2020, 3, 24)),
        office.calendar().span_info(dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        office.calendar().span_info(dt.date(2040, 1, 1), dt.date(2040, 12, 31)),  # caveats
        identity.OfficePhone("+6281359547692"),
        adminduk.advise(office, "kk/perubahan", at=dt.datetime(2020, 3, 24, 10)),
        adminduk.advise("52.71", "ktp-el/cetak-ulang", at=dt.datetime(2020, 4, 1, 10)),
        request,
        adminduk.Nik.parse(NIK),
        adminduk.KkNumber.parse(KK),
        adminduk.CitizenPhone(PHONE),
        adminduk.diff_requirements(office, "kk/perubahan", dt.date(2020, 3, 24)),
        *adminduk.provinces(),
        *triage.RULES,
        *lifecycle.TRANSITIONS,
        *testing.CHECKS,
        *schedule.national_days(2020),
        PANDEMIC_END,
        *identity.personal_data_cases(),
        adminduk.region("91.01"),  # a region with a successor
        adminduk.region("35.13.19"),
        *adminduk.menu(office, at=dt.datetime(2020, 3, 24, 10))[:2],
        *adminduk.find_services("mau cetak ulang ktp"),
        *adminduk.check_name("M. Rizky", document="akta-kelahiran"),
        adminduk.service_standard("64.74", "kk/baru", at=dt.date(2024, 6, 3)),
        adminduk.service_standard("35.78", "kk/baru", at=dt.date(2024, 6, 3)),  # national
        office.calendar_spec,  # a cached property: not reached through the fields
        schedule.ExtraOpening(
            date=dt.date(2020, 3, 28),
            hours=("08:00-12:00",),
            reason_id="Buka",
            reason_en="Open",
            source="S",
        ),
        schedule.HoursOverride(
            start=dt.date(2020, 4, 1),
            end=dt.date(2020, 4, 30),
            hours={"senin": "08:00-12:00"},
            reason_id="Ramadan",
            reason_en="Ramadan",
            source="S",
        ),
    ]
    found: dict[type, list[object]] = {}
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen or callable(obj):
            continue
        seen.add(id(obj))
        if type(obj).__module__.startswith("adminduk") and not isinstance(obj, enum.Enum):
            bucket = found.setdefault(type(obj), [])
            if len(bucket) < 4:
                bucket.append(obj)
        if isinstance(obj, _NOT_WALKED):
            continue
        if isinstance(obj, dict):
            stack.extend(obj.values())
        elif isinstance(obj, list | tuple | set | frozenset):
            stack.extend(obj)
        elif hasattr(type(obj), "__pydantic_fields__"):
            # Fields only: cached properties in __dict__ would make the walk depend on history.
            stack.extend(getattr(obj, name) for name in type(obj).__pydantic_fields__)
        elif dataclasses.is_dataclass(obj):
            stack.extend(getattr(obj, f.name) for f in dataclasses.fields(obj))
    return found


def targets() -> list[Target]:
    """The whole public surface as callables, in a stable order."""
    pool = instances()
    result: list[Target] = []

    def add(name: str, function: Callable[..., Any], side_effects: bool = False) -> None:
        parameters = _parameters(function)
        if parameters is not None:
            result.append(Target(name, function, parameters, side_effects))

    for name, obj in sorted(public_objects().items()):
        if name in ENDS_THE_PROCESS:
            continue
        short = name.rpartition(".")[2]
        if inspect.isclass(obj):
            if _is_error_class(obj) or issubclass(obj, enum.Enum):
                continue  # errors are raised, not fed input; enums are Python's lookup
            if not _is_record(obj):
                add(name, obj)
            for method in _own_methods(obj):
                raw = inspect.getattr_static(obj, method)
                if isinstance(raw, classmethod | staticmethod):
                    add(f"{name}.{method}", getattr(obj, method))
                    continue
                for index, instance in enumerate(_instances_of(pool, obj)):
                    add(f"{name}.{method}[{index}]", getattr(instance, method))
        elif callable(obj):
            add(name, obj, side_effects=short in SIDE_EFFECTS)
    # The objects the library returns whose classes no __all__ names (issue 25): their public
    # methods are as reachable as any exported one's.
    exported = {id(obj) for obj in public_objects().values()}
    for cls in sorted(pool, key=lambda kind: f"{kind.__module__}.{kind.__qualname__}"):
        if id(cls) in exported or _is_error_class(cls) or issubclass(cls, enum.Enum):
            continue
        if cls is FrozenDict or cls.__qualname__.startswith("_"):
            # FrozenDict's methods are dict's, the changing ones refused by design (TypeError);
            # a private class is reached only through private attributes.
            continue
        name = f"{cls.__module__}.{cls.__qualname__}"
        for method in _own_methods(cls):
            for index, instance in enumerate(pool[cls]):
                add(f"{name}.{method}[{index}]", getattr(instance, method))
    return result


def _instances_of(pool: dict[type, list[object]], cls: type) -> list[object]:
    exact = pool.get(cls, [])
    if exact:
        return exact
    return [obj for kind, objs in pool.items() if issubclass(kind, cls) for obj in objs][:4]


# --------------------------------------------------------------------------- one call
class CallTimeout(BaseException):
    """A call took longer than the campaign allows (an unbounded loop on hostile input)."""


@dataclass
class Finding:
    """One non-library exception (or a privacy leak), with how to reproduce it."""

    cause: str
    target: str
    arguments: str
    message: str


@dataclass
class Report:
    """What a campaign found."""

    calls: int = 0
    library_errors: int = 0
    causes: Counter[str] = field(default_factory=Counter)
    privacy: Counter[str] = field(default_factory=Counter)
    examples: dict[str, Finding] = field(default_factory=dict)
    per_target: Counter[str] = field(default_factory=Counter)

    @property
    def escapes(self) -> int:
        return sum(self.causes.values())

    def summary(self) -> str:
        lines = [
            f"calls: {self.calls}  targets: {len(self.per_target)}  "
            f"library errors: {self.library_errors}  "
            f"non-library exceptions: {self.escapes}  privacy leaks: {sum(self.privacy.values())}"
        ]
        for title, counts in (("non-library exceptions", self.causes), ("privacy", self.privacy)):
            if counts:
                lines.append(f"{title} by root cause:")
                for cause, count in counts.most_common():
                    example = self.examples[cause]
                    lines.append(f"  {count:6d}  {cause}")
                    lines.append(f"          e.g. {example.target}({example.arguments})")
                    lines.append(f"          -> {example.message}")
        return "\n".join(lines)


def _short(value: object) -> str:
    try:
        text = repr(value)
    except BaseException:
        return f"<{type(value).__name__}>"
    return text if len(text) <= 60 else text[:57] + "..."


def _root_cause(error: BaseException, tb: TracebackType | None, target: str) -> str:
    """The error's type and the innermost adminduk line it passed through (else the target)."""
    where = f"the call of {target.split('[')[0]}"
    for frame, lineno in traceback.walk_tb(tb):
        path = Path(frame.f_code.co_filename)
        if path.is_relative_to(SRC) and not _is_harness(frame):
            where = f"{path.relative_to(SRC.parent)}:{lineno} in {frame.f_code.co_name}"
    return f"{type(error).__name__} at {where}"


def _is_harness(frame: FrameType) -> bool:
    return frame.f_code.co_filename == __file__


def personal_runs(value: object, depth: int = 0) -> set[str]:
    """The digit runs of the personal data inside ``value`` (looked for in nested arguments).

    By the value's real type, never ``isinstance`` (an argument may lie about its class), and
    with ``str``'s own methods (a subclass may lie in its own).
    """
    kind = type(value)
    if depth > 3:
        return set()
    if issubclass(kind, str):
        runs: set[str] = set()
        for text in PERSONAL_TEXTS:
            if str.__contains__(value, text):  # type: ignore[arg-type]
                runs.update(re.findall(r"\d{6,}", text))
                digits = "".join(ch for ch in text if ch.isdigit())
                runs.add(digits)
                if digits.startswith("0"):
                    runs.add("62" + digits[1:])
        return runs
    if kind in (list, tuple, set, frozenset):
        return set().union(*(personal_runs(item, depth + 1) for item in value))  # type: ignore[attr-defined]
    if kind is dict:
        return set().union(*(personal_runs(item, depth + 1) for item in value.values()))  # type: ignore[attr-defined]
    return set()


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise CallTimeout(f"took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Campaign:
    """A seeded campaign over :func:`targets`; the same seed makes the same calls."""

    def __init__(self, seed: int = 0, timeout: float = 5.0) -> None:
        self.random = random.Random(seed)
        self.timeout = timeout
        self.targets = targets()
        self.plausible = _plausible()
        self.report = Report()

    def arguments(self, target: Target) -> tuple[list[object], dict[str, object]]:
        """Plausible values for every parameter but one; that one (or all) hostile."""
        mode = self.random.random()
        names = [p.name for p in target.parameters]
        hostile_one = self.random.choice(names) if names else None
        args: list[object] = []
        kwargs: dict[str, object] = {}
        for parameter in target.parameters:
            plausible = self.plausible.get(parameter.name, ())
            if target.side_effects or mode < 0.15 or not plausible:
                hostile = True
            elif mode < 0.3:
                hostile = False
            else:
                hostile = parameter.name == hostile_one
            if (
                parameter.default is not inspect.Parameter.empty
                and self.random.random() < 0.3
                and not (hostile and parameter.name == hostile_one)
            ):
                continue  # leave this optional argument out
            value = self.random.choice(HOSTILE if hostile else plausible)
            if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
                kwargs[parameter.name] = value
            elif parameter.kind is inspect.Parameter.POSITIONAL_ONLY or self.random.random() < 0.5:
                if kwargs:  # a positional after a keyword: pass it by name instead
                    kwargs[parameter.name] = value
                else:
                    args.append(value)
            else:
                kwargs[parameter.name] = value
        if target.name == "adminduk.cli.main":
            args, kwargs = self._cli_arguments(target, args, kwargs)
        return args, kwargs

    def _cli_arguments(
        self, target: Target, args: list[object], kwargs: dict[str, object]
    ) -> tuple[list[object], dict[str, object]]:
        # The command line is only ever text: put a hostile text into a plausible argv.
        argv = list(self.random.choice(self.plausible["argv"]))  # type: ignore[call-overload]
        texts = [v for v in HOSTILE_TEXTS + HOSTILE_INSTANTS if isinstance(v, str | dt.date)]
        for _ in range(self.random.randint(0, 2)):
            spot = self.random.randrange(len(argv))
            argv[spot] = str(self.random.choice(texts))
        if argv[0] == "hours" and self.random.random() < 0.5:
            argv[-1] = self.random.choice(INSTANT_TEXTS)
        return [argv], {"out": io.StringIO(), "err": io.StringIO()}

    def call(self, target: Target, args: list[object], kwargs: dict[str, object]) -> None:
        """Make one call and record what it did."""
        report = self.report
        report.calls += 1
        report.per_target[target.name] += 1
        try:
            with _time_limit(self.timeout), _debug_cli():
                result = target.function(*args, **kwargs)
                repr(result)
        except AdmindukError as err:
            report.library_errors += 1
            self._check_privacy(target, args, kwargs, err)
        except KeyboardInterrupt:
            raise
        except BaseException as err:
            cause = _root_cause(err, err.__traceback__, target.name)
            self._record(report.causes, cause, target, args, kwargs, err)
        else:
            if target.name == "adminduk.cli.main" and result not in (0, 1, 2):
                cause = f"exit status {result} from the CLI"
                self._record(report.causes, cause, target, args, kwargs, RuntimeError(result))

    def _check_privacy(
        self, target: Target, args: list[object], kwargs: dict[str, object], err: AdmindukError
    ) -> None:
        runs = personal_runs([*args, *kwargs.values()])
        if not runs:
            return
        try:
            attributes = repr(vars(err))
        except Exception:  # an attribute whose repr fails is not a raw value shown
            attributes = ""
        shown = f"{err}\n{err!r}\n{attributes}"
        leaked = sorted(run for run in runs if run in shown)
        if leaked:
            cause = (
                f"{type(err).__name__} repeats personal digits, from {target.name.split('[')[0]}"
            )
            self._record(self.report.privacy, cause, target, args, kwargs, err)

    def _record(
        self,
        counts: Counter[str],
        cause: str,
        target: Target,
        args: list[object],
        kwargs: dict[str, object],
        err: BaseException,
    ) -> None:
        counts[cause] += 1
        if cause not in self.report.examples:
            shown = [*map(_short, args), *(f"{k}={_short(v)}" for k, v in kwargs.items())]
            message = f"{type(err).__name__}: {_short(str(err)) if _safe_str(err) else '?'}"
            self.report.examples[cause] = Finding(cause, target.name, ", ".join(shown), message)

    def run(self, calls: int) -> Report:
        """Make ``calls`` calls, cycling through the targets in a shuffled order."""
        order = list(self.targets)
        made = 0
        while made < calls:
            self.random.shuffle(order)
            for target in order[: calls - made]:
                args, kwargs = self.arguments(target)
                self.call(target, args, kwargs)
                made += 1
        return self.report


INSTANT_TEXTS = (
    "9999-12-31T23:00-10:00",
    "0001-01-01T00:00+14:00",
    "9999-12-31",
    "0001-01-01",
    "1900-01-01 09:00",
)


def _safe_str(err: BaseException) -> bool:
    try:
        str(err)
    except BaseException:
        return False
    return True


@contextlib.contextmanager
def _debug_cli() -> Iterator[None]:
    """Let the CLI's internal errors out with their traceback, so they get a root cause."""
    old = os.environ.get("ADMINDUK_DEBUG")
    os.environ["ADMINDUK_DEBUG"] = "1"
    try:
        yield
    finally:
        if old is None:
            del os.environ["ADMINDUK_DEBUG"]
        else:
            os.environ["ADMINDUK_DEBUG"] = old


def main(argv: list[str] | None = None) -> int:
    """``python -m tests.fuzz.surface [CALLS] [SEED]``: run a campaign, print its report."""
    argv = sys.argv[1:] if argv is None else argv
    calls = int(argv[0]) if argv else 100_000
    seed = int(argv[1]) if len(argv) > 1 else 0
    sys.setrecursionlimit(10_000)
    report = Campaign(seed).run(calls)
    print(report.summary())
    return 1 if report.escapes else 0


if __name__ == "__main__":
    raise SystemExit(main())
