"""Databases of a test's own on the suite's PostgreSQL server (PAHT_TEST_PG_URL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("PAHT_TEST_PG_URL")


@contextmanager
def own_database(prefix: str) -> Iterator[str]:
    """The URL of a new database named `prefix` and a random suffix, dropped at the end (its
    connections cut): a test may break it, or kill its connections, without touching others."""
    assert PG_URL is not None
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(
        PG_URL.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
