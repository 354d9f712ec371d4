"""Package data served from a precomputed form, but only while it is the form of its source.

Validating the built-in offices and the catalogue builds pydantic's validators for the whole
office model: about 15 ms of a first ``get_office``, most of it before a single value is checked.
So each such file ships beside a pickle of its validated value, written by
``scripts/precompute_data.py``. The pickle records the SHA-256 of the bytes it was made from and
:data:`FORMAT`; :func:`load` serves it only when both match the source as it is now, and in every
other case (the source was edited, the pickle is missing, from another format, or fails to load
in any way) validates the source as it would without one. A test holds every pickle equal to its
validated source, so a change to a model or a file that is not precomputed again fails the gate.

The pickles are package data, trusted as the package's code is: nothing else is ever unpickled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final, TypeVar

from adminduk._core.collector import paused

# pickle's own C pickler and unpickler, which it re-exports: importing pickle.py (their
# pure-Python twins) would cost a first get_office about a millisecond for nothing it uses.
try:
    from _pickle import dumps as _dumps
    from _pickle import load as _load
    from _pickle import loads as _loads
except ImportError:  # pragma: no cover - an interpreter without the C accelerator (PyPy)
    from pickle import dumps as _dumps
    from pickle import load as _load
    from pickle import loads as _loads

if TYPE_CHECKING:  # annotations only: importing it costs a NIK parse several milliseconds
    from importlib.resources.abc import Traversable

__all__ = ["FORMAT", "PROTOCOL", "dumps", "load", "read", "unpickled"]

FORMAT: Final = 1
"""The shape of the precomputed values; raise it when a model's fields change meaning."""

PROTOCOL: Final = 5
"""The pickle protocol of every precomputed form (and of values pickled inside one)."""
_T = TypeVar("_T")


def _header(source: bytes, depends: Sequence[bytes] = ()) -> dict[str, object]:
    header: dict[str, object] = {"format": FORMAT, "sha256": hashlib.sha256(source).hexdigest()}
    if depends:
        header["depends"] = [hashlib.sha256(data).hexdigest() for data in depends]
    return header


def read(
    precomputed: Traversable, source: bytes, kind: type[_T], depends: Sequence[bytes] = ()
) -> _T | None:
    """The value precomputed from ``source``, or ``None`` if ``precomputed`` is not its form.

    ``depends``: the other files the value was computed from (an office's calendar reads the
    national law's working hours), which must be as they were too.

    Examples:
        >>> from importlib.resources import files
        >>> office = files("adminduk.offices").joinpath("data/3513-kabupaten-probolinggo.toml")
        >>> pickled = files("adminduk.offices").joinpath(
        ...     "data/precomputed/3513-kabupaten-probolinggo.pickle")
        >>> from adminduk.offices import OfficeConfig
        >>> from adminduk._law import law_file
        >>> law = [law_file().read_bytes()]  # what a built-in office's form is computed from
        >>> read(pickled, office.read_bytes(), OfficeConfig, law).code
        '35.13'
        >>> read(pickled, b"an edited file", OfficeConfig, law) is None
        True
    """
    try:
        with paused(), precomputed.open("rb") as handle:  # none of it is garbage: see collector
            if _load(handle) != _header(source, depends):
                return None
            value = _load(handle)
    except Exception:  # missing, truncated, or naming a class that moved: validate instead
        return None
    return value if isinstance(value, kind) else None


def load(
    source: Traversable,
    precomputed: Traversable,
    kind: type[_T],
    build: Callable[[], _T],
    depends: Sequence[Traversable] = (),
) -> _T:
    """``source``'s value: precomputed if that is its form, else ``build()`` (which validates).

    ``depends``: the other files the precomputed value was computed from (see :func:`read`).

    Examples:
        >>> from importlib.resources import files
        >>> data = files("adminduk.offices").joinpath("data")
        >>> from adminduk.offices import OfficeConfig, load_office
        >>> source = data.joinpath("3513-kabupaten-probolinggo.toml")
        >>> load(source, data.joinpath("precomputed/3513-kabupaten-probolinggo.pickle"),
        ...      OfficeConfig, lambda: load_office(source)) == load_office(source)
        True
    """
    try:
        raw = source.read_bytes()
        others = [other.read_bytes() for other in depends]
    except OSError:
        return build()  # which reports the unreadable file in its own terms
    found = read(precomputed, raw, kind, others)
    return found if found is not None else build()


def dumps(source: bytes, value: object, depends: Sequence[bytes] = ()) -> bytes:
    """The precomputed form of ``value``: the validated value of the file of bytes ``source``.

    ``depends``: the bytes of the other files it was computed from (see :func:`read`).

    Examples:
        >>> import io, pickle
        >>> stream = io.BytesIO(dumps(b"x", (1, 2)))
        >>> pickle.load(stream)["format"], pickle.load(stream)
        (1, (1, 2))
    """
    return _dumps(_header(source, depends), PROTOCOL) + _dumps(value, PROTOCOL)


def unpickled(stored: bytes) -> object | None:
    """A value pickled inside a precomputed form (:data:`PROTOCOL`), or ``None`` if it fails.

    Only for bytes read from a form :func:`read` served: the package's own data.

    Examples:
        >>> import pickle
        >>> unpickled(pickle.dumps({"a": (1, 2)}, PROTOCOL))
        {'a': (1, 2)}
        >>> unpickled(b"damaged") is None
        True
    """
    try:
        with paused():  # none of it is garbage: see collector
            value: object = _loads(stored)
    except Exception:  # naming a class that moved, or damaged: validate instead
        return None
    return value
