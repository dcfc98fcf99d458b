"""The status bar: who is signed in, whether the central API answers, and what waits.

An operator must see at a glance whether the queue is current (online, last sync time), what
has not reached the server yet (pending outbox actions), and what needs a look (quarantined
records, conflicts). A long sync shows a progress bar.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from console.domain.calendar import to_local
from console.domain.model import Role, utcnow


class LinkState(Enum):
    UNKNOWN = "unknown"
    SYNCING = "syncing"
    ONLINE = "online"
    OFFLINE = "offline"


_COLOURS = {
    LinkState.UNKNOWN: "#6b7280",
    LinkState.SYNCING: "#1d4ed8",
    LinkState.ONLINE: "#15803d",
    LinkState.OFFLINE: "#b91c1c",
}


class SyncStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatusBar")
        #: (live, when the last change arrived, polling interval in seconds) or None: unknown.
        self._feed: tuple[bool, datetime | None, int] | None = None
        self.feed_label = QLabel(self)
        self.feed_label.setObjectName("feedLabel")
        self.feed_label.setTextFormat(Qt.TextFormat.PlainText)
        #: Ticks each second while the feed is live, so the age on screen stays true.
        self.feed_timer = QTimer(self)
        self.feed_timer.setObjectName("feedTimer")
        self.feed_timer.setInterval(1000)
        self.feed_timer.timeout.connect(self._show_feed)
        self._state = LinkState.UNKNOWN
        self._was_online = False
        self._last_sync: datetime | None = None
        self._user: tuple[str, Role] | None = None
        self._reason = ""
        self._counts = {"pending": 0, "quarantined": 0, "conflicts": 0}
        self.user_label = QLabel(self)
        self.link_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        self.outbox_label = QLabel(self)
        self.quarantine_label = QLabel(self)
        self.conflict_label = QLabel(self)
        self.warning_label = QLabel(self)
        for label in (
            self.user_label,
            self.link_label,
            self.last_sync_label,
            self.outbox_label,
            self.quarantine_label,
            self.conflict_label,
            self.warning_label,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)  # user names and server reasons
        self.warning_label.setStyleSheet("color: #92400e; font-weight: bold;")
        self.warning_label.hide()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.progress.hide()
        plain = (self.user_label, self.warning_label)
        for label in plain:
            self.addWidget(label)
        self._plain_count = len(plain)
        for widget in (
            self.progress,
            self.link_label,
            self.feed_label,
            self.last_sync_label,
            self.outbox_label,
            self.quarantine_label,
            self.conflict_label,
        ):
            self.addPermanentWidget(widget)
        self.set_state(LinkState.UNKNOWN)
        self.set_last_sync(None)
        self.set_counts(pending=0, quarantined=0, conflicts=0)

    def add_first_permanent(self, widget: QWidget) -> None:
        """`widget` left of the other permanent widgets, where messages never cover it
        (QStatusBar's index counts the plain widgets too: 0 warned and appended it)."""
        self.insertPermanentWidget(self._plain_count, widget)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self._user is not None:
                self.show_user(*self._user)
            self.set_state(self._state, self._reason)
            self.set_last_sync(self._last_sync)
            self.set_counts(**self._counts)
            self._show_feed()
        super().changeEvent(event)

    @property
    def state(self) -> LinkState:
        return self._state

    def role_label(self, role: Role) -> str:
        labels = {
            Role.OPERATOR: self.tr("Operator"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.MEDIA: self.tr("Media staff"),
            Role.ADMIN: self.tr("Administrator"),
            Role.UNIT: self.tr("Handling unit"),
            Role.CITIZEN: self.tr("Citizen"),
            Role.WALL: self.tr("Video wall"),
        }
        return labels.get(role, str(role))

    def show_user(self, user: str, role: Role) -> None:
        self._user = (user, role)
        self.user_label.setText(
            self.tr("Signed in: %1 (%2)").replace("%1", user).replace("%2", self.role_label(role))
        )

    def show_outbox(self, visible: bool) -> None:
        self.outbox_label.setVisible(visible)
        self.conflict_label.setVisible(visible)

    def show_warning(self, text: str, detail: str = "") -> None:
        self.warning_label.setText("⚠ " + text)
        self.warning_label.setToolTip(detail)
        self.warning_label.show()

    def set_state(self, state: LinkState, reason: str = "") -> None:
        self._state = state
        self._reason = reason
        if state is LinkState.ONLINE:
            self._was_online = True
        texts = {
            LinkState.UNKNOWN: self.tr("Not synced yet"),
            LinkState.SYNCING: self.tr("Syncing…"),
            LinkState.ONLINE: self.tr("Online"),
            LinkState.OFFLINE: self.tr("Offline"),
        }
        self.link_label.setText("● " + texts[state])
        self.link_label.setStyleSheet(f"color: {_COLOURS[state]}; font-weight: bold;")
        # The reason may quote the server: markup in it is shown as typed, never rendered.
        self.link_label.setToolTip(
            QtGui.Qt.convertFromPlainText(reason, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)
            if QtGui.Qt.mightBeRichText(reason)
            else reason
        )

    def set_last_sync(self, when: datetime | None) -> None:
        self._last_sync = when
        if when is None:
            self.last_sync_label.setText(self.tr("Last sync: never"))
            return
        local = to_local(when)
        stamp = local.strftime("%H:%M:%S")
        if local.date() != to_local(utcnow()).date():
            stamp = local.strftime("%d/%m/%Y %H:%M")
        self.last_sync_label.setText(self.tr("Last sync: %1").replace("%1", stamp))

    def set_feed(self, live: bool, last_change: datetime | None, interval_s: int) -> None:
        """How updates arrive: live (with the age of the last change) or every `interval_s`."""
        if self._feed is not None and last_change is None:
            last_change = self._feed[1]
        self._feed = (live, last_change, interval_s)
        if live:
            self.feed_timer.start()
        else:
            self.feed_timer.stop()
        self._show_feed()

    def hide_feed(self) -> None:
        """The server does not answer: neither live nor polling is true now."""
        self._feed = None
        self.feed_timer.stop()
        self.feed_label.clear()

    def _show_feed(self) -> None:
        if self._feed is None:
            return
        live, last_change, interval_s = self._feed
        if not live:
            text = self.tr("Polling (every %1 s)").replace("%1", str(interval_s))
        elif last_change is None:
            text = self.tr("Live")
        else:
            text = self.tr("Live · %1").replace("%1", self._age(last_change))
        self.feed_label.setText(text)
        self.feed_label.setStyleSheet("color: #15803d;" if live else "color: #6b7280;")

    def _age(self, when: datetime) -> str:
        seconds = max(0, int((utcnow() - when).total_seconds()))
        if seconds < 60:
            return self.tr("%1 s ago").replace("%1", str(seconds))
        if seconds < 3600:
            return self.tr("%1 min ago").replace("%1", str(seconds // 60))
        return self.tr("at %1").replace("%1", f"{to_local(when):%H:%M}")

    def stop(self) -> None:
        self.feed_timer.stop()

    def set_counts(self, *, pending: int, quarantined: int, conflicts: int) -> None:
        self._counts = {"pending": pending, "quarantined": quarantined, "conflicts": conflicts}
        self.outbox_label.setText(self.tr("Pending: %1").replace("%1", str(pending)))
        self.outbox_label.setToolTip(self.tr("Actions waiting to be sent to the central API"))
        self.quarantine_label.setText(self.tr("Quarantined: %1").replace("%1", str(quarantined)))
        self.quarantine_label.setToolTip(self.tr("Records from the server that failed validation"))
        self.quarantine_label.setStyleSheet("color: #b45309;" if quarantined else "")
        self.conflict_label.setText(self.tr("Conflicts: %1").replace("%1", str(conflicts)))
        self.conflict_label.setToolTip(
            self.tr("Actions the server refused or that clashed with someone else's change")
        )
        self.conflict_label.setStyleSheet("color: #b91c1c; font-weight: bold;" if conflicts else "")

    def show_progress(self, done: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        self.progress.show()

    def hide_progress(self) -> None:
        self.progress.hide()
        self.progress.reset()
