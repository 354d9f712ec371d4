"""Names on population documents against the regulation on names; its rules are in ``names.toml``.

The checker names the offending word by its position, never by its text: a name is personal
data, and a finding may be logged or shown to someone other than its bearer.
"""

from __future__ import annotations

import threading
import tomllib
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from typing import Annotated, Final, Literal

from pydantic import Field, StringConstraints

from adminduk._core.arguments import choice, english, text_problem
from adminduk._core.public import publish
from adminduk._core.redact import is_text, plain
from adminduk._core.validation import ConfigErrorModel, Text, config_errors, frozen_config
from adminduk.documents._vocabulary import Confidence, DocumentType
from adminduk.errors import ConfigError, ConfigProblem, OutOfRange

__all__ = ["NameFinding", "NameSeverity", "check_name"]

Lang = Literal["id", "en"]
_SOURCE: Final = "adminduk/documents/data/names.toml"


class NameSeverity(StrEnum):
    """How much a finding on a name weighs.

    ``error``: the regulation (``names.toml`` cites its article) says the name is not recorded
    and the document not issued. ``warning``: the regulation asks for it but puts no sanction on
    it.

    Examples:
        >>> NameSeverity("warning") is NameSeverity.WARNING
        True
    """

    ERROR = "error"
    WARNING = "warning"


class _Frozen(ConfigErrorModel):
    model_config = frozen_config()


class _Rule(_Frozen):
    id: Annotated[str, StringConstraints(pattern=r"^pasal-[0-9a-z-]+$")]
    article: Text
    severity: NameSeverity
    confidence: Confidence
    message_id: Text
    message_en: Text
    reading: Text | None = None


class _Placed(_Frozen):
    front: tuple[Text, ...]
    back: tuple[Text, ...]


class _Titles(_Frozen):
    pendidikan: _Placed
    keagamaan: _Placed
    adat: _Placed


class _Particle(_Frozen):
    form: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]+$")]
    meaning_id: Text
    meaning_en: Text
    place: Literal["front"]
    after: tuple[Text, ...] = ()
    sources: tuple[Text, ...] = Field(min_length=1)


class _NameRules(_Frozen):
    citation: Text
    sources: tuple[Text, ...] = Field(min_length=1)
    max_letters: int = Field(gt=0)
    min_words: int = Field(gt=0)
    unchecked_article: Text
    titles_allowed_on: tuple[DocumentType, ...]
    titles_forbidden_on: tuple[DocumentType, ...]
    abbreviations: tuple[Text, ...]
    rule: tuple[_Rule, ...]
    titles: _Titles
    particle: tuple[_Particle, ...] = ()


# The rule ids the checker applies; the loader refuses a file that lacks one.
_LENGTH: Final = "pasal-4-ayat-2-b"
_WORDS: Final = "pasal-4-ayat-2-c"
_LATIN: Final = "pasal-5-ayat-1-a"
_ABBREVIATION: Final = "pasal-5-ayat-3-a"
_DIGIT: Final = "pasal-5-ayat-3-b-angka"
_PUNCTUATION: Final = "pasal-5-ayat-3-b-tanda-baca"
_TITLE_ON_AKTA: Final = "pasal-5-ayat-3-c"
_ADAT_ON_AKTA: Final = "pasal-5-ayat-1-c-adat"
_TITLE_ELSEWHERE: Final = "pasal-5-ayat-1-c-lain"
_APPLIED: Final = (
    _LENGTH,
    _WORDS,
    _LATIN,
    _ABBREVIATION,
    _DIGIT,
    _PUNCTUATION,
    _TITLE_ON_AKTA,
    _ADAT_ON_AKTA,
    _TITLE_ELSEWHERE,
)


