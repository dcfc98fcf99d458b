"""The main window's link to the central API: its sync controller, what the status bar says
about it, the box a failed manual sync opens, and what an action's report line adds offline.

The controller exists once the window's store is open (`open`); a sync asked before that
(`start`) runs as soon as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from widgets.session import WorkSession
from widgets.status_bar import LinkState, SyncStatusBar
from widgets.sync_worker import SyncController, SyncOutcome
from widgets.version_notice import VersionNotice


class WindowSync(QObject):
    #: A sync reached the server (its changes are in the cache): the window follows them.
    reachedServer = Signal()

    def __init__(self, window: QWidget, status: SyncStatusBar) -> None:
        super().__init__(window)
        self._window = window
        self._status = status
        self.controller: SyncController | None = None
        self.session: WorkSession | None = None
        self.notice = VersionNotice(window, status)
        self.error_box: QMessageBox | None = None
        self._asked = False
        self._interval_s = 0

    def open(self, session: WorkSession) -> SyncController:
        controller = SyncController(
            session.engine,
            session.cache,
            session.outbox,
            session.settings.sync_interval_s,
            self,
            live=session.settings.live_updates,
        )
        controller.started.connect(self._started)
        controller.progressed.connect(self._status.show_progress)
        controller.finished.connect(self._finished)
        self._interval_s = session.settings.sync_interval_s
        self.session = session
        self.controller = controller
        if self._asked:
            controller.start()
        return controller

    def start(self) -> None:
        """Periodic sync with a first one now, or as soon as the store is open."""
        self._asked = True
        if self.controller is not None:
            self.controller.start()

    def sync_now(self) -> None:
        if self.controller is None:
            self._status.showMessage(self.tr("Opening the local store…"), 5000)
            return
        self.controller.sync_now(manual=True)

    def push_soon(self) -> None:
        """An action was queued: send it now rather than at the next periodic sync."""
        if self.controller is not None:
            self.controller.push_now()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
        self._status.stop()
        if self.error_box is not None:
            self.error_box.close()

    def action_reported(self, text: str) -> None:
        if self._status.state is LinkState.OFFLINE:
            text += " " + self.tr("(offline: kept on this computer, sent once connected)")
        self._status.showMessage(text, 15_000)

    def _started(self, manual: bool) -> None:
        if manual or self._status.state is not LinkState.OFFLINE:
            self._status.set_state(LinkState.SYNCING)

    def _finished(self, outcome: SyncOutcome, manual: bool) -> None:
        status = self._status
        status.hide_progress()
        if outcome.ok:
            status.set_state(LinkState.ONLINE)
            status.set_last_sync(outcome.finished_at)
            changed = outcome.last_change_at or (outcome.finished_at if outcome.received else None)
            status.set_feed(outcome.live, changed, self._interval_s)
        else:
            status.hide_feed()
            state = LinkState.ONLINE if outcome.online else LinkState.OFFLINE
            status.set_state(state, outcome.error or "")
        if outcome.ok or outcome.reports:
            status.set_counts(
                pending=outcome.pending,
                quarantined=outcome.quarantined,
                conflicts=outcome.conflicts,
            )
        if outcome.rebuilt:
            status.showMessage(
                self.tr(
                    "The central's data was restored from a backup: the cache on this computer "
                    "was rebuilt from it."
                ),
                60_000,
            )
        if self.session is not None:  # what the latest check of the central found
            self.notice.follow(self.session.outbox.held)
        if outcome.online:
            self.reachedServer.emit()
        if manual and not outcome.ok:
            self._show_error(outcome.error or self.tr("unknown reason"))

    def _show_error(self, reason: str) -> None:
        if self.error_box is not None:
            self.error_box.close()
        box = QMessageBox(self._window)
        box.setObjectName("syncErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Sync failed"))
        box.setText(self.tr("Could not sync with the central API."))
        box.setInformativeText(
            self.tr(
                "Reason: %1\nYour work is kept on this computer and will be sent later."
            ).replace("%1", reason)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: self._forget_error_box(box))
        self.error_box = box
        box.open()

    def _forget_error_box(self, box: QMessageBox) -> None:
        if self.error_box is box:
            self.error_box = None
