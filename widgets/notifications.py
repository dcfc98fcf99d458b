"""Telling the operator that an urgent report arrived, even when other windows cover the console.

Each report is announced once: when a sync first shows it new and urgent. The reports
announced are remembered in the data folder (beside the cache they come from), so neither
the next sync nor a restart announces them again. An announcement names the reports, rings
once, and shows a small window that stays above every other (the briefing wizard, dialogs)
without taking the keyboard from the operator; a desktop notification too where there is a
system tray.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from console.domain.lateness import overdue_from
from console.domain.model import utcnow
from console.store.records import QueueRow

TRAY_MS = 10_000
#: Reports named in one alert; more are counted.
SHOWN_REPORTS = 5
#: Announced report ids remembered (the oldest are forgotten first).
REMEMBERED = 2000
ALERTS_FILE = "alerts.ini"
ANNOUNCED_KEY = "urgent/announced"
OVERDUE_CHECK_MS = 60_000
STATUS_MS = 30_000


def ring() -> None:
    """The alert's sound: the desktop's bell (no audio files or extra packages needed)."""
    QApplication.beep()


class UrgentAlert(QFrame):
    """A small always-on-top window over the console's corner; it stays until dismissed.

    `describe(rows)` gives its title and body, asked again when the language changes."""

    openRequested = Signal(int)

    def __init__(
        self, anchor: QWidget, describe: Callable[[Sequence[QueueRow]], tuple[str, str]]
    ) -> None:
        super().__init__(
            anchor,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self._anchor = anchor
        self._describe = describe
        self._rows: Sequence[QueueRow] = ()
        self.setObjectName("urgentAlert")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet(
            "QFrame#urgentAlert { background: #7f1d1d; border: 2px solid #fca5a5;"
            " border-radius: 6px; } QLabel { color: white; }"
            " QPushButton { padding: 3px 12px; }"
        )
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.body = QLabel(self)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.setFixedWidth(440)
        self._retranslate()

    def _retranslate(self) -> None:
        self.open_button.setText(self.tr("Open report"))
        self.close_button.setText(self.tr("Dismiss"))
        if self._rows:
            title, body = self._describe(self._rows)
            self.title.setText(title)
            self.body.setText(body)
            self.adjustSize()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def show_reports(self, rows: Sequence[QueueRow]) -> None:
        self._rows = rows
        self._retranslate()
        corner = self._anchor.mapToGlobal(QPoint(self._anchor.width(), self._anchor.height()))
        self.move(corner.x() - self.width() - 24, corner.y() - self.height() - 48)
        self.show()
        self.raise_()

    def _open(self) -> None:
        self.hide()
        if self._rows:
            self.openRequested.emit(self._rows[0].id)


class Notifier(QObject):
    """Announces newly urgent reports once each: the alert window, the bell, the tray."""

    def __init__(
        self,
        window: QWidget,
        data_dir: Path,
        ward_name: Callable[[str], str],
        *,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(window)
        self._ward_name = ward_name
        self._memory = QSettings(str(data_dir / ALERTS_FILE), QSettings.Format.IniFormat)
        raw = str(self._memory.value(ANNOUNCED_KEY, "") or "")
        self._announced = [int(part) for part in raw.split(",") if part.strip().isdigit()]
        self.alert = UrgentAlert(window, self.describe)
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
        self.overdue_timer = QTimer(self)
        self.overdue_timer.setObjectName("overdueTimer")
        self.overdue_timer.setInterval(OVERDUE_CHECK_MS)
        self._rows: Callable[[], Sequence[QueueRow]] = tuple
        self._say: Callable[[str], None] = lambda _text: None
        self._checked: datetime = utcnow()
        self._overdue_told: set[int] = set()
        self.overdue_timer.timeout.connect(self.check_overdue)

    def watch_overdue(
        self, rows: Callable[[], Sequence[QueueRow]], say: Callable[[str], None]
    ) -> None:
        """A supervisor's window: each minute, reports whose deadline passed since the last
        check (the Overdue tab's definition, console.domain.lateness) are announced once."""
        self._rows = rows
        self._say = say
        self._checked = utcnow()
        self.overdue_timer.start()

    def check_overdue(self) -> list[QueueRow]:
        since, now = self._checked, utcnow()
        self._checked = now
        late = []
        for row in self._rows():
            due = overdue_from(row.status, row.deadline)
            if due is not None and since <= due < now and row.id not in self._overdue_told:
                late.append(row)
        if not late:
            return []
        self._overdue_told.update(row.id for row in late)
        if len(late) == 1:
            title = self.tr("Report just became overdue")
        else:
            title = self.tr("%1 reports just became overdue").replace("%1", str(len(late)))
        body = "\n".join(self._line(row) for row in late[:SHOWN_REPORTS])
        self.last_message = (title, body)
        self._say(f"{title}: {', '.join(row.code for row in late)}")
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, TRAY_MS)
        return late

    def announce(self, rows: Sequence[QueueRow]) -> list[QueueRow]:
        """Alerts for the rows never announced on this computer; returns them."""
        known = set(self._announced)
        fresh = [row for row in rows if row.id not in known]
        if not fresh:
            return []
        self._remember([row.id for row in fresh])
        title, body = self.describe(fresh)
        self.last_message = (title, body)
        ring()
        self.alert.show_reports(fresh)
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, TRAY_MS)
        return fresh

    def describe(self, rows: Sequence[QueueRow]) -> tuple[str, str]:
        """The alert's title and body for `rows`, in the language now in use."""
        if len(rows) == 1:
            title = self.tr("Urgent field report")
        else:
            title = self.tr("%1 urgent field reports").replace("%1", str(len(rows)))
        lines = [self._line(row) for row in rows[:SHOWN_REPORTS]]
        if len(rows) > SHOWN_REPORTS:
            more = len(rows) - SHOWN_REPORTS
            lines.append(self.tr("… and %1 more").replace("%1", str(more)))
        return title, "\n".join(lines)

    def _line(self, row: QueueRow) -> str:
        line = f"{row.code} – {row.title}"
        return f"{line} ({self._ward_name(row.ward)})" if row.ward else line

    def _remember(self, ids: list[int]) -> None:
        self._announced = [*self._announced, *ids][-REMEMBERED:]
        self._memory.setValue(ANNOUNCED_KEY, ",".join(str(i) for i in self._announced))
        self._memory.sync()

    def stop(self) -> None:
        self.overdue_timer.stop()
        self.alert.hide()
        if self.tray is not None:
            self.tray.hide()
