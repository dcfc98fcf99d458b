"""Loading the operator's queue from the local store, off the GUI thread.

A full load reads every row, sorts it most urgent first and indexes it for search; a merge
takes the previous index and only the rows changed since a cache revision. Reports with
actions still in the outbox show their predicted state.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from console.domain.model import Status, Urgency
from console.store.cache import Cache
from console.store.outbox import Outbox
from console.store.queue_clock import QueueClock
from console.store.queue_filter import (
    QueueFilter,
    QueueIndex,
    SavedView,
    queue_row_from_report,
    sort_by_urgency,
    view_counts,
)
from console.store.records import QueueRow


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    """What a background load or merge hands to the GUI thread."""

    revision: int
    index: QueueIndex
    pending: frozenset[int]
    counts: dict[str, int]
    flt: QueueFilter | None
    #: Positions in `index` of the rows `flt` keeps.
    visible: list[int]
    arrived: int = 0
    urgent_arrived: bool = False


def load_snapshot(
    cache: Cache,
    outbox: Outbox,
    views: Sequence[SavedView],
    flt: QueueFilter | None,
    clock: QueueClock,
    now: datetime,
    base: QueueIndex | None = None,
    since: int | None = None,
    was_pending: frozenset[int] = frozenset(),
) -> QueueSnapshot:
    """Everything (base None), or `base` with the rows changed since revision `since`."""
    revision = cache.revision()
    if base is None or since is None:
        by_id = {row.id: row for row in cache.load_queue_rows()}
        arrived: list[QueueRow] = []
    else:
        by_id = {row.id: row for row in base.rows}
        changed = cache.load_queue_rows_since(since)
        arrived = [row for row in changed if row.id not in by_id]
        by_id.update((row.id, row) for row in changed)
    previews = outbox.pending_previews()
    settled = [rid for rid in was_pending if rid not in previews and rid in by_id]
    if settled:
        by_id.update((r.id, queue_row_from_report(r)) for r in cache.get_reports(settled).values())
    by_id.update((rid, queue_row_from_report(r)) for rid, r in previews.items() if rid in by_id)
    index = QueueIndex(sort_by_urgency(by_id.values(), clock))
    fresh = [row for row in arrived if row.status == Status.NEW]
    return QueueSnapshot(
        revision=revision,
        index=index,
        pending=frozenset(previews),
        counts=view_counts(index, views, now, clock),
        flt=flt,
        visible=[] if flt is None else index.search(flt, now, clock),
        arrived=len(fresh),
        urgent_arrived=any(row.urgency == Urgency.URGENT for row in fresh),
    )


def load_everything(
    cache: Cache,
    outbox: Outbox,
    views: Sequence[SavedView],
    flt: QueueFilter | None,
    clock: QueueClock,
    now: datetime,
) -> QueueSnapshot:
    """A full load, with no garbage collection while 200,000 rows are made (each automatic
    full collection would walk all of them, holding every thread, the GUI's included)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return load_snapshot(cache, outbox, views, flt, clock, now)
    finally:
        if enabled:
            gc.enable()
