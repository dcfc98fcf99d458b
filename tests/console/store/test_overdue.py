"""The overdue board's grouping and each unit's on-time rate and satisfaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.model import Report, Status, Urgency
from console.domain.sla import load_sla
from console.store import open_cache
from console.store.overdue import days_late, group_overdue, unit_performance
from console.store.queue_clock import QueueClock
from console.store.queue_filter import queue_row_from_report

#: A Wednesday, 10:00 in Huế, no holiday near.
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def report(report_id: int, **fields: Any) -> Report:
    created = fields.pop("created_at", NOW - timedelta(days=20))
    values: dict[str, Any] = {
        "id": report_id,
        "code": f"PA-2026-{report_id:06d}",
        "title": f"Phản ánh số {report_id}",
        "description": "Rác thải tập kết không đúng nơi quy định.",
        "category": "environment",
        "urgency": Urgency.NORMAL,
        "status": Status.IN_PROGRESS,
        "ward": "vy-da",
        "lat": 16.4695,
        "lon": 107.6010,
        "address": "12 Nguyễn Sinh Cung",
        "channel": "app",
        "created_at": created,
        "updated_at": fields.pop("updated_at", created),
        "unit": "moi-truong-do-thi",
    }
    values.update(fields)
    return Report(**values)


def test_days_late_are_calendar_days_rounded_up() -> None:
    assert days_late(NOW - timedelta(hours=1), NOW) == 1
    assert days_late(NOW - timedelta(days=3), NOW) == 3
    assert days_late(NOW - timedelta(days=3, minutes=1), NOW) == 4
    assert days_late(NOW + timedelta(hours=1), NOW) == 0


def test_overdue_and_soon_overdue_reports_grouped_by_unit() -> None:
    reports = [
        report(1, deadline=NOW - timedelta(hours=1), escalation_level=1),
        report(2, deadline=NOW - timedelta(days=3), status=Status.EXTENSION_REQUESTED),
        report(3, deadline=NOW + timedelta(minutes=30)),
        report(4, deadline=NOW + timedelta(days=10)),
        report(5, deadline=NOW - timedelta(days=1), unit="chieu-sang-hue", escalation_level=2),
        report(6, deadline=NOW - timedelta(days=9), status=Status.RESOLVED),
        report(7, deadline=NOW - timedelta(days=9), status=Status.RETURNED, unit=None),
        report(8, deadline=NOW + timedelta(minutes=20), unit="cay-xanh-hue"),
    ]
    groups = group_overdue([queue_row_from_report(r) for r in reports], NOW, QueueClock(load_sla()))

    assert [g.unit for g in groups] == ["moi-truong-do-thi", "chieu-sang-hue", "cay-xanh-hue"]
    env, lights, trees = groups
    assert env.overdue_ids == [2, 1]  # oldest deadline first
    assert [r.row.id for r in env.soon] == [3]
    assert env.oldest_deadline == NOW - timedelta(days=3)
    assert env.most_days_late == 3
    assert env.highest_escalation == 1
    assert lights.overdue_ids == [5] and lights.highest_escalation == 2
    assert trees.overdue == () and [r.row.id for r in trees.soon] == [8]
    assert trees.oldest_deadline is None


@pytest.fixture
def cache(tmp_path: Path) -> Any:
    opened = open_cache(tmp_path)
    yield opened
    opened.close()


def test_on_time_rate_and_satisfaction_per_unit_over_a_period(cache: Any) -> None:
    start, end = NOW - timedelta(days=7), NOW
    done = NOW - timedelta(days=2)
    unit = "moi-truong-do-thi"
    cache.upsert_reports(
        [
            report(
                1,
                status=Status.RESOLVED,
                resolved_at=done,
                deadline=done + timedelta(hours=1),
                updated_at=done,
            ),
            report(
                2,
                status=Status.PUBLISHED,
                resolved_at=done,
                deadline=done + timedelta(days=1),
                extended=True,
                updated_at=done,
            ),
            report(
                3,
                status=Status.RESOLVED,
                resolved_at=done,
                deadline=done - timedelta(days=1),
                updated_at=done,
            ),
            report(
                4,
                status=Status.CLOSED,
                resolved_at=done,
                deadline=done,
                rating=5,
                updated_at=done + timedelta(hours=5),
            ),
            report(
                5,
                status=Status.CLOSED,
                resolved_at=start - timedelta(days=3),
                rating=2,
                deadline=start,
                updated_at=done,
            ),
            # Handled before the period and rated before it: counts nowhere.
            report(
                6,
                status=Status.CLOSED,
                resolved_at=start - timedelta(days=5),
                rating=1,
                deadline=start,
                updated_at=start - timedelta(days=4),
            ),
            report(
                7,
                status=Status.RESOLVED,
                resolved_at=done,
                deadline=None,
                updated_at=done,
                unit="cay-xanh-hue",
            ),
        ]
    )

    lines = unit_performance(cache, start, end)

    env = lines[unit]
    assert (env.on_time, env.extended, env.late) == (2, 1, 1)
    assert env.on_time_rate == pytest.approx(50.0)
    assert env.ratings == [0, 1, 0, 0, 1]
    assert env.satisfaction == pytest.approx(50.0)
    assert env.average_rating == pytest.approx(3.5)
    trees = lines["cay-xanh-hue"]
    assert trees.on_time == 1 and trees.on_time_rate == 100.0 and trees.satisfaction is None
