"""The queue's rows as map markers, made on a worker thread and reused across filter changes.

A marker changes only when its report does or when its running deadline passes, so a filter
change over a million rows reuses almost every marker. The markers the page holds
(`MarkerUpdates`) are the only memory of them: a second table of a million markers, one per
report, would cost about 40 MB for nothing. A marker is the queue row itself with its overdue
state, not a copy of the row's fields (64 bytes a marker instead of 112).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from console.maps.markers import MarkerUpdates
from console.store.queue_clock import QueueClock
from console.store.queue_memory import bulk_allocation
from console.store.records import QueueRow


class QueueMarker:
    """A queue row on the map: the page shows its place, status, escalation and code."""

    __slots__ = ("due", "id", "overdue", "row")

    def __init__(self, row: QueueRow, overdue: bool, due: datetime | None) -> None:
        self.row = row
        #: The row's own id (a slot: read twice per marker on every filter change).
        self.id = row.id
        self.overdue = overdue
        #: When the running deadline passes (None: it never does).
        self.due = due

    @property
    def lat(self) -> float:
        return self.row.lat if self.row.lat is not None else float("nan")

    @property
    def lon(self) -> float:
        return self.row.lon if self.row.lon is not None else float("nan")

    @property
    def status(self) -> str:
        return self.row.status

    @property
    def escalation_level(self) -> int:
        return self.row.escalation_level

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def title(self) -> str:
        return self.row.title


class MarkerCache:
    """Markers for queue rows, reusing those the page holds (`updates`) while their report
    version and overdue state still hold. Used from a worker thread; the first million are
    a bulk allocation (console.store.queue_memory)."""

    def __init__(self, clock: QueueClock, updates: MarkerUpdates) -> None:
        self._clock = clock
        self._held = updates.held

    def markers(self, rows: Sequence[QueueRow], now: datetime) -> list[QueueMarker]:
        with bulk_allocation():
            return self._markers(rows, now)

    def _markers(self, rows: Sequence[QueueRow], now: datetime) -> list[QueueMarker]:
        held = self._held
        out: list[QueueMarker] = []
        keep = out.append
        for row in rows:
            if row.lat is None or row.lon is None:
                continue
            hit = held(row.id)
            if isinstance(hit, QueueMarker) and hit.row.version == row.version:
                due = hit.due
                overdue = due is not None and due < now
                if hit.row is row and hit.overdue == overdue:
                    keep(hit)
                    continue
                # The same report read again (a full load): the page's marker, on the new row.
                keep(QueueMarker(row, overdue, due))
                continue
            running = self._clock.deadline(row)
            due = running[0] if running is not None else None
            keep(QueueMarker(row, due is not None and due < now, due))
        return out
