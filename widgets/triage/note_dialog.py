"""An internal note on reports: seen by IOC staff in the history, never sent to the citizen.

The text box takes Enter as a new line, so Ctrl+Enter confirms."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.model import Report
from widgets.triage.common import report_line


class NoteDialog(QDialog):
    def __init__(self, reports: Sequence[Report], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.reports = list(reports)
        self.setWindowTitle(self.tr("Internal note"))
        self.resize(480, 260)
        heading = QLabel(
            report_line(self.reports[0])
            if len(self.reports) == 1
            else self.tr("%1 selected reports").replace("%1", str(len(self.reports))),
            self,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noteText")
        self.text.setPlaceholderText(self.tr("Visible to IOC staff only. Ctrl+Enter saves."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Add note"))
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.text.setFocus()

    def _confirm(self) -> None:
        if self.ok.isEnabled():
            self.accept()

    def payload(self) -> dict[str, Any]:
        return {"text": self.text.toPlainText().strip()}
