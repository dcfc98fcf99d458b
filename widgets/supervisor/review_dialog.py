"""Reviewing a unit's result before the citizen sees it: publish it (with the reply in the
'publication' courtesy form) or send it back to the unit as not thoroughly resolved.

Staff may publish; sending back (reopen) needs the supervisor role and a reason, and is
shown disabled otherwise. The unit's result is shown as plain text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain import replies
from console.domain.model import ActionType, Report
from console.domain.reference import Reference
from widgets.supervisor.common import local_text, tr, unit_name


def publication_reply(reference: Reference, report: Report) -> str:
    """The reply to the citizen (in Vietnamese whatever the UI's language): the 'publication'
    form around the body of the unit's result."""
    unit = unit_name(reference, report.unit, "vi") if report.unit else "đơn vị xử lý"
    return replies.publication_reply(reference, unit, report.result_text or "")


class ReviewDialog(QDialog):
    """`decision()` is PUBLISH or REOPEN after the matching button was pressed."""

    def __init__(
        self,
        report: Report,
        reference: Reference,
        *,
        can_reopen: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.report = report
        self._decision: ActionType | None = None
        self.setWindowTitle(tr("Review the unit's result"))
        self.resize(640, 560)

        facts = QFormLayout()
        for label, value in (
            (tr("Report"), f"{report.code} — {report.title}"),
            (tr("Unit"), unit_name(reference, report.unit) if report.unit else "—"),
            (tr("Result posted"), local_text(report.resolved_at)),
        ):
            shown = QLabel(value, self)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setWordWrap(True)
            facts.addRow(label, shown)
        self.unit_result = QPlainTextEdit(report.result_text or "", self)
        self.unit_result.setObjectName("reviewResult")
        self.unit_result.setReadOnly(True)

        self.tabs = QTabWidget(self)
        self.reply = QPlainTextEdit(publication_reply(reference, report), self)
        self.reply.setObjectName("reviewReply")
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reviewReopenReason")
        self.reason.setPlaceholderText(
            tr("What is not resolved thoroughly (sent to the unit with the report).")
        )
        self.tabs.addTab(self.reply, tr("Reply to the citizen"))
        self.tabs.addTab(self.reason, tr("Reason for sending back"))
        self.tabs.setTabEnabled(1, can_reopen)
        if not can_reopen:
            self.tabs.setTabToolTip(1, tr("Needs the supervisor role."))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.publish: QPushButton = buttons.addButton(
            tr("Publish to the citizen"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.publish.setObjectName("reviewPublish")
        self.reopen: QPushButton = buttons.addButton(
            tr("Send back to the unit"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reopen.setObjectName("reviewReopen")
        self.reopen.setEnabled(False)
        if not can_reopen:
            self.reopen.setToolTip(tr("Needs the supervisor role."))
        self.can_reopen = can_reopen
        self.publish.clicked.connect(lambda: self._decide(ActionType.PUBLISH))
        self.reopen.clicked.connect(lambda: self._decide(ActionType.REOPEN))
        buttons.rejected.connect(self.reject)
        self.reply.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.tabs.currentChanged.connect(lambda _index: self._update())

        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(QLabel(tr("The unit's result:"), self))
        layout.addWidget(self.unit_result, 1)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        self.publish.setEnabled(bool(self.reply.toPlainText().strip()))
        self.reopen.setEnabled(self.can_reopen and bool(self.reason.toPlainText().strip()))

    def _decide(self, decision: ActionType) -> None:
        self._decision = decision
        self.accept()

    def decision(self) -> ActionType | None:
        return self._decision

    def payload(self) -> dict[str, Any]:
        if self._decision is ActionType.REOPEN:
            return {"reason": self.reason.toPlainText().strip()}
        return {"reply": self.reply.toPlainText().strip()}
