"""The service's settings, read from ``DUKCAPIL_WA_*`` environment variables (pydantic-settings).

Three groups, so that each process asks only for what it uses: :class:`DatabaseSettings` (the
``dukcapil-wa`` commands), :class:`Settings` (the web service: the webhook's secrets, the
officers' session key, the limits) and :class:`SenderSettings` (the outbox's sender: the Cloud
API's token). A secret has no default: a deployment that forgot one does not start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final, TypeVar

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = [
    "PREFIX",
    "DatabaseSettings",
    "MediaSettings",
    "MissingSetting",
    "SenderSettings",
    "Settings",
    "load",
]

PREFIX: Final = "DUKCAPIL_WA_"

MIB: Final = 1024 * 1024

_Kind = TypeVar("_Kind", bound="DatabaseSettings")


class MissingSetting(RuntimeError):
    """A required ``DUKCAPIL_WA_*`` variable is unset or unusable; the message names it.

    The message never holds the value: a too-short secret is still a secret.
    """


class DatabaseSettings(BaseSettings):
    """Where the data lives.

    Attributes:
        database_url: a SQLAlchemy URL: ``sqlite:///path.db`` or
            ``postgresql+psycopg://user:password@host/db``.
        migrate_on_start: bring the schema up to date when the service starts (under a lock on
            PostgreSQL, so several workers may start at once); ``false`` where
            ``dukcapil-wa migrate`` is run as a deployment step instead.

    Examples:
        >>> DatabaseSettings(database_url="sqlite://").database_url
        'sqlite://'
    """

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="ignore")

    database_url: str = "sqlite:///dukcapil-wa.db"
    migrate_on_start: bool = True


class MediaSettings(DatabaseSettings):
    """Where citizens' files are kept, and for how long (``dukcapil-wa purge-files`` reads it).

    Attributes:
        media_dir: where citizens' files are kept: a directory no web server serves, readable
            by the service's user only.
        media_retention_days: how long a file is kept before ``dukcapil-wa purge-files``
            deletes it (UU 27/2022: no longer than its purpose needs). Set it to the office's
            own retention rule.

    Examples:
        >>> MediaSettings(database_url="sqlite://").media_retention_days
        90.0
    """

    media_dir: Path = Path("dukcapil-wa-berkas")
    media_retention_days: float = Field(default=90.0, gt=0)


class Settings(MediaSettings):
    """What the web service needs: its office, the webhook's secrets, the session key, limits.

    Attributes:
        office: the office code or slug this deployment answers for (``"35.14"``); empty means
            the bot asks each citizen which office they mean.
        app_secret: the Meta app's secret; every webhook POST must carry its HMAC-SHA256
            signature (``X-Hub-Signature-256``). Required.
        verify_token: the token Meta sends in the webhook's verification handshake; chosen by
            the deployment, at least 16 characters. Required.
        session_secret: the key that signs officers' session cookies, at least 32 characters,
            never shared with anyone (not Meta's app secret). Required.
        cookie_secure: mark the session cookie ``Secure`` (sent over HTTPS only). Leave it on
            behind TLS; only a test on plain ``http://127.0.0.1`` turns it off.
        session_hours: how long an officer's login lasts.
        max_body_bytes: the largest request body read; longer ones get 413 unread.
        max_messages: the most messages one notification may carry (Meta sends a few).
        sender_limit: the most messages one WhatsApp number gets answered within
            ``sender_window_minutes``; the rest are recorded and not answered.
        sender_window_minutes: the rate limit's window.
        graph_api_url: the Graph API's base, version included; photos and PDFs citizens send
            are fetched from it.
        access_token: the Cloud API token (the sender's); without it the service takes no
            files and tells citizens to bring them to the counter.
        media_max_bytes: the largest file taken (WhatsApp sends photos up to 5 MB); where
            the files are kept and for how long: :class:`MediaSettings`.

    Examples:
        >>> s = Settings(database_url="sqlite://", app_secret="a" * 32, verify_token="v" * 16,
        ...              session_secret="s" * 32)
        >>> s.max_body_bytes, s.cookie_secure, "aaaa" in repr(s)
        (1048576, True, False)
    """

    office: str = ""
    app_secret: SecretStr = Field(min_length=16)
    verify_token: SecretStr = Field(min_length=16)
    session_secret: SecretStr = Field(min_length=32)
    cookie_secure: bool = True
    session_hours: float = Field(default=8.0, gt=0, le=24)
    max_body_bytes: int = Field(default=MIB, ge=1024, le=16 * MIB)
    max_messages: int = Field(default=100, ge=1, le=1000)
    sender_limit: int = Field(default=30, ge=1)
    sender_window_minutes: float = Field(default=10.0, gt=0)
    graph_api_url: str = "https://graph.facebook.com/v21.0"
    access_token: SecretStr | None = Field(default=None, min_length=16)
    media_max_bytes: int = Field(default=5 * MIB, ge=1024, le=100 * MIB)


class SenderSettings(DatabaseSettings):
    """What the outbox's sender needs: the Cloud API's address, number and token.

    Attributes:
        graph_api_url: the Graph API's base, version included.
        phone_number_id: the business phone number's id (the sender).
        access_token: a system user's access token with ``whatsapp_business_messaging``.
            Required.
        max_attempts: tries before a row is marked failed (429, 5xx and network errors are
            retried; other refusals fail at once).
        backoff_seconds: the wait after the first failed try; it doubles each time, up to
            ``max_backoff_seconds``.
        max_backoff_seconds: the longest wait between tries.
        lease_seconds: how long a claimed row stays with its worker; a row still claimed after
            that (the worker died) is taken again.
        poll_seconds: the pause when the outbox is empty.
        timeout_seconds: one HTTP request's timeout.

    Examples:
        >>> SenderSettings(database_url="sqlite://", phone_number_id="1",
        ...                access_token="t" * 20).max_attempts
        8
    """

    graph_api_url: str = "https://graph.facebook.com/v21.0"
    phone_number_id: str = Field(min_length=1, pattern=r"^[0-9]+$")
    access_token: SecretStr = Field(min_length=16)
    max_attempts: int = Field(default=8, ge=1, le=100)
    backoff_seconds: float = Field(default=2.0, gt=0)
    max_backoff_seconds: float = Field(default=600.0, gt=0)
    lease_seconds: float = Field(default=60.0, gt=0)
    poll_seconds: float = Field(default=1.0, gt=0)
    timeout_seconds: float = Field(default=10.0, gt=0)


def load(kind: type[_Kind]) -> _Kind:
    """``kind`` read from the environment, or :class:`MissingSetting` naming each variable.

    Examples:
        >>> load(Settings)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        dukcapil_wa.settings.MissingSetting: DUKCAPIL_WA_APP_SECRET: required, ...
    """
    try:
        return kind()
    except ValidationError as err:
        problems = [
            f"{PREFIX}{'.'.join(str(p) for p in error['loc']).upper()}: "
            + ("required, no default" if error["type"] == "missing" else error["msg"])
            for error in err.errors(include_url=False, include_input=False)
        ]
        raise MissingSetting("; ".join(problems)) from None
