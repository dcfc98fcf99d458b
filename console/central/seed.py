"""Filling the central database with the demo city in bulk (Core inserts, chunked)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, select

from console.central.db import (
    EventRow,
    IdempotencyRow,
    MediaRow,
    ReportRow,
    UtcDateTime,
    make_engine,
    next_seq,
    write_transaction,
)
from console.domain.model import Status, Urgency, parse_time, utcnow
from console.domain.wire import InvalidRecord

CHUNK = 5_000
#: From this many reports a PostgreSQL seed generates in a child process and copies in bulk.
BULK_FROM = 20_000
REPORTS: Table = ReportRow.__table__  # type: ignore[assignment]
EVENTS: Table = EventRow.__table__  # type: ignore[assignment]


def _chunks(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
EVENT_COLUMNS = (
    "report_id",
    "at",
    "actor",
    "role",
    "action",
    "from_status",
    "to_status",
    "payload",
)
REPORT_COLUMNS = (*(c.name for c in REPORTS.columns if c.name != "seq"), "seq")
TIME_COLUMNS = frozenset(c.name for c in REPORTS.columns if isinstance(c.type, UtcDateTime))
StoreTime = Callable[[str | None], Any]


def _sqlite_time(value: str | None) -> str | None:
    """A wire time in SQLAlchemy's SQLite text form of a naive UTC time."""
    moment = parse_time(value)
    if moment is None:
        return None
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _naive_time(value: str | None) -> datetime | None:
    moment = parse_time(value)
    return None if moment is None else moment.replace(tzinfo=None)


_DEFAULTS: dict[str, Any] = {
    "description": "",
    "address": "",
    "channel": "app",
    "version": 1,
    "escalation_level": 0,
    "merged_count": 0,
    "extended": False,
    "views": 0,
}
_STATUSES = frozenset(s.value for s in Status)
_URGENCIES = frozenset(u.value for u in Urgency)


def _report_row(record: dict[str, Any], store_time: StoreTime) -> list[Any]:
    """REPORT_COLUMNS (without seq) straight from the wire form: the bulk path trusts its
    source (the demo generator) beyond the checks that would corrupt the table."""
    report_id = record.get("id")
    if type(report_id) is not int or report_id <= 0:
        raise InvalidRecord("id: missing or not positive")
    if record.get("status") not in _STATUSES or record.get("urgency") not in _URGENCIES:
        raise InvalidRecord(f"report {report_id}: unknown status or urgency")
    reporter = record.get("reporter") or {}
    row: list[Any] = []
    for column in REPORT_COLUMNS[:-1]:
        if column in TIME_COLUMNS:
            row.append(store_time(record.get(column)))
        elif column == "media":
            row.append(_encode(record.get("media") or []))
        elif column.startswith("reporter_"):
            row.append(reporter.get(column.removeprefix("reporter_")))
        else:
            value = record.get(column)
            row.append(_DEFAULTS.get(column) if value is None else value)
    return row


def _event_row(data: dict[str, Any], store_time: StoreTime) -> tuple[Any, ...]:
    """One history event from its wire form (Event.to_json), as EVENT_COLUMNS."""
    return (
        int(data["report_id"]),
        store_time(data["at"]),
        str(data["actor"]),
        str(data["role"]),
        str(data["action"]),
        str(data["from_status"]),
        str(data["to_status"]),
        _encode(data.get("payload") or {}),
    )


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
    store_time: StoreTime = _naive_time if engine.dialect.name == "postgresql" else _sqlite_time
    inserted = 0
    for chunk in _chunks(records, CHUNK):
        reports: list[list[Any]] = []
        events: list[tuple[Any, ...]] = []
        for record in chunk:
            reports.append(_report_row(record, store_time))
            events.extend(_event_row(e, store_time) for e in record.get("events") or ())
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
