"""Reading office files (TOML or JSON): every problem of a file in one ConfigError."""

from __future__ import annotations

import copy
import os
import stat
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from adminduk._core.arguments import choice, optional_text, text_problem
from adminduk._core.redact import plain, safe_repr
from adminduk.errors import ConfigError, ConfigProblem
from adminduk.offices._models import OfficeConfig
from adminduk.schedule._models import OFFICE_FILE

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "MAX_OFFICE_FILE_BYTES",
    "load_office",
    "office_schema",
    "parse_office",
    "validate_office",
]

OfficeFormat = Literal["toml", "json"]

MAX_OFFICE_FILE_BYTES: Final = 512 * 1024
"""The largest office file read: 64 times the largest real one (under 8 KiB).

Loading costs about 1 ms per KiB, 60 % of it validation and 40 % the TOML parser, and about
34 bytes of memory per byte of file (benchmarks/bench_office_size.py): a file at the limit loads
in half a second; a 50 MB file would take about a minute and 1.7 GB.
"""
_BOM: Final = "\ufeff"


def _fail(message: str, source: str | None, path: str = "") -> ConfigError:
    return ConfigError([ConfigProblem(path, message)], source=source)


def validate_office(data: Mapping[str, Any], *, source: str | None = None) -> OfficeConfig:
    """Validate an office from a mapping (a parsed TOML or JSON file).

    Raises:
        ConfigError: every problem at once, each with its path, the bad value and what would be
            valid.

    Examples:
        >>> from adminduk.offices import validate_office
        >>> validate_office({"code": "35.13", "slug": "probolinggo"}, source="draft")
        ... # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: draft: 6 problems
          - slug: code 35.13 is a kabupaten, so the slug starts with 'kabupaten-' (a bare ...
          - name: required, but missing
          - region: required, but missing
          - province: required, but missing
          - timezone: required, but missing
          - source: required, but missing
    """
    return _validated(data, optional_text("source", source, "a name for messages"), file=False)


def _validated(data: object, source: str | None, *, file: bool) -> OfficeConfig:
    if not isinstance(data, Mapping):
        raise _fail(
            f"the top level of an office file is a table of keys, not a {type(data).__name__}",
            source,
        )
    try:
        # Read from a file's text, the weekly hours take the Indonesian day keys only; a
        # mapping from Python (a model_dump) may carry the English attribute names.
        context = {OFFICE_FILE: True} if file else None
        return OfficeConfig.model_validate(data, context=context)
    except ConfigError as err:
        raise ConfigError(err.problems, source=source) from None


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise ValueError(f"the key {key!r} appears twice in one object")
        table[key] = value
    return table


def parse_office(
    text: str | bytes, *, format: OfficeFormat = "toml", source: str | None = None
) -> OfficeConfig:
    r"""Validate an office from the text of a TOML (default) or JSON file.

    Raises:
        ConfigError: the text is not TOML / JSON, or the office in it is invalid; every
            problem at once.

    Examples:
        >>> from adminduk.offices import parse_office
        >>> parse_office('code = "35.13"\nslug = \nname = "x"', source="draft.toml")
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: draft.toml: 1 problem
          - <file>: not valid TOML: Invalid value (at line 2, column 8)
    """
    source = optional_text("source", source, "a name for messages")
    format = choice("format", format, ("toml", "json"), "a file format")  # type: ignore[assignment]
    text = plain(text)  # by its real type: a subclass or an impostor may lie
    if not issubclass(type(text), str | bytes):
        raise _fail(f"expected the file's text, got a {type(text).__name__}", source)
    if len(text) > MAX_OFFICE_FILE_BYTES:
        raise _too_large(len(text), source)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            raise _fail(f"not UTF-8 text ({err.reason} at byte {err.start})", source) from None
    # Some editors on Windows start a UTF-8 file with a byte-order mark: read past it.
    text = text.removeprefix(_BOM)
    # The parsers load with the first file read: a built-in office served precomputed
    # (adminduk._core.precomputed) needs neither.
    import json
    import tomllib

    try:
        if format == "json":
            data = json.loads(text, object_pairs_hook=_reject_duplicates)
        else:
            data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise _fail(f"not valid TOML: {err}", source) from None
    except ValueError as err:  # json.JSONDecodeError, duplicate keys, huge numbers
        if "integer string conversion" in str(err):
            raise _fail(
                f"a number in the file is too large (over {sys.get_int_max_str_digits()} "
                "digits); no value of an office file is that long",
                source,
            ) from None
        raise _fail(f"not valid {format.upper()}: {err}", source) from None
    except RecursionError:
        raise _fail("the file is nested too deeply to be an office file", source) from None
    return _validated(data, source, file=True)


