"""Queue rows as map markers: what a filter change sends to the page, and what stays in memory."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console.domain.model import Status
from console.domain.sla import load_sla
from console.maps.markers import MarkerUpdates
from console.maps.queue_markers import MarkerCache, QueueMarker
from console.store.queue_clock import QueueClock
from console.store.queue_filter import queue_row_from_report
from console.store.records import QueueRow
from tests.console.store.factories import new_report

# Tuesday 10 March 2026, 09:00 in Huế.
NOW = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)


def row(report_id: int, **fields: Any) -> QueueRow:
    """A queue row of its own place (markers side by side)."""
    fields.setdefault("lat", 16.47 + report_id / 1000)
    return queue_row_from_report(new_report(NOW, report_id, **fields))


@pytest.fixture
def updates() -> MarkerUpdates:
    return MarkerUpdates()


@pytest.fixture
def cache(updates: MarkerUpdates) -> MarkerCache:
    return MarkerCache(QueueClock(load_sla()), updates)


def sent(updates: MarkerUpdates, markers: list[QueueMarker]) -> list[int]:
    """The ids of the markers a change sends whole (the others travel as ids only)."""
    return [r[0] for r in json.loads(updates.encode(markers))["r"]]


def test_a_filter_change_reuses_the_markers_the_page_holds(
    cache: MarkerCache, updates: MarkerUpdates
) -> None:
    rows = [row(n) for n in range(1, 6)]
    first = cache.markers(rows, NOW)
    assert sent(updates, first) == [1, 2, 3, 4, 5]
    again = cache.markers(rows[1:3], NOW)
    assert [m is updates.held(m.id) for m in again] == [True, True]
    assert sent(updates, again) == []


def test_a_changed_report_and_a_passed_deadline_are_sent_again(
    cache: MarkerCache, updates: MarkerUpdates
) -> None:
    rows = [row(1), row(2, status=Status.IN_PROGRESS, unit="moi-truong", deadline=None)]
    sent(updates, cache.markers(rows, NOW))
    escalated = replace(rows[1], escalation_level=1, version=rows[1].version + 1)
    assert sent(updates, cache.markers([rows[0], escalated], NOW)) == [2]

    later = NOW + timedelta(days=30)
    markers = cache.markers([rows[0], escalated], later)
    assert [m.overdue for m in markers] == [True, False]
    assert sent(updates, markers) == [1]


def test_a_report_read_again_keeps_its_marker_without_the_old_row(
    cache: MarkerCache, updates: MarkerUpdates
) -> None:
    """A full queue load makes new rows of unchanged reports: nothing is sent again, and the
    page's markers let go of the old rows (or every row would be held twice)."""
    old = [row(1), row(2)]
    sent(updates, cache.markers(old, NOW))
    reread = [replace(r) for r in old]
    markers = cache.markers(reread, NOW)
    assert sent(updates, markers) == []
    held = [updates.held(r.id) for r in reread]
    assert all(isinstance(m, QueueMarker) and m.row is r for m, r in zip(held, reread, strict=True))


def test_reports_without_a_place_get_no_marker(cache: MarkerCache) -> None:
    markers = cache.markers([row(1), row(2, lat=None, lon=None)], NOW)
    assert [m.id for m in markers] == [1]
