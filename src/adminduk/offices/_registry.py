"""The office registry: built-in offices (package data) and plugins (entry points).

One table names the built-in offices, as python-holidays' registry names its countries, and
an office is read only when it is first asked for, behind one re-entrant lock. Plugins are
entry points in the group ``adminduk.offices``, read once; one named after an office code
(``35.78 = pkg:office``) is imported only when that office is asked for, one with another
name on the first lookup of any office. Each is loaded on its own and anything it raises,
``SystemExit`` included (only ``KeyboardInterrupt`` passes), is reported by name through
:func:`registry_errors` and one :class:`OfficePluginWarning`, never raised from a lookup.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

from adminduk._core import entry_points, precomputed
from adminduk._core.arguments import flag
from adminduk._core.redact import is_text, plain, redact
from adminduk._core.suggest import close_matches
from adminduk.errors import ConfigError, ConfigProblem, OfficeNotFound
from adminduk.offices._loading import load_office
from adminduk.offices._models import OfficeConfig

if TYPE_CHECKING:
    from importlib import metadata

    from adminduk.offices._origins import OfficeOrigin, PluginFailure

    _EntryPoint = metadata.EntryPoint | entry_points.FoundEntryPoint

__all__ = [
    "BUILTIN_OFFICES",
    "ENTRY_POINT_GROUP",
    "REPLACE_BUILTIN_ENV",
    "BuiltinReplacedWarning",
    "OfficePluginWarning",
    "get_office",
    "office_origin",
    "offices",
    "register",
    "registry_errors",
]

ENTRY_POINT_GROUP: Final = "adminduk.offices"

# An entry point named after an office code gives that office; any other name may give any.
_CODE_NAME: Final = re.compile(r"[0-9]{2}\.[0-9]{2}")

# The built-in offices: Kemendagri code -> data file. The one place a built-in is declared; a
# test checks that it and the files in data/ agree.
BUILTIN_OFFICES: Final[Mapping[str, str]] = {
    "18.08": "1808-kabupaten-way-kanan.toml",
    "35.04": "3504-kabupaten-tulungagung.toml",
    "35.13": "3513-kabupaten-probolinggo.toml",
    "35.14": "3514-kabupaten-pasuruan.toml",
    "35.74": "3574-kota-probolinggo.toml",
    "33.15": "3315-kabupaten-grobogan.toml",
    "64.02": "6402-kabupaten-kutai-kartanegara.toml",
    "64.74": "6474-kota-bontang.toml",
    "81.07": "8107-kabupaten-kepulauan-aru.toml",
    "52.06": "5206-kabupaten-bima.toml",
    "52.71": "5271-kota-mataram.toml",
    "35.75": "3575-kota-pasuruan.toml",
    "32.04": "3204-kabupaten-bandung.toml",
    "33.19": "3319-kabupaten-kudus.toml",
    "61.01": "6101-kabupaten-sambas.toml",
    "53.04": "5304-kabupaten-belu.toml",
}


class OfficePluginWarning(UserWarning):
    """An office plugin could not be loaded or registered; see :func:`registry_errors`.

    Examples:
        >>> issubclass(OfficePluginWarning, UserWarning)
        True
    """


class BuiltinReplacedWarning(UserWarning):
    """A built-in office is replaced by a plugin or ``register()``: warned every time.

    Replacing a built-in office needs the deployer's opt-in (:data:`REPLACE_BUILTIN_ENV`, or
    ``register(..., replace_builtin=True)``); even then, the replacement is announced, since
    from then on every answer for that office comes from the replacement.

    Examples:
        >>> issubclass(BuiltinReplacedWarning, UserWarning)
        True
    """


REPLACE_BUILTIN_ENV: Final = "ADMINDUK_REPLACE_BUILTIN"
"""The environment variable that lets plugins replace built-in offices: codes, or ``*``.

