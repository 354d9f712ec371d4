"""Officers' passwords, sessions and CSRF tokens.

- Passwords are hashed with argon2id (``argon2-cffi``'s defaults, rehashed when they change).
- A session is a cookie signed with ``DUKCAPIL_WA_SESSION_SECRET`` (``itsdangerous``), holding
  the officer's id and the session's CSRF token; it is ``HttpOnly``, ``SameSite=Strict``, and
  ``Secure`` (with the ``__Host-`` name prefix) unless ``DUKCAPIL_WA_COOKIE_SECURE=false``.
- Every form carries the CSRF token; a POST whose token is not the session's is refused, and
  so is one whose ``Origin`` is another site's.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

__all__ = [
    "ROLES",
    "SUPERVISOR",
    "Session",
    "SessionCookie",
    "foreign_origin",
    "hash_password",
    "needs_rehash",
    "same_token",
    "verify_password",
]

OFFICER: Final = "officer"
SUPERVISOR: Final = "supervisor"
ROLES: Final = (OFFICER, SUPERVISOR)

_HASHER: Final = PasswordHasher()
# Checked against when the username is unknown, so that a wrong name takes as long as a wrong
# password and the answer's timing does not tell which accounts exist.
_UNKNOWN: Final = _HASHER.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    """The argon2id hash of ``password``, salted.

    Examples:
        >>> hash_password("kata sandi yang panjang").startswith("$argon2id$")
        True
    """
    return _HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` is the one ``stored`` hashes; ``None`` (no account) is never.

    Examples:
        >>> stored = hash_password("kata sandi yang panjang")
        >>> verify_password(stored, "kata sandi yang panjang"), verify_password(stored, "salah")
        (True, False)
        >>> verify_password(None, "apa saja")
        False
    """
    try:
        return _HASHER.verify(stored or _UNKNOWN, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was made with other parameters than today's (rehash on login)."""
    return _HASHER.check_needs_rehash(stored)


@dataclass(frozen=True, slots=True)
class Session:
    """What the cookie holds: the officer logged in (``None`` before login) and the CSRF token."""

    officer_id: int | None
    csrf: str


class SessionCookie:
    """Reads and writes the signed session cookie.

    Examples:
        >>> cookie = SessionCookie("k" * 32, secure=True, max_age=3600)
        >>> cookie.name
        '__Host-dukcapil-wa'
        >>> cookie.read(cookie.sign(Session(7, "abc")))
        Session(officer_id=7, csrf='abc')
        >>> cookie.read("forged") is None
        True
    """

    def __init__(self, secret: str, *, secure: bool, max_age: int) -> None:
        self._serializer = URLSafeTimedSerializer(secret, salt="dukcapil-wa session")
        self.secure = secure
        self.max_age = max_age
        self.name = "__Host-dukcapil-wa" if secure else "dukcapil-wa"

    def sign(self, session: Session) -> str:
        """The cookie's value for ``session``."""
        return self._serializer.dumps([session.officer_id, session.csrf])

    def read(self, value: str | None) -> Session | None:
        """The session in ``value``; ``None`` where it is missing, forged or expired."""
        if not value:
            return None
        try:
            officer_id, csrf = self._serializer.loads(value, max_age=self.max_age)
        except (BadSignature, ValueError, TypeError):
            return None
        if not isinstance(csrf, str) or not (officer_id is None or isinstance(officer_id, int)):
            return None
        return Session(officer_id, csrf)

    def of(self, request: Request) -> Session | None:
        """The session ``request`` carries."""
        return self.read(request.cookies.get(self.name))

    def new(self, officer_id: int | None) -> Session:
        """A fresh session (a new CSRF token: a login never keeps the token from before it)."""
        return Session(officer_id, secrets.token_urlsafe(32))

    def set(self, response: Response, session: Session) -> None:
        """Put ``session`` on ``response``."""
        response.set_cookie(
            self.name,
            self.sign(session),
            max_age=self.max_age,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="strict",
        )

    def clear(self, response: Response) -> None:
        """Remove the cookie."""
        response.delete_cookie(
            self.name, path="/", secure=self.secure, httponly=True, samesite="strict"
        )


def same_token(session: Session, sent: str) -> bool:
    """Whether the form's CSRF token is the session's (constant time).

    Examples:
        >>> same_token(Session(1, "abc"), "abc"), same_token(Session(1, "abc"), "")
        (True, False)
    """
    return bool(sent) and hmac.compare_digest(session.csrf.encode(), sent.encode())


def foreign_origin(request: Request) -> bool:
    """Whether the request says it comes from a page of another site (``Origin``).

    A request without ``Origin`` (an old browser, a script) is left to the CSRF token.
    """
    origin = request.headers.get("origin")
    if origin is None:
        return False
    host = request.headers.get("host", "")
    return origin == "null" or urlsplit(origin).netloc.lower() != host.lower()