def _too_large(size: int, source: str | None) -> ConfigError:
    return _fail(
        f"the file has {size:,} bytes, more than the {MAX_OFFICE_FILE_BYTES:,} an office file "
        "may have (a real one has a few thousand); split it, or check that it is the right file",
        source,
    )


def _not_regular(name: str) -> ConfigError:
    return _fail(
        "not a regular file (a FIFO, a device or a directory is never opened: reading one "
        "could wait forever); give the path of a .toml or .json file",
        name,
    )


def _read_regular(file: Path, name: str) -> bytes:
    """The first bytes of ``file``, after checking that it is a regular file.

    ``os.stat`` first, so a FIFO is refused before it is opened (opening one for reading
    waits for a writer); then the file is opened without blocking and checked again on the
    open descriptor, in case the path was swapped in between.
    """
    if not stat.S_ISREG(os.stat(file).st_mode):
        raise _not_regular(name)
    descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise _not_regular(name)
        return handle.read(MAX_OFFICE_FILE_BYTES + 1)  # never more than the limit


def load_office(path: str | os.PathLike[str] | Traversable) -> OfficeConfig:
    """Read and validate an office file: TOML, or JSON when the name ends in ``.json``.

    Raises:
        ConfigError: the file cannot be read, is not TOML / JSON, or the office in it is
            invalid. The error lists every problem, each with its path in the file (e.g.
            ``policies[0].channels[2].address``), the bad value and what would be valid.

    Examples:
        >>> from adminduk import load_office
        >>> office = load_office("examples/adminduk-kantor-contoh/src/adminduk_kantor_contoh/"
        ...                      "kabupaten-contoh.toml")
        >>> office.code, office.is_fictional
        ('99.01', True)
        >>> load_office("no/such/office.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: no/such/office.toml: 1 problem
          - <file>: cannot read the file: No such file or directory
    """
    expected = "an office file is given as a path (str or os.PathLike) to a .toml or .json file"
    if not isinstance(path, str | os.PathLike) and not hasattr(path, "read_bytes"):
        raise _fail(expected, safe_repr(path))
    path = plain(path)
    try:
        name = os.fspath(path) if isinstance(path, str | os.PathLike) else str(path)
        name = plain(name)  # __fspath__ may return a lying str
    except Exception:
        raise _fail(expected, safe_repr(path)) from None
    problem = text_problem(name, 4096)
    if problem is not None:  # a NUL or a lone surrogate would fail inside the OS call
        raise _fail(f"{expected}; this path {problem}", safe_repr(name))
    file = Path(name) if isinstance(path, str | os.PathLike) else path
    try:
        raw = _read_regular(file, name) if isinstance(file, Path) else file.read_bytes()
    except ConfigError:
        raise
    except OSError as err:
        raise _fail(f"cannot read the file: {err.strerror or err}", name) from None
    except ValueError as err:  # a NUL byte in the path
        raise _fail(f"cannot read the file: {err}", repr(name)[:80]) from None
    if len(raw) > MAX_OFFICE_FILE_BYTES:
        size = file.stat().st_size if isinstance(file, Path) else len(raw)
        raise _too_large(size, name)
    fmt: OfficeFormat = "json" if name.lower().endswith(".json") else "toml"
    return parse_office(raw, format=fmt, source=name)


def _prose(description: str) -> str:
    """A docstring as an editor shows it: the doctests of its Examples section left out.

    The schema's readers are the authors of office files, for whom ``>>>`` prompts are noise.
    """
    head, _, _ = description.partition("\n\nExamples:")
    lines = [line for line in head.splitlines() if not line.lstrip().startswith((">>>", "..."))]
    return "\n".join(lines).rstrip()


def _without_doctests(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: _prose(value)
            if key == "description" and isinstance(value, str)
            else _without_doctests(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_without_doctests(item) for item in node]
    return node


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = _without_doctests(
        OfficeConfig.model_json_schema(by_alias=True, mode="validation")
    )
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "adminduk office file"
    return schema


def office_schema() -> dict[str, Any]:
    """The JSON Schema of an office file, for editor completion and checks in CI.

    Examples:
        >>> from adminduk import office_schema
        >>> schema = office_schema()
        >>> schema["title"], sorted(schema["required"])
        ('adminduk office file', ['code', 'name', 'province', 'region', 'slug', 'source', 'timezone'])
    """  # noqa: E501
    return copy.deepcopy(_schema())
