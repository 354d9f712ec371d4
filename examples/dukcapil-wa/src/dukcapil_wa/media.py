"""Citizens' files: fetched from the Cloud API by id, checked by their bytes, kept, then deleted.

A photo or a PDF a citizen sends arrives as a media id. :class:`MediaFetcher` asks the Graph
API for the file's address (``GET /{media-id}``) and downloads it with the same token, reading
no more than the size limit. :func:`sniff` decides the type from the first bytes, never from
what the sender claims: JPEG, PNG, WebP and PDF only. :class:`MediaStore` keeps each file under
its SHA-256 in a directory of its own, which no route serves: an officer opens a file through
``/officer/attachments/{id}``, which checks the login and the office.

Files are personal data (a KK, a KTP), kept only as long as the deployment's retention period
(``DUKCAPIL_WA_MEDIA_RETENTION_DAYS``): UU 27/2022 on personal data protection asks that
personal data be kept no longer than its purpose needs and be destroyed when the retention
period ends (Pasal 43-44). :func:`purge` deletes them; ``dukcapil-wa purge-files`` runs it, from
a daily timer.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker

from dukcapil_wa.db import Attachment

__all__ = [
    "KINDS",
    "MediaFetcher",
    "MediaProblem",
    "MediaStore",
    "Received",
    "purge",
    "sniff",
]

log = logging.getLogger("dukcapil_wa.media")

KINDS: Final = {
    "image/jpeg": "foto (JPEG)",
    "image/png": "foto (PNG)",
    "image/webp": "foto (WebP)",
    "application/pdf": "PDF",
}
"""The types accepted, with how a citizen and an officer read them."""

_SHA256: Final = re.compile(r"^[0-9a-f]{64}$")
LOOPBACK: Final = "127.0.0.1"


class MediaProblem(Exception):
    """A file that cannot be taken; ``reason`` is one of ``too_large``, ``type``, ``fetch``."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def sniff(data: bytes) -> str | None:
    """The content type ``data`` starts like, among :data:`KINDS`; ``None`` for anything else.

    Examples:
        >>> sniff(b"%PDF-1.7 ..."), sniff(b"\\xff\\xd8\\xff\\xe0..."), sniff(b"MZ\\x90")
        ('application/pdf', 'image/jpeg', None)
        >>> sniff(b"RIFF\\x10\\x00\\x00\\x00WEBPVP8 ")
        'image/webp'
    """
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return None


@dataclass(frozen=True, slots=True)
class Received:
    """A file fetched, checked and stored: its type, size and checksum."""

    content_type: str
    size: int
    sha256: str


class MediaStore:
    """Files kept by their SHA-256 in ``directory`` (made private on first use)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, sha256: str) -> Path:
        """Where the file with ``sha256`` is; a value that is not a checksum is refused."""
        if not _SHA256.match(sha256):
            raise ValueError("not a SHA-256 checksum")
        return self.directory / sha256[:2] / sha256

    def save(self, data: bytes) -> str:
        """Keep ``data`` (once, however often it is sent); return its SHA-256."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if not target.exists():
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.part")
            # Written beside, then renamed: a reader never sees half a file.
            with open(partial, "xb") as out:
                out.write(data)
            os.chmod(partial, 0o600)
            partial.replace(target)
        return digest

    def read(self, sha256: str) -> bytes:
        """The file's bytes; ``FileNotFoundError`` once it was deleted."""
        return self.path(sha256).read_bytes()

    def delete(self, sha256: str) -> bool:
        """Delete the file; whether there was one."""
        try:
            self.path(sha256).unlink()
        except FileNotFoundError:
            return False
        return True


