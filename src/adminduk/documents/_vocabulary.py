"""The stable codes: document types, actions, and the services they combine into."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from adminduk._core.arguments import text_problem
from adminduk._core.redact import is_text, plain
from adminduk._core.suggest import close_matches
from adminduk.documents._services import codes_in_order as _codes_in_order
from adminduk.documents._services import known_codes as _known_codes
from adminduk.documents._services import table as _table
from adminduk.errors import UnknownService

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema

__all__ = ["Action", "Confidence", "DocumentType", "Service"]


class DocumentType(StrEnum):
    """A population document (or the person's record) an office issues or keeps.

    The value is the stable code used in office files and messages.

    Examples:
        >>> DocumentType("akta-kelahiran") is DocumentType.BIRTH_CERTIFICATE
        True
        >>> str(DocumentType.KTP_EL)
        'ktp-el'
    """

    KTP_EL = "ktp-el"
    KK = "kk"
    KIA = "kia"
    BIRTH_CERTIFICATE = "akta-kelahiran"
    DEATH_CERTIFICATE = "akta-kematian"
    MARRIAGE_CERTIFICATE = "akta-perkawinan"
    DIVORCE_CERTIFICATE = "akta-perceraian"
    MOVE_CERTIFICATE = "skpwni"
    ARRIVAL_CERTIFICATE = "skpd"
    SKTT = "sktt"
    RESIDENT_DATA = "biodata"
    DIGITAL_ID = "ikd"


class Action(StrEnum):
    """What is done to a document.

    Examples:
        >>> Action("cetak-ulang") is Action.REPRINT
        True
    """

    NEW = "baru"
    REPRINT = "cetak-ulang"
    CHANGE = "perubahan"
    CORRECTION = "pembetulan"
    SYNC = "sinkronisasi"


def _suggest_for_words(text: str) -> tuple[str, ...]:
    """What free text such as "mau cetak ulang KTP" is about, as codes (see find_services)."""
    # Imported on the first text that is not a code, which builds the reader's vocabulary: a
    # code is checked without it.
    from adminduk.documents._reading import MAX_TEXT_CHARS, ranked

    if len(text) > MAX_TEXT_CHARS:
        return ()
    return tuple(code for code, _, _ in ranked(text, 3))


@dataclass(frozen=True, slots=True, order=True)
class Service:
    """A service of the catalogue: a document and an action, written ``document/action``.

    Only pairs the catalogue knows are services; anything else raises
    :class:`~adminduk.errors.UnknownService` with close matches. A ``Service`` is a frozen,
    hashable, ordered value, and a pydantic field type (validated from its code, serialised
    back to it).

    Examples:
        >>> Service.parse("kk/perubahan") == Service(DocumentType.KK, Action.CHANGE)
        True
        >>> Service.parse(" KK/Perubahan ").code
        'kk/perubahan'
        >>> Service("ktp-el", "baru")
        Service('ktp-el/baru')
        >>> Service.parse("ktp-el/terbang")
        Traceback (most recent call last):
        ...
        adminduk.errors.UnknownService: unknown service 'ktp-el/terbang'; did you mean ...
    """

    document: DocumentType
    action: Action
    code: str = field(init=False, compare=False, repr=False)

    _by_code: ClassVar[dict[str, Service]] = {}

    def __init__(self, document: DocumentType | str, action: Action | str) -> None:
        for part in (document, action):
            problem = text_problem(part)
            if problem is not None:
                raise UnknownService(
                    part,
                    detail=f"a document type and an action, each a text; this {problem}",
                )
        try:
            doc = DocumentType(document)
            act = Action(action)
        except ValueError:
            raise UnknownService(
                f"{document}/{action}", close_matches(f"{document}/{action}", _codes_in_order())
            ) from None
        code = f"{doc.value}/{act.value}"
        if code not in _known_codes():
            raise UnknownService(
                code,
                close_matches(code, _codes_in_order()),
                detail="the catalogue has no such document/action pair",
            )
        object.__setattr__(self, "document", doc)
        object.__setattr__(self, "action", act)
        object.__setattr__(self, "code", code)

    @classmethod
    def parse(cls, text: str | Service) -> Service:
        """Read a service from its code, tolerating case and surrounding blanks.

        Raises:
            UnknownService: ``text`` is not ``document/action`` of a catalogue service.

        Examples:
            >>> Service.parse("akta-kelahiran/baru").document
            <DocumentType.BIRTH_CERTIFICATE: 'akta-kelahiran'>
        """
        if isinstance(text, Service):
            return text
        text = plain(text)  # a str subclass may lie in its own methods (hash, strip, …)
        cached = cls._by_code.get(text) if is_text(text) else None
        if cached is not None:
            return cached
        problem = text_problem(text)
        if problem is not None:  # before any parsing or matching
            raise UnknownService(
                text, detail=f"a service is written as 'document/action'; this {problem}"
            )
        assert isinstance(text, str)  # text_problem refuses anything else
        normal = text.strip().lower()
        document, slash, action = normal.partition("/")
        if not slash or not document or not action:
            raise UnknownService(
                text,
                _suggest_for_words(text) or close_matches(normal, _codes_in_order()),
                detail="a service is written as 'document/action'",
            )
        try:
            service = cls(document, action)
        except UnknownService as err:
            # Report what the caller wrote, not our normalised spelling of it.
            raise UnknownService(text, err.suggestions) from None
        if len(cls._by_code) < 4096:  # bounded: arbitrary spellings must not grow it forever
            cls._by_code[text] = service
        return service

    def name(self, lang: str = "id") -> str:
        """The service as a citizen reads it: the document's name, then the action's.

        The name every reply, menu and label of the library uses; the catalogue's longer
        title is ``catalogue()[service].name_id`` / ``.name_en``.

        Args:
            lang: ``"id"`` (Indonesian) or ``"en"`` (English), or any BCP 47 tag of them.

        Raises:
            OutOfRange: ``lang`` is not a tag of Indonesian or English.

        Examples:
            >>> Service.parse("kk/perubahan").name()
            'Kartu Keluarga (KK): perubahan data'
            >>> Service.parse("ktp-el/cetak-ulang").name("en-GB")
            'Electronic identity card (KTP-el): reprint (lost or damaged)'
        """
        from adminduk._core.wording import language

        chosen = language(lang)
        services = _table()
        action = services.action_name(self.code, chosen)
        return f"{services.document_name(self.document.value, chosen)}: {action}"

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"Service({self.code!r})"

    # -- pydantic integration ------------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda service: service.code, when_used="always"
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "enum": sorted(_known_codes()),
            "description": "a catalogue service, written document/action",
        }


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
