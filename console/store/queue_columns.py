"""The queue's rows laid out by column in numpy arrays, so a filter over 200,000 rows runs in C.

A pick list (category, ward, unit, status, urgency) becomes a comparison of small integer
codes, a date range or the overdue toggle a comparison of timestamps; typed text is a word
index's (console.store.word_index) from 300,000 rows on, a walk over the rows below that.
Built once per queue load, off the GUI thread.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import datetime

import numpy as np
import numpy.typing as npt

from console.domain.lateness import overdue_from
from console.store.queue_clock import QueueClock
from console.store.records import QueueRow

Positions = npt.NDArray[np.intp]


class CodedColumn:
    """One text column as integer codes (None is a code too, matched by nothing)."""

    def __init__(self, values: Iterable[str | None], count: int) -> None:
        self.codes: dict[str | None, int] = {}
        code = self.codes.setdefault
        self.values = np.fromiter(
            (code(v, len(self.codes)) for v in values), dtype=np.int32, count=count
        )

    def among(self, positions: Positions, wanted: Collection[str]) -> Positions:
        """The `positions` whose value is one of `wanted`."""
        codes = [self.codes[w] for w in wanted if w in self.codes]
        if not codes or positions.size == 0:
            return positions[:0]
        values = self.values[positions]
        keep = values == codes[0] if len(codes) == 1 else np.isin(values, codes)
        found: Positions = positions[keep]
        return found


def _floats(
    rows: Sequence[QueueRow], value: Callable[[QueueRow], float]
) -> npt.NDArray[np.float64]:
    return np.fromiter((value(r) for r in rows), dtype=np.float64, count=len(rows))


class QueueColumns:
    """Columns of `rows` in their order: position i of every array is `rows[i]`."""

    def __init__(self, rows: Sequence[QueueRow], clock: QueueClock) -> None:
        count = len(rows)
        self.count = count
        self.ids = np.fromiter((r.id for r in rows), dtype=np.int64, count=count)
        self.status = CodedColumn((r.status for r in rows), count)
        self.category = CodedColumn((r.category for r in rows), count)
        self.ward = CodedColumn((r.ward for r in rows), count)
        self.unit = CodedColumn((r.unit for r in rows), count)
        self.urgency = CodedColumn((r.urgency for r in rows), count)
        self.created = _floats(rows, lambda r: r.created_at.timestamp())
        self.escalation = np.fromiter(
            (r.escalation_level for r in rows), dtype=np.int32, count=count
        )

        def due(row: QueueRow) -> float:
            since = overdue_from(row.status, row.deadline)
            return math.inf if since is None else since.timestamp()

        #: When each row becomes overdue (console.domain.lateness; inf: it cannot be now).
        self.due = _floats(rows, due)
        self._by_id = np.argsort(self.ids, kind="stable")
        self._sorted_ids = self.ids[self._by_id]

    def position_of(self, report_id: int) -> int | None:
        """The position of a report id (None when no row has it)."""
        n = int(np.searchsorted(self._sorted_ids, report_id))
        if n < self.count and self._sorted_ids[n] == report_id:
            return int(self._by_id[n])
        return None

    def slot_positions(
        self, slot_ids: Positions, changed: Collection[int]
    ) -> tuple[Positions, list[int]]:
        """Where each slot's report is (-1 when gone or in `changed`), and the positions of
        the rows no slot answers for (changed or new)."""
        n = np.searchsorted(self._sorted_ids, slot_ids).clip(0, max(self.count - 1, 0))
        found = self._sorted_ids[n] == slot_ids if self.count else np.zeros(len(slot_ids), bool)
        stale = np.isin(slot_ids, np.fromiter(changed, np.int64, len(changed)))
        at = np.where(found & ~stale, self._by_id[n] if self.count else -1, -1)
        answered = np.zeros(self.count, np.bool_)
        answered[at[at >= 0]] = True
        return at, np.flatnonzero(~answered).tolist()

    def no_rows(self) -> npt.NDArray[np.bool_]:
        return np.zeros(self.count, np.bool_)

    def positions(self, within: Positions | Sequence[int] | None = None) -> Positions:
        """`within` as positions, or every position."""
        if within is None:
            return np.arange(self.count, dtype=np.intp)
        return np.asarray(within, dtype=np.intp)

    def created_from(self, positions: Positions, start: datetime) -> Positions:
        return positions[self.created[positions] >= start.timestamp()]

    def created_before(self, positions: Positions, end: datetime) -> Positions:
        return positions[self.created[positions] < end.timestamp()]

    def escalated(self, positions: Positions) -> Positions:
        return positions[self.escalation[positions] > 0]

    def overdue(self, positions: Positions, now: datetime) -> Positions:
        return positions[self.due[positions] < now.timestamp()]
