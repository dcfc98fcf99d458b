"""Qt's messages: the harmless ones stay off the terminal, the real ones reach the log."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLoggingCategory, qCritical, qCWarning, qWarning

from widgets import qt_messages


@pytest.fixture
def handler_installed() -> Iterator[None]:
    qt_messages.install()
    yield
    qt_messages.uninstall()


def _records(caplog: pytest.LogCaptureFixture) -> list[tuple[str, int, str]]:
    return [(r.name, r.levelno, r.getMessage()) for r in caplog.records]


@pytest.mark.no_qt_log  # pytest-qt's own capture would replace the handler under test
@pytest.mark.usefixtures("handler_installed")
def test_a_harmless_message_is_kept_at_debug_with_its_reason(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    qWarning("This plugin does not support propagateSizeHints()")
    qWarning("QRhiGles2: Failed to create temporary context")
    assert _records(caplog) == []  # nothing at the console's default level

    caplog.clear()
    caplog.set_level(logging.DEBUG, logger="qt")
    qWarning("This plugin does not support propagateSizeHints()")
    [(name, level, message)] = _records(caplog)
    assert (name, level) == ("qt", logging.DEBUG)
    assert message.startswith("This plugin does not support propagateSizeHints() (harmless: ")


@pytest.mark.no_qt_log
@pytest.mark.usefixtures("handler_installed")
def test_a_real_warning_reaches_the_log_at_its_level_and_category(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    qWarning("QPainter::begin: Paint device returned engine == 0, type: 1")
    qCritical("QSqlDatabase: QSQLITE driver not loaded")
    xcb = QLoggingCategory("qt.qpa.xcb")
    qCWarning(xcb, "could not connect to display :7")
    js = QLoggingCategory("js")
    qCWarning(js, "Uncaught ReferenceError: L is not defined")
    assert _records(caplog) == [
        ("qt", logging.WARNING, "QPainter::begin: Paint device returned engine == 0, type: 1"),
        ("qt", logging.ERROR, "QSqlDatabase: QSQLITE driver not loaded"),
        ("qt.qpa.xcb", logging.WARNING, "could not connect to display :7"),
        ("qt.js", logging.WARNING, "Uncaught ReferenceError: L is not defined"),
    ]


@pytest.mark.no_qt_log
@pytest.mark.usefixtures("handler_installed")
def test_an_allow_listed_text_inside_a_critical_message_is_not_hidden(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    qCritical("QRhiGles2: Failed to create context")
    assert _records(caplog) == [("qt", logging.ERROR, "QRhiGles2: Failed to create context")]


def test_every_allow_listed_pattern_has_a_reason_and_matches_from_the_start() -> None:
    assert all(item.reason.strip() for item in qt_messages.HARMLESS)
    assert qt_messages.harmless_reason("GPUInfo not initialized on GpuInfoUpdate")
    assert qt_messages.harmless_reason("Failed to load vulkan: Cannot load library vulkan")
    assert qt_messages.harmless_reason("Something else: GPUInfo not initialized") is None
    assert qt_messages.harmless_reason("QFont::setPointSize: Point size <= 0 (-1)") is None