@dataclass(frozen=True, slots=True)
class NameFinding:
    """One way a name departs from the rules for names on documents (``names.toml``).

    A finding never holds the name or a word of it: it points at the word by ``position``.

    Attributes:
        rule: the rule's id, after its article (``pasal-5-ayat-3-a``).
        article: the article, in full, as ``names.toml`` cites it.
        severity: ``error`` (the name is not recorded) or ``warning``.
        position: the word it is about, counted from 1; ``None`` for the name as a whole.
        message_id: what is wrong, in Indonesian.
        message_en: the same in English.
        interpreted: whether the rule as applied rests on the library's reading of the text
            (see ``names.toml``), not on its words alone.

    Examples:
        >>> from adminduk import check_name
        >>> finding = check_name("M. Rizky", document="akta-kelahiran")[0]
        >>> finding.rule, finding.severity.value, finding.position
        ('pasal-5-ayat-3-a', 'error', 1)
        >>> finding.article.endswith("ayat (3) huruf a")
        True
    """

    rule: str
    article: str
    severity: NameSeverity
    position: int | None
    message_id: str
    message_en: str
    interpreted: bool

    def message(self, lang: Lang = "id") -> str:
        """What is wrong, wholly in Indonesian (``id``) or English (``en``).

        Examples:
            >>> from adminduk import check_name
            >>> print(check_name("Budi", document="kk")[0].message("en")[:55])
            The name has 1 word(s); at least 2 are asked for (no sa
        """
        return self.message_en if english(lang) else self.message_id


class _Rules:
    """The file's rules in the form the checker reads: sets and a table by id."""

    def __init__(self, data: _NameRules) -> None:
        self.data = data
        self.by_id = {rule.id: rule for rule in data.rule}
        self.abbreviations = frozenset(word.lower() for word in data.abbreviations)
        # particle (lower case) -> the words (lower case) it may also follow
        self.particles = {
            p.form.lower(): frozenset(word.lower() for word in p.after) for p in data.particle
        }
        kinds = data.titles
        self.front = {
            form.lower(): kind
            for kind, placed in (("pendidikan", kinds.pendidikan), ("keagamaan", kinds.keagamaan))
            for form in placed.front
        } | {form.lower(): "adat" for form in kinds.adat.front}
        self.back = {
            form.lower(): kind
            for kind, placed in (
                ("pendidikan", kinds.pendidikan),
                ("keagamaan", kinds.keagamaan),
                ("adat", kinds.adat),
            )
            for form in placed.back
        }


def _load(text: str, origin: str) -> _Rules:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([ConfigProblem("", f"not valid TOML: {exc}")], source=origin) from None
    with config_errors(origin, root=_NameRules):
        data = _NameRules.model_validate(raw)
    ids = [rule.id for rule in data.rule]
    problems = [
        ConfigProblem("rule", f"no rule with id {wanted!r}, which the checker applies")
        for wanted in _APPLIED
        if wanted not in ids
    ]
    if len(set(ids)) != len(ids):
        problems.append(ConfigProblem("rule", "duplicate rule ids", repr(sorted(ids))))
    if problems:
        raise ConfigError(problems, source=origin)
    return _Rules(data)


_RULES: _Rules | None = None
_LOCK: Final = threading.Lock()


def unchecked_rule() -> str:
    """The rule on names no program can check, cited in full (``names.toml``).

    Examples:
        >>> unchecked_rule().endswith("huruf a")
        True
    """
    data = _rules().data
    return f"{data.citation} {data.unchecked_article}"


def max_name_letters() -> int:
    """The most letters, spaces included, a name on a document may have (``names.toml``).

    Examples:
        >>> from adminduk import check_name
        >>> name = "A" * max_name_letters() + " B"
        >>> [finding.rule for finding in check_name(name, document="kk")][-1].startswith("pasal")
        True
    """
    return _rules().data.max_letters


def _rules() -> _Rules:
    global _RULES
    loaded = _RULES
    if loaded is not None:
        return loaded
    with _LOCK:
        if _RULES is None:
            text = resources.files("adminduk.documents").joinpath("data/names.toml")
            _RULES = _load(text.read_text("utf-8"), _SOURCE)
        return _RULES


