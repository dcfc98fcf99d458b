"""Telling the operator that the central needs a newer console, and that this one is read-only.

The store refuses the actions (the outbox is held, console.store.outbox); here is what the
operator reads: a note in the status bar that messages never cover, a message for a while, and
once per session a box with the installer's link. The same text answers an action refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from console.version import NewerNeeded
from widgets.status_bar import SyncStatusBar

if TYPE_CHECKING:
    from console.store import StoreError

STATUS_MS = 60_000


def newer_console_text(needed: NewerNeeded) -> str:
    """Why nothing is accepted, what still works, and that waiting actions are kept."""
    return (
        QCoreApplication.translate(
            "VersionNotice",
            "The central needs PAHT Console %1 or newer; this console is %2. Until it is "
            "updated it is read-only: syncing, reading, searching, the map and exports work, "
            "but no new action is accepted. Actions already waiting stay on this computer, "
            "unsent, until a newer console sends them.",
        )
        .replace("%1", needed.minimum)
        .replace("%2", needed.current)
    )


def where_to_get(needed: NewerNeeded) -> str:
    if needed.installer_url:
        return QCoreApplication.translate("VersionNotice", "Get the new console here: %1").replace(
            "%1", needed.installer_url
        )
    return QCoreApplication.translate(
        "VersionNotice", "Ask the Center's technical staff to install the new console."
    )


def refusal_text(exc: StoreError) -> str:
    """A store's refusal as the operator reads it (the newer-console one translated). The
    store (SQLAlchemy) loads after the window shows, and has by the time it refuses."""
    from console.store.outbox import NewerConsoleNeeded

    if isinstance(exc, NewerConsoleNeeded):
        return newer_console_text(exc.needed) + "\n" + where_to_get(exc.needed)
    return str(exc)


class VersionNotice(QObject):
    """Follows what each sync learnt of the central's minimum; the box shows once a session."""

    def __init__(self, window: QWidget, status: SyncStatusBar) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self.needed: NewerNeeded | None = None
        self.box: QMessageBox | None = None
        self._box_shown = False
        self.label = QLabel(status)
        self.label.setObjectName("newerConsoleNote")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.label.hide()
        status.add_first_permanent(self.label)
        status.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and self.needed is not None:
            self._label_texts(self.needed)
        return False

    def follow(self, needed: NewerNeeded | None) -> None:
        if needed == self.needed:
            return
        self.needed = needed
        if needed is None:
            self.label.hide()
            return
        self._label_texts(needed)
        self.label.show()
        self._status.showMessage(
            self.tr("The central needs PAHT Console %1 or newer (this one is %2): read-only.")
            .replace("%1", needed.minimum)
            .replace("%2", needed.current),
            STATUS_MS,
        )
        if not self._box_shown:
            self._box_shown = True
            self._show_box(needed)

    def _label_texts(self, needed: NewerNeeded) -> None:
        self.label.setText("⚠ " + self.tr("Console out of date: read-only"))
        self.label.setToolTip(newer_console_text(needed) + "\n" + where_to_get(needed))

    def _show_box(self, needed: NewerNeeded) -> None:
        box = QMessageBox(self._window)
        box.setObjectName("newerConsoleBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the link comes from the server: data
        box.setWindowTitle(self.tr("Newer console needed"))
        box.setText(newer_console_text(needed))
        box.setInformativeText(where_to_get(needed))
        if needed.installer_url:
            url = QUrl(needed.installer_url)
            button = QPushButton(self.tr("Open the download page"), box)
            button.setObjectName("openInstaller")
            box.addButton(button, QMessageBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda: QDesktopServices.openUrl(url))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._forget(box))
        self.box = box
        box.open()

    def _forget(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
