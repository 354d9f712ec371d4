"""The base of every office model: frozen, strict about keys, checked across fields once.

Each model names the scopes of :mod:`adminduk.offices._checks` that apply to it. Its validator
runs their ``error`` checks on the validated model; when some field fails, it runs them on the
fields that did validate, so the author sees every problem of a file in one round, at every
level (``processing_working_days = -1`` and an impossible delivery, both).
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations): a
# model module is on a first get_office's path, and pydantic evaluating strings costs it ~2 ms.
import contextlib
import typing
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError, ValidatorFunctionWrapHandler
from pydantic import model_validator as _model_validator

from adminduk._core.validation import ConfigErrorModel, frozen_config, problems_from
from adminduk.documents import Service
from adminduk.errors import AdmindukError, ConfigError, ConfigProblem
from adminduk.offices._types import Scope, expand_pattern, pattern_rank

if TYPE_CHECKING:
    from pydantic import TypeAdapter

__all__ = ["OfficeModel", "most_specific", "service_code"]


class OfficeModel(ConfigErrorModel):
    """A part of an office file: frozen, no unknown keys, its cross-field checks run once."""

    model_config = frozen_config()
    _scopes: ClassVar[tuple[Scope, ...]] = ()

    @classmethod
    def _context(cls, data: Any) -> contextlib.AbstractContextManager[None]:
        """What the part's fields need to know while they validate (the office overrides it)."""
        return contextlib.nullcontext()

    @_model_validator(mode="wrap")
    @classmethod
    def _cross_checked(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        if isinstance(data, cls):
            return data  # checked when it was made
        # The checks load with the first file validated: a built-in office served precomputed
        # (adminduk._core.precomputed) never needs them.
        from adminduk.offices._checks import load_problems

        with cls._context(data):
            try:
                model = handler(data)
            except ValidationError as err:
                if not cls._scopes or not isinstance(data, Mapping):
                    raise
                failed = {str(item["loc"][0]) for item in err.errors() if item["loc"]}
                found = load_problems(cls._scopes, _partial(cls, data, failed))
                if not found:
                    raise
                raise ConfigError(
                    _in_field_order(cls, [*problems_from(err, cls), *found])
                ) from None
            problems = load_problems(cls._scopes, model.__dict__)
        if problems:
            raise ConfigError(problems)
        return model


def _in_field_order(
    model: type[OfficeModel], problems: list[ConfigProblem]
) -> list[ConfigProblem]:
    """Problems in the order of the fields they are about, as the file's author reads them."""
    order = {field.alias or name: i for i, (name, field) in enumerate(model.model_fields.items())}
    return sorted(problems, key=lambda p: order.get(_first_key(p.path), len(order)))


def _first_key(path: str) -> str:
    return path.split(".")[0].split("[")[0]


# --------------------------------------------------------------------------- partial parts
@cache
def _adapter(model: type[OfficeModel], name: str) -> "TypeAdapter[Any]":
    # Imported here: only a file with a problem needs it, and its module costs a cold start.
    from pydantic import TypeAdapter

    return TypeAdapter(typing.cast(Any, model.model_fields[name].annotation))


def _failed_fields(problems: Iterable[ConfigProblem]) -> set[str]:
    return {_first_key(p.path) for p in problems}


def _partial(
    model: type[OfficeModel], data: Mapping[str, Any], failed: set[str]
) -> dict[str, Any]:
    """The fields of ``data`` that validate, as ``model`` would hold them.

    A list of parts that failed keeps each item: validated, or itself partial, so a check over
    the list (policy overlaps, the channels a suspension clashes with) still sees them.
    """
    part: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in data:
            if not field.is_required():
                part[name] = field.get_default(call_default_factory=True)
            continue
        raw = data[key]
        if key in failed:
            items = _partial_items(field.annotation, raw)
            if items is not None:
                part[name] = items
            continue
        try:
            part[name] = _adapter(model, name).validate_python(raw)
        except (ValidationError, AdmindukError, ValueError):
            continue
    return part


def _item_model(annotation: Any) -> type[OfficeModel] | None:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is tuple and args:
        item = args[0]
        if isinstance(item, type) and issubclass(item, OfficeModel):
            return item
    return None


def _partial_items(annotation: Any, raw: object) -> tuple[Any, ...] | None:
    item_model = _item_model(annotation)
    if item_model is None or not isinstance(raw, list | tuple):
        return None
    return tuple(_partial_item(item_model, item) for item in raw)


def _partial_item(model: type[OfficeModel], raw: object) -> Any:
    if isinstance(raw, model):
        return raw
    if not isinstance(raw, Mapping):
        return {}
    try:
        return model.model_validate(raw)
    except ConfigError as err:
        return _partial(model, raw, _failed_fields(err.problems))


# --------------------------------------------------------------------------- lookups
def service_code(service: str | Service) -> str:
    """The code of a service given as a code or a ``Service``.

    Raises:
        UnknownService: ``service`` is not in the catalogue.
    """
    return service.code if isinstance(service, Service) else Service.parse(service).code


_R = typing.TypeVar("_R")


def most_specific(rules: tuple[_R, ...], code: str) -> _R | None:
    """The rule whose pattern names ``code`` most specifically; the first such in file order."""
    best: _R | None = None
    best_rank = -1
    for rule in rules:
        for pattern in typing.cast(Any, rule).services:
            rank = pattern_rank(pattern)
            if rank > best_rank and code in expand_pattern(pattern):
                best, best_rank = rule, rank
    return best
