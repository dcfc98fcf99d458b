"""Bulk triage: 100 selected reports accepted and assigned behind one progress dialog each,
with the event loop running all along."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from console.domain.routing import suggest_unit
from widgets.triage.accept_dialog import AcceptDialog
from widgets.triage.assign_dialog import AssignDialog

PLACES = [
    ("environment", "vy-da"),
    ("lighting", "phu-xuan"),
    ("water", "an-cuu"),
    ("trees", "kim-long"),
]


def test_bulk_assignment_of_100_reports_with_one_progress_and_no_freeze(
    qtbot: Any, triage_central: Any, triage_api: Any, triage_desk: Any
) -> None:
    admin = triage_api(triage_central)
    filed = [
        admin.file(category=category, ward=ward, title=f"Phản ánh hàng loạt {n}")
        for n in range(100)
        for category, ward in [PLACES[n % len(PLACES)]]
    ]
    ids = [f["id"] for f in filed]
    desk = triage_desk(triage_central)
    desk.select(*ids)
    controller = desk.controller

    with qtbot.waitSignal(controller.batch.finished, timeout=60_000):
        controller.actions["accept"].trigger()
        accept = controller.active_dialog
        assert isinstance(accept, AcceptDialog)
        assert accept.category.currentData() == ""  # each keeps its own category
        accept.accept()
    qtbot.waitUntil(lambda: isinstance(controller.active_dialog, AssignDialog))
    assign = controller.active_dialog
    assert isinstance(assign, AssignDialog)
    assert assign.each_suggested.isChecked()
    assert not assign.deadline.isEnabled()

    beats: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(1))
    started: list[int] = []
    controller.batch.started.connect(started.append)
    seen_progress: list[QProgressDialog] = []
    heartbeat.timeout.connect(
        lambda: seen_progress.extend(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible() and w not in seen_progress
        )
    )
    heartbeat.start()
    with qtbot.waitSignal(controller.batch.finished, timeout=60_000):
        assign.accept()
        beats_at_start = len(beats)
        progress = controller.batch.progress
        assert progress is not None and progress.isVisible()
        assert progress.maximum() == 100
    heartbeat.stop()

    assert started == [100]
    assert len(seen_progress) == 1
    assert len(beats) - beats_at_start >= 2  # the GUI kept turning while the worker queued
    assert controller.batch.progress is None and not progress.isVisible()
    assert desk.next_calls == 1
    assert desk.outbox.counts().queued == 200
    assert desk.sync_requests >= 2

    assert desk.engine.push().applied == 200
    for report in filed[:: len(PLACES)] + filed[1 :: len(PLACES)][:5]:
        on_server = admin.report(report["id"])
        expected = suggest_unit(desk.reference, report["category"], report["ward"]).unit
        assert (on_server["status"], on_server["unit"]) == ("assigned", expected)
        assert report["code"] in on_server["history"][-1]["payload"]["message"]
