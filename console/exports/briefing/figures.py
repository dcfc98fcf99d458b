"""The headline figures and chart series of a press briefing, from the reports in the cache.

Period: days `first` to `last` included, 00:00 to 24:00 Vietnam time (UTC+7); the previous
period is the same number of days just before it. Statuses and times are those in the cache
at export time (the cache keeps a report's current state, not its past states).

- Received: reports created in the period, from every channel, accepted or not.
- Handled: reports whose result the unit posted in the period (resolved_at in the period),
  whatever their status now; a report reopened since has no result and is not counted.
- On-time rate: of the handled, the share with resolved_at <= deadline and no extension
  granted (as the province publishes it: handled within an extended deadline is not on
  time). A handled report without a deadline counts as on time. No rate when none handled.
- Satisfaction: of the reports rated in the period (rating set and last update in the period:
  the citizen's rating closes a report, so its last update is the rating), the share rated
  4 or 5 stars. No rate when none rated.
- Median handling time: the median of resolved_at - created_at over the handled reports,
  in calendar hours (what a citizen waits, nights and holidays included).

Against the previous period: the difference of counts (and its percentage), of rates in
percentage points, of the median in hours.

Charts: received by category; handled by unit (with how many on time); received and handled
per week (Monday to Sunday, Vietnam time), weeks cut to the period at its edges.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from console.domain.calendar import to_local
from console.domain.model import Report
from console.domain.reference import Reference
from console.exports.briefing.period import Period

CHART_TOP = 8


@dataclass(frozen=True, slots=True)
class Headline:
    received: int
    handled: int
    on_time: int
    rated: int
    satisfied: int
    median_hours: float | None

    @property
    def on_time_rate(self) -> float | None:
        return None if self.handled == 0 else 100.0 * self.on_time / self.handled

    @property
    def satisfaction_rate(self) -> float | None:
        return None if self.rated == 0 else 100.0 * self.satisfied / self.rated


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    #: A second value drawn inside the bar (on time among handled), if any.
    part: int | None = None


@dataclass(frozen=True, slots=True)
class WeekPoint:
    first: date
    received: int
    handled: int


@dataclass(frozen=True, slots=True)
class BriefingFigures:
    period: Period
    current: Headline
    previous: Headline
    by_category: tuple[Bar, ...]
    by_unit: tuple[Bar, ...]
    weekly: tuple[WeekPoint, ...]


def is_on_time(report: Report) -> bool:
    if report.resolved_at is None:
        return False
    if report.deadline is None:
        return True
    return report.resolved_at <= report.deadline and not report.extended


def handling_hours(report: Report) -> float | None:
    if report.resolved_at is None:
        return None
    return (report.resolved_at - report.created_at).total_seconds() / 3600


def headline(reports: Sequence[Report], period: Period) -> Headline:
    received = sum(1 for r in reports if period.contains(r.created_at))
    handled = [r for r in reports if period.contains(r.resolved_at)]
    rated = [r for r in reports if r.rating is not None and period.contains(r.updated_at)]
    hours = [h for h in (handling_hours(r) for r in handled) if h is not None]
    return Headline(
        received=received,
        handled=len(handled),
        on_time=sum(1 for r in handled if is_on_time(r)),
        rated=len(rated),
        satisfied=sum(1 for r in rated if (r.rating or 0) >= 4),
        median_hours=statistics.median(hours) if hours else None,
    )


def _top(counts: Counter[str], label: Iterable[tuple[str, str]], top: int) -> list[tuple[str, int]]:
    names = dict(label)
    ranked = counts.most_common()
    shown = [(names.get(k, k), n) for k, n in ranked[:top]]
    rest = sum(n for _, n in ranked[top:])
    if rest:
        shown.append(("Khác", rest))
    return shown


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(reports: Sequence[Report], period: Period) -> tuple[WeekPoint, ...]:
    received: Counter[date] = Counter()
    handled: Counter[date] = Counter()
    for r in reports:
        if period.contains(r.created_at):
            received[_monday(to_local(r.created_at).date())] += 1
        if r.resolved_at is not None and period.contains(r.resolved_at):
            handled[_monday(to_local(r.resolved_at).date())] += 1
    points = []
    week = _monday(period.first)
    while week <= period.last:
        points.append(WeekPoint(max(week, period.first), received[week], handled[week]))
        week += timedelta(days=7)
    return tuple(points)


def compute_figures(
    reports: Sequence[Report], period: Period, reference: Reference
) -> BriefingFigures:
    """Figures of `period` and of the one before it; `reports` must hold every report
    created in either, resolved in either or updated in either (see loader.load_reports)."""
    in_period = [r for r in reports if period.contains(r.created_at)]
    handled = [r for r in reports if period.contains(r.resolved_at)]
    categories = _top(
        Counter(r.category for r in in_period),
        ((c.code, c.name) for c in reference.categories),
        CHART_TOP,
    )
    unit_handled = Counter(r.unit or "" for r in handled)
    unit_on_time = Counter(r.unit or "" for r in handled if is_on_time(r))
    units = [
        Bar(reference.unit_name(code) if code else "Chưa rõ đơn vị", n, unit_on_time[code])
        for code, n in unit_handled.most_common(CHART_TOP)
    ]
    return BriefingFigures(
        period=period,
        current=headline(reports, period),
        previous=headline(reports, period.previous()),
        by_category=tuple(Bar(label, n) for label, n in categories),
        by_unit=tuple(units),
        weekly=weekly(reports, period),
    )
