"""Free text to catalogue services: what a citizen types in chat, read against a vocabulary file.

The vocabulary lives in ``documents/data/phrases.toml`` (see its header): canonical words and the
ways people write them, words to ignore, words of other offices' business, and phrases per
service. A text is read word by word — lower-cased, letters repeated for emphasis collapsed,
common Indonesian affixes taken off, typos corrected with rapidfuzz against the known words —
then compared with every phrase by weighted word overlap.
"""

from __future__ import annotations

import math
import re
import threading
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final

from adminduk._redact import is_text, plain
from adminduk._validation import publish
from adminduk.documents._catalogue import known_codes
from adminduk.documents._vocabulary import Service
from adminduk.errors import ConfigError, ConfigProblem, OutOfRange, UnknownService

__all__ = ["MIN_SCORE", "ServiceMatch", "find_services"]

MIN_SCORE: Final = 0.6
"""The lowest score :func:`find_services` reports; below it a text is not about that service."""

MIN_COVERAGE: Final = 0.75
"""The share of a phrase (by weight) a text must contain: one word of a two-word phrase is not
enough ("dompet hilang" is not "KTP hilang")."""

MAX_TEXT_CHARS: Final = 4096
"""The longest text :func:`find_services` reads (a long WhatsApp message); longer is refused."""

_FUZZY_CUTOFF: Final = 85  # rapidfuzz ratio (0-100): "hlang" is "hilang", "siang" is not "asing"
_FUZZY_MIN_CHARS: Final = 4  # shorter words are too easily confused ("kia", "kk", "sim")
_UNKNOWN_WEIGHT: Final = 1.0  # a word the vocabulary does not know: it may be off-topic
_FOREIGN_WEIGHT: Final = 8.0  # a word of another office's business: it almost surely is
_FOREIGN: Final = ("\x00foreign",)
_CACHE_LIMIT: Final = 65536

