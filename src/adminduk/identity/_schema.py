"""Pydantic glue shared by the identity types; pydantic is imported only when a schema is built."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from adminduk.identity._mask import reveal_requested

if TYPE_CHECKING:
    from pydantic_core import CoreSchema, core_schema

__all__ = ["HiddenInput", "personal_schema"]


class _Personal(Protocol):
    def reveal(self) -> str: ...


P = TypeVar("P", bound=_Personal)


class HiddenInput:
    """Raw input on its way to a validator, with a repr that does not show it.

    pydantic prints a failed field's input in ``ValidationError`` messages, and an application's
    model cannot be relied on to set ``hide_input_in_errors``. Wrapping the input first means
    the value pydantic reports is this wrapper, never the identifier.
    """

    __slots__ = ("label", "value")

    def __init__(self, value: object, label: str) -> None:
        self.value = value
        self.label = label

    def __repr__(self) -> str:
        return f"<{self.label} hidden>"


def personal_schema(label: str, parse: Callable[[Any], P]) -> CoreSchema:
    """Core schema of a masked personal-data type.

    Validation hides the raw input from pydantic's error reports; serialisation gives the masked
    text in JSON, the object itself in Python mode, and the raw value only when the dump's
    context asks for it (see ``REVEAL_CONTEXT``).
    """
    from pydantic_core import core_schema

    def unwrap(hidden: HiddenInput) -> P:
        return parse(hidden.value)

    def serialize(value: P, info: core_schema.SerializationInfo) -> Any:
        if reveal_requested(info):
            return value.reveal()
        if info.mode_is_json():
            return str(value)
        return value

    return core_schema.chain_schema(
        [
            core_schema.no_info_plain_validator_function(lambda raw: HiddenInput(raw, label)),
            core_schema.no_info_plain_validator_function(unwrap),
        ],
        serialization=core_schema.plain_serializer_function_ser_schema(
            serialize, info_arg=True, when_used="always"
        ),
    )
