"""The queue's columns on screen: what an operator must see without scrolling sideways.

Code, title, ward, status, urgency and deadline come first, left to right, at widths taken
from the font; the title takes what is left of the table's width (between TITLE_MIN and
TITLE_MAX, elided beyond) and the secondary columns (received, category, unit, escalation)
follow to the right. At 1366 px the six first columns fit the queue's default dock.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from widgets.queue_model import Column

#: The order the operator reads a line in; the model's logical order stays as it is.
VISUAL_ORDER = (
    Column.CODE,
    Column.TITLE,
    Column.WARD,
    Column.STATUS,
    Column.URGENCY,
    Column.DEADLINE,
    Column.RECEIVED,
    Column.CATEGORY,
    Column.UNIT,
    Column.ESCALATION,
)
#: The columns that must be on screen; the title absorbs the width left after the others.
ESSENTIAL = VISUAL_ORDER[:6]
#: Sample texts a column must hold (the widest usual value, in either language).
SAMPLES = {
    Column.CODE: "↻ PA-2026-000000",
    Column.WARD: "Chân Mây - Lăng Cô",
    Column.STATUS: "Đã chuyển xử lý",
    Column.URGENCY: "Khẩn cấp",
    Column.DEADLINE: "còn 7 giờ 30 phút làm việc",
    Column.RECEIVED: "00:00 00/00/0000",
    Column.CATEGORY: "Môi trường, vệ sinh",
    Column.UNIT: "UBND phường Phú Xuân",
    Column.ESCALATION: "Cấp 3",
}
TITLE_MIN = 150
TITLE_MAX = 460
PADDING = 18


class ColumnFitter(QObject):
    """Orders and sizes the table's columns once, then refits the title on every resize."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for place, column in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(column), place)
        metrics = table.fontMetrics()
        for column, sample in SAMPLES.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + PADDING)
        self.fit()
        table.viewport().installEventFilter(self)

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in ESSENTIAL if c is not Column.TITLE)
        room = self._table.viewport().width() - others
        header.resizeSection(Column.TITLE, max(TITLE_MIN, min(TITLE_MAX, room)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
