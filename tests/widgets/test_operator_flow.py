"""The operator's flow in the real window, in Vietnamese, through real keys: what each action
says, the details after an action, keys that cannot act, shortcuts after a dialog, the queue's
columns on screen and each tab's own filter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.domain.labels import label
from console.domain.model import HANDLING_STATUSES, ActionType, Status
from console.domain.routing import suggest_unit
from tests.widgets.test_triage_accept_assign import wait_focus_in
from widgets.main_window import MainWindow
from widgets.queue_columns import ESSENTIAL
from widgets.triage.accept_dialog import AcceptDialog
from widgets.triage.assign_dialog import AssignDialog

pytestmark = pytest.mark.webengine


def _press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _synced(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.is_open() and window.queue.model.rowCount() > 0, timeout=30_000)


def _focus_queue(qtbot: Any, window: MainWindow, report_id: int) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        assert window.queue.select_report(report_id)
    window.queue.table.setFocus()


def test_actions_name_the_report_and_the_details_follow(
    qtbot: Any,
    vietnamese: None,
    main_window: MainWindow,
    shell_central: Any,
    triage_api: Any,
    run_sync: Any,
) -> None:
    window = main_window
    _synced(qtbot, window)
    new_id = triage_api(shell_central).file(title="Rác tràn ra đường")["id"]
    run_sync(window)
    window.queue.set_view("new")
    qtbot.waitUntil(lambda: window.queue.model.row_of(new_id) is not None, timeout=30_000)
    _focus_queue(qtbot, window, new_id)
    report = window.session.cache.get_report(new_id)
    assert report is not None

    # G on a new report says why and what to press instead.
    _press(qtbot, Qt.Key.Key_G)
    message = window.status.currentMessage()
    assert message.startswith("G: Không thể «Chuyển xử lý»")
    assert report.code in message and "Nhấn A để tiếp nhận và giao" in message

    # A, Enter, Enter: accepted and assigned; the status bar names the code and the unit.
    _press(qtbot, Qt.Key.Key_A)
    accept = window.tools.triage.active_dialog
    assert isinstance(accept, AcceptDialog)
    wait_focus_in(qtbot, accept)
    _press(qtbot, Qt.Key.Key_Return)
    assign = window.tools.triage.active_dialog
    assert isinstance(assign, AssignDialog)
    wait_focus_in(qtbot, assign)
    _press(qtbot, Qt.Key.Key_Return)
    unit = suggest_unit(window.place.reference, report.category, report.ward).unit
    expected = f"Đã tiếp nhận và giao {report.code} cho {window.place.reference.unit_name(unit)}"
    qtbot.waitUntil(lambda: window.status.currentMessage() == expected, timeout=10_000)

    # The report left the New tab: the details never keep showing it.
    qtbot.waitUntil(lambda: window.queue.model.row_of(new_id) is None, timeout=30_000)
    qtbot.waitUntil(lambda: window.detail.report is None or window.detail.report.id != new_id)

    # Back on it in the All tab, its history holds both actions once the sync sent them.
    window.queue.set_view("all")
    while window.session.outbox.pending():
        run_sync(window)
    _focus_queue(qtbot, window, new_id)
    history = window.detail.history
    qtbot.waitUntil(lambda: history.topLevelItemCount() >= 2, timeout=30_000)
    actions = [history.topLevelItem(n).text(1).split("\n")[0] for n in range(2)]
    assert actions == ["Tiếp nhận, phân loại", "Chuyển xử lý"]
    assert window.detail.fields["status"].text() == "Đã chuyển xử lý"


def test_keys_after_a_dialog_and_the_pending_window_in_vietnamese(
    qtbot: Any, vietnamese: None, main_window: MainWindow
) -> None:
    window = main_window
    _synced(qtbot, window)
    window.queue.set_view("all")
    qtbot.waitUntil(lambda: len(window.visible_rows) > 0, timeout=30_000)
    assigned = next(r.id for r in window.visible_rows if r.status in HANDLING_STATUSES)
    _focus_queue(qtbot, window, assigned)

    # The escalation dialog (a supervision dialog) closes with Esc; Ctrl+Shift+P works at once.
    _press(qtbot, Qt.Key.Key_E)
    dialog = window.tools.supervisor.active_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    _press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.tools.supervisor.active_dialog is None)
    _press(
        qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    pending = window.tools.triage.pending_dialog
    assert pending is not None and pending.isVisible()
    table = pending.table
    headers = [table.horizontalHeaderItem(n).text() for n in range(table.columnCount())]
    assert headers == [
        "Phản ánh",
        "Thao tác",
        "Trạng thái",
        "Thời điểm xếp hàng",
        "Số lần gửi",
        "Trả lời của máy chủ",
    ]

    # Closing that window gives the keys back too: X (a supervisor's decision) says why not.
    pending.close()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _press(qtbot, Qt.Key.Key_X)
    assert window.status.currentMessage().startswith("X (")


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_queue_shows_its_essential_columns_without_scrolling(
    qtbot: Any, main_window: MainWindow, size: tuple[int, int], tmp_path: Path
) -> None:
    window = main_window
    window.resize(*size)
    window.default_layout()
    _synced(qtbot, window)
    qtbot.wait(200)
    table = window.queue.table
    header = table.horizontalHeader()
    width = table.viewport().width()
    for column in ESSENTIAL:
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= width, (column, left, width)
    assert window.grab().save(str(tmp_path / f"window-{size[0]}x{size[1]}.png"))


def test_a_filter_set_on_one_tab_stays_on_that_tab(qtbot: Any, main_window: MainWindow) -> None:
    window = main_window
    _synced(qtbot, window)
    queue = window.queue
    queue.set_view("all")
    bar = queue.filter_bar
    bar.set_choice(bar.status, Status.CLOSED.value)
    qtbot.waitUntil(lambda: {r.status for r in queue.visible_rows()} == {Status.CLOSED})
    all_text = queue.tabs.tabText(queue.tabs.currentIndex())
    assert f"({len(queue.visible_rows())}/" in all_text

    # Another tab: its own (empty) bar, its count equal to its rows.
    queue.set_view("new")
    assert bar.status.currentData() is None
    tab = queue.tabs.tabText(queue.tabs.currentIndex())
    assert tab.endswith(f"({len(queue.visible_rows())})")
    # Back: the All tab's filter is still there.
    queue.set_view("all")
    assert bar.status.currentData() == Status.CLOSED.value


def test_offline_an_action_shows_in_the_history_as_waiting_to_be_sent(
    qtbot: Any,
    vietnamese: None,
    main_window: MainWindow,
    shell_central: Any,
    run_sync: Any,
) -> None:
    """With the central unreachable, a note the operator adds is in the report's history at
    once, marked as waiting; once the central is back and the note sent, the mark goes."""
    from widgets.triage.note_dialog import NoteDialog

    window = main_window
    _synced(qtbot, window)
    window.queue.set_view("all")
    report_id = window.queue.model.report_id(0)
    _focus_queue(qtbot, window, report_id)
    history = window.detail.history
    qtbot.waitUntil(lambda: history.topLevelItemCount() > 0, timeout=30_000)  # from the server
    before = history.topLevelItemCount()

    shell_central.stop()
    try:
        assert not run_sync(window).online
        _press(qtbot, Qt.Key.Key_N)
        dialog = window.tools.triage.active_dialog
        assert isinstance(dialog, NoteDialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.text)
        qtbot.keyClicks(dialog.text, "Da goi dien xac minh")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: history.topLevelItemCount() == before + 1, timeout=10_000)
        last = history.topLevelItem(before)
        assert last.text(1).startswith(f"↻ {label(ActionType.NOTE, 'vi')} (chờ gửi)")
        assert "Da goi dien xac minh" in last.text(2)
    finally:
        shell_central.start()
    while window.session.outbox.pending():
        run_sync(window)
    qtbot.waitUntil(
        lambda: (
            history.topLevelItemCount() == before + 1
            and "chờ gửi" not in history.topLevelItem(before).text(1)
        ),
        timeout=30_000,
    )
