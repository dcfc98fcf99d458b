"""The figures of the IOC's weekly report to the City People's Committee, from the cache.

Week: ISO week, Monday 00:00 to the next Monday 00:00 Vietnam time (UTC+7). For a week not
over yet the figures run to the moment of export ("cut"). Statuses are those in the cache at
export time (the cache keeps the current state of a report, not its past states).

- Received: created_at in the week, by channel; of those, accepted (neither new nor
  rejected), rejected by reason, still awaiting triage (new).
- Handled in the week: resolved_at in the week; on time (resolved_at <= deadline, not
  extended), on time with an extension (extended, resolved_at <= deadline), late
  (resolved_at > deadline, extended or not). A report without a deadline counts as on time.
- Outstanding at the week's end: the backlog at that moment, overdue among them: overdue at
  that moment (one definition for every count: console.domain.lateness, in SQL
  console.store.counting). Days late are counted to the end in working days (office hours
  on working days, holidays and Tết excluded) and in calendar days, both rounded up.
- By category, unit and ward/commune; a former ward or district is counted under the ward
  that succeeded it (1 July 2025), its former name noted.
- Satisfaction: ratings of reports rated in the week (rated and last updated in the week:
  rating closes a report, so its last update is the rating).
- Notable: reports with the most merged duplicates among those active in the week (created
  before the end, updated since the start); hotspots: ward x category among those received.

All counting is SQL: one scan of the cache (at most one JSON parse per report) into a temporary
table of the week's reports, then aggregates over it; Python only labels, folds former wards
into their successors and sorts.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection

from console.domain.calendar import WorkingCalendar
from console.domain.model import REJECT_REASON_LABELS_VI, RejectReason, Status, parse_time
from console.domain.privacy import mask_personal
from console.domain.reference import Reference
from console.exports.weekly_model import (
    BreakdownRow,
    Count,
    Handled,
    Hotspot,
    MergedCase,
    Outstanding,
    OverdueCase,
    Received,
    Satisfaction,
    SpanFigures,
    UnitToUrge,
    WeeklyFigures,
)
from console.exports.weekly_sql import (
    Q_DROP,
    Q_HANDLING,
    Q_MERGED,
    Q_OVERDUE,
    Q_RATINGS,
    Q_RECEIVED,
    Q_WEEK_ROWS,
)
from console.exports.weekly_week import Week, bound

HOTSPOT_MIN = 3
TOP = 5


class _Places:
    """Folds former wards into their successors, remembering the former names seen."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.formers: dict[str, set[str]] = defaultdict(set)

    def key(self, code: str) -> tuple[str, str]:
        current = self.reference.current_ward(code)
        if current is None:
            return code or "-", self.reference.ward_name(code) if code else "Không rõ địa bàn"
        if current.code != code:
            self.formers[current.code].add(self.reference.ward_name(code))
        return current.code, current.name


def _rows(table: dict[str, BreakdownRow]) -> tuple[BreakdownRow, ...]:
    return tuple(sorted(table.values(), key=lambda r: (-r.received - r.handled, r.label)))


def _reason_label(code: str | None) -> str:
    if code is None:
        return "Không ghi lý do"
    try:
        return REJECT_REASON_LABELS_VI[RejectReason(code)]
    except ValueError:
        return code


def _ceil_days(delta: timedelta, day: timedelta) -> int:
    return max(0, math.ceil(delta / day))


def _counts(tally: dict[str, int], label: Callable[[str], str]) -> tuple[Count, ...]:
    return tuple(
        Count(k, label(k), n) for k, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    )


