"""Turn pydantic's validation errors into ConfigProblems: a path, what is wrong, the value."""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

from pydantic import BaseModel, ValidationError

from adminduk._arguments import shown
from adminduk._suggest import close_matches
from adminduk.errors import ConfigError, ConfigProblem

__all__ = ["join_path", "problems_from", "show_value"]

_MAX_CHARS: Final = 80
# Sixteen digits in a row look like a NIK or KK number: personal data, never echoed.
_IDENTIFIER: Final = re.compile(r"(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)")


def show_value(value: object) -> str:
    """A short, one-line rendering of an offending value, with NIK-like numbers masked.

    Examples:
        >>> show_value("Asia/Jakartaa")
        "'Asia/Jakartaa'"
        >>> show_value("3513014101900001")
        "'3513********0001'"
        >>> len(show_value("x" * 500))
        80
    """
    if isinstance(value, dt.date | int | float | bool) or value is None:
        text = repr(shown(value)) if not isinstance(value, dt.date) else f"'{value}'"
    elif isinstance(value, str):
        text = repr(value)
    elif isinstance(value, Mapping):
        text = "a table {" + ", ".join(repr(shown(key)) for key in list(value)[:6]) + "}"
    elif isinstance(value, list | tuple):
        text = f"a list of {len(value)}"
    else:
        text = f"a {type(value).__name__}"
    text = _IDENTIFIER.sub(lambda m: m.group(1) + "*" * 8 + m.group(2), text)
    if len(text) > _MAX_CHARS:
        text = text[: _MAX_CHARS - 1] + "…"
    return text


def join_path(prefix: str, suffix: str) -> str:
    """Join two paths of a file: ``policies[0]`` + ``channels[1].address``.

    Examples:
        >>> join_path("policies", "[1].valid_from"), join_path("", "code"), join_path("a", "")
        ('policies[1].valid_from', 'code', 'a')
    """
    if not prefix or not suffix:
        return prefix or suffix
    return prefix + suffix if suffix.startswith("[") else f"{prefix}.{suffix}"


def _loc_path(loc: Sequence[int | str]) -> str:
    path = ""
    for part in loc:
        path = join_path(path, f"[{part}]" if isinstance(part, int) else str(part))
    return path


def problems_from(err: ValidationError, root: Any = None) -> list[ConfigProblem]:
    """Every problem of a validation error, with paths like ``policies[0].channels[2].address``.

    A check that raised :class:`ConfigError` (a cross-field check) contributes its own problems,
    their paths made absolute; an unknown key is reported with the keys valid at that place.
    """
    problems: list[ConfigProblem] = []
    for item in err.errors(include_url=False):
        path = _loc_path(item["loc"])
        cause = (item.get("ctx") or {}).get("error")
        if isinstance(cause, ConfigError):
            for inner in cause.problems:
                problems.append(
                    ConfigProblem(join_path(path, inner.path), inner.message, inner.value)
                )
            continue
        message = str(item["msg"]).removeprefix("Value error, ")
        value = None if item["type"] == "missing" else show_value(item.get("input"))
        if item["type"] == "extra_forbidden" and root is not None:
            message = _unknown_key_message(root, item["loc"])
        elif item["type"] == "missing":
            message = "required, but missing"
        problems.append(ConfigProblem(path, message, value))
    return list(dict.fromkeys(problems))


def _unknown_key_message(root: Any, loc: Sequence[int | str]) -> str:
    model = _model_at(root, loc[:-1])
    if model is None:
        return "unknown key"
    valid = sorted(_keys(model))
    key = loc[-1]
    hint = close_matches(str(key), valid, limit=1)
    maybe = f"; did you mean {hint[0]!r}?" if hint else ""
    return f"unknown key; valid here: {', '.join(valid)}{maybe}"


def _keys(model: type[BaseModel]) -> Iterator[str]:
    for name, field in model.model_fields.items():
        yield field.alias or name


def _model_at(root: Any, loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class at ``loc``, walking from ``root`` through lists and tables."""
    current: Any = root
    for part in loc:
        if isinstance(part, int):
            current = _item_type(current)
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = _field_named(current, part)
            if field is None:
                return None
            current = _unwrap(field)
        else:
            current = _item_type(current)
        if current is None:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _field_named(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field.annotation
    return None


def _unwrap(annotation: Any) -> Any:
    """The model inside ``X | None``; other annotations as they are."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not type(None)]
        return members[0] if len(members) == 1 else None
    return annotation


def _item_type(annotation: Any) -> Any:
    """The item type of a ``tuple[X, ...]`` or the value type of a ``dict[K, X]``."""
    annotation = _unwrap(annotation)
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (tuple, list) and args:
        return _unwrap(args[0])
    if typing.get_origin(annotation) is dict and len(args) == 2:
        return _unwrap(args[1])
    return None
