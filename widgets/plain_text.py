"""A citizen's words as data: plain-text labels, and text cut to what a screen can show."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

#: Display limits: a 100 KB description must not freeze a label or a text box.
LINE_LIMIT = 500
TEXT_LIMIT = 20_000


def plain_label(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def for_display(text: str, limit: int) -> str:
    """Citizen text cut to what a screen can show; the cache and exports keep it whole."""
    if len(text) <= limit:
        return text
    return text[:limit] + "… [đã cắt bớt, toàn văn có trong dữ liệu và bản xuất]"
