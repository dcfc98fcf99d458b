"""The operator's triage queue: saved-view tabs, the filter bar and the table.

All rows live in memory (loaded in the background, sorted most urgent first, indexed for
search); a filter change searches that index on the GUI thread, aiming at under 100 ms for
200,000 rows, and typing more only searches what the previous text kept. Sync results are merged in the background and swapped in with the selection
following its report and the rows on screen kept on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.config import Settings
from console.domain.model import Status, utcnow
from console.domain.reference import Reference
from console.domain.sla import SlaClock
from console.store.queue_clock import QueueClock
from console.store.queue_filter import QueueFilter
from console.store.queue_loading import (
    QueueSnapshot,
    load_everything,
    load_first_screen,
    load_snapshot,
)
from console.store.records import QueueRow
from console.store.saved_views import (
    SavedView,
)
from console.store.search_index import QueueIndex
from widgets.filter_bar import FilterBar
from widgets.queue_columns import ColumnFitter
from widgets.queue_model import Column, QueueModel
from widgets.queue_selection import SelectionKeeper
from widgets.queue_tabs import TabFilters, ViewTabs, number_text
from widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox
    from console.store.queue_columns import Positions

    Shown = Positions | list[int]  # positions in the index of the rows shown

CLOCK_REFRESH_MS = 60_000


class QueueView(QWidget):
    reportSelected = Signal(int)
    #: The filtered QueueRows (a list; `object` spares converting 200,000 rows to a QVariantList).
    visibleRowsChanged = Signal(object)
    newReportsArrived = Signal(int, bool)
    #: The report shown as current has left the rows and no other took its place.
    currentLeft = Signal()
    #: Rows a sync showed as new and urgent for the first time (list of QueueRow).
    urgentReportsSeen = Signal(object)
    #: Ids of reports a merge brought in (a list): highlighted here, pulsed on the map.
    reportsArrived = Signal(object)
    #: A load or merge has been shown (tests and the status bar wait on it).
    loaded = Signal()

    def __init__(
        self,
        sla: SlaClock,
        reference: Reference,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        store: tuple[Cache, Outbox] | None = None,
        runner: TaskRunner | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        """Without `store` the view waits for `open_store` (the window shows before it)."""
        super().__init__(parent)
        self._store = store
        self.settings = settings
        self.clock = QueueClock(sla)
        self._now = now
        self._runner = runner or TaskRunner(self, max_threads=1)
        self._own_runner = runner is None
        self._index = QueueIndex([])
        self._visible: list[QueueRow] = []
        self._visible_positions: Shown = []
        self._visible_filter: QueueFilter | None = None
        self._pending: frozenset[int] = frozenset()
        self._revision: int | None = None
        #: Until the first full load: the statuses the first screen's index holds.
        self._first_screen: frozenset[Status] | None = None
        self._busy = False
        self._queued: str | None = None

        self.tabs = ViewTabs(settings.config_dir, self)
        self.filter_bar = FilterBar(reference, self)
        self.model = QueueModel(reference, self.clock, now, self)
        self.table = QTableView(self)
        self.table.setObjectName("queueTable")
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self._setup_table()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        layout.addLayout(bottom)

        self.tab_filters = TabFilters(self.filter_bar, self.current_view().key)
        self._relabel_tabs()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.reportSelected.connect(self.model.mark_seen)
        self.reportSelected.connect(self.tabs.opened)
        self.urgentReportsSeen.connect(lambda rows: self.tabs.add_urgent([r.id for r in rows]))
        self.filter_bar.changed.connect(self._refilter)
        self.filter_bar.saveRequested.connect(self._ask_view_name)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_REFRESH_MS)
        self._clock_timer.timeout.connect(self.model.refresh_clock)
        self._clock_timer.start()

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        self.columns = ColumnFitter(table)
        header.setSortIndicator(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        self.selection = SelectionKeeper(
            table, self.model, self.reportSelected.emit, self.currentLeft.emit
        )

    # -- public API ------------------------------------------------------------------------

    def reload(self) -> None:
        """Load every row from the cache in the background, then show them."""
        self._start("reload")

    def open_store(self, cache: Cache, outbox: Outbox) -> None:
        """The cache is open: the load asked for meanwhile starts now."""
        self._store = (cache, outbox)
        queued, self._queued = self._queued, None
        if queued is not None:
            self._start(queued)

    def merge_changes(self) -> None:
        """Bring in rows changed since the last load; selection and scroll stay put."""
        self._start("merge" if self._revision is not None else "reload")

    def select_report(self, report_id: int) -> bool:
        """Make `report_id` current and visible; False when the current filter hides it."""
        return self.selection.select(report_id)

    def current_filter(self) -> QueueFilter | None:
        """The tab's filter narrowed by the filter bar; None when they exclude each other."""
        return self.current_view().filter.narrow(self.filter_bar.filter())

    def current_view(self) -> SavedView:
        return self.tabs.current_view()

    def set_view(self, key: str) -> None:
        self.tabs.set_view(key)

    def views(self) -> list[SavedView]:
        return self.tabs.views()

    def selected_ids(self) -> list[int]:
        return self.selection.selected_ids()

    def all_rows(self) -> Sequence[QueueRow]:
        return self._index.rows

    def visible_rows(self) -> list[QueueRow]:
        return list(self._visible)

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def save_current_view(self, label: str) -> SavedView | None:
        """Keep the current filter as the operator's own tab (JSON in the config folder)."""
        label = label.strip()
        flt = self.current_filter()
        if not label or flt is None:
            return None
        count = len(self._index.search(flt, self._now(), self.clock))
        view = self.tabs.add_view(label, flt, count)
        self._relabel_tabs()
        return view

    def remove_view(self, key: str) -> None:
        self.tabs.remove_view(key)

    def shutdown(self) -> None:
        self._clock_timer.stop()
        self.filter_bar.shutdown()
        self._queued = None
        if self._own_runner:
            self._runner.shutdown()

    # -- loading ---------------------------------------------------------------------------

    def _start(self, kind: str) -> None:
        if self._store is None:
            self._queued = "reload"
            self.summary.setText(self.tr("Opening the local store…"))
            return
        if self._busy:
            if self._queued != "reload":
                self._queued = kind
            return
        self._busy = True
        if kind == "reload" and self._revision is None and self._first_screen is None:
            self.summary.setText(self.tr("Loading reports…"))
            self._runner.run(
                load_first_screen,
                *self._store,
                self.current_filter(),
                self.clock,
                self._now(),
                on_done=self._first_screen_loaded,
                on_error=self._failed,
            )
            return
        self._load_all(kind)

    def _load_all(self, kind: str) -> None:
        assert self._store is not None
        if kind == "reload":
            args: tuple[object, ...] = ()
        else:
            args = (self._index, self._revision, self._pending)
        self._runner.run(
            load_everything if kind == "reload" else load_snapshot,
            *self._store,
            tuple(self.tabs.views()),
            self.current_filter(),
            self.clock,
            self._now(),
            *args,
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _finish_job(self) -> None:
        self._busy = False
        queued, self._queued = self._queued, None
        if queued is not None:
            self._start(queued)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("Could not read the local cache: %1").replace("%1", str(exc)))
        self._finish_job()

    def _first_screen_loaded(self, snapshot: QueueSnapshot | None) -> None:
        """The opening view's rows, shown while the whole cache is read behind them."""
        if snapshot is not None and self._revision is None:
            self._first_screen = frozenset(snapshot.flt.statuses) if snapshot.flt else None
            self._index = snapshot.index
            self._pending = snapshot.pending
            view = self.current_view()
            if self._holds(view.filter):
                found = self._index.search(view.filter, self._now(), self.clock)
                self.tabs.counts[view.key] = len(found)
            flt = self.current_filter()
            positions: Shown = snapshot.visible
            if flt != snapshot.flt:
                positions = []
                if flt is not None and self._holds(flt):
                    positions = self._index.search(flt, self._now(), self.clock)
            self._show(positions, flt, keep_scroll=False)
            self._relabel_tabs()
        self._load_all("reload")

    def _holds(self, flt: QueueFilter | None) -> bool:
        """Whether the index can answer `flt`: always, once the whole cache is loaded."""
        if self._first_screen is None:
            return True
        return flt is not None and bool(flt.statuses) and flt.statuses <= self._first_screen

    def _loaded(self, snapshot: QueueSnapshot) -> None:
        first = self._revision is None
        self._first_screen = None
        self._revision = snapshot.revision
        self._index = snapshot.index
        self._pending = snapshot.pending
        self.tabs.counts.update(snapshot.counts)
        flt = self.current_filter()
        positions: Shown = snapshot.visible
        if flt != snapshot.flt:
            positions = [] if flt is None else self._index.search(flt, self._now(), self.clock)
        self._show(positions, flt, keep_scroll=not first)
        if snapshot.arrived:
            if self.current_view().key != "new":
                self.tabs.unseen_new += snapshot.arrived
            self.newReportsArrived.emit(snapshot.arrived, snapshot.urgent_arrived)
        if snapshot.urgent_rows:
            self.urgentReportsSeen.emit(list(snapshot.urgent_rows))
        if snapshot.arrived_ids:
            self.model.mark_new(snapshot.arrived_ids)
            self.reportsArrived.emit(list(snapshot.arrived_ids))
        self._relabel_tabs()
        self._finish_job()
        self.loaded.emit()

    # -- filtering and showing -------------------------------------------------------------

    def _refilter(self) -> None:
        flt = self.current_filter()
        previous = self._visible_filter
        within = None
        if flt is not None and previous is not None and flt.refines(previous):
            within = self._visible_positions
        if flt is None or not self._holds(flt):
            self._show([], flt, keep_scroll=False)
            return
        self._show(self._index.search(flt, self._now(), self.clock, within), flt, keep_scroll=False)

    def _show(self, positions: Shown, flt: QueueFilter | None, *, keep_scroll: bool) -> None:
        anchor = self.selection.top_row_id() if keep_scroll else None
        scroll = self.table.verticalScrollBar()
        visible = self._index.take(positions)
        self._visible = visible
        self._visible_positions = positions
        self._visible_filter = flt
        self.model.set_rows(visible, self._pending, locate=self._index.locator(positions))
        self.selection.follow(moved=keep_scroll)
        self._relabel_tabs()
        top = self.model.row_of(anchor) if anchor is not None else None
        if top is not None:
            scroll.setValue(top)
        elif not keep_scroll:
            current = self.table.currentIndex()
            if current.isValid():
                self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
            else:
                self.table.scrollToTop()
        self._summarise()
        self.visibleRowsChanged.emit(visible)

    def _summarise(self) -> None:
        if self._first_screen is None:
            summary = self.tr("%1 of %2 reports").replace("%2", number_text(len(self._index)))
        elif self._holds(self._visible_filter):
            summary = self.tr("%1 reports in this view; loading the others…")
        else:
            summary = self.tr("Loading reports…")
        self.summary.setText(summary.replace("%1", number_text(len(self._visible))))

    def changeEvent(self, event: QEvent) -> None:
        """A new language: tab names and the summary now; the model and filters do their own."""
        if event.type() == QEvent.Type.LanguageChange:
            self._relabel_tabs()
            if self._revision is not None or self._first_screen is not None:
                self._summarise()
        super().changeEvent(event)

    # -- tabs ------------------------------------------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        self.tab_filters.switch(self.current_view().key)
        if self.current_view().key == "new":
            self.tabs.unseen_new = 0
            self._relabel_tabs()
        self._refilter()

    def _relabel_tabs(self) -> None:
        self.tabs.relabel(len(self._visible), self.tab_filters.narrowed())

    def _ask_view_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of the new tab:"))
        if ok:
            self.save_current_view(name)
