"""An answer: :class:`Advice`, the value :func:`~adminduk.advice.advise` returns, and its reply."""

from __future__ import annotations

from typing import Final

from adminduk._advice_text import language
from adminduk._core.redact import is_text, plain
from adminduk.advice._render import render, render_short
from adminduk.advice._values import AdviceFields
from adminduk.errors import OutOfRange

__all__ = ["Advice"]

_DETAILS: Final = ("full", "short")


class Advice(AdviceFields):
    """What a citizen should do about one service at one office at one moment, and why.

    A frozen, JSON-serialisable value; :meth:`to_message` turns it into a WhatsApp reply.

    Attributes:
        office_code: the office's Kemendagri code.
        office_name: the office's official name.
        timezone: the office's IANA time zone.
        service: the service asked about.
        at: the moment asked about, aware, in the office's zone.
        policy_id: the policy in force at ``at`` (``ordinary`` outside every dated policy).
        outcome: ``online``, ``in-person``, ``defer`` or ``unavailable``.
        rule_id: the triage rule that decided.
        channels: the channels to use, best first (empty for ``defer`` / ``unavailable``).
        requirements: the checklist: national baseline merged with the office's changes.
        requirements_note: why the national checklist is empty, when no source gives one (the
            office's own items, if any, are still in ``requirements``).
        in_person_allowed: whether the counter would serve this person for this service.
        office_open: whether the office is open at ``at``.
        next_opening: the first opening at or after ``at`` (``at`` itself when open);
            ``None`` when the office does not open again within the calendar's horizon (a
            reason says so).
        open_until: when the office closes, if it is open at ``at`` (the end of that opening);
            ``None`` when it is shut.
        reopens_at: when it opens again the same day after ``open_until`` (after a break);
            ``None`` when it does not, or is shut.
        ready_by: the earliest pick-up opening, where the office states a processing time.
        fulfilment: how finished documents reach the citizen, where a source says.
        hours_are_default: whether the hours the answer names (the day asked, or the day the
            office next opens when it is shut until another day) are the national default.
        provisional: whether an answer rests on an estimated holiday or undecreed cuti bersama.
        confirmed_on: the newest publication date among the office's own sources the answer
            rests on (a national decree that does not name the office never counts); ``None``
            when none of them is dated.
        measure_confirmed_on: the newest day a source published by ``at`` confirms the
            national measure the answer rests on (the letter that began it, then its later
            confirmation); ``None`` when the answer rests on no national measure. The short
            reply dates an answer by it where none of the office's own sources does.
        certainty: whether the measures the answer rests on are confirmed for ``at``
            (``known``), taken to still hold after their newest source (``assumed``), or so
            long unconfirmed that the answer falls back on the rules that remain and asks the
            citizen to check with the office (``unknown``).
        stale: whether the answer is not ``known``, ``at`` is more than the office's review
            period (365 days unless its file says otherwise) after ``confirmed_on``, or nothing
            dated confirms the answer.
        reasons: why, each with its rule id, texts and source; the deciding rule first.

    Examples:
        >>> from datetime import datetime
        >>> import adminduk
        >>> advice = adminduk.advise("52.71", "ktp-el/baru", at=datetime(2020, 3, 25, 10))
        >>> advice.outcome.value, advice.in_person_allowed, advice.at.isoformat()
        ('in-person', True, '2020-03-25T10:00:00+08:00')
        >>> advice == adminduk.Advice.model_validate_json(advice.model_dump_json())
        True
    """

    def to_message(self, lang: str = "id", *, detail: str = "full") -> str:
        """A reply a bot can send as it is, in Indonesian (``id``, default) or English (``en``).

        ``lang`` is a BCP 47 tag in any case (``id-ID``, ``EN``, ``en_GB``); its primary subtag
        chooses the language. Another language raises OutOfRange naming those on offer.

        ``detail="full"`` (default): the outcome in one sentence; how old the facts are when
        they may have changed; the channels with a ``https://wa.me/…`` link or URL; the
        checklist numbered; the next opening written the Indonesian way; the reasons; that the
        service is free; the sources by title, publisher and date. ``detail="short"``: at most
        640 characters for one chat bubble: what to do, one channel with its address, what to
        bring, the deadline if one runs, "gratis", and how to ask for the details.

        Raises:
            OutOfRange: ``lang`` is no tag of Indonesian or English, or ``detail`` is neither
                ``"full"`` nor ``"short"``.

        Examples:
            >>> from datetime import datetime
            >>> import adminduk
            >>> advice = adminduk.advise("35.14", "kk/perubahan", at=datetime(2020, 3, 24, 10))
            >>> print(advice.to_message())  # doctest: +ELLIPSIS
            Silakan ajukan Kartu Keluarga (KK): perubahan data secara daring.
            <BLANKLINE>
            Saluran:
            - WhatsApp layanan Kartu Keluarga: https://wa.me/6281359547692
            ...
            >>> len(advice.to_message("en", detail="short")) <= 640
            True
        """
        chosen = language(lang)
        form = plain(detail)  # a str subclass may lie in its own __eq__
        if not is_text(form) or form not in _DETAILS:
            raise OutOfRange("detail", detail, "'full' or 'short'")
        return render_short(self, chosen) if form == "short" else render(self, chosen)
