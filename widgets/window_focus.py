"""Giving the keyboard back to the main window when one of its dialogs or windows closes.

The window's shortcuts (A, G, Ctrl+Shift+P...) are window shortcuts: they fire only while the
main window is the active window. When a dialog it owns closes, neither Qt nor every window
manager (nor the offscreen platform) activates the main window again, so the next shortcut
went nowhere. Every top-level child (dialog, board, message box) is watched here, whoever
opened it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class FocusReturn(QObject):
    def __init__(self, window: QMainWindow, fallback: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._fallback = fallback
        self._closed: QWidget | None = None
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._take_back)
        window.installEventFilter(self)

    def stop(self) -> None:
        """The window is closing: its windows hide for good."""
        self._stopped = True
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.ChildPolished:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget) and child.isWindow():
                child.installEventFilter(self)  # once: installing again only moves it first
        elif (
            kind == QEvent.Type.Hide
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not self._stopped
        ):
            self._closed = watched
            self._timer.start()
        return False

    def _take_back(self) -> None:
        """Only when nothing else of ours took the keyboard (another dialog, another window)."""
        window, closed = self._window, self._closed
        self._closed = None
        if closed is None:
            return
        active = QApplication.activeWindow()
        if not window.isVisible() or window.isMinimized():
            return
        try:
            still_there = closed.isVisible()
        except RuntimeError:  # deleted on close
            still_there = False
        if active is not None and active is not closed:
            return
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not closed:
            return
        if still_there:
            return
        window.activateWindow()
        target = window.focusWidget() or self._fallback
        if target.isVisible():
            target.setFocus()
