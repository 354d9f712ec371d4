"""National law as data: the one reader of ``national.toml``, the file every layer's law is in.

Every legal fact that holds for all offices (the national sources, the urgent needs of the
national instruction and its period, the end of the pandemic status, the fee rule, the national
working hours, the time zones of the provinces, the language of public service, the sources of
a baseline office) is written once, dated and cited, in ``national.toml`` beside this module.
The engine knows no law: each layer asks this reader for its section and validates it with its
own model, so the file is read, parsed and reported on in one place, and a layer never reads
the data of a layer above it (this package sits below them all).

* :func:`national_law` is the file, parsed once (from its precomputed form while that is
  current, see :mod:`adminduk._precomputed`): its ``[sources]`` validated, every other section
  as written.
* :func:`sections` is one or more sections, validated by the model their reader passes, once
  per model. A problem is a :class:`~adminduk.errors.ConfigError` whose paths start with the
  section's name.

Whether every citation resolves, every source is cited and every source can be followed is
checked by the same checks as an office file's (``adminduk.offices.national_issues``; the
conformance kit and ``adminduk check --national`` report them).

Examples:
    >>> law = national_law()
    >>> "working_hours" in law.sections and "sources" not in law.sections
    True
    >>> law.sources[law.sections["pandemic_end"]["source"]].publisher
    'Presiden Republik Indonesia'
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): the
# envelope is validated once, when the file is first read.
import datetime as dt
import functools
import re
import threading
from typing import Annotated, Any, Final, TypeVar

from pydantic import StringConstraints, field_validator

from adminduk._validation import ConfigErrorModel, frozen_config
from adminduk.errors import ConfigError, ConfigProblem

__all__ = [
    "LAW_FILE",
    "PRECOMPUTED_LAW",
    "URL_PATTERN",
    "NationalLaw",
    "SourceInfo",
    "national_law",
    "parse_law",
    "sections",
]

LAW_FILE: Final = "national.toml"
"""The national law's file, in this package."""

PRECOMPUTED_LAW: Final = "precomputed/national.pickle"
"""Its precomputed form (see :mod:`adminduk._precomputed`), in this package."""

URL_PATTERN: Final = re.compile(
    r"^https?://[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]+)?(/\S*)?$", re.IGNORECASE
)

_Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
_M = TypeVar("_M")


class SourceInfo(ConfigErrorModel):
    """One entry of a ``[sources]`` table, which facts cite by its key.

    The national file's and every office file's (``adminduk.offices.SourceInfo`` is this
    class). ``published`` is the date the source appeared; the newest such date behind an
    answer is the answer's ``confirmed_on``.

    Examples:
        >>> info = SourceInfo(title="Dukcapil Mataram Terapkan Layanan Daring",
        ...                  publisher="Inside Lombok / Antara", published="2020-03-25")
        >>> str(info)
        'Dukcapil Mataram Terapkan Layanan Daring (Inside Lombok / Antara, 2020-03-25)'
    """

    model_config = frozen_config()

    title: _Text
    publisher: _Text | None = None
    published: dt.date | None = None
    url: _Text | None = None
    file: _Text | None = None
    note: _Text | None = None

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not URL_PATTERN.match(value):
            raise ValueError("must be an http(s) URL, e.g. 'https://example.go.id/page'")
        return value

    def __str__(self) -> str:
        extra = ", ".join(
            part for part in (self.publisher, str(self.published or "") or None) if part
        )
        return f"{self.title} ({extra})" if extra else self.title


class NationalLaw(ConfigErrorModel):
    """The national file: its sources, validated, and its other sections as written.

    Attributes:
        sources: every national source, keyed like an office file's ``[sources]``.
        sections: every other top-level table or list, by name; read them through
            :func:`sections`, which validates them.

    Examples:
        >>> sorted(national_law().sections)[:3]
        ['baseline', 'calendar', 'pandemic_end']
    """

    model_config = frozen_config()

    sources: dict[str, SourceInfo]
    sections: dict[str, Any]


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
          - sources.A.title: this field is required
          - sources.A.url: must be an http(s) URL, e.g. 'https://example.go.id/page' (got 'ftp://x')
    """
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError([ConfigProblem("", f"not valid TOML: {err}")], name) from None
    sources = data.pop("sources", {})
    try:
        return NationalLaw.model_validate({"sources": sources, "sections": data})
    except ConfigError as err:
        raise ConfigError(err.problems, name) from None


_LOCK: Final = threading.Lock()


@functools.cache
def _read() -> NationalLaw:
    from importlib import resources

    from adminduk import _precomputed

    package = resources.files(__name__)
    source = package.joinpath(LAW_FILE)
    return _precomputed.load(
        source,
        package.joinpath(PRECOMPUTED_LAW),
        NationalLaw,
        lambda: parse_law(source.read_text("utf-8")),
    )


def national_law() -> NationalLaw:
    """The national law, read from the package's ``national.toml`` once.

    Examples:
        >>> "KEPPRES-17-2023" in national_law().sources
        True
    """
    with _LOCK:  # one read, however many threads ask first
        return _read()


@functools.cache
def _sections(model: Any, names: tuple[str, ...]) -> Any:
    law = national_law()
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


def sections(model: type[_M], *names: str) -> _M:
    """The national file's sections ``names``, validated by ``model``, once per model.

    ``model`` is a pydantic model (a :class:`~adminduk._validation.ConfigErrorModel`) whose
    fields are the sections it reads, by name; a problem's path starts with the section's.
    The value is shared, as models are frozen.

    Raises:
        ConfigError: a section is missing or does not validate, each problem with its path.

    Examples:
        >>> from adminduk._validation import ConfigErrorModel
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
    value: _M = _sections(model, names)
    return value
