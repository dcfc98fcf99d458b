"""The window after the central's database was restored: the queue follows it, the status bar
says so once (console.sync.engine rebuilds the cache; tests/integration/test_restore.py)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any

import pytest
from PySide6.QtCore import Qt

from console.central.identity import renew_id
from tests.widgets.test_main_window import _ready
from widgets.main_window import MainWindow

pytestmark = pytest.mark.webengine


def test_a_restored_central_empties_the_queue_of_what_it_lost(
    qtbot: Any, main_window: MainWindow, shell_central: Any, vietnamese: None
) -> None:
    window = main_window
    _ready(qtbot, window)
    lost = window.visible_rows[0].id
    # What a restore looks like from here: a report the backup never had, a new identity.
    engine = shell_central.app.state.service.engine
    with closing(sqlite3.connect(engine.url.database)) as conn, conn:
        conn.execute("DELETE FROM reports WHERE id = ?", (lost,))
    renew_id(engine)

    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_F5)

    assert done.args[0].rebuilt
    qtbot.waitUntil(lambda: len(window.visible_rows) == 39, timeout=30_000)
    assert lost not in {row.id for row in window.visible_rows}
    assert window.status.currentMessage() == (
        "Dữ liệu của máy chủ trung tâm đã được khôi phục từ bản sao lưu: bộ nhớ đệm trên máy "
        "này đã được xây dựng lại theo dữ liệu đó."
    )
