"""The window holds the live channel: a report filed on the central API shows in the queue in
seconds although the periodic sync is ten minutes apart, F5 does not wait behind the
channel's long-poll, and an action the operator queues reaches the central at once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.widgets.test_triage_accept_assign import wait_focus_in
from widgets.main_window import MainWindow
from widgets.triage.accept_dialog import AcceptDialog
from widgets.triage.assign_dialog import AssignDialog

pytestmark = pytest.mark.webengine


@pytest.fixture
def live_window(qtbot: Any, shell_central: Any, shell_settings: Any) -> Iterator[MainWindow]:
    from console.connection import sign_in
    from widgets.opening import open_session

    settings = shell_settings.with_changes(sync_interval_s=600, live_updates=True)
    session = open_session(settings, sign_in(shell_central.base_url, "operator", "demo"))
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sync.live, timeout=60_000)
    qtbot.waitUntil(lambda: window.queue.model.rowCount() > 0, timeout=30_000)
    yield window
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 5
    assert not window.sync.running
    assert window.runner.active() == 0 and window.runner.busy_threads() == 0
    assert [t.objectName() for t in window.findChildren(QTimer) if t.isActive()] == []
    session.cache.close()


def test_a_report_filed_on_the_central_shows_in_the_queue_within_seconds(
    qtbot: Any, live_window: MainWindow, shell_central: Any, triage_api: Any
) -> None:
    window = live_window
    window.queue.set_view("all")
    seen: list[Any] = []
    window.sync.finished.connect(lambda outcome, _manual: seen.append(outcome))

    filed_at = time.monotonic()
    new_id = triage_api(shell_central).file(title="Ngập sâu hầm chui Kim Long")["id"]
    qtbot.waitUntil(lambda: window.queue.model.row_of(new_id) is not None, timeout=10_000)
    assert time.monotonic() - filed_at < 10  # the channel, not the 600 s interval
    assert window.session.cache.get_report(new_id) is not None
    batch = next(o for o in seen if new_id in o.new_ids)
    assert batch.live and batch.ok and batch.last_change_at is not None

    # F5 while the channel waits on the server: the operator's sync ends at once.
    with qtbot.waitSignal(window.sync.finished, timeout=5_000) as blocker:
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert blocker.args[1] is True and blocker.args[0].ok


def test_a_queued_action_reaches_the_central_without_waiting_for_the_interval(
    qtbot: Any, live_window: MainWindow, shell_central: Any, triage_api: Any
) -> None:
    window = live_window
    admin = triage_api(shell_central)
    new_id = admin.file(title="Cây đổ chắn đường Lê Lợi")["id"]
    window.queue.set_view("new")
    qtbot.waitUntil(lambda: window.queue.model.row_of(new_id) is not None, timeout=5_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        assert window.queue.select_report(new_id)
    window.queue.table.setFocus()

    qtbot.keyClick(window.queue.table, Qt.Key.Key_A)
    accept = window.tools.triage.active_dialog
    assert isinstance(accept, AcceptDialog)
    wait_focus_in(qtbot, accept)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assign = window.tools.triage.active_dialog
    assert isinstance(assign, AssignDialog)
    wait_focus_in(qtbot, assign)
    queued_at = time.monotonic()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: admin.report(new_id)["status"] == "assigned", timeout=5_000)
    assert time.monotonic() - queued_at < 5
    qtbot.waitUntil(lambda: not window.session.outbox.pending(), timeout=5_000)


def test_the_status_bar_says_live_from_the_first_sync_before_any_change(
    qtbot: Any, shell_central: Any, shell_settings: Any, run_sync: Any
) -> None:
    """The first sync learns that the server offers the channel: an operator never reads
    "Polling (every 600 s)" on a live console while the first change is still to come."""
    from console.connection import sign_in
    from widgets.opening import open_session

    settings = shell_settings.with_changes(sync_interval_s=600, live_updates=True)
    session = open_session(settings, sign_in(shell_central.base_url, "operator", "demo"))
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as first:
        window.start()
    try:
        assert first.args[0].ok and first.args[0].live
        assert window.status.feed_label.text().startswith("Live")
    finally:
        window.close()
        session.cache.close()
