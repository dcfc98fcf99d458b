"""Assign (or reassign) reports to a handling unit.

The routing rules' suggestion is preselected with the reason it was chosen; the deadline is
the SLA clock's, shown as a date and as the working time it gives, and may be changed only
with a reason; the message to the unit comes from the official template. Enter confirms.
On several reports each may go to its own suggested unit, the deadline is each report's own
and the message is the template, filled in per report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.model import Report, Status
from console.domain.reference import Reference
from console.domain.routing import UnitSuggestion
from console.domain.sla import SlaClock
from console.domain.text import fold
from widgets.hue_time import from_qdatetime, hue_datetime_edit, to_qdatetime
from widgets.i18n import current_language
from widgets.triage.common import (
    duration_text,
    group_units,
    local_text,
    report_line,
    unit_kind_label,
)

UNIT_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
ASSIGNMENT_TEMPLATE = "assignment"


class AssignDialog(QDialog):
    def __init__(
        self,
        reference: Reference,
        sla: SlaClock,
        reports: Sequence[Report],
        suggestions: Mapping[int, UnitSuggestion | str],
        now: datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.reference = reference
        self.sla = sla
        self.reports = list(reports)
        self.suggestions = dict(suggestions)
        self.now = now
        self.single = self.reports[0] if len(self.reports) == 1 else None
        reassign = all(r.status in (Status.RETURNED, Status.ASSIGNED) for r in self.reports)
        self.setWindowTitle(self.tr("Reassign") if reassign else self.tr("Assign to a unit"))
        self.resize(620, 640)

        heading = QLabel(self._heading(), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("suggestion")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(
            "QLabel#suggestion { background: #eef5ff; border: 1px solid #b6cdf0;"
            " border-radius: 3px; padding: 6px; }"
        )
        self.each_suggested = QCheckBox(self.tr("Each report to its own &suggested unit"), self)
        self.each_suggested.setVisible(self.single is None)

        self.search = QLineEdit(self)
        self.search.setObjectName("unitSearch")
        self.search.setPlaceholderText(self.tr("Search units (name or code)…"))
        self.search.setClearButtonEnabled(True)
        self.units = QTreeWidget(self)
        self.units.setObjectName("unitList")
        self.units.setHeaderHidden(True)
        self.units.setRootIsDecorated(True)
        self._fill_units()

        self.deadline = hue_datetime_edit(self)
        self.deadline.setObjectName("deadline")
        self.deadline_info = QLabel(self)
        self.deadline_info.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline_info.setObjectName("deadlineInfo")
        self.deadline_reason = QLineEdit(self)
        self.deadline_reason.setObjectName("deadlineReason")
        self.deadline_reason.setPlaceholderText(self.tr("Why the deadline differs from the SLA"))
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("unitMessage")
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(110)

        form = QFormLayout()
        form.addRow(self.tr("&Unit"), self.search)
        form.addRow("", self.units)
        form.addRow(self.tr("&Deadline"), self.deadline)
        form.addRow("", self.deadline_info)
        form.addRow(self.tr("Reason for the change"), self.deadline_reason)
        form.addRow(self.tr("&Message to the unit"), self.message)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.each_suggested)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)

        self.computed = self._computed_deadline()
        self._rendered = ""
        self._set_deadline_editor()
        self._preselect()
        self._render_message()
        self._update_deadline()

        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.units.currentItemChanged.connect(lambda *_: self._unit_changed())
        self.units.itemDoubleClicked.connect(lambda item, _col: self._double_clicked(item))
        self.each_suggested.toggled.connect(lambda _on: self._unit_changed())
        self.deadline.dateTimeChanged.connect(lambda _v: self._deadline_changed())
        self.deadline_reason.textChanged.connect(lambda _t: self._update_ok())
        self.search.setFocus()

    # -- building ----------------------------------------------------------------------------

    def _heading(self) -> str:
        if self.single is not None:
            line = report_line(self.single)
            if self.single.unit:
                line += "\n" + self.tr("Currently: %1").replace(
                    "%1", self.reference.unit_name(self.single.unit, current_language())
                )
            return line
        return self.tr("%1 selected reports").replace("%1", str(len(self.reports)))

    def _fill_units(self) -> None:
        self._groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        language = current_language()
        for kind, units in group_units(self.reference.units):
            group = QTreeWidgetItem(self.units, [unit_kind_label(kind)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            children = []
            for unit in units:
                item = QTreeWidgetItem(group, [self.reference.unit_name(unit.code, language)])
                item.setData(0, UNIT_ROLE, unit.code)
                # Found by either name, whatever the language shown.
                item.setData(0, SEARCH_ROLE, fold(f"{unit.name} {unit.name_en} {unit.code}"))
                item.setToolTip(0, unit.code)
                children.append(item)
            group.setExpanded(True)
            self._groups.append((group, children))

    def _unit_items(self) -> list[QTreeWidgetItem]:
        return [item for _group, children in self._groups for item in children]

    def _item_for(self, code: str) -> QTreeWidgetItem | None:
        return next((i for i in self._unit_items() if i.data(0, UNIT_ROLE) == code), None)

    def _preselect(self) -> None:
        found = [s for s in self.suggestions.values() if isinstance(s, UnitSuggestion)]
        codes = {s.unit for s in found}
        if self.single is not None:
            suggestion = self.suggestions.get(self.single.id)
            if isinstance(suggestion, UnitSuggestion):
                self.explanation.setText(
                    self.tr("Suggested: %1").replace(
                        "%1", self.reference.unit_name(suggestion.unit, current_language())
                    )
                    + "\n"
                    + suggestion.explanation(self.reference, current_language())
                )
            elif suggestion:
                self.explanation.setText(suggestion)
        else:
            self.each_suggested.setChecked(len(codes) > 1)
            names = sorted(self.reference.unit_name(c, current_language()) for c in codes)
            missing = len(self.reports) - len(found)
            text = self.tr("Suggested units: %1").replace("%1", "; ".join(names) or "—")
            if missing:
                text += "\n" + self.tr("%1 reports have no suggestion").replace("%1", str(missing))
            self.explanation.setText(text)
        first = found[0].unit if found else None
        item = self._item_for(first) if first else None
        if item is None:
            item = next(iter(self._unit_items()), None)
        if item is not None:
            self.units.setCurrentItem(item)
            self.units.scrollToItem(item)

    def _computed_deadline(self) -> datetime | None:
        if self.single is None:
            return None
        return self.sla.handling_deadline(self.single.category, self.single.urgency, self.now)

    def _set_deadline_editor(self) -> None:
        if self.computed is None:
            self.deadline.setEnabled(False)
            self.deadline_reason.setEnabled(False)
            self.deadline_info.setText(self.tr("Computed for each report by the SLA clock"))
            return
        self.deadline.setDateTime(to_qdatetime(self.computed.replace(second=0, microsecond=0)))

    # -- reacting ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search field move through the unit list."""
        if watched is self.search and isinstance(event, QKeyEvent):
            key = event.key()
            if event.type() == QEvent.Type.KeyPress and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step(1 if key == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    def _step(self, delta: int) -> None:
        visible = [i for i in self._unit_items() if not i.isHidden()]
        if not visible:
            return
        current = self.units.currentItem()
        position = visible.index(current) if current in visible else -delta
        target = visible[max(0, min(len(visible) - 1, position + delta))]
        self.units.setCurrentItem(target)
        self.units.scrollToItem(target)

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        for group, children in self._groups:
            shown = 0
            for item in children:
                haystack = str(item.data(0, SEARCH_ROLE))
                hit = all(word in haystack for word in words)
                item.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)
        current = self.units.currentItem()
        if current is None or current.isHidden() or current.data(0, UNIT_ROLE) is None:
            first = next((i for i in self._unit_items() if not i.isHidden()), None)
            if first is not None:
                self.units.setCurrentItem(first)
            else:
                self.units.clearSelection()
        self._update_ok()

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        if item.data(0, UNIT_ROLE) and self.ok.isEnabled():
            self.accept()

    def _unit_changed(self) -> None:
        self.units.setEnabled(not self.each_suggested.isChecked())
        self.search.setEnabled(not self.each_suggested.isChecked())
        self._render_message()
        self._update_ok()

    def _deadline_changed(self) -> None:
        self._render_message()
        self._update_deadline()

    def _update_deadline(self) -> None:
        changed = self.deadline_changed()
        chosen = self.effective_deadline()
        if self.single is None or chosen is None:
            self._update_ok()
            return
        urgency = self.single.urgency
        span = self.sla.time_left(chosen, self.now, urgency)
        wall = urgency in self.sla.wall_clock
        text = duration_text(span, None if wall else self.sla.calendar.day_length)
        info = (
            self.tr("Time it gives: %1 (urgent: the clock never stops)")
            if wall
            else self.tr("Working time it gives: %1")
        ).replace("%1", text)
        if changed:
            info += " — " + self.tr("SLA deadline: %1").replace("%1", local_text(self.computed))
        self.deadline_info.setText(info)
        self.deadline_reason.setEnabled(changed)
        self._update_ok()

    def _update_ok(self) -> None:
        unit_ok = self.each_suggested.isChecked() or self.unit_code() is not None
        reason_ok = not self.deadline_changed() or bool(self.deadline_reason.text().strip())
        future = self.chosen_deadline() is None or self.chosen_deadline() > self.now  # type: ignore[operator]
        self.ok.setEnabled(unit_ok and reason_ok and future)

    def _render_message(self) -> None:
        """Redraft the message, unless the operator has written their own."""
        if self.message.toPlainText() not in ("", self._rendered):
            return
        if self.single is None:
            text = self.reference.templates.get(ASSIGNMENT_TEMPLATE, "")
        else:
            code = self.unit_code()
            text = self._render(self.single, code or "", self.effective_deadline())
        self._rendered = text
        self.message.setPlainText(text)

    def _render(self, report: Report, unit: str, deadline: datetime | None) -> str:
        return self.reference.render(
            ASSIGNMENT_TEMPLATE,
            unit=self.reference.unit_name(unit) if unit else "…",
            code=report.code,
            title=report.title,
            deadline=local_text(deadline),
        )

    # -- reading -----------------------------------------------------------------------------

    def unit_code(self) -> str | None:
        item = self.units.currentItem()
        if item is None or item.isHidden():
            return None
        code = item.data(0, UNIT_ROLE)
        return str(code) if code else None

    def chosen_deadline(self) -> datetime | None:
        if self.computed is None:
            return None
        return from_qdatetime(self.deadline.dateTime()).astimezone(self.computed.tzinfo)

    def effective_deadline(self) -> datetime | None:
        """The operator's deadline when changed, else the SLA clock's to the second."""
        return self.chosen_deadline() if self.deadline_changed() else self.computed

    def deadline_changed(self) -> bool:
        chosen = self.chosen_deadline()
        if chosen is None or self.computed is None:
            return False
        return abs(chosen - self.computed.replace(second=0, microsecond=0)) >= timedelta(minutes=1)

    def payload_for(self, report: Report) -> dict[str, Any] | str:
        """The assign payload for `report`, or why it cannot be assigned."""
        unit = self.unit_code()
        if self.each_suggested.isChecked():
            suggestion = self.suggestions.get(report.id)
            if not isinstance(suggestion, UnitSuggestion):
                return suggestion or self.tr("No suggested unit.")
            unit = suggestion.unit
        if unit is None:
            return self.tr("No unit chosen.")
        payload: dict[str, Any] = {"unit": unit}
        if self.single is not None:
            payload["message"] = self.message.toPlainText().strip()
            if self.deadline_changed():
                chosen = self.chosen_deadline()
                assert chosen is not None
                payload["deadline"] = chosen.isoformat()
                payload["deadline_reason"] = self.deadline_reason.text().strip()
        else:
            deadline = self.sla.handling_deadline(report.category, report.urgency, self.now)
            payload["message"] = self._render_custom(report, unit, deadline)
        return payload

    def _render_custom(self, report: Report, unit: str, deadline: datetime) -> str:
        """The template (or the operator's wording) with its placeholders filled for `report`."""
        text = self.message.toPlainText().strip()
        for key, value in {
            "unit": self.reference.unit_name(unit),
            "code": report.code,
            "title": report.title,
            "deadline": local_text(deadline),
        }.items():
            text = text.replace("{" + key + "}", value)
        return text
