"""The office registry: built-in offices (package data) and plugins (entry points).

One table names the built-in offices, as python-holidays' registry names its countries; their
files are read on first use, behind a lock. Plugins are entry points in the group
``adminduk.offices``; each is loaded on its own, so a broken one is reported by name
(:func:`registry_errors`, and an :class:`OfficePluginWarning`) while the rest still load.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from typing import Final

from adminduk._arguments import shown
from adminduk._suggest import close_matches
from adminduk.errors import ConfigError, ConfigProblem, OfficeNotFound
from adminduk.offices._loading import load_office
from adminduk.offices._models import OfficeConfig

__all__ = [
    "BUILTIN_OFFICES",
    "ENTRY_POINT_GROUP",
    "OfficePluginWarning",
    "PluginFailure",
    "get_office",
    "offices",
    "register",
    "registry_errors",
]

ENTRY_POINT_GROUP: Final = "adminduk.offices"

# The built-in offices: Kemendagri code -> data file. The one place a built-in is declared; a
# test checks that it and the files in data/ agree.
BUILTIN_OFFICES: Final[Mapping[str, str]] = {
    "35.04": "3504-kabupaten-tulungagung.toml",
    "35.13": "3513-kabupaten-probolinggo.toml",
    "35.14": "3514-kabupaten-pasuruan.toml",
    "52.06": "5206-kabupaten-bima.toml",
    "52.71": "5271-kota-mataram.toml",
}


class OfficePluginWarning(UserWarning):
    """An office plugin could not be loaded or registered; see :func:`registry_errors`.

    Examples:
        >>> issubclass(OfficePluginWarning, UserWarning)
        True
    """


@dataclass(frozen=True, slots=True)
class PluginFailure:
    """An office plugin that could not be loaded or registered, and why.

    Attributes:
        plugin: the entry point's name.
        value: what the entry point points at (``module:attribute``).
        distribution: the installed distribution and version that declares it, if known.
        message: what went wrong and what would be valid.
        error: the exception itself (for a ``ConfigError``, its ``problems``).

    Examples:
        >>> failure = PluginFailure("kabupaten-x", "x_office:OFFICE", "x-office 1.0",
        ...                         "ModuleNotFoundError: No module named 'x_office'")
        >>> print(failure)
        office plugin 'kabupaten-x' (x_office:OFFICE, from x-office 1.0): ModuleNotFoundError: No module named 'x_office'
    """  # noqa: E501

    plugin: str
    value: str
    distribution: str | None
    message: str
    error: BaseException | None = field(default=None, compare=False)

    def __str__(self) -> str:
        origin = f", from {self.distribution}" if self.distribution else ""
        return f"office plugin {self.plugin!r} ({self.value}{origin}): {self.message}"


@dataclass(frozen=True, slots=True)
class _Candidate:
    config: OfficeConfig
    origin: str  # "built-in", "plugin 'name'" or "register()"
    plugin: tuple[str, str, str | None] | None = None  # name, value, distribution


def _describe(error: BaseException) -> str:
    if isinstance(error, ConfigError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def _distribution(entry_point: metadata.EntryPoint) -> str | None:
    dist = getattr(entry_point, "dist", None)
    if dist is None:
        return None
    return f"{dist.name} {dist.version}"


def _resolve(obj: object) -> OfficeConfig:
    if isinstance(obj, OfficeConfig):
        return obj
    if isinstance(obj, str | os.PathLike | Traversable):
        return load_office(obj)
    raise ConfigError(
        [
            ConfigProblem(
                "",
                f"the entry point resolves to a {type(obj).__name__}; expected an OfficeConfig "
                "or the path of an office file (TOML or JSON)",
            )
        ]
    )


def _builtin(code: str) -> OfficeConfig:
    data = resources.files("adminduk.offices").joinpath("data", BUILTIN_OFFICES[code])
    return load_office(data)


def _entry_points() -> Iterable[metadata.EntryPoint]:
    return metadata.entry_points(group=ENTRY_POINT_GROUP)


class _Registry:
    """Registered offices, loaded once on first use; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.loaded = False
        # code and slug -> office. Replaced whole, never mutated, so readers need no lock.
        self.index: dict[str, OfficeConfig] = {}
        self._offices: dict[str, _Candidate] = {}
        self._failures: tuple[PluginFailure, ...] = ()

    # -- loading --------------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if self.loaded:
            return
        with self._lock:
            if self._loaded_meanwhile():
                return
            failures = self._load()
            self.loaded = True
        # Warn only once the registry is whole: a warnings filter of "error" must not leave
        # it half-built.
        for failure in failures:
            warnings.warn(str(failure), OfficePluginWarning, stacklevel=4)

    def _load(self) -> list[PluginFailure]:
        failures: list[PluginFailure] = []
        chosen: dict[str, _Candidate] = {}
        for code in sorted(BUILTIN_OFFICES):
            chosen[code] = _Candidate(_builtin(code), "built-in")
        plugins: list[_Candidate] = []
        for entry_point in sorted(_entry_points(), key=lambda ep: (ep.name, ep.value)):
            name, value, dist = entry_point.name, entry_point.value, _distribution(entry_point)
            try:
                config = _resolve(entry_point.load())
            except Exception as exc:  # a broken plugin must not break the registry
                failures.append(PluginFailure(name, value, dist, _describe(exc), exc))
                continue
            plugins.append(_Candidate(config, f"plugin {name!r}", (name, value, dist)))
        rejected = _settle(chosen, plugins)
        for candidate, message in rejected:
            assert candidate.plugin is not None  # only plugins are ever rejected here
            name, value, dist = candidate.plugin
            failures.append(PluginFailure(name, value, dist, message))
        self._offices = chosen
        self._failures = tuple(failures)
        self.index = _index(chosen)
        return failures

    def _loaded_meanwhile(self) -> bool:
        # Another thread may have finished loading while this one waited for the lock.
        return self.loaded

    def reset(self) -> None:
        """Forget everything; the next lookup loads built-ins and plugins again (for tests)."""
        with self._lock:
            self.loaded = False
            self.index = {}
            self._offices = {}
            self._failures = ()

    # -- queries --------------------------------------------------------------------------
    def lookup(self, key: object) -> OfficeConfig:
        self.ensure_loaded()
        if isinstance(key, OfficeConfig):
            return key
        if isinstance(key, str):
            found = self.index.get(key) or self.index.get(key.strip().lower())
            if found is not None:
                return found
        raise OfficeNotFound(key if isinstance(key, str) else repr(shown(key)), self._suggest(key))

    def _suggest(self, key: object) -> tuple[str, ...]:
        by_slug = {c.config.slug: c.config for c in self._offices.values()}
        by_code = {c.config.code: c.config for c in self._offices.values()}
        hits = [by_slug[s] for s in close_matches(key, by_slug)]
        hits += [by_code[c] for c in close_matches(key, by_code)]
        return tuple(dict.fromkeys(f"{o.slug} ({o.code})" for o in hits))[:3]

    def offices(self) -> tuple[OfficeConfig, ...]:
        self.ensure_loaded()
        return tuple(self._offices[code].config for code in sorted(self._offices))

    def failures(self) -> tuple[PluginFailure, ...]:
        self.ensure_loaded()
        return self._failures

    def register(self, config: OfficeConfig) -> None:
        if not isinstance(config, OfficeConfig):
            raise ConfigError(
                [
                    ConfigProblem(
                        "",
                        f"register() takes an OfficeConfig (see load_office), not a "
                        f"{type(config).__name__}",
                    )
                ]
            )
        self.ensure_loaded()
        with self._lock:
            chosen = dict(self._offices)
            rejected = _settle(chosen, [_Candidate(config, "register()")], strict=True)
            if rejected:
                raise ConfigError(
                    [
                        ConfigProblem(path, message, repr(value))
                        for path, message, value in (
                            _problem_of(config, message) for _, message in rejected
                        )
                    ]
                )
            self._offices = chosen
            self.index = _index(chosen)


