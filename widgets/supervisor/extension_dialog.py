"""A unit's request for more time (xin gia hạn): approve with a new deadline, or deny with a
reason. Supervisors decide; the unit's own reason is citizen-facing data, shown as plain text."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.model import Report, format_time, utcnow
from console.domain.reference import Reference
from widgets.hue_time import from_qdatetime, hue_datetime_edit, to_qdatetime
from widgets.supervisor.common import local_text, tr, unit_name


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ExtensionDialog(QDialog):
    def __init__(self, report: Report, reference: Reference, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("extensionDialog")
        self.report = report
        self.setWindowTitle(tr("Extension request"))
        self.resize(560, 460)

        facts = QFormLayout()
        facts.addRow(tr("Report"), _plain(f"{report.code} — {report.title}", self))
        facts.addRow(tr("Unit"), _plain(unit_name(reference, report.unit or "") or "—", self))
        facts.addRow(tr("Current deadline"), _plain(local_text(report.deadline), self))
        facts.addRow(tr("Requested deadline"), _plain(local_text(report.extension_deadline), self))
        reason = _plain(report.extension_reason or "—", self)
        reason.setObjectName("extensionReason")
        facts.addRow(tr("Unit's reason"), reason)

        self.approve = QRadioButton(tr("Approve, new deadline:"), self)
        self.approve.setObjectName("extensionApprove")
        self.deny = QRadioButton(tr("Deny, reason for the unit:"), self)
        self.deny.setObjectName("extensionDeny")
        choice = QButtonGroup(self)
        choice.addButton(self.approve)
        choice.addButton(self.deny)
        base = report.deadline or utcnow()
        self.proposed = report.extension_deadline or base + timedelta(days=7)
        self.deadline = hue_datetime_edit(self)
        self.deadline.setObjectName("extensionDeadline")
        self.deadline.setMinimumDateTime(to_qdatetime(base + timedelta(minutes=1)))
        self.deadline.setDateTime(to_qdatetime(self.proposed))
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("extensionDenyReason")
        self.reason.setPlaceholderText(tr("Why the extension is refused (sent to the unit)."))
        self.problem = _plain("", self)
        self.problem.setObjectName("extensionProblem")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Decide"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(self.approve)
        layout.addWidget(self.deadline)
        layout.addWidget(self.deny)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        for signal in (self.approve.toggled, self.deny.toggled):
            signal.connect(lambda _on: self._update())
        self.reason.textChanged.connect(self._update)
        self.deadline.dateTimeChanged.connect(lambda _value: self._update())
        self.approve.setChecked(True)

    def new_deadline(self) -> datetime:
        """The unit's requested deadline exactly, unless the supervisor changed it."""
        chosen = self.deadline.dateTime()
        return self.proposed if chosen == to_qdatetime(self.proposed) else from_qdatetime(chosen)

    def payload(self) -> dict[str, Any]:
        if self.approve.isChecked():
            return {"approve": True, "deadline": format_time(self.new_deadline())}
        return {"approve": False, "reason": self.reason.toPlainText().strip()}

    def _update(self) -> None:
        approving = self.approve.isChecked()
        self.deadline.setEnabled(approving)
        self.reason.setEnabled(not approving)
        problem = ""
        if approving:
            current = self.report.deadline
            if current is not None and self.new_deadline() <= current:
                problem = tr("The new deadline must be after the current one.")
        elif not self.reason.toPlainText().strip():
            problem = tr("A denial needs a reason.")
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)
