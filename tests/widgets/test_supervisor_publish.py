"""Publishing a unit's result from the main window sends the citizen one courtesy form: the
demo unit's result arrives already in that form, and the reply read back from the central's
history has one greeting and one closing, word for word."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.central.demo import texts
from console.domain.model import Status
from widgets.main_window import MainWindow
from widgets.queue_model import Column
from widgets.supervisor.review_dialog import ReviewDialog

pytestmark = pytest.mark.webengine

BODY = "Đã thu gom toàn bộ rác thải tại điểm phản ánh, vệ sinh mặt đường và lắp biển cấm đổ rác."


def test_publishing_a_formed_result_sends_it_once(
    qtbot: Any,
    main_window: MainWindow,
    shell_central: Any,
    triage_api: Any,
    file_assigned: Any,
    run_sync: Any,
) -> None:
    window = main_window
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    admin = triage_api(shell_central, "admin")
    assigned = file_assigned(shell_central, 1)[0]
    unit = window.session.reference.unit_name(assigned["unit"])
    posted = texts.RESULT_FORM.format(unit=unit, result=BODY)  # as the demo units post it
    before = admin.act(assigned, "resolve", {"result_text": posted})
    run_sync(window)
    window.queue.set_view("all")
    qtbot.waitUntil(lambda: window.queue.model.row_of(before["id"]) is not None, timeout=30_000)
    resolved = next(row for row in window.visible_rows if row.id == before["id"])
    assert resolved.status == Status.RESOLVED

    table = window.queue.table
    index = window.queue.model.index(window.queue.model.row_of(resolved.id), Column.CODE)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert window.queue.selected_ids() == [resolved.id]
    supervisor = window.tools.supervisor
    qtbot.waitUntil(supervisor.actions["review"].isEnabled, timeout=10_000)
    qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: isinstance(supervisor.active_dialog, ReviewDialog), timeout=10_000)
    dialog = supervisor.active_dialog
    assert isinstance(dialog, ReviewDialog)
    expected = (
        f"Kính gửi: Quý Ông/Bà. Vấn đề Quý Ông/Bà phản ánh, {unit} xin thông báo kết quả xử lý "
        f"như sau: {BODY} Trân trọng."
    )
    assert dialog.reply.toPlainText() == expected
    with qtbot.waitSignal(supervisor.actionQueued, timeout=30_000):
        qtbot.mouseClick(dialog.publish, Qt.MouseButton.LeftButton)
    run_sync(window)

    after = admin.report(resolved.id)
    assert after["status"] == "published"
    sent = after["history"][-1]
    assert sent["action"] == "publish"
    assert sent["payload"]["reply"] == expected
    assert sent["payload"]["reply"].count("Kính gửi") == 1
    assert sent["payload"]["reply"].count("Trân trọng") == 1
