"""One definition of "overdue" and of "backlog" for every count the console shows: the
queue's Overdue tab, the overdue board, the dashboard, the weekly report and the briefing.

- Overdue at a moment: the report is with a unit (a handling status: assigned, in progress,
  extension requested, reopened) and its deadline, as extended if an extension was granted,
  has passed. The IOC's own intake clock running out is not "overdue": the queue shows it
  on the row's clock, not in the count of late units.
- Backlog at a moment: received before it and not closed by it; a report closes when it is
  rejected (its last update) or when its result is posted (`resolved_at`; a reopened report
  lost it and is open again).
- Days late: calendar days from the deadline, rounded up; a result posted late is "handled
  late by N days", one still missing is "overdue N days (no result yet)".

Counts made in SQL use the same rules (console.store.counting).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from console.domain.model import HANDLING_STATUSES, Status

OVERDUE_STATUSES = HANDLING_STATUSES


def overdue_from(status: str, deadline: datetime | None) -> datetime | None:
    """The moment the report is overdue from, or None when it cannot be overdue now."""
    return deadline if status in OVERDUE_STATUSES else None


def is_overdue(status: str, deadline: datetime | None, now: datetime) -> bool:
    since = overdue_from(status, deadline)
    return since is not None and since < now


def closed_at(status: str, updated_at: datetime, resolved_at: datetime | None) -> datetime | None:
    """When the report left the backlog (None while it is open)."""
    if status == Status.REJECTED:
        return updated_at
    return resolved_at


def days_late(deadline: datetime, moment: datetime) -> int:
    """Whole calendar days from `deadline` to `moment`, rounded up (0 when not late)."""
    late = moment - deadline
    if late <= timedelta():
        return 0
    return math.ceil(late / timedelta(days=1))


def lateness_text(deadline: datetime | None, resolved_at: datetime | None, cut: datetime) -> str:
    """How late a report is, in the words of the briefing and the reports ("" when it is not):
    a result after the deadline is "xử lý trễ N ngày", no result by `cut` past the deadline
    is "quá hạn N ngày (chưa có kết quả)"."""
    if deadline is None:
        return ""
    if resolved_at is not None:
        late = days_late(deadline, resolved_at)
        return f"xử lý trễ {late} ngày" if late else ""
    late = days_late(deadline, cut)
    return f"quá hạn {late} ngày (chưa có kết quả)" if late else ""