def _problem_of(config: OfficeConfig, message: str) -> tuple[str, str, str]:
    if message.startswith("slug"):
        return "slug", message, config.slug
    return "code", message, config.code


def _index(chosen: Mapping[str, _Candidate]) -> dict[str, OfficeConfig]:
    index: dict[str, OfficeConfig] = {}
    for code, candidate in chosen.items():
        index[code] = candidate.config
        index[candidate.config.slug] = candidate.config
    return index


def _settle(
    chosen: dict[str, _Candidate], newcomers: list[_Candidate], *, strict: bool = False
) -> list[tuple[_Candidate, str]]:
    """Add ``newcomers`` to ``chosen`` (code -> office); return those refused, with why.

    A newcomer takes a free code. It takes a taken code only if it declares ``replaces`` and
    nothing has replaced that office yet. Two newcomers that claim one free code without either
    replacing the other are both refused: the registry never picks one silently. A slug must
    not belong to another code.
    """
    rejected: list[tuple[_Candidate, str]] = []
    winners: dict[str, _Candidate] = {}
    by_code: dict[str, list[_Candidate]] = {}
    for candidate in newcomers:
        by_code.setdefault(candidate.config.code, []).append(candidate)
    for code, group in by_code.items():
        replacers = [c for c in group if c.config.replaces == code]
        claimants = [c for c in group if c.config.replaces != code]
        current = chosen.get(code)
        if len(replacers) > 1:
            names = ", ".join(c.origin for c in replacers)
            rejected += [
                (c, f"code {code}: {names} all declare that they replace it") for c in group
            ]
            continue
        if replacers:
            (winner,) = replacers
            if current is not None and current.config.replaces == code and not strict:
                rejected.append((winner, f"code {code} is already replaced by {current.origin}"))
                continue
            rejected += [
                (c, f"code {code} is taken by {winner.origin}, which replaces it")
                for c in claimants
            ]
            winners[code] = winner
        elif current is not None:
            who = f"{current.origin} {current.config.region}"
            rejected += [
                (
                    c,
                    f"code {code} is already registered ({who}); declare replaces = "
                    f"{code!r} to replace it",
                )
                for c in claimants
            ]
        elif len(claimants) > 1:
            names = ", ".join(c.origin for c in claimants)
            rejected += [
                (
                    c,
                    f"code {code} is claimed by {names}; none declares replaces, so none is "
                    "registered",
                )
                for c in claimants
            ]
        else:
            winners[code] = claimants[0]
    taken = {c.config.slug: code for code, c in chosen.items() if code not in winners}
    wanted: dict[str, int] = {}
    for winner in winners.values():
        wanted[winner.config.slug] = wanted.get(winner.config.slug, 0) + 1
    for code, winner in winners.items():
        slug = winner.config.slug
        if slug in taken:
            rejected.append((winner, f"slug {slug!r} already names code {taken[slug]}"))
        elif wanted[slug] > 1:
            rejected.append((winner, f"slug {slug!r} is claimed for more than one code"))
        else:
            chosen[code] = winner
    return rejected


