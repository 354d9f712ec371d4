"""The one translator from pydantic's validation errors to ``ConfigError``.

Every model the library reads from outside (office files and their parts, calendars, service
requests, advice) leaves its validation problems as one :class:`~adminduk.errors.ConfigError`,
never as ``pydantic.ValidationError``, in the manner of httpx's ``map_exceptions``: the foreign
error is translated in one place (:func:`config_errors`), and each problem names its key path
in the terms of the file (``policies[0].channels[2].address``) and says in plain words what
would be valid ("expected true or false", not "Input should be a valid boolean").

Also here: :func:`trusted`, the one way to build a model from values that are already valid.
"""

from __future__ import annotations

import copy
import datetime as dt
import types
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Annotated, Any, Final, Self, TypeVar

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from adminduk._core.arguments import flag
from adminduk._core.errors import AdmindukError, ConfigError, ConfigProblem
from adminduk._core.redact import long_number, plain, redact, safe_repr

__all__ = [
    "MAX_UNKNOWN_KEYS",
    "ConfigErrorModel",
    "Text",
    "config_errors",
    "describe_pattern",
    "frozen_config",
    "join_path",
    "problems_from",
    "show_value",
    "trusted",
    "unchecked",
]

_MAX_CHARS: Final = 80
MAX_UNKNOWN_KEYS: Final = 20
"""Unknown keys listed one by one in a ``ConfigError``; the rest are counted in one line."""
_M = TypeVar("_M", bound=BaseModel)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A text field of a file: surrounding blanks dropped, never empty."""


def frozen_config(*, populate_by_name: bool = False) -> ConfigDict:
    """The configuration of every library model that is a value.

    Frozen, no unknown keys, schemas built on first use (a cold start pays only for what it
    validates), and the input never echoed in pydantic's own errors (it may hold a NIK).

    Examples:
        >>> frozen_config()["hide_input_in_errors"], frozen_config()["frozen"]
        (True, True)
    """
    return ConfigDict(
        frozen=True,
        extra="forbid",
        defer_build=True,
        hide_input_in_errors=True,
        populate_by_name=populate_by_name,
    )


# --------------------------------------------------------------------------- values and paths
def show_value(value: object) -> str:
    """A short, one-line rendering of an offending value, with personal numbers masked.

    Never fails, whatever the value: a huge number or a deep list is described, not printed.

    Examples:
        >>> show_value("Asia/Jakartaa")
        "'Asia/Jakartaa'"
        >>> show_value("3513 0141 0190 0001")
        "'3513**********01'"
        >>> len(show_value("x" * 500))
        80
        >>> show_value(10**5000)
        'a number of about 5001 digits'
    """
    try:
        text = _shown(plain(value))
    except Exception:  # a value that lies about what it is: described by its real type
        text = f"a {type(value).__name__}"
    if len(text) > _MAX_CHARS:
        text = text[: _MAX_CHARS - 1] + "…"
    return text


def _shown(value: object) -> str:
    if isinstance(value, str | bool | float) or value is None:
        text = safe_repr(value, _MAX_CHARS)  # the errors' own repr: bounded, redacted
    elif isinstance(value, int):
        text = long_number(value) or repr(value)
    elif isinstance(value, dt.date):
        text = f"'{value}'"
    elif isinstance(value, Mapping):
        text = "a table {" + ", ".join(_short_key(key) for key in list(value)[:6]) + "}"
    elif isinstance(value, list | tuple):
        text = f"a list of {len(value)}"
    else:
        text = f"a {type(value).__name__}"
    return redact(text)


def _short_key(key: object) -> str:
    return repr(key[:_MAX_CHARS]) if isinstance(key, str) else f"a {type(key).__name__}"


def join_path(prefix: str, suffix: str) -> str:
    """Join two paths of a file: ``policies[0]`` + ``channels[1].address``.

    Examples:
        >>> join_path("policies", "[1].valid_from"), join_path("", "code"), join_path("a", "")
        ('policies[1].valid_from', 'code', 'a')
    """
    if not prefix or not suffix:
        return prefix or suffix
    return prefix + suffix if suffix.startswith("[") else f"{prefix}.{suffix}"


_MAX_KEY_CHARS: Final = 60


def _loc_path(loc: Sequence[int | str]) -> str:
    """The path of ``loc`` as the file writes it; a key is shown bounded and redacted.

    A key comes from the input like a value does ("[sources.3514011203850007]"), so it is
    masked like one, and a 100,000-character key is cut.
    """
    path = ""
    for part in loc:
        if isinstance(part, int):
            piece = f"[{part}]"
        else:
            piece = str(part)
            if len(piece) > _MAX_KEY_CHARS:
                piece = piece[: _MAX_KEY_CHARS - 1] + "…"
        path = join_path(path, piece)
    return redact(path)


# --------------------------------------------------------------------------- plain messages
def _kind_of(value: object) -> str:
    """What a value is, in the words of a TOML or JSON file."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text in quotes"
    if isinstance(value, dt.datetime):
        return "a date with a time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


