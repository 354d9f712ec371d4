"""The WhatsApp Cloud API's shapes: the webhook payload read, the send-message JSON written.

Only what the service reads is modelled; everything else in a payload is allowed and ignored, as
Meta adds fields over time. A text is read with its body, a pick from the menu (an interactive
list reply) with the row's id, a photo or a document with its media id (the file itself is
fetched by :mod:`dukcapil_wa.media`); anything else (a location, a sticker) with neither, so the
bot can say what it reads.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError

__all__ = [
    "MAX_BODY_CHARS",
    "DeliveryStatus",
    "IncomingText",
    "WebhookPayload",
    "delivery_statuses",
    "incoming_messages",
    "list_message",
    "payload_problems",
    "text_message",
]

MAX_BODY_CHARS: Final = 4096
"""The longest text body the Cloud API sends in one message."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class Text(_Model):
    """A text message's content."""

    body: str = Field(max_length=MAX_BODY_CHARS)


class Media(_Model):
    """A photo's or a document's reference: the id to fetch it by, the type the sender claims."""

    id: str = Field(min_length=1, max_length=128, pattern=r"^[0-9A-Za-z_.-]+$")
    mime_type: str = Field(default="", max_length=128)


class ListReply(_Model):
    """The row a citizen picked from an interactive list."""

    id: str = Field(max_length=200)


class Interactive(_Model):
    """An answer to an interactive message; only list replies are read."""

    type: str = Field(max_length=32)
    list_reply: ListReply | None = None


class Message(_Model):
    """One inbound message: who sent it (a WhatsApp id, digits only) and what."""

    id: str = Field(min_length=1, max_length=128)
    from_: str = Field(alias="from", pattern=r"^[1-9][0-9]{6,14}$")
    type: str
    text: Text | None = None
    image: Media | None = None
    document: Media | None = None
    interactive: Interactive | None = None


class StatusError(_Model):
    """Why the Cloud API could not deliver a message."""

    code: int | None = None
    title: str = Field(default="", max_length=500)


class DeliveryStatus(_Model):
    """A delivery notification of a message the service sent: ``sent``, ``delivered``, …"""

    id: str = Field(min_length=1, max_length=128)
    status: str = Field(max_length=16)
    errors: tuple[StatusError, ...] = ()

    def reason(self) -> str:
        """The API's reasons for a failed delivery, in one line."""
        parts = [f"{error.code} {error.title}".strip() for error in self.errors]
        return "delivery failed: " + ("; ".join(parts) or "no reason given")


class Value(_Model):
    """A change's value: messages, or status updates of messages sent."""

    messaging_product: str = Field(pattern="^whatsapp$")
    messages: tuple[Message, ...] = ()
    statuses: tuple[DeliveryStatus, ...] = ()


class Change(_Model):
    """One change of an entry; the service reads the ``messages`` field."""

    field: str
    value: Value


class Entry(_Model):
    """One entry: the business account's changes."""

    id: str
    changes: tuple[Change, ...]


class WebhookPayload(_Model):
    """A webhook notification of the Cloud API (``object`` is ``whatsapp_business_account``).

    Examples:
        >>> payload = WebhookPayload.model_validate({
        ...     "object": "whatsapp_business_account",
        ...     "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
        ...         "messaging_product": "whatsapp",
        ...         "messages": [{"id": "wamid.1", "from": "6281359547691", "type": "text",
        ...                       "text": {"body": "ktp hilang"}}]}}]}]})
        >>> [(m.wa_id, m.body) for m in incoming_messages(payload)]
        [('6281359547691', 'ktp hilang')]
    """

    object: str = Field(pattern="^whatsapp_business_account$")
    entry: tuple[Entry, ...]


class IncomingText(BaseModel):
    """A message as the conversation reads it.

    Attributes:
        message_id: the Cloud API's id (``wamid.…``), used to answer each message once.
        wa_id: the sender's WhatsApp id (digits, country code first).
        body: the text, or ``None`` for a message that is not text.
        choice: the id of the menu row picked (an interactive list reply), else ``None``.
        media_id: the id of a photo or document to fetch, else ``None``.
    """

    model_config = ConfigDict(frozen=True)

    message_id: str
    wa_id: str
    body: str | None
    choice: str | None = None
    media_id: str | None = None


