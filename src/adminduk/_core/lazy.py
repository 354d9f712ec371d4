"""Names of a package loaded from their module on first use (PEP 562), not when it is imported.

A first ``get_office`` should not pay for the bot kit's phrase matcher or the name rules, so a
package lists such names here instead of importing them. Their modules publish their own classes
(:func:`adminduk._core.public.publish`), since the package never sees them before they are used.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

from adminduk._core.collector import paused

__all__ = ["attributes"]


def attributes(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose ``exports`` map names to modules.

    A name is imported from its module (relative to ``package``, or absolute) once, then kept
    in the package like any other.

    Examples:
        >>> getattr_, dir_ = attributes("adminduk.documents", {"check_name": "._names"})
        >>> getattr_("check_name").__name__
        'check_name'
        >>> getattr_("nothing")
        Traceback (most recent call last):
        ...
        AttributeError: module 'adminduk.documents' has no attribute 'nothing'
        >>> "check_name" in dir_()
        True
    """

    def get(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        with paused():  # a module's classes and functions are never garbage: see collector
            value = getattr(importlib.import_module(module, package), name)
        vars(sys.modules[package])[name] = value  # later lookups skip this function
        return value

    def names() -> list[str]:
        namespace = vars(sys.modules[package])
        return sorted(set(namespace) | set(exports) | set(namespace.get("__all__", ())))

    return get, names
