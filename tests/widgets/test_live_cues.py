"""What the operator sees of new reports: highlighted rows, pulsing markers, the New tab's
urgent badge, the feed's age in the status bar, and a supervisor told of reports that just
became overdue. Real window, real central API on loopback, reports filed through its intake.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from console.domain.clock import utcnow
from console.domain.lateness import overdue_from
from widgets import notifications
from widgets.queue_model import NEW_BACK, Column
from widgets.status_bar import SyncStatusBar

pytestmark = pytest.mark.webengine

BACK = Qt.ItemDataRole.BackgroundRole


@pytest.fixture(autouse=True)
def _quiet_vietnamese(vietnamese: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default UI language, and no bell."""
    monkeypatch.setattr(notifications, "ring", lambda: None)


def _back(window: Any, report_id: int) -> QColor | None:
    model = window.queue.model
    row = model.row_of(report_id)
    assert row is not None
    value: QColor | None = model.data(model.index(row, Column.TITLE), BACK)
    return value


def _new_tab_text(window: Any) -> str:
    tabs = window.queue.tabs
    return next(tabs.tabText(n) for n in range(tabs.count()) if tabs.tabData(n) == "new")


def _sync_and_show(
    qtbot: Any, window: Any, run_sync: Callable[..., Any], report_id: int | None = None
) -> None:
    with qtbot.waitSignal(window.queue.loaded, timeout=30_000):
        run_sync(window)
    if report_id is not None:
        model = window.queue.model
        qtbot.waitUntil(lambda: model.row_of(report_id) is not None, timeout=30_000)


def test_a_new_urgent_report_is_highlighted_pulses_and_badges_the_new_tab(
    qtbot: Any, main_window: Any, shell_central: Any, triage_api: Any, run_sync: Any, clock_at: Any
) -> None:
    window = main_window
    _sync_and_show(qtbot, window, run_sync)
    window.queue.set_view("new")
    qtbot.waitUntil(lambda: window.map.is_ready(), timeout=30_000)
    old_id = window.queue.model.report_id(0)

    filed = triage_api(shell_central, "citizen").file(
        title="Cây đổ chắn ngang đường Lê Lợi", urgency="urgent"
    )
    _sync_and_show(qtbot, window, run_sync, filed["id"])

    assert _back(window, filed["id"]) == NEW_BACK
    assert _back(window, old_id) is None
    assert "● 1 khẩn" in _new_tab_text(window)
    qtbot.waitUntil(
        lambda: filed["id"] in window.map.evaluate("paht.state()")["pulsing"], timeout=20_000
    )

    # The operator opens it: the badge and the highlight go.
    model = window.queue.model
    rect = window.queue.table.visualRect(model.index(model.row_of(filed["id"]), Column.TITLE))
    qtbot.mouseClick(window.queue.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.queue.selected_ids() == [filed["id"]]
    assert _back(window, filed["id"]) is None
    assert "khẩn" not in _new_tab_text(window)


def test_the_highlight_clears_after_a_minute(
    qtbot: Any, main_window: Any, shell_central: Any, triage_api: Any, run_sync: Any, clock_at: Any
) -> None:
    window = main_window
    _sync_and_show(qtbot, window, run_sync)
    window.queue.set_view("new")
    filed = triage_api(shell_central, "citizen").file(title="Đèn đường hỏng")
    _sync_and_show(qtbot, window, run_sync, filed["id"])
    assert _back(window, filed["id"]) == NEW_BACK
    clock_at(utcnow() + timedelta(seconds=61))
    assert _back(window, filed["id"]) is None


def test_status_bar_says_polling_then_live_with_the_age_ticking(
    qtbot: Any, main_window: Any, run_sync: Any, clock_at: Any
) -> None:
    window = main_window
    _sync_and_show(qtbot, window, run_sync)
    label = window.status.feed_label
    assert label.isVisible() and label.geometry().left() > 0
    assert label.text() == "Cập nhật định kỳ (3600 giây)"

    now = utcnow()
    clock_at(now)
    window.status.set_feed(True, now - timedelta(seconds=12), 30)
    assert label.text().startswith("Cập nhật trực tiếp · 1")
    assert label.text().endswith("giây trước")
    clock_at(now + timedelta(seconds=150))
    qtbot.waitUntil(lambda: label.text() == "Cập nhật trực tiếp · 2 phút trước", timeout=3000)


def test_polling_text_and_no_ticking_when_the_server_is_gone(qtbot: Any, clock_at: Any) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    now = utcnow()
    clock_at(now)
    bar.set_feed(False, None, 30)
    assert bar.feed_label.text() == "Cập nhật định kỳ (30 giây)"
    bar.set_feed(True, now - timedelta(seconds=5), 30)
    assert bar.feed_timer.isActive()
    bar.hide_feed()
    assert not bar.feed_timer.isActive() and bar.feed_label.text() == ""


def test_a_supervisor_is_told_once_of_a_report_that_just_became_overdue(
    qtbot: Any,
    shell_central: Any,
    shell_settings: Any,
    run_sync: Any,
    clock_at: Any,
    file_assigned: Any,
) -> None:
    from console.connection import sign_in
    from widgets.main_window import MainWindow
    from widgets.opening import open_session

    (assigned,) = file_assigned(shell_central, 1)
    session = open_session(shell_settings, sign_in(shell_central.base_url, "supervisor", "demo"))
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        _sync_and_show(qtbot, window, run_sync)
        assert window.notifier.overdue_timer.isActive()

        def assigned_row() -> Any:
            return next((r for r in window.queue.all_rows() if r.id == assigned["id"]), None)

        qtbot.waitUntil(lambda: assigned_row() is not None, timeout=30_000)
        row = assigned_row()
        due = overdue_from(row.status, row.deadline)
        assert due is not None and due > utcnow()
        clock_at(due + timedelta(seconds=30))
        window.notifier.overdue_timer.timeout.emit()
        message = window.status.currentMessage()
        assert "vừa quá hạn" in message and row.code in message
        assert window.notifier.last_message is not None

        clock_at(due + timedelta(minutes=2))
        assert row.id not in [r.id for r in window.notifier.check_overdue()]
    finally:
        window.close()
        session.cache.close()
    assert not window.notifier.overdue_timer.isActive()
