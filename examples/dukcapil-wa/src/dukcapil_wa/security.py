"""What stands between the internet and the service: signatures, body limits, JSON limits, headers.

Each check is a small function or a pure ASGI middleware, so a route states which it relies on.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterable
from typing import Any, Final

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "MAX_JSON_DEPTH",
    "MAX_NUMBER_DIGITS",
    "BadJson",
    "BodyLimit",
    "HideQueryString",
    "SecurityHeaders",
    "parse_json",
    "sign",
    "signature_problem",
]

MAX_JSON_DEPTH: Final = 32
"""The deepest nesting a webhook notification may have (Meta's go about 8 deep)."""

MAX_NUMBER_DIGITS: Final = 32
"""The longest number literal read; a longer one is refused before Python converts it."""

_SIGNATURE_PREFIX: Final = "sha256="


def sign(secret: bytes, body: bytes) -> str:
    """The ``X-Hub-Signature-256`` value Meta sends with ``body``: ``sha256=`` and the hex HMAC.

    Examples:
        >>> sign(b"key", b"The quick brown fox jumps over the lazy dog")
        'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8'
    """
    return _SIGNATURE_PREFIX + hmac.new(secret, body, hashlib.sha256).hexdigest()


def signature_problem(secret: bytes, body: bytes, header: str | None) -> int | None:
    """``None`` where ``header`` signs ``body`` with ``secret``; else the HTTP status to answer.

    401 where the header is missing, 403 where it is there and wrong. The comparison takes the
    same time wherever the first wrong character is (``hmac.compare_digest``).

    Examples:
        >>> signature_problem(b"k", b"{}", sign(b"k", b"{}")) is None
        True
        >>> signature_problem(b"k", b"{}", None), signature_problem(b"k", b"{}", "sha256=00")
        (401, 403)
    """
    if not header:
        return 401
    expected = sign(secret, body)
    if hmac.compare_digest(expected.encode(), header.strip().lower().encode("ascii", "replace")):
        return None
    return 403


class BadJson(ValueError):
    """A body that is not JSON the service will read; the message says why, never the body."""


def _number(text: str) -> int | float:
    if len(text) > MAX_NUMBER_DIGITS:
        raise BadJson(f"a number longer than {MAX_NUMBER_DIGITS} characters")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _constant(name: str) -> Any:
    raise BadJson(f"{name} is not JSON")


def _depth(value: Any) -> int:
    """The nesting depth of parsed JSON, walked without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            stack.extend((child, depth + 1) for child in item)
    return deepest


def parse_json(raw: bytes) -> Any:
    """``raw`` as JSON, refusing what no notification holds: deep nesting and huge numbers.

    Raises:
        BadJson: not UTF-8 JSON, nested deeper than :data:`MAX_JSON_DEPTH`, a number longer
            than :data:`MAX_NUMBER_DIGITS` characters, or ``NaN``/``Infinity``.

    Examples:
        >>> parse_json(b'{"a": [1, 2.5]}')
        {'a': [1, 2.5]}
        >>> parse_json(b"[" * 100_000)
        Traceback (most recent call last):
        ...
        dukcapil_wa.security.BadJson: nested deeper than 32
        >>> parse_json(b"1" * 5000)
        Traceback (most recent call last):
        ...
        dukcapil_wa.security.BadJson: a number longer than 32 characters
    """
    try:
        value = json.loads(
            raw,
            parse_int=_number,
            parse_float=_number,
            parse_constant=_constant,
        )
    except RecursionError:
        raise BadJson(f"nested deeper than {MAX_JSON_DEPTH}") from None
    except BadJson:
        raise
    except ValueError:  # JSONDecodeError, UnicodeDecodeError
        raise BadJson("not a JSON document") from None
    if _depth(value) > MAX_JSON_DEPTH:
        raise BadJson(f"nested deeper than {MAX_JSON_DEPTH}")
    return value


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413, before it is read whole.

    A declared ``Content-Length`` over the limit is refused at once; a body without one (chunked)
    is counted as it arrives and refused at the first chunk past the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (
                not value.isdigit() or len(value) > 12 or int(value) > self.limit
            ):
                await _too_large(send, self.limit)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    # FastAPI passes an HTTPException raised while reading a body through.
                    raise HTTPException(413, f"request body over {self.limit} bytes")
            return message

        await self.app(scope, counted, send)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"error": f"request body over {limit} bytes; nothing was read"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


CONTENT_SECURITY_POLICY: Final = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


class SecurityHeaders:
    """Add the headers every response carries: CSP, no framing, no referrer, no sniffing.

    ``Referrer-Policy: same-origin`` rather than ``no-referrer``: with the latter a browser sends
    ``Origin: null`` on the site's own form posts, which the origin check must refuse.

    ``hsts`` adds ``Strict-Transport-Security`` (where the service is behind TLS).
    """

    def __init__(self, app: ASGIApp, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts
        # Always these values, whatever a route set.
        self._forced: list[tuple[bytes, bytes]] = [
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"),
            (b"x-content-type-options", b"nosniff"),
        ]
        if hsts:
            self._forced.append((b"strict-transport-security", b"max-age=31536000"))
        self._forced_names = frozenset(name for name, _ in self._forced)
        # These where a route set none: a route may tighten the policy (a citizen's file adds
        # "sandbox"), never drop it.
        self._defaults = (
            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
            (b"cache-control", b"no-store"),
        )

    def _with_ours(self, headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        """``headers`` (raw ASGI pairs) with ours: one pass, every response pays for it."""
        kept = [(name, value) for name, value in headers if name.lower() not in self._forced_names]
        named = {name.lower() for name, _ in kept}
        kept.extend(pair for pair in self._defaults if pair[0] not in named)
        kept.extend(self._forced)
        return kept

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = self._with_ours(message.get("headers", ()))
            await send(message)

        await self.app(scope, receive, with_headers)


class HideQueryString(logging.Filter):
    """Cut the query string from uvicorn's access log lines.

    ``GET /webhook?hub.verify_token=…`` would otherwise write the verification token to the log.
    Installed on the ``uvicorn.access`` logger by :func:`dukcapil_wa.app.create_app`.

    Examples:
        >>> record = logging.LogRecord("uvicorn.access", logging.INFO, "", 0,
        ...     '%s - "%s %s HTTP/%s" %d', ("127.0.0.1:1", "GET", "/webhook?a=b", "1.1", 200),
        ...     None)
        >>> HideQueryString().filter(record), record.getMessage()
        (True, '127.0.0.1:1 - "GET /webhook HTTP/1.1" 200')
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep the record, its path argument without what follows ``?``."""
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True
