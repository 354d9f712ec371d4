"""National law as data: the one reader of ``national.toml``, the file every layer's law is in.

Every legal fact that holds for all offices (the national sources, the urgent needs of the
national instruction and its period, the end of the pandemic status, the fee rule, the national
working hours, the time zones of the provinces, the language of public service, the sources of
a baseline office) is written once, dated and cited, in ``national.toml`` beside this module.
The engine knows no law: each layer asks this reader for its section and validates it with its
own model, so the file is read, parsed and reported on in one place, and a layer never reads
the data of a layer above it (this package sits below them all).

* :func:`national_law` is the file, parsed once (from its precomputed form while that is
  current, see :mod:`adminduk._core.precomputed`): its ``[sources]`` validated (served as
  :class:`~adminduk.offices.SourceInfo` on first use), every other section as written.
* :func:`sections` is one or more sections, validated by the model their reader passes, once
  per model. A problem is a :class:`~adminduk.errors.ConfigError` whose paths start with the
  section's name. A reader declared with :func:`reader` is precomputed too: its validated
  value is served from ``precomputed/national-sections.pickle`` while that is the form of the
  file as it is now, so a cold start builds no validator for the national law (and the
  national file's checks, which passed when that form was written, are not run again:
  :func:`checks_passed`).

Whether every citation resolves, every source is cited and every source can be followed is
checked by the same checks as an office file's (``adminduk.offices._national_checks``; the
conformance kit and ``adminduk check --national`` report them).

Examples:
    >>> law = national_law()
    >>> "working_hours" in law.sections and "sources" not in law.sections
    True
    >>> law.sources[law.sections["pandemic_end"]["source"]].publisher
    'Presiden Republik Indonesia'
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

from adminduk.errors import ConfigError, ConfigProblem

if TYPE_CHECKING:
    from pathlib import Path

    from adminduk._law._source import SourceInfo

__all__ = [
    "LAW_FILE",
    "PRECOMPUTED_LAW",
    "PRECOMPUTED_SECTIONS",
    "READERS",
    "SOURCES_KEY",
    "NationalLaw",
    "Validator",
    "checks_passed",
    "law_file",
    "national_law",
    "parse_law",
    "reader",
    "reader_key",
    "sections",
    "validate",
    "validate_sources",
]

LAW_FILE: Final = "national.toml"
"""The national law's file, in this package."""

PRECOMPUTED_LAW: Final = "precomputed/national.pickle"
"""Its precomputed form (see :mod:`adminduk._core.precomputed`), in this package."""

SOURCES_KEY: Final = "[sources]"
"""The key of the validated ``[sources]`` among the precomputed readers' values."""

PRECOMPUTED_SECTIONS: Final = "precomputed/national-sections.pickle"
"""The precomputed values of its declared readers (:func:`reader`), in this package.

Apart from :data:`PRECOMPUTED_LAW`, and each value pickled on its own: reading a province (to
parse a NIK) loads the file without importing the models other layers validate it with.
"""

_M = TypeVar("_M", covariant=True)
_R = TypeVar("_R")


class Validator(Protocol[_M]):
    """What :func:`sections` validates with: a pydantic model, or a class with the same entry.

    ``model_validate`` takes the sections by name and returns the value, or raises
    :class:`~adminduk.errors.ConfigError` with every problem's path. A reader on a path that
    must not import pydantic (a province, to parse a NIK) writes its own.
    """

    @classmethod
    def model_validate(cls, obj: Any, /) -> _M: ...  # pragma: no cover - a protocol


@dataclass(frozen=True)
class NationalLaw:
    """The national file: its ``[sources]`` and its other sections, as written.

    Attributes:
        raw_sources: the ``[sources]`` table as written (validated when the file is parsed).
        sections: every other top-level table or list, by name; read them through
            :func:`sections`, which validates them.

    Examples:
        >>> sorted(national_law().sections)[:3]
        ['baseline', 'calendar', 'pandemic_end']
    """

    raw_sources: dict[str, Any]
    sections: dict[str, Any]

    @functools.cached_property
    def sources(self) -> dict[str, SourceInfo]:
        """Every national source, keyed like an office file's ``[sources]``, validated.

        The package's own file serves them precomputed while its form is current
        (:data:`SOURCES_KEY`).

        Examples:
            >>> national_law().sources["KEPPRES-17-2023"].publisher
            'Presiden Republik Indonesia'
        """
        if any(self is law for law in _READ):  # the package's file, as _read() read it
            served = _served(SOURCES_KEY)
            if served is not None:
                return served  # type: ignore[no-any-return]
        return validate_sources(self)


def validate_sources(law: NationalLaw) -> dict[str, SourceInfo]:
    """The ``[sources]`` of ``law``, validated now (nothing precomputed is read)."""
    from adminduk._law._source import Sources

    return Sources.model_validate({"sources": law.raw_sources}).sources


def parse_law(text: str, name: str = LAW_FILE) -> NationalLaw:
    r"""The national law of a ``national.toml`` text: its sources validated, the rest kept.

    Raises:
        ConfigError: the text is not TOML, or a source is malformed; every problem with its
            path.

    Examples:
        >>> parse_law('[sources.A]\ntitle = "Keputusan"\n[calendar]\nx = 1\n').sections
        {'calendar': {'x': 1}}
        >>> parse_law('[sources.A]\nurl = "ftp://x"\n')
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: national.toml: 2 problems
          - sources.A.title: required, but missing
          - sources.A.url: must be an http(s) URL, e.g. 'https://example.go.id/page' (got 'ftp://x')
    """
    import tomllib

    from adminduk._law._source import Sources

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError([ConfigProblem("", f"not valid TOML: {err}")], name) from None
    sources = data.pop("sources", {})
    try:
        Sources.model_validate({"sources": sources})  # served validated on first use
    except ConfigError as err:
        raise ConfigError(err.problems, name) from None
    return NationalLaw(sources, data)


