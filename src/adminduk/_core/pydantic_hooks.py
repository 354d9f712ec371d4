"""Pydantic hooks shared by the string-like value types of several packages.

pydantic is imported only when a schema is built, so importing a value type stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["public_schema", "text_json_schema"]

T = TypeVar("T")


def public_schema(parse: Callable[[Any], T], dump: Callable[[T], str]) -> CoreSchema:
    """Core schema of a public (unmasked) value validated by ``parse`` and written by ``dump``."""
    from pydantic_core import core_schema

    return core_schema.no_info_plain_validator_function(
        parse,
        serialization=core_schema.plain_serializer_function_ser_schema(dump, when_used="always"),
    )


def text_json_schema(
    handler: GetJsonSchemaHandler, *, read: dict[str, Any], written: dict[str, Any]
) -> JsonSchemaValue:
    """JSON schema of a value that is a string both ways: ``read`` when validating input,
    ``written`` when describing a dump (which may be masked, or normalised, unlike the input).
    """  # noqa: D205
    return {"type": "string", **(written if handler.mode == "serialization" else read)}
