"""One entry-point group, read as ``importlib.metadata.entry_points(group=...)`` reads it, cheaper.

``importlib.metadata`` costs a first ``get_office`` about a third of its time: importing it pulls
in ``email``, ``zipfile`` and ``csv`` (the metadata parsers), and ``entry_points()`` builds a
path object, a distribution and an ``EntryPoint`` for every entry point of every installed
package, to keep the few of one group. This module does the same search with ``os`` alone, in
the standard library's own order and by its own rules (CPython 3.11 to 3.13, where they are the
same; ``tests/test_entry_points.py`` compares both): every ``*.dist-info`` and ``*.egg-info``
directory of every ``sys.path`` entry, the first of each normalized name only, its
``entry_points.txt`` split into sections and ``name = value`` pairs.

Wherever the two could differ, it answers ``None`` and the caller asks ``importlib.metadata``:
another finder on ``sys.meta_path`` that finds distributions (or the standard one disabled, as
the ``importlib_metadata`` backport does), a ``sys.path`` entry that is a
zip file, an egg, or not a string, a metadata directory whose name does not give the package's
name, a file that cannot be read or parsed (there ``importlib.metadata`` raises, and the caller
must see that error). What it finds is returned as :class:`FoundEntryPoint`, whose ``load()``
and ``dist`` are ``importlib.metadata``'s own, imported only when a plugin is loaded or named.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from importlib.metadata import Distribution

__all__ = ["FoundEntryPoint", "entry_points"]

# The versions whose importlib.metadata this module was read against and is tested with.
_VERSIONS: Final = ((3, 11), (3, 12), (3, 13))
_SUFFIXES: Final = (".dist-info", ".egg-info")
_SEPARATORS: Final = re.compile(r"[-_.]+")


class FoundEntryPoint:
    """An entry point found by :func:`entry_points`: ``name``, ``value``, ``group``.

    ``load()`` and ``dist`` are those of ``importlib.metadata``, built on first use.

    Examples:
        >>> ep = FoundEntryPoint("json", "json:dumps", "demo", None)
        >>> ep.load()({"a": 1})
        '{"a": 1}'
        >>> ep
        FoundEntryPoint(name='json', value='json:dumps', group='demo')
    """

    __slots__ = ("_path", "group", "name", "value")

    def __init__(self, name: str, value: str, group: str, path: str | None) -> None:
        self.name = name
        self.value = value
        self.group = group
        self._path = path  # the metadata directory it was read from

    def load(self) -> Any:
        """The object the entry point names, imported as ``importlib.metadata`` imports it."""
        from importlib import metadata

        return metadata.EntryPoint(self.name, self.value, self.group).load()

    @property
    def dist(self) -> Distribution | None:
        """The distribution that declares it (``importlib.metadata``'s)."""
        if self._path is None:
            return None
        from importlib import metadata

        return metadata.Distribution.at(self._path)

    def __repr__(self) -> str:
        return f"FoundEntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


class _Differs(Exception):
    """The environment is one where this reading and importlib.metadata's could differ."""


def entry_points(group: str) -> list[FoundEntryPoint] | None:
    """The entry points of ``group``, as ``importlib.metadata`` finds them; ``None``: ask it.

    Examples:
        >>> found = entry_points("adminduk.offices")
        >>> found is None or all(ep.group == "adminduk.offices" for ep in found)
        True
    """
    if sys.implementation.name != "cpython" or sys.version_info[:2] not in _VERSIONS:
        return None
    try:
        return _read(group)
    except _Differs:
        return None


def _read(group: str) -> list[FoundEntryPoint]:
    from importlib.machinery import PathFinder

    if getattr(PathFinder, "find_distributions", None) is None:
        raise _Differs  # disabled (the importlib_metadata backport does so, on import)
    for finder in sys.meta_path:
        if getattr(finder, "find_distributions", None) is not None and finder is not PathFinder:
            raise _Differs  # another finder may find distributions
    seen: set[str] = set()
    found: list[FoundEntryPoint] = []
    for root in list(sys.path):
        for name, path in _metadata_dirs(root):
            if name in seen:
                continue  # importlib.metadata keeps the first distribution of a name
            seen.add(name)
            found.extend(_parse(_entry_points_text(path), path, group))
    return found


def _normalize(name: str) -> str:
    # importlib.metadata's Prepared.normalize.
    return _SEPARATORS.sub("-", name).lower().replace("-", "_")


def _metadata_dirs(root: object) -> list[tuple[str, str]]:
    """(normalized name, path) of each metadata directory in ``root``, in importlib's order."""
    if not isinstance(root, str) or os.path.basename(root).lower().endswith(".egg"):
        raise _Differs
    try:
        children = os.listdir(root or ".")
    except Exception:
        # importlib.metadata reads a zip file here; a missing or unlistable folder gives none.
        if os.path.isdir(root or ".") or not os.path.exists(root or "."):
            return []
        raise _Differs from None
    by_name: dict[str, list[str]] = {}  # importlib's Lookup: grouped by name, first seen first
    for child in children:
        if not child.lower().endswith(_SUFFIXES):
            continue
        stem, ext = os.path.splitext(child)
        name = _normalize(stem.partition("-")[0])
        if ext not in _SUFFIXES or not name:
            raise _Differs  # importlib would read the package's name from its metadata
        by_name.setdefault(name, []).append(os.path.join(root, child))
    return [(name, path) for name, paths in by_name.items() for path in paths]


def _entry_points_text(path: str) -> str:
    try:
        return _file_bytes(os.path.join(path, "entry_points.txt")).decode("utf-8")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return ""  # what importlib.metadata's read_text leaves unsaid
    except Exception:
        raise _Differs from None  # importlib.metadata raises: its caller must see that


def _file_bytes(file: str) -> bytes:
    # A file object costs each of the hundred-odd packages of an environment three system
    # calls more than these (a size, a terminal check, a position), and the calls are what a
    # busy virtual machine makes slow.
    descriptor = os.open(file, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(descriptor, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def _parse(text: str, path: str, group: str) -> list[FoundEntryPoint]:
    """The entry points of ``group`` in an ``entry_points.txt``, read as importlib reads it.

    Every line is read, as importlib.metadata's ``Sectioned`` reads them all: a line it cannot
    parse, in any group, makes it raise.
    """
    found: list[FoundEntryPoint] = []
    section: str | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section is None:
            continue
        name, equals, value = line.partition("=")
        if not equals:
            raise _Differs  # importlib.metadata raises ValueError
        if section == group:
            found.append(FoundEntryPoint(name.strip(), value.strip(), section, path))
    return found
