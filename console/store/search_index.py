"""The queue's in-memory search index.

At 200,000 rows a filter change must show in about 100 ms, so filtering runs over rows
already in memory (a `QueueIndex`: numpy columns for the pick lists, each row's folded
`search_key` for the text, or at a million rows a word index: console.store.word_index),
never as a SQL query per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from console.domain.text import fold
from console.store.queue_clock import QueueClock
from console.store.queue_filter import QueueFilter, local_midnight
from console.store.records import QueueRow
from console.store.saved_views import SavedView

if TYPE_CHECKING:
    from console.store.queue_columns import Positions, QueueColumns
    from console.store.word_index import WordIndex


@dataclass(frozen=True, slots=True)
class BuiltWords:
    """A word index built from earlier keys: `ids[slot]` is each slot's report, `changed`
    the reports whose key may differ since (or that arrived since): those are scanned."""

    index: WordIndex
    ids: Any
    changed: frozenset[int]

    def since(self, changed: Iterable[int]) -> BuiltWords:
        return BuiltWords(self.index, self.ids, self.changed | frozenset(changed))


class QueueIndex:
    """Every queue row in the default order, with search keys and columns laid out for speed.

    `keys[i]` is the search key of `rows[i]`: the rows' own by default; a full load gives
    keys read apart (`pack_keys`), and its rows hold empty ones. With a word index
    (`words`), only the rows it does not answer for keep their key. A text search scans every
    key; keys scattered over the heap (each allocated beside its own row's values) scanned
    about three times slower than copies made one after another, in queue order. Pick
    lists, dates and toggles compare numpy columns. Build it off the GUI thread with the
    queue's clock (without one the columns are built at the first search).
    """

    def __init__(
        self,
        rows: Sequence[QueueRow],
        clock: QueueClock | None = None,
        *,
        keys: Sequence[str] | None = None,
    ) -> None:
        self.rows = list(rows)
        # numpy is imported by the first index built, on the loading thread, not at start.
        import numpy as np

        #: The rows again as one array of references, so `take` is one C gather.
        self._row_array = np.empty(len(self.rows), dtype=object)
        self._row_array[:] = self.rows
        self.keys = [r.search_key for r in self.rows] if keys is None else list(keys)
        self._columns = self._build_columns(clock) if clock is not None else None
        self._position: Callable[[int], int | None] | None = None
        self.words: BuiltWords | None = None
        self._slots: tuple[Any, Any] | None = None

    def keys_by_id(self) -> dict[int, str]:
        return dict(zip((r.id for r in self.rows), self.keys, strict=True))

    def position_of(self, report_id: int) -> int | None:
        """Where a report is in `rows`: a binary search in the columns (a dictionary of
        1,000,000 ids would hold 70 MB), or a dictionary for an index built without a clock."""
        if self._position is None:
            if self._columns is not None:
                self._position = self._columns.position_of
            else:
                self._position = {r.id: n for n, r in enumerate(self.rows)}.get
        return self._position(report_id)

    def __len__(self) -> int:
        return len(self.rows)

    def _build_columns(self, clock: QueueClock) -> QueueColumns:
        from console.store.queue_columns import QueueColumns

        return QueueColumns(self.rows, clock)

    def columns(self, clock: QueueClock) -> QueueColumns:
        if self._columns is None:
            self._columns = self._build_columns(clock)
        return self._columns

    def search(
        self,
        flt: QueueFilter,
        now: datetime,
        clock: QueueClock,
        within: Positions | Sequence[int] | None = None,
    ) -> Positions:
        """Ascending positions in `rows` of what `flt` keeps (among `within` if given), as
        an array: a million Python integers would cost 36 MB and 20 ms to make."""
        columns = self.columns(clock)
        pos = columns.positions(within)
        if flt.statuses:
            pos = columns.status.among(pos, {s.value for s in flt.statuses})
        if flt.categories:
            pos = columns.category.among(pos, flt.categories)
        if flt.wards:
            pos = columns.ward.among(pos, flt.wards)
        if flt.units:
            pos = columns.unit.among(pos, flt.units)
        if flt.urgencies:
            pos = columns.urgency.among(pos, {u.value for u in flt.urgencies})
        if flt.date_from is not None:
            pos = columns.created_from(pos, local_midnight(flt.date_from))
        if flt.date_to is not None:
            pos = columns.created_before(pos, local_midnight(flt.date_to + timedelta(days=1)))
        if flt.escalated_only:
            pos = columns.escalated(pos)
        if flt.overdue_only:
            pos = columns.overdue(pos, now)
        tokens = sorted(set(fold(flt.text).split()), key=len, reverse=True)
        if self.words is not None and tokens:
            for token in tokens:
                pos = pos[self._holding(token, columns)[pos]]
            return pos
        if not tokens:
            return pos
        found: list[int] = pos.tolist()
        keys = self.keys
        for token in tokens:
            found = [i for i in found if token in keys[i]]
        return columns.positions(found)

    def attach_words(self, words: BuiltWords, clock: QueueClock) -> None:
        """Answer text from `words`, its slots placed now (off the GUI thread), not at the
        first letter typed."""
        self.words = words
        self._slots = self.columns(clock).slot_positions(words.ids, words.changed)

    def _holding(self, token: str, columns: QueueColumns) -> Any:
        """Per position: whether its key holds `token` (the word index, and a scan of the
        rows changed since it was built)."""
        assert self.words is not None and self._slots is not None
        at, scanned = self._slots
        held = self.words.index.holding(token)
        mask = columns.no_rows()
        mask[at[held & (at >= 0)]] = True
        keys = self.keys
        mask[[i for i in scanned if token in keys[i]]] = True
        return mask

    def take(self, positions: Positions | Sequence[int]) -> list[QueueRow]:
        taken: list[QueueRow] = self._row_array[positions].tolist()
        return taken

    def locator(self, positions: Positions | Sequence[int]) -> Callable[[int], int | None]:
        """Where a report is among the rows at `positions` (ascending), without a pass over
        them: two binary searches."""
        import numpy as np

        where = self.position_of
        positions = np.asarray(positions, dtype=np.intp)

        def locate(report_id: int) -> int | None:
            at = where(report_id)
            if at is None:
                return None
            n = int(positions.searchsorted(at))
            return n if n < len(positions) and positions[n] == at else None

        return locate


#: Keys copied per join: a join holds the GIL for its whole length, and the GUI waits on it.
COPY_CHUNK = 5_000


def pack_keys(keys: Iterable[str]) -> list[str]:
    """New strings equal to `keys`, allocated one after another (a join and a split per
    chunk; a search key never holds a newline, `fold` collapses whitespace)."""
    keys = list(keys)
    copies: list[str] = []
    for start in range(0, len(keys), COPY_CHUNK):
        copies += "\n".join(keys[start : start + COPY_CHUNK]).split("\n")
    return copies


def view_counts(
    index: QueueIndex, views: Iterable[SavedView], now: datetime, clock: QueueClock
) -> dict[str, int]:
    """How many rows each view holds (for the tab badges), computed off the GUI thread."""
    return {v.key: len(index.search(v.filter, now, clock)) for v in views}
