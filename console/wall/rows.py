"""The few columns of a report the wall needs, read straight from the cache's table.

The queue's rows (console.store.QueueRow) lack the result's time and the extension flag that
"handled" and "on time" are defined by, so the wall reads its own narrow rows: all that can
count this week (last updated since Monday) or become overdue (at a unit) once, then only
the rows written after a cache revision (the `rev` index).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.lateness import OVERDUE_STATUSES, is_overdue
from console.store import Cache
from console.store.records import stamp

_COLUMNS = (
    "id, created_at, updated_at, status, unit, ward, category, title, deadline, lat, lon,"
    " rating, json_extract(data, '$.resolved_at'), json_extract(data, '$.extended'),"
    " json_extract(data, '$.reporter.name')"
)
_AT_UNIT = ", ".join(f"'{s.value}'" for s in sorted(OVERDUE_STATUSES))
_TRACKED_SQL = f"SELECT {_COLUMNS} FROM reports WHERE updated_at >= ? OR status IN ({_AT_UNIT})"
_SINCE_SQL = f"SELECT {_COLUMNS} FROM reports WHERE rev > ?"
_SPAN_SQL = f"SELECT {_COLUMNS} FROM reports WHERE updated_at >= ? AND created_at < ?"


@dataclass(frozen=True, slots=True)
class WallRow:
    id: int
    created_at: datetime
    updated_at: datetime
    status: str
    unit: str | None
    ward: str
    category: str
    title: str
    deadline: datetime | None
    lat: float | None
    lon: float | None
    rating: int | None
    resolved_at: datetime | None
    extended: bool
    #: Known only in an operator's cache (a wall account's has no reporters): masked in texts.
    reporter_name: str | None

    def overdue(self, now: datetime) -> bool:
        return is_overdue(self.status, self.deadline, now)

    @property
    def on_time(self) -> bool:
        """console.exports.briefing.figures.is_on_time's rule, on these columns."""
        if self.resolved_at is None:
            return False
        if self.deadline is None:
            return True
        return self.resolved_at <= self.deadline and not self.extended

    @property
    def at_unit(self) -> bool:
        return self.status in OVERDUE_STATUSES


def _time(raw: str | None) -> datetime | None:
    return None if raw is None else datetime.fromisoformat(raw)


def _row(values: Sequence[Any]) -> WallRow:
    (rid, created, updated, status, unit, ward, category, title, deadline, lat, lon, rating) = (
        values[:12]
    )
    return WallRow(
        id=int(rid),
        created_at=datetime.fromisoformat(created),
        updated_at=datetime.fromisoformat(updated),
        status=status,
        unit=unit,
        ward=ward,
        category=category,
        title=title,
        deadline=_time(deadline),
        lat=lat,
        lon=lon,
        rating=rating,
        resolved_at=_time(values[12]),
        extended=bool(values[13]),
        reporter_name=values[14],
    )


def _read(cache: Cache, sql: str, params: tuple[Any, ...]) -> list[WallRow]:
    # The store exposes no public engine; readers outside it use the cache's own (as exports do).
    with cache._engine.connect() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            return [_row(values) for values in cursor.execute(sql, params)]
        finally:
            cursor.close()


def tracked_rows(cache: Cache, since: datetime) -> list[WallRow]:
    """Rows last updated at or after `since`, and every row at a unit (it may be or become
    overdue): all the wall keeps in memory."""
    return _read(cache, _TRACKED_SQL, (stamp(since),))


def rows_since(cache: Cache, revision: int) -> list[WallRow]:
    """Rows written after `revision` (a value of `cache.revision()` read earlier)."""
    return _read(cache, _SINCE_SQL, (revision,))


def span_rows(cache: Cache, start: datetime, end: datetime) -> list[WallRow]:
    """Rows that may count in [start, end): created before its end and updated since its
    start (a result or a rating updates the report), as the briefing's loader reads them."""
    return _read(cache, _SPAN_SQL, (stamp(start), stamp(end)))
