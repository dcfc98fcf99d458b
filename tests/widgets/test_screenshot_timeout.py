"""`--screenshot` ends even when the window never attaches (seen in a frozen bundle: attach
failed and the run hung, because the wait for sync and map began only once it opened)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from widgets import screenshot
from widgets.screenshot import TIMED_OUT, Screenshot


class _NeverOpened(QWidget):
    """Stands in for a MainWindow whose store never opens: it shows, and `opened` never
    fires (a real window cannot be made to fail its attach without breaking its code)."""

    opened = Signal()

    class _Queue:
        def set_view(self, _key: str) -> None:
            pass

    queue = _Queue()


def test_a_window_that_never_opens_is_still_pictured_and_the_run_ends(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screenshot, "SCREENSHOT_TIMEOUT_MS", 200)
    window = _NeverOpened()
    qtbot.addWidget(window)
    window.resize(320, 200)
    window.show()
    ended: list[int] = []
    shot = tmp_path / "shot.png"
    Screenshot(shot, window, ended.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert ended == [TIMED_OUT]
    with Image.open(shot) as picture:
        assert picture.size == (320, 200)
