"""Reports on the edges the period reports must respect (year, quarter, Tết), added to the
weekly test data, and a small hand-made city for the commendation rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from console.domain.calendar import load_calendar
from console.domain.wire import report_from_json
from console.store import Cache
from tests.console.exports.weekly_data import wire

#: After every period under test: each is complete.
NOW = datetime(2027, 1, 5, 3, 0, tzinfo=UTC)
#: Friday 13/02/2026 09:00 Huế, the last working day before Tết (Tuesday 17/02/2026).
TET_CREATED = datetime(2026, 2, 13, 2, 0, tzinfo=UTC)


def _z(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _tet_report(report_id: int, resolved: datetime) -> dict[str, Any]:
    """Due 3 working days after Friday 13/02 by the SLA clock: Wednesday 25/02, not 16/02."""
    deadline = load_calendar().add_working_days(TET_CREATED, 3)
    return wire(
        report_id,
        created_at=_z(TET_CREATED),
        deadline=_z(deadline),
        status="resolved",
        resolved_at=_z(resolved),
        updated_at=_z(resolved),
        unit="cap-nuoc-hue",
        ward="vy-da",
    )


EDGES = [
    # 31/12 23:59:59 Huế is in 2026 (Q4, December); 01/01/2027 00:00 is not.
    wire(910_001, created_at="2026-12-31T16:59:59.999Z", updated_at="2026-12-31T16:59:59.999Z"),
    wire(910_002, created_at="2026-12-31T17:00:00Z", updated_at="2026-12-31T17:00:00Z"),
    # The last moment of Q3 (30/09 23:59:59 Huế), the first of Q4; resolved on the edges too.
    wire(
        910_003,
        created_at="2026-09-30T16:59:59Z",
        updated_at="2026-09-30T16:59:59Z",
        deadline="2026-10-05T10:00:00Z",
        status="resolved",
        resolved_at="2026-09-30T16:59:59Z",
    ),
    wire(
        910_004,
        created_at="2026-09-30T17:00:00Z",
        updated_at="2026-09-30T17:00:00Z",
        deadline="2026-10-05T10:00:00Z",
        status="resolved",
        resolved_at="2026-09-30T17:00:00Z",
    ),
    # Rated 5 on 31/12 at 23:30 Huế: a 2026 rating.
    wire(
        910_005,
        created_at="2026-12-20T02:00:00Z",
        status="closed",
        rating=5,
        deadline="2026-12-28T10:00:00Z",
        resolved_at="2026-12-22T02:00:00Z",
        updated_at="2026-12-31T16:30:00Z",
    ),
    # Across Tết: resolved 11 days after it came in, yet on time by the SLA clock; and one
    # resolved after the SLA deadline.
    _tet_report(910_006, datetime(2026, 2, 24, 8, 0, tzinfo=UTC)),
    _tet_report(910_007, datetime(2026, 2, 24, 9, 0, tzinfo=UTC)),
    _tet_report(910_008, datetime(2026, 2, 26, 3, 0, tzinfo=UTC)),
]


def add_edges(cache: Cache) -> None:
    cache.upsert_reports([report_from_json(raw) for raw in EDGES])


def _handled(
    report_id: int, unit: str, ward: str, created: datetime, *, late: bool, rating: int | None
) -> dict[str, Any]:
    resolved = created + timedelta(days=1)
    deadline = created + timedelta(hours=12 if late else 72)
    return wire(
        report_id,
        created_at=_z(created),
        deadline=_z(deadline),
        status="closed" if rating else "resolved",
        resolved_at=_z(resolved),
        updated_at=_z(resolved + timedelta(hours=2)),
        rating=rating,
        unit=unit,
        ward=ward,
    )


def commendation_city(cache: Cache) -> None:
    """November 2026 (and October before it), one unit per ward:

    - so-xay-dung (Phú Xuân): 20 on time, rated 5; October 10 on time: proposed.
    - cap-nuoc-hue (Thuận Hóa): 19 on time + 1 late (95%), rated 4; October 100%: worse.
    - so-du-lich (Kim Long): 19 on time, rated 5: too few.
    - so-tai-chinh (Kim Long): 20 on time, ten rated 3 and ten 5 (4.0); no October: proposed.
    """
    rows: list[dict[str, Any]] = []
    nov = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    octo = datetime(2026, 10, 5, 2, 0, tzinfo=UTC)
    n = 920_000

    def add(unit: str, ward: str, start: datetime, count: int, **kw: Any) -> None:
        nonlocal n
        for i in range(count):
            n += 1
            rating = kw["rating"](i) if callable(kw.get("rating")) else kw.get("rating")
            late = kw.get("late", lambda _i: False)(i)
            rows.append(
                _handled(n, unit, ward, start + timedelta(hours=5 * i), late=late, rating=rating)
            )

    add("so-xay-dung", "phu-xuan", nov, 20, rating=5)
    add("so-xay-dung", "phu-xuan", octo, 10)
    add("cap-nuoc-hue", "thuan-hoa", nov, 20, rating=4, late=lambda i: i == 0)
    add("cap-nuoc-hue", "thuan-hoa", octo, 10)
    add("so-du-lich", "kim-long", nov, 19, rating=5)
    add("so-tai-chinh", "kim-long", nov, 20, rating=lambda i: 3 if i < 10 else 5)
    cache.upsert_reports([report_from_json(raw) for raw in rows])
