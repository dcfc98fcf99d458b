"""Opening a local SQLite file: pragmas, integrity check, schema migrations, rebuild if damaged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

Migration = Callable[[Connection], None]

BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A local store problem the operator must hear about (message in Vietnamese)."""


class DamagedDatabase(StoreError):
    """The file failed its integrity check, is not SQLite, or has an unknown schema."""


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        pool_size=4,
        max_overflow=8,
    )
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _check(path: Path) -> None:
    """`PRAGMA quick_check` before anything else touches the file."""
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(f"Tệp {path.name} hỏng: {exc}") from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(row[0]) for row in rows[:3])
        raise DamagedDatabase(f"Tệp {path.name} không toàn vẹn: {detail}")


def _migrate(engine: Engine, version_table: str, migrations: Sequence[Migration]) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(f"CREATE TABLE IF NOT EXISTS {version_table} (version INTEGER PRIMARY KEY)")
        )
        current = conn.execute(text(f"SELECT max(version) FROM {version_table}")).scalar() or 0
        if current > len(migrations):
            raise DamagedDatabase(
                f"Lược đồ dữ liệu phiên bản {current} mới hơn phần mềm (tối đa {len(migrations)})."
            )
        for number in range(current, len(migrations)):
            migrations[number](conn)
            conn.execute(
                text(f"INSERT INTO {version_table} (version) VALUES (:v)"), {"v": number + 1}
            )


def open_engine(
    path: Path,
    migrations: Sequence[Migration],
    version_table: str = "schema_version",
    *,
    check: bool = True,
) -> Engine:
    """Check (unless `check` is False), open and migrate `path`; raise DamagedDatabase if it
    cannot be used as is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if check:
        _check(path)
    engine = _engine(path)
    try:
        _migrate(engine, version_table, migrations)
    except (SADatabaseError, OperationalError) as exc:
        engine.dispose()
        raise DamagedDatabase(f"Không mở được {path.name}: {exc.orig}") from exc
    except DamagedDatabase:
        engine.dispose()
        raise
    return engine


def move_aside(path: Path) -> Path:
    """Rename a damaged file (and its WAL/SHM companions) to `<name>.broken-<UTC stamp>`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def ddl_step(statements: Sequence[str]) -> Migration:
    """A migration that runs `statements` as written (see console.store.migrations)."""

    def migrate(conn: Connection) -> None:
        for statement in statements:
            conn.exec_driver_sql(statement)

    return migrate
