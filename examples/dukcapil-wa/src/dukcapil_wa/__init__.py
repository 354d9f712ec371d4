"""dukcapil_wa: a reference WhatsApp-bot service for a Dinas Dukcapil, built on adminduk.

A citizen's message arrives on the WhatsApp Cloud API webhook (signed with the app's secret),
``adminduk.find_services`` reads what they want, ``adminduk.advise`` answers, "daftar" stores a
``ServiceRequest`` as append-only events, logged-in officers move it along on a server-rendered
page, and every reply goes to an outbox table that a sender worker delivers.

Examples:
    >>> from dukcapil_wa import Settings, create_app
    >>> app = create_app(Settings(database_url="sqlite://", office="35.14", app_secret="a" * 16,
    ...                           verify_token="v" * 16, session_secret="s" * 32))
    >>> from fastapi.testclient import TestClient
    >>> TestClient(app).post("/webhook", json={}).status_code  # unsigned
    401
"""

from dukcapil_wa.app import create_app
from dukcapil_wa.settings import Settings

__all__ = ["Settings", "create_app"]
