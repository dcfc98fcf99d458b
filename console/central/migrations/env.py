"""Alembic's entry point: runs the revisions on the connection console.central.migrate hands
over (config.attributes["connection"]), or on sqlalchemy.url for a developer's `alembic` run."""

from alembic import context
from sqlalchemy import Connection, create_engine

from console.central.db import Base

config = context.config
connection = config.attributes.get("connection")


def _run(conn: Connection) -> None:
    context.configure(
        connection=conn,
        target_metadata=Base.metadata,
        render_as_batch=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url") or "").connect() as own:
        _run(own)
        own.commit()
