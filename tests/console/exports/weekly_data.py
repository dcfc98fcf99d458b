"""Generated demo reports plus hand-made ones on the edges of the weeks under test."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from console.central.demo.generate import generate_reports
from console.domain.wire import report_from_json
from console.store import Cache

NOW = datetime(2026, 11, 25, 5, 0, tzinfo=UTC)
GENERATED = 3_000
#: 2026-W47: Monday 16/11 00:00 to Monday 23/11 00:00 Vietnam time.
W47_START, W47_END = "2026-11-15T17:00:00Z", "2026-11-22T17:00:00Z"
#: 2026-W08, the Tết week (Tết: Tuesday 17/02/2026; ISO week 8, not 7).
W08_START, W08_END = "2026-02-15T17:00:00Z", "2026-02-22T17:00:00Z"


def wire(report_id: int, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": report_id,
        "code": f"PA-TEST-{report_id}",
        "title": f"Phản ánh mẫu {report_id}, gọi 0905123456",
        "description": "Mô tả",
        "category": "environment",
        "urgency": "normal",
        "status": "in_progress",
        "ward": "phu-xuan",
        "lat": 16.47,
        "lon": 107.58,
        "address": "Huế",
        "channel": "hotline",
        "created_at": "2026-11-18T02:00:00Z",
        "updated_at": "2026-11-18T03:00:00Z",
        "unit": "so-xay-dung",
        "deadline": "2026-11-27T10:00:00Z",
    }
    data.update(changes)
    return data


#: Hand-made reports, each crossing an edge the weekly figures must respect.
EDGES = [
    # Sunday 22/11 23:59:59 Vietnam time: in W47; Monday 23/11 00:00: not.
    wire(900_001, created_at="2026-11-22T16:59:59Z", updated_at="2026-11-22T16:59:59Z"),
    wire(900_002, created_at="2026-11-22T17:00:00Z", updated_at="2026-11-22T17:00:00Z"),
    # Monday 16/11 00:00: in W47; a millisecond earlier: not.
    wire(900_003, created_at="2026-11-15T17:00:00Z", status="new", unit=None, deadline=None),
    wire(900_004, created_at="2026-11-15T16:59:59.999Z", status="new", unit=None, deadline=None),
    # Resolved Sunday 23:59:59 after its deadline: handled late in W47.
    wire(
        900_005,
        created_at="2026-11-02T02:00:00Z",
        deadline="2026-11-20T10:00:00Z",
        status="resolved",
        resolved_at="2026-11-22T16:59:59Z",
        updated_at="2026-11-22T16:59:59Z",
    ),
    # Resolved Monday 00:00: not handled in W47, still outstanding (and overdue) at its end.
    wire(
        900_006,
        created_at="2026-11-02T02:00:00Z",
        deadline="2026-11-20T10:00:00Z",
        status="resolved",
        resolved_at="2026-11-22T17:00:00Z",
        updated_at="2026-11-22T17:00:00Z",
    ),
    # Extended and resolved in time; resolved a millisecond after an extended deadline: late.
    wire(
        900_007,
        status="published",
        extended=True,
        deadline="2026-11-21T10:00:00Z",
        resolved_at="2026-11-21T09:00:00.500000Z",
        updated_at="2026-11-21T09:30:00Z",
    ),
    wire(
        900_008,
        status="resolved",
        extended=True,
        deadline="2026-11-21T10:00:00Z",
        resolved_at="2026-11-21T10:00:00.001000Z",
        updated_at="2026-11-21T10:30:00Z",
    ),
    # Former district and former ward, received in W47.
    wire(900_009, ward="huyen-phu-vang", channel="email"),
    wire(900_010, ward="phuong-phu-hoi", channel="email", category="roads"),
    # Rejected as a complaint; rated 5 (closed) in W47.
    wire(900_011, status="rejected", reject_reason="complaint", unit=None, deadline=None),
    wire(
        900_012,
        created_at="2026-11-09T02:00:00Z",
        status="closed",
        rating=5,
        resolved_at="2026-11-12T02:00:00Z",
        updated_at="2026-11-19T02:00:00Z",
    ),
    # Overdue at the end of the Tết week: deadlines Thursday 12/02 and Friday 13/02 17:00.
    wire(
        900_013,
        created_at="2026-02-02T02:00:00Z",
        updated_at="2026-02-03T02:00:00Z",
        deadline="2026-02-12T10:00:00Z",
        unit="cap-nuoc-hue",
        escalation_level=2,
    ),
    wire(
        900_014,
        created_at="2026-02-02T02:00:00Z",
        updated_at="2026-02-03T02:00:00Z",
        deadline="2026-02-13T10:00:00Z",
        unit="cap-nuoc-hue",
    ),
    wire(900_015, created_at="2026-02-18T02:00:00Z", updated_at="2026-02-18T02:00:00Z"),
]


def fill(cache: Cache, count: int) -> None:
    reports = []
    for raw in generate_reports(count, seed=11, now=NOW):
        raw.pop("events", None)
        reports.append(report_from_json(raw))
    reports.extend(report_from_json(raw) for raw in EDGES)
    cache.upsert_reports(reports)
