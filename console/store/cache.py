"""The workstation's local cache of reports: fast queue reads, bulk upserts from sync.

Everything here can be rebuilt from the server, so a damaged file is moved aside and a fresh
one created (then `needs_resync` is True). Writers are serialised by a lock within the process
and by SQLite's busy timeout across processes; readers never wait on writers (WAL).

The integrity check reads the whole file (seconds at 200,000 reports), so it runs only when
the file may have changed since this software last closed it (console.store.clean_close).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, bindparam, delete, func, insert, literal, select
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from console.domain.duplicates import bbox_around
from console.domain.model import Event, Report, parse_time, utcnow
from console.domain.wire import report_from_json
from console.store.clean_close import note_clean_close, unchanged_since_close
from console.store.db import DamagedDatabase, move_aside, open_engine
from console.store.migrations import CACHE_MIGRATIONS
from console.store.page_rows import REPLACE_SQL, UPSERT_SQL, in_sql_order
from console.store.records import (
    QUEUE_COLUMNS,
    AuditRecord,
    CacheCounts,
    QuarantineEntry,
    QueueRow,
    Row,
    event_from_json,
    queue_rows,
    raw_report_id,
    report_row,
    stamp,
    truncated_raw,
)
from console.store.reference_copy import CACHE_FILE, REFERENCE_KEY
from console.store.schema import (
    AuditEntry,
    CachedReport,
    HistoryEvent,
    Meta,
    QuarantinedRecord,
)

#: Rows converted per driver fetch when the queue is read.
QUEUE_BATCH = 5_000
#: Meta keys: the central database's id; the revision a running rebuild started from; the
#: revision the last rebuild ended at.
DATABASE_KEY = "central_database"
REBUILD_KEY = "rebuild_from"
REBUILT_KEY = "rebuilt_at"

_REPORTS = cast(Table, CachedReport.__table__)
_META = cast(Table, Meta.__table__)
_HISTORY = cast(Table, HistoryEvent.__table__)
_QUEUE_SELECT = select(*(_REPORTS.c[name] for name in QUEUE_COLUMNS))
#: The queue read runs on the driver cursor: one fetchall of plain tuples, no Row objects.
_QUEUE_SQL = str(_QUEUE_SELECT.compile(dialect=sqlite_dialect()))
#: The same rows with every search key empty: a full load reads the keys on their own.
_QUEUE_KEYLESS_SQL = str(
    select(
        *(literal("").label(n) if n == "search_key" else _REPORTS.c[n] for n in QUEUE_COLUMNS)
    ).compile(dialect=sqlite_dialect(), compile_kwargs={"literal_binds": True})
)
_QUEUE_SINCE_SQL = str(
    _QUEUE_SELECT.where(_REPORTS.c.rev > bindparam("rev")).compile(dialect=sqlite_dialect())
)


class Cache:
    def __init__(self, engine: Engine, path: Path, rebuilt_from: Path | None = None) -> None:
        self._engine = engine
        self.path = path
        #: Where the damaged file went when this cache was rebuilt at open.
        self.rebuilt_from = rebuilt_from
        self._write_lock = threading.Lock()
        self._closed = False

    @property
    def needs_resync(self) -> bool:
        """True when the file was rebuilt at open: everything must come again from the server."""
        return self.rebuilt_from is not None

    def close(self) -> None:
        self._engine.dispose()
        if not self._closed:
            self._closed = True
            note_clean_close(self.path)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._write_lock, self._engine.begin() as conn:
            yield conn

    # -- meta ---------------------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        with self._engine.connect() as conn:
            return _meta_in(conn, key)

    @staticmethod
    def _set_meta(conn: Connection, key: str, value: str) -> None:
        stmt = sqlite_insert(_META).values(key=key, value=value)
        conn.execute(
            stmt.on_conflict_do_update(index_elements=[_META.c.key], set_={"value": value})
        )

    def cursor(self) -> str | None:
        return self._meta("cursor")

    def database(self) -> str | None:
        """The id of the central database the cursor belongs to (None: not known yet)."""
        return self._meta(DATABASE_KEY)

    def revision(self) -> int:
        """A local change counter: rows written after revision N have `rev` > N."""
        return int(self._meta("revision") or 0)

    def set_reference(self, data: dict[str, Any]) -> None:
        with self._writing() as conn:
            self._set_meta(conn, REFERENCE_KEY, json.dumps(data, ensure_ascii=False))

    def reference_json(self) -> dict[str, Any] | None:
        raw = self._meta(REFERENCE_KEY)
        return None if raw is None else dict(json.loads(raw))

    # -- writes from sync ---------------------------------------------------------------

    def upsert_page(
        self,
        reports: Sequence[Report],
        raw_bad: Sequence[tuple[Any, str]],
        next_cursor: str | None,
        *,
        raw_good: Sequence[dict[str, Any]] | None = None,
        database: str | None = None,
    ) -> int:
        """`store_rows` for Reports; `raw_good[i]` is the wire record of `reports[i]`, kept as
        is (None: the Report's own JSON)."""
        rows = [
            report_row(report, raw_good[i] if raw_good is not None else None)
            for i, report in enumerate(reports)
        ]
        return self.store_rows(rows, raw_bad, next_cursor, database=database)

    def store_rows(
        self,
        rows: Sequence[Row],
        raw_bad: Sequence[tuple[Any, str]],
        next_cursor: str | None,
        *,
        database: str | None = None,
    ) -> int:
        """Store one page in one transaction: upsert `rows` (ROW_COLUMNS of validated records;
        a stored row is replaced only by an equal or newer version, by any version during a
        rebuild), quarantine `raw_bad` with their reasons, and advance the cursor (None keeps
        it) and the database id (None keeps it). Returns the new revision."""
        with self._writing() as conn:
            rev = int(_meta_in(conn, "revision") or 0) + 1
            if rows:
                rebuilding = _meta_in(conn, REBUILD_KEY) is not None
                conn.exec_driver_sql(
                    REPLACE_SQL if rebuilding else UPSERT_SQL,
                    [in_sql_order((*row, rev)) for row in rows],
                )
            if raw_bad:
                now = stamp(utcnow())
                conn.execute(
                    insert(QuarantinedRecord),
                    [
                        {
                            "report_id": raw_report_id(raw),
                            "reason": reason,
                            "raw": truncated_raw(raw),
                            "received_at": now,
                        }
                        for raw, reason in raw_bad
                    ],
                )
            self._set_meta(conn, "revision", str(rev))
            if next_cursor is not None:
                self._set_meta(conn, "cursor", next_cursor)
            if database is not None:
                self._set_meta(conn, DATABASE_KEY, database)
        return rev

    def start_rebuild(self, database: str | None) -> None:
        """The central's history is not the one the cache followed (a restore, another
        database): forget the cursor and the histories; every report held now is stale until
        the server sends it again (`finish_rebuild` drops the rest). The outbox is untouched."""
        with self._writing() as conn:
            conn.execute(delete(_META).where(_META.c.key == "cursor"))
            conn.execute(delete(_HISTORY))
            self._set_meta(conn, REBUILD_KEY, str(_meta_in(conn, "revision") or 0))
            if database is not None:
                self._set_meta(conn, DATABASE_KEY, database)

    def rebuilding(self) -> bool:
        return self._meta(REBUILD_KEY) is not None

    def finish_rebuild(self) -> int:
        """The server has sent everything: drop the reports it did not send; returns how many.
        A queue merging changes since an earlier revision must then load everything."""
        with self._writing() as conn:
            stale = _meta_in(conn, REBUILD_KEY)
            if stale is None:
                return 0
            gone = conn.execute(delete(_REPORTS).where(_REPORTS.c.rev <= int(stale))).rowcount
            rev = int(_meta_in(conn, "revision") or 0) + 1
            self._set_meta(conn, "revision", str(rev))
            self._set_meta(conn, REBUILT_KEY, str(rev))
            conn.execute(delete(_META).where(_META.c.key == REBUILD_KEY))
        return int(gone)

    def rebuilt_since(self, revision: int) -> bool:
        """True when a rebuild dropped reports after `revision`: changed rows alone miss that."""
        return int(self._meta(REBUILT_KEY) or 0) > revision

    def upsert_reports(self, reports: Sequence[Report]) -> int:
        """Store reports the server returned outside a change feed (action answers, detail)."""
        return self.upsert_page(reports, [], None)

    def store_history(self, report_id: int, events: Sequence[Event]) -> None:
        """Replace the cached history of a report already in the cache."""
        with self._writing() as conn:
            conn.execute(delete(HistoryEvent).where(HistoryEvent.report_id == report_id))
            if events:
                conn.execute(
                    insert(HistoryEvent),
                    [
                        {
                            "report_id": report_id,
                            "data": json.dumps(e.to_json(), ensure_ascii=False),
                        }
                        for e in events
                    ],
                )

    def audit(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        with self._writing() as conn:
            conn.execute(
                insert(AuditEntry).values(
                    at=stamp(utcnow()),
                    actor=actor,
                    action=action,
                    detail=json.dumps(detail, ensure_ascii=False, default=str),
                )
            )

    # -- reads ----------------------------------------------------------------------------

    def _read_queue(self, sql: str, params: tuple[Any, ...] = ()) -> list[QueueRow]:
        """Reads on the driver cursor in batches: only one batch of raw tuples (and their
        strings) is alive at a time, which keeps a 200,000-row read from doubling its peak."""
        rows: list[QueueRow] = []
        titles: dict[str, str] = {}
        with self._engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.execute(sql, params)
                while batch := cursor.fetchmany(QUEUE_BATCH):
                    rows.extend(queue_rows(batch, titles))
            finally:
                cursor.close()
        return rows

    def load_queue_rows(self, *, keys: bool = True) -> list[QueueRow]:
        """Every row; with `keys` False their search keys are empty (see `search_keys`)."""
        return self._read_queue(_QUEUE_SQL if keys else _QUEUE_KEYLESS_SQL)

    def search_keys(self) -> dict[int, str]:
        """Every report's search key by id. Read apart from the rows, the keys fill memory
        of their own, which is given back whole once they are copied in queue order
        (console.store.search_index) and dropped; read with the rows, they would leave
        holes among them."""
        with self._engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                return dict(cursor.execute("SELECT id, search_key FROM reports"))
            finally:
                cursor.close()

    def load_queue_rows_in(self, statuses: Collection[str]) -> list[QueueRow]:
        """Rows in these statuses only (the status index): a view's first screen."""
        marks = ", ".join("?" for _ in statuses)
        return self._read_queue(f"{_QUEUE_SQL} WHERE reports.status IN ({marks})", tuple(statuses))

    def load_queue_rows_since(self, revision: int) -> list[QueueRow]:
        """Rows written after `revision` (a value of `revision()` read earlier)."""
        return self._read_queue(_QUEUE_SINCE_SQL, (revision,))

    def known_ids(self, report_ids: Sequence[int]) -> set[int]:
        """Which of these reports the cache holds already (the rest are new to it)."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(_REPORTS.c.id).where(_REPORTS.c.id.in_(list(report_ids))))
            return {int(row.id) for row in rows}

    def get_report(self, report_id: int) -> Report | None:
        with self._engine.connect() as conn:
            raw = conn.execute(select(_REPORTS.c.data).where(_REPORTS.c.id == report_id)).scalar()
        return None if raw is None else report_from_json(json.loads(raw))

    def get_reports(self, report_ids: Sequence[int]) -> dict[int, Report]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(_REPORTS.c.id, _REPORTS.c.data).where(_REPORTS.c.id.in_(list(report_ids)))
            )
            return {row.id: report_from_json(json.loads(row.data)) for row in rows}

    def get_history(self, report_id: int) -> list[Event]:
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(HistoryEvent.data)
                .where(HistoryEvent.report_id == report_id)
                .order_by(HistoryEvent.id)
            ).scalars()
            return [event_from_json(json.loads(raw)) for raw in rows]

    def find_nearby(
        self, lat: float, lon: float, radius_m: float, since: datetime, until: datetime
    ) -> list[Report]:
        """Reports created in [since, until] inside the box around (lat, lon): candidates
        for the domain's exact duplicate check."""
        box = bbox_around(lat, lon, radius_m)
        stmt = select(_REPORTS.c.data).where(
            _REPORTS.c.lat.between(box.min_lat, box.max_lat),
            _REPORTS.c.lon.between(box.min_lon, box.max_lon),
            _REPORTS.c.created_at.between(stamp(since), stamp(until)),
        )
        with self._engine.connect() as conn:
            return [report_from_json(json.loads(raw)) for raw in conn.execute(stmt).scalars()]

    def counts(self) -> CacheCounts:
        with self._engine.connect() as conn:
            reports = conn.execute(select(func.count()).select_from(_REPORTS)).scalar() or 0
            bad = conn.execute(select(func.count()).select_from(QuarantinedRecord)).scalar() or 0
        return CacheCounts(reports=reports, quarantined=bad)

    def quarantined(self) -> list[QuarantineEntry]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(QuarantinedRecord.__table__).order_by(QuarantinedRecord.id))
            return [
                QuarantineEntry(
                    id=row.id,
                    report_id=row.report_id,
                    reason=row.reason,
                    raw=row.raw,
                    received_at=parse_time(row.received_at) or utcnow(),
                )
                for row in rows
            ]

    def audit_entries(self) -> list[AuditRecord]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(AuditEntry.__table__).order_by(AuditEntry.id))
            return [
                AuditRecord(
                    id=row.id,
                    at=parse_time(row.at) or utcnow(),
                    actor=row.actor,
                    action=row.action,
                    detail=json.loads(row.detail),
                )
                for row in rows
            ]


def _meta_in(conn: Connection, key: str) -> str | None:
    return conn.execute(select(_META.c.value).where(_META.c.key == key)).scalar()


def open_cache(data_dir: Path) -> Cache:
    """Open (or create) data_dir/cache.sqlite3; a damaged or unmigratable file is moved aside
    as cache.sqlite3.broken-<stamp> and replaced by an empty cache."""
    path = data_dir / CACHE_FILE
    try:
        return Cache(
            open_engine(path, CACHE_MIGRATIONS, check=not unchanged_since_close(path)), path
        )
    except DamagedDatabase:
        moved = move_aside(path)
        return Cache(open_engine(path, CACHE_MIGRATIONS), path, rebuilt_from=moved)
