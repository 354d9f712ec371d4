"""``SourceInfo``: one entry of a ``[sources]`` table, the national file's or an office file's.

Kept apart from the reader so that a lookup that needs no source (a province, to parse a NIK)
imports no pydantic.
"""

# Field annotations are evaluated here, not left as strings (no __future__ annotations).
import datetime as dt
import functools
import re

from pydantic import field_validator

from adminduk._core.validation import ConfigErrorModel, Text, frozen_config

__all__ = ["SourceInfo", "Sources", "url_pattern"]


@functools.cache
def url_pattern() -> re.Pattern[str]:
    """An http(s) URL with a host name: what a source's ``url`` and an app's address must be.

    Compiled on first use: only validating a file needs it, and compiling it at import cost a
    first ``get_office`` half a millisecond.

    Examples:
        >>> bool(url_pattern().match("https://dukcapil.kemendagri.go.id/page"))
        True
        >>> bool(url_pattern().match("dukcapil.kemendagri.go.id"))
        False
    """
    return re.compile(r"^https?://[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]+)?(/\S*)?$", re.IGNORECASE)


class SourceInfo(ConfigErrorModel):
    """One entry of a ``[sources]`` table, which facts cite by its key.

    The national file's and every office file's (``adminduk.offices.SourceInfo`` is this
    class). ``published`` is the date the source appeared; the newest such date behind an
    answer is the answer's ``confirmed_on``. ``third_party_copy`` marks a document read only in
    a copy on another site (a reply says so beside its citation).

    Examples:
        >>> info = SourceInfo(title="Dukcapil Mataram Terapkan Layanan Daring",
        ...                  publisher="Inside Lombok / Antara", published="2020-03-25")
        >>> str(info)
        'Dukcapil Mataram Terapkan Layanan Daring (Inside Lombok / Antara, 2020-03-25)'
    """

    model_config = frozen_config()

    title: Text
    publisher: Text | None = None
    published: dt.date | None = None
    url: Text | None = None
    file: Text | None = None
    note: Text | None = None
    third_party_copy: bool = False

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not url_pattern().match(value):
            raise ValueError("must be an http(s) URL, e.g. 'https://example.go.id/page'")
        return value

    def __str__(self) -> str:
        extra = ", ".join(
            part for part in (self.publisher, str(self.published or "") or None) if part
        )
        return f"{self.title} ({extra})" if extra else self.title


class Sources(ConfigErrorModel):
    """A ``[sources]`` table, validated: what the national file's reader checks its own with."""

    model_config = frozen_config()

    sources: dict[str, SourceInfo]
