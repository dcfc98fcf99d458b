"""The clocks on the operator's queue: which deadline runs on a row, and how it reads.

Working-time arithmetic costs microseconds per row, so an intake deadline (worked out from
the SLA rules) is remembered per row version; sorting needs no arithmetic at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from console.domain.labels import phrase
from console.domain.model import HANDLING_STATUSES, INTAKE_STATUSES, Status, Urgency
from console.domain.sla import SlaClock, Stage
from console.store.records import QueueRow


@dataclass(frozen=True, slots=True)
class DeadlineState:
    """A row's running clock as the queue shows it."""

    deadline: datetime
    stage: Stage
    time_left: timedelta
    budget: timedelta
    wall_clock: bool

    @property
    def overdue(self) -> bool:
        return self.time_left < timedelta()

    @property
    def running_low(self) -> bool:
        """Under a quarter of the stage's allowed time left (amber in the queue)."""
        return not self.overdue and self.time_left * 4 < self.budget


#: A row version as far as its clock is concerned (a pending preview may share the version
#: number the server later gives to a different state).
_RowKey = tuple[int, int, str, str, datetime | None]


def _row_key(row: QueueRow) -> _RowKey:
    return (row.id, row.version, row.status, row.urgency, row.deadline)


class QueueClock:
    """Which clock runs on a row, its deadline and time left, remembered per row version.

    Handling statuses run on the report's deadline; intake statuses (new, accepted,
    returned) run on the IOC's own intake allowance counted from arrival (from the return
    for a returned report). Other statuses have no running clock.
    Safe to share between the loading thread and the GUI thread (idempotent memo writes).
    """

    def __init__(self, sla: SlaClock) -> None:
        self.sla = sla
        self._intake: dict[_RowKey, datetime] = {}

    def deadline(self, row: QueueRow) -> tuple[datetime, Stage] | None:
        if row.status in HANDLING_STATUSES:
            return (row.deadline, Stage.HANDLE) if row.deadline is not None else None
        if row.status not in INTAKE_STATUSES:
            return None
        key = _row_key(row)
        due = self._intake.get(key)
        if due is None:
            start = row.updated_at if row.status == Status.RETURNED else row.created_at
            due = self.sla.deadline(Stage.INTAKE, row.category, _urgency(row), start)
            self._intake[key] = due
        return due, Stage.INTAKE

    def is_overdue(self, row: QueueRow, now: datetime) -> bool:
        running = self.deadline(row)
        return running is not None and running[0] < now

    def state(self, row: QueueRow, now: datetime) -> DeadlineState | None:
        running = self.deadline(row)
        if running is None:
            return None
        deadline, stage = running
        urgency = _urgency(row)
        return DeadlineState(
            deadline=deadline,
            stage=stage,
            time_left=self.sla.time_left(deadline, now, urgency),
            budget=self.sla.budget(stage, row.category, urgency),
            wall_clock=urgency in self.sla.wall_clock,
        )

    def sort_key(self, row: QueueRow) -> tuple[int, float, float]:
        """Running clocks first, the one that runs out first on top; then the rest, newest first.

        For rows on the same kind of clock this is the order of time left (working time is
        monotonic in the deadline); across kinds the deadline that falls first wins. It does
        not depend on the current time, so the order never goes stale and new rows can be
        merged into an already sorted queue.
        """
        running = self.deadline(row)
        created = -row.created_at.timestamp()
        if running is None:
            return (1, 0.0, created)
        return (0, running[0].timestamp(), created)


def _urgency(row: QueueRow) -> Urgency:
    try:
        return Urgency(row.urgency)
    except ValueError:
        return Urgency.NORMAL


def _duration(delta: timedelta, day_length: timedelta, language: str) -> str:
    minutes = int(delta.total_seconds() // 60)
    day_minutes = max(1, int(day_length.total_seconds() // 60))
    days, rest = divmod(minutes, day_minutes)
    hours, mins = divmod(rest, 60)
    parts = [phrase("time.day", language, n=str(days))] if days else []
    if hours:
        parts.append(phrase("time.hour", language, n=str(hours)))
    if mins and not days:
        parts.append(phrase("time.minute", language, n=str(mins)))
    return " ".join(parts) or phrase("time.none", language)


def describe_time_left(
    state: DeadlineState, now: datetime, day_length: timedelta, language: str = "vi"
) -> str:
    """ "còn 3 giờ 20 phút làm việc", "còn 25 phút", "quá hạn 2 ngày" (overdue in calendar
    time); in English "3h 20min working time left", "25min left", "2 days overdue"."""
    if state.overdue:
        late = now - state.deadline
        if late >= timedelta(days=1):
            span = phrase("time.days", language, n=str(late.days))
        else:
            span = _duration(late, timedelta(days=1), language)
        return phrase("time.late", language, span=span)
    if state.wall_clock:
        span = _duration(state.time_left, timedelta(days=1), language)
        return phrase("time.left", language, span=span)
    return phrase("time.working", language, span=_duration(state.time_left, day_length, language))
