"""A shift-long session must not crash: Qt calls must not leak or drop Python references.

PySide6 6.12.0 on Python 3.11 released a reference to None on every call that returns None;
after enough calls (hours of work) the interpreter aborted with "deallocating None".
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget
from pytestqt.qtbot import QtBot

# Qt WebEngine runs in the test process: left out under libfaketime.
pytestmark = pytest.mark.webengine


def test_qt_calls_returning_none_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    tree = QTreeWidget()
    view = QWebEngineView()
    for widget in (label, tree, view):
        qtbot.addWidget(widget)
    app = QApplication.instance()
    assert app is not None
    before = sys.getrefcount(None)
    for _ in range(5_000):
        label.setText("Đèn đường hỏng")
        app.processEvents()
        tree.currentItem()
        view.page().runJavaScript("1 + 1", 0)
    assert sys.getrefcount(None) - before > -100
