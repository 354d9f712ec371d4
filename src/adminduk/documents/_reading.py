"""Free text read as service codes: what a citizen types in chat, against the vocabulary files.

The vocabulary lives in ``documents/data/phrases.toml`` (see its header): canonical words and the
ways people write them, words to ignore, words of other offices' business, and phrases per
service. A text is read word by word — lower-cased, letters repeated for emphasis collapsed,
common Indonesian affixes taken off, typos corrected with rapidfuzz against the known words —
then compared with every phrase by weighted word overlap.

The reading is in service codes, checked against the table of services (``_services``): it
stands below :class:`~adminduk.Service`, which suggests what a text that is not a code is about
from it, and below :func:`~adminduk.documents.find_services` and
:func:`~adminduk.read_message`, which give its codes as services.
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

from adminduk.documents._services import known_codes, service_code
from adminduk.errors import ConfigError, ConfigProblem, UnknownService

__all__ = [
    "KINDS",
    "MAX_TEXT_CHARS",
    "MIN_COVERAGE",
    "MIN_SCORE",
    "Named",
    "Ranked",
    "Reading",
    "bare_code",
    "document_of",
    "ranked",
    "reading",
]

KINDS: Final = ("service", "hours", "status", "greeting", "thanks", "unknown")
"""What a chat message can be (see :func:`adminduk.read_message`)."""

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
FOREIGN_WEIGHT: Final = 8.0  # a word of another office's business: it almost surely is
_FOREIGN: Final = ("\x00foreign",)
_CACHE_LIMIT: Final = 65536
_LAST: Final = 1 << 30  # after every position in a text

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


_WINDOW: Final = 2  # the words of a document's name stand at most this far from its first word


Ranked = tuple[str, float, str]
"""A service a text is about: its code, the score, the phrase (or document + action) read."""


def document_of(code: str) -> str:
    """The document of a service code: ``kk`` of ``kk/baru``."""
    return code.partition("/")[0]


def _order(code: str) -> tuple[str, str, str]:
    """Services in their order (by document, then action), as ``Service`` values sort."""
    return code.partition("/")


@dataclass(frozen=True, slots=True)
class Named:
    """A document a message names, and the service it asks for with it (intents.toml)."""

    document: str  # the key of intents.toml [documents]
    service: str  # its code
    score: float
    label: str  # "kk + lost", or "kk" when no action word was read
    position: int  # where the document is first named, in canonical words


@dataclass(frozen=True, slots=True)
class Reading:
    """What the vocabulary read in a text: services ranked best first, the documents named.

    The ranking is kept as plain tuples of codes; ``find_services`` and ``read_message`` make
    the public values of the few a caller wants (a bot reads thousands of messages a second).
    """

    ranked: tuple[Ranked, ...]  # best first
    named: tuple[Named, ...]
    foreign: bool  # it names another office's business (a driving licence, the KUA)
    cues: Mapping[str, int]  # kinds of message whose phrases stand in it (when asked)


@dataclass(frozen=True, slots=True)
class _Mention:
    document: str
    name: frozenset[str]
    used: frozenset[int]  # the positions of the name's words
    spread: int  # how far its words stand from the first

    @property
    def anchor(self) -> int:
        return min(self.used)


class _Frames:
    """intents.toml's documents, actions and their combinations; immutable after construction."""

    def __init__(
        self, data: Mapping[str, object], known: frozenset[str], problems: list[ConfigProblem]
    ) -> None:
        def table(key: str) -> Mapping[str, object]:
            value = data.get(key, {})
            return value if isinstance(value, Mapping) else {}

        def tokens(where: str, text: object) -> tuple[str, ...]:
            words = tuple(_words(text)) if isinstance(text, str) else ()
            unknown = [w for w in words if w not in known]
            if not words or unknown:
                problems.append(
                    ConfigProblem(where, "not canonical words of phrases.toml [words]", str(text))
                )
            return words

        self.names: list[tuple[str, tuple[str, ...]]] = [
            (document, tokens(f"documents.{document}", name))
            for document, names in table("documents").items()
            for name in (names if isinstance(names, list) else [names])
        ]
        self.events: list[tuple[str, tuple[str, ...]]] = [
            (document, tokens(f"events.{document}", name))
            for document, names in table("events").items()
            for name in (names if isinstance(names, list) else [names])
        ]
        self.names_by_first = self._by_first(self.names)
        self.events_by_first = self._by_first(self.events)
        negation = data.get("negation", "")
        self.negation = tokens("negation", negation)[0] if negation else ""
        self.order: list[str] = list(table("actions"))
        self.actions_of: dict[str, list[str]] = {}
        for action, cues in table("actions").items():
            for cue in cues if isinstance(cues, list) else [cues]:
                for token in tokens(f"actions.{action}", cue):
                    self.actions_of.setdefault(token, []).append(action)
        self.combine: dict[str, dict[str, str]] = {}
        for document, row in table("combine").items():
            if document not in table("documents") and document not in table("events"):
                problems.append(
                    ConfigProblem(f"combine.{document}", "not in [documents] nor [events]")
                )
            services: dict[str, str] = {}
            for action, code in row.items() if isinstance(row, Mapping) else ():
                where = f"combine.{document}.{action}"
                if action != "default" and action not in self.order:
                    problems.append(ConfigProblem(where, "not an action of [actions]", action))
                try:
                    services[action] = service_code(code)
                except UnknownService as err:
                    problems.append(ConfigProblem(where, str(err)))
            if "default" not in services:
                problems.append(ConfigProblem(f"combine.{document}", "has no default service"))
            self.combine[document] = services
        missing = {document for document, _ in self.names + self.events} - set(self.combine)
        problems.extend(ConfigProblem(f"combine.{d}", "missing") for d in sorted(missing))
        bare = data.get("bare", ())
        self.bare = frozenset(bare if isinstance(bare, list) else ())
        problems.extend(
            ConfigProblem("bare", "not in [documents]", d)
            for d in sorted(self.bare - set(table("documents")))
        )
        self.action_score = float(data.get("action_score", 0.9))  # type: ignore[arg-type]
        self.default_score = float(data.get("default_score", 0.7))  # type: ignore[arg-type]

    @staticmethod
    def _by_first(
        names: Sequence[tuple[str, tuple[str, ...]]],
    ) -> dict[str, list[tuple[str, tuple[str, ...], frozenset[str]]]]:
        """Names by their first word: (document, the other words, every word)."""
        table: dict[str, list[tuple[str, tuple[str, ...], frozenset[str]]]] = {}
        for document, name in names:
            if name:
                table.setdefault(name[0], []).append((document, name[1:], frozenset(name)))
        return table

    def _mentions(
        self,
        names: Mapping[str, list[tuple[str, tuple[str, ...], frozenset[str]]]],
        where: Mapping[str, list[int]],
    ) -> list[_Mention]:
        found: list[_Mention] = []
        negated = where.get(self.negation, ())
        refused: set[str] = set()
        for first, starts in where.items():
            for document, rest, name in names.get(first, ()):
                for start in starts:
                    used = {start}
                    spread = 0
                    for token in rest:
                        near = [q for q in where.get(token, ()) if abs(q - start) <= _WINDOW]
                        if not near:
                            break
                        nearest = min(near, key=lambda q: abs(q - start))
                        used.add(nearest)
                        spread += abs(nearest - start)
                    else:
                        mention = _Mention(document, name, frozenset(used), spread)
                        if any(0 < start - q <= _WINDOW for q in negated):
                            refused.add(document)  # "bukan KK, yang hilang KTP ... KK masih ada"
                        found.append(mention)
        # A name inside a longer name read at the same place gives way to it ("akta" to
        # "akta meninggal", "ktp" to "ktp anak").
        found = [
            m
            for m in found
            if m.document not in refused
            and not any(m.name < o.name and m.used <= o.used for o in found if o is not m)
        ]
        # One word names one document: "akte" between "lahir" and "nikah" is the closer one's
        # (on a tie, the name whose first word comes first in the text).
        return [
            m
            for i, m in enumerate(found)
            if not any(
                m.used & o.used and (o.spread, j) < (m.spread, i)
                for j, o in enumerate(found)
                if o is not m
            )
        ]

    def read(self, sequence: Sequence[tuple[str, ...]], foreign: bool) -> tuple[Named, ...]:
        """The documents ``sequence`` names and the service each asks for, in order.

        ``foreign``: the text is about another office's business, so an event alone ("mau
        nikah ... di KUA") is not a request to this office.
        """
        where: dict[str, list[int]] = {}
        for position, canonical in enumerate(sequence):
            for token in canonical:
                where.setdefault(token, []).append(position)
        mentions = self._mentions(self.names_by_first, where)
        bare = self.bare
        if not mentions and not foreign:
            # No document named: an event alone is the request ("bapak meninggal").
            mentions = self._mentions(self.events_by_first, where)
            bare = frozenset(m.document for m in mentions)
        if not mentions:
            return ()
        used = set().union(*(m.used for m in mentions))
        cues: list[tuple[int, str]] = [
            (position, action)
            for position, canonical in enumerate(sequence)
            if position not in used
            for token in canonical
            for action in self.actions_of.get(token, ())
        ]
        anchors = sorted({(m.anchor, m.document) for m in mentions})
        own: dict[str, set[str]] = {document: set() for _, document in anchors}
        for position, action in cues:
            # The nearest document that has a use for the action; on a tie the one before
            # ("KTP hilang, KK baru").
            takers = [(abs(position - a), a > position, d) for a, d in anchors]
            takers = [t for t in takers if action in self.combine[t[2]]]
            if takers:
                own[min(takers)[2]].add(action)
        first = {d: a for a, d in reversed(anchors)}  # where each document is first named

        def chosen(document: str) -> str | None:
            services = self.combine[document]
            return next((a for a in self.order if a in own[document] and a in services), None)

        named: dict[str, Named] = {}
        before: str | None = None  # the action of the document named before
        for anchor, document in sorted((a, d) for d, a in first.items()):
            services = self.combine[document]
            wanted = chosen(document)
            if wanted is None and before in services:
                wanted = before  # "KK hilang, KTP juga"
            if wanted is None:  # "KTP sama KK hilang": the next document, named right after
                after = [(a, d) for a, d in anchors if anchor < a <= anchor + _WINDOW]
                wanted = next((x for _, d in after if (x := chosen(d)) in services), None)
            if wanted is None:
                if document not in bare and not any(
                    len(m.name) > 1 for m in mentions if m.document == document
                ):
                    continue  # a bare "KTP" or "akta" asks nothing yet
                service, score, label = services["default"], self.default_score, document
            else:
                service, score = services[wanted], self.action_score
                label = f"{document} + {wanted}"
                before = wanted
            named.setdefault(service, Named(document, service, score, label, anchor))
        return tuple(named.values())


