"""The supervisor's overdue board without Qt: late and nearly late reports grouped by unit,
and each unit's on-time rate and satisfaction over a period.

- Overdue and days late: console.domain.lateness (the queue's Overdue tab, the dashboard
  and the weekly report count the same). Soon overdue: a handling status with under a
  quarter of the stage's allowed time left (the queue's amber rule,
  `DeadlineState.running_low`).
- On time, over a period: results posted in it (`resolved_at` in the period) by their
  deadline without an extension; "extended" is posted by a deadline that was extended;
  "late" after the deadline. The on-time rate is on time / all posted.
- Satisfaction: ratings given in the period (a rating closes a report, so its last update
  is the rating), as the average and the share of 4 and 5 stars.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import text

from console.domain.lateness import days_late, is_overdue
from console.domain.model import HANDLING_STATUSES
from console.store.cache import Cache
from console.store.queue_clock import QueueClock
from console.store.records import QueueRow, stamp

_HANDLING = frozenset(s.value for s in HANDLING_STATUSES)


@dataclass(frozen=True, slots=True)
class LateReport:
    row: QueueRow
    deadline: datetime
    days_late: int
    overdue: bool


@dataclass(frozen=True, slots=True)
class UnitOverdue:
    """One unit's line on the board: its overdue reports (oldest deadline first) and the
    ones about to be."""

    unit: str
    overdue: tuple[LateReport, ...]
    soon: tuple[LateReport, ...]

    @property
    def oldest_deadline(self) -> datetime | None:
        return self.overdue[0].deadline if self.overdue else None

    @property
    def most_days_late(self) -> int:
        return max((r.days_late for r in self.overdue), default=0)

    @property
    def highest_escalation(self) -> int:
        return max((r.row.escalation_level for r in self.overdue), default=0)

    @property
    def overdue_ids(self) -> list[int]:
        return [r.row.id for r in self.overdue]


def group_overdue(rows: Iterable[QueueRow], now: datetime, clock: QueueClock) -> list[UnitOverdue]:
    """Units with overdue or soon-overdue reports, the most overdue units first."""
    late: dict[str, list[LateReport]] = {}
    soon: dict[str, list[LateReport]] = {}
    for row in rows:
        if row.status not in _HANDLING or row.deadline is None:
            continue
        unit = row.unit or "—"
        if is_overdue(row.status, row.deadline, now):
            entry = LateReport(row, row.deadline, days_late(row.deadline, now), True)
            late.setdefault(unit, []).append(entry)
            continue
        state = clock.state(row, now)
        if state is not None and state.running_low:
            soon.setdefault(unit, []).append(LateReport(row, row.deadline, 0, False))
    groups = [
        UnitOverdue(
            unit,
            tuple(sorted(late.get(unit, []), key=lambda r: (r.deadline, r.row.id))),
            tuple(sorted(soon.get(unit, []), key=lambda r: (r.deadline, r.row.id))),
        )
        for unit in set(late) | set(soon)
    ]
    far_future = datetime.max.replace(tzinfo=now.tzinfo)
    groups.sort(
        key=lambda g: (-len(g.overdue), g.oldest_deadline or far_future, -len(g.soon), g.unit)
    )
    return groups


@dataclass
class UnitPerformance:
    """One unit's record over a period (see the module docstring for the rules)."""

    unit: str
    on_time: int = 0
    extended: int = 0
    late: int = 0
    ratings: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])

    @property
    def handled(self) -> int:
        return self.on_time + self.extended + self.late

    @property
    def on_time_rate(self) -> float | None:
        """Share handled on time, in percent; None when nothing was handled."""
        return 100 * self.on_time / self.handled if self.handled else None

    @property
    def rated(self) -> int:
        return sum(self.ratings)

    @property
    def average_rating(self) -> float | None:
        total = sum((n + 1) * count for n, count in enumerate(self.ratings))
        return total / self.rated if self.rated else None

    @property
    def satisfaction(self) -> float | None:
        """Share of ratings of 4 or 5 stars, in percent; None without ratings."""
        return 100 * (self.ratings[3] + self.ratings[4]) / self.rated if self.rated else None


_RA = "json_extract(data, '$.resolved_at')"
_PERFORMANCE = text(
    f"SELECT unit, deadline, {_RA} AS ra, json_extract(data, '$.extended') AS ext,"
    " rating, updated_at FROM reports WHERE unit IS NOT NULL AND updated_at >= :s"
    " AND created_at < :e"
)


def unit_performance(cache: Cache, start: datetime, end: datetime) -> dict[str, UnitPerformance]:
    """Each unit's results posted and ratings received in [start, end)."""
    result: dict[str, UnitPerformance] = {}
    # A result or rating in the period updates the report in it, so `updated_at >= start`
    # keeps every candidate; the exact bounds are checked per row.
    with cache._engine.connect() as conn:
        rows = conn.execute(_PERFORMANCE, {"s": stamp(start), "e": stamp(end)}).all()
    iso = datetime.fromisoformat
    for unit, deadline, resolved, extended, rating, updated in rows:
        line = result.get(unit)
        if line is None:
            line = result[unit] = UnitPerformance(unit)
        if resolved:
            posted = iso(resolved)
            if start <= posted < end:
                if deadline is not None and posted > iso(deadline):
                    line.late += 1
                elif extended:
                    line.extended += 1
                else:
                    line.on_time += 1
        if rating is not None and start <= iso(updated) < end and 1 <= rating <= 5:
            line.ratings[rating - 1] += 1
    return {unit: line for unit, line in result.items() if line.handled or line.rated}
