"""The main window over a live central API: status, new reports, map wiring, layout, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from console.domain.model import Status
from tests.widgets.conftest import select_marker_at_rest
from tests.widgets.desks import TriageApi
from widgets.main_window import MainWindow
from widgets.status_bar import LinkState

pytestmark = pytest.mark.webengine


def _ready(qtbot: Any, window: MainWindow) -> None:
    """Waits for the first sync, the rows in the queue and the markers on the map."""
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    window.queue.set_view("all")
    qtbot.waitUntil(lambda: len(window.visible_rows) == 40, timeout=30_000)
    qtbot.waitUntil(
        lambda: window.map.is_ready() and (window.map.evaluate("paht.count()") or 0) > 0,
        timeout=60_000,
    )


def _citizen_report(base_url: str, title: str, urgency: str = "urgent") -> int:
    """A citizen's report through the central's intake: its id."""
    return int(
        TriageApi(base_url, "citizen").file(
            title=title,
            description="Cây đổ chắn ngang đường sau mưa lớn.",
            category="trees",
            urgency=urgency,
        )["id"]
    )


def test_status_bar_online_offline_and_back(
    qtbot: Any, main_window: MainWindow, shell_central: Any, run_sync: Any
) -> None:
    window = main_window
    first = run_sync(window)
    assert first.ok
    bar = window.status
    assert bar.state is LinkState.ONLINE
    assert "40" not in bar.conflict_label.text()
    assert "Last sync" in bar.last_sync_label.text() and "never" not in bar.last_sync_label.text()

    shell_central.stop()
    down = run_sync(window)
    assert not down.online
    assert bar.state is LinkState.OFFLINE
    assert window.error_box is None  # a periodic sync failing only changes the status bar

    shell_central.start()
    back = run_sync(window)
    assert back.ok and bar.state is LinkState.ONLINE


def test_new_urgent_report_keeps_the_selection(
    qtbot: Any, main_window: MainWindow, shell_central: Any, run_sync: Any
) -> None:
    window = main_window
    _ready(qtbot, window)
    chosen = window.queue.visible_rows()[5].id
    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        assert window.queue.select_report(chosen)
    table = window.queue.table

    def top_report() -> int:
        return window.queue.model.report_id(table.rowAt(0))

    top = top_report()

    new_id = _citizen_report(shell_central.base_url, "Cây đổ trên đường Lê Lợi")
    with qtbot.waitSignal(window.queue.newReportsArrived, timeout=60_000) as arrived:
        run_sync(window)

    assert arrived.args == [1, True]
    qtbot.waitUntil(lambda: window.queue.model.row_of(new_id) is not None, timeout=30_000)
    assert window.queue.selected_ids() == [chosen]
    assert top_report() == top  # what the operator was looking at did not move
    assert window.notifier.last_message is not None
    assert window.notifier.alert.isVisible()
    assert window.session.cache.get_report(new_id).status is Status.NEW


def test_marker_click_selects_the_row_and_row_selection_moves_the_map(
    qtbot: Any, main_window: MainWindow
) -> None:
    window = main_window
    _ready(qtbot, window)
    qtbot.waitUntil(lambda: window.map.evaluate("paht.state().bridge") is True, timeout=30_000)
    rows = [row for row in window.visible_rows if row.lat is not None]
    clicked, chosen = rows[0].id, rows[-1].id

    # Bring the marker out of its cluster, then click it with the mouse, as an operator would.
    point = select_marker_at_rest(qtbot, window.map, clicked, margin=0)
    with qtbot.waitSignal(window.detailShown, timeout=30_000) as shown:
        QTest.mouseClick(
            window.map.focusProxy(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            point,
        )
    assert shown.args == [clicked]
    assert window.queue.selected_ids() == [clicked]

    assert window.queue.select_report(chosen)
    qtbot.waitUntil(lambda: window.map.evaluate("paht.state().selected") == chosen, timeout=30_000)


def test_window_geometry_and_docks_are_restored(
    qtbot: Any, main_window: MainWindow, shell_session: Any
) -> None:
    window = main_window
    screen = window.screen().availableGeometry()
    size = (min(760, screen.width() - 40), min(590, screen.height() - 40))
    window.resize(*size)
    window.map_dock.hide()
    window.close()

    again = MainWindow(shell_session, use_tray=False)
    qtbot.addWidget(again)
    again.show()
    try:
        assert (again.width(), again.height()) == size
        assert not again.map_dock.isVisible()
        assert again.queue_dock.isVisible()
    finally:
        again.close()
    assert not again.sync.timer.isActive() and again.runner.active() == 0


def test_failing_sync_asked_by_the_operator_shows_the_reason(
    qtbot: Any, main_window: MainWindow, shell_central: Any, run_sync: Any
) -> None:
    window = main_window
    run_sync(window)
    shell_central.stop()

    with qtbot.waitSignal(window.sync.finished, timeout=60_000):
        window.menus.sync.trigger()

    box = window.error_box
    assert box is not None and box.isVisible()
    assert window.status.state is LinkState.OFFLINE
    assert box.informativeText().strip() != ""
    assert window.sync.last_outcome.error in box.informativeText()
    QTimer.singleShot(0, box.accept)
    qtbot.waitUntil(lambda: window.error_box is None, timeout=5_000)


def test_closing_during_a_sync_stops_everything(qtbot: Any, main_window: MainWindow) -> None:
    window = main_window
    window.sync.sync_now(manual=False)
    window.close()
    assert not window.sync.running
    assert not window.sync.timer.isActive()
    assert window.runner.active() == 0 and window.runner.busy_threads() == 0
    assert window.queue._runner.busy_threads() == 0
    assert json.dumps(window.sync.sync_now()) == "false"  # no new work after close


def test_screenshot_command_signs_in_to_the_embedded_demo(tmp_path: Any) -> None:
    """`paht-console --screenshot` on a fresh machine: demo city, sign-in, sync, map, PNG."""
    shot = tmp_path / "main.png"
    env = {
        **os.environ,
        "PAHT_DATA_DIR": str(tmp_path / "data"),
        "PAHT_CONFIG_DIR": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "console.cli", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1400, 860)
    assert not (tmp_path / "config" / "tokens.json").exists()  # demo tokens are not kept


def test_media_staff_see_their_role_and_no_reporter_contact(
    qtbot: Any, shell_central: Any, shell_settings: Any, run_sync: Any
) -> None:
    from console.connection import sign_in
    from widgets.opening import open_session

    operator = sign_in(shell_central.base_url, "operator", "demo")
    media = sign_in(shell_central.base_url, "media", "demo")
    session = open_session(shell_settings, media)
    cache = session.cache
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    try:
        window.start()
        _ready(qtbot, window)
        with_phone = next(
            row.id
            for row in window.visible_rows
            if (operator.client.report(row.id).get("reporter") or {}).get("phone")
        )
        phone = operator.client.report(with_phone)["reporter"]["phone"]
        with qtbot.waitSignal(window.detailShown, timeout=30_000):
            window.queue.select_report(with_phone)

        assert "media" in window.status.user_label.text()
        assert not window.status.outbox_label.isVisible()
        assert window.tools.triage is None and window.tools.supervisor is None
        assert window.tools.briefing_action is not None  # the press-tour briefing is theirs
        assert len(window.menuBar().actions()) == 5  # file, view, press, language, help
        texts = [label.text() for label in window.detail.findChildren(QLabel)]
        assert texts and not any(phone in text for text in texts)
    finally:
        window.close()
        cache.close()


def test_operators_see_the_reporter_contact_and_triage_actions(
    qtbot: Any, main_window: MainWindow, shell_session: Any, shell_central: Any, run_sync: Any
) -> None:
    window = main_window
    _ready(qtbot, window)
    client = shell_session.connection.client
    with_phone = next(
        row.id
        for row in window.visible_rows
        if (client.report(row.id).get("reporter") or {}).get("phone")
    )
    phone = client.report(with_phone)["reporter"]["phone"]
    with qtbot.waitSignal(window.detailShown, timeout=30_000):
        window.queue.select_report(with_phone)
    assert window.status.outbox_label.isVisible()
    assert any(phone in label.text() for label in window.detail.findChildren(QLabel))

    # The triage actions follow the selection: accepting is offered for a new report only.
    assert window.tools.briefing_action is None  # press packs are not an operator's job
    accept = window.tools.triage.actions["accept"]
    new_id = _citizen_report(shell_central.base_url, "Rác thải ứ đọng", urgency="normal")
    run_sync(window)
    qtbot.waitUntil(lambda: window.queue.model.row_of(new_id) is not None, timeout=30_000)
    by_status = {row.status: row.id for row in window.visible_rows}
    window.queue.select_report(new_id)
    qtbot.waitUntil(accept.isEnabled, timeout=10_000)
    window.queue.select_report(by_status[Status.CLOSED])
    qtbot.waitUntil(lambda: not accept.isEnabled(), timeout=10_000)
