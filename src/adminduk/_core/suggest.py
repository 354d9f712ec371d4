"""Close-match suggestions for error messages (shared by every layer)."""

from __future__ import annotations

from collections.abc import Iterable

from adminduk._core.errors import _did_you_mean
from adminduk._core.redact import is_text

__all__ = ["close_matches", "did_you_mean"]


def close_matches(value: object, candidates: Iterable[str], limit: int = 3) -> tuple[str, ...]:
    """Return up to ``limit`` candidates that look like ``value``, best first.

    Substring hits come first (``probolinggo`` → ``kabupaten-probolinggo``), then
    difflib's similarity, so a bare place name still finds its full slug.

    Examples:
        >>> close_matches("kk/ubah", ["kk/perubahan", "kk/baru", "kia/baru"])
        ('kk/perubahan', 'kk/baru', 'kia/baru')
        >>> close_matches(42, ["a"])
        ()
    """
    from adminduk._core.redact import plain  # a str subclass may lie in its own methods

    value = plain(value)
    if not is_text(value) or not value:
        return ()
    import difflib  # only a message that suggests something needs it

    pool = list(dict.fromkeys(candidates))
    needle = value.strip().lower()
    contained = [c for c in pool if needle and needle in c.lower()]
    similar = difflib.get_close_matches(needle, pool, n=limit, cutoff=0.5)
    return tuple(dict.fromkeys([*contained, *similar]))[:limit]


def did_you_mean(value: object, candidates: Iterable[str], limit: int = 1) -> str:
    """The "; did you mean …?" tail of a message for ``value``, or ``""`` when nothing is close.

    The one phrase every message uses (the errors' own ``suggestions`` go through the same
    wording), so an answer reads the same whichever check wrote it.

    Examples:
        >>> "unknown key" + did_you_mean("kk/ubah", ["kk/perubahan", "kk/baru"])
        "unknown key; did you mean 'kk/perubahan'?"
        >>> did_you_mean("zzz", ["kk/baru"])
        ''
    """
    return _did_you_mean(close_matches(value, candidates, limit))