def _finding(rules: _Rules, rule_id: str, position: int | None, **fields: object) -> NameFinding:
    rule = rules.by_id[rule_id]
    return NameFinding(
        rule=rule.id,
        article=f"{rules.data.citation} {rule.article}",
        severity=rule.severity,
        position=position,
        message_id=rule.message_id.format(position=position, **fields),
        message_en=rule.message_en.format(position=position, **fields),
        interpreted=rule.reading is not None,
    )


def _core(word: str) -> str:
    """A word as titles and short forms are compared: no dots or commas, lower case."""
    return word.replace(".", "").replace(",", "").lower()


def _title_spans(words: list[str], rules: _Rules, initials: bool) -> tuple[int, int]:
    """How many words at the front, and from which index at the back, are titles.

    A one-letter title ("H.", "R.") reads as a title only where the document takes titles;
    elsewhere it is read as what it also is, an initial.
    """

    def title(word: str, forms: dict[str, str]) -> bool:
        core = _core(word)
        return core in forms and (initials or len(core) > 1)

    front = 0
    while front < len(words) - 1 and title(words[front], rules.front):
        front += 1
    back = len(words)
    while back > front + 1 and title(words[back - 1], rules.back):
        back -= 1
    return front, back


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _is_particle(words: list[str], index: int, front: int, back: int, rules: _Rules) -> bool:
    """Whether ``words[index]`` is a name particle where it stands (``names.toml``, particle).

    Only as the first word of the name proper, or right after a word its entry names, with a
    word of the name after it; never written with a full stop, which makes it an initial.
    """
    word = words[index]
    after = rules.particles.get(word.lower())
    if after is None or index + 1 >= back:
        return False
    return index == front or (index > front and words[index - 1].lower() in after)


def _word_findings(
    word: str, position: int, rules: _Rules, *, particle: bool = False
) -> list[NameFinding]:
    found: list[NameFinding] = []
    letters = [char for char in word if char.isalpha()]
    # A particle (the Balinese I) is a whole word of its own, not an initial.
    short = len(letters) == 1 or word.endswith(".") or _core(word) in rules.abbreviations
    if short and not particle:
        found.append(_finding(rules, _ABBREVIATION, position))
    if any(char.isdigit() for char in word):
        found.append(_finding(rules, _DIGIT, position))
    if any(not char.isalpha() and not char.isdigit() for char in word):
        found.append(_finding(rules, _PUNCTUATION, position))
    if any(not _is_latin(char) for char in letters):
        found.append(_finding(rules, _LATIN, position))
    return found


def _title_finding(
    position: int, kind: str, document: DocumentType, rules: _Rules
) -> NameFinding | None:
    if document in rules.data.titles_allowed_on:
        return None
    if document not in rules.data.titles_forbidden_on:
        return _finding(rules, _TITLE_ELSEWHERE, position)
    return _finding(rules, _ADAT_ON_AKTA if kind == "adat" else _TITLE_ON_AKTA, position)


class _NameShown:
    """Stands in for a name in an error: its size, never its text."""

    def __init__(self, value: object) -> None:
        value = plain(value)  # an object posing as a str has no length of its own
        self.text = (
            f"<a name of {len(value)} characters>"
            if is_text(value)
            else f"<a {type(value).__name__}>"  # bytes may hold the name itself
        )

    def __repr__(self) -> str:
        return self.text


def _checked_name(name: object) -> str:
    valid = "a person's name as text (at most 1000 characters, not blank)"
    problem = text_problem(name)
    if problem is not None:
        # text_problem's own words show a type or a character code, never the name.
        raise OutOfRange("name", _NameShown(name), f"{valid}; this one is {problem}")
    assert isinstance(name, str)
    if not name.strip():
        raise OutOfRange("name", _NameShown(name), valid)
    return name


