"""What the weekly report says, as plain values (console.exports.weekly_figures computes them;
the DOCX, the XLSX and the window show them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.exports.weekly_week import Week


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Received:
    total: int
    by_channel: tuple[Count, ...]
    accepted: int
    rejected: int
    rejected_by_reason: tuple[Count, ...]
    awaiting: int


@dataclass(frozen=True, slots=True)
class Handled:
    on_time: int
    extended: int
    late: int

    @property
    def total(self) -> int:
        return self.on_time + self.extended + self.late


@dataclass(frozen=True, slots=True)
class Outstanding:
    total: int
    overdue: int


@dataclass
class BreakdownRow:
    """One category, unit or ward: what came in, what was handled, what is left."""

    key: str
    label: str
    received: int = 0
    on_time: int = 0
    extended: int = 0
    late: int = 0
    outstanding: int = 0
    overdue: int = 0
    note: str = ""

    @property
    def handled(self) -> int:
        return self.on_time + self.extended + self.late


@dataclass(frozen=True, slots=True)
class Satisfaction:
    distribution: tuple[int, int, int, int, int]

    @property
    def count(self) -> int:
        return sum(self.distribution)

    @property
    def average(self) -> float | None:
        total = sum((i + 1) * n for i, n in enumerate(self.distribution))
        return total / self.count if self.count else None

    @property
    def good_share(self) -> float | None:
        """Share of ratings 4 or 5, in percent."""
        return (
            100 * (self.distribution[3] + self.distribution[4]) / self.count if self.count else None
        )


@dataclass(frozen=True, slots=True)
class OverdueCase:
    id: int
    code: str
    title: str
    category: str
    ward: str
    unit_key: str
    unit: str
    status: str
    deadline: datetime
    working_days_late: int
    calendar_days_late: int
    escalation_level: int


@dataclass(frozen=True, slots=True)
class UnitToUrge:
    key: str
    label: str
    overdue: int
    oldest_deadline: datetime
    most_working_days_late: int
    highest_escalation: int


@dataclass(frozen=True, slots=True)
class MergedCase:
    code: str
    title: str
    category: str
    ward: str
    status: str
    merged_count: int


@dataclass(frozen=True, slots=True)
class Hotspot:
    ward: str
    category: str
    count: int


@dataclass(frozen=True)
class SpanFigures:
    """The counts of any span of whole days (a week, a month, a year), by the weekly rules."""

    #: The moment the figures run to: the span's end, or the export time if earlier.
    cut: datetime
    received: Received
    handled: Handled
    outstanding: Outstanding
    by_category: tuple[BreakdownRow, ...]
    by_unit: tuple[BreakdownRow, ...]
    by_ward: tuple[BreakdownRow, ...]
    satisfaction: Satisfaction
    overdue: tuple[OverdueCase, ...]
    units_to_urge: tuple[UnitToUrge, ...]
    merged: tuple[MergedCase, ...]
    hotspots: tuple[Hotspot, ...]


@dataclass(frozen=True)
class WeeklyFigures(SpanFigures):
    week: Week

    @property
    def complete(self) -> bool:
        return self.cut >= self.week.end
