"""The failed and uncertain messages: what the channel said, and a Retry for each.

"Uncertain" is a message the server began to send without hearing whether the channel got
it: someone checks the group, then retries it or leaves it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.hue_time import time_text
from console.sync.relay_client import RelayMessage

ID_ROLE = Qt.ItemDataRole.UserRole


class FailedPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("relay_failed")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Report"),
                self.tr("Channel"),
                self.tr("State"),
                self.tr("Attempts"),
                self.tr("Created"),
                self.tr("Channel's error"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.retry_button = QPushButton(self.tr("Re&try"))
        self.retry_button.setObjectName("relay_retry")
        self.retry_button.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("relay_failed_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.messages: list[RelayMessage] = []
        self.table.itemSelectionChanged.connect(self.refresh_selection)

    def show_messages(
        self, messages: list[RelayMessage], codes: Mapping[int, str], names: Mapping[str, str]
    ) -> None:
        self.messages = messages
        self.table.setRowCount(len(messages))
        for row, message in enumerate(messages):
            values = [
                codes.get(message.report_id, f"#{message.report_id}"),
                names.get(message.channel, message.channel),
                self.tr("Failed") if message.state == "failed" else self.tr("Uncertain"),
                str(message.attempts),
                time_text(message.created_at),
                message.last_error,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, message.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.status.setText(
            self.tr("{0} messages failed or uncertain").format(len(messages))
            if messages
            else self.tr("No failed or uncertain message.")
        )
        self.refresh_selection()

    def chosen(self) -> RelayMessage | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.messages):
            return None
        return self.messages[row]

    def refresh_selection(self) -> None:
        chosen = self.chosen()
        self.retry_button.setEnabled(chosen is not None)
