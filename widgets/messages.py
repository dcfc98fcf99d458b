"""Telling the operator something without blocking the event loop."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

#: How many lines of a per-report list a message shows before "… (+N)".
LIST_LIMIT = 10


def first_lines(lines: Sequence[str], limit: int = LIST_LIMIT) -> str:
    """The first `limit` lines, then how many more were left out."""
    shown = list(lines[:limit])
    if len(lines) > limit:
        shown.append(f"… (+{len(lines) - limit})")
    return "\n".join(shown)


def inform(parent: QWidget, text: str, title: str) -> QMessageBox:
    """A warning shown as plain text (it may quote a citizen or the server), not modal."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("deskMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
