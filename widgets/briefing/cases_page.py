"""The case picker: three ranked lists (community impact, good results, slow or not
thorough), each case checkable, the top of each list checked to start with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWizardPage,
)

from console.exports.briefing.pack import MAX_CASES
from console.exports.briefing.ranking import RankedCase
from widgets.briefing.host import BriefingHost

ID_ROLE = Qt.ItemDataRole.UserRole


class CasePickerPage(QWizardPage):
    def __init__(self, wizard: BriefingHost) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose cases"))
        self.setSubTitle(
            self.tr("Tick the cases to include in the document (at most {0}).").format(MAX_CASES)
        )
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        for key, title in (
            ("impact", self.tr("Community impact")),
            ("good", self.tr("Good result")),
            ("slow", self.tr("Slow or not thorough")),
        ):
            widget = QListWidget()
            widget.setWordWrap(True)
            widget.itemChanged.connect(self._on_changed)
            self.lists[key] = widget
            self.tabs.addTab(widget, title)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.to_wall = QPushButton(self.tr("Show on the video &wall"))
        self.to_wall.setToolTip(
            self.tr("Puts the highlighted case in the video wall's spotlight (press mode)")
        )
        self.to_wall.setEnabled(False)
        self.to_wall.clicked.connect(self._show_on_wall)
        for widget in self.lists.values():
            widget.currentItemChanged.connect(self._highlighted)
        self.tabs.currentChanged.connect(self._highlighted)
        below = QHBoxLayout()
        below.addWidget(self.count, 1)
        below.addWidget(self.to_wall)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(below)
        self._filling = False

    def initializePage(self) -> None:
        data = self.owner.data
        if data is None:
            return
        chosen = set(self.owner.case_ids or data.rankings.suggested())
        self._filling = True
        for key, cases in (
            ("impact", data.rankings.impact),
            ("good", data.rankings.good),
            ("slow", data.rankings.slow),
        ):
            widget = self.lists[key]
            widget.clear()
            for case in cases:
                widget.addItem(self._item(case, case.report_id in chosen))
        self._filling = False
        self.owner.case_ids = [i for i in self._checked_in_order() if i in chosen]
        self._show_count()

    @staticmethod
    def _item(case: RankedCase, checked: bool) -> QListWidgetItem:
        text = (
            f"{case.code} · {case.title}\n{case.category} · {case.ward} · {', '.join(case.reasons)}"
        )
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, case.report_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return item

    def _checked_in_order(self) -> list[int]:
        ids: list[int] = []
        for widget in self.lists.values():
            for row in range(widget.count()):
                item = widget.item(row)
                report_id = int(item.data(ID_ROLE))
                if item.checkState() == Qt.CheckState.Checked and report_id not in ids:
                    ids.append(report_id)
        return ids

    def set_checked(self, report_id: int, checked: bool) -> None:
        """Checks or unchecks the case in every list it appears in."""
        for widget in self.lists.values():
            for row in range(widget.count()):
                item = widget.item(row)
                if int(item.data(ID_ROLE)) == report_id:
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )

    def _on_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        self._filling = True
        self.set_checked(int(item.data(ID_ROLE)), item.checkState() == Qt.CheckState.Checked)
        self._filling = False
        self.owner.case_ids = self._checked_in_order()
        self._show_count()

    def highlighted_case(self) -> int | None:
        widget = self.tabs.currentWidget()
        item = widget.currentItem() if isinstance(widget, QListWidget) else None
        return None if item is None else int(item.data(ID_ROLE))

    def _highlighted(self, *_args: object) -> None:
        self.to_wall.setEnabled(self.highlighted_case() is not None)

    def _show_on_wall(self) -> None:
        report_id = self.highlighted_case()
        if report_id is not None:
            self.owner.show_on_wall(report_id)

    def _show_count(self) -> None:
        self.count.setText(self.tr("{0} cases chosen").format(len(self.owner.case_ids)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return 0 < len(self.owner.case_ids) <= MAX_CASES