class _Builder:
    def __init__(
        self, conn: Connection, start: datetime, cut: datetime, ref: Reference, cal: WorkingCalendar
    ) -> None:
        self.conn, self.cut, self.ref, self.cal = conn, cut, ref, cal
        self.params = {"s": bound(start), "e": bound(cut), "top": TOP}
        self.places = _Places(ref)
        self.category: dict[str, BreakdownRow] = {}
        self.unit: dict[str, BreakdownRow] = {}
        self.ward: dict[str, BreakdownRow] = {}
        self.cells: dict[tuple[str, str], int] = defaultdict(int)

    def _targets(self, category: str, unit: str | None, ward: str) -> Iterable[BreakdownRow]:
        ward_key, ward_label = self.places.key(ward)
        yield self.category.setdefault(
            category, BreakdownRow(category, self.ref.category_name(category))
        )
        yield self.ward.setdefault(ward_key, BreakdownRow(ward_key, ward_label))
        if unit:
            yield self.unit.setdefault(unit, BreakdownRow(unit, self.ref.unit_name(unit)))

    def received(self) -> Received:
        channels: dict[str, int] = defaultdict(int)
        reasons: dict[str | None, int] = defaultdict(int)
        total = awaiting = 0
        for channel, status, reason, category, unit, ward, n in self.conn.execute(
            Q_RECEIVED, self.params
        ):
            total += n
            channels[channel or "-"] += n
            if status == Status.REJECTED:
                reasons[reason] += n
            elif status == Status.NEW:
                awaiting += n
            for row in self._targets(category, unit, ward):
                row.received += n
            self.cells[(self.places.key(ward)[0], category)] += n
        rejected = sum(reasons.values())
        by_reason = tuple(
            Count(k or "-", _reason_label(k), n)
            for k, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0] or ""))
        )
        return Received(
            total=total,
            by_channel=_counts(channels, self.ref.channel_name),
            accepted=total - rejected - awaiting,
            rejected=rejected,
            rejected_by_reason=by_reason,
            awaiting=awaiting,
        )

    def handling(self) -> tuple[Handled, Outstanding]:
        on_time = extended = late = outstanding = overdue = 0
        for category, unit, ward, h1, h2, h3, o, od in self.conn.execute(Q_HANDLING, self.params):
            h1, h2, h3, o, od = (int(v or 0) for v in (h1, h2, h3, o, od))
            if not (h1 or h2 or h3 or o):
                continue
            on_time, extended, late = on_time + h1, extended + h2, late + h3
            outstanding, overdue = outstanding + o, overdue + od
            for row in self._targets(category, unit, ward):
                row.on_time += h1
                row.extended += h2
                row.late += h3
                row.outstanding += o
                row.overdue += od
        return Handled(on_time, extended, late), Outstanding(outstanding, overdue)

    def overdue(self) -> tuple[OverdueCase, ...]:
        cases = []
        for row in self.conn.execute(Q_OVERDUE, self.params):
            deadline = parse_time(row.deadline) or self.cut
            cases.append(
                OverdueCase(
                    id=row.id,
                    code=row.code,
                    title=mask_personal(row.title),
                    category=self.ref.category_name(row.category),
                    ward=self.places.key(row.ward)[1],
                    unit_key=row.unit,
                    unit=self.ref.unit_name(row.unit),
                    status=row.status,
                    deadline=deadline,
                    working_days_late=_ceil_days(
                        self.cal.working_between(deadline, self.cut), self.cal.day_length
                    ),
                    calendar_days_late=_ceil_days(self.cut - deadline, timedelta(days=1)),
                    escalation_level=row.escalation_level,
                )
            )
        return tuple(sorted(cases, key=lambda c: (-c.working_days_late, c.deadline, c.id)))

    def satisfaction(self) -> Satisfaction:
        counts = [0] * 5
        for rating, n in self.conn.execute(Q_RATINGS, self.params):
            if 1 <= rating <= 5:
                counts[rating - 1] = n
        return Satisfaction((counts[0], counts[1], counts[2], counts[3], counts[4]))

    def merged(self) -> tuple[MergedCase, ...]:
        return tuple(
            MergedCase(
                code=row.code,
                title=mask_personal(row.title),
                category=self.ref.category_name(row.category),
                ward=self.places.key(row.ward)[1],
                status=row.status,
                merged_count=row.merged_count,
            )
            for row in self.conn.execute(Q_MERGED, self.params)
        )

    def hotspots(self) -> tuple[Hotspot, ...]:
        ranked = sorted(self.cells.items(), key=lambda kv: (-kv[1], kv[0]))
        return tuple(
            Hotspot(self.ref.ward_name(w), self.ref.category_name(c), n)
            for (w, c), n in ranked[:TOP]
            if n >= HOTSPOT_MIN
        )

    def ward_notes(self) -> None:
        for key, names in self.places.formers.items():
            if key in self.ward:
                self.ward[key].note = "gồm địa bàn cũ: " + ", ".join(sorted(names))


def units_to_urge(cases: Iterable[OverdueCase]) -> tuple[UnitToUrge, ...]:
    """Units with overdue reports, most overdue first, then the oldest deadline."""
    by_unit: dict[str, list[OverdueCase]] = defaultdict(list)
    for case in cases:
        by_unit[case.unit_key].append(case)
    units = [
        UnitToUrge(
            key=key,
            label=group[0].unit,
            overdue=len(group),
            oldest_deadline=min(c.deadline for c in group),
            most_working_days_late=max(c.working_days_late for c in group),
            highest_escalation=max(c.escalation_level for c in group),
        )
        for key, group in by_unit.items()
    ]
    return tuple(sorted(units, key=lambda u: (-u.overdue, u.oldest_deadline, u.label)))


def compute_span_figures(
    conn: Connection,
    start: datetime,
    end: datetime,
    reference: Reference,
    calendar: WorkingCalendar,
    now: datetime,
) -> SpanFigures:
    """All figures of [start, end) (cut at `now`), from one scan of the cache through `conn`."""
    cut = min(end, now.astimezone(UTC))
    builder = _Builder(conn, start, cut, reference, calendar)
    conn.execute(Q_DROP)
    conn.execute(Q_WEEK_ROWS, builder.params)
    try:
        received = builder.received()
        handled, outstanding = builder.handling()
        overdue = builder.overdue()
        satisfaction = builder.satisfaction()
        merged = builder.merged()
    finally:
        conn.execute(Q_DROP)
    builder.ward_notes()
    return SpanFigures(
        cut=cut,
        received=received,
        handled=handled,
        outstanding=outstanding,
        by_category=_rows(builder.category),
        by_unit=_rows(builder.unit),
        by_ward=_rows(builder.ward),
        satisfaction=satisfaction,
        overdue=overdue,
        units_to_urge=units_to_urge(overdue),
        merged=merged,
        hotspots=builder.hotspots(),
    )


def compute_weekly_figures(
    conn: Connection,
    week: Week,
    reference: Reference,
    calendar: WorkingCalendar,
    now: datetime,
) -> WeeklyFigures:
    """All figures of one week, from one scan of the cache through `conn`."""
    span = compute_span_figures(conn, week.start, week.end, reference, calendar, now)
    return WeeklyFigures(week=week, **{f.name: getattr(span, f.name) for f in fields(span)})