@dataclass(frozen=True, slots=True)
class _Phrase:
    service: str  # its code
    text: str
    weight: float  # the sum of its words' weights


class _Vocabulary:
    """The vocabulary file, indexed for matching; immutable after construction."""

    def __init__(self, data: Mapping[str, object], extra: Mapping[str, Sequence[str]]) -> None:
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
        self.frames = _Frames(data, self.known, problems) if "documents" in data else None
        self.kinds = _kind_table(data, problems)
        self._squeezed: dict[str, str] = {}
        self.kind_words = frozenset(w for ps in self.kinds.values() for p in ps for w in p)
        self.kind_index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, cues in self.kinds.items():
            for cue in cues:
                if cue:
                    self.kind_index.setdefault(cue[0], []).append((kind, cue))
        read = [(s, text, self._read(text)[0]) for s, texts in phrases.items() for text in texts]
        for service, text, tokens in read:
            if not tokens:
                problems.append(
                    ConfigProblem(f"services.{service}", "phrase has no meaningful word", text)
                )
        if problems:
            raise ConfigError(problems, source="phrases.toml, regional.toml, intents.toml")
        services_of: dict[str, set[str]] = {}
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
        self.heaviest = max((p.weight for p in self.phrases), default=0.0)
        for pids in self.index.values():
            pids.sort(key=lambda pid: -self.phrases[pid].weight)

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
        # Typos are corrected towards words as long as the ones corrected: "mati" is not "mai".
        self.known_list = sorted(
            w for w in self.known if not w.isdigit() and len(w) >= _FUZZY_MIN_CHARS
        )
        self.longest = max(len(key) for key in self.surfaces)
        # The longest surface that starts with each word: most words start none of several.
        self.reach: dict[str, int] = {}
        for key in self.surfaces:
            self.reach[key[0]] = max(self.reach.get(key[0], 1), len(key))
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

    def _sequence(
        self, text: str, raw: Sequence[str] | None = None
    ) -> tuple[list[tuple[str, ...]], float, bool]:
        """The canonical words of ``text`` in order, and what else it holds.

        One entry per surface read, ``()`` for an ignored, unknown or foreign one; then the
        weight of what it says that no phrase knows, and whether it names another office's
        business.
        """
        words = [self._correct(w) for w in (_words(text) if raw is None else raw)]
        sequence: list[tuple[str, ...]] = []
        stray = 0.0
        foreign = False
        surfaces, reach = self.surfaces, self.reach
        i = 0
        while i < len(words):
            for size in range(min(reach.get(words[i], 1), len(words) - i), 0, -1):
                canonical = surfaces.get(tuple(words[i : i + size]))
                if canonical is not None:
                    break
            else:
                size = 1
                canonical = None
            i += size
            if canonical is _FOREIGN:
                stray += FOREIGN_WEIGHT
                foreign = True
            elif canonical is None:
                stray += 0.0 if words[i - 1].isdigit() else _UNKNOWN_WEIGHT
            # Every word keeps its place, so that "near" means near in the text.
            sequence.append(canonical if canonical and canonical is not _FOREIGN else ())
        return sequence, stray, foreign

    def _read(self, text: str) -> tuple[frozenset[str], float]:
        """The canonical words of ``text``, and the weight of what it says that no phrase knows."""
        sequence, stray, _ = self._sequence(text)
        return frozenset(token for canonical in sequence for token in canonical), stray

    def kind_cues(self, text: str, raw: Sequence[str] | None = None) -> dict[str, int]:
        """Per kind of [kinds] whose phrase stands in ``text``, the most words of such a phrase.

        ``"plain"`` is 1 when every word of ``text`` is known (a vocabulary or [kinds] word).
        """
        squeezed = self._squeezed
        if len(squeezed) >= _CACHE_LIMIT:
            squeezed.clear()  # bounded, like the word cache (a lost race only costs a redo)
        words = tuple(
            squeezed.get(word) or squeezed.setdefault(word, _squeeze(word))
            for word in (_words(text) if raw is None else raw)
        )
        found: dict[str, int] = {}
        # Exact words only: "makan" must not pass as me- + "akan".
        if all(w in self.kind_words or w in self.known or w.isdigit() for w in words):
            found["plain"] = 1
        for i, word in enumerate(words):
            for kind, phrase in self.kind_index.get(word, ()):
                size = len(phrase)
                if size > found.get(kind, 0) and words[i : i + size] == phrase:
                    found[kind] = size
        return found

    def reading(self, text: str, *, cues: bool = False) -> Reading:
        """Everything the vocabulary reads in ``text``: phrase matches and named documents.

        With ``cues``, also the kinds of message whose phrases it has (:meth:`kind_cues`).
        """
        raw = _words(text)
        sequence, stray, foreign = self._sequence(text, raw)
        # In a fixed order: the sums below, and so which of two phrases that tie wins, must not
        # depend on the process's string hashing (PYTHONHASHSEED).
        tokens = sorted({token for canonical in sequence for token in canonical})
        weights = self.weights
        total = stray + sum(weights.get(t, _UNKNOWN_WEIGHT) for t in tokens)
        best: dict[str, tuple[float, str]] = {}
        # F1 = 2 * shared / (phrase weight + total) and shared <= phrase weight, so a phrase
        # lighter than MIN_SCORE * total / (2 - MIN_SCORE) cannot match: a long message that
        # no phrase can explain skips the loop.
        lightest = MIN_SCORE * total / (2 - MIN_SCORE)
        if self.heaviest >= lightest:
            overlap: dict[int, float] = {}
            index, phrases = self.index, self.phrases
            for token in tokens:
                weight = weights.get(token)
                if weight is not None:
                    for pid in index[token]:  # heaviest phrases first
                        if phrases[pid].weight < lightest:
                            break
                        overlap[pid] = overlap.get(pid, 0.0) + weight
            for pid, shared in overlap.items():
                phrase = phrases[pid]
                if shared < MIN_COVERAGE * phrase.weight:
                    continue
                score = 2 * shared / (phrase.weight + total)
                if score >= MIN_SCORE and score > best.get(phrase.service, (0.0, ""))[0]:
                    best[phrase.service] = (score, phrase.text)
        named = self.frames.read(sequence, foreign) if self.frames is not None else ()
        for found in named:
            if found.score > best.get(found.service, (0.0, ""))[0]:
                best[found.service] = (found.score, found.label)
        # Equal scores: the document named first comes first, then the phrases' services.
        place = {n.service: n.position for n in named}
        ranked = sorted(
            best.items(),
            key=lambda item: (-item[1][0], place.get(item[0], _LAST), _order(item[0])),
        )
        kinds = self.kind_cues(text, raw) if cues else {}
        return Reading(tuple((s, score, p) for s, (score, p) in ranked), named, foreign, kinds)


