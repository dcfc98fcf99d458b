"""Demo reports in wire form turned into table rows, for the bulk seeds (console.central.seed
and, on PostgreSQL, console.central.seed_pg): trusted input, only the checks that would
otherwise corrupt the table."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Table

from console.central.db import EventRow, ReportRow, UtcDateTime
from console.domain.model import Status, Urgency, parse_time
from console.domain.wire import InvalidRecord

CHUNK = 5_000
REPORTS: Table = ReportRow.__table__  # type: ignore[assignment]
EVENTS: Table = EventRow.__table__  # type: ignore[assignment]


def chunks(items: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
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


def sqlite_time(value: str | None) -> str | None:
    """A wire time in SQLAlchemy's SQLite text form of a naive UTC time."""
    moment = parse_time(value)
    if moment is None:
        return None
    return moment.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def naive_time(value: str | None) -> datetime | None:
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


def report_row(record: dict[str, Any], store_time: StoreTime) -> list[Any]:
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


def event_row(data: dict[str, Any], store_time: StoreTime) -> tuple[Any, ...]:
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
