"""Test-wide setup: headless Qt, no sandbox as root, fresh data/config dirs for every test."""

from __future__ import annotations

import os

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
