"""The main window's three docks and their arrangement, kept between runs.

Docks let each operator arrange the queue, the details and the map on one or two screens; the
arrangement and the window geometry are kept in the window's INI file (`layout_settings`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LAYOUT_VERSION = 1


def make_dock(window: QMainWindow, name: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    return dock


def arrange(
    window: QMainWindow, queue: QDockWidget, detail: QDockWidget, map_: QDockWidget
) -> None:
    """The queue on the left, the details above the map on the right."""
    for dock in (queue, detail, map_):
        dock.setFloating(False)
        dock.show()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, queue)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, detail)
    window.splitDockWidget(queue, detail, Qt.Orientation.Horizontal)
    window.splitDockWidget(detail, map_, Qt.Orientation.Vertical)
    size_docks(window, queue, detail, map_)


def size_docks(
    window: QMainWindow, queue: QDockWidget, detail: QDockWidget, map_: QDockWidget
) -> None:
    """Queue wider than the right column (its six first columns fit at 1366 px); details a
    little taller than the map."""
    width = max(window.width(), 1000)
    height = max(window.height(), 600)
    window.resizeDocks([queue, detail], [width * 3 // 5, width * 2 // 5], Qt.Orientation.Horizontal)
    window.resizeDocks(
        [detail, map_], [height * 11 // 20, height * 9 // 20], Qt.Orientation.Vertical
    )


def restore_layout(window: QMainWindow, store: QSettings) -> bool:
    """The operator's last geometry and dock arrangement; False when there is none."""
    geometry = store.value("window/geometry")
    if geometry is None or not window.restoreGeometry(geometry):
        return False
    state = store.value("window/state")
    return state is not None and bool(window.restoreState(state, LAYOUT_VERSION))


def save_layout(window: QMainWindow, store: QSettings) -> None:
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState(LAYOUT_VERSION))
    store.sync()
