"""Plain values that leave the store, and the conversions between them and stored rows."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from console.domain.model import ActionType, Event, Report, Role, Status, parse_time
from console.domain.text import fold_words
from console.domain.wire import InvalidRecord

#: How much of a bad record's JSON is kept in quarantine.
RAW_LIMIT = 4_000


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One line of the operator's queue: what the list shows, sorts and searches on."""

    id: int
    code: str
    created_at: datetime
    category: str
    ward: str
    title: str
    status: str
    unit: str | None
    deadline: datetime | None
    urgency: str
    escalation_level: int
    lat: float | None
    lon: float | None
    duplicate_of: int | None
    merged_count: int
    rating: int | None
    search_key: str
    updated_at: datetime
    version: int


@dataclass(frozen=True, slots=True)
class CacheCounts:
    reports: int
    quarantined: int


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    id: int
    report_id: int | None
    reason: str
    raw: str
    received_at: datetime


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


def stamp(value: datetime) -> str:
    """Fixed-width UTC text ("2025-10-01T08:00:00.000000Z"), so stored times sort as text."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")[:26] + "Z"


def stamp_or_none(value: datetime | None) -> str | None:
    return None if value is None else stamp(value)


def search_key(report: Report) -> str:
    """The folded words of code, title, description (start) and address, each word once.

    A search token never contains a space, so it matches the text exactly when it matches
    one of its words: repeated words only cost memory (200,000 keys stay in memory).
    """
    return search_key_of(report.code, report.title, report.description, report.address)


def search_key_of(code: str, title: str, description: str, address: str) -> str:
    return " ".join(dict.fromkeys(fold_words(f"{code} {title} {description[:500]} {address}")))


#: The wire record as stored: the same text json.dumps(record, ensure_ascii=False) makes,
#: without building an encoder per record (parsed JSON holds no cycles to look for).
encode_record = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode

#: A cache row as the bulk upsert takes it: these columns in this order, `rev` added when
#: the page is stored.
ROW_COLUMNS = (
    "id",
    "code",
    "created_at",
    "updated_at",
    "category",
    "ward",
    "title",
    "status",
    "unit",
    "deadline",
    "urgency",
    "escalation_level",
    "lat",
    "lon",
    "duplicate_of",
    "merged_count",
    "rating",
    "version",
    "search_key",
    "data",
)

Row = tuple[Any, ...]


def report_row(report: Report, raw: dict[str, Any] | None) -> Row:
    """The cache row of one report (ROW_COLUMNS); `raw` is its validated wire record."""
    return (
        report.id,
        report.code,
        stamp(report.created_at),
        stamp(report.updated_at),
        report.category,
        report.ward,
        report.title,
        report.status.value,
        report.unit,
        stamp_or_none(report.deadline),
        report.urgency.value,
        report.escalation_level,
        report.lat,
        report.lon,
        report.duplicate_of,
        report.merged_count,
        report.rating,
        report.version,
        search_key(report),
        encode_record(raw if raw is not None else report.to_json()),
    )


def queue_rows(
    rows: Iterable[Sequence[Any]], titles: dict[str, str] | None = None
) -> list[QueueRow]:
    """QueueRows from selected tuples in the column order of QUEUE_COLUMNS. Stored times are
    fixed-format UTC stamps, so `datetime.fromisoformat` alone reads them (one C call).

    Codes (category, ward, status, unit, urgency) are interned and equal titles shared: the
    driver makes a new string for every value, and 200,000 rows repeat a few hundred codes.
    `titles` carries the shared titles from one batch of a read to the next.
    """
    iso = datetime.fromisoformat
    intern = sys.intern
    title = (titles if titles is not None else {}).setdefault
    return [
        QueueRow(
            r[0],
            r[1],
            iso(r[2]),
            intern(r[3]),
            intern(r[4]),
            title(r[5], r[5]),
            intern(r[6]),
            None if r[7] is None else intern(r[7]),
            None if r[8] is None else iso(r[8]),
            intern(r[9]),
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
            r[15],
            r[16],
            iso(r[17]),
            r[18],
        )
        for r in rows
    ]


#: The columns a queue read selects, in QueueRow's order (`queue_rows` reads them by place).
QUEUE_COLUMNS = tuple(f.name for f in fields(QueueRow))


def truncated_raw(raw: Any) -> str:
    try:
        text = json.dumps(raw, ensure_ascii=False, default=repr)
    except (TypeError, ValueError):
        text = repr(raw)
    return text[:RAW_LIMIT]


def raw_report_id(raw: Any) -> int | None:
    if isinstance(raw, dict):
        value = raw.get("id")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def event_from_json(data: Any) -> Event:
    """Validate one history line from the wire (GET /reports/{id})."""
    if not isinstance(data, dict):
        raise InvalidRecord("event: not an object")
    try:
        at = parse_time(data.get("at"))
        if at is None:
            raise InvalidRecord("event.at: missing")
        payload = data.get("payload") or {}
        if not isinstance(payload, dict):
            raise InvalidRecord("event.payload: not an object")
        return Event(
            report_id=int(data["report_id"]),
            at=at,
            actor=str(data.get("actor") or ""),
            role=Role(str(data.get("role"))),
            action=ActionType(str(data.get("action"))),
            from_status=Status(str(data.get("from_status"))),
            to_status=Status(str(data.get("to_status"))),
            payload=payload,
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, InvalidRecord):
            raise
        raise InvalidRecord(f"event: {exc}") from exc