_EXPECTED: Final[dict[str, str]] = {
    "bool_type": "true or false (without quotes)",
    "bool_parsing": "true or false (without quotes)",
    "int_type": "a whole number (without quotes)",
    "int_parsing": "a whole number (without quotes)",
    "int_from_float": "a whole number",
    "float_type": "a number (without quotes)",
    "float_parsing": "a number (without quotes)",
    "string_type": "text in quotes",
    "tuple_type": 'a list, e.g. ["..."]',
    "list_type": 'a list, e.g. ["..."]',
    "dict_type": "a table of keys",
    "model_type": "a table of keys",
    "model_attributes_type": "a table of keys",
    "date_type": "a date such as 2020-03-18",
    "date_parsing": "a date such as 2020-03-18",
    "date_from_datetime_parsing": "a date such as 2020-03-18",
    "date_from_datetime_inexact": "a date such as 2020-03-18, without a time",
    "datetime_type": "a date and time such as 2020-03-23T09:00",
    "datetime_parsing": "a date and time such as 2020-03-23T09:00",
    "datetime_from_date_parsing": "a date and time such as 2020-03-23T09:00",
}

# What a pattern of a text field means, in words (registered beside each pattern).
_PATTERN_WORDS: dict[str, str] = {}


def describe_pattern(pattern: str, words: str) -> str:
    """Register what a text pattern means, so a mismatch is explained in words; returns it.

    Examples:
        >>> describe_pattern(r"^[0-9]{2}$", "two digits, e.g. '35'")
        '^[0-9]{2}$'
        >>> plain_message("string_pattern_mismatch", "...", "3", {"pattern": "^[0-9]{2}$"})
        "expected two digits, e.g. '35'"
    """
    _PATTERN_WORDS[pattern] = words
    return pattern


def plain_message(
    kind: str, message: str, value: object, ctx: Mapping[str, Any], *, hidden: bool = False
) -> str:
    """A pydantic error message reworded for the author of a file.

    Examples:
        >>> plain_message("bool_type", "Input should be a valid boolean", "no", {})
        'expected true or false (without quotes), got text in quotes'
        >>> plain_message("greater_than_equal", "...", -1, {"ge": 0})
        'must be at least 0'
        >>> plain_message("int_parsing_size", "...", "9" * 5000, {})
        'the number is too large'
    """
    if kind in _EXPECTED:
        got = "" if hidden else f", got {_kind_of(value)}"
        return f"expected {_EXPECTED[kind]}{got}"
    if kind == "int_parsing_size":
        return "the number is too large"
    if kind == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERN_WORDS:
        return f"expected {_PATTERN_WORDS[ctx['pattern']]}"
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "cannot be empty"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), "")
        word = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[kind]
        return f"must be {word} {bound}"
    message = message.removeprefix("Value error, ")
    return message.replace("Input should be", "expected", 1)


