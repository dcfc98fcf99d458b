"""Telling the operator that an urgent report arrived, even when the window is behind others.

A desktop notification through the system tray where there is one; otherwise a toast that
floats at the bottom of the window for a few seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QSystemTrayIcon, QWidget

TOAST_MS = 6000


class Toast(QLabel):
    """A passing message over the bottom of its parent window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.setObjectName("toast")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#toast { background: #1f2937; color: white; border-radius: 6px;"
            " padding: 10px 14px; font-weight: bold; }"
        )
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)

    def show_message(self, title: str, body: str, msecs: int = TOAST_MS) -> None:
        self.setText(f"{title}\n{body}" if body else title)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(msecs)

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        parent = self._window
        width = min(460, max(200, parent.width() - 40))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(parent.width() - width - 20, parent.height() - self.height() - 40)


class Notifier(QObject):
    """Chooses the tray or the toast once, at start; `notify(title, body)` uses it."""

    def __init__(self, window: QWidget, *, use_tray: bool | None = None) -> None:
        super().__init__(window)
        self.toast = Toast(window)
        self.tray: QSystemTrayIcon | None = None
        tray_ok = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        if tray_ok:
            icon = window.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxInformation
                )
            self.tray = QSystemTrayIcon(QIcon(icon), self)
            self.tray.setToolTip(window.windowTitle())
            self.tray.show()
        self.last_message: tuple[str, str] | None = None

    def notify(self, title: str, body: str) -> None:
        self.last_message = (title, body)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, TOAST_MS)
        else:
            self.toast.show_message(title, body)

    def stop(self) -> None:
        self.toast.stop()
        if self.tray is not None:
            self.tray.hide()
