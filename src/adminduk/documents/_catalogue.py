"""The national service catalogue, read from package data and validated by pydantic."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Final, Literal, overload

from pydantic import Field, StringConstraints, ValidationError

from adminduk._core import precomputed
from adminduk._core.arguments import choice, english
from adminduk._core.arguments import day as _arguments_day
from adminduk._core.arguments import items as checked_items
from adminduk._core.public import publish
from adminduk._core.redact import is_text, plain
from adminduk._core.suggest import close_matches
from adminduk._core.validation import ConfigErrorModel, Text, frozen_config
from adminduk.documents._services import CATALOGUE_FILE, CATALOGUE_ORIGIN, codes_in_force
from adminduk.documents._vocabulary import Action, Confidence, DocumentType, Service
from adminduk.errors import ConfigError, ConfigProblem, OutOfRange, UnknownService

__all__ = [
    "Catalogue",
    "CatalogueEntry",
    "Introduction",
    "PresenceStep",
    "ReportingDeadline",
    "Requirement",
    "catalogue",
    "group_requirements",
]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Lang = Literal["id", "en"]


# How a bare citation reads with its confidence, per language: the one place these words live.
# Each language's text is wholly in that language; the citation itself is a proper name.
_BASIS_FORMATS: dict[Confidence, dict[Lang, str]] = {
    Confidence.PRIMARY: {"id": "{citation}", "en": "{citation}"},
    Confidence.SECONDARY_CITED: {
        "id": "{citation} (nomor pasal menurut sumber sekunder)",
        "en": "{citation} (article number as cited by secondary sources)",
    },
    Confidence.SECONDARY: {
        "id": "{citation} (pasal belum diverifikasi)",
        "en": "{citation} (article not verified)",
    },
    Confidence.LOCAL_PRACTICE: {
        "id": "praktik setempat: {citation}",
        "en": "local practice: {citation}",
    },
}


def _render_basis(citation: str, confidence: Confidence, lang: str) -> str:
    language: Lang = "en" if english(lang) else "id"
    return _BASIS_FORMATS[confidence][language].format(citation=citation)


class _Frozen(ConfigErrorModel):
    model_config = frozen_config()


class _Cited(_Frozen):
    """An item of the catalogue with its names, its legal basis and how sure that basis is."""

    code: Slug
    name_id: Text
    name_en: Text
    legal_basis: Text
    confidence: Confidence
    source: Text

    def name(self, lang: Literal["id", "en"] = "id") -> str:
        """The item's name in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue()["kk/cetak-ulang"].requirements[1].name("en")
            'KTP-el (electronic identity card)'
        """
        return self.name_en if english(lang) else self.name_id

    def basis(self, lang: Lang = "id") -> str:
        """The legal basis with how sure it is, wholly in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import catalogue
            >>> reqs = catalogue()["ktp-el/baru"].requirements
            >>> reqs[0].confidence.value, reqs[0].basis() == reqs[0].legal_basis  # read in full
            ('primary', True)
            >>> reqs[1].confidence.value, reqs[1].basis("id").removeprefix(reqs[1].legal_basis)
            ('secondary-cited', ' (nomor pasal menurut sumber sekunder)')
            >>> reqs[1].basis("en").removeprefix(reqs[1].legal_basis)
            ' (article number as cited by secondary sources)'
            >>> reqs[2].confidence.value, reqs[2].basis("en").removeprefix(reqs[2].legal_basis)
            ('secondary', ' (article not verified)')
            >>> catalogue()["biodata/pembetulan"].requirements[-1].basis()
            'praktik setempat: Dispendukcapil Kota Malang'
        """
        return _render_basis(self.legal_basis, self.confidence, lang)


class Requirement(_Cited):
    """One item of a checklist: a document or condition an applicant must bring or meet.

    Attributes:
        code: stable slug, unique within a service (e.g. ``kk``, ``surat-keterangan-kelahiran``).
        name_id: the item in Indonesian, as a citizen reads it.
        name_en: the item in English.
        legal_basis: the bare citation it rests on, the same in every language: the regulation
            and article where known (as ``catalogue.toml`` cites it), or the office whose practice
            it is (``Dispendukcapil Kota Malang``). :meth:`basis` adds how sure it is.
        confidence: how sure that legal basis is.
        source: where the fact was found (source keys of the catalogue file, or a URL).
        origin: ``national`` for the baseline, ``office`` for an office's own addition.
        one_of: the code of a group of alternatives, where the law accepts any one of them
            (shared by every item of the group, which stand together in the checklist);
            ``None`` for an ordinary item. See :func:`group_requirements`.

    Examples:
        >>> from adminduk import catalogue
        >>> req = catalogue()["akta-kelahiran/baru"].requirements[0]
        >>> req.code, req.origin
        ('surat-keterangan-kelahiran', 'national')
        >>> req.confidence.value, req.basis("en").startswith(req.legal_basis)
        ('secondary', True)
        >>> req.one_of
        'bukti-kelahiran'
        >>> catalogue()["ktp-el/baru"].requirements[0].one_of is None
        True
    """

    origin: Literal["national", "office"] = "national"
    one_of: Slug | None = None


class ReportingDeadline(_Frozen):
    """The national deadline for reporting an event, where the law sets one.

    Attributes:
        days: the number of calendar days allowed.
        counted_from_id: from when they count, in Indonesian.
        counted_from_en: from when they count, in English.
        legal_basis: the bare citation (regulation and article).
        confidence: how sure that legal basis is.
        source: where the fact was found.

    Examples:
        >>> from adminduk import catalogue
        >>> deadline = catalogue()["akta-kelahiran/baru"].deadline
        >>> deadline.days, deadline.confidence.value
        (60, 'primary')
    """

    days: int = Field(gt=0)
    counted_from_id: Text
    counted_from_en: Text
    legal_basis: Text
    confidence: Confidence
    source: Text

    def basis(self, lang: Lang = "id") -> str:
        """The legal basis with how sure it is, wholly in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import catalogue
            >>> birth = catalogue()["akta-kelahiran/baru"].deadline
            >>> birth.basis("en") == birth.legal_basis  # read in full: the citation alone
            True
            >>> marriage = catalogue()["akta-perkawinan/baru"].deadline
            >>> marriage.basis("id").removeprefix(marriage.legal_basis)
            ' (nomor pasal menurut sumber sekunder)'
        """
        return _render_basis(self.legal_basis, self.confidence, lang)


def group_requirements(items: Sequence[Requirement]) -> tuple[tuple[Requirement, ...], ...]:
    """A checklist as numbered points: each ordinary item alone, each group of alternatives as one.

    Consecutive items that share a ``one_of`` code form one tuple (the applicant brings any one
    of them); every other item is a 1-tuple. The order is kept, so flattening the result gives
    ``items`` back. Pure, so it works on the national checklist and on an office's merged one
    alike; where an office's changes leave a single member of a group, or split a group, each
    part stands as its own point.

    Examples:
        >>> from adminduk import catalogue
        >>> from adminduk.documents import group_requirements
        >>> checklist = catalogue()["akta-kelahiran/baru"].requirements
        >>> [[r.code for r in point] for point in group_requirements(checklist)]
        ... # doctest: +NORMALIZE_WHITESPACE
        [['surat-keterangan-kelahiran', 'sptjm-kelahiran'],
         ['bukti-perkawinan-orang-tua', 'sptjm-pasangan-suami-istri'],
         ['kk'], ['ktp-el-orang-tua']]
        >>> group_requirements(())
        ()
    """
    points: list[tuple[Requirement, ...]] = []
    for item in checked_items("items", items, Requirement, "Requirement values"):
        previous = points[-1] if points else ()
        if item.one_of is not None and previous and previous[-1].one_of == item.one_of:
            points[-1] = (*previous, item)
        else:
            points.append((item,))
    return tuple(points)


class PresenceStep(_Cited):
    """A step of a service that needs the applicant present in person, with its source.

    Attributes:
        code: stable slug (e.g. ``perekaman-biometrik``); office files name it to say where
            and when they do the step.
        name_id: the step in Indonesian.
        name_en: the step in English.
        legal_basis: the regulation it rests on (a bare citation).
        confidence: how sure that legal basis is.
        source: where the fact was found.

    Examples:
        >>> from adminduk import catalogue
        >>> step = catalogue()["ktp-el/baru"].in_person_steps[0]
        >>> step.code, step.name("en")
        ('perekaman-biometrik', 'biometric recording (photo, signature and fingerprints)')
    """


class Introduction(_Frozen):
    """The year a service came into being, where it is younger than the catalogue's dates.

    A service is not offered on any day before the first of January of ``year``: the
    regulation it rests on is of that year, and where its day of promulgation is not known the
    year is the bound that is sure.

    Attributes:
        year: the year of the regulation that brought the service in.
        legal_basis: that regulation (a bare citation).
        confidence: how sure that legal basis is.
        source: where the fact was found.

    Examples:
        >>> import datetime as dt
        >>> from adminduk import catalogue
        >>> introduced = catalogue()["ikd/baru"].introduced
        >>> introduced.year, introduced.offered_on(dt.date(2020, 3, 24))
        (2022, False)
        >>> introduced.basis("en").removeprefix(introduced.legal_basis)
        ' (article number as cited by secondary sources)'
    """

    year: int = Field(ge=1900, le=2100)
    legal_basis: Text
    confidence: Confidence
    source: Text

    def offered_on(self, day: dt.date) -> bool:
        """Whether the service exists on ``day`` (a date; a datetime is read by its date).

        Examples:
            >>> import datetime as dt
            >>> from adminduk import catalogue
            >>> catalogue()["ikd/baru"].introduced.offered_on(dt.date(2022, 1, 1))
            True
        """
        checked = _arguments_day("day", day)
        return checked.year >= self.year

    def basis(self, lang: Lang = "id") -> str:
        """The legal basis with how sure it is, wholly in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import catalogue
            >>> introduced = catalogue()["ikd/baru"].introduced
            >>> introduced.basis("id").removeprefix(introduced.legal_basis)
            ' (nomor pasal menurut sumber sekunder)'
        """
        return _render_basis(self.legal_basis, self.confidence, lang)


class _Names(_Frozen):
    name_id: Text
    name_en: Text

    def name(self, lang: Literal["id", "en"] = "id") -> str:
        """The name in Indonesian (``id``) or English (``en``)."""
        return self.name_en if english(lang) else self.name_id


class CatalogueEntry(_Frozen):
    """A service the library knows, with its names and national baseline.

    Attributes:
        service: the service (``document/action``).
        name_id: its name in Indonesian.
        name_en: its name in English.
        biometric_in_person: whether it needs biometric capture at the counter.
        in_person_steps: the steps that need the applicant present, each with its source.
        deadline: the national reporting deadline, or ``None`` where the law sets none.
        introduced: when the service came into being, for a service younger than the
            catalogue's other facts (the IKD); ``None`` for the rest.
        requirements: the national baseline checklist (may be empty, see below).
        requirements_note_id: why the checklist is empty, when no national source was found,
            in Indonesian.
        requirements_note_en: the same in English.
        action_names: how a reply names this service's action, where the catalogue's name for
            the action would mislead (the IKD is activated, not issued); ``None`` for the rest.
        produces_document: whether the service ends with a document to collect (a NIK
            synchronisation or an IKD activation does not, so no answer tells where to pick it
            up).

    Examples:
        >>> from adminduk import catalogue
        >>> catalogue()["ikd/baru"].action_names.name_en
        'activation'
        >>> entry = catalogue()["ktp-el/baru"]
        >>> entry.biometric_in_person, entry.name_en
        (True, 'First KTP-el issuance (includes biometric recording)')
    """

    service: Service
    name_id: Text
    name_en: Text
    biometric_in_person: bool
    in_person_steps: tuple[PresenceStep, ...] = Field(default=(), alias="in_person_step")
    deadline: ReportingDeadline | None = None
    introduced: Introduction | None = None
    requirements: tuple[Requirement, ...] = Field(default=(), alias="requirement")
    requirements_note_id: Text | None = None
    requirements_note_en: Text | None = None
    action_names: _Names | None = None
    produces_document: bool = True

    model_config = frozen_config(populate_by_name=True)

    @property
    def code(self) -> str:
        """The service code, e.g. ``kk/perubahan``.

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue()["kk/perubahan"].code
            'kk/perubahan'
        """
        return self.service.code

    @property
    def requirements_note(self) -> str | None:
        """The English :attr:`requirements_note_en`, kept so that older callers still work.

        Read-only. New code should call :meth:`requirements_note_text` with the reader's
        language; this property is English whatever the reader's language.

        Examples:
            >>> from adminduk import catalogue
            >>> entry = catalogue()["biodata/sinkronisasi"]
            >>> entry.requirements_note == entry.requirements_note_en
            True
            >>> catalogue()["kk/baru"].requirements_note is None
            True
        """
        return self.requirements_note_en

    def requirements_note_text(self, lang: Lang = "id") -> str | None:
        """Why the checklist is empty, in Indonesian (``id``) or English (``en``); else ``None``.

        Examples:
            >>> from adminduk import catalogue
            >>> entry = catalogue()["akta-kelahiran/cetak-ulang"]
            >>> entry.requirements_note_text("id")
            'Tidak ditemukan daftar persyaratan nasional untuk cetak ulang; tanyakan ke kantor.'
            >>> entry.requirements_note_text("en")
            'No national requirement list for a reprint was found in the sources; ask the office.'
        """
        return self.requirements_note_en if english(lang) else self.requirements_note_id

    def requirement_groups(self) -> tuple[tuple[Requirement, ...], ...]:
        """The national checklist as numbered points: see :func:`group_requirements`.

        Examples:
            >>> from adminduk import catalogue
            >>> points = catalogue()["kk/baru"].requirement_groups()
            >>> len(points), len(points[0])
            (1, 5)
        """
        return group_requirements(self.requirements)

    def name(self, lang: Literal["id", "en"] = "id") -> str:
        """The service's name in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue()["kia/baru"].name()
            'Penerbitan Kartu Identitas Anak (KIA)'
        """
        return self.name_en if english(lang) else self.name_id


class _CatalogueFile(_Frozen):
    documents: dict[DocumentType, _Names]
    actions: dict[Action, _Names]
    groups: dict[Slug, _Names] = Field(default_factory=dict)
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
        >>> cat.group_name("bukti-kelahiran", "en")
        'proof of birth'
    """

    def __init__(
        self,
        entries: Sequence[CatalogueEntry],
        documents: dict[DocumentType, _Names],
        actions: dict[Action, _Names],
        groups: Mapping[str, _Names] | None = None,
    ) -> None:
        self._entries = checked_items("entries", entries, CatalogueEntry, "CatalogueEntry values")
        _check_names("documents", documents, DocumentType)
        _check_names("actions", actions, Action)
        named = dict(groups or {})
        if not all(isinstance(value, _Names) for value in named.values()):
            raise OutOfRange("groups", groups, "a dict of group codes to their names")
        if unnamed := sorted(_group_codes(self._entries) - named.keys()):
            raise OutOfRange("groups", groups, f"names for every group of alternatives: {unnamed}")
        self._by_code = {entry.code: entry for entry in self._entries}
        self._codes = frozenset(self._by_code)
        self._documents = documents
        self._actions = actions
        self._groups = named

    @property
    def codes(self) -> frozenset[str]:
        """The service codes of the catalogue.

        Examples:
            >>> from adminduk import catalogue
            >>> "sktt/baru" in catalogue().codes
            True
        """
        return self._codes

    @property
    def services(self) -> tuple[Service, ...]:
        """The services of the catalogue, in file order.

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue().services[0]
            Service('ktp-el/baru')
        """
        return tuple(entry.service for entry in self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[CatalogueEntry]:
        return iter(self._entries)

    def __contains__(self, item: object) -> bool:
        code = item.code if isinstance(item, Service) else item
        return is_text(code) and code in self._by_code

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
        pattern = plain(pattern)
        if not is_text(pattern):
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
        """A document type's name in Indonesian or English.

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue().document_name("kk")
            'Kartu Keluarga (KK)'
        """
        kinds = [kind.value for kind in DocumentType]
        names = self._documents[DocumentType(choice("document", document, kinds, "a document"))]
        return names.name_en if english(lang) else names.name_id

    def group_name(self, group: str, lang: Literal["id", "en"] = "id") -> str:
        """What a group of alternatives (a requirement's ``one_of``) is proof of.

        Raises:
            OutOfRange: ``group`` is no group of this catalogue's checklists.

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue().group_name("dokumen-dasar-kk")
            'dokumen dasar penerbitan KK'
        """
        known = sorted(self._groups)
        names = self._groups[choice("group", group, known, "a group of alternatives")]
        return names.name_en if english(lang) else names.name_id

    def action_name(self, action: Action | str, lang: Literal["id", "en"] = "id") -> str:
        """An action's name in Indonesian or English.

        Examples:
            >>> from adminduk import catalogue
            >>> catalogue().action_name("cetak-ulang")
            'cetak ulang (hilang atau rusak)'
        """
        kinds = [kind.value for kind in Action]
        names = self._actions[Action(choice("action", action, kinds, "an action"))]
        return names.name_en if english(lang) else names.name_id

    def __repr__(self) -> str:
        return f"<Catalogue of {len(self)} services>"


def _group_codes(entries: Sequence[CatalogueEntry]) -> set[str]:
    return {req.one_of for entry in entries for req in entry.requirements if req.one_of}


def _check_names(field: str, names: object, kind: type[StrEnum]) -> None:
    valid = f"a dict of {kind.__name__} to their names"
    if not isinstance(names, Mapping) or not all(
        isinstance(key, kind) and isinstance(value, _Names) for key, value in names.items()
    ):
        raise OutOfRange(field, names, valid)


def _problems(error: ValidationError, prefix: str) -> list[ConfigProblem]:
    from adminduk._core.validation import join_path, problems_from

    return [
        ConfigProblem(join_path(prefix, p.path), p.message, p.value) for p in problems_from(error)
    ]


def _basis_problems(citation: str, confidence: Confidence, path: str) -> list[ConfigProblem]:
    """A citation must say what its confidence claims: an article exactly when one is known."""
    names_article = "Pasal" in citation
    if confidence is Confidence.SECONDARY_CITED and not names_article:
        message = "secondary-cited needs the article the source cites ('... Pasal N')"
    elif confidence is Confidence.SECONDARY and names_article:
        message = (
            "secondary means no article is known: drop the article, or use secondary-cited "
            "if a source cites it"
        )
    else:
        return []
    return [ConfigProblem(f"{path}.legal_basis", message, repr(citation))]


def _group_problems(requirements: Sequence[Requirement], path: str) -> list[ConfigProblem]:
    """Each group of alternatives has at least 2 members, standing together in the list."""
    problems: list[ConfigProblem] = []
    members: dict[str, list[int]] = {}
    for position, req in enumerate(requirements):
        if req.one_of is not None:
            members.setdefault(req.one_of, []).append(position)
    for group, positions in members.items():
        if len(positions) < 2:
            problems.append(
                ConfigProblem(
                    f"{path}.requirement[{positions[0]}].one_of",
                    "a group of alternatives needs at least 2 members; "
                    "drop one_of for a single item",
                    repr(group),
                )
            )
        for before, position in itertools.pairwise(positions):
            if position != before + 1:
                problems.append(
                    ConfigProblem(
                        f"{path}.requirement[{position}].one_of",
                        f"the members of a group must stand together; this one is apart from "
                        f"requirement[{before}] of the same group",
                        repr(group),
                    )
                )
    return problems


def _entry_problems(entry: CatalogueEntry, path: str) -> list[ConfigProblem]:
    """The checks across one entry's fields, each problem located by its path."""
    problems: list[ConfigProblem] = []
    req_codes = [r.code for r in entry.requirements]
    if len(set(req_codes)) != len(req_codes):
        problems.append(ConfigProblem(f"{path}.requirement", "duplicate requirement codes"))
    problems.extend(_group_problems(entry.requirements, path))
    for position, req in enumerate(entry.requirements):
        problems.extend(
            _basis_problems(req.legal_basis, req.confidence, f"{path}.requirement[{position}]")
        )
    for name, cited in (("deadline", entry.deadline), ("introduced", entry.introduced)):
        if cited is not None:
            problems.extend(_basis_problems(cited.legal_basis, cited.confidence, f"{path}.{name}"))
    notes = (entry.requirements_note_id, entry.requirements_note_en)
    if (notes[0] is None) != (notes[1] is None):
        missing = "requirements_note_en" if notes[1] is None else "requirements_note_id"
        problems.append(
            ConfigProblem(f"{path}.{missing}", "the note is needed in both Indonesian and English")
        )
    elif not entry.requirements and notes[0] is None:
        problems.append(
            ConfigProblem(
                path,
                "an empty checklist needs requirements_note_id and requirements_note_en "
                "saying why",
            )
        )
    return problems


def _load(text: str, origin: str) -> Catalogue:
    """Validate a catalogue file's text; every problem is reported at once."""
    import tomllib  # the catalogue is served precomputed: a cold start parses no TOML

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([ConfigProblem("", f"not valid TOML: {exc}")], source=origin) from None
    try:
        data = _CatalogueFile.__pydantic_validator__.validate_python(raw)
    except ValidationError as exc:
        raise ConfigError(_problems(exc, ""), source=origin) from None
    # Its services are checked against its own codes, in this context only: another thread's
    # lookups keep seeing the package catalogue's (a shared set emptied here once made them fail).
    codes = [str(item.get("code", "")) for item in data.service]
    entries: list[CatalogueEntry] = []
    problems: list[ConfigProblem] = []
    with codes_in_force(codes):
        for index, item in enumerate(data.service):
            try:
                fields = {**item, "service": item.get("code")}
                fields.pop("code", None)
                entries.append(CatalogueEntry.__pydantic_validator__.validate_python(fields))
            except ValidationError as exc:
                problems.extend(_problems(exc, f"service[{index}]"))
    if len(set(codes)) != len(codes):
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        problems.append(ConfigProblem("service", "duplicate service codes", repr(duplicates)))
    for index, entry in enumerate(entries):
        problems.extend(_entry_problems(entry, f"service[{index}]"))
    used = _group_codes(entries)
    problems.extend(
        ConfigProblem(f"groups.{group}", "no requirement belongs to this group; drop its name")
        for group in sorted(data.groups.keys() - used)
    )
    problems.extend(
        ConfigProblem("groups", f"a group of alternatives has no name: add groups.{group}")
        for group in sorted(used - data.groups.keys())
    )
    if problems:
        raise ConfigError(problems, source=origin)
    return Catalogue(entries, data.documents, data.actions, data.groups)


_CATALOGUE: Catalogue | None = None
PRECOMPUTED_CATALOGUE: Final = "precomputed/catalogue.pickle"
_CATALOGUE_LOCK: Final = threading.Lock()


def catalogue() -> Catalogue:
    """Every service the library knows, with names, deadlines and baseline requirements.

    Read once from the package's ``catalogue.toml`` (by one thread, whatever the number
    asking at once) and cached.

    Examples:
        >>> from adminduk import catalogue
        >>> len(catalogue()) >= 16
        True
        >>> [entry.code for entry in catalogue()][:3]
        ['ktp-el/baru', 'ktp-el/cetak-ulang', 'ktp-el/perubahan']
    """
    global _CATALOGUE
    loaded = _CATALOGUE
    if loaded is not None:
        return loaded
    with _CATALOGUE_LOCK:
        if _CATALOGUE is None:
            # A plain path, as the table of services is read (_services.table): importing
            # importlib.resources would cost a first answer several milliseconds.
            data = Path(__file__).parent / "data"
            source = data / CATALOGUE_FILE
            _CATALOGUE = precomputed.load(
                source,
                data / PRECOMPUTED_CATALOGUE,
                Catalogue,
                lambda: _load(source.read_text("utf-8"), CATALOGUE_ORIGIN),
            )
        return _CATALOGUE


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.documents", __all__, globals())
