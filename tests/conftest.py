"""Test-wide setup: headless Qt, no sandbox as root, fresh data/config dirs for every test."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

# QtWebEngine must be imported before any QApplication exists (PITFALLS.md).
import PySide6.QtWebEngineWidgets  # noqa: F401
import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own data and config folders; nothing touches the user's."""
    base = tmp_path_factory.mktemp("paht-home")
    monkeypatch.setenv("PAHT_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("PAHT_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))


@pytest.fixture(scope="session", autouse=True)
def _collector_on_gui_thread(qapp: Any) -> Iterator[None]:
    """As in the application: the cyclic garbage collector runs on the GUI thread only."""
    from widgets.collector import GuiThreadCollector

    collector = GuiThreadCollector()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """What the collector's next tick would do, done now on the GUI thread: one test's
    cycles (dialogs, controllers) are not freed in the middle of the next one."""
    yield
    gc.collect()
