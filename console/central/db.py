"""The central API's own database: reports, history, accounts, tokens, idempotency, media.

Every insert or update of a report takes the next value of one change counter (`seq`), so
`GET /changes?after=seq` never loses a row: the counter row is locked until the writer
commits, so sequence numbers become visible in order on PostgreSQL, and SQLite has a single
writer anyway.

The schema is versioned: a change to these models needs an Alembic revision
(console/central/migrations; test_migrations compares the migrated schema with the models).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    create_engine,
    event,
    insert,
    select,
    text,
    true,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry

from console.central.db_base import Base as Base
from console.central.db_base import UtcDateTime as UtcDateTime
from console.central.migrate import prepare_schema

CHANGES_CHANNEL = "paht_changes"


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(64), index=True)
    urgency: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32), index=True)
    ward: Mapped[str] = mapped_column(String(64), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    version: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str | None] = mapped_column(String(64), index=True)
    deadline: Mapped[datetime | None] = mapped_column(UtcDateTime)
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    duplicate_of: Mapped[int | None] = mapped_column(Integer)
    merged_count: Mapped[int] = mapped_column(Integer, default=0)
    media: Mapped[str] = mapped_column(Text, default="[]")
    rating: Mapped[int | None] = mapped_column(Integer)
    reporter_name: Mapped[str | None] = mapped_column(Text)
    reporter_phone: Mapped[str | None] = mapped_column(String(64))
    reporter_email: Mapped[str | None] = mapped_column(String(320))
    reject_reason: Mapped[str | None] = mapped_column(String(64))
    result_text: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    extension_deadline: Mapped[datetime | None] = mapped_column(UtcDateTime)
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    views: Mapped[int] = mapped_column(Integer, default=0)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str] = mapped_column(String(32))
    to_status: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text, default="{}")


class IdempotencyRow(Base):
    """The first answer given to an action key, replayed verbatim when the key comes back."""

    __tablename__ = "idempotency"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    user_name: Mapped[str] = mapped_column(String(128))
    report_id: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(512))
    #: A unit account acts only on reports assigned to this unit; None acts for every unit.
    unit_code: Mapped[str | None] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    #: A deactivated account keeps its name in history but can neither sign in nor act.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class TokenRow(Base):
    __tablename__ = "tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class SignInFailureRow(Base):
    """Failed sign-ins per (user, address), to slow down password guessing."""

    __tablename__ = "sign_in_failures"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    last_at: Mapped[datetime] = mapped_column(UtcDateTime)


class MediaRow(Base):
    __tablename__ = "media_blobs"

    report_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_type: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CounterRow(Base):
    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class CentralMetaRow(Base):
    """Small facts about the database itself: its identity (console.central.identity)."""

    __tablename__ = "central_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Open311KeyRow(Base):
    """A partner app's Open311 api_key (hashed like tokens); its name becomes the channel."""

    __tablename__ = "open311_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app: Mapped[str] = mapped_column(String(64), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Open311TokenRow(Base):
    """The token answered to an Open311 POST and the report it became."""

    __tablename__ = "open311_tokens"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    report_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


Index("ix_events_report_at", EventRow.report_id, EventRow.at)


#: Connections one server process may hold (a held long-poll holds none while it waits).
#: With its LISTEN connection that is 13 per worker: 4 workers stay at half of PostgreSQL's
#: default max_connections (100); the overflow is backpressure, not failure (pool_timeout).
PG_POOL_SIZE = 8
PG_POOL_OVERFLOW = 4


def connect(db_url: str) -> Engine:
    """An engine for `db_url`, schema untouched; SQLite gets WAL and a busy timeout."""
    if db_url.startswith("postgresql://"):
        db_url = "postgresql+psycopg://" + db_url.removeprefix("postgresql://")
    if db_url.startswith("sqlite"):
        engine = create_engine(db_url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        db_url, pool_pre_ping=True, pool_size=PG_POOL_SIZE, max_overflow=PG_POOL_OVERFLOW
    )


def url_without_password(db_url: str) -> str:
    """The URL as it may be printed or logged."""
    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(địa chỉ cơ sở dữ liệu không hợp lệ)"


def make_engine(db_url: str, *, upgrade: bool = True) -> Engine:
    """An engine for `db_url` with the schema at this code's revision: created in an empty
    database, upgraded in an older one unless `upgrade` is false (then SchemaError); see
    console.central.migrate."""
    engine = connect(db_url)
    try:
        prepare_schema(engine, Base.metadata, upgrade=upgrade)
    except BaseException:
        engine.dispose()
        raise
    with engine.begin() as conn:
        if conn.execute(select(CounterRow.value).where(CounterRow.id == 1)).first() is None:
            top = conn.execute(select(ReportRow.seq).order_by(ReportRow.seq.desc())).first()
            conn.execute(insert(CounterRow).values(id=1, value=top[0] if top else 0))
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


_write_locks: dict[str, threading.Lock] = {}
_write_locks_guard = threading.Lock()


_change_hooks: weakref.WeakKeyDictionary[Engine, list[Callable[[], None]]] = (
    weakref.WeakKeyDictionary()
)
_BUMPED = "paht_seq_bumped"
_AFTER_COMMIT = "paht_after_commit"


def after_commit(conn: Connection, hook: Callable[[], None]) -> None:
    """Call `hook` once the write transaction of `conn` has committed (not on a rollback)."""
    conn.info.setdefault(_AFTER_COMMIT, []).append(hook)


def on_change(engine: Engine, hook: Callable[[], None]) -> None:
    """Call `hook` (in the writer's thread) after each commit through `engine` that took a seq."""
    _change_hooks.setdefault(engine, []).append(hook)


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write unit of work, then the `on_change` hooks if it took change numbers; on SQLite
    writers are serialised in-process (no upgrade races)."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            conn.info.pop(_BUMPED, None)
            conn.info.pop(_AFTER_COMMIT, None)
            yield conn
            bumped = conn.info.pop(_BUMPED, False)
            committed = conn.info.pop(_AFTER_COMMIT, [])
    else:
        with _write_locks_guard:
            lock = _write_locks.setdefault(str(engine.url), threading.Lock())
        with lock, engine.begin() as conn:
            conn.info.pop(_BUMPED, None)
            conn.info.pop(_AFTER_COMMIT, None)
            yield conn
            bumped = conn.info.pop(_BUMPED, False)
            committed = conn.info.pop(_AFTER_COMMIT, [])
    for hook in committed:
        hook()
    if bumped:
        for hook in _change_hooks.get(engine, ()):
            hook()


def next_seq(conn: Connection, count: int = 1) -> int:
    """Reserve `count` change numbers; returns the first. Locks the counter until commit.

    On PostgreSQL it also queues NOTIFY paht_changes, delivered to every listening server
    process when (and only if) the transaction commits.
    """
    top = conn.execute(
        update(CounterRow)
        .where(CounterRow.id == 1)
        .values(value=CounterRow.value + count)
        .returning(CounterRow.value)
    ).scalar_one()
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_notify(:channel, :seq)"), {"channel": CHANGES_CHANNEL, "seq": str(top)}
        )
    conn.info[_BUMPED] = True
    return int(top) - count + 1


# The relay's tables join Base.metadata wherever the models are (schema creation, migrations).
from console.central.relay import rows as _relay_rows  # noqa: E402, F401
