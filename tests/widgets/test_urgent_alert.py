"""The urgent-report alert: it names the report, rings once, and stands above other windows.

Real syncs against the reference central API on loopback; a citizen files the reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.widgets.desks import TriageApi
from widgets import notifications
from widgets.main_window import MainWindow

pytestmark = pytest.mark.webengine


def _file(base_url: str, title: str, urgency: str) -> dict[str, Any]:
    """A citizen's report through the central's intake."""
    return TriageApi(base_url, "citizen").file(
        title=title,
        description="Dây điện đứt rơi xuống lòng đường sau mưa lớn.",
        category="lighting",
        ward="vy-da",
        urgency=urgency,
    )


@pytest.fixture
def rings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    heard: list[int] = []
    monkeypatch.setattr(notifications, "ring", lambda: heard.append(1))
    return heard


@pytest.fixture
def supervisor_window(qtbot: Any, shell_central: Any, shell_settings: Any) -> Iterator[Any]:
    """A supervisor's window (the role that has both the queue and the briefing wizard)."""
    from console.connection import sign_in
    from widgets.opening import open_session

    def make() -> MainWindow:
        session = open_session(
            shell_settings, sign_in(shell_central.base_url, "supervisor", "demo")
        )
        opened.append(session)
        window = MainWindow(session, use_tray=False)
        qtbot.addWidget(window)
        window.show()
        window.start()
        windows.append(window)
        return window

    opened: list[Any] = []
    windows: list[MainWindow] = []
    yield make
    for window in windows:
        window.close()
    for session in opened:
        session.cache.close()
        session.outbox.close()


def _synced(qtbot: Any, window: MainWindow, run_sync: Any, base_url: str) -> None:
    """A sync, and its rows merged into the queue: a report filed just before shows there."""
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    window.queue.set_view("new")
    marker = _file(base_url, "Rác để sai nơi quy định", "normal")["id"]
    assert run_sync(window).ok
    qtbot.waitUntil(lambda: window.queue.model.row_of(marker) is not None, timeout=60_000)


def test_an_urgent_report_is_named_rung_once_and_announced_once(
    qtbot: Any, supervisor_window: Any, shell_central: Any, run_sync: Any, rings: list[int]
) -> None:
    window = supervisor_window()
    _synced(qtbot, window, run_sync, shell_central.base_url)
    alert = window.notifier.alert
    assert not alert.isVisible() and rings == []

    wire = _file(shell_central.base_url, "Dây điện đứt trên đường Lê Lợi", "urgent")
    _synced(qtbot, window, run_sync, shell_central.base_url)

    assert alert.isVisible()
    assert alert.title.text() == "Urgent field report"
    assert alert.body.text() == f"{wire['code']} – Dây điện đứt trên đường Lê Lợi (Phường Vỹ Dạ)"
    assert rings == [1]

    QTest.mouseClick(alert.close_button, Qt.MouseButton.LeftButton)
    assert not alert.isVisible()
    # The same report, still new and urgent, in the next sync.
    _synced(qtbot, window, run_sync, shell_central.base_url)
    assert not alert.isVisible() and rings == [1]

    second = _file(shell_central.base_url, "Cây đổ chắn đường Hùng Vương", "urgent")
    _synced(qtbot, window, run_sync, shell_central.base_url)
    assert alert.body.text().startswith(f"{second['code']} – Cây đổ chắn đường Hùng Vương")
    assert rings == [1, 1]

    # The alert's button shows the report in the queue.
    QTest.mouseClick(alert.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.queue.selected_ids() == [second["id"]], timeout=30_000)
    assert not alert.isVisible()


def test_a_report_announced_before_a_restart_is_not_announced_again(
    qtbot: Any, supervisor_window: Any, shell_central: Any, run_sync: Any, rings: list[int]
) -> None:
    window = supervisor_window()
    _synced(qtbot, window, run_sync, shell_central.base_url)
    seen: list[Any] = []
    window.queue.urgentReportsSeen.connect(seen.extend)
    wire = _file(shell_central.base_url, "Dây điện đứt trên đường Lê Lợi", "urgent")
    _synced(qtbot, window, run_sync, shell_central.base_url)
    assert rings == [1] and [row.id for row in seen] == [wire["id"]]
    window.close()

    again = supervisor_window()  # the same data folder, as after a restart
    _synced(qtbot, again, run_sync, shell_central.base_url)
    again.queue.urgentReportsSeen.emit(seen)
    assert not again.notifier.alert.isVisible() and rings == [1]


def test_the_alert_stands_above_an_open_briefing_wizard(
    qtbot: Any, supervisor_window: Any, shell_central: Any, run_sync: Any, rings: list[int]
) -> None:
    window = supervisor_window()
    _synced(qtbot, window, run_sync, shell_central.base_url)
    window.setGeometry(0, 0, 780, 560)  # within the offscreen screen (800 x 600)
    wizard = window.tools.open_briefing()
    wizard.setGeometry(window.geometry())
    qtbot.waitUntil(wizard.isVisible)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)

    wire = _file(shell_central.base_url, "Ngập sâu đường Bà Triệu", "urgent")
    _synced(qtbot, window, run_sync, shell_central.base_url)

    alert = window.notifier.alert
    assert alert.isVisible() and wire["code"] in alert.body.text()
    assert alert.isWindow() and alert.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    centre = alert.mapToGlobal(alert.rect().center())
    assert wizard.geometry().contains(centre)  # the wizard covers that place...
    assert QApplication.topLevelAt(centre) is alert  # ...and the alert is in front
    wizard.reject()
