"""Accepting and assigning from the keyboard, end to end against a real central API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from console.config import load_settings
from console.domain.calendar import to_local
from console.domain.routing import suggest_unit
from console.store import EntryState
from widgets.desk import Desk
from widgets.queue_view import QueueView
from widgets.triage import TriageController, select_next_row
from widgets.triage.accept_dialog import AcceptDialog
from widgets.triage.assign_dialog import AssignDialog


class Keyboard:
    """Sends real key events to whatever has the focus, and counts them."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        self.count += 1


def wait_focus_in(qtbot: Any, dialog: QWidget) -> None:
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and dialog.isAncestorOf(QApplication.focusWidget())
        )
    )


def test_accept_and_assign_to_the_suggested_unit_takes_three_keys(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = [admin.file(title=f"Rác thải ở điểm {n}", ward="vy-da") for n in range(3)]
    desk = triage_desk(triage_central)

    window = QWidget()
    qtbot.addWidget(window)
    queue = QueueView(
        desk.sla, desk.reference, load_settings(), window, store=(desk.cache, desk.outbox)
    )
    QVBoxLayout(window).addWidget(queue)
    controller = TriageController(
        window,
        Desk(
            desk.cache,
            desk.outbox,
            lambda: None,
            desk.role,
            desk.user,
            desk.reference,
            desk.sla,
            queue.selected_ids,
        ),
        lambda: select_next_row(queue.table),
    )
    queue.reportSelected.connect(lambda _id: controller.refresh())
    window.resize(1000, 600)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(queue.loaded, timeout=20_000):
        queue.reload()
    queue.set_view("new")
    rows = queue.visible_rows()
    assert {r.id for r in rows} >= {f["id"] for f in filed}
    first, second = rows[0].id, rows[1].id
    queue.select_report(first)
    queue.table.setFocus()

    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_A)
    accept = controller.active_dialog
    assert isinstance(accept, AcceptDialog)
    wait_focus_in(qtbot, accept)
    keys.press(Qt.Key.Key_Return)
    assign = controller.active_dialog
    assert isinstance(assign, AssignDialog)
    wait_focus_in(qtbot, assign)
    keys.press(Qt.Key.Key_Return)

    assert keys.count <= 3
    assert controller.active_dialog is None
    assert queue.selected_ids() == [second]
    queued = desk.outbox.pending()
    assert [(e.report_id, e.action_type.value) for e in queued] == [
        (first, "accept"),
        (first, "assign"),
    ]

    assert desk.engine.push().applied == 2
    report = desk.cache.get_report(first)
    assert report is not None
    expected_unit = suggest_unit(desk.reference, report.category, report.ward).unit
    on_server = admin.report(first)
    assert on_server["status"] == "assigned"
    assert on_server["unit"] == expected_unit
    assert [(e["action"], e["actor"]) for e in on_server["history"]] == [
        ("accept", "operator"),
        ("assign", "operator"),
    ]
    assign_event = on_server["history"][1]
    assert assign_event["from_status"] == "accepted" and assign_event["to_status"] == "assigned"
    assert on_server["code"] in assign_event["payload"]["message"]
    controller.shutdown()


