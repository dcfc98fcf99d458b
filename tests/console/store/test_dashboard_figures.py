"""The dashboard's figures: received per day, by category and ward, backlog per day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.model import Status
from console.store import open_cache
from console.store.dashboard_figures import DayCount, KeyCount, Period, dashboard_figures
from tests.console.store.test_overdue import report


def local(day: int, hour: int) -> datetime:
    """A time on November `day` 2026, `hour` o'clock in Huế (UTC+7)."""
    return datetime(2026, 11, day, hour, tzinfo=UTC) - timedelta(hours=7)


@pytest.fixture
def cache(tmp_path: Path) -> Any:
    opened = open_cache(tmp_path)
    yield opened
    opened.close()


def test_period_bounds_are_local_days() -> None:
    period = Period.last_days(date(2026, 11, 25), 3)
    assert period.first == date(2026, 11, 23)
    assert period.start == local(23, 0)
    assert period.end == local(26, 0)
    with pytest.raises(ValueError):
        Period(date(2026, 11, 25), date(2026, 11, 24))


def test_received_per_day_by_category_and_ward_and_the_backlog(cache: Any) -> None:
    new, rejected = Status.NEW, Status.REJECTED
    cache.upsert_reports(
        [
            # Before the period, still open: in the backlog every day.
            report(1, created_at=local(20, 9), status=Status.IN_PROGRESS),
            # Before the period, resolved before it: nowhere.
            report(
                2,
                created_at=local(20, 9),
                status=Status.CLOSED,
                resolved_at=local(21, 9),
                updated_at=local(21, 10),
            ),
            report(3, created_at=local(23, 8), status=new),
            report(
                4,
                created_at=local(23, 23),
                status=rejected,
                updated_at=local(24, 9),
                category="lighting",
                ward="an-cuu",
            ),
            # 00:30 on the 24th in Huế is still the 23rd in UTC: counted on the 24th.
            report(
                5,
                created_at=local(24, 0) + timedelta(minutes=30),
                status=Status.RESOLVED,
                resolved_at=local(25, 9),
                updated_at=local(25, 9),
            ),
            # After the period.
            report(6, created_at=local(26, 1), status=new),
        ]
    )
    period = Period(date(2026, 11, 23), date(2026, 11, 25))

    figures = dashboard_figures(cache, period, now=local(25, 15))

    assert figures.received_per_day == (
        DayCount(date(2026, 11, 23), 2),
        DayCount(date(2026, 11, 24), 1),
        DayCount(date(2026, 11, 25), 0),
    )
    assert figures.received == 3
    assert figures.by_category == (KeyCount("environment", 2), KeyCount("lighting", 1))
    assert figures.by_ward == (KeyCount("vy-da", 2), KeyCount("an-cuu", 1))
    # End of 23rd: 1, 3, 4 open; 24th: 4 rejected, 5 arrived; 25th (to now): 5 resolved.
    assert [d.count for d in figures.backlog] == [3, 3, 2]


def test_days_after_now_have_no_backlog(cache: Any) -> None:
    cache.upsert_reports([report(1, created_at=local(23, 8), status=Status.NEW)])
    period = Period(date(2026, 11, 23), date(2026, 11, 27))
    figures = dashboard_figures(cache, period, now=local(24, 12))
    assert [d.day.day for d in figures.backlog] == [23, 24]
    assert len(figures.received_per_day) == 5
