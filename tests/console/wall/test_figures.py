"""The wall's figures, markers and panels against independent sqlite3 counts of the cache."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import product
from typing import Any

import pytest

from console.domain.model import Report, Status
from console.store import Cache
from console.store.overdue import unit_performance
from console.wall.figures import IMPROVED_NOTE
from console.wall.state import WallState
from tests.console.store.factories import new_report
from tests.console.wall.conftest import (
    DAY_START,
    LAST_MONTH_START,
    MONTH_START,
    NOW,
    SECOND,
    WEEK_START,
    count,
    iso,
)

AT_UNIT = "('assigned', 'in_progress', 'extension_requested', 'reopened')"
CREATED = [
    LAST_MONTH_START - timedelta(days=20),
    LAST_MONTH_START + timedelta(days=3),
    MONTH_START + timedelta(hours=3),
    WEEK_START - SECOND,  # Sunday 23:59:59 in Huế: last week
    WEEK_START,  # Monday 00:00 in Huế: this week
    DAY_START - SECOND,  # yesterday, 23:59:59
    DAY_START,  # today, 00:00
    NOW - timedelta(hours=1),
]
WARDS = ["vy-da", "an-cuu", "phu-xuan"]
CATEGORIES = ["environment", "street_lighting"]


def _outcome(n: int, created: datetime) -> dict[str, Any]:
    done = min(created + timedelta(days=1), NOW - timedelta(minutes=10))
    rated = min(done + timedelta(minutes=5), NOW - SECOND)
    later = timedelta(days=10)
    outcomes: list[dict[str, Any]] = [
        {"status": Status.NEW},
        {"status": Status.ASSIGNED, "unit": "u1", "deadline": created + timedelta(days=2)},
        {"status": Status.IN_PROGRESS, "unit": "u2", "deadline": created + later},
        {"status": Status.RESOLVED, "unit": "u1", "deadline": created + later, "resolved_at": done},
        {"status": Status.RESOLVED, "unit": "u2", "deadline": created, "resolved_at": done},
        {
            "status": Status.RESOLVED,
            "unit": "u3",
            "deadline": created + later,
            "resolved_at": done,
            "extended": True,
        },
        {
            "status": Status.PUBLISHED,
            "unit": "u1",
            "deadline": created + later,
            "resolved_at": done,
            "rating": 5,
            "updated_at": rated,
        },
        {
            "status": Status.CLOSED,
            "unit": "u2",
            "resolved_at": done,
            "rating": 2,
            "updated_at": rated,
        },
        {"status": Status.REJECTED, "updated_at": done},
        {"status": Status.RETURNED, "unit": "u3", "updated_at": done},
        {
            "status": Status.EXTENSION_REQUESTED,
            "unit": "u2",
            "deadline": created + timedelta(hours=1),
        },
        {"status": Status.NEW, "lat": None, "lon": None},
    ]
    fields = dict(outcomes[n % len(outcomes)])
    fields.setdefault("updated_at", fields.get("resolved_at") or created)
    return fields


def reports() -> list[Report]:
    made = []
    for n, (created, _) in enumerate(product(CREATED, range(12)), start=1):
        made.append(
            new_report(
                NOW,
                n,
                created_at=created,
                ward=WARDS[n % 3],
                category=CATEGORIES[n % 2],
                **_outcome(n, created),
            )
        )
    return made


def sql_figures(cache: Cache, start: datetime) -> tuple[float, ...]:
    span = "julianday({0}) >= julianday(?) AND julianday({0}) < julianday(?)"
    ra = "json_extract(data, '$.resolved_at')"
    bounds = (iso(start), iso(NOW))
    received = count(
        cache, f"SELECT count(*) FROM reports WHERE {span.format('created_at')}", *bounds
    )
    handled = count(cache, f"SELECT count(*) FROM reports WHERE {span.format(ra)}", *bounds)
    on_time = count(
        cache,
        f"SELECT count(*) FROM reports WHERE {span.format(ra)} AND (deadline IS NULL OR"
        f" (julianday({ra}) <= julianday(deadline) AND NOT json_extract(data, '$.extended')))",
        *bounds,
    )
    mean = count(
        cache,
        f"SELECT avg(rating) FROM reports WHERE rating IS NOT NULL AND {span.format('updated_at')}",
        *bounds,
    )
    overdue = count(
        cache,
        f"SELECT count(*) FROM reports WHERE status IN {AT_UNIT}"
        " AND julianday(deadline) < julianday(?)",
        iso(NOW),
    )
    return received, handled, on_time, mean, overdue


def test_today_and_week_figures_markers_and_panels_match_sqlite(cache: Cache) -> None:
    cache.upsert_reports(reports())
    state = WallState(cache)
    scene = state.refresh(NOW)
    for figures, start in ((scene.today, DAY_START), (scene.week, WEEK_START)):
        received, handled, on_time, mean, overdue = sql_figures(cache, start)
        assert handled > 0 and received > 0
        assert figures.received == received
        assert figures.handled == handled
        assert figures.on_time == pytest.approx(on_time / handled)
        assert figures.satisfaction == pytest.approx(mean)
        assert figures.overdue == overdue > 0
    # The boundaries: Sunday 23:59:59 and yesterday 23:59:59 (Huế) fall outside.
    assert scene.week.received == 5 * 12 and scene.today.received == 2 * 12

    overdue_sql = f"status IN {AT_UNIT} AND julianday(deadline) < julianday('{iso(NOW)}')"
    with_place = "lat IS NOT NULL AND lon IS NOT NULL"
    today = f"julianday(created_at) >= julianday('{iso(DAY_START)}')"
    marker_ids = count(
        cache,
        f"SELECT group_concat(id) FROM (SELECT id FROM reports WHERE {with_place}"
        f" AND ({today} OR {overdue_sql}) ORDER BY id)",
    )
    assert [m.id for m in scene.markers] == [int(i) for i in str(marker_ids).split(",")]
    overdue_ids = count(
        cache, f"SELECT group_concat(id) FROM (SELECT id FROM reports WHERE {overdue_sql})"
    )
    assert {m.id for m in scene.markers if m.overdue} == {
        int(i) for i in str(overdue_ids).split(",")
    } & {m.id for m in scene.markers}

    by_unit = count(
        cache,
        "SELECT group_concat(unit || '=' || n) FROM (SELECT unit, count(*) AS n FROM reports"
        f" WHERE {overdue_sql} GROUP BY unit ORDER BY n DESC, unit)",
    )
    assert ",".join(f"{u.unit}={u.count}" for u in scene.overdue_by_unit) == by_unit

    wards, categories, improved = scene.panels
    week = f"julianday(created_at) >= julianday('{iso(WEEK_START)}')"
    for panel, column in ((wards, "ward"), (categories, "category")):
        expected = count(
            cache,
            f"SELECT group_concat(n) FROM (SELECT count(*) AS n FROM reports WHERE {week}"
            f" GROUP BY {column} ORDER BY n DESC, {column})",
        )
        assert ",".join(r.value.split(" / ")[-1] for r in panel.rows) == expected
        assert panel.rows[0].share == 1.0
    today_by_ward = count(
        cache,
        f"SELECT count(*) FROM reports WHERE {today} AND ward = 'vy-da'",
    )
    vy_da = next(r for r in wards.rows if r.label == state.reference.ward_name("vy-da"))
    assert vy_da.value.split(" / ")[0] == str(today_by_ward)
    assert improved.note == IMPROVED_NOTE


def _handled(n: int, unit: str, resolved: datetime, on_time: bool) -> Report:
    deadline = resolved + timedelta(hours=1) if on_time else resolved - timedelta(hours=1)
    return new_report(
        NOW,
        n,
        created_at=resolved - timedelta(days=2),
        status=Status.RESOLVED,
        unit=unit,
        deadline=deadline,
        resolved_at=resolved,
        updated_at=resolved,
    )


def test_units_that_improved_most_this_month(cache: Cache) -> None:
    last, this = LAST_MONTH_START + timedelta(days=5), MONTH_START + timedelta(hours=5)
    plan = {  # unit: (last month on time, late), (this month on time, late)
        "u1": ((2, 3), (4, 1)),  # 40% -> 80%
        "u2": ((6, 0), (5, 0)),  # 100% -> 100%: no progress
        "u3": ((1, 4), (3, 1)),  # this month only 4 handled: not ranked
        "u4": ((2, 3), (5, 0)),  # 40% -> 100%
    }
    made: list[Report] = []
    for unit, months in plan.items():
        for moment, (good, bad) in zip((last, this), months, strict=True):
            for on_time in [True] * good + [False] * bad:
                made.append(_handled(len(made) + 1, unit, moment, on_time))
    cache.upsert_reports(made)
    state = WallState(cache)
    improved = state.refresh(NOW).panels[2]
    assert improved.title == "Đơn vị tiến bộ nhất tháng"
    assert [(r.value, r.share) for r in improved.rows] == [
        ("+60 điểm (100%)", 1.0),
        ("+40 điểm (80%)", pytest.approx(40 / 60)),
    ]
    names = state.reference.unit_name
    assert [r.label for r in improved.rows] == [names("u4"), names("u1")]
    # The same rule as the supervisor's board.
    assert unit_performance(cache, LAST_MONTH_START, MONTH_START)["u4"].on_time_rate == 40
