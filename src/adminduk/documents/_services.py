"""Which document/action pairs are services, and what documents and actions are called.

This is the head of the catalogue file (``data/catalogue.toml``): its ``[documents]`` and
``[actions]`` names, and each ``[[service]]``'s ``code`` and ``action_names``. A
:class:`~adminduk.Service` is checked, suggested and named from this table alone, so it stands
below the catalogue and the free-text reader, which are built of services; neither is loaded to
tell whether ``kk/baru`` is a service.

The table is read here, not validated: the catalogue's loader validates the whole file, this
head included, and a file it refuses is refused whatever this table holds. The table is served
precomputed, like the catalogue (``data/precomputed/services.pickle``), and a test holds it
equal to both the file and the validated catalogue.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from adminduk._core import precomputed
from adminduk._core.suggest import close_matches
from adminduk.errors import ConfigError, ConfigProblem, UnknownService

__all__ = [
    "CATALOGUE_FILE",
    "PRECOMPUTED_SERVICES",
    "ServiceTable",
    "codes_in_force",
    "codes_in_order",
    "known_codes",
    "read",
    "service_code",
    "table",
]

CATALOGUE_FILE: Final = "catalogue.toml"
PRECOMPUTED_SERVICES: Final = "precomputed/services.pickle"
CATALOGUE_ORIGIN: Final = f"adminduk/documents/data/{CATALOGUE_FILE}"

Names = tuple[str, str]  # (Indonesian, English)


@dataclass(frozen=True, slots=True)
class ServiceTable:
    """The services of the catalogue file, in its order, and the names a service is read by.

    Examples:
        >>> services = table()
        >>> services.codes[0], "kk/baru" in services.known
        ('ktp-el/baru', True)
        >>> services.document_name("kk", "en"), services.action_name("ikd/baru", "id")
        ('Family card (KK)', 'aktivasi')
    """

    codes: tuple[str, ...]
    known: frozenset[str]
    documents: Mapping[str, Names]
    actions: Mapping[str, Names]
    action_names: Mapping[str, Names]  # a service whose action the action's own name misreads

    def document_name(self, document: str, lang: Literal["id", "en"]) -> str:
        """A document type's name (``document`` is its code)."""
        id_, en = self.documents[document]
        return en if lang == "en" else id_

    def action_name(self, code: str, lang: Literal["id", "en"]) -> str:
        """How the service ``code`` names its action: its own name, else the action's."""
        id_, en = self.action_names.get(code) or self.actions[code.partition("/")[2]]
        return en if lang == "en" else id_


def _names(value: object) -> Names | None:
    if not isinstance(value, Mapping):
        return None
    id_, en = value.get("name_id"), value.get("name_en")
    return (id_, en) if isinstance(id_, str) and isinstance(en, str) else None


def _named(value: object) -> dict[str, Names]:
    items = value.items() if isinstance(value, Mapping) else ()
    return {key: names for key, item in items if (names := _names(item)) is not None}


def read(text: str, origin: str) -> ServiceTable:
    r"""The table in the text of a catalogue file; what is malformed is left for its loader.

    Raises:
        ConfigError: ``text`` is not TOML.

    Examples:
        >>> head = '[actions]\nbaru = { name_id = "baru", name_en = "new" }\n'
        >>> read(head + '[[service]]\ncode = "kk/baru"\n', "x.toml").codes
        ('kk/baru',)
    """
    import tomllib  # only when the table is not served precomputed

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([ConfigProblem("", f"not valid TOML: {exc}")], source=origin) from None
    services = raw.get("service", ())
    items = [i for i in services if isinstance(i, Mapping)] if isinstance(services, list) else []
    codes = tuple(code for item in items if isinstance(code := item.get("code"), str))
    own = {
        item["code"]: names
        for item in items
        if isinstance(item.get("code"), str)
        and (names := _names(item.get("action_names"))) is not None
    }
    return ServiceTable(
        codes, frozenset(codes), _named(raw.get("documents")), _named(raw.get("actions")), own
    )


_TABLE: ServiceTable | None = None
_TABLE_LOCK: Final = threading.Lock()


def table() -> ServiceTable:
    """The package catalogue's table, read once (by one thread) and cached.

    Examples:
        >>> table() is table()
        True
    """
    global _TABLE
    loaded = _TABLE
    if loaded is not None:
        return loaded
    with _TABLE_LOCK:
        if _TABLE is None:
            # A plain path, not importlib.resources: importing it alone would cost a first
            # Service.parse several milliseconds (as it would a NIK parse, see adminduk._law).
            data = Path(__file__).parent / "data"
            source = data / CATALOGUE_FILE
            _TABLE = precomputed.load(
                source,
                data / PRECOMPUTED_SERVICES,
                ServiceTable,
                lambda: read(source.read_text("utf-8"), CATALOGUE_ORIGIN),
            )
        return _TABLE


# The codes of a catalogue file while it loads (in its order, and as a set), in the loading
# context only: the services of that file are checked against its own codes, and another
# thread's keep the package's.
_LOADING_CODES: contextvars.ContextVar[tuple[tuple[str, ...], frozenset[str]] | None] = (
    contextvars.ContextVar("adminduk_catalogue_loading_codes", default=None)
)


def known_codes() -> frozenset[str]:
    """The service codes in force: the package catalogue's, or a file's while it loads.

    Examples:
        >>> "kk/baru" in known_codes(), "kk/terbang" in known_codes()
        (True, False)
    """
    loading = _LOADING_CODES.get()
    return table().known if loading is None else loading[1]


def codes_in_order() -> tuple[str, ...]:
    """The service codes in force in their file's order: what a suggestion is chosen from.

    In a fixed order, so that a message suggests the same codes in every process (a set's
    order changes with the process's string hashing).

    Examples:
        >>> codes_in_order()[:2]
        ('ktp-el/baru', 'ktp-el/cetak-ulang')
    """
    loading = _LOADING_CODES.get()
    return table().codes if loading is None else loading[0]


@contextmanager
def codes_in_force(codes: Iterable[str]) -> Iterator[None]:
    """Make ``codes`` the service codes in force in this context, for the ``with`` block.

    Examples:
        >>> with codes_in_force(["kk/baru"]):
        ...     sorted(known_codes())
        ['kk/baru']
        >>> "ktp-el/baru" in known_codes()
        True
    """
    ordered = tuple(dict.fromkeys(codes))
    token = _LOADING_CODES.set((ordered, frozenset(ordered)))
    try:
        yield
    finally:
        _LOADING_CODES.reset(token)


def service_code(text: str) -> str:
    """``text`` as the code of a service in force, case and surrounding blanks aside.

    For codes that package data files name; :meth:`~adminduk.Service.parse` reads what callers
    write.

    Raises:
        UnknownService: no service in force has that code; with the close matches.

    Examples:
        >>> service_code(" KK/Baru")
        'kk/baru'
        >>> service_code("kk/terbang")
        Traceback (most recent call last):
        ...
        adminduk.errors.UnknownService: unknown service 'kk/terbang'; did you mean ...
    """
    code = text.strip().lower()
    if code in known_codes():
        return code
    raise UnknownService(text, close_matches(code, codes_in_order()))