_LOCK: Final = threading.Lock()
_READ: Final[list[NationalLaw]] = []  # what _read() read: the package's own file


def _package() -> Path:
    # A plain path, not importlib.resources: parsing a NIK reads the provinces from this file,
    # and importing importlib.resources alone would cost it several milliseconds.
    from pathlib import Path

    return Path(__file__).parent


def law_file() -> Path:
    """The path of the package's ``national.toml``.

    Examples:
        >>> law_file().name
        'national.toml'
    """
    return _package() / LAW_FILE


@functools.cache
def _read() -> NationalLaw:
    from adminduk._core import precomputed

    source = _package() / LAW_FILE
    law = precomputed.load(
        source,
        _package() / PRECOMPUTED_LAW,
        NationalLaw,
        lambda: parse_law(source.read_text("utf-8")),
    )
    _READ.append(law)
    return law


def national_law() -> NationalLaw:
    """The national law, read from the package's ``national.toml`` once.

    Examples:
        >>> "KEPPRES-17-2023" in national_law().sources
        True
    """
    with _LOCK:  # one read, however many threads ask first
        return _read()


READERS: Final[dict[str, tuple[Any, tuple[str, ...]]]] = {}
"""Every declared reader (:func:`reader`) by its key: the model and the sections it reads."""


def reader_key(model: Any, names: tuple[str, ...]) -> str:
    """The key of the value ``model`` validates from sections ``names``.

    Examples:
        >>> from adminduk._law._source import Sources
        >>> reader_key(Sources, ("sources",))
        'adminduk._law._source.Sources:sources'
    """
    return f"{model.__module__}.{model.__qualname__}:{','.join(names)}"


def reader(model: type[Validator[_R]], *names: str) -> Callable[[], _R]:
    """Declare, once at import, that ``model`` reads sections ``names``: their precomputed reader.

    The function returned is :func:`sections` of ``model`` and ``names``.
    ``scripts/precompute_data.py`` validates every declared reader and writes its value to
    :data:`PRECOMPUTED_SECTIONS`; a test holds each equal to its validation now.

    Examples:
        >>> from adminduk.regions._provinces import _Sections
        >>> read = reader(_Sections, "time_zones", "provinces")
        >>> read() is sections(_Sections, "time_zones", "provinces")
        True
    """
    READERS[reader_key(model, names)] = (model, names)
    return functools.partial(sections, model, *names)


def validate(model: type[Validator[_R]], names: tuple[str, ...], law: NationalLaw) -> _R:
    """Sections ``names`` of ``law``, validated by ``model`` now (nothing precomputed is read).

    Raises:
        ConfigError: a section is missing or does not validate, each problem with its path.
    """
    missing = [name for name in names if name not in law.sections]
    if missing:
        known = ", ".join(sorted(law.sections))
        raise ConfigError(
            [ConfigProblem(name, f"no such section (sections: {known})") for name in missing],
            LAW_FILE,
        )
    try:
        return model.model_validate({name: law.sections[name] for name in names})
    except ConfigError as err:
        raise ConfigError(err.problems, LAW_FILE) from None


@functools.cache
def _precomputed() -> tuple[bool, dict[str, bytes]]:
    """Whether the file's checks passed, and the readers' values: ``(False, {})`` if stale."""
    from adminduk._core import precomputed

    try:
        source = (_package() / LAW_FILE).read_bytes()
    except OSError:
        return False, {}  # the reader reports the unreadable file in its own terms
    found = precomputed.read(_package() / PRECOMPUTED_SECTIONS, source, tuple)
    if found is None or len(found) != 2:
        return False, {}
    passed, values = found
    return passed is True, values if isinstance(values, dict) else {}


def checks_passed() -> bool:
    """Whether the national file as it is now passed its checks when it was precomputed.

    ``scripts/precompute_data.py`` writes the precomputed form only after the checks of the
    file (:func:`adminduk.offices._national_checks.national_problems`) find no error; the
    measures that refuse to load on an error skip the checks while that form is current.

    Examples:
        >>> checks_passed()
        True
    """
    with _LOCK:
        return _precomputed()[0]


def _served(key: str) -> Any:
    """The precomputed value of ``key``, or ``None``: not precomputed, or not loadable."""
    stored = _precomputed()[1].get(key)
    if stored is None:
        return None
    from adminduk._core import precomputed

    return precomputed.unpickled(stored)


@functools.cache
def _sections(model: Any, names: tuple[str, ...]) -> Any:
    key = reader_key(model, names)
    if READERS.get(key) == (model, names):
        value = _served(key)
        if value is not None:
            return value
    return validate(model, names, national_law())


def sections(model: type[Validator[_R]], *names: str) -> _R:
    """The national file's sections ``names``, validated by ``model``, once per model.

    ``model`` is a pydantic model (a :class:`~adminduk._core.validation.ConfigErrorModel`) whose
    fields are the sections it reads, by name; a problem's path starts with the section's.
    The value is shared, as models are frozen.

    Raises:
        ConfigError: a section is missing or does not validate, each problem with its path.

    Examples:
        >>> from adminduk._core.validation import ConfigErrorModel
        >>> class Language(ConfigErrorModel):
        ...     service_language: dict[str, str]
        >>> sections(Language, "service_language").service_language["code"]
        'id'
        >>> sections(Language, "no-such-section")
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: national.toml: 1 problem
          - no-such-section: no such section (sections: ...)
    """
    value: _R = _sections(model, names)
    return value