class MediaFetcher:
    """Fetches a media id's file from the Graph API, within ``max_bytes``, and stores it.

    Args:
        graph_api_url: the Graph API's base, version included (the tests' fake on 127.0.0.1).
        access_token: the token the sender uses; the media endpoints need the same permission.
        store: where files are kept.
        max_bytes: the largest file taken.
        client: the HTTP client (made with ``timeout`` where not given).
    """

    def __init__(
        self,
        graph_api_url: str,
        access_token: str,
        store: MediaStore,
        max_bytes: int,
        client: httpx.Client | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.base = graph_api_url.rstrip("/")
        self.store = store
        self.max_bytes = max_bytes
        self.client = client or httpx.Client(timeout=timeout)
        self._headers = {"Authorization": f"Bearer {access_token}"}

    def _address(self, media_id: str) -> str:
        try:
            response = self.client.get(f"{self.base}/{media_id}", headers=self._headers)
        except httpx.HTTPError as err:
            raise MediaProblem("fetch", type(err).__name__) from None
        if not response.is_success:
            raise MediaProblem("fetch", f"HTTP {response.status_code} for the media's address")
        try:
            info: dict[str, Any] = response.json()
            url = str(info["url"])
            size = int(info.get("file_size", 0))
        except (ValueError, KeyError, TypeError):
            raise MediaProblem("fetch", "the media's address is unreadable") from None
        if size > self.max_bytes:
            raise MediaProblem("too_large", f"{size} bytes")
        parts = urlsplit(url)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname == LOOPBACK):
            # The token goes with the download: only over HTTPS (or to a fake on the loopback).
            raise MediaProblem("fetch", "the media's address is not HTTPS")
        return url

    def _download(self, url: str) -> bytes:
        parts: list[bytes] = []
        seen = 0
        try:
            with self.client.stream("GET", url, headers=self._headers) as response:
                if not response.is_success:
                    raise MediaProblem("fetch", f"HTTP {response.status_code} for the file")
                for chunk in response.iter_bytes():
                    seen += len(chunk)
                    if seen > self.max_bytes:  # the size announced may be wrong: count
                        raise MediaProblem("too_large", f"over {self.max_bytes} bytes")
                    parts.append(chunk)
        except httpx.HTTPError as err:
            raise MediaProblem("fetch", type(err).__name__) from None
        return b"".join(parts)

    def fetch(self, media_id: str) -> Received:
        """Fetch, check and store ``media_id``'s file.

        Raises:
            MediaProblem: ``too_large``, ``type`` (not an image or a PDF by its bytes) or
                ``fetch`` (the API refused or could not be reached).
        """
        data = self._download(self._address(media_id))
        kind = sniff(data)
        if kind is None:
            raise MediaProblem("type", "neither an image nor a PDF")
        return Received(kind, len(data), self.store.save(data))


def purge(
    sessions: sessionmaker[Any], store: MediaStore, now: datetime, retention: timedelta
) -> int:
    """Delete the files received before ``now - retention``; return how many rows were purged.

    The rows stay with ``purged_at`` set, so the officer's page still shows that a file came.
    A file sent twice (the same checksum) is deleted once both rows are past the period. Files
    on disk with no row at all (fetched for a message that was then answered otherwise) are
    deleted too once older than the period, judged by their modification time.
    """
    before = now - retention
    with sessions.begin() as session:
        old = session.execute(
            select(Attachment.id, Attachment.sha256).where(
                Attachment.received_at < before, Attachment.purged_at.is_(None)
            )
        ).all()
        if old:
            session.execute(
                update(Attachment)
                .where(Attachment.id.in_([row.id for row in old]))
                .values(purged_at=now)
            )
        kept = set(
            session.scalars(select(Attachment.sha256).where(Attachment.purged_at.is_(None)))
        )
    for digest in {row.sha256 for row in old} - kept:
        store.delete(digest)
    if store.directory.exists():
        for path in store.directory.glob("*/*"):
            if (
                _SHA256.match(path.name)
                and path.name not in kept
                and path.stat().st_mtime < before.timestamp()
            ):
                path.unlink(missing_ok=True)
    if old:
        log.info("purged %d files past their retention period", len(old))
    return len(old)
