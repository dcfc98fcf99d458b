"""The wall's top line: who is speaking, the Huế clock, and a discreet word on the link."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console.domain.clock import utcnow
from console.domain.hue_time import to_local
from widgets.wall.look import ACCENT, MUTED, TEXT, WARN, WallLook

translate = QCoreApplication.translate


def weekday(day: int) -> str:
    names = (
        translate("WallHeader", "Monday"),
        translate("WallHeader", "Tuesday"),
        translate("WallHeader", "Wednesday"),
        translate("WallHeader", "Thursday"),
        translate("WallHeader", "Friday"),
        translate("WallHeader", "Saturday"),
        translate("WallHeader", "Sunday"),
    )
    return names[day]


class WallHeader(QWidget):
    def __init__(self, look: WallLook, *, press: bool) -> None:
        super().__init__()
        self._look = look
        layout = QHBoxLayout(self)
        layout.setContentsMargins(look.px(6), 0, look.px(6), 0)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel(translate("WallHeader", "CITIZEN FIELD REPORTS · HUẾ IOC"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet(f"color: {TEXT}; font-size: {look.px(30)}px; font-weight: bold;")
        mode = (
            translate("WallHeader", "Press visit: live handling, nothing personal shown")
            if press
            else translate("WallHeader", "Smart City Monitoring and Operations Center: live")
        )
        self.mode = QLabel(mode)
        self.mode.setTextFormat(Qt.TextFormat.PlainText)
        self.mode.setStyleSheet(f"color: {ACCENT}; font-size: {look.px(20)}px;")
        titles.addWidget(self.title)
        titles.addWidget(self.mode)
        layout.addLayout(titles, 1)
        right = QVBoxLayout()
        right.setSpacing(0)
        self.clock = QLabel()
        self.clock.setTextFormat(Qt.TextFormat.PlainText)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.clock.setStyleSheet(f"color: {TEXT}; font-size: {look.px(30)}px; font-weight: bold;")
        self.link = QLabel()
        self.link.setTextFormat(Qt.TextFormat.PlainText)
        self.link.setAlignment(Qt.AlignmentFlag.AlignRight)
        right.addWidget(self.clock)
        right.addWidget(self.link)
        layout.addLayout(right)
        self.set_link(translate("WallHeader", "Connecting…"), ok=True)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.show_time)
        self._tick.start()
        self.show_time()

    def show_time(self) -> None:
        local = to_local(utcnow())
        self.clock.setText(f"{weekday(local.weekday())} {local:%d/%m/%Y} · {local:%H:%M}")

    def set_link(self, text: str, *, ok: bool) -> None:
        """Small and grey while all is well; amber, still small, while the link is down."""
        self.link.setText(("● " if ok else "▲ ") + text)
        tint = MUTED if ok else WARN
        self.link.setStyleSheet(f"color: {tint}; font-size: {self._look.px(18)}px;")

    def shown_texts(self) -> list[str]:
        return [self.title.text(), self.mode.text(), self.clock.text(), self.link.text()]
