"""What routes share, handed to them as FastAPI dependencies.

``create_app`` builds one :class:`Services` and keeps it on ``app.state``; a route asks for it
with ``services: ServicesDep``. Tests build the app with their own clock and database, so no
route reaches for a global.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from dukcapil_wa.conversation import Dialogue
from dukcapil_wa.inbox import Inbox
from dukcapil_wa.settings import Settings

__all__ = ["Services", "ServicesDep", "get_services"]


@dataclass(frozen=True, slots=True)
class Services:
    """The settings, the database, the dialogue and the page templates of one app."""

    settings: Settings
    engine: Engine
    sessions: sessionmaker[Any]
    dialogue: Dialogue
    inbox: Inbox
    templates: Jinja2Templates
    clock: Callable[[], datetime]


def get_services(request: Request) -> Services:
    """The app's :class:`Services`."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
