"""Loading the operator's queue from the local store, off the GUI thread.

A full load reads every row, sorts it most urgent first and indexes it for search; a merge
takes the previous index and only the rows changed since a cache revision. Reports with
actions still in the outbox show their predicted state. Before the first full load, the
first screen: the rows of the opening view alone, read through the status index (at 200,000
reports the full load takes seconds, the opening "New" view's few dozen rows a fraction).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from console.domain.model import Status, Urgency
from console.store.queue_clock import QueueClock
from console.store.queue_filter import QueueFilter, queue_row_from_report, sort_by_urgency
from console.store.queue_memory import bulk_allocation
from console.store.records import QueueRow
from console.store.saved_views import SavedView
from console.store.search_index import BuiltWords, QueueIndex, pack_keys, view_counts

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox
    from console.store.queue_columns import Positions

#: A merge that changes more than one row in this many lays the search keys out afresh.
REPACK_SHARE = 10
#: From this many rows on, the queue answers typed text from a word index (built with a full
#: load in seconds, carried over by merges) instead of scanning every row's search key.
WORDS_FROM = 300_000


@dataclass(frozen=True, slots=True)
class QueueSnapshot:
    """What a background load or merge hands to the GUI thread."""

    revision: int
    index: QueueIndex
    pending: frozenset[int]
    counts: dict[str, int]
    flt: QueueFilter | None
    #: Positions in `index` of the rows `flt` keeps.
    visible: Positions | list[int]
    arrived: int = 0
    urgent_arrived: bool = False
    #: Rows seen by this merge as new and urgent for the first time (arrived, or changed
    #: into it): what the urgent alert announces.
    urgent_rows: tuple[QueueRow, ...] = ()
    #: Reports this merge brought in that the queue did not hold before (highlighted).
    arrived_ids: tuple[int, ...] = ()


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
    """Everything (base None), or `base` with the rows changed since revision `since`
    (made as a bulk allocation: see console.store.queue_memory)."""
    with bulk_allocation():
        return _snapshot(cache, outbox, views, flt, clock, now, base, since, was_pending)


def _snapshot(
    cache: Cache,
    outbox: Outbox,
    views: Sequence[SavedView],
    flt: QueueFilter | None,
    clock: QueueClock,
    now: datetime,
    base: QueueIndex | None,
    since: int | None,
    was_pending: frozenset[int],
) -> QueueSnapshot:
    revision = cache.revision()
    # Into an empty queue (a fresh cache's first sync) nothing stands out as new.
    held = base is not None and len(base.rows) > 0
    pack = True
    full = True
    touched: set[int] = set()
    if base is None or since is None or cache.rebuilt_since(since):
        by_id = {row.id: row for row in cache.load_queue_rows(keys=False)}
        arrived: list[QueueRow] = []
        urgent: list[QueueRow] = []
    else:
        full = False
        by_id = {row.id: row for row in base.rows}
        changed = cache.load_queue_rows_since(since)
        pack = len(changed) * REPACK_SHARE > len(by_id)
        arrived = [row for row in changed if row.id not in by_id]
        urgent = [
            row
            for row in changed
            if _new_and_urgent(row) and not _new_and_urgent(by_id.get(row.id))
        ]
        by_id.update((row.id, row) for row in changed)
        touched.update(row.id for row in changed)
    previews = outbox.pending_previews()
    settled = [rid for rid in was_pending if rid not in previews and rid in by_id]
    if settled:
        by_id.update((r.id, queue_row_from_report(r)) for r in cache.get_reports(settled).values())
    by_id.update((rid, queue_row_from_report(r)) for rid, r in previews.items() if rid in by_id)
    touched.update(settled, previews)
    rows = sort_by_urgency(by_id.values(), clock)
    words = len(rows) >= WORDS_FROM
    if pack:
        stored = cache.search_keys()
        read = (row.search_key or stored.get(row.id, "") for row in rows)
        # The word index reads the keys once; then they go, given back whole (see pack_keys).
        keys = list(read) if words else pack_keys(read)
        del stored
    else:
        assert base is not None
        held_keys = base.keys_by_id()
        keys = [row.search_key or held_keys.get(row.id, "") for row in rows]
        del held_keys
    index = QueueIndex(rows, clock, keys=keys)
    if words:
        carried = None if full or base is None or base.words is None else base.words
        index.attach_words(_words(cache, index, clock, carried, touched, whole=pack), clock)
        # Only the rows the word index does not answer for are scanned: they hold their key.
        index.keys = [row.search_key for row in rows]
        del keys
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
        urgent_rows=tuple(urgent),
        arrived_ids=tuple(row.id for row in arrived) if held else (),
    )


def _words(
    cache: Cache,
    index: QueueIndex,
    clock: QueueClock,
    carried: BuiltWords | None,
    touched: set[int],
    *,
    whole: bool,
) -> BuiltWords:
    """The previous word index with the rows changed since scanned apart, or a new one once
    they are many (from every key: `index.keys` when `whole`, else read again)."""
    if carried is not None:
        carried = carried.since(touched)
        if len(carried.changed) * REPACK_SHARE <= len(index):
            return carried
    from console.store.word_index import WordIndex

    keys = index.keys
    if not whole:
        stored = cache.search_keys()
        keys = [row.search_key or stored.get(row.id, "") for row in index.rows]
        del stored
    return BuiltWords(WordIndex(keys), index.columns(clock).ids, frozenset())


def _new_and_urgent(row: QueueRow | None) -> bool:
    return row is not None and row.status == Status.NEW and row.urgency == Urgency.URGENT


def load_first_screen(
    cache: Cache, outbox: Outbox, flt: QueueFilter | None, clock: QueueClock, now: datetime
) -> QueueSnapshot | None:
    """The rows `flt` keeps when it names its statuses (None when it does not: the whole
    cache must be read anyway). Its index holds those statuses only; `counts` is empty."""
    if flt is None or not flt.statuses:
        return None
    statuses = frozenset(s.value for s in flt.statuses)
    by_id = {row.id: row for row in cache.load_queue_rows_in(statuses)}
    previews = outbox.pending_previews()
    for report_id, report in previews.items():
        by_id.pop(report_id, None)
        if report.status.value in statuses:
            by_id[report_id] = queue_row_from_report(report)
    index = QueueIndex(sort_by_urgency(by_id.values(), clock), clock)
    return QueueSnapshot(
        revision=cache.revision(),
        index=index,
        pending=frozenset(previews),
        counts={},
        flt=flt,
        visible=index.search(flt, now, clock),
    )


def load_everything(
    cache: Cache,
    outbox: Outbox,
    views: Sequence[SavedView],
    flt: QueueFilter | None,
    clock: QueueClock,
    now: datetime,
) -> QueueSnapshot:
    """A full load."""
    return load_snapshot(cache, outbox, views, flt, clock, now)
