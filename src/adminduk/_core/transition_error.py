"""The refusal of a request event: the one error type that speaks the lifecycle's words.

It names statuses and events by the labels people read, in either language, so it stands on
the wording (:mod:`adminduk._core.wording`), which itself raises the plain error types: it is
written here, above both, and published as ``adminduk.errors.TransitionError`` like the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from adminduk._core.errors import AdmindukError, _kept_text, _show
from adminduk._core.public import publish
from adminduk._core.redact import redact
from adminduk._core.wording import TEXT, language, text

__all__ = ["TransitionError"]


class TransitionError(AdmindukError):
    """A request event that its current status does not allow, or whose guard refused it.

    The request it was applied to is unchanged. The message speaks both languages: the
    English line for developers and logs, then the Indonesian one an officer reads (with the
    Indonesian labels of the status and events); :meth:`message` gives either alone.

    Attributes:
        status: the request's status when the event was refused.
        event: the event that was refused (personal numbers masked).
        allowed: the events allowed in that status.
        reason: why a guard refused it, when the table itself allowed the event (English).
        reason_id: the same reason in Indonesian, where the guard gives one ("" otherwise).

    Examples:
        >>> err = TransitionError("submitted", "hand_over", ("start_verification", "withdraw"))
        >>> print(err)
        event 'hand_over' is not allowed in status 'submitted'; allowed now: start_verification, withdraw
        Permohonan berstatus «Diajukan»: «Serahkan dokumen» tidak dapat dilakukan sekarang. Yang dapat dilakukan: Mulai verifikasi, Batalkan permohonan.
        >>> print(err.message("en"))
        The request is «Submitted»: «Hand over the document» cannot be done now. What can be done: Start verification, Withdraw the request.
    """  # noqa: E501

    def __init__(
        self,
        status: str,
        event: str,
        allowed: Sequence[str] = (),
        reason: str = "",
        reason_id: str = "",
    ) -> None:
        self.status = _kept_text(status)
        self.event = _kept_text(event)
        self.allowed: tuple[str, ...] = tuple(allowed)
        self.reason = redact(reason)
        self.reason_id = redact(reason_id)
        allowed_text = ", ".join(self.allowed) if self.allowed else "none (terminal status)"
        shown = f"event {_show(event)}"
        if reason:
            message = f"{shown} refused in status {_show(status)}: {self.reason}"
        else:
            message = f"{shown} is not allowed in status {_show(status)}"
        super().__init__(f"{message}; allowed now: {allowed_text}\n{self.message('id')}")

    def message(self, lang: str = "id") -> str:
        """The refusal in one language (``id`` or ``en``, any BCP 47 tag of them).

        It names the status and the events by the labels people read; an unknown status or
        event is shown as given.

        Raises:
            OutOfRange: ``lang`` is not a tag of Indonesian or English.
        """
        chosen = language(lang)

        def label(kind: str, code: str) -> str:
            entry = TEXT.get(f"{kind}.{code}") if isinstance(code, str) else None
            return entry[chosen] if entry else _show(code)

        allowed = ", ".join(label("event", e) for e in self.allowed)
        fields = {
            "status": label("status", self.status),
            "event": label("event", self.event),
            "allowed": allowed or text("transition.none", chosen),
        }
        if self.reason:
            reason = (self.reason_id or self.reason) if chosen == "id" else self.reason
            return text("transition.refused", chosen, reason=reason, **fields)
        return text("transition.not-allowed", chosen, **fields)


publish("adminduk.errors", __all__, globals())