_WORD = re.compile(r"[a-z]+|[0-9]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "hilanggg" -> "hilang"; "kk" keeps its two letters

# Indonesian affixes, longest first; a stem is accepted only when it is a known word.
_PREFIXES: Final = (
    "meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe", "ber", "be",
    "ter", "te", "di", "ke", "se", "nge", "ng", "ny", "n", "m",
)  # fmt: skip
_SUFFIXES: Final = ("nya", "kan", "an", "in", "i", "lah", "kah", "ku", "mu")
# A nasal prefix swallows the first consonant of the stem: men+tulis -> menulis.
_NASAL: Final = {
    "meny": "s", "peny": "s", "ny": "s", "men": "t", "pen": "t", "n": "t",
    "mem": "p", "pem": "p", "m": "p", "meng": "k", "peng": "k", "ng": "k",
}  # fmt: skip
_VOWELS: Final = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class ServiceMatch:
    """A service that a text is about, with how sure the match is.

    Attributes:
        service: the catalogue service.
        score: from :data:`MIN_SCORE` to 1; 1 for a bare code or a text that is a known phrase.
        phrase: the known phrase that matched, as written in the vocabulary file (or the code).

    Examples:
        >>> from adminduk.documents import find_services
        >>> match = find_services("ktp saya hilang")[0]
        >>> match.service, match.phrase
        (Service('ktp-el/cetak-ulang'), 'KTP hilang')
        >>> 0.6 <= match.score <= 1
        True
    """

    service: Service
    score: float
    phrase: str


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(_REPEATS.sub(r"\1", text))


def _stems(word: str) -> Iterator[str]:
    """Candidate stems of ``word``: suffix off, prefix off, then both."""
    bases = [word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3]
    yield from bases
    for base in [word, *bases]:
        for prefix in _PREFIXES:
            rest = base[len(prefix) :]
            if not base.startswith(prefix) or len(rest) < 3:
                continue
            yield rest
            swallowed = _NASAL.get(prefix)
            if swallowed and rest[0] in _VOWELS:
                yield swallowed + rest


@dataclass(frozen=True, slots=True)
class _Phrase:
    service: Service
    text: str
    weight: float  # the sum of its words' weights


class _Vocabulary:
    """The vocabulary file, indexed for matching; immutable after construction."""

    def __init__(self, data: Mapping[str, object], extra: Mapping[Service, Sequence[str]]) -> None:
        self.surfaces: dict[tuple[str, ...], tuple[str, ...]] = {}
        problems = self._read_words(data)
        self._cache: dict[str, str] = {}
        self._lock = threading.Lock()
        self._refresh_known()
        phrases = _phrase_table(data, problems)
        for service, texts in extra.items():
            phrases.setdefault(service, []).extend(texts)
        # A phrase word the file does not know otherwise stands for itself.
        for texts in phrases.values():
            for text in texts:
                for word in _words(text):
                    if not word.isdigit() and self._correct(word) not in self.known:
                        self.surfaces[(word,)] = (word,)
        self._refresh_known()
        read = [(s, text, self._read(text)[0]) for s, texts in phrases.items() for text in texts]
        for service, text, tokens in read:
            if not tokens:
                problems.append(
                    ConfigProblem(f"services.{service}", "phrase has no meaningful word", text)
                )
        if problems:
            raise ConfigError(problems, source="phrases.toml")
        services_of: dict[str, set[Service]] = {}
        for service, _, tokens in read:
            for token in tokens:
                services_of.setdefault(token, set()).add(service)
        count = len(phrases)
        self.weights = {t: 1.0 + math.log(count / len(s)) for t, s in services_of.items()}
        self.phrases: list[_Phrase] = []
        self.index: dict[str, list[int]] = {}
        for service, text, tokens in read:
            for token in tokens:
                self.index.setdefault(token, []).append(len(self.phrases))
            weight = sum(self.weights[t] for t in tokens)
            self.phrases.append(_Phrase(service, text, weight))

    def _read_words(self, data: Mapping[str, object]) -> list[ConfigProblem]:
        problems: list[ConfigProblem] = []
        seen: dict[tuple[str, ...], str] = {}

        def add(where: str, surface: str, canonical: tuple[str, ...]) -> None:
            key = tuple(_words(surface))
            if not key:
                problems.append(ConfigProblem(where, "has no letters or digits", repr(surface)))
            elif key in seen and self.surfaces[key] != canonical:
                problems.append(ConfigProblem(where, f"also listed under {seen[key]}", surface))
            else:
                seen[key] = where
                self.surfaces[key] = canonical

        words = data.get("words", {})
        for canonical, surfaces in words.items() if isinstance(words, dict) else ():
            tokens = tuple(_words(canonical))
            for surface in [canonical, *surfaces]:
                add(f"words.{canonical}", surface, tokens)
        for section, canonical in (("ignore", ()), ("foreign", _FOREIGN)):
            table = data.get(section, {})
            for surface in table.get("words", []) if isinstance(table, dict) else ():
                add(section, surface, canonical)
        return problems

    def _refresh_known(self) -> None:
        self.known = frozenset(word for key in self.surfaces for word in key)
        self.known_list = sorted(w for w in self.known if not w.isdigit())
        self.longest = max(len(key) for key in self.surfaces)
        self._cache.clear()

    def _correct(self, word: str) -> str:
        """The known word that ``word`` is, after affixes and typos; ``word`` if none."""
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        found = word
        if word not in self.known and not word.isdigit():
            stem = next((s for s in _stems(word) if s in self.known), None)
            if stem is not None:
                found = stem
            elif len(word) >= _FUZZY_MIN_CHARS:
                from rapidfuzz import fuzz, process

                best = process.extractOne(
                    word, self.known_list, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
                )
                if best is not None:
                    found = best[0]
        with self._lock:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()  # bounded: arbitrary texts must not grow it forever
            self._cache[word] = found
        return found

    def _read(self, text: str) -> tuple[frozenset[str], float]:
        """The canonical words of ``text``, and the weight of what it says that no phrase knows."""
        words = [self._correct(w) for w in _words(text)]
        tokens: set[str] = set()
        stray = 0.0
        i = 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                canonical = self.surfaces.get(tuple(words[i : i + size]))
                if canonical is not None:
                    break
            else:
                size = 1
                canonical = None
            i += size
            if canonical is _FOREIGN:
                stray += _FOREIGN_WEIGHT
            elif canonical is None:
                stray += 0.0 if words[i - 1].isdigit() else _UNKNOWN_WEIGHT
            else:
                tokens.update(canonical)
        return frozenset(tokens), stray

    def match(self, text: str, limit: int) -> tuple[ServiceMatch, ...]:
        tokens, stray = self._read(text)
        weights = self.weights
        total = stray + sum(weights.get(t, _UNKNOWN_WEIGHT) for t in tokens)
        overlap: dict[int, float] = {}
        for token in tokens:
            for pid in self.index.get(token, ()):
                overlap[pid] = overlap.get(pid, 0.0) + weights[token]
        best: dict[Service, tuple[float, str]] = {}
        for pid, shared in overlap.items():
            phrase = self.phrases[pid]
            recall, precision = shared / phrase.weight, shared / total
            score = 2 * recall * precision / (recall + precision)
            if (
                recall >= MIN_COVERAGE
                and score >= MIN_SCORE
                and score > best.get(phrase.service, (0.0, ""))[0]
            ):
                best[phrase.service] = (score, phrase.text)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return tuple(
            ServiceMatch(service, round(score, 4), phrase)
            for service, (score, phrase) in ranked[:limit]
        )


def _phrase_table(
    data: Mapping[str, object], problems: list[ConfigProblem]
) -> dict[Service, list[str]]:
    table: dict[Service, list[str]] = {}
    services = data.get("services", {})
    for code, texts in services.items() if isinstance(services, dict) else ():
        try:
            table[Service.parse(code)] = list(texts)
        except UnknownService as err:
            problems.append(ConfigProblem(f"services.{code}", str(err)))
    return table


@cache
def _file() -> Mapping[str, object]:
    text = resources.files("adminduk.documents").joinpath("data/phrases.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=64)
def _vocabulary(extra: tuple[tuple[Service, tuple[str, ...]], ...] = ()) -> _Vocabulary:
    return _Vocabulary(_file(), dict(extra))


_vocabulary_lock = threading.Lock()

# Mapping is invariant in its key: an office's ``dict[Service, ...]`` (``service_phrases``) or a
# ``dict[str, ...]`` of codes is not a ``Mapping[Service | str, ...]``, so each is named here.
Phrases = (
    Mapping[Service, Sequence[str]]
    | Mapping[str, Sequence[str]]
    | Mapping[Service | str, Sequence[str]]
)


def _frozen_extra(
    phrases: Phrases | None,
) -> tuple[tuple[Service, tuple[str, ...]], ...]:
    if phrases is None:
        return ()
    if not isinstance(phrases, Mapping):
        raise OutOfRange("phrases", phrases, "a mapping of service codes to lists of phrases")
    if not phrases:
        return ()
    frozen: dict[Service, tuple[str, ...]] = {}
    for key, texts in phrases.items():
        if not isinstance(texts, list | tuple) or not all(isinstance(t, str) for t in texts):
            raise OutOfRange(f"phrases[{key!s}]", texts, "a list of phrases (str)")
        frozen[Service.parse(key)] = tuple(texts)
    return tuple(sorted(frozen.items()))


def find_services(
    text: str, *, limit: int = 3, phrases: Phrases | None = None
) -> tuple[ServiceMatch, ...]:
    """The catalogue services a free text is about, best first; ``()`` when it is about none.

    Made for chat: it reads names as people write them (e-KTP, KTP-el, ektp; akta or akte; KK
    or kartu keluarga; surat pindah, SKPWNI, pindah domisili; KIA, kartu anak, KTP anak), what
    they want done (hilang, rusak, patah, cetak ulang, baru, rekam, umur 17, tambah anak,
    meninggal, salah ketik, NIK tidak terdaftar or tidak padan), slang, affixes and typos, and a
    bare code such as ``kk/perubahan``. Text about other business (prayer times, prices,
    greetings, driving licences, passports) matches nothing.

    A service is reported when its best phrase scores at least :data:`MIN_SCORE` (0.6). The
    score is the F1 balance of how much of the phrase the text covers and how much of the text
    the phrase explains, words weighted by how few services use them. The vocabulary is the
    package file ``documents/data/phrases.toml``; an office adds its own names (its app, local
    words) through ``phrases``, e.g. ``OfficeConfig.service_phrases``. Thread-safe.

    Args:
        text: what the citizen wrote (at most :data:`MAX_TEXT_CHARS` characters).
        limit: the most matches to return (1 or more).
        phrases: extra phrases per service code, added to the vocabulary for this call.

    Raises:
        OutOfRange: ``text`` is not a str or is too long, ``limit`` is not a positive int, or
            ``phrases`` is not a mapping of lists of phrases.
        UnknownService: a key of ``phrases`` is not a service code.

    Examples:
        >>> from adminduk.documents import find_services
        >>> [m.service.code for m in find_services("mau cetak ulang KTP")][:1]
        ['ktp-el/cetak-ulang']
        >>> find_services("e-ktp hilang")[0].service
        Service('ktp-el/cetak-ulang')
        >>> find_services("kk nambah anak")[0].service
        Service('kk/perubahan')
        >>> find_services("NIK sy tdk padan")[0].service
        Service('biodata/sinkronisasi')
        >>> find_services("kk/perubahan")
        (ServiceMatch(service=Service('kk/perubahan'), score=1.0, phrase='kk/perubahan'),)
        >>> find_services("jadwal sholat hari ini"), find_services("paspor hilang")
        ((), ())
        >>> find_services("pakai aplikasi SIPRAKOSO", phrases={"kk/baru": ["SIPRAKOSO"]})[0].phrase
        'SIPRAKOSO'
    """
    text, limit = plain(text), plain(limit)  # subclasses may lie in their own methods
    if not is_text(text):
        raise OutOfRange("text", text, "a str (what the citizen wrote)")
    if len(text) > MAX_TEXT_CHARS:
        raise OutOfRange("text", f"a text of {len(text)} characters", f"at most {MAX_TEXT_CHARS}")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise OutOfRange("limit", limit, "an int, 1 or more")
    code = text.strip().lower()
    if code in known_codes():  # a bare code; anything else is read as words
        return (ServiceMatch(Service.parse(code), 1.0, code),)
    extra = _frozen_extra(phrases)
    with _vocabulary_lock:  # the first build must happen once, whatever the threads
        vocabulary = _vocabulary(extra)
    return vocabulary.match(text, limit)


# Loaded on first use (adminduk._lazy), so it publishes its own classes.
publish("adminduk.documents", __all__, globals())
