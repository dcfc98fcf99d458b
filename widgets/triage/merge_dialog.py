"""Merge a report into the one it duplicates: candidates nearest first, list and map together.

Candidates come from `console.domain.duplicates` (same or related category, inside the radius
and time window of console/resources/triage.yaml). The nearest is preselected, so Enter merges.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.duplicates import DuplicateCandidate, TriageSettings
from console.domain.labels import label
from console.domain.model import Report
from console.domain.reference import Reference
from widgets.i18n import current_language
from widgets.triage.common import MapPoint, PlaceMap, local_text, report_line

ID_ROLE = Qt.ItemDataRole.UserRole


class MergeDialog(QDialog):
    def __init__(
        self,
        reference: Reference,
        report: Report,
        candidates: Sequence[DuplicateCandidate],
        settings: TriageSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.report = report
        self.candidates = list(candidates)
        self.setWindowTitle(self.tr("Merge as duplicate"))
        self.resize(720, 600)

        heading = QLabel(report_line(report), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        rule = QLabel(
            self.tr("Same or related category, within %1 m and %2 days, nearest first")
            .replace("%1", f"{settings.radius_m:.0f}")
            .replace("%2", f"{settings.window.days}"),
            self,
        )
        rule.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QTreeWidget(self)
        self.list.setObjectName("candidates")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [
                "#",
                self.tr("Report"),
                self.tr("Category"),
                self.tr("Distance"),
                self.tr("Received"),
                self.tr("Status"),
                self.tr("Merged"),
            ]
        )
        language = current_language()
        for number, candidate in enumerate(self.candidates, start=1):
            other = candidate.report
            item = QTreeWidgetItem(
                self.list,
                [
                    str(number),
                    report_line(other),
                    reference.category_name(other.category, language),
                    f"{candidate.distance_m:.0f} m",
                    local_text(other.created_at),
                    label(other.status, language),
                    str(other.merged_count),
                ],
            )
            item.setData(0, ID_ROLE, other.id)
        for column in range(self.list.columnCount()):
            self.list.resizeColumnToContents(column)
        self.empty = QLabel(self.tr("No possible duplicate nearby."), self)
        self.empty.setVisible(not self.candidates)

        self.map: PlaceMap | None = None
        if report.lat is not None and report.lon is not None:
            self.map = PlaceMap(
                report.lat, report.lon, max(settings.radius_m * 1.3, 150.0), parent=self
            )
            self.map.setObjectName("candidateMap")
            self.map.set_points(
                [
                    MapPoint(c.report.lat or report.lat, c.report.lon or report.lon, str(n))
                    for n, c in enumerate(self.candidates, start=1)
                ]
            )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Merge into the selected report"))
        self.ok.setEnabled(bool(self.candidates))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(rule)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        if self.map is not None:
            layout.addWidget(self.map, 1)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(lambda *_: self._highlight())
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self.list.setFocus()

    def _highlight(self) -> None:
        item = self.list.currentItem()
        if self.map is not None:
            self.map.highlight(self.list.indexOfTopLevelItem(item) if item is not None else None)

    def original_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(0, ID_ROLE))

    def payload(self) -> dict[str, Any]:
        return {"duplicate_of": self.original_id()}
