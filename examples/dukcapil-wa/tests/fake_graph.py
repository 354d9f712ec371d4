"""A fake WhatsApp Cloud API on 127.0.0.1: the messages endpoint from a script, and media.

``GET /v21.0/{media-id}`` answers the file's address (as the Graph API does, with its size and
type), and ``GET /files/{media-id}`` the file's bytes, both only with the right token.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "token-uji-sistem-0123456789"
PHONE_NUMBER_ID = "106540352242922"

# Files a citizen sends (put in ``FakeGraph.media``): the smallest each check of the service
# accepts or refuses by its first bytes.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 300
EXE = b"MZ\x90\x00" + b"\x00" * 100


@dataclass
class Answer:
    """One scripted answer."""

    status: int = 200
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FakeGraph:
    """What the fake API received, and what it will answer next (then 200 with a new id)."""

    url: str = ""
    script: list[Answer] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    ids: Iterator[int] = field(default_factory=itertools.count)
    media: dict[str, bytes] = field(default_factory=dict)
    media_gets: list[str] = field(default_factory=list)
    announced_size: int | None = None  # a size to announce instead of the file's own
    file_host: str = "127.0.0.1"  # where the media's address points

    def answer(self, path: str, auth: str, body: dict[str, Any]) -> Answer:
        with self.lock:
            self.paths.append(path)
            self.authorizations.append(auth)
            self.received.append(body)
            if self.script:
                return self.script.pop(0)
            number = next(self.ids)
        return Answer(
            200, {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.S{number}"}]}
        )


@contextmanager
def fake_graph() -> Iterator[FakeGraph]:
    """Serve a :class:`FakeGraph` on a free loopback port for the ``with`` block."""
    graph = FakeGraph()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = json.loads(self.rfile.read(length))
            if graph.delay:
                time.sleep(graph.delay)
            answer = graph.answer(self.path, self.headers.get("authorization", ""), body)
            raw = json.dumps(answer.body or {}).encode()
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self) -> None:
            graph.media_gets.append(self.path)
            token_ok = self.headers.get("authorization", "") == f"Bearer {TOKEN}"
            name = self.path.rsplit("/", 1)[-1]
            data = graph.media.get(name)
            if not token_ok or data is None:
                self._send(401 if not token_ok else 404, b'{"error": {"code": 100}}', "json")
            elif self.path.startswith("/files/"):
                self._send(200, data, "application/octet-stream")
            else:
                info = {
                    "url": f"{graph.url.rsplit('/', 1)[0]}/files/{name}".replace(
                        "127.0.0.1", graph.file_host
                    ),
                    "mime_type": "image/jpeg",
                    "file_size": len(data)
                    if graph.announced_size is None
                    else graph.announced_size,
                    "id": name,
                    "messaging_product": "whatsapp",
                }
                self._send(200, json.dumps(info).encode(), "json")

        def _send(self, status: int, raw: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("content-type", "application/json" if kind == "json" else kind)
            self.send_header("content-length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: the test reads what was received instead

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    graph.url = f"http://127.0.0.1:{server.server_address[1]}/v21.0"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield graph
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