_ANY_REPEAT = re.compile(r"([a-z])\1+")


def _squeeze(word: str) -> str:
    """A word as [kinds] reads it.

    Without the possessive ending ("layanannya" is "layanan"), every doubled letter once
    ("haloo", "makasihh").
    """
    if word.endswith("nya") and len(word) > 5:
        word = word[:-3]
    return _ANY_REPEAT.sub(r"\1", word)


def _kind_table(
    data: Mapping[str, object], problems: list[ConfigProblem]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    kinds = data.get("kinds", {})
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for kind, phrases in kinds.items() if isinstance(kinds, Mapping) else ():
        if kind not in KINDS or kind in ("service", "unknown"):
            problems.append(ConfigProblem(f"kinds.{kind}", "not a kind of message", kind))
            continue
        read = []
        for phrase in phrases if isinstance(phrases, list) else [phrases]:
            words = tuple(_squeeze(w) for w in _words(phrase)) if isinstance(phrase, str) else ()
            if not words:
                problems.append(ConfigProblem(f"kinds.{kind}", "has no letters or digits", phrase))
            read.append(words)
        table[kind] = tuple(sorted(set(read), key=len, reverse=True))
    return table


def _phrase_table(
    data: Mapping[str, object], problems: list[ConfigProblem]
) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    services = data.get("services", {})
    for code, texts in services.items() if isinstance(services, dict) else ():
        try:
            table[service_code(code)] = list(texts)
        except UnknownService as err:
            problems.append(ConfigProblem(f"services.{code}", str(err)))
    return table


def _data(name: str) -> dict[str, object]:
    text = resources.files("adminduk.documents").joinpath(f"data/{name}").read_text("utf-8")
    return tomllib.loads(text)


@cache
def _file() -> Mapping[str, object]:
    """phrases.toml, with regional.toml's words added to its own and intents.toml beside them."""
    data = _data("phrases.toml")
    words: dict[str, list[str]] = {k: list(v) for k, v in data["words"].items()}  # type: ignore[attr-defined]
    ignore: list[str] = list(data["ignore"]["words"])  # type: ignore[index]
    for language in _data("regional.toml").values():
        for canonical, surfaces in language.items():  # type: ignore[attr-defined]
            (ignore if canonical == "ignore" else words.setdefault(canonical, [])).extend(surfaces)
    return {**data, "words": words, "ignore": {"words": ignore}, **_data("intents.toml")}


@lru_cache(maxsize=64)
def _vocabulary(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> _Vocabulary:
    return _Vocabulary(_file(), dict(extra))


_vocabulary_lock = threading.Lock()


def _base() -> _Vocabulary:
    with _vocabulary_lock:  # the first build must happen once, whatever the threads
        return _vocabulary(())


def bare_code(text: str) -> str | None:
    """``text`` as a service code, if it is one (case and surrounding blanks aside)."""
    code = text.strip().lower()
    return code if code in known_codes() else None


def reading(text: str) -> Reading:
    """What the package vocabulary reads in ``text``, kinds of message included.

    A bare code is its service.
    """
    code = bare_code(text)
    if code is not None:
        return Reading(((code, 1.0, code),), (), False, {})
    return _base().reading(text, cues=True)


def ranked(
    text: str, limit: int, extra: tuple[tuple[str, tuple[str, ...]], ...] = ()
) -> tuple[Ranked, ...]:
    """The best ``limit`` services the words of ``text`` are about; ``extra`` phrases added.

    ``text`` is a plain ``str`` of at most :data:`MAX_TEXT_CHARS` characters, read as words
    (see :func:`bare_code` for a code); ``extra`` holds phrases per code, sorted by service.
    """
    with _vocabulary_lock:  # the first build must happen once, whatever the threads
        vocabulary = _vocabulary(extra)
    return vocabulary.reading(text).ranked[:limit]
