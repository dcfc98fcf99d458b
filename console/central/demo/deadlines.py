"""The SLA clock's handling deadlines, memoised for generating hundreds of thousands of reports.

`SlaClock.handling_deadline` walks the working calendar on every call. Its rules make the
answer cheap to reuse: "n working days" lands at the same clock time n working days later
for a start inside an office period of a working day (so the offset is constant for that
period), and at one fixed moment for a start outside office hours (so the deadline is
constant for that gap); urgent clocks are a fixed wall-clock span. Anything else is asked.
"""

from __future__ import annotations

from datetime import UTC, datetime
from datetime import date as Date

from console.domain.model import Urgency
from console.domain.sla import SlaClock, Stage

DAY = 86_400
VN_OFFSET = 7 * 3_600
_EPOCH_DAY = Date(1970, 1, 1).toordinal()


class Deadlines:
    """`handling_deadline` on epoch seconds, with the same answers as the SLA clock."""

    def __init__(self, sla: SlaClock) -> None:
        self.sla = sla
        self.periods = tuple(
            (s.hour * 3_600 + s.minute * 60, e.hour * 3_600 + e.minute * 60)
            for s, e in sla.calendar.office_hours
        )
        self._working: dict[int, bool] = {}
        self._memo: dict[tuple[float, int, int], float] = {}

    def _exact(self, category: str, urgency: Urgency, start: float) -> float:
        moment = datetime.fromtimestamp(start, UTC)
        return self.sla.handling_deadline(category, urgency, moment).timestamp()

    def _slot(self, day: int, clock: float) -> int:
        """Index of the office period holding `clock`, or -1 outside office hours."""
        working = self._working.get(day)
        if working is None:
            working = self.sla.calendar.is_working_day(Date.fromordinal(_EPOCH_DAY + day))
            self._working[day] = working
        if working:
            for index, (begin, end) in enumerate(self.periods):
                if begin <= clock < end:
                    return index
                if clock < begin:
                    return -1 - index
        return -1 - len(self.periods)

    def __call__(self, category: str, urgency: Urgency, start: float) -> float:
        allowance = self.sla.allowance(Stage.HANDLE, category, urgency)
        if urgency in self.sla.wall_clock:
            return start + allowance.wall_clock().total_seconds()
        if allowance.unit != "working_days":
            return self._exact(category, urgency, start)
        local = start + VN_OFFSET
        day = int(local // DAY)
        slot = self._slot(day, local - day * DAY)
        key = (allowance.amount, day, slot)
        known = self._memo.get(key)
        if known is None:
            deadline = self._exact(category, urgency, start)
            known = deadline - start if slot >= 0 else deadline
            self._memo[key] = known
        return start + known if slot >= 0 else known
