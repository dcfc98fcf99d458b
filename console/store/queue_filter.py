"""The operator's queue filter without Qt: what a filter keeps, and the default order.

Searching 200,000 rows fast is `console.store.search_index`; the operator's saved views
are `console.store.saved_views`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from console.domain.calendar import VN_TZ
from console.domain.lateness import is_overdue
from console.domain.model import Report, Status, Urgency
from console.domain.text import fold
from console.store.queue_clock import QueueClock
from console.store.records import QueueRow, search_key


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the operator wants to see; an empty set means "any"."""

    text: str = ""
    categories: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    wards: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    urgencies: frozenset[Urgency] = frozenset()
    date_from: date | None = None
    date_to: date | None = None
    overdue_only: bool = False
    escalated_only: bool = False

    def narrow(self, other: QueueFilter) -> QueueFilter | None:
        """Both filters at once; None when no row can match both (disjoint choices)."""
        sets: dict[str, frozenset[Any]] = {}
        for name in ("categories", "units", "wards", "statuses", "urgencies"):
            mine: frozenset[Any] = getattr(self, name)
            theirs: frozenset[Any] = getattr(other, name)
            if mine and theirs:
                both = mine & theirs
                if not both:
                    return None
                sets[name] = both
            else:
                sets[name] = mine or theirs
        starts = [d for d in (self.date_from, other.date_from) if d is not None]
        ends = [d for d in (self.date_to, other.date_to) if d is not None]
        return QueueFilter(
            text=" ".join(t for t in (self.text.strip(), other.text.strip()) if t),
            date_from=max(starts) if starts else None,
            date_to=min(ends) if ends else None,
            overdue_only=self.overdue_only or other.overdue_only,
            escalated_only=self.escalated_only or other.escalated_only,
            **sets,
        )

    def refines(self, previous: QueueFilter) -> bool:
        """True when every row this filter keeps was kept by `previous` (typing more text)."""
        return replace(self, text="") == replace(previous, text="") and all(
            token in fold(self.text) for token in fold(previous.text).split()
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "categories": sorted(self.categories),
            "units": sorted(self.units),
            "wards": sorted(self.wards),
            "statuses": sorted(s.value for s in self.statuses),
            "urgencies": sorted(u.value for u in self.urgencies),
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "overdue_only": self.overdue_only,
            "escalated_only": self.escalated_only,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueueFilter:
        """Read a saved filter; raises ValueError (or KeyError/TypeError) when it is malformed."""

        def day(name: str) -> date | None:
            raw = data.get(name)
            return date.fromisoformat(raw) if raw else None

        return cls(
            text=str(data.get("text") or ""),
            categories=frozenset(str(c) for c in data.get("categories") or ()),
            units=frozenset(str(u) for u in data.get("units") or ()),
            wards=frozenset(str(w) for w in data.get("wards") or ()),
            statuses=frozenset(Status(s) for s in data.get("statuses") or ()),
            urgencies=frozenset(Urgency(u) for u in data.get("urgencies") or ()),
            date_from=day("date_from"),
            date_to=day("date_to"),
            overdue_only=bool(data.get("overdue_only", False)),
            escalated_only=bool(data.get("escalated_only", False)),
        )


def queue_row_from_report(report: Report) -> QueueRow:
    """The queue line of a report the store has not written yet (a pending action's preview)."""
    return QueueRow(
        id=report.id,
        code=report.code,
        created_at=report.created_at,
        category=report.category,
        ward=report.ward,
        title=report.title,
        status=report.status.value,
        unit=report.unit,
        deadline=report.deadline,
        urgency=report.urgency.value,
        escalation_level=report.escalation_level,
        lat=report.lat,
        lon=report.lon,
        duplicate_of=report.duplicate_of,
        merged_count=report.merged_count,
        rating=report.rating,
        search_key=search_key(report),
        updated_at=report.updated_at,
        version=report.version,
    )


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, VN_TZ).astimezone(UTC)


def _positions(
    rows: Sequence[QueueRow],
    keys: Sequence[str],
    flt: QueueFilter,
    now: datetime,
    clock: QueueClock,
    within: Sequence[int] | None = None,
) -> list[int]:
    """Ascending positions of the rows `flt` keeps, among `within` (default: all).

    One tight pass per constraint over what the previous pass kept (no per-row function
    calls); the text comes last, over `keys[i]`, the search key of `rows[i]`.
    """
    pos = list(range(len(rows)) if within is None else within)
    if flt.statuses:
        statuses = frozenset(s.value for s in flt.statuses)
        pos = [i for i in pos if rows[i].status in statuses]
    if flt.categories:
        categories = flt.categories
        pos = [i for i in pos if rows[i].category in categories]
    if flt.wards:
        wards = flt.wards
        pos = [i for i in pos if rows[i].ward in wards]
    if flt.units:
        units = flt.units
        pos = [i for i in pos if rows[i].unit in units]
    if flt.urgencies:
        urgencies = frozenset(u.value for u in flt.urgencies)
        pos = [i for i in pos if rows[i].urgency in urgencies]
    if flt.date_from is not None:
        start = local_midnight(flt.date_from)
        pos = [i for i in pos if rows[i].created_at >= start]
    if flt.date_to is not None:
        end = local_midnight(flt.date_to + timedelta(days=1))
        pos = [i for i in pos if rows[i].created_at < end]
    if flt.escalated_only:
        pos = [i for i in pos if rows[i].escalation_level > 0]
    if flt.overdue_only:
        pos = [i for i in pos if is_overdue(rows[i].status, rows[i].deadline, now)]
    for token in sorted(set(fold(flt.text).split()), key=len, reverse=True):
        pos = [i for i in pos if token in keys[i]]
    return pos


def filter_rows(
    rows: Iterable[QueueRow], flt: QueueFilter, now: datetime, clock: QueueClock
) -> list[QueueRow]:
    """The rows `flt` keeps, in their given order (a filter never re-sorts)."""
    listed = list(rows)
    keys = [r.search_key for r in listed] if flt.text.strip() else []
    return [listed[i] for i in _positions(listed, keys, flt, now, clock)]


def sort_by_urgency(rows: Iterable[QueueRow], clock: QueueClock) -> list[QueueRow]:
    """The default queue order: the most urgent deadline first (see QueueClock.sort_key)."""
    return sorted(rows, key=clock.sort_key)
