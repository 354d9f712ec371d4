"""Alembic's environment: migrate the connection that :func:`dukcapil_wa.db.migrate` hands in.

There is no ``alembic.ini``: ``dukcapil-wa migrate`` (or the service's start) is the one way in,
so the URL comes from ``DUKCAPIL_WA_DATABASE_URL`` like everything else.
"""

from __future__ import annotations

from alembic import context

from dukcapil_wa.db import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `dukcapil-wa migrate`, not the alembic command")
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
