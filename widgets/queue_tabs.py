"""Each queue tab keeps its own filter bar.

One bar was shared by every tab: a filter set from the overdue board (a unit, "overdue")
stayed on the other tabs, and "Xin gia hạn (1)" then showed no row. The bar now shows the
filter of the tab on screen; a tab opened for the first time starts unfiltered.
"""

from __future__ import annotations

from console.store.queue_filter import QueueFilter
from widgets.filter_bar import FilterBar


class TabFilters:
    def __init__(self, bar: FilterBar, first_key: str) -> None:
        self._bar = bar
        self._key = first_key
        self._saved: dict[str, QueueFilter] = {}

    def switch(self, key: str) -> None:
        """Keep the bar of the tab being left, show the one of `key` (without `changed`)."""
        if key == self._key:
            return
        self._saved[self._key] = self._bar.filter()
        self._key = key
        self._bar.show_filter(self._saved.pop(key, QueueFilter()))

    def narrowed(self) -> bool:
        """Whether the bar narrows the tab on screen (its count then says "shown/all")."""
        return self._bar.filter() != QueueFilter()