def test_accept_with_new_urgency_and_corrected_pin(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = admin.file(category="trees", title="Cây đổ chắn ngang đường")
    desk = triage_desk(triage_central)
    desk.select(filed["id"])
    assert desk.controller.actions["accept"].isEnabled()

    desk.controller.actions["accept"].trigger()
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, AcceptDialog) and dialog.map is not None
    wait_focus_in(qtbot, dialog)
    qtbot.keyClick(dialog.category, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.urgency
    qtbot.keyClick(dialog.urgency, Qt.Key.Key_Up)
    assert dialog.urgency.currentData() == "urgent"
    centre = dialog.map.rect().center()
    qtbot.mouseClick(dialog.map, Qt.MouseButton.LeftButton, pos=centre + QPoint(40, -30))
    moved = dialog.moved_pin()
    assert moved is not None and moved[0] > filed["lat"] and moved[1] > filed["lon"]
    assert "corrected" in dialog.place.text()
    dialog.then_assign.setChecked(False)
    qtbot.keyClick(dialog.urgency, Qt.Key.Key_Return)

    assert desk.controller.active_dialog is None
    assert desk.next_calls == 1 and desk.sync_requests == 1
    preview = desk.outbox.pending_previews()[filed["id"]]
    assert preview.status.value == "accepted"

    assert desk.engine.push().applied == 1
    on_server = admin.report(filed["id"])
    assert on_server["status"] == "accepted"
    assert on_server["urgency"] == "urgent"
    assert (on_server["lat"], on_server["lon"]) == moved
    assert desk.outbox.all_entries()[-1].state is EntryState.SENT


def test_an_illegal_action_is_refused_with_its_reason_and_nothing_is_queued(
    qtbot: Any, triage_central: Any, triage_desk: Any
) -> None:
    desk = triage_desk(triage_central)
    closed = next(r for r in desk.cache.load_queue_rows() if r.status == "closed")
    desk.select(closed.id)
    assert not desk.controller.actions["accept"].isEnabled()
    assert not desk.controller.actions["assign"].isEnabled()

    desk.controller.accept_selected()

    assert desk.controller.active_dialog is None
    assert "Đã đóng" in desk.controller.last_message
    assert closed.code in desk.controller.last_message
    assert desk.outbox.all_entries() == []


def test_assignment_dialog_suggests_searches_and_needs_a_reason_for_another_deadline(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = admin.file(category="trees", ward="kim-long", title="Cây xanh gãy cành")
    accepted = admin.act(filed, "accept", {"category": "trees", "urgency": "normal"})
    desk = triage_desk(triage_central)
    desk.select(accepted["id"])

    desk.controller.actions["assign"].trigger()
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, AssignDialog)
    wait_focus_in(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.search
    suggestion = suggest_unit(desk.reference, "trees", "kim-long")
    assert dialog.unit_code() == suggestion.unit
    assert desk.reference.unit_name(suggestion.unit) in dialog.explanation.text()
    assert "quy tắc" in dialog.explanation.text()
    assert dialog.deadline_info.text().startswith("Working time it gives: ")
    assert "working days" in dialog.deadline_info.text()
    assert "Kính gửi: " + desk.reference.unit_name(suggestion.unit) in dialog.message.toPlainText()
    groups = [dialog.units.topLevelItem(n).text(0) for n in range(dialog.units.topLevelItemCount())]
    assert groups[:3] == [
        "Departments",
        "Ward and commune committees",
        "Public-service companies",
    ]

    qtbot.keyClicks(dialog.search, "ubnd kim")
    assert dialog.unit_code() == "ubnd-kim-long"
    assert "Kính gửi: UBND phường Kim Long" in dialog.message.toPlainText()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.unit_code() == "ubnd-kim-tra"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Up)
    assert dialog.unit_code() == "ubnd-kim-long"

    later = dialog.deadline.dateTime().addDays(2)
    dialog.deadline.setDateTime(later)
    assert dialog.deadline_changed()
    assert not dialog.ok.isEnabled()
    assert "SLA deadline" in dialog.deadline_info.text()
    qtbot.keyClicks(dialog.deadline_reason, "Can phoi hop voi dien luc")
    assert dialog.ok.isEnabled()
    chosen = dialog.chosen_deadline()
    qtbot.keyClick(dialog.deadline_reason, Qt.Key.Key_Return)

    assert desk.engine.push().applied == 1
    on_server = admin.report(accepted["id"])
    assert on_server["unit"] == "ubnd-kim-long"
    assert chosen is not None
    assert on_server["deadline"].replace("Z", "+00:00") == chosen.isoformat()
    assert on_server["history"][-1]["payload"]["deadline_reason"] == "Can phoi hop voi dien luc"
    assert to_local(chosen).hour == later.time().hour()


def test_a_returned_report_is_reassigned(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    report = admin.file(category="water", ward="phu-xuan")
    report = admin.act(report, "accept", {"category": "water", "urgency": "normal"})
    report = admin.act(report, "assign", {"unit": "cap-nuoc-hue"})
    report = admin.act(report, "return", {"reason": "Không thuộc thẩm quyền"})
    desk = triage_desk(triage_central)
    desk.select(report["id"])
    assert desk.controller.actions["assign"].isEnabled()

    desk.controller.assign_selected()
    dialog = desk.controller.active_dialog
    assert isinstance(dialog, AssignDialog)
    assert dialog.windowTitle() == "Reassign"
    qtbot.keyClicks(dialog.search, "so xay dung")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    assert desk.engine.push().applied == 1
    on_server = admin.report(report["id"])
    assert (on_server["status"], on_server["unit"]) == ("assigned", "so-xay-dung")
    deadline = on_server["deadline"]
    assert deadline is not None
    assert desk.sla.time_left(
        desk.cache.get_report(report["id"]).deadline,  # type: ignore[union-attr]
        desk.cache.get_report(report["id"]).updated_at,  # type: ignore[union-attr]
        desk.cache.get_report(report["id"]).urgency,  # type: ignore[union-attr]
    ) > timedelta(days=1)
