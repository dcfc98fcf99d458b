"""The console over another city's Open311 backend (here the reference central's own
/open311/v2 face, over real HTTP): the queue and map fill with no sign-in, and the window says
it is read-only and why, instead of queueing actions the server would never take."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.webengine


@pytest.fixture
def open311_window(qtbot: QtBot, shell_central: Any) -> Iterator[Any]:
    from console.config import load_settings
    from console.connection import open311_connection
    from widgets.main_window import MainWindow
    from widgets.opening import open_session

    settings = load_settings(server=f"open311+{shell_central.base_url}/open311/v2").with_changes(
        sync_interval_s=3600, tiles_url=None, live_updates=False
    )
    session = open_session(settings, open311_connection(settings))
    window = MainWindow(session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    yield window
    window.close()
    session.cache.close()


def test_the_queue_fills_from_open311_and_the_window_stays_read_only(
    qtbot: QtBot, open311_window: Any, vietnamese: None
) -> None:
    window = open311_window
    qtbot.waitUntil(lambda: window.sync.last_outcome is not None, timeout=60_000)
    assert window.sync.last_outcome.ok, window.sync.last_outcome.error
    window.queue.set_view("all")
    qtbot.waitUntil(lambda: len(window.visible_rows) > 0, timeout=30_000)
    note = window.read_only_label
    assert note.isVisible() and "Open311 chỉ cho đọc" in note.text()
    tools = window.tools
    assert tools.read_only_note is not None and tools.read_only_note in note.text()
    assert not tools.acting.isEnabled()
