"""Free text to catalogue services: the public face of the reader (``_reading``).

:func:`find_services` gives what a text is about as :class:`ServiceMatch` values; the reading
itself, in service codes, is ``adminduk.documents._reading``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from adminduk._core.public import publish
from adminduk._core.redact import is_text, plain
from adminduk.documents._reading import MAX_TEXT_CHARS, bare_code, ranked
from adminduk.documents._vocabulary import Service
from adminduk.errors import OutOfRange

__all__ = ["ServiceMatch", "find_services", "match_of"]


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


def match_of(code: str, score: float, phrase: str) -> ServiceMatch:
    """The public value of a service the reader ranked (its score rounded to 4 places)."""
    return ServiceMatch(Service.parse(code), round(score, 4), phrase)


# Mapping is invariant in its key: an office's ``dict[Service, ...]`` (``service_phrases``) or a
# ``dict[str, ...]`` of codes is not a ``Mapping[Service | str, ...]``, so each is named here.
Phrases = (
    Mapping[Service, Sequence[str]]
    | Mapping[str, Sequence[str]]
    | Mapping[Service | str, Sequence[str]]
)


def _frozen_extra(
    phrases: Phrases | None,
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``phrases`` per service code, in the order of the services (the reader's cache key)."""
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
    return tuple((service.code, texts) for service, texts in sorted(frozen.items()))


def checked_text(text: object) -> str:
    """``text`` as its plain ``str`` if it is a chat message the matcher reads; else OutOfRange.

    A ``str`` subclass is read as its plain value: its own methods may lie.
    """
    value = plain(text)
    if not is_text(value):
        raise OutOfRange("text", text, "a str (what the citizen wrote)")
    assert isinstance(value, str)  # is_text checks the real type
    if len(value) > MAX_TEXT_CHARS:
        raise OutOfRange("text", f"a text of {len(value)} characters", f"at most {MAX_TEXT_CHARS}")
    return value


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
    text, limit = checked_text(text), plain(limit)  # subclasses may lie in their own methods
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise OutOfRange("limit", limit, "an int, 1 or more")
    code = bare_code(text)
    if code is not None:  # a bare code; anything else is read as words
        return (match_of(code, 1.0, code),)
    return tuple(match_of(*found) for found in ranked(text, limit, _frozen_extra(phrases)))


# Loaded on first use (adminduk._core.lazy), so it publishes its own classes.
publish("adminduk.documents", __all__, globals())
