"""The national service catalogue, read from package data and validated by pydantic."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Sequence
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal, overload

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from adminduk._suggest import close_matches
from adminduk.documents._vocabulary import Action, DocumentType, Service
from adminduk.errors import ConfigError, ConfigProblem, UnknownService

__all__ = [
    "Catalogue",
    "CatalogueEntry",
    "Confidence",
    "ReportingDeadline",
    "Requirement",
    "catalogue",
]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Confidence(StrEnum):
    """How sure the project is of a fact's legal basis (see ``domain-facts.md``).

    Examples:
        >>> Confidence("secondary-cited").is_verified_article
        True
        >>> Confidence.LOCAL_PRACTICE.is_verified_article
        False
    """

    PRIMARY = "primary"
    """The regulation's own text was read."""
    SECONDARY_CITED = "secondary-cited"
    """A secondary source quotes the regulation and names the article."""
    SECONDARY = "secondary"
    """A secondary source gives the rule in the regulation's wording, without an article."""
    LOCAL_PRACTICE = "local-practice"
    """Only a regency office's published practice was found."""

    @property
    def is_verified_article(self) -> bool:
        """Whether an article number rests on the text or on a source that cites it."""
        return self in (Confidence.PRIMARY, Confidence.SECONDARY_CITED)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Requirement(_Frozen):
    """One item of a checklist: a document or condition an applicant must bring or meet.

    Attributes:
        code: stable slug, unique within a service (e.g. ``kk``, ``surat-keterangan-kelahiran``).
        name_id: the item in Indonesian, as a citizen reads it.
        name_en: the item in English.
        legal_basis: the regulation (and article, where known) it rests on.
        confidence: how sure that legal basis is.
        source: where the fact was found (source keys of the catalogue file, or a URL).
        origin: ``national`` for the baseline, ``office`` for an office's own addition.

    Examples:
        >>> from adminduk import catalogue
        >>> req = catalogue()["akta-kelahiran/baru"].requirements[0]
        >>> req.code, req.origin
        ('surat-keterangan-kelahiran', 'national')
        >>> req.legal_basis.startswith("Perpres 96/2018")
        True
    """

    code: Slug
    name_id: Text
    name_en: Text
    legal_basis: Text
    confidence: Confidence
    source: Text
    origin: Literal["national", "office"] = "national"

    def name(self, lang: Literal["id", "en"] = "id") -> str:
        """The item's name in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue()["kk/cetak-ulang"].requirements[1].name("en")
            'KTP-el (electronic identity card)'
        """
        return self.name_en if lang == "en" else self.name_id


class ReportingDeadline(_Frozen):
    """The national deadline for reporting an event, where the law sets one.

    Examples:
        >>> from adminduk import catalogue
        >>> deadline = catalogue()["akta-kelahiran/baru"].deadline
        >>> deadline.days, deadline.legal_basis
        (60, 'UU 24/2013 Pasal 27 ayat (1)')
    """

    days: int = Field(gt=0)
    counted_from_id: Text
    counted_from_en: Text
    legal_basis: Text
    confidence: Confidence
    source: Text


class CatalogueEntry(_Frozen):
    """A service the library knows, with its names and national baseline.

    Attributes:
        service: the service (``document/action``).
        name_id: its name in Indonesian.
        name_en: its name in English.
        biometric_in_person: whether it needs biometric capture at the counter.
        deadline: the national reporting deadline, or ``None`` where the law sets none.
        requirements: the national baseline checklist (may be empty, see below).
        requirements_note: why the checklist is empty, when no national source was found.

    Examples:
        >>> from adminduk import catalogue
        >>> entry = catalogue()["ktp-el/baru"]
        >>> entry.biometric_in_person, entry.name_en
        (True, 'First KTP-el issuance (includes biometric recording)')
    """

    service: Service
    name_id: Text
    name_en: Text
    biometric_in_person: bool
    deadline: ReportingDeadline | None = None
    requirements: tuple[Requirement, ...] = Field(default=(), alias="requirement")
    requirements_note: Text | None = None

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @property
    def code(self) -> str:
        """The service code, e.g. ``kk/perubahan``."""
        return self.service.code

    def name(self, lang: Literal["id", "en"] = "id") -> str:
        """The service's name in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue()["kia/baru"].name()
            'Penerbitan Kartu Identitas Anak (KIA)'
        """
        return self.name_en if lang == "en" else self.name_id


class _Names(_Frozen):
    name_id: Text
    name_en: Text


class _CatalogueFile(_Frozen):
    documents: dict[DocumentType, _Names]
    actions: dict[Action, _Names]
    service: tuple[dict[str, Any], ...]


