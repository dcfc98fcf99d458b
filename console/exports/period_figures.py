"""The figures of a period report (month, quarter, year or any span of whole days).

Every count follows the weekly report's rules (console.exports.weekly_figures, computed by
compute_span_figures over the period instead of a week): received by channel, category and
ward; handled on time (resolved_at <= deadline, no extension; the deadline is the SLA clock's,
holidays and Tết excluded), on time with an extension, late; the backlog and the overdue at the
period's end; satisfaction from the ratings given in the period. A unit's ratings are those of
console.store.overdue.unit_performance; a ward's, the ratings of its reports (former wards
folded into their successors).

Standings: each unit (by what it handled) and each ward (by what it received) with its on-time
rate, average rating, volume and the change of its on-time rate against the previous period
(console.exports.period_span). Those with the rule's least volume come first (a unit that
handled 3 reports on time does not outrank one that handled 300), each group ranked by on-time
rate, then average rating, then volume, then improvement; no rate ranks after any rate. The commendation rules
(console.exports.period_rules) decide who is proposed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from console.domain.calendar import WorkingCalendar
from console.domain.reference import Reference
from console.exports.period_rules import CommendationRules, Rule
from console.exports.period_span import ReportPeriod
from console.exports.weekly_figures import compute_span_figures
from console.exports.weekly_model import BreakdownRow, SpanFigures
from console.exports.weekly_week import bound
from console.store import Cache
from console.store.overdue import unit_performance

_WARD_RATINGS = text(
    "SELECT ward, rating, count(*) FROM reports WHERE rating IS NOT NULL"
    " AND updated_at >= :s AND updated_at < :e GROUP BY 1, 2"
)


def rate(part: int, whole: int) -> float | None:
    return 100 * part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Standing:
    """One unit or ward over the period."""

    key: str
    label: str
    volume: int
    handled: int
    on_time: int
    overdue: int
    ratings: tuple[int, int, int, int, int]
    previous_rate: float | None
    #: The criteria of the commendation rule not met; empty when proposed.
    missed: tuple[str, ...]

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.on_time, self.handled)

    @property
    def rated(self) -> int:
        return sum(self.ratings)

    @property
    def average_rating(self) -> float | None:
        total = sum((i + 1) * n for i, n in enumerate(self.ratings))
        return total / self.rated if self.rated else None

    @property
    def change(self) -> float | None:
        """On-time rate minus the previous period's, in percentage points."""
        now = self.on_time_rate
        return None if now is None or self.previous_rate is None else now - self.previous_rate

    @property
    def proposed(self) -> bool:
        return not self.missed


@dataclass(frozen=True)
class PeriodFigures:
    period: ReportPeriod
    current: SpanFigures
    previous: SpanFigures
    units: tuple[Standing, ...]
    wards: tuple[Standing, ...]
    rules: CommendationRules

    @property
    def complete(self) -> bool:
        return self.current.cut >= self.period.end


def _rank_key(s: Standing, min_volume: int) -> tuple[bool, float, float, int, float, str]:
    low = -1.0
    return (
        s.volume < min_volume,
        -(s.on_time_rate if s.on_time_rate is not None else low),
        -(s.average_rating if s.average_rating is not None else low),
        -s.volume,
        -(s.change if s.change is not None else -1000.0),
        s.label,
    )


def _standings(
    rows: tuple[BreakdownRow, ...],
    previous: tuple[BreakdownRow, ...],
    ratings: dict[str, list[int]],
    rule: Rule,
    volume_of: str,
) -> tuple[Standing, ...]:
    before = {r.key: rate(r.on_time, r.handled) for r in previous}
    out = []
    for row in rows:
        volume = int(getattr(row, volume_of))
        stars = ratings.get(row.key, [0] * 5)
        if not (volume or row.handled or row.overdue or sum(stars)):
            continue
        on_time_rate = rate(row.on_time, row.handled)
        average = sum((i + 1) * n for i, n in enumerate(stars)) / sum(stars) if sum(stars) else None
        out.append(
            Standing(
                key=row.key,
                label=row.label,
                volume=volume,
                handled=row.handled,
                on_time=row.on_time,
                overdue=row.overdue,
                ratings=(stars[0], stars[1], stars[2], stars[3], stars[4]),
                previous_rate=before.get(row.key),
                missed=rule.failures(on_time_rate, average, volume, before.get(row.key)),
            )
        )
    return tuple(sorted(out, key=lambda s: _rank_key(s, rule.min_volume)))


def _ward_ratings(
    cache: Cache, reference: Reference, start: datetime, end: datetime
) -> dict[str, list[int]]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0] * 5)
    with cache._engine.connect() as conn:
        rows = conn.execute(_WARD_RATINGS, {"s": bound(start), "e": bound(end)}).all()
    for ward, stars, n in rows:
        current = reference.current_ward(ward or "")
        if 1 <= stars <= 5:
            tally[current.code if current else (ward or "-")][stars - 1] += n
    return tally


def compute_period_figures(
    cache: Cache,
    period: ReportPeriod,
    *,
    now: datetime,
    reference: Reference,
    calendar: WorkingCalendar,
    rules: CommendationRules,
) -> PeriodFigures:
    before = period.previous()
    # The store exposes no public engine yet; the exports read through the cache's own.
    with cache._engine.connect() as conn:
        current = compute_span_figures(conn, period.start, period.end, reference, calendar, now)
        previous = compute_span_figures(conn, before.start, before.end, reference, calendar, now)
    unit_ratings = {
        unit: list(line.ratings)
        for unit, line in unit_performance(cache, period.start, current.cut).items()
    }
    return PeriodFigures(
        period=period,
        current=current,
        previous=previous,
        units=_standings(current.by_unit, previous.by_unit, unit_ratings, rules.units, "handled"),
        wards=_standings(
            current.by_ward,
            previous.by_ward,
            _ward_ratings(cache, reference, period.start, current.cut),
            rules.wards,
            "received",
        ),
        rules=rules,
    )
