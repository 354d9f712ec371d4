"""dukcapil_wa: a reference WhatsApp-bot service for a Dinas Dukcapil, built on adminduk.

A citizen's message arrives on the WhatsApp Cloud API webhook, ``adminduk.find_services`` reads
what they want, ``adminduk.advise`` answers, "daftar" stores a ``ServiceRequest`` as append-only
events, officers move it along on a server-rendered page, and every reply goes to an outbox
table (never sent anywhere).

Examples:
    >>> from dukcapil_wa import Settings, create_app
    >>> app = create_app(Settings(database_url="sqlite://", office="35.14"))
    >>> sorted(route.path for route in app.routes if route.path.startswith("/webhook"))
    ['/webhook', '/webhook']
"""

from dukcapil_wa.app import create_app
from dukcapil_wa.settings import Settings

__all__ = ["Settings", "create_app"]