# --------------------------------------------------------------------------- the translator
def problems_from(
    err: ValidationError, root: Any = None, *, hide_input: bool = False
) -> list[ConfigProblem]:
    """Every problem of a validation error, with paths like ``policies[0].channels[2].address``.

    A check that raised :class:`ConfigError` (a cross-field check) contributes its own problems,
    their paths made absolute; an unknown key is reported with the keys valid at that place
    (when ``root``, the model or type validated, is given). With ``hide_input`` no value is
    shown (personal data).

    Examples:
        >>> from pydantic import TypeAdapter
        >>> try:
        ...     TypeAdapter(dict[str, bool]).validate_python({"online_first": "no"}, strict=True)
        ... except ValidationError as err:
        ...     print(problems_from(err)[0])
        online_first: expected true or false (without quotes), got text in quotes (got 'no')
    """
    problems: list[ConfigProblem] = []
    unknown = 0
    for item in err.errors(include_url=False, include_input=not hide_input):
        loc = item["loc"]
        if item["type"] == "extra_forbidden":
            unknown += 1
            if unknown > MAX_UNKNOWN_KEYS:
                continue  # counted, and summed up below: a dict of 100,000 keys is one line
        # A bad key of a table (a [sources] key) is reported at the key, in the file's terms.
        is_key = bool(loc) and loc[-1] == "[key]"
        path = _loc_path(loc[:-1] if is_key else loc)
        ctx = item.get("ctx") or {}
        cause = ctx.get("error")
        if isinstance(cause, ConfigError):
            for inner in cause.problems:
                value = None if hide_input else inner.value
                problems.append(ConfigProblem(join_path(path, inner.path), inner.message, value))
            continue
        raw = item.get("input")
        # A table or a list is described by the message; only a single value is shown.
        hidden = hide_input or isinstance(raw, Mapping | list | tuple)
        if item["type"] == "missing":
            message, shown = "required, but missing", None
        elif item["type"] == "extra_forbidden":
            message = (
                _unknown_key_message(root, item["loc"]) if root is not None else "unknown key"
            )
            shown = None if hidden else show_value(raw)
        else:
            message = plain_message(item["type"], str(item["msg"]), raw, ctx, hidden=hide_input)
            message = f"the key: {message}" if is_key else message
            shown = None if hidden else show_value(raw)
        problems.append(ConfigProblem(path, message, shown))
    if unknown > MAX_UNKNOWN_KEYS:
        more = unknown - MAX_UNKNOWN_KEYS
        problems.append(ConfigProblem("", f"and {more} more unknown keys, not listed"))
    return list(dict.fromkeys(problems))


@contextmanager
def config_errors(
    source: str | None = None, *, root: Any = None, hide_input: bool = False
) -> Iterator[None]:
    """Translate a ``ValidationError`` raised in the block into a ``ConfigError``.

    Examples:
        >>> from pydantic import TypeAdapter
        >>> with config_errors("draft"):
        ...     TypeAdapter(int).validate_python("5", strict=True)
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: draft: 1 problem
          - <file>: expected a whole number (without quotes), got text in quotes (got '5')
    """
    try:
        yield
    except ValidationError as err:
        raise ConfigError(problems_from(err, root, hide_input=hide_input), source=source) from None