def check_name(name: str, *, document: DocumentType | str) -> tuple[NameFinding, ...]:
    """How ``name`` fares against the rules for names on ``document`` (``names.toml``).

    An empty tuple means no rule the library can check objects. Findings come in word order,
    then the name as a whole: for each word, an abbreviation, digits, punctuation or non-Latin
    letters, or a title where the document does not take one; then the length and the number of
    words (a warning: the regulation puts no sanction on it). Titles are read only at the front
    (``Dr.``, ``H.``, ``Raden``) or the end (``S.H.``, ``M.Pd.``) of a name; on a KK or KTP-el
    they may stand abbreviated, dots and the comma before them included, on an akta education
    and religious titles are errors. Marga and family names are part of the name and are
    checked as words of it. A name particle of a regional custom (the Balinese ``I`` and
    ``Ni``; ``names.toml`` lists them with their sources) is a word of the name, not an
    abbreviation, as the first word of the name proper. Whether a name is easy to read and free
    of negative or double meaning takes a person's judgement and is not checked. Each rule, its
    limits and its article are in ``names.toml``; each finding names its article.

    Args:
        name: the name as it would be written on the document.
        document: a document code of the catalogue (:class:`DocumentType`), e.g.
            ``akta-kelahiran``, ``kk``, ``ktp-el``.

    Raises:
        OutOfRange: ``name`` is not a non-blank text of at most 1000 characters (the error shows
            its length, never the name), or ``document`` is not a document code.

    Examples:
        >>> from adminduk import check_name
        >>> check_name("Rizky Pratama Sitompul", document="akta-kelahiran")
        ()
        >>> [f.rule for f in check_name("M. Rizky", document="akta-kelahiran")]
        ['pasal-5-ayat-3-a', 'pasal-5-ayat-3-b-tanda-baca']
        >>> check_name("Dr. Rina Sari, S.H.", document="ktp-el")
        ()
        >>> check_name("I Wayan Sudirta", document="akta-kelahiran")
        ()
        >>> [f.position for f in check_name("Budi I Santoso", document="akta-kelahiran")]
        [2]
        >>> [(f.rule, f.position) for f in check_name("Dr. Rina Sari", document="akta-kematian")]
        [('pasal-5-ayat-3-c', 1)]
        >>> check_name("Budi", document="kk")[0].severity
        <NameSeverity.WARNING: 'warning'>
        >>> check_name("Siti Aminah", document="paspor")
        Traceback (most recent call last):
        ...
        adminduk.errors.OutOfRange: document='paspor' is out of range; valid: a document code of the catalogue: ktp-el, kk, ...
    """  # noqa: E501
    codes = [kind.value for kind in DocumentType]
    kind = DocumentType(choice("document", document, codes, "a document code of the catalogue"))
    text = unicodedata.normalize("NFC", _checked_name(plain(name)))
    rules = _rules()
    words = text.split()
    front, back = _title_spans(words, rules, initials=kind in rules.data.titles_allowed_on)
    found: list[NameFinding] = []
    for index, word in enumerate(words):
        position = index + 1
        if index < front or index >= back:
            title = (rules.front if index < front else rules.back)[_core(word)]
            finding = _title_finding(position, title, kind, rules)
            if finding is not None:
                found.append(finding)
            continue
        if index == back - 1 < len(words) - 1 and word.endswith(","):
            word = word[:-1]  # the comma that sets the titles off: "Rina Sari, S.H."
        particle = _is_particle(words, index, front, back, rules)
        found.extend(_word_findings(word, position, rules, particle=particle))
    letters = len(" ".join(words))
    limit = rules.data.max_letters
    if letters > limit:
        found.append(_finding(rules, _LENGTH, None, count=letters, limit=limit))
    name_words = back - front
    if name_words < rules.data.min_words:
        found.append(_finding(rules, _WORDS, None, count=name_words, limit=rules.data.min_words))
    return tuple(found)


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.documents", __all__, globals())
