"""Rows of label, bar and value, painted: the wall's one chart, sized by its look."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from console.wall.scene import PanelRow
from widgets.wall.look import MUTED, RULE, TEXT, WallLook

#: A row's height, in its type's size.
LINE = 1.45


class BarRows(QWidget):
    """Up to `limit` rows; the texts it paints are `shown_texts()` (tests read them there)."""

    def __init__(self, look: WallLook, colour: str, *, limit: int = 8, size: float = 24) -> None:
        super().__init__()
        self._look = look
        self._colour = QColor(colour)
        self._limit = limit
        self._size = size
        self._rows: tuple[PanelRow, ...] = ()
        self._bars = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(look.px(size * LINE))

    def set_rows(self, rows: Sequence[PanelRow], *, bars: bool = True) -> None:
        """`bars` False: a plain two-column list (figures that do not share one scale)."""
        self._rows = tuple(rows[: self._limit])
        self._bars = bars
        self.setMinimumHeight(self._look.px(self._size * LINE) * max(1, len(self._rows)))
        self.update()

    def shown_texts(self) -> list[str]:
        return [text for row in self._rows for text in (row.label, row.value)]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look = self._look
        font = look.font(self._size)
        painter.setFont(font)
        line = look.px(self._size * LINE)
        width = self.width()
        metrics = painter.fontMetrics()
        widest = max((metrics.horizontalAdvance(row.value) for row in self._rows), default=0)
        value_w = max(width * 0.12, widest + look.px(8))
        room = look.px(60) if self._bars else look.px(12)
        label_w = (
            min(width * 0.56, width - value_w - room) if self._bars else width - value_w - room
        )
        bar_x = label_w + look.px(12)
        bar_w = max(0.0, width - label_w - value_w - look.px(24))
        for index, row in enumerate(self._rows):
            top = index * line
            if top + line > self.height():
                break
            text_rect = QRectF(0, top, label_w, line)
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, int(label_w))
            painter.setPen(QColor(TEXT))
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label
            )
            share = min(1.0, max(0.0, row.share))
            if self._bars:
                track = QRectF(bar_x, top + line * 0.28, bar_w, line * 0.44)
                painter.fillRect(track, QColor(RULE))
                painter.fillRect(
                    QRectF(track.x(), track.y(), track.width() * share, track.height()),
                    self._colour,
                )
            painter.setPen(QColor(TEXT if share or not self._bars else MUTED))
            painter.drawText(
                QRectF(width - value_w, top, value_w, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                row.value,
            )
        painter.end()
