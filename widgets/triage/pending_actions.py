"""The 'Pending actions' list: what is queued, failed, in conflict or refused, with retry and
drop. Nothing leaves this list silently: a dropped action stays in the outbox, for the record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.labels import label
from console.store import Cache, EntryState, Outbox, OutboxEntry
from widgets.i18n import current_language
from widgets.triage.common import local_text, tr

SHOWN_STATES = (EntryState.QUEUED, EntryState.FAILED, EntryState.CONFLICT, EntryState.REFUSED)
ENTRY_ROLE = Qt.ItemDataRole.UserRole
STATE_COLOURS = {
    EntryState.FAILED: QColor("#fff3cd"),
    EntryState.CONFLICT: QColor("#fde2e1"),
    EntryState.REFUSED: QColor("#fde2e1"),
}


def state_label(state: EntryState) -> str:
    labels = {
        EntryState.QUEUED: tr("Queued"),
        EntryState.FAILED: tr("Not sent yet (will retry)"),
        EntryState.CONFLICT: tr("Conflict"),
        EntryState.REFUSED: tr("Refused by the server"),
        EntryState.SENT: tr("Applied"),
        EntryState.DROPPED: tr("Dropped"),
    }
    return labels[state]


class PendingActionsDialog(QDialog):
    """`on_retry(entry)` and `on_drop(entry)` belong to the controller (a conflict is
    re-applied through the domain first)."""

    def __init__(
        self,
        outbox: Outbox,
        cache: Cache,
        on_retry: Callable[[OutboxEntry], None],
        on_drop: Callable[[OutboxEntry], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pendingActions")
        self.outbox = outbox
        self.cache = cache
        self.on_retry = on_retry
        self.on_drop = on_drop
        self.entries: list[OutboxEntry] = []
        self.setWindowTitle(self.tr("Pending actions"))
        self.resize(860, 420)

        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(self)
        self.table.setObjectName("pendingTable")
        headers = [
            self.tr("Report"),
            self.tr("Action"),
            self.tr("State"),
            self.tr("Queued at"),
            self.tr("Attempts"),
            self.tr("Server's answer"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.retry_button = QPushButton(self.tr("&Retry"), self)
        self.retry_button.setObjectName("retry")
        self.drop_button = QPushButton(self.tr("&Drop"), self)
        self.drop_button.setObjectName("drop")
        refresh = QPushButton(self.tr("Re&fresh"), self)
        close = QPushButton(self.tr("Close"), self)
        for button in (self.retry_button, self.drop_button, refresh, close):
            button.setAutoDefault(False)
        self.retry_button.clicked.connect(lambda: self._each(self.on_retry))
        self.drop_button.clicked.connect(lambda: self._each(self.on_drop))
        refresh.clicked.connect(self.refresh)
        close.clicked.connect(self.close)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        selected = {e.id for e in self.selected_entries()}
        self.entries = [e for e in self.outbox.all_entries() if e.state in SHOWN_STATES]
        reports = self.cache.get_reports(sorted({e.report_id for e in self.entries}))
        table = self.table
        table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            report = reports.get(entry.report_id)
            cells = (
                report.code if report is not None else f"#{entry.report_id}",
                label(entry.action_type, current_language()),
                state_label(entry.state),
                local_text(entry.created_at),
                str(entry.attempts),
                entry.last_error or "",
            )
            colour = STATE_COLOURS.get(entry.state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ENTRY_ROLE, entry.id)
                item.setToolTip(
                    QtGui.Qt.convertFromPlainText(text, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
                    if text
                    else ""
                )
                if colour is not None:
                    item.setBackground(QBrush(colour))
                table.setItem(row, column, item)
            if entry.id in selected:
                table.selectRow(row)
        table.resizeColumnsToContents()
        counts = self.outbox.counts()
        self.summary.setText(
            self.tr("Queued: %1 · failed: %2 · conflicts: %3 · refused: %4")
            .replace("%1", str(counts.queued))
            .replace("%2", str(counts.failed))
            .replace("%3", str(counts.conflicts))
            .replace("%4", str(counts.refused))
        )
        self._update_buttons()

    def selected_entries(self) -> list[OutboxEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.entries[r] for r in rows if r < len(self.entries)]

    def select_entry(self, entry_id: int) -> None:
        for row, entry in enumerate(self.entries):
            if entry.id == entry_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected_entries()
        self.retry_button.setEnabled(any(e.state is not EntryState.QUEUED for e in chosen))
        self.drop_button.setEnabled(bool(chosen))

    def _each(self, act: Callable[[OutboxEntry], None]) -> None:
        for entry in self.selected_entries():
            act(entry)
        self.refresh()