def _unknown_key_message(root: Any, loc: Sequence[int | str]) -> str:
    from adminduk._core.suggest import close_matches

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
    """The model inside ``X | None`` or ``Annotated[X, ...]``; other annotations as they are."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
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


# --------------------------------------------------------------------------- the model base
class ConfigErrorModel(BaseModel):
    """Validation problems are raised as one :class:`~adminduk.errors.ConfigError`.

    The constructor, ``model_validate``, ``model_validate_json`` and ``model_validate_strings``
    all refuse bad input the same way. Pydantic's own messages never print the input
    (``hide_input_in_errors``); the problems show each offending value through
    :func:`show_value`, which masks personal numbers. A model whose input is personal data
    through and through (a service request) overrides ``_config_error`` to show none.

    Examples:
        >>> class Point(ConfigErrorModel):
        ...     x: int
        >>> Point(x="one")
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: Point: 1 problem
          - x: expected a whole number (without quotes), got text in quotes (got 'one')
        >>> Point.model_validate_strings({"x": "2"}).x
        2
    """

    # What was given may be personal data: pydantic's own messages must never print it.
    # Built on first use, like every library model: building it here, at import, cost a
    # cold start the scan of every installed package for pydantic plugins (bench_import.py).
    model_config = ConfigDict(hide_input_in_errors=True, defer_build=True)

    @classmethod
    def _config_error(cls, err: ValidationError) -> ConfigError:
        problems = problems_from(err, cls)
        return ConfigError(problems, source=cls._error_source())

    @classmethod
    def _error_source(cls) -> str | None:
        return cls.__name__

    @classmethod
    def _refusal(cls, err: Exception) -> ConfigError:
        """The one translation of a failed validation, whichever entry point it came through."""
        if isinstance(err, ValidationError):
            return cls._config_error(err)
        # RecursionError too: input nested past the limit, or whose repr fails, cannot be read;
        # and a value whose own methods fail inside pydantic (a tzinfo returning junk).
        what = "nested too deeply" if isinstance(err, RecursionError) else "unreadable"
        problem = ConfigProblem("", f"the input cannot be read: {what} ({type(err).__name__})")
        return ConfigError([problem], source=cls._error_source())

    def __init__(self, **data: Any) -> None:
        try:
            super().__init__(**data)
        except AdmindukError:
            raise
        except Exception as err:  # ValidationError, or a hostile value failing inside pydantic
            raise type(self)._refusal(err) from None

    # Only a direct call needs the translation: nested models validate inside their parent,
    # whose own entry point translates. Marked as pydantic's own __init__, so validating a
    # parent does not call this one for each nested part (pydantic's slow path).
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate a mapping (or an instance); every problem at once, as a ``ConfigError``.

        Raises:
            ConfigError: every problem, each with its path.
        """
        try:
            return super().model_validate(obj, *args, **kwargs)
        except AdmindukError:
            raise
        except Exception as err:  # ValidationError, or a hostile value failing inside pydantic
            raise cls._refusal(err) from None

    @classmethod
    def model_validate_json(cls, json_data: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate JSON text; every problem at once, as a ``ConfigError``.

        Raises:
            ConfigError: every problem, each with its path.
        """
        try:
            return super().model_validate_json(json_data, *args, **kwargs)
        except AdmindukError:
            raise
        except Exception as err:  # ValidationError, or a hostile value failing inside pydantic
            raise cls._refusal(err) from None

    def __setattr__(self, name: str, value: Any) -> None:
        # pydantic's refusal on a frozen model is its ValidationError, with the value in it.
        if self.model_config.get("frozen"):
            raise AttributeError(
                f"{type(self).__name__} is immutable; use model_copy(update={{{name!r}: ...}})"
            )
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if self.model_config.get("frozen"):
            raise AttributeError(f"{type(self).__name__} is immutable")
        super().__delattr__(name)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with ``update``, the changed model is validated like a new one.

        Pydantic's own ``model_copy(update=...)`` sets the fields unchecked: a NIK given as
        text would stay text, and shown raw. Here the result passes the constructor's checks.

        Raises:
            ConfigError: the update makes the model invalid (every problem, with its path).

        Examples:
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point(x=1).model_copy(update={"x": "2"}).x
            2
            >>> Point(x=1).model_copy(update={"x": "two"})
            Traceback (most recent call last):
            ...
            adminduk.errors.ConfigError: Point: 1 problem
              - x: expected a whole number (without quotes), got text in quotes (got 'two')
        """
        deep = flag("deep", deep)
        if update is not None and not isinstance(update, Mapping):
            raise ConfigError.single("update", "a mapping of field names to new values", update)
        # The fields only: __dict__ also holds cached properties (calendars with their locks,
        # which do not copy), stale once a field changes.
        fields = {name: self.__dict__[name] for name in type(self).model_fields}
        if deep:
            try:
                fields = copy.deepcopy(fields)
            except (RecursionError, TypeError) as err:  # a value that does not copy
                raise ConfigError.single("deep", f"the fields cannot be copied ({err})") from None
        if update is None:
            copied = super().model_copy()
            if deep:
                object.__setattr__(copied, "__dict__", fields)
            return copied
        return type(self).model_validate({**fields, **update}, by_name=True)

    @classmethod
    def model_construct(  # type: ignore[override]
        cls, _fields_set: set[str] | None = None, **values: Any
    ) -> Self:
        """Build an instance from ``values``, checked like the constructor (never unchecked).

        Pydantic's ``model_construct`` skips validation; a library value must not exist in a
        state its checks refuse, so here it validates (``_fields_set`` is ignored).

        Raises:
            ConfigError: every problem, each with its path.

        Examples:
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point.model_construct(x="3").x
            3
        """
        return cls.model_validate(values, by_name=True)

    # Pydantic 1's names, deprecated in pydantic 2, either go through the checks above or are
    # refused with a library error: none of them may raise pydantic's own errors, echo input,
    # or read a file.
    @classmethod
    def parse_obj(cls, obj: Any) -> Self:
        """Deprecated pydantic names (``parse_obj``, ``validate``): :meth:`model_validate`.

        Examples:
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point.parse_obj({"x": 1}).x, Point.validate({"x": 2}).x
            (1, 2)
        """
        return cls.model_validate(obj)

    @classmethod
    def parse_raw(cls, b: Any, **options: Any) -> Self:
        """Deprecated pydantic name: :meth:`model_validate_json` (JSON only, no options).

        Raises:
            ConfigError: the text is not valid JSON of this model, or options were given.

        Examples:
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point.parse_raw('{"x": 1}').x
            1
        """
        if options:
            raise _not_offered("parse_raw with options", "model_validate_json(text)")
        return cls.model_validate_json(b)

    @classmethod
    def parse_file(cls, path: Any, **options: Any) -> Self:
        """Not offered: read the file yourself and call :meth:`model_validate_json`.

        Raises:
            ConfigError: always; the file is never opened.

        Examples:
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point.parse_file("/dev/zero")
            Traceback (most recent call last):
            ...
            adminduk.errors.ConfigError: Point: 1 problem
              - <file>: parse_file is not offered; use model_validate_json(text)
        """
        raise _not_offered("parse_file", "model_validate_json(text)", cls._error_source())

    @classmethod
    def from_orm(cls, obj: Any) -> Self:
        """Deprecated pydantic name: :meth:`model_validate` with ``from_attributes=True``.

        Examples:
            >>> from types import SimpleNamespace
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point.from_orm(SimpleNamespace(x=1)).x
            1
        """
        return cls.model_validate(obj, from_attributes=True)

    @classmethod
    def construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """Deprecated pydantic name: :meth:`model_construct`, which checks.

        Examples:
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point.construct(x=1).x
            1
        """
        return cls.model_validate(values, by_name=True)

    def copy(
        self,
        *,
        include: Any = None,
        exclude: Any = None,
        update: Mapping[str, Any] | None = None,
        deep: bool = False,
    ) -> Self:
        """Deprecated pydantic name: :meth:`model_copy` (``include``/``exclude`` refused).

        Examples:
            >>> class Point(ConfigErrorModel):
            ...     x: int
            >>> Point(x=1).copy(update={"x": 2}).x
            2
        """
        if include is not None or exclude is not None:
            raise _not_offered("copy with include or exclude", "model_copy(update=...)")
        return self.model_copy(update=update, deep=deep)

    @classmethod
    def validate(cls, value: Any) -> Self:
        """Deprecated pydantic name: :meth:`parse_obj` (its example shows both)."""
        return cls.parse_obj(value)

    @classmethod
    def model_validate_strings(cls, obj: Any, *args: Any, **kwargs: Any) -> Self:
        """Validate a mapping of strings (e.g. form fields); every problem as a ``ConfigError``.

        Raises:
            ConfigError: every problem, each with its path.
        """
        try:
            return super().model_validate_strings(obj, *args, **kwargs)
        except AdmindukError:
            raise
        except Exception as err:  # ValidationError, or a hostile value failing inside pydantic
            raise cls._refusal(err) from None


def _not_offered(what: str, instead: str, source: str | None = None) -> ConfigError:
    problem = ConfigProblem("", f"{what} is not offered; use {instead}")
    return ConfigError([problem], source=source)


def unchecked(cls: type[_M], **values: Any) -> _M:
    """Pydantic's own, unchecked ``model_construct``, for the library's own literal values.

    The public ``model_construct`` of a library model checks its input; a module that builds
    a value from constants it wrote itself uses this, and a test holds the result valid.

    Examples:
        >>> class Point(ConfigErrorModel):
        ...     x: int
        >>> unchecked(Point, x=1) == Point(x=1)
        True
    """
    return BaseModel.model_construct.__func__(cls, **values)  # type: ignore[attr-defined,no-any-return]


def trusted(
    cls: type[_M], fields: dict[str, Any], fields_set: set[str] | Iterable[str] | None = None
) -> _M:
    """An instance of ``cls`` from field values that are already valid, without validation.

    What ``model_construct`` does, at a fraction of its cost on hot paths, and without its
    default handling: ``fields`` names every field, and becomes the instance's ``__dict__``.
    ``fields_set`` defaults to every field given; a ``set`` is used as it is (shared safely:
    pydantic copies a model's fields-set before it changes it). Where it is used, a test holds
    the result equal to a validated copy.

    Examples:
        >>> class Point(ConfigErrorModel):
        ...     x: int
        >>> trusted(Point, {"x": 1}) == Point(x=1)
        True
    """
    given = fields if fields_set is None else fields_set
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(
        obj, "__pydantic_fields_set__", given if isinstance(given, set) else set(given)
    )
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj
