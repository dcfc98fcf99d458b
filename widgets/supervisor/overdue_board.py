"""The overdue board: late and nearly late reports grouped by unit, with each unit's on-time
rate and satisfaction over a chosen period; drill down to the reports, open them in the queue
(and so on the map), escalate one report or all of a unit's overdue reports.

Rows are loaded off the GUI thread, with queued actions overlaid (an escalation just sent
shows its new level at once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.labels import label_of
from console.domain.model import Status
from console.domain.reference import Reference
from console.store import Cache, Outbox
from console.store.overdue import LateReport, UnitOverdue, UnitPerformance, group_overdue
from console.store.overdue import unit_performance as load_performance
from console.store.queue_clock import QueueClock
from console.store.queue_filter import QueueFilter, queue_row_from_report
from widgets.i18n import current_language
from widgets.supervisor.common import (
    LatestLoad,
    SortItem,
    local_text,
    percent_text,
    tr,
    unit_name,
)
from widgets.tasks import TaskRunner

PERIODS = (7, 30, 90)
ID_ROLE = Qt.ItemDataRole.UserRole
LATE_COLOUR = QColor("#b71c1c")
SOON_COLOUR = QColor("#b26a00")


class BoardColumn(IntEnum):
    """The board's columns: a unit's line fills them all, a report's line NAME, DEADLINE,
    DAYS_LATE and ESCALATION."""

    NAME = 0
    OVERDUE = 1
    SOON = 2
    DEADLINE = 3
    DAYS_LATE = 4
    ESCALATION = 5
    ON_TIME = 6
    SATISFACTION = 7


def _headers() -> dict[BoardColumn, str]:
    return {
        BoardColumn.NAME: tr("Unit / report"),
        BoardColumn.OVERDUE: tr("Overdue"),
        BoardColumn.SOON: tr("Soon overdue"),
        BoardColumn.DEADLINE: tr("Oldest deadline"),
        BoardColumn.DAYS_LATE: tr("Days late"),
        BoardColumn.ESCALATION: tr("Escalation level"),
        BoardColumn.ON_TIME: tr("On time"),
        BoardColumn.SATISFACTION: tr("Satisfaction"),
    }


@dataclass(frozen=True, slots=True)
class BoardData:
    groups: list[UnitOverdue]
    performance: dict[str, UnitPerformance]
    now: datetime


def load_board(
    cache: Cache, outbox: Outbox, clock: QueueClock, now: datetime, days: int
) -> BoardData:
    """Everything the board shows (runs on a worker thread)."""
    rows = {r.id: r for r in cache.load_queue_rows()}
    for report_id, preview in outbox.pending_previews().items():
        rows[report_id] = queue_row_from_report(preview)
    groups = group_overdue(rows.values(), now, clock)
    performance = load_performance(cache, now - timedelta(days=days), now)
    return BoardData(groups, performance, now)


class OverdueBoard(QWidget):
    """Signals: `escalateRequested(list[int])` (report ids), `openInQueue(object)`
    (a QueueFilter or a list of ids), `loaded()` after each refresh."""

    escalateRequested = Signal(list)
    openInQueue = Signal(object)
    loaded = Signal()

    def __init__(
        self,
        cache: Cache,
        outbox: Outbox,
        clock: QueueClock,
        reference: Reference,
        runner: TaskRunner,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overdueBoard")
        self.cache = cache
        self.outbox = outbox
        self.clock = clock
        self.reference = reference
        self.now = now
        self.data: BoardData | None = None
        self.load = LatestLoad(runner, self.refresh)

        self.period = QComboBox(self)
        self.period.setObjectName("overduePeriod")
        for days in PERIODS:
            self.period.addItem("", days)
        self.period.setCurrentIndex(1)
        self.refresh_button = QPushButton(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("overdueSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("overdueTree")
        self.tree.setColumnCount(len(BoardColumn))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(BoardColumn.OVERDUE, Qt.SortOrder.DescendingOrder)
        header = self.tree.header()
        header.setSectionResizeMode(BoardColumn.NAME, QHeaderView.ResizeMode.Stretch)
        for column in list(BoardColumn)[1:]:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.escalate_button = QPushButton(self)
        self.escalate_button.setObjectName("overdueEscalate")
        self.escalate_unit_button = QPushButton(self)
        self.escalate_unit_button.setObjectName("overdueEscalateUnit")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("overdueOpen")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("overdueClose")
        self._retranslate()
        self.close_button.clicked.connect(self.close)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.period)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addStretch(1)
        bottom.addWidget(self.escalate_button)
        bottom.addWidget(self.escalate_unit_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)

        self.refresh_button.clicked.connect(self.refresh)
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._open(item))
        self.escalate_button.clicked.connect(self._escalate_selected)
        self.escalate_unit_button.clicked.connect(self._escalate_unit)
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self._selection_changed()

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Overdue board"))
        for n, days in enumerate(PERIODS):
            self.period.setItemText(n, tr("Last %1 days").replace("%1", str(days)))
        self.period.setToolTip(tr("Period of the on-time rate and satisfaction"))
        self.refresh_button.setText(tr("Refresh"))
        headers = _headers()
        self.tree.setHeaderLabels([headers[column] for column in BoardColumn])
        self.escalate_button.setText(tr("Escalate selected…"))
        self.escalate_unit_button.setText(tr("Escalate all overdue of the unit…"))
        self.open_button.setText(tr("Show in queue and map"))
        self.close_button.setText(tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        """A language switch while the board is open: its words and data labels follow."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.data is not None:
                self._show(self.data)

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.load.deferred():
            return
        days = int(self.period.currentData())
        self.load.run(
            load_board,
            self.cache,
            self.outbox,
            self.clock,
            self.now(),
            days,
            on_done=self._show,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(tr("Could not load the board: %1").replace("%1", str(exc)))

    def _show(self, data: BoardData) -> None:
        expanded = {
            item.data(BoardColumn.NAME, ID_ROLE) for item in self.unit_items() if item.isExpanded()
        }
        current = self.tree.currentItem()
        keep = current.data(BoardColumn.NAME, ID_ROLE) if current is not None else None
        self.data = data
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        for group in data.groups:
            item = self._unit_item(group, data.performance.get(group.unit))
            self.tree.addTopLevelItem(item)
            item.setExpanded(group.unit in expanded)
        self.tree.setSortingEnabled(True)
        if keep is not None:
            self._reselect(keep)
        late = sum(len(g.overdue) for g in data.groups)
        soon = sum(len(g.soon) for g in data.groups)
        self.summary.setText(
            tr("%1 overdue and %2 soon overdue reports in %3 units")
            .replace("%1", str(late))
            .replace("%2", str(soon))
            .replace("%3", str(len(data.groups)))
        )
        self._selection_changed()
        self.loaded.emit()

    def _unit_item(self, group: UnitOverdue, performance: UnitPerformance | None) -> SortItem:
        oldest = group.oldest_deadline
        values: list[tuple[str, object]] = [
            (unit_name(self.reference, group.unit), unit_name(self.reference, group.unit)),
            (str(len(group.overdue)), len(group.overdue)),
            (str(len(group.soon)), len(group.soon)),
            (local_text(oldest) if oldest else "—", oldest.timestamp() if oldest else 1e12),
            (str(group.most_days_late), group.most_days_late),
            (str(group.highest_escalation), group.highest_escalation),
        ]
        on_time = performance.on_time_rate if performance else None
        satisfaction = performance.satisfaction if performance else None
        values.append((percent_text(on_time), -1.0 if on_time is None else on_time))
        values.append((percent_text(satisfaction), -1.0 if satisfaction is None else satisfaction))
        item = SortItem()
        for column, (shown, key) in enumerate(values):
            item.setText(column, shown)
            item.set_key(column, key)
        item.setData(BoardColumn.NAME, ID_ROLE, group.unit)
        if performance is not None:
            item.setToolTip(
                BoardColumn.ON_TIME,
                tr("%1 on time, %2 with an extension, %3 late")
                .replace("%1", str(performance.on_time))
                .replace("%2", str(performance.extended))
                .replace("%3", str(performance.late)),
            )
            item.setToolTip(
                BoardColumn.SATISFACTION, tr("%1 ratings").replace("%1", str(performance.rated))
            )
        if group.overdue:
            item.setForeground(BoardColumn.OVERDUE, QBrush(LATE_COLOUR))
        for late in (*group.overdue, *group.soon):
            item.addChild(self._report_item(late))
        return item

    def _report_item(self, late: LateReport) -> SortItem:
        row = late.row
        child = SortItem()
        name, deadline = BoardColumn.NAME, BoardColumn.DEADLINE
        days, escalation = BoardColumn.DAYS_LATE, BoardColumn.ESCALATION
        child.setText(name, f"{row.code} — {row.title}")
        status = label_of(Status, row.status, current_language())
        child.setToolTip(name, f"{row.code} — {row.title}\n{status}")
        child.setText(deadline, local_text(late.deadline))
        child.set_key(deadline, late.deadline.timestamp())
        child.setText(days, str(late.days_late) if late.overdue else tr("soon"))
        child.set_key(days, late.days_late if late.overdue else -1)
        child.setText(escalation, str(row.escalation_level))
        child.set_key(escalation, row.escalation_level)
        child.setData(name, ID_ROLE, row.id)
        colour = LATE_COLOUR if late.overdue else SOON_COLOUR
        for column in (name, deadline, days):
            child.setForeground(column, QBrush(colour))
        return child

    # -- selection and actions -------------------------------------------------------------

    def group(self, unit: str) -> UnitOverdue | None:
        if self.data is None:
            return None
        return next((g for g in self.data.groups if g.unit == unit), None)

    def unit_item(self, unit: str) -> QTreeWidgetItem | None:
        return next(
            (i for i in self.unit_items() if i.data(BoardColumn.NAME, ID_ROLE) == unit), None
        )

    def unit_items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _unit_of(self, item: QTreeWidgetItem | None) -> str | None:
        if item is None:
            return None
        top = item.parent() or item
        unit = top.data(BoardColumn.NAME, ID_ROLE)
        return str(unit) if unit is not None else None

    def selected_report_ids(self) -> list[int]:
        return [
            int(item.data(BoardColumn.NAME, ID_ROLE))
            for item in self.tree.selectedItems()
            if item.parent() is not None
        ]

    def _selection_changed(self) -> None:
        unit = self._unit_of(self.tree.currentItem())
        group = self.group(unit) if unit else None
        self.escalate_button.setEnabled(bool(self.selected_report_ids()))
        self.escalate_unit_button.setEnabled(group is not None and bool(group.overdue))
        self.open_button.setEnabled(unit is not None)

    def _escalate_selected(self) -> None:
        ids = self.selected_report_ids()
        if ids:
            self.escalateRequested.emit(ids)

    def _escalate_unit(self) -> None:
        unit = self._unit_of(self.tree.currentItem())
        group = self.group(unit) if unit else None
        if group is not None and group.overdue:
            self.escalateRequested.emit(group.overdue_ids)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        if item.parent() is not None:
            self.openInQueue.emit([int(item.data(BoardColumn.NAME, ID_ROLE))])
            return
        unit = self._unit_of(item)
        if unit is not None:
            self.openInQueue.emit(QueueFilter(units=frozenset({unit}), overdue_only=True))

    def _reselect(self, key: object) -> None:
        """Make current again the unit or report that was current before a reload."""
        for item in self.unit_items():
            children = (item.child(n) for n in range(item.childCount()))
            for candidate in (item, *children):
                if candidate is not None and candidate.data(BoardColumn.NAME, ID_ROLE) == key:
                    self.tree.setCurrentItem(candidate)
                    return

    def select_unit(self, unit: str) -> bool:
        item = self.unit_item(unit)
        if item is None:
            return False
        self.tree.setCurrentItem(item)
        return True
