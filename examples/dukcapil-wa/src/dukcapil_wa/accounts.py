"""Officer accounts: made by the command line or by a supervisor, never deleted.

One place for the rules an account follows, shared by ``dukcapil-wa create-officer`` and the
supervisor's page: a username of letters, digits, dots, dashes and underscores; a password of at
least 12 characters; a role; an office the library knows (stored by its code).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from adminduk import AdmindukError, get_office
from dukcapil_wa.auth import ROLES, hash_password
from dukcapil_wa.db import Officer

__all__ = ["MIN_PASSWORD", "AccountError", "create_officer"]

MIN_PASSWORD: Final = 12
_USERNAME: Final = re.compile(r"^[a-z0-9._-]{3,64}$")


class AccountError(ValueError):
    """An account that cannot be made; the message says which field and what would do."""


def create_officer(
    session: Session, username: str, password: str, office: str, role: str, at: datetime
) -> Officer:
    """Add an officer account; the caller commits.

    Raises:
        AccountError: a bad username, a short password, an unknown role or office, or a
            username already taken.

    Examples:
        >>> from datetime import UTC, datetime
        >>> from dukcapil_wa.db import make_engine, make_sessions, migrate
        >>> engine = make_engine("sqlite://")
        >>> migrate(engine)
        '0003'
        >>> with make_sessions(engine).begin() as session:
        ...     officer = create_officer(session, "siti", "kata-sandi-panjang", "35.14",
        ...                              "supervisor", datetime(2026, 1, 1, tzinfo=UTC))
        ...     officer.office, officer.role, officer.password_hash.startswith("$argon2id$")
        ('35.14', 'supervisor', True)
        >>> with make_sessions(engine).begin() as session:
        ...     create_officer(session, "siti", "pendek", "35.14", "officer",
        ...                    datetime(2026, 1, 1, tzinfo=UTC))
        Traceback (most recent call last):
        ...
        dukcapil_wa.accounts.AccountError: password: at least 12 characters
    """
    username = username.strip().lower()
    if not _USERNAME.match(username):
        raise AccountError(
            "username: 3 to 64 lower-case letters, digits, dots, dashes or underscores"
        )
    if len(password) < MIN_PASSWORD or len(password) > 1024:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    if role not in ROLES:
        raise AccountError(f"role: one of {', '.join(ROLES)}, not {role!r}")
    try:
        code = get_office(office).code
    except AdmindukError:
        wanted = office[:40]
        raise AccountError(f"office: no office {wanted!r}; give a code such as 35.14") from None
    if session.scalar(select(Officer.id).where(Officer.username == username)) is not None:
        raise AccountError(f"username: {username!r} is taken")
    officer = Officer(
        username=username,
        password_hash=hash_password(password),
        office=code,
        role=role,
        active=True,
        created_at=at,
    )
    session.add(officer)
    session.flush()
    return officer
