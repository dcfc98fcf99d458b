"""Escalating (đôn đốc) one report or a unit's overdue reports to one level of the ladder.

Levels come from console/resources/escalation.yaml; a level the user's role may not send is shown
disabled with the reason (the server refuses it too). Each report gets the level's message
with its own code, unit, deadline and days late; reports the level cannot apply to (already
there, too soon after the last level, no longer being handled) are listed and skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.escalation import EscalationPolicy
from console.domain.labels import label
from console.domain.lateness import days_late
from console.domain.model import HANDLING_STATUSES, Report, Role
from console.domain.reference import Reference
from widgets.i18n import current_language
from widgets.supervisor.common import local_text, tr, unit_name


def skip_reason(policy: EscalationPolicy, report: Report, level: int, now: datetime) -> str | None:
    """Why `level` cannot be sent on `report` now, or None when it can."""
    if report.status not in HANDLING_STATUSES:
        status = label(report.status, current_language())
        return tr("status «%1», no longer escalated").replace("%1", status)
    if report.escalation_level >= level:
        return tr("already escalated to level %1").replace("%1", str(report.escalation_level))
    if report.escalated_at is not None:
        ready = report.escalated_at + policy.min_interval(report.escalation_level)
        if now < ready:
            return tr("too soon after the last escalation; possible from %1").replace(
                "%1", local_text(ready)
            )
    return None


class EscalationDialog(QDialog):
    def __init__(
        self,
        policy: EscalationPolicy,
        reference: Reference,
        reports: Sequence[Report],
        role: Role,
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("escalationDialog")
        self.policy = policy
        self.reference = reference
        self.reports = list(reports)
        self.role = role
        self.now = now
        self.setWindowTitle(tr("Escalate overdue reports"))
        self.resize(620, 560)

        heading = QLabel(self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        if len(self.reports) == 1:
            heading.setText(f"{self.reports[0].code} — {self.reports[0].title}")
        else:
            heading.setText(tr("%1 selected reports").replace("%1", str(len(self.reports))))

        ladder = QGroupBox(tr("Level"), self)
        ladder_layout = QVBoxLayout(ladder)
        self.levels = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        language = current_language()
        for step in policy.levels:
            text = tr("Level %1: %2 (to: %3)")
            text = text.replace("%1", str(step.level)).replace("%2", step.name(language))
            button = QRadioButton(text.replace("%3", step.recipient_name(language)), ladder)
            button.setObjectName(f"escalationLevel{step.level}")
            allowed = role in step.roles
            button.setEnabled(allowed)
            wait = step.min_interval.total_seconds() / 3600
            tip = tr("Next level possible %1 h after this one.").replace("%1", f"{wait:g}")
            if not allowed:
                tip = tr("Needs the supervisor role.") + " " + tip
            button.setToolTip(tip)
            self.levels.addButton(button, step.level)
            self.buttons[step.level] = button
            ladder_layout.addWidget(button)

        self.summary = QLabel(self)
        self.summary.setObjectName("escalationSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.skipped = QListWidget(self)
        self.skipped.setObjectName("escalationSkipped")
        self.skipped.setMaximumHeight(110)
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("escalationMessage")
        self.message.setReadOnly(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Escalate"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(ladder)
        layout.addWidget(self.summary)
        layout.addWidget(self.skipped)
        layout.addWidget(QLabel(tr("Message (from the level's template):"), self))
        layout.addWidget(self.message, 1)
        layout.addWidget(buttons)

        self.levels.idToggled.connect(self._level_toggled)
        first = self.default_level()
        if first is not None:
            self.buttons[first].setChecked(True)
        self._update()

    def next_levels(self) -> list[int]:
        """The next level of each report that can go further, lowest first."""
        wanted = (self.policy.next_level(r) for r in self.reports)
        return sorted({lv for lv in wanted if lv is not None})

    def default_level(self) -> int | None:
        """The lowest next level among the reports that this role may send; None when no
        report can go further, or only to a level this role may not send."""
        allowed = {lv.level for lv in self.policy.levels if self.role in lv.roles}
        return next((lv for lv in self.next_levels() if lv in allowed), None)

    def _nothing_to_send(self) -> str:
        top = len(self.policy.levels)
        if all(r.escalation_level >= top for r in self.reports):
            return tr("Already escalated to the highest level (%1): nothing more to send.").replace(
                "%1", str(top)
            )
        upcoming = self.next_levels()
        if upcoming:
            return tr("The next level (%1) needs the supervisor role.").replace(
                "%1", str(upcoming[0])
            )
        return tr("None of these reports can be escalated further.")

    def level(self) -> int | None:
        checked = self.levels.checkedId()
        return checked if checked > 0 else None

    def set_level(self, level: int) -> None:
        self.buttons[level].setChecked(True)

    def eligible(self) -> list[Report]:
        level = self.level()
        if level is None:
            return []
        return [r for r in self.reports if skip_reason(self.policy, r, level, self.now) is None]

    def message_for(self, report: Report, level: int) -> str:
        deadline: object = report.deadline if report.deadline is not None else "—"
        late = days_late(report.deadline, self.now) if report.deadline is not None else 0
        return self.policy.render_message(
            level,
            code=report.code,
            unit=unit_name(self.reference, report.unit, "vi") if report.unit else "—",
            deadline=deadline,
            days_late=late,
        )

    def payload_for(self, report: Report) -> dict[str, Any]:
        level = self.level()
        assert level is not None
        return {"level": level, "message": self.message_for(report, level)}

    def _level_toggled(self, _level: int, checked: bool) -> None:
        if checked:
            self._update()

    def _update(self) -> None:
        level = self.level()
        self.skipped.clear()
        if level is None:
            self.summary.setText(self._nothing_to_send())
            self.skipped.setVisible(False)
            self.message.clear()
            self.ok.setEnabled(False)
            return
        eligible = self.eligible()
        for report in self.reports:
            why = skip_reason(self.policy, report, level, self.now)
            if why is not None:
                self.skipped.addItem(f"{report.code}: {why}")
        self.skipped.setVisible(self.skipped.count() > 0)
        self.summary.setText(
            tr("%1 of %2 reports will be escalated to level %3; the others are skipped.")
            .replace("%1", str(len(eligible)))
            .replace("%2", str(len(self.reports)))
            .replace("%3", str(level))
        )
        self.message.setPlainText(self.message_for(eligible[0], level) if eligible else "")
        self.ok.setEnabled(bool(eligible))