def _read(message: Message) -> IncomingText:
    body = message.text.body if message.type == "text" and message.text else None
    choice = None
    if message.type == "interactive" and message.interactive and message.interactive.list_reply:
        choice = message.interactive.list_reply.id
    media = {"image": message.image, "document": message.document}.get(message.type)
    return IncomingText(
        message_id=message.id,
        wa_id=message.from_,
        body=body,
        choice=choice,
        media_id=media.id if media else None,
    )


def incoming_messages(payload: WebhookPayload) -> list[IncomingText]:
    """Every message of ``payload``, in the order sent (status updates carry none)."""
    return [
        _read(message)
        for entry in payload.entry
        for change in entry.changes
        for message in change.value.messages
    ]


def delivery_statuses(payload: WebhookPayload) -> list[DeliveryStatus]:
    """Every delivery notification of ``payload``."""
    return [
        status
        for entry in payload.entry
        for change in entry.changes
        for status in change.value.statuses
    ]


def payload_problems(err: ValidationError) -> list[dict[str, str]]:
    """What is wrong with a payload, each problem with its path, never the input itself.

    Pydantic's own errors echo the input, and a message's text is personal.

    Examples:
        >>> try:
        ...     WebhookPayload.model_validate({"object": "whatsapp_business_account"})
        ... except ValidationError as err:
        ...     payload_problems(err)
        [{'path': 'entry', 'problem': 'Field required'}]
    """
    return [
        {"path": ".".join(str(part) for part in error["loc"]) or "(body)", "problem": error["msg"]}
        for error in err.errors(include_url=False, include_input=False)
    ]


def text_message(wa_id: str, body: str) -> list[dict[str, Any]]:
    """The send-message JSON for ``body``: one message, or several where it is too long.

    A long reply is cut at line breaks so that no part is over :data:`MAX_BODY_CHARS`.

    Examples:
        >>> text_message("6281359547691", "Halo")[0]["text"]
        {'preview_url': False, 'body': 'Halo'}
        >>> len(text_message("6281359547691", ("x" * 3000 + "\\n") * 2))
        2
    """
    parts: list[str] = []
    current = ""
    for line in body.splitlines(keepends=True):
        while len(line) > MAX_BODY_CHARS:  # a single huge line: cut it hard
            parts.append(line[:MAX_BODY_CHARS])
            line = line[MAX_BODY_CHARS:]
        if len(current) + len(line) > MAX_BODY_CHARS:
            parts.append(current)
            current = ""
        current += line
    parts.append(current)
    return [
        {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": wa_id,
            "type": "text",
            "text": {"preview_url": False, "body": part.strip("\n")},
        }
        for part in parts
        if part.strip()
    ]


MAX_ROWS: Final = 10
"""The most rows an interactive list may carry, over all its sections."""


def list_message(
    wa_id: str, body: str, button: str, rows: list[tuple[str, str, str]]
) -> dict[str, Any]:
    """The send-message JSON of an interactive list: ``rows`` as (id, title, description).

    The Cloud API refuses a list over its limits (10 rows, a title of 24 characters, a
    description of 72, a button of 20), so they are cut here rather than failing at send time.

    Examples:
        >>> menu = list_message("6281359547691", "Pilih layanan", "Layanan",
        ...                     [("ktp", "KTP-el hilang", "Penerbitan KTP-el karena hilang")])
        >>> menu["type"], menu["interactive"]["action"]["sections"][0]["rows"][0]["id"]
        ('interactive', 'ktp')
    """
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": wa_id,
        "type": "interactive",
        "interactive": {
            "type": "list",
            "body": {"text": body[: MAX_BODY_CHARS // 4]},
            "action": {
                "button": button[:20],
                "sections": [
                    {
                        "title": button[:24],
                        "rows": [
                            {"id": row_id[:200], "title": title[:24], "description": text[:72]}
                            for row_id, title, text in rows[:MAX_ROWS]
                        ],
                    }
                ],
            },
        },
    }