_REGISTRY: Final = _Registry()


def get_office(code_or_slug: str | OfficeConfig) -> OfficeConfig:
    """A registered office by its Kemendagri code (``35.13``) or slug (``kota-mataram``).

    Built-in offices and installed plugins are loaded on the first call; after that a lookup
    is a dictionary lookup. Bare place names are not aliases: Kabupaten and Kota Probolinggo
    are two offices, so ``probolinggo`` is refused with the close matches.

    Raises:
        OfficeNotFound: no registered office answers to it; ``suggestions`` holds close
            matches as ``slug (code)``.

    Examples:
        >>> from adminduk import get_office
        >>> get_office("35.13").name
        'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo'
        >>> get_office("kota-mataram").code
        '52.71'
        >>> get_office("probolinggo")
        Traceback (most recent call last):
        ...
        adminduk.errors.OfficeNotFound: no office with code or slug 'probolinggo'; did you mean 'kabupaten-probolinggo (35.13)'?
    """  # noqa: E501
    if type(code_or_slug) is str:
        found = _REGISTRY.index.get(code_or_slug)
        if found is not None:
            return found
    return _REGISTRY.lookup(code_or_slug)


def offices() -> tuple[OfficeConfig, ...]:
    """Every registered office, built-in and plugins, in order of code.

    Examples:
        >>> from adminduk import offices
        >>> [office.code for office in offices() if not office.is_fictional]
        ['35.04', '35.13', '35.14', '52.06', '52.71']
    """
    return _REGISTRY.offices()


def registry_errors() -> tuple[PluginFailure, ...]:
    """The office plugins that failed to load or register, each with its cause.

    Examples:
        >>> from adminduk import registry_errors
        >>> registry_errors()
        ()
    """
    return _REGISTRY.failures()


def register(config: OfficeConfig) -> None:
    """Add an office to the registry (for applications and tests).

    An office whose code is registered already replaces it only if it declares
    ``replaces = "<its code>"``.

    Raises:
        ConfigError: the code is taken and not declared replaced, or the slug names another
            office.

    Examples:
        >>> from adminduk import get_office, register
        >>> register(get_office("35.13"))
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: 1 problem
          - code: code 35.13 is already registered (built-in Kabupaten Probolinggo); declare replaces = '35.13' to replace it (got '35.13')
    """  # noqa: E501
    _REGISTRY.register(config)
