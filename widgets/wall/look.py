"""The wall's look: large type and high contrast, every size a share of the screen's height.

Sizes are written for 1080 lines and scaled, so 3840x2160 is the same picture at twice the
pixels; the smallest text is about 1/40 of the height, readable from 5 m on a 2 m wall.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont

BASE_HEIGHT = 1080
FONT_FAMILY = "DejaVu Sans"

BACKGROUND = "#0b1220"
PANEL = "#131c2e"
RULE = "#24324d"
TEXT = "#f1f5f9"
MUTED = "#9fb0c8"
ACCENT = "#38bdf8"
GOOD = "#22c55e"
WARN = "#fbbf24"
BAD = "#f87171"

#: Ticker badge colours by what happened.
KIND_COLOURS = {
    "received": ACCENT,
    "assigned": "#a78bfa",
    "resolved": GOOD,
    "published": "#34d399",
    "returned": WARN,
    "overdue": BAD,
}


@dataclass(frozen=True, slots=True)
class WallLook:
    """Pixel sizes for one screen height."""

    scale: float

    @classmethod
    def for_height(cls, height: int) -> WallLook:
        return cls(max(0.5, height / BASE_HEIGHT))

    def px(self, size: float) -> int:
        return max(1, round(size * self.scale))

    def font(self, size: float, *, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(self.px(size))
        font.setBold(bold)
        return font


def colour(name: str) -> QColor:
    return QColor(name)
