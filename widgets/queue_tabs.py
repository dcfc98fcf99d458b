"""The queue's tabs: one per saved view with its count, and each keeps its own filter bar.

One bar was shared by every tab: a filter set from the overdue board (a unit, "overdue")
stayed on the other tabs, and "Xin gia hạn (1)" then showed no row. The bar now shows the
filter of the tab on screen; a tab opened for the first time starts unfiltered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu, QTabBar, QWidget

from console.store.queue_filter import QueueFilter
from console.store.saved_views import (
    BUILTIN_VIEWS,
    SavedView,
    load_user_views,
    new_view_key,
    save_user_views,
)
from widgets.filter_bar import FilterBar
from widgets.i18n import current_language

BADGE_COLOUR = QColor("#b3261e")


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


class ViewTabs(QTabBar):
    """The saved views as tabs, each with its count: the built-in ones and the operator's
    own (JSON in the config folder), and the badge of new reports not yet seen.

    Its texts were the queue view's and keep that translation context ("QueueView")."""

    def __init__(self, config_dir: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._config_dir = config_dir
        self._views: list[SavedView] = [*BUILTIN_VIEWS, *load_user_views(config_dir)]
        #: Rows each view holds, by key (after a load).
        self.counts: dict[str, int] = {}
        self.unseen_new = 0
        #: Urgent reports announced and not opened yet: the New tab's red badge.
        self.urgent_unopened: set[int] = set()
        self._shown = (0, False)
        self.setObjectName("queueTabs")
        self.setExpanding(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        for view in self._views:
            self.setTabData(self.addTab(""), view.key)

    def views(self) -> list[SavedView]:
        return list(self._views)

    def current_view(self) -> SavedView:
        key = self.tabData(self.currentIndex())
        return next((v for v in self._views if v.key == key), BUILTIN_VIEWS[-1])

    def set_view(self, key: str) -> None:
        for n in range(self.count()):
            if self.tabData(n) == key:
                self.setCurrentIndex(n)
                return

    def add_view(self, label: str, flt: QueueFilter, count: int) -> SavedView:
        view = SavedView(new_view_key(label, (v.key for v in self._views)), label, label, flt)
        self._views.append(view)
        save_user_views(self._config_dir, self._views)
        self.counts[view.key] = count
        self.setTabData(self.addTab(""), view.key)
        return view

    def remove_view(self, key: str) -> None:
        view = next((v for v in self._views if v.key == key and not v.builtin), None)
        if view is None:
            return
        self._views.remove(view)
        save_user_views(self._config_dir, self._views)
        for n in range(self.count()):
            if self.tabData(n) == key:
                self.removeTab(n)
                break

    def add_urgent(self, report_ids: list[int]) -> None:
        self.urgent_unopened.update(report_ids)
        self.relabel(*self._shown)

    def opened(self, report_id: int) -> None:
        if report_id in self.urgent_unopened:
            self.urgent_unopened.discard(report_id)
            self.relabel(*self._shown)

    def relabel(self, shown: int, narrowed: bool) -> None:
        """Names in the UI language with counts; the current tab says shown/all when the
        filter bar narrows it."""
        self._shown = (shown, narrowed)
        language = current_language()
        for n in range(self.count()):
            view = next((v for v in self._views if v.key == self.tabData(n)), None)
            if view is None:
                continue
            label = view.label(language)
            count = self.counts.get(view.key)
            text = label if count is None else f"{label} ({number_text(count)})"
            if count is not None and n == self.currentIndex() and narrowed:
                text = f"{label} ({number_text(shown)}/{number_text(count)})"
            if view.key == "new" and self.urgent_unopened:
                urgent = QCoreApplication.translate("QueueView", "● %1 urgent")
                text += "  " + urgent.replace("%1", number_text(len(self.urgent_unopened)))
            if view.key == "new" and self.unseen_new:
                text += f"  +{number_text(self.unseen_new)}"
            if view.key == "new" and (self.unseen_new or self.urgent_unopened):
                self.setTabTextColor(n, BADGE_COLOUR)
            elif view.key == "new":
                self.setTabTextColor(n, QColor())
            self.setTabText(n, text)

    def _menu(self, point: QPoint) -> None:
        key = self.tabData(self.tabAt(point))
        view = next((v for v in self._views if v.key == key), None)
        if view is None or view.builtin:
            return
        menu = QMenu(self)
        remove = menu.addAction(QCoreApplication.translate("QueueView", "Delete this view"))
        if menu.exec(self.mapToGlobal(point)) is remove:
            self.remove_view(view.key)


def number_text(value: int) -> str:
    """Vietnamese thousands separator: 200.000."""
    return f"{value:,}".replace(",", ".")
