"""Public classes under their public name, wherever they are written.

A public class is written in a private module (``adminduk.offices._channels``) and imported by
the package users read (``adminduk.offices``). :func:`publish` gives it that package's
``__module__``, so reprs, tracebacks, pickles and the docs name the path users import. It imports
nothing of adminduk, so the error types at the very bottom can use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["defined_in", "publish"]


def publish(module: str, names: Iterable[str], namespace: Mapping[str, Any]) -> None:
    """Give each public class of ``names`` the public ``__module__`` it is imported from.

    So reprs, tracebacks and the docs show ``adminduk.offices.Channel``, never the private
    module that defines it. Only classes defined in a private module (``_name``) are changed,
    each once: by the first package that publishes it.

    Examples:
        >>> from adminduk.offices import Channel
        >>> Channel.__module__
        'adminduk.offices'
    """
    for name in names:
        obj = namespace.get(name)
        if isinstance(obj, type) and "._" in obj.__module__ and obj not in _DEFINED_IN:
            _DEFINED_IN[obj] = obj.__module__
            obj.__module__ = module


_DEFINED_IN: dict[type, str] = {}


def defined_in(obj: object) -> str | None:
    """The private module a published class is written in (``None`` if not published).

    Doctest looks for a class's examples in the module named by ``__module__``; the project's
    conftest asks this instead, so the examples of a published class still run where they are
    written.

    Examples:
        >>> from adminduk.offices import Channel
        >>> defined_in(Channel), defined_in(int)
        ('adminduk.offices._channels', None)
    """
    return _DEFINED_IN.get(obj) if isinstance(obj, type) else None
