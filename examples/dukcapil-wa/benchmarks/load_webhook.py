"""Webhook throughput on one uvicorn worker, the database on disk; prints a table.

A bounded local load test: it starts the service in a child process on a loopback port with an
SQLite file in a temporary folder, then sends a fixed number of WhatsApp notifications from a
few client threads, each thread playing its own citizens through the whole dialogue (need,
"ya", "daftar", and a last need). Nothing leaves the machine.

    .venv/bin/python examples/dukcapil-wa/benchmarks/load_webhook.py [--citizens 500]
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

DIALOGUE = ("kk nambah anak", "ya", "daftar", "ktp hilang")
# Kabupaten Pasuruan took KK changes over WhatsApp then (source A1), so "daftar" registers.
AT = datetime(2020, 3, 24, 10, 0, tzinfo=timezone(timedelta(hours=7)))
APP_SECRET = "rahasia-beban-0123456789abcdef"  # a throwaway secret of this run only


def serve(port: int, database: str) -> None:
    import uvicorn
    from dukcapil_wa import Settings, create_app
    from pydantic import SecretStr

    settings = Settings(
        database_url=f"sqlite:///{database}",
        office="35.14",
        app_secret=SecretStr(APP_SECRET),
        verify_token=SecretStr("tidak-dipakai-dalam-uji-beban"),
        session_secret=SecretStr("tidak-dipakai-dalam-uji-beban-0123456789"),
    )
    app = create_app(settings, lambda: AT)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def notification(wa_id: str, message_id: str, body: str) -> bytes:
    message = {"id": message_id, "from": wa_id, "type": "text", "text": {"body": body}}
    value = {"messaging_product": "whatsapp", "messages": [message]}
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(payload).encode()


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha256).hexdigest()


def client(port: int, citizens: range, latencies: list[float], errors: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for citizen in citizens:
        wa_id = f"62812{citizen:08d}"
        for step, text in enumerate(DIALOGUE):
            body = notification(wa_id, f"wamid.{citizen}.{step}", text)
            start = time.perf_counter()
            headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body)}
            conn.request("POST", "/webhook", body, headers)
            response = conn.getresponse()
            response.read()
            latencies.append(time.perf_counter() - start)
            if response.status != 200:
                errors.append(response.status)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--citizens", type=int, default=500)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "DATABASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(int(args.serve[0]), args.serve[1])
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = Path(tempfile.mkdtemp())
    database = folder / "load.db"
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), str(database)], env=os.environ.copy()
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        shares = [range(i, args.citizens, args.clients) for i in range(args.clients)]
        latencies: list[float] = []
        errors: list[int] = []
        threads = [
            threading.Thread(target=client, args=(port, share, latencies, errors))
            for share in shares
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=10)
    with sqlite3.connect(database) as db:  # every dialogue must have left its request
        stored = db.execute("SELECT count(*) FROM requests").fetchone()[0]
        queued = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    count = len(latencies)
    quantiles = statistics.quantiles(latencies, n=100)
    columns = "messages clients seconds messages/s p50-ms p95-ms errors requests replies"
    print("| " + " | ".join(columns.split()) + " |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {count} | {args.clients} | {elapsed:.2f} | {count / elapsed:.0f} | "
        f"{quantiles[49] * 1000:.1f} | {quantiles[94] * 1000:.1f} | {len(errors)} | "
        f"{stored} | {queued} |"
    )
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
