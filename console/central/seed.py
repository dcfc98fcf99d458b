"""Filling the central database with the demo city in bulk (Core inserts, chunked)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select

from console.central.db import (
    EventRow,
    IdempotencyRow,
    MediaRow,
    ReportRow,
    make_engine,
    next_seq,
    write_transaction,
)
from console.central.seed_rows import (
    CHUNK,
    EVENT_COLUMNS,
    EVENTS,
    REPORT_COLUMNS,
    REPORTS,
    StoreTime,
    chunks,
    event_row,
    naive_time,
    report_row,
    sqlite_time,
)
from console.domain.model import utcnow

#: From this many reports a PostgreSQL seed generates in a child process and copies in bulk.
BULK_FROM = 20_000


def bulk_insert(
    conn: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert many rows below SQLAlchemy's per-value processing: COPY on PostgreSQL."""
    if not rows:
        return
    names = ", ".join(columns)
    if conn.dialect.name == "postgresql":
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def insert_reports(
    engine: Engine,
    records: Iterable[dict[str, Any]],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert wire-form reports (each may carry its "events"); every one gets a fresh seq;
    `progress` hears the running total after each chunk."""
    store_time: StoreTime = naive_time if engine.dialect.name == "postgresql" else sqlite_time
    inserted = 0
    for chunk in chunks(records, CHUNK):
        reports: list[list[Any]] = []
        events: list[tuple[Any, ...]] = []
        for record in chunk:
            reports.append(report_row(record, store_time))
            events.extend(event_row(e, store_time) for e in record.get("events") or ())
        with write_transaction(engine) as conn:
            first = next_seq(conn, len(reports))
            rows = [(*row, first + offset) for offset, row in enumerate(reports)]
            bulk_insert(conn, REPORTS.name, REPORT_COLUMNS, rows)
            bulk_insert(conn, EVENTS.name, EVENT_COLUMNS, events)
        inserted += len(reports)
        if progress is not None:
            progress(inserted)
    return inserted


def seed_city(
    engine: Engine,
    count: int,
    seed: int = 7,
    now: datetime | None = None,
    *,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Fill an empty database with `count` generated reports; returns how many were added.

    A database that already holds reports is left alone unless `replace` is true. A large
    city on PostgreSQL takes the bulk path of console.central.seed_pg (same reports).
    """
    from console.central.demo.generate import generate_reports

    with write_transaction(engine) as conn:
        if replace:
            for table in (EventRow, MediaRow, IdempotencyRow, ReportRow):
                conn.execute(delete(table))
        elif conn.execute(select(func.count()).select_from(ReportRow)).scalar_one():
            return 0
    now = now or utcnow()
    if engine.dialect.name == "postgresql" and count >= BULK_FROM:
        from console.central.seed_pg import seed_postgres

        return seed_postgres(engine, count, seed, now, progress)
    return insert_reports(engine, generate_reports(count, seed=seed, now=now), progress)


def seed_demo(
    target: Engine | str,
    count: int,
    seed: int = 7,
    now: datetime | None = None,
    *,
    replace: bool = False,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Seed the demo city into an engine or a database URL (see `seed_city`)."""
    engine = make_engine(target) if isinstance(target, str) else target
    try:
        return seed_city(engine, count, seed, now, replace=replace, progress=progress)
    finally:
        if isinstance(target, str):
            engine.dispose()
