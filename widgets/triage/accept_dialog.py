"""Accept and classify: category, urgency and, when the citizen's pin is wrong, the place.

Everything is prefilled from the report, so Enter alone accepts it as the citizen filed it.
On several reports the combos start on "keep each report's own".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.labels import label
from console.domain.model import Report, Urgency
from console.domain.reference import Reference
from widgets.i18n import current_language
from widgets.triage.common import PlaceMap, report_line

KEEP = ""


class AcceptDialog(QDialog):
    def __init__(
        self,
        reference: Reference,
        reports: Sequence[Report],
        parent: QWidget | None = None,
        *,
        can_assign: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("acceptDialog")
        self.reports = list(reports)
        single = self.reports[0] if len(self.reports) == 1 else None
        self.setWindowTitle(self.tr("Accept and classify"))

        heading = QLabel(
            report_line(single)
            if single is not None
            else self.tr("%1 selected reports").replace("%1", str(len(self.reports))),
            self,
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)

        self.category = QComboBox(self)
        self.category.setObjectName("category")
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("urgency")
        if single is None:
            self.category.addItem(self.tr("(keep each report's category)"), KEEP)
            self.urgency.addItem(self.tr("(keep each report's urgency)"), KEEP)
        language = current_language()
        for category in reference.categories:
            self.category.addItem(reference.category_name(category.code, language), category.code)
        for urgency in Urgency:
            self.urgency.addItem(label(urgency, language), urgency.value)
        if single is not None:
            self.category.setCurrentIndex(max(0, self.category.findData(single.category)))
            self.urgency.setCurrentIndex(max(0, self.urgency.findData(single.urgency.value)))

        form = QFormLayout()
        form.addRow(self.tr("&Category"), self.category)
        form.addRow(self.tr("&Urgency"), self.urgency)

        self.map: PlaceMap | None = None
        self.place = QLabel(self)
        self.place.setTextFormat(Qt.TextFormat.PlainText)
        if single is not None and single.lat is not None and single.lon is not None:
            self.map = PlaceMap(single.lat, single.lon, editable=True, parent=self)
            self.map.setObjectName("pinMap")
            self.map.setToolTip(
                self.tr("Click where the problem really is, or move the pin with the arrow keys")
            )
            self.map.pinMoved.connect(self._show_place)
            reset = QPushButton(self.tr("Reset &pin"), self)
            reset.setAutoDefault(False)
            reset.clicked.connect(lambda: self._reset_pin(single))
            row = QHBoxLayout()
            row.addWidget(self.place, 1)
            row.addWidget(reset)
            form.addRow(self.tr("Location"), self.map)
            form.addRow("", row)
            self._show_place(single.lat, single.lon)

        self.then_assign = QCheckBox(self.tr("Continue to &assignment"), self)
        self.then_assign.setChecked(can_assign)
        self.then_assign.setEnabled(can_assign)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Accept"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.then_assign)
        layout.addWidget(buttons)
        self.category.setFocus()

    def _reset_pin(self, report: Report) -> None:
        if self.map is not None and report.lat is not None and report.lon is not None:
            self.map.set_pin(report.lat, report.lon)

    def _show_place(self, lat: float, lon: float) -> None:
        moved = self.moved_pin() is not None
        text = f"{lat:.6f}, {lon:.6f}"
        self.place.setText(text + (" " + self.tr("(corrected)") if moved else ""))

    def moved_pin(self) -> tuple[float, float] | None:
        """The corrected place, or None when the pin is where the citizen put it."""
        if self.map is None or self.map.pin is None:
            return None
        report = self.reports[0]
        lat, lon = self.map.pin
        if (
            report.lat is not None
            and report.lon is not None
            and abs(lat - report.lat) < 1e-7
            and abs(lon - report.lon) < 1e-7
        ):
            return None
        return lat, lon

    def payload_for(self, report: Report) -> dict[str, Any]:
        category = self.category.currentData() or report.category
        urgency = self.urgency.currentData() or report.urgency.value
        payload: dict[str, Any] = {"category": category, "urgency": urgency}
        pin = self.moved_pin()
        if pin is not None:
            payload.update(lat=pin[0], lon=pin[1])
        return payload
