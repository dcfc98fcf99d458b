"""The central database's identity: a random id the consoles keep beside their cursor.

A cursor (a change number) only means something in one database's history. A database
restored from a backup goes back in that history, and another database has its own: either
way a console's cursor and cache speak of changes this database never had. Each database
therefore holds an id (created with it), served with every page of changes; a restore is
followed by `paht-console db new-identity`, and a console that sees another id rebuilds its
cache. A cursor beyond the change counter is refused (409 cursor_ahead) for the same reason,
which catches a restore nobody followed with a new identity.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from console.central.db import CentralMetaRow, CounterRow, ReportRow, write_transaction
from console.central.errors import ApiError

DATABASE_KEY = "database_id"
HEADER = "X-Paht-Database"


def new_id() -> str:
    return uuid.uuid4().hex


def read_id(conn: Connection) -> str | None:
    found = conn.execute(
        select(CentralMetaRow.value).where(CentralMetaRow.key == DATABASE_KEY)
    ).scalar()
    return None if found is None else str(found)


def database_id(engine: Engine) -> str:
    """The id, created here for a database that has none yet (made before it existed)."""
    with engine.connect() as conn:
        found = read_id(conn)
    if found is not None:
        return found
    try:
        with write_transaction(engine) as conn:
            conn.execute(insert(CentralMetaRow).values(key=DATABASE_KEY, value=new_id()))
    except IntegrityError:
        pass  # another process created it first: theirs stands
    with engine.connect() as conn:
        created = read_id(conn)
    assert created is not None
    return created


def renew_id(engine: Engine) -> str:
    """Give the database a new id (the step after any restore); returns it."""
    fresh = new_id()
    with write_transaction(engine) as conn:
        changed = conn.execute(
            update(CentralMetaRow).where(CentralMetaRow.key == DATABASE_KEY).values(value=fresh)
        ).rowcount
        if not changed:
            conn.execute(insert(CentralMetaRow).values(key=DATABASE_KEY, value=fresh))
    return fresh


def check_cursor(conn: Connection, cursor: int, database: str) -> None:
    """Refuse a cursor beyond every change number this database has given out."""
    counter, top = conn.execute(
        select(
            select(CounterRow.value).where(CounterRow.id == 1).scalar_subquery(),
            select(func.max(ReportRow.seq)).scalar_subquery(),
        )
    ).one()
    if cursor > max(int(counter or 0), int(top or 0)):
        raise ApiError(
            409,
            "cursor_ahead",
            f"Con trỏ đồng bộ {cursor} vượt quá số thay đổi mới nhất của cơ sở dữ liệu trung "
            "tâm: dữ liệu trung tâm đã được khôi phục hoặc là cơ sở dữ liệu khác. Máy trạm "
            "cần đồng bộ lại từ đầu.",
            headers={HEADER: database},
            extra={"database": database},
        )
