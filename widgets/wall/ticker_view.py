"""What just happened, newest on top: time, what kind of step, the masked title.

A line that arrives is lit for a few seconds, so the room's eye finds it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from console.domain.hue_time import to_local
from console.wall.scene import TickerLine
from widgets.wall.look import KIND_COLOURS, MUTED, PANEL, RULE, TEXT, WallLook

translate = QCoreApplication.translate
LIT_MS = 6000


def kind_label(kind: str) -> str:
    labels = {
        "received": translate("WallTicker", "Received"),
        "assigned": translate("WallTicker", "Assigned"),
        "resolved": translate("WallTicker", "Resolved"),
        "published": translate("WallTicker", "Published"),
        "returned": translate("WallTicker", "Returned"),
        "overdue": translate("WallTicker", "Overdue"),
    }
    return labels.get(kind, kind)


class TickerView(QWidget):
    def __init__(self, look: WallLook, *, lines: int = 4) -> None:
        super().__init__()
        self._look = look
        self._seen: set[tuple[int, str, str]] = set()
        self._lit: set[tuple[int, str, str]] = set()
        self._shown: tuple[TickerLine, ...] = ()
        self.setObjectName("wallTicker")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(
            f"#wallTicker {{ background: {PANEL}; border-radius: {look.px(10)}px; }}"
        )
        grid = QGridLayout(self)
        margin = look.px(14)
        grid.setContentsMargins(margin, look.px(8), margin, look.px(8))
        grid.setHorizontalSpacing(look.px(16))
        grid.setVerticalSpacing(look.px(2))
        grid.setColumnStretch(2, 1)
        self.rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for index in range(lines):
            when, badge, text = QLabel(), QLabel(), QLabel()
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            badge.setMinimumWidth(look.px(190))
            text.setTextFormat(Qt.TextFormat.PlainText)
            for column, label in enumerate((when, badge, text)):
                grid.addWidget(label, index, column)
            self.rows.append((when, badge, text))
        self.empty = QLabel(translate("WallTicker", "Waiting for the first reports of the day"))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setStyleSheet(f"color: {MUTED}; font-size: {look.px(26)}px;")
        grid.addWidget(self.empty, 0, 0, 1, 3)
        self._dim = QTimer(self)
        self._dim.setSingleShot(True)
        self._dim.setInterval(LIT_MS)
        self._dim.timeout.connect(self._unlight)
        self._paint()

    @staticmethod
    def _key(line: TickerLine) -> tuple[int, str, str]:
        return (line.report_id, line.kind, line.at.isoformat())

    def show_lines(self, lines: Sequence[TickerLine]) -> None:
        shown = tuple(lines[: len(self.rows)])
        fresh = {self._key(line) for line in shown} - self._seen
        if self._seen:
            self._lit = fresh
            if fresh:
                self._dim.start()
        self._seen |= fresh
        if len(self._seen) > 1000:
            self._seen = {self._key(line) for line in shown}
        self._shown = shown
        self._paint()

    def _unlight(self) -> None:
        self._lit = set()
        self._paint()

    def _paint(self) -> None:
        look = self._look
        size = look.px(25)
        self.empty.setVisible(not self._shown)
        for index, (when, badge, text) in enumerate(self.rows):
            line = self._shown[index] if index < len(self._shown) else None
            for label in (when, badge, text):
                label.setVisible(line is not None)
            if line is None:
                continue
            lit = self._key(line) in self._lit
            when.setText(to_local(line.at).strftime("%H:%M"))
            when.setStyleSheet(f"color: {MUTED}; font-size: {size}px;")
            tint = KIND_COLOURS.get(line.kind, TEXT)
            badge.setText(kind_label(line.kind))
            badge.setStyleSheet(
                f"color: {tint}; border: {look.px(2)}px solid {tint}; border-radius: {look.px(6)}px;"
                f" font-size: {look.px(22)}px; font-weight: bold; padding: 0 {look.px(8)}px;"
            )
            text.setText(line.text)
            back = RULE if lit else "transparent"
            text.setStyleSheet(
                f"color: {TEXT}; font-size: {size}px; background: {back}; padding: 0 {look.px(6)}px;"
            )

    def shown_texts(self) -> list[str]:
        return [label.text() for row in self.rows for label in row if label.isVisibleTo(self)]
