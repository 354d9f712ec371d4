"""The service's settings, read from environment variables (``DUKCAPIL_WA_*``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["Settings"]

_PREFIX = "DUKCAPIL_WA_"


@dataclass(frozen=True, slots=True)
class Settings:
    """What a deployment decides: its database, its office, its webhook token.

    Attributes:
        database_url: a SQLAlchemy URL; the default is an SQLite file in the working folder.
            ``postgresql+psycopg://user@host/db`` works too (install the driver).
        office: the office code or slug this deployment answers for (``"35.14"``); empty means
            the bot asks each citizen which office they mean.
        verify_token: the token Meta sends in the webhook's verification handshake.

    Examples:
        >>> Settings.from_env({"DUKCAPIL_WA_OFFICE": "35.14"}).office
        '35.14'
        >>> Settings.from_env({}).database_url
        'sqlite:///dukcapil-wa.db'
    """

    database_url: str = "sqlite:///dukcapil-wa.db"
    office: str = ""
    verify_token: str = "ganti-token-ini"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``DUKCAPIL_WA_DATABASE_URL``, ``_OFFICE`` and ``_VERIFY_TOKEN``.

        Examples:
            >>> Settings.from_env({"DUKCAPIL_WA_VERIFY_TOKEN": "rahasia"}).verify_token
            'rahasia'
        """
        env = os.environ if environ is None else environ
        defaults = cls()
        return cls(
            database_url=env.get(_PREFIX + "DATABASE_URL", defaults.database_url),
            office=env.get(_PREFIX + "OFFICE", defaults.office).strip(),
            verify_token=env.get(_PREFIX + "VERIFY_TOKEN", defaults.verify_token),
        )
