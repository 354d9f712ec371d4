"""Alembic migrations of the service's tables; run by :func:`dukcapil_wa.db.migrate`."""
