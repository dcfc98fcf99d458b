"""The video wall opened from an operator's console (View > Video wall, Ctrl+Shift+V) over the
window's own cache, which holds reporters: nothing personal on the wall all the same; and the
briefing wizard's case in its spotlight."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.widgets.desks import TriageApi, role_window
from tests.widgets.wall.test_wall_window import PLANTED, plant

pytestmark = pytest.mark.webengine

WAIT_MS = 60_000


def _everything_shown(wall: Any) -> str:
    scene = wall.scene
    page = wall.map.evaluate("document.documentElement.outerHTML")
    state = wall.map.evaluate("JSON.stringify(pahtWall.state())")
    return "\n".join([*wall.shown_texts(), repr(scene), str(page), str(state)])


def test_operator_opens_the_wall_and_no_reporter_reaches_it(
    qtbot: QtBot, main_window: Any, shell_central: Any, run_sync: Any
) -> None:
    run_sync(main_window)  # the window's first sync
    planted = plant(shell_central)
    run_sync(main_window, manual=True)
    # The operator's cache has the reporter: the test could fail.
    held = main_window.session.cache.get_report(planted["id"])
    assert held is not None and held.reporter is not None and held.reporter.name == PLANTED[0]

    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wall = main_window.wall
    assert wall is not None and not wall.press
    qtbot.waitUntil(
        lambda: (
            wall.scene is not None
            and any(line.report_id == planted["id"] for line in wall.scene.ticker)
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(wall.map.is_ready, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: wall.map.evaluate("pahtWall.state()")["count"] > 0, timeout=WAIT_MS)
    shown = _everything_shown(wall)
    assert "kiệt 12" in shown
    assert [value for value in PLANTED if value in shown] == []

    # The briefing wizard's case: the same window turns to press mode with it in focus.
    main_window.open_wall((planted["id"], {}))
    press = main_window.wall
    assert press is not None and press is not wall and press.press
    qtbot.waitUntil(
        lambda: press.scene is not None and press.scene.spotlight is not None, timeout=WAIT_MS
    )
    assert press.panels.current_key() == "spotlight"
    qtbot.waitUntil(press.map.is_ready, timeout=WAIT_MS)
    shown = _everything_shown(press)
    assert planted["code"] in shown
    assert [value for value in PLANTED if value in shown] == []

    qtbot.keyClick(
        press, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: main_window.wall is None, timeout=WAIT_MS)
    # The operator's own sync goes on after the wall is gone.
    assert run_sync(main_window).ok
    assert TriageApi(shell_central.base_url, "operator").report(planted["id"])["status"] == "new"


@pytest.mark.parametrize("user", ["operator", "supervisor", "media", "admin"])
def test_every_role_reaches_the_wall_by_a_key_no_other_action_uses(
    qtbot: QtBot, shell_central: Any, shell_settings: Any, user: str
) -> None:
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    for window in role_window(qtbot, shell_central, shell_settings, user):
        keys = [
            sequence.toString()
            for action in window.findChildren(QAction)
            for sequence in action.shortcuts()
        ] + [shortcut.key().toString() for shortcut in window.findChildren(QShortcut)]
        # Window-wide keys (with Ctrl, or F1..F12); single letters act in the queue only.
        wide = [k for k in keys if "Ctrl" in k or (k[:1] == "F" and k[1:].isdigit())]
        assert len(wide) > 8
        assert sorted(k for k in wide if wide.count(k) > 1) == []
        assert window.menus.wall.shortcut() == QKeySequence("Ctrl+Shift+V")
