"""Nothing lost: actions queued offline reach the server once and in order; a conflict between
two operators is decided in the conflict dialog."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.store import EntryState
from widgets.triage.assign_dialog import AssignDialog
from widgets.triage.conflict_dialog import ConflictDialog


def accept_and_assign_by_keys(qtbot: Any, desk: Any, report_id: int) -> None:
    desk.select(report_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.host)
    qtbot.keyClick(desk.host, Qt.Key.Key_A)
    for _dialog in ("accept", "assign"):
        dialog = desk.controller.active_dialog
        qtbot.waitUntil(
            lambda d=dialog: (
                QApplication.focusWidget() is not None
                and d.isAncestorOf(QApplication.focusWidget())
            )
        )
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert desk.controller.active_dialog is None


def test_twenty_actions_queued_offline_arrive_once_and_in_order(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = [admin.file(title=f"Đèn đường hỏng {n}", category="lighting") for n in range(10)]
    desk = triage_desk(triage_central)
    triage_central.stop()

    for report in filed:
        accept_and_assign_by_keys(qtbot, desk, report["id"])
    offline = desk.engine.sync_once()
    assert not offline.online
    counts = desk.outbox.counts()
    assert counts.queued + counts.failed == 20
    pending = desk.controller.show_pending()
    assert len(pending.entries) == 20
    assert desk.outbox.pending_previews()[filed[0]["id"]].status.value == "assigned"

    triage_central.start()
    order = [(e.report_id, e.action_type.value) for e in desk.outbox.pending()]
    assert desk.engine.push().applied == 20
    histories = {r["id"]: admin.report(r["id"])["history"] for r in filed}
    events = sorted(
        ((e["at"], report_id, e["action"]) for report_id, h in histories.items() for e in h),
    )
    assert [(report_id, action) for _at, report_id, action in events] == order
    for report in filed:
        assert [e["action"] for e in histories[report["id"]]] == ["accept", "assign"]

    # The answers to four deliveries were lost: they are sent again and change nothing.
    sent = [e for e in desk.outbox.all_entries() if e.state is EntryState.SENT]
    for entry in sent[:4]:
        desk.outbox.mark_failed(entry.id, "trả lời bị mất")
    assert desk.engine.push().applied == 4
    for report in filed:
        again = admin.report(report["id"])
        assert [e["action"] for e in again["history"]] == ["accept", "assign"]
        assert again["status"] == "assigned"
    pending.refresh()
    assert pending.entries == []


def test_two_operators_at_once_one_wins_the_other_decides_in_the_conflict_dialog(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    report = admin.file(category="roads", ward="vy-da", title="Ổ gà giữa đường")
    report = admin.act(report, "accept", {"category": "roads", "urgency": "normal"})
    mine = triage_desk(triage_central, "operator")
    theirs = triage_desk(triage_central, "supervisor")
    chosen = {}
    for desk, search in ((mine, "duong bo"), (theirs, "so xay dung")):
        desk.host.activateWindow()
        qtbot.waitUntil(lambda d=desk: QApplication.activeWindow() is d.host)
        desk.select(report["id"])
        qtbot.keyClick(desk.host, Qt.Key.Key_G)
        dialog = desk.controller.active_dialog
        assert isinstance(dialog, AssignDialog)
        qtbot.keyClicks(dialog.search, search)
        chosen[desk.user] = dialog.unit_code()
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda d: d.engine.push(), (mine, theirs)))
    assert sorted((r.applied, r.conflicts) for r in results) == [(0, 1), (1, 0)]
    winner, loser = (mine, theirs) if results[0].applied else (theirs, mine)
    on_server = admin.report(report["id"])
    assert on_server["unit"] == chosen[winner.user]

    loser.controller.review_outbox()
    dialog = loser.controller.review.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: winner.user in dialog.who.text(), timeout=10_000)
    assert "Chuyển xử lý" in dialog.who.text()
    rows = {
        dialog.table.item(n, 0).text(): (  # type: ignore[union-attr]
            dialog.table.item(n, 1).text(),  # type: ignore[union-attr]
            dialog.table.item(n, 2).text(),  # type: ignore[union-attr]
        )
        for n in range(dialog.table.rowCount())
    }
    names = loser.reference.unit_name
    assert rows["Unit"] == (names(chosen[loser.user]), names(chosen[winner.user]))

    qtbot.mouseClick(dialog.reapply_button, Qt.MouseButton.LeftButton)
    assert loser.controller.review.conflict_dialog is None
    assert [e.state for e in loser.outbox.all_entries()] == [EntryState.QUEUED]
    assert loser.engine.push().applied == 1
    final = admin.report(report["id"])
    assert final["unit"] == chosen[loser.user]
    assert [(e["action"], e["actor"]) for e in final["history"][-2:]] == [
        ("assign", winner.user),
        ("assign", loser.user),
    ]


def test_a_conflict_that_no_longer_makes_sense_is_dropped(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    report = admin.file(title="Bãi rác tự phát")
    desk = triage_desk(triage_central)
    desk.select(report["id"])
    qtbot.keyClick(desk.host, Qt.Key.Key_A)
    desk.controller.active_dialog.then_assign.setChecked(False)  # type: ignore[union-attr]
    desk.controller.active_dialog.accept()  # type: ignore[union-attr]
    admin.act(report, "reject", {"reason": "out_of_scope"})

    assert desk.engine.push().conflicts == 1
    desk.controller.review_outbox()
    dialog = desk.controller.review.conflict_dialog
    assert isinstance(dialog, ConflictDialog)
    qtbot.mouseClick(dialog.reapply_button, Qt.MouseButton.LeftButton)
    assert "Không thể" in desk.controller.last_message  # the domain refuses on the new state
    assert desk.outbox.all_entries()[0].state is EntryState.CONFLICT

    pending = desk.controller.show_pending()
    pending.table.selectRow(0)
    qtbot.mouseClick(pending.drop_button, Qt.MouseButton.LeftButton)
    assert desk.outbox.all_entries()[0].state is EntryState.DROPPED
    assert admin.report(report["id"])["status"] == "rejected"