``ADMINDUK_REPLACE_BUILTIN=35.14`` lets a plugin that declares ``replaces = "35.14"`` take
Kabupaten Pasuruan's place; ``35.13,35.14`` lets two; ``*`` lets any. Without it, a plugin
that replaces a built-in office is refused and reported by :func:`registry_errors`. Read on
each settlement, so a deployer sets it before the first lookup.
"""


def _may_replace(code: str) -> bool:
    """Whether the deployer lets plugins replace the built-in office ``code``."""
    allowed = {part.strip() for part in os.environ.get(REPLACE_BUILTIN_ENV, "").split(",")}
    return code in allowed or "*" in allowed


class _Candidate:
    """An office as one source gives it; a plain class, made on every first lookup."""

    __slots__ = ("config", "origin", "plugin")

    def __init__(self, config: OfficeConfig, origin: str, plugin: _Plugin | None = None) -> None:
        self.config = config
        self.origin = origin  # "built-in", "plugin 'name'" or "register()"
        self.plugin = plugin


def _describe(error: BaseException) -> str:
    if isinstance(error, ConfigError):
        return str(error)
    try:
        said = str(error)
    except Exception:  # a plugin's exception whose __str__ fails
        said = "(its message cannot be shown)"
    # A plugin's own message may quote anything: it is logged, so it is redacted first.
    return f"{type(error).__name__}: {redact(said)}"


def _distribution(entry_point: _EntryPoint) -> str | None:
    dist = getattr(entry_point, "dist", None)
    if dist is None:
        return None
    return f"{dist.name} {dist.version}"


def _resolve(obj: object) -> OfficeConfig:
    if isinstance(obj, OfficeConfig):
        return _revalidated(obj)
    from importlib.resources.abc import Traversable  # a plugin's path, resolved rarely

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
    # A plain path, not importlib.resources (as the national law and the table of services
    # are read): importing it alone would cost a first lookup several milliseconds.
    data = Path(__file__).parent / "data"
    source = data.joinpath(BUILTIN_OFFICES[code])
    return precomputed.load(
        source,
        data.joinpath(precomputed_name(code)),
        OfficeConfig,
        lambda: load_office(source),
        precomputed_depends(),
    )


def precomputed_depends() -> tuple[Path, ...]:
    """What else a built-in office's precomputed form is computed from: the national law file.

    The form holds the office's calendar too (its ``calendar_spec``, built when the form is
    written), which reads the national working hours and the cuti bersama default; so the form
    is served only while that file is as it was then.

    Examples:
        >>> [path.name for path in precomputed_depends()]
        ['national.toml']
    """
    from adminduk._law import law_file

    return (law_file(),)


def precomputed_name(code: str) -> str:
    """Where in ``offices/data`` the built-in office ``code`` is precomputed (see _precomputed).

    Examples:
        >>> precomputed_name("35.13")
        'precomputed/3513-kabupaten-probolinggo.pickle'
    """
    return "precomputed/" + BUILTIN_OFFICES[code].removesuffix(".toml") + ".pickle"


def _builtin_slug(code: str) -> str:
    # The data file is named "<code without dot>-<slug>.toml"; a test holds the two equal.
    return BUILTIN_OFFICES[code].removesuffix(".toml").split("-", 1)[1]


def _entry_points() -> Iterable[_EntryPoint]:
    # The same entry points, without importing importlib.metadata, wherever that reading is
    # exactly importlib's (see adminduk._core.entry_points); elsewhere, importlib's own.
    found = entry_points.entry_points(ENTRY_POINT_GROUP)
    if found is not None:
        return found
    from importlib import metadata

    return metadata.entry_points(group=ENTRY_POINT_GROUP)


def _revalidated(config: OfficeConfig) -> OfficeConfig:
    """``config`` validated again: ``model_copy`` and ``model_construct`` skip validation."""
    fresh = OfficeConfig.model_validate(config.model_dump())
    return config if fresh == config else fresh


_PENDING, _LOADING, _DONE = 0, 1, 2
# How long a lookup waits for a plugin that another thread is loading; past that it answers
# without it (and settles later). A plugin import longer than this is a broken plugin.
_WAIT_SECONDS: Final = 30.0


class _Plugin:
    """One entry point: read once, loaded at most once, on first need."""

    __slots__ = (
        "_dist",
        "candidate",
        "code",
        "done",
        "entry_point",
        "name",
        "owner",
        "state",
        "value",
    )

    def __init__(self, entry_point: _EntryPoint) -> None:
        self.entry_point = entry_point
        self.name: str = entry_point.name
        self.value: str = entry_point.value
        self._dist: tuple[str | None] | None = None
        # "35.78 = pkg:office" names the office it gives, so a lookup imports only its own.
        self.code = self.name if _CODE_NAME.fullmatch(self.name) else None
        self.state = _PENDING
        self.candidate: _Candidate | None = None
        self.owner = 0  # the thread loading it, while it loads
        self.done = threading.Event()  # set once it is loaded or has failed

    @property
    def imported_here(self) -> bool:
        """Whether this thread is importing the plugin's module (or a package above it).

        Then a lookup inside that import must not wait for the plugin: the import it would
        wait for is its own caller. Read from the import system's own per-module locks.
        """
        import importlib._bootstrap as bootstrap  # the locks behind every import statement

        me = threading.get_ident()
        parts = self.value.partition(":")[0].strip().split(".")
        for end in range(1, len(parts) + 1):
            ref = bootstrap._module_locks.get(".".join(parts[:end]))  # type: ignore[attr-defined]
            lock = ref() if ref is not None else None
            if lock is not None and getattr(lock, "owner", None) == me:
                return True
        return False

    @property
    def dist(self) -> str | None:
        # Read on first need (an error, an origin): naming it reads the package's metadata.
        if self._dist is None:
            self._dist = (_distribution(self.entry_point),)
        return self._dist[0]

    def failure(self, message: str, error: BaseException | None = None) -> PluginFailure:
        return _failure(self.name, self.value, self.dist, message, error)


class _Registry:
    """Registered offices, each loaded on first use; thread-safe and re-entrant.

    A lookup by code loads that built-in, the plugins whose entry-point name is that code,
    and (once) the plugins without a code in their name, which may claim any code. Listing
    the offices, asking for the failures, or a miss loads everything.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._init_state()

    def _init_state(self) -> None:
        # code and slug -> settled office. Replaced whole, never mutated: readers need no lock.
        self.index: dict[str, OfficeConfig] = {}
        self._plugins: tuple[_Plugin, ...] | None = None
        self._offices: dict[str, _Candidate] = {}
        self._settled: set[str] = set()
        self._failures: list[PluginFailure] = []
        self._unwarned: list[PluginFailure] = []
        self._notices: list[str] = []  # built-in offices replaced, to warn about
        self._complete = False

    @property
    def complete(self) -> bool:
        """Whether every plugin is loaded and every code settled (after a listing or a miss)."""
        return self._complete

    def reset(self) -> None:
        """Forget everything; the next lookup reads the entry points again (for tests)."""
        with self._lock:
            self._init_state()

    # -- loading --------------------------------------------------------------------------
    def _read_plugins(self) -> tuple[_Plugin, ...]:
        if self._plugins is None:
            try:
                found = sorted(_entry_points(), key=lambda ep: (ep.name, ep.value))
            except KeyboardInterrupt:
                raise
            except BaseException as exc:  # a broken installed package must not break lookups
                self._record(_failure("*", ENTRY_POINT_GROUP, None, _describe(exc), exc))
                found = []
            self._plugins = tuple(_Plugin(ep) for ep in found)
        return self._plugins

    def _record(self, failure: PluginFailure) -> None:
        self._failures.append(failure)
        self._unwarned.append(failure)

    # Plugin code (the import behind an entry point, and whatever it runs) never runs under
    # the lock: a plugin imported by another thread may ask the registry for an office while
    # its import holds the module's lock, and a lookup holding the registry lock while waiting
    # for that module would wait forever (issue 25). A lookup claims the plugins it needs
    # under the lock, loads them without it, and waits for those another thread is loading,
    # unless this thread is itself importing their module (the lookup runs inside that
    # import): then it answers without them and settles for good later, as for a re-entrant
    # plugin.
    def _prepare(self, code: str | None) -> None:
        """Load the plugins a lookup of ``code`` needs (``None``: all of them)."""
        with self._lock:
            plugins = self._read_plugins()
            needed = [p for p in plugins if code is None or p.code in (code, None)]
            claimed = [p for p in needed if p.state == _PENDING]
            for plugin in claimed:
                plugin.state = _LOADING
                plugin.owner = threading.get_ident()
        for index, plugin in enumerate(claimed):
            try:
                self._load(plugin)
            except KeyboardInterrupt:
                for rest in claimed[index + 1 :]:  # not tried: the next lookup tries them
                    self._release(rest)
                raise
        me = threading.get_ident()
        for plugin in needed:
            if plugin.state == _LOADING and plugin.owner != me and not plugin.imported_here:
                plugin.done.wait(_WAIT_SECONDS)

    def _release(self, plugin: _Plugin) -> None:
        with self._lock:
            plugin.state = _PENDING
            plugin.owner = 0

    def _load(self, plugin: _Plugin) -> None:
        """Import one claimed plugin, without the lock; record what it gives, with the lock."""
        failure: PluginFailure | None = None
        interrupted: KeyboardInterrupt | None = None
        candidate: _Candidate | None = None
        try:
            config = _resolve(plugin.entry_point.load())
            if plugin.code is not None and config.code != plugin.code:
                raise ConfigError(
                    [
                        ConfigProblem(
                            "code",
                            f"the entry point is named {plugin.code!r}, so its office has "
                            "that code; name the entry point after the office's code",
                            repr(config.code),
                        )
                    ]
                )
            candidate = _Candidate(config, f"plugin {plugin.name!r}", plugin)
        except KeyboardInterrupt as exc:
            # Raised once, to the lookup it interrupted; then reported like any failure, and
            # never tried (nor raised) again.
            interrupted = exc
            failure = plugin.failure("KeyboardInterrupt while loading the plugin", exc)
        except BaseException as exc:  # SystemExit too: a plugin must not end the host
            failure = plugin.failure(_describe(exc), exc)
        with self._lock:
            if failure is not None:
                self._record(failure)
            plugin.candidate = candidate
            plugin.state = _DONE
            plugin.owner = 0
        plugin.done.set()
        if interrupted is not None:
            raise interrupted

    def _load_unnamed(self) -> tuple[_Plugin, ...]:
        return tuple(p for p in self._read_plugins() if p.code is None)

    def _settle_code(self, code: str) -> OfficeConfig | None:
        """Settle ``code`` once; the office that answers to it, if any."""
        if code in self._settled:
            found = self._offices.get(code)
            return found.config if found else None
        named = tuple(p for p in self._read_plugins() if p.code == code)
        unnamed = self._load_unnamed()  # plugins without a code in their name come last
        current = _Candidate(_builtin(code), "built-in") if code in BUILTIN_OFFICES else None
        newcomers = [
            p.candidate
            for p in self._read_plugins()
            if p.candidate is not None and p.candidate.config.code == code
        ]
        winner, rejected = _settle(
            code,
            current,
            newcomers,
            taken=self._taken(code),
            rivals=self._rivals(code),
            may_replace_builtin=_may_replace(code),
        )
        if any(p.state != _DONE for p in (*named, *unnamed)):
            # A plugin asked while it loads (or not yet loaded, after an interrupt): answer
            # without it, and settle for good later.
            return winner.config if winner else None
        for candidate, message in rejected:
            self._record(_failure_of(candidate, message))
        self._commit(code, winner, current)
        return winner.config if winner else None

    def _commit(
        self, code: str, winner: _Candidate | None, current: _Candidate | None = None
    ) -> None:
        self._settled.add(code)
        if winner is not None:
            self._offices = {**self._offices, code: winner}
            self.index = _index(self._offices)
        if winner is not current and current is not None and current.origin == "built-in":
            assert winner is not None  # a settlement keeps the holder or names a winner
            self._notices.append(
                f"the built-in office {code} ({current.config.region}) is replaced by "
                f"{winner.origin}; every answer for {code} now comes from it"
            )

    def _taken(self, code: str) -> dict[str, str]:
        """Slug -> code of every other office: settled, or a built-in still to be read."""
        taken = {_builtin_slug(c): c for c in BUILTIN_OFFICES if c != code}
        taken.update({c.config.slug: other for other, c in self._offices.items() if other != code})
        return taken

    def _rivals(self, code: str) -> frozenset[str]:
        """The slugs that loaded plugins claim for other codes."""
        return frozenset(
            p.candidate.config.slug
            for p in self._read_plugins()
            if p.candidate is not None and p.candidate.config.code != code
        )

    def _load_all(self) -> None:
        """Settle every code; the plugins are loaded already (:meth:`_prepare`)."""
        if self._complete:
            return
        codes = set(BUILTIN_OFFICES)
        codes.update(p.code for p in self._read_plugins() if p.code is not None)
        codes.update(
            p.candidate.config.code for p in self._read_plugins() if p.candidate is not None
        )
        for code in sorted(codes):
            self._settle_code(code)
        self._complete = all(p.state == _DONE for p in self._read_plugins())

    def _warn(self) -> None:
        """Warn once about each new failure; never raise, whatever the warnings filter says."""
        with self._lock:
            failures, self._unwarned = self._unwarned, []
            notices, self._notices = self._notices, []
        for failure in failures:
            # Under "-W error" the warning is dropped: the failure stays in registry_errors()
            # and the lookup goes on.
            with contextlib.suppress(Warning):
                warnings.warn(str(failure), OfficePluginWarning, stacklevel=4)
        for notice in notices:
            with contextlib.suppress(Warning):
                warnings.warn(notice, BuiltinReplacedWarning, stacklevel=4)

    # -- queries --------------------------------------------------------------------------
    def lookup(self, key: object) -> OfficeConfig:
        if isinstance(key, OfficeConfig):
            return key
        key = plain(key)  # a str subclass may lie in its own methods (hash, strip, …)
        if is_text(key):
            wanted = _code_key(key)
            found = self.index.get(key) or self.index.get(wanted)
            if found is not None:
                return found
            found = self._find(wanted)
            self._warn()
            if found is not None:
                return found
        self._prepare(None)
        with self._lock:
            self._load_all()
        self._warn()
        suggestions, labels = self._suggest(key)
        raise OfficeNotFound(key, suggestions, labels=labels)

    def _find(self, wanted: str) -> OfficeConfig | None:
        by_slug = {_builtin_slug(code): code for code in BUILTIN_OFFICES}
        code = wanted if _CODE_NAME.fullmatch(wanted) else by_slug.get(wanted)
        if code is not None:
            self._prepare(code)
            with self._lock:
                found = self._settle_code(code)
            if found is not None and wanted in (found.code, found.slug):
                return found
        self._prepare(None)
        with self._lock:
            self._load_all()
            return self.index.get(wanted)

    def _suggest(self, key: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Close matches as ``get_office`` takes them (codes for a code, else slugs), labelled."""
        if not is_text(key):
            return (), ()
        configs = [self._offices[code].config for code in sorted(self._offices)]
        normal = _code_key(key)
        if _CODE_LIKE.match(normal):
            # A code: first the offices of the same province, nearest regency first.
            province = normal[:2]
            same = sorted(
                (o for o in configs if o.code.startswith(province + ".")),
                key=lambda o: (
                    not o.code.startswith(normal),  # "35.1" reads as the start of a code
                    abs(int(o.code[3:]) - int(normal[3:5] or 0)) if len(normal) == 5 else 0,
                    o.code,
                ),
            )
            close = close_matches(normal, [o.code for o in configs])
            codes = tuple(dict.fromkeys([*(o.code for o in same), *close]))[:3]
            by_code = {o.code: o for o in configs}
            return codes, tuple(f"{c} ({by_code[c].slug})" for c in codes)
        by_slug = {o.slug: o for o in configs}
        by_code = {o.code: o for o in configs}
        hits = [*close_matches(key, by_slug)]
        hits += [by_code[c].slug for c in close_matches(key, by_code)]
        slugs = tuple(dict.fromkeys(hits))[:3]
        return slugs, tuple(f"{s} ({by_slug[s].code})" for s in slugs)

    def offices(self) -> tuple[OfficeConfig, ...]:
        self._prepare(None)
        with self._lock:
            self._load_all()
            chosen = self._offices
        self._warn()
        return tuple(chosen[code].config for code in sorted(chosen))

    def failures(self) -> tuple[PluginFailure, ...]:
        self._prepare(None)
        with self._lock:
            self._load_all()
            failures = tuple(self._failures)
        self._warn()
        return failures

    def origin(self, office: OfficeConfig) -> OfficeOrigin | None:
        self._prepare(office.code)
        with self._lock:
            self._settle_code(office.code)
            candidate = self._offices.get(office.code)
        self._warn()
        if candidate is None or candidate.config is not office:
            return None
        return _origin_of(candidate)

    def register(self, config: OfficeConfig, replace_builtin: bool = False) -> None:
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
        config = _revalidated(config)
        self._prepare(config.code)
        with self._lock:
            self._settle_code(config.code)
            current = self._offices.get(config.code)
            winner, rejected = _settle(
                config.code,
                current,
                [_Candidate(config, "register()")],
                taken=self._taken(config.code),
                strict=True,
                may_replace_builtin=replace_builtin,
            )
            if not rejected:
                self._commit(config.code, winner, current)
        self._warn()
        if rejected:
            raise ConfigError(
                [
                    ConfigProblem(path, message, repr(value))
                    for path, message, value in (
                        _problem_of(config, message) for _, message in rejected
                    )
                ]
            )


def _failure_of(candidate: _Candidate, message: str) -> PluginFailure:
    assert candidate.plugin is not None  # only plugins are settled without raising
    return candidate.plugin.failure(message)


def _failure(
    plugin: str, value: str, dist: str | None, message: str, error: BaseException | None
) -> PluginFailure:
    from adminduk.offices._origins import PluginFailure  # built on the first failure only

    return PluginFailure(plugin, value, dist, message, error)


def _origin_of(candidate: _Candidate) -> OfficeOrigin:
    from adminduk.offices._origins import OfficeOrigin  # built on the first question only

    if candidate.plugin is None:
        return OfficeOrigin(candidate.origin)
    plugin = candidate.plugin
    replaces = candidate.config.code in BUILTIN_OFFICES
    return OfficeOrigin(
        "plugin", plugin.name, plugin.value, plugin.dist, replaces_builtin=replaces
    )


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
    code: str,
    current: _Candidate | None,
    newcomers: list[_Candidate],
    *,
    taken: Mapping[str, str],
    rivals: frozenset[str] = frozenset(),
    strict: bool = False,
    may_replace_builtin: bool = False,
) -> tuple[_Candidate | None, list[tuple[_Candidate, str]]]:
    """Who holds ``code`` once ``newcomers`` claim it; and those refused, with why.

    A newcomer takes a free code. It takes a taken code only if it declares ``replaces`` and
    nothing has replaced that office yet, and a built-in office only with the deployer's
    opt-in (``may_replace_builtin``) (``strict``: ``register()`` may replace its own
    replacement). Two newcomers that claim one free code without either replacing the other
    are both refused: the registry never picks one silently. A slug must not belong to
    another code (``taken``), nor be claimed by a plugin for another code (``rivals``).
    """
    winner, rejected = _pick(code, current, newcomers, strict=strict)
    if (
        winner is not None
        and current is not None
        and current.origin == "built-in"
        and not may_replace_builtin
    ):
        how = (
            "register(config, replace_builtin=True)"
            if winner.plugin is None
            else f"the deployer's setting {REPLACE_BUILTIN_ENV}={code}"
        )
        opt_in = f"code {code} is a built-in office; replacing it needs the opt-in {how}"
        return current, [*rejected, (winner, opt_in)]
    if winner is None:
        return current, rejected
    refusal = _slug_refusal(winner.config.slug, taken, rivals)
    if refusal is not None:
        return current, [*rejected, (winner, refusal)]
    return winner, rejected


# A newcomer that may take a code (None: the holder stays), and the newcomers refused, with why.
_Pick = tuple[_Candidate | None, list[tuple[_Candidate, str]]]


def _pick(
    code: str, current: _Candidate | None, newcomers: list[_Candidate], *, strict: bool
) -> _Pick:
    """The newcomer that may take ``code`` before its slug is checked; see :func:`_settle`."""
    replacers = [c for c in newcomers if c.config.replaces == code]
    claimants = [c for c in newcomers if c.config.replaces != code]
    if len(replacers) > 1:
        # Every newcomer is refused, claimants too: no replacer can be preferred silently.
        names = ", ".join(c.origin for c in replacers)
        message = f"code {code}: {names} all declare that they replace it"
        return None, [(c, message) for c in newcomers]
    if replacers:
        return _pick_replacer(code, current, replacers[0], claimants, strict=strict)
    return _pick_claimant(code, current, claimants)


def _pick_replacer(
    code: str,
    current: _Candidate | None,
    winner: _Candidate,
    claimants: list[_Candidate],
    *,
    strict: bool,
) -> _Pick:
    """``winner``, the one newcomer that replaces ``code``, unless the code is replaced already.

    The claimants that do not declare ``replaces`` lose to it.
    """
    if current is not None and current.config.replaces == code and not strict:
        return None, [(winner, f"code {code} is already replaced by {current.origin}")]
    message = f"code {code} is taken by {winner.origin}, which replaces it"
    return winner, [(c, message) for c in claimants]


def _pick_claimant(code: str, current: _Candidate | None, claimants: list[_Candidate]) -> _Pick:
    """The newcomer that claims ``code`` alone while it is free; none when it is taken."""
    if current is not None:
        who = f"{current.origin} {current.config.region}"
        message = (
            f"code {code} is already registered ({who}); declare replaces = {code!r} to replace it"
        )
        return None, [(c, message) for c in claimants]
    if len(claimants) > 1:
        names = ", ".join(c.origin for c in claimants)
        message = (
            f"code {code} is claimed by {names}; none declares replaces, so none is registered"
        )
        return None, [(c, message) for c in claimants]
    if claimants:
        return claimants[0], []
    return None, []


def _slug_refusal(slug: str, taken: Mapping[str, str], rivals: frozenset[str]) -> str | None:
    """Why a winner's slug cannot be registered: it names another code, or is claimed twice."""
    if slug in taken:
        return f"slug {slug!r} already names code {taken[slug]}"
    if slug in rivals:
        return f"slug {slug!r} is claimed for more than one code"
    return None


_REGISTRY: Final = _Registry()
_CODE_WITHOUT_DOT: Final = re.compile(r"^(\d{2})(\d{2})$")
_CODE_LIKE: Final = re.compile(r"^\d{2}(\.\d{0,2})?$")


def _code_key(key: str) -> str:
    """How a key is looked up: trimmed, lower case, and ``3513`` read as ``35.13``."""
    return _CODE_WITHOUT_DOT.sub(r"\1.\2", key.strip().lower())


def get_office(code_or_slug: str | OfficeConfig) -> OfficeConfig:
    """A registered office by its Kemendagri code (``35.13``) or slug (``kota-mataram``).

    Only what can answer is read: the built-in file of that code, the plugins whose entry
    point is named after it, and (once) the plugins with other names. After that a lookup is
    a dictionary lookup. A broken plugin never makes a lookup of another office fail; see
    :func:`registry_errors`. Bare place names are not aliases: Kabupaten and Kota Probolinggo
    are two offices, so ``probolinggo`` is refused with every office that carries the name,
    built-in, plugin or baseline. The Kota comes first where a Kota and a Kabupaten of the name
    lie in one province, as the kabupaten took its name from the town; otherwise (Kota Banjar
    in Jawa Barat, Kabupaten Banjar in Kalimantan Selatan) the offices come in code order.

    Raises:
        OfficeNotFound: no registered office answers to it; ``suggestions`` holds close
            matches that ``get_office`` accepts (codes for a code, with the offices of the same
            province first; slugs for a name), ``labels`` the same with the other key.

    Examples:
        >>> from adminduk import get_office
        >>> get_office("35.13").name
        'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Probolinggo'
        >>> get_office("kota-mataram").code
        '52.71'
        >>> get_office("3513").code
        '35.13'
        >>> get_office("probolinggo")
        Traceback (most recent call last):
        ...
        adminduk.errors.OfficeNotFound: no office with code or slug 'probolinggo'; did you mean kota-probolinggo (35.74) or kabupaten-probolinggo (35.13)?
    """  # noqa: E501
    code_or_slug = plain(code_or_slug)
    if is_text(code_or_slug):
        found = _REGISTRY.index.get(code_or_slug)
        if found is not None:
            return found
        if _REGISTRY.complete:  # the baseline offices load on first use: a built-in needs none
            from adminduk.offices import _baseline

            if found := _baseline.built(code_or_slug, _REGISTRY.index):
                return found  # a baseline office asked for before, and none registered since
    try:
        return _REGISTRY.lookup(code_or_slug)
    except OfficeNotFound as missing:  # every kabupaten/kota has at least a baseline office
        from adminduk.offices import _baseline

        return _baseline.fallback(code_or_slug, missing, _REGISTRY.offices())


def offices(include_baseline: bool = False) -> tuple[OfficeConfig, ...]:
    """Every registered office, built-in and plugins, in order of code.

    With ``include_baseline``, also a national baseline office for every other kabupaten/kota
    of the newest region list: all 514, and any registered office outside the list.

    Examples:
        >>> from adminduk import offices
        >>> [office.code for office in offices() if not office.is_fictional]
        ... # doctest: +NORMALIZE_WHITESPACE
        ['18.08', '32.04', '33.15', '33.19', '35.04', '35.13', '35.14', '35.74', '35.75',
         '52.06', '52.71', '53.04', '61.01', '64.02', '64.74', '81.07']
        >>> len([office for office in offices(include_baseline=True) if not office.is_fictional])
        514
    """
    if flag("include_baseline", include_baseline):
        from adminduk.offices import _baseline

        return _baseline.with_baselines(_REGISTRY.offices())
    return _REGISTRY.offices()


def registry_errors() -> tuple[PluginFailure, ...]:
    """The office plugins that failed to load or register, each with its cause.

    Examples:
        >>> from adminduk import registry_errors
        >>> registry_errors()
        ()
    """
    return _REGISTRY.failures()


def office_origin(office: OfficeConfig) -> OfficeOrigin | None:
    """Where a registered office comes from; ``None`` for an office that is not registered.

    Built in, ``register()``, or the plugin that gives it, with its entry point, package and
    version, and whether it replaces a built-in office.

    Examples:
        >>> from adminduk import get_office
        >>> from adminduk.offices import office_origin
        >>> office_origin(get_office("35.13"))
        OfficeOrigin(kind='built-in', plugin=None, value=None, distribution=None, replaces_builtin=False)
        >>> print(office_origin(get_office("99.01")))
        plugin '99.01' (adminduk_kantor_contoh:OFFICE_FILE, from adminduk-kantor-contoh 0.1.0)
        >>> office_origin(get_office("35.13").model_copy()) is None
        True
    """  # noqa: E501
    if not isinstance(office, OfficeConfig):
        return None  # type: ignore[unreachable]  # callers are not all type-checked
    return _REGISTRY.origin(office)


def register(config: OfficeConfig, *, replace_builtin: bool = False) -> None:
    """Add an office to the registry (for applications and tests).

    An office whose code is registered already replaces it only if it declares
    ``replaces = "<its code>"``; a built-in office only with ``replace_builtin=True`` as
    well, and always with a :class:`BuiltinReplacedWarning`. The office is validated again, so one changed with
    ``model_copy(update=...)`` cannot slip past the rules of an office file.

    Raises:
        ConfigError: the office is invalid, the code is taken and not declared replaced, or
            the slug names another office.

    Examples:
        >>> from adminduk import get_office, register
        >>> register(get_office("35.13"))
        Traceback (most recent call last):
        ...
        adminduk.errors.ConfigError: 1 problem
          - code: code 35.13 is already registered (built-in Kabupaten Probolinggo); declare replaces = '35.13' to replace it (got '35.13')
    """  # noqa: E501
    _REGISTRY.register(config, flag("replace_builtin", replace_builtin))
