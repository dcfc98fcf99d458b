"""The demo city has work waiting in every operator view whatever the hour it is seeded at."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from console.central.demo.generate import generate_reports
from console.domain.calendar import VN_TZ
from console.domain.model import Status, Urgency
from console.domain.sla import load_sla
from console.domain.wire import report_from_json
from console.store.queue_clock import QueueClock
from console.store.queue_filter import queue_row_from_report
from console.store.saved_views import BUILTIN_VIEWS
from console.store.search_index import QueueIndex, view_counts

MAKE_RUN_REPORTS = 5_000
#: A Wednesday in December, a Monday in Tết (2027-02-06 is Tết's first day, a Saturday), the
#: last minutes of a year; at the first minutes of the night and in the afternoon.
MOMENTS = [
    datetime(2026, 12, 2, 0, 5, tzinfo=VN_TZ),
    datetime(2026, 12, 2, 14, 0, tzinfo=VN_TZ),
    datetime(2027, 2, 6, 10, 0, tzinfo=VN_TZ),
    datetime(2026, 12, 31, 23, 59, tzinfo=VN_TZ),
    datetime(2027, 1, 1, 0, 5, tzinfo=VN_TZ),
]


def _reports(now: datetime) -> list:  # type: ignore[type-arg]
    return [report_from_json(r) for r in generate_reports(MAKE_RUN_REPORTS, seed=7, now=now)]


@pytest.mark.parametrize("now", MOMENTS, ids=lambda m: m.strftime("%Y-%m-%d_%H%M"))
def test_every_operator_view_has_reports_waiting(now: datetime) -> None:
    clock = QueueClock(load_sla())
    index = QueueIndex([queue_row_from_report(r) for r in _reports(now)], clock)

    counts = view_counts(index, BUILTIN_VIEWS, now, clock)

    empty = [view for view, count in counts.items() if count == 0]
    assert empty == [], f"views with nothing waiting at {now.isoformat()}: {counts}"
    assert counts["all"] == MAKE_RUN_REPORTS


def test_at_night_only_urgent_reports_are_taken_in() -> None:
    """00:00-07:30 Huế time the Center takes in urgent reports only: an ordinary report sent
    at night is accepted from 07:30, an urgent one within the night."""
    night_accepts: dict[Urgency, list[float]] = {Urgency.URGENT: [], Urgency.NORMAL: []}
    for record in generate_reports(MAKE_RUN_REPORTS, seed=7, now=MOMENTS[1]):
        created = datetime.fromisoformat(record["created_at"]).astimezone(VN_TZ)
        accept = next((e for e in record["events"] if e["action"] == "accept"), None)
        urgency = Urgency(record["urgency"])
        if created.hour * 60 + created.minute >= 7 * 60 + 30 or accept is None:
            continue
        if urgency in night_accepts:
            at = datetime.fromisoformat(accept["at"]).astimezone(VN_TZ)
            night_accepts[urgency].append(
                (at - created.replace(hour=7, minute=30, second=0)).total_seconds()
            )

    urgent, ordinary = night_accepts[Urgency.URGENT], night_accepts[Urgency.NORMAL]
    assert len(urgent) >= 5 and len(ordinary) >= 20
    assert min(ordinary) >= 0
    assert sum(1 for wait in urgent if wait < 0) / len(urgent) > 0.8


def test_reports_arrive_before_now_by_the_hour_of_day() -> None:
    """Seeded at 07:25, today's reports are spread over the night and early morning as
    citizens send them, not squeezed into the last hour."""
    morning = datetime(2026, 12, 2, 7, 25, tzinfo=VN_TZ)
    today = [r for r in _reports(morning) if r.created_at >= morning.replace(hour=0, minute=0)]
    assert today and all(r.created_at <= morning for r in today)
    assert sum(1 for r in today if r.created_at < morning - timedelta(hours=1)) >= len(today) / 3
    assert any(r.status is Status.NEW for r in today)


def test_the_same_moment_gives_the_same_city() -> None:
    now = MOMENTS[0]
    first = list(generate_reports(400, seed=3, now=now))
    assert first == list(generate_reports(400, seed=3, now=now))
    later = list(generate_reports(400, seed=3, now=now + timedelta(hours=14)))
    assert [r["status"] for r in first] != [r["status"] for r in later]
