"""The supervisor's dashboard figures for a period of days, from the cache, without Qt.

- Received: reports created in the period, per day (Vietnam time), by category, by ward.
- Units: on-time rate and satisfaction (console.store.overdue.unit_performance).
- Backlog: at the end of each day (or now, for today), console.domain.lateness's backlog.
- Overdue now: console.domain.lateness's overdue, counted as the board and the queue count.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import text

from console.domain.calendar import VN_TZ, to_local
from console.domain.hue_time import DaySpan
from console.domain.lateness import closed_at
from console.store.cache import Cache
from console.store.counting import overdue_count
from console.store.overdue import UnitPerformance, unit_performance
from console.store.records import stamp

MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class Period(DaySpan):
    """The days the dashboard counts over."""

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("Ngày kết thúc phải sau ngày bắt đầu.")
        if (self.last - self.first).days >= MAX_DAYS:
            raise ValueError(f"Khoảng thời gian dài quá {MAX_DAYS} ngày.")

    @classmethod
    def last_days(cls, today: date, count: int) -> Period:
        return cls(today - timedelta(days=count - 1), today)


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True, slots=True)
class KeyCount:
    key: str
    count: int


@dataclass(frozen=True)
class DashboardFigures:
    period: Period
    received_per_day: tuple[DayCount, ...]
    by_category: tuple[KeyCount, ...]
    by_ward: tuple[KeyCount, ...]
    units: tuple[UnitPerformance, ...]
    backlog: tuple[DayCount, ...]
    overdue_now: int

    @property
    def received(self) -> int:
        return sum(d.count for d in self.received_per_day)


_ROWS = text(
    "SELECT created_at, category, ward, status, updated_at,"
    " json_extract(data, '$.resolved_at') AS ra FROM reports WHERE created_at < :e"
    " AND (created_at >= :s OR updated_at >= :s OR"
    " (status <> 'rejected' AND json_extract(data, '$.resolved_at') IS NULL))"
)


def _ordered(counter: Counter[str]) -> tuple[KeyCount, ...]:
    return tuple(KeyCount(k, n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def dashboard_figures(cache: Cache, period: Period, now: datetime) -> DashboardFigures:
    """The period's figures; days after `now` count nothing (the backlog stops at `now`)."""
    start, end = period.start, period.end
    # A report that can count nowhere was created after the period, or was closed (resolved
    # or rejected) and last touched before it began.
    with cache._engine.connect() as conn:
        rows = conn.execute(_ROWS, {"s": stamp(start), "e": stamp(end)}).all()
    iso = datetime.fromisoformat
    per_day: Counter[date] = Counter()
    categories: Counter[str] = Counter()
    wards: Counter[str] = Counter()
    opened: list[datetime] = []
    closed: list[datetime] = []
    for created_raw, category, ward, status, updated, resolved in rows:
        created = iso(created_raw)
        opened.append(created)
        closed_on = closed_at(status, iso(updated), iso(resolved) if resolved else None)
        if closed_on is not None:
            closed.append(closed_on)
        if created >= start:
            per_day[to_local(created).date()] += 1
            categories[category] += 1
            wards[ward] += 1
    opened.sort()
    closed.sort()
    backlog: list[DayCount] = []
    for day in period.each_day():
        cut = datetime.combine(day + timedelta(days=1), time.min, VN_TZ)
        if cut - timedelta(days=1) > now:
            break
        cut = min(cut, now)
        backlog.append(DayCount(day, bisect_left(opened, cut) - bisect_left(closed, cut)))
    units = unit_performance(cache, start, end)
    return DashboardFigures(
        period=period,
        received_per_day=tuple(DayCount(d, per_day.get(d, 0)) for d in period.each_day()),
        by_category=_ordered(categories),
        by_ward=_ordered(wards),
        units=tuple(sorted(units.values(), key=lambda u: (-u.handled, u.unit))),
        backlog=tuple(backlog),
        overdue_now=overdue_count(cache, now),
    )
