"""The detail panel's history: who did what to the report and when, in the UI language.

Its texts were the panel's and keep the panel's translation context ("DetailPanel")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from console.domain.hue_time import time_text
from console.domain.labels import label
from console.domain.model import Event, RejectReason, Urgency, parse_time
from console.domain.reference import Reference
from widgets.i18n import current_language
from widgets.plain_text import LINE_LIMIT, for_display

translate = QCoreApplication.translate


class HistoryTree(QTreeWidget):
    """One row per event, oldest first: when and who, the action and move, its note."""

    def __init__(
        self, parent: QWidget, reference: Reference, code_of: Callable[[object], str]
    ) -> None:
        super().__init__(parent)
        self.reference = reference
        self._code_of = code_of
        self.setObjectName("detailHistory")
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setMinimumHeight(160)

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [
                translate("DetailPanel", "When, who"),
                translate("DetailPanel", "Action, status"),
                translate("DetailPanel", "Note"),
            ]
        )

    def show_events(self, history: Sequence[Event]) -> None:
        self.clear()
        language = current_language()
        for event in sorted(history, key=lambda e: e.at):
            who = f"{event.actor} ({label(event.role, language)})"
            moved = label(event.from_status, language)
            if event.to_status != event.from_status:
                moved += " → " + label(event.to_status, language)
            action = label(event.action, language)
            note = for_display(self._note(event.payload), LINE_LIMIT)
            if event.pending:
                action = translate("DetailPanel", "↻ %1 (waiting to be sent)").replace("%1", action)
            item = QTreeWidgetItem([f"{time_text(event.at)}\n{who}", f"{action}\n{moved}", note])
            item.setToolTip(
                2, QtGui.Qt.convertFromPlainText(note, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
            )
            self.addTopLevelItem(item)
        for column in range(2):
            self.resizeColumnToContents(column)

    def _note(self, payload: dict[str, Any]) -> str:
        ref, language = self.reference, current_language()
        parts: list[str] = []
        for key, value in payload.items():
            if value in (None, "", []) or key == "previous_unit":
                continue
            if key == "unit":
                parts.append(ref.unit_name(str(value), language))
            elif key == "category":
                parts.append(ref.category_name(str(value), language))
            elif key == "reason" and str(value) in {r.value for r in RejectReason}:
                parts.append(label(RejectReason(str(value)), language))
            elif key == "deadline":
                moment = parse_time(str(value)) if isinstance(value, str) else None
                text = translate("DetailPanel", "deadline %1")
                parts.append(text.replace("%1", time_text(moment)))
            elif key == "level":
                parts.append(translate("DetailPanel", "Level %1").replace("%1", str(value)))
            elif key == "approve":
                parts.append(
                    translate("DetailPanel", "approved")
                    if value
                    else translate("DetailPanel", "denied")
                )
            elif key == "rating":
                parts.append("★" * int(value))
            elif key == "urgency" and str(value) in {u.value for u in Urgency}:
                parts.append(label(Urgency(str(value)), language))
            elif key == "duplicate_of":
                text = translate("DetailPanel", "into report %1")
                parts.append(text.replace("%1", self._code_of(value)))
            else:
                parts.append(str(value))
        return " · ".join(parts)
