"""Reject reports: a reason from the fixed list, an internal note, and the reply to the citizen
drafted from that reason's template (editable; on several reports, filled in per report)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.labels import label
from console.domain.model import REJECT_REASON_LABELS_VI, RejectReason, Report
from console.domain.reference import Reference
from widgets.i18n import current_language
from widgets.triage.common import report_line

#: A duplicate is merged, not rejected by hand: it has its own action.
REASONS = [r for r in RejectReason if r is not RejectReason.DUPLICATE]


class RejectDialog(QDialog):
    def __init__(
        self, reference: Reference, reports: Sequence[Report], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.reference = reference
        self.reports = list(reports)
        self.single = self.reports[0] if len(self.reports) == 1 else None
        self.setWindowTitle(self.tr("Reject"))
        self.resize(560, 420)

        heading = QLabel(
            report_line(self.single)
            if self.single is not None
            else self.tr("%1 selected reports").replace("%1", str(len(self.reports))),
            self,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.reason = QComboBox(self)
        self.reason.setObjectName("reason")
        for reason in REASONS:
            self.reason.addItem(label(reason, current_language()), reason.value)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Internal note (not sent to the citizen)"))
        self.reply = QPlainTextEdit(self)
        self.reply.setObjectName("reply")
        self.reply.setTabChangesFocus(True)
        self._drafted = ""

        form = QFormLayout()
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(self.tr("Reply to the &citizen"), self.reply)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reject"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)

        self._draft()
        self.reason.currentIndexChanged.connect(lambda _i: self._draft())
        self.reason.setFocus()

    def reason_code(self) -> str:
        return str(self.reason.currentData())

    def _template(self) -> str:
        return self.reference.templates.get(f"reject.{self.reason_code()}", "")

    def _draft(self) -> None:
        """Redraft the reply for the chosen reason unless the operator has written their own."""
        if self.reply.toPlainText() not in ("", self._drafted):
            return
        text = self._template()
        if self.single is not None:
            text = self._fill(text, self.single)
        self._drafted = text
        self.reply.setPlainText(text)

    def _fill(self, text: str, report: Report) -> str:
        values = {
            "code": report.code,
            "title": report.title,
            "reason": REJECT_REASON_LABELS_VI[RejectReason(self.reason_code())],
        }
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text

    def payload_for(self, report: Report) -> dict[str, Any]:
        reply = self.reply.toPlainText().strip()
        return {
            "reason": self.reason_code(),
            "note": self.note.text().strip(),
            "reply": self._fill(reply, report) if self.single is None else reply,
        }