class Catalogue(Sequence[CatalogueEntry]):
    """Every service the library knows, in file order; look one up by service or code.

    Examples:
        >>> from adminduk import catalogue
        >>> cat = catalogue()
        >>> "kk/perubahan" in cat, "kk/terbang" in cat
        (True, False)
        >>> cat["kk/perubahan"].name_en
        'Family card (KK) reissued after a change of data'
        >>> cat.document_name("skpwni", "en")
        'Moving certificate (SKPWNI)'
    """

    def __init__(
        self,
        entries: Sequence[CatalogueEntry],
        documents: dict[DocumentType, _Names],
        actions: dict[Action, _Names],
    ) -> None:
        self._entries = tuple(entries)
        self._by_code = {entry.code: entry for entry in self._entries}
        self._documents = documents
        self._actions = actions

    @property
    def codes(self) -> frozenset[str]:
        """The service codes of the catalogue."""
        return frozenset(self._by_code)

    @property
    def services(self) -> tuple[Service, ...]:
        """The services of the catalogue, in file order."""
        return tuple(entry.service for entry in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self._entries)

    def __contains__(self, item: object) -> bool:
        code = item.code if isinstance(item, Service) else item
        return isinstance(code, str) and code in self._by_code

    @overload
    def __getitem__(self, key: int) -> CatalogueEntry: ...
    @overload
    def __getitem__(self, key: slice) -> Sequence[CatalogueEntry]: ...
    @overload
    def __getitem__(self, key: str | Service) -> CatalogueEntry: ...
    def __getitem__(
        self, key: int | slice | str | Service
    ) -> CatalogueEntry | Sequence[CatalogueEntry]:
        if isinstance(key, int | slice):
            return self._entries[key]
        return self.entry(key)

    def entry(self, service: str | Service) -> CatalogueEntry:
        """The entry of one service.

        Raises:
            UnknownService: the service is not in the catalogue.

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue().entry("akta-kematian/baru").deadline.days
            30
        """
        code = service.code if isinstance(service, Service) else Service.parse(service).code
        return self._by_code[code]

    def expand(self, pattern: str) -> tuple[Service, ...]:
        """The services a pattern names: a code, or ``document/*`` for every action of it.

        Raises:
            UnknownService: the pattern names no service.

        Examples:
            >>> from adminduk import catalogue
            >>> [s.code for s in catalogue().expand("ktp-el/*")]
            ['ktp-el/baru', 'ktp-el/cetak-ulang', 'ktp-el/perubahan']
            >>> catalogue().expand("kk/perubahan")
            (Service('kk/perubahan'),)
        """
        if not isinstance(pattern, str):
            raise UnknownService(pattern, detail="a pattern is 'document/action' or 'document/*'")
        document, slash, action = pattern.strip().lower().partition("/")
        if slash and action == "*":
            matches = tuple(e.service for e in self._entries if e.service.document == document)
            if not matches:
                documents = [f"{d.value}/*" for d in DocumentType]
                raise UnknownService(pattern, close_matches(pattern, documents))
            return matches
        return (Service.parse(pattern),)

    def document_name(self, document: DocumentType | str, lang: Literal["id", "en"] = "id") -> str:
        """A document type's name in Indonesian or English."""
        names = self._documents[DocumentType(document)]
        return names.name_en if lang == "en" else names.name_id

    def action_name(self, action: Action | str, lang: Literal["id", "en"] = "id") -> str:
        """An action's name in Indonesian or English.

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue().action_name("cetak-ulang")
            'cetak ulang (hilang atau rusak)'
        """
        names = self._actions[Action(action)]
        return names.name_en if lang == "en" else names.name_id

    def __repr__(self) -> str:
        return f"<Catalogue of {len(self)} services>"


def _problems(error: ValidationError, prefix: str) -> list[ConfigProblem]:
    problems = []
    for item in error.errors(include_url=False):
        path = prefix + "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" for part in item["loc"]
        )
        problems.append(ConfigProblem(path.lstrip("."), item["msg"], repr(item.get("input"))))
    return problems


def _load(text: str, origin: str) -> Catalogue:
    """Validate a catalogue file's text; every problem is reported at once."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([ConfigProblem("", f"not valid TOML: {exc}")], source=origin) from None
    try:
        data = _CatalogueFile.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_problems(exc, ""), source=origin) from None
    # Service validation needs the set of known codes, and this file is what defines it.
    codes = [str(item.get("code", "")) for item in data.service]
    entries: list[CatalogueEntry] = []
    problems: list[ConfigProblem] = []
    saved = set(_KNOWN_CODES)
    _KNOWN_CODES.clear()
    _KNOWN_CODES.update(codes)
    try:
        for index, item in enumerate(data.service):
            try:
                fields = {**item, "service": item.get("code")}
                fields.pop("code", None)
                entries.append(CatalogueEntry.model_validate(fields))
            except ValidationError as exc:
                problems.extend(_problems(exc, f"service[{index}]"))
    finally:
        _KNOWN_CODES.clear()
        _KNOWN_CODES.update(saved)
    if len(set(codes)) != len(codes):
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        problems.append(ConfigProblem("service", "duplicate service codes", repr(duplicates)))
    for index, entry in enumerate(entries):
        req_codes = [r.code for r in entry.requirements]
        if len(set(req_codes)) != len(req_codes):
            problems.append(
                ConfigProblem(f"service[{index}].requirement", "duplicate requirement codes")
            )
        if not entry.requirements and entry.requirements_note is None:
            problems.append(
                ConfigProblem(
                    f"service[{index}]",
                    "an empty checklist needs a requirements_note saying why",
                )
            )
    if problems:
        raise ConfigError(problems, source=origin)
    return Catalogue(entries, data.documents, data.actions)


_KNOWN_CODES: set[str] = set()


@cache
def catalogue() -> Catalogue:
    """Every service the library knows, with names, deadlines and baseline requirements.

    Read once from the package's ``catalogue.toml`` and cached.

    Examples:
        >>> from adminduk import catalogue
        >>> len(catalogue()) >= 16
        True
        >>> [entry.code for entry in catalogue()][:3]
        ['ktp-el/baru', 'ktp-el/cetak-ulang', 'ktp-el/perubahan']
    """
    text = resources.files("adminduk.documents").joinpath("data/catalogue.toml").read_text("utf-8")
    loaded = _load(text, "adminduk/documents/data/catalogue.toml")
    _KNOWN_CODES.update(loaded.codes)
    return loaded


def known_codes() -> set[str]:
    """The service codes in force: the package catalogue's, or a file's while it loads."""
    if not _KNOWN_CODES:
        catalogue()
    return _KNOWN_CODES
