"""The wall's memory across time and across a rebuild of the cache."""

from __future__ import annotations

from datetime import timedelta

from console.domain.model import Status
from console.store import Cache
from console.wall.state import WallState
from tests.console.store.factories import new_report
from tests.console.wall.conftest import DAY_START, SECOND, WEEK_START, count, iso


def test_the_week_and_the_day_turn_at_midnight_in_hue(cache: Cache) -> None:
    sunday_night = WEEK_START - SECOND
    cache.upsert_reports(
        [
            new_report(sunday_night, 1, created_at=WEEK_START - timedelta(hours=2)),
            new_report(sunday_night, 2, created_at=WEEK_START - timedelta(days=2)),
        ]
    )
    state = WallState(cache)
    before = state.refresh(sunday_night)
    assert (before.today.received, before.week.received) == (1, 2)
    assert [m.id for m in before.markers] == [1]

    monday = WEEK_START + timedelta(minutes=1)
    cache.upsert_reports([new_report(monday, 3, created_at=WEEK_START)])
    after = state.refresh(monday)
    assert (after.today.received, after.week.received) == (1, 1)
    assert [m.id for m in after.markers] == [3]
    assert state.rows_read == 1
    week = count(
        cache,
        "SELECT count(*) FROM reports WHERE julianday(created_at) >= julianday(?)",
        iso(WEEK_START),
    )
    assert after.week.received == week


def test_a_rebuilt_cache_is_read_again(cache: Cache) -> None:
    now = DAY_START + timedelta(hours=3)
    cache.upsert_reports([new_report(now, n, status=Status.NEW) for n in (1, 2)])
    state = WallState(cache)
    assert [m.id for m in state.refresh(now).markers] == [1, 2]
    cache.start_rebuild("another-central")
    cache.upsert_reports([new_report(now, 2, version=2)])
    assert cache.finish_rebuild() == 1
    scene = state.refresh(now + timedelta(minutes=1))
    assert [m.id for m in scene.markers] == [2]
    assert scene.today.received == 1
