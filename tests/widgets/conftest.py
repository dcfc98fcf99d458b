"""Qt fixtures for widget tests: QtWebEngine loaded before any QApplication, the garbage
collector on the GUI thread, a real map view on tiles nobody serves, windows and desks."""

from __future__ import annotations

import gc
import io
import math
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# QtWebEngine must be imported before any QApplication exists (PITFALLS.md).
import PySide6.QtWebEngineWidgets  # noqa: F401
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.maps.page import HUE_CENTRE, TileProvider
from tests.widgets.desks import (  # noqa: F401 (fixtures used by the widget tests)
    file_assigned,
    seeded_central,
    supervisor_central,
    supervisor_desk,
    triage_api,
    triage_central,
    triage_desk,
)
from widgets.map_view import MapView

MAP_READY_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session", autouse=True)
def _collector_on_gui_thread(qapp: Any) -> Iterator[None]:
    """As in the application (widgets.runtime): the cyclic garbage collector runs on the GUI
    thread only, the GIL switches every 0.5 ms."""
    from widgets import runtime

    settings = runtime.apply()
    yield
    settings.restore()
    # Widgets the tests closed are deleted later: do it now, before Qt WebEngine's profile
    # goes with the application ("Release of profile requested but WebEnginePage still not
    # deleted" at exit otherwise).
    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def dead_tiles() -> TileProvider:
    """A tile server address on which nothing listens: every tile request fails."""
    return TileProvider(f"http://127.0.0.1:{_closed_port()}/{{z}}/{{x}}/{{y}}.png", "test", 19)


@pytest.fixture
def make_map_view(qtbot: QtBot, dead_tiles: TileProvider) -> Callable[..., MapView]:
    """Builds a shown MapView; `wait=True` returns once its page and channel are ready."""

    def make(*, wait: bool = True) -> MapView:
        view = MapView(tiles=dead_tiles)
        qtbot.addWidget(view)
        view.resize(900, 600)
        view.show()
        if wait:
            with qtbot.waitSignal(view.ready, timeout=MAP_READY_TIMEOUT_MS):
                pass
        return view

    return make


def write_tile_folder(root: Path, zoom: int) -> None:
    """A {z}/{x}/{y}.png folder holding the tiles around Huế's centre (plain green squares)."""
    lat, lon = HUE_CENTRE
    n = 2**zoom
    cx = int((lon + 180) / 360 * n)
    cy = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 230, 200)).save(buffer, "PNG")
    for x in range(cx - 3, cx + 4):
        for y in range(cy - 3, cy + 4):
            path = root / str(zoom) / str(x) / f"{y}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(buffer.getvalue())


def select_marker_at_rest(qtbot: QtBot, view: MapView, report_id: int, margin: int = 20) -> Any:
    """Selects a report on the map and returns where its own dot is (a QPoint), once the map
    has stopped moving to it and the dot is `margin` px inside the view: a click during a
    pan or zoom animation lands where the dot was a moment before."""
    from PySide6.QtCore import QPoint

    view.select(report_id)

    def at_rest() -> bool:
        state = view.evaluate("paht.state()")
        if state is None or state["selected"] != report_id or state["moving"]:
            return False
        point = view.evaluate(f"paht.markerPoint({report_id})")
        width, height = view.width(), view.height()
        return (
            point is not None
            and margin <= point[0] <= width - margin
            and margin <= point[1] <= height - margin
        )

    qtbot.waitUntil(at_rest, timeout=MAP_READY_TIMEOUT_MS)
    x, y = view.evaluate(f"paht.markerPoint({report_id})")
    return QPoint(round(x), round(y))


# -- main window fixtures (shell helper) -----------------------------------------------------
# A real central API on loopback, a signed-in operator, the local store in the test's data
# folder and a main window over them; the periodic sync is an hour apart and the live channel
# is not held, so a test decides when a sync runs. Imports are inside the fixtures so other
# widget tests never depend on them.


@pytest.fixture
def shell_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The reference central API over a small seeded demo city, on 127.0.0.1."""
    yield from seeded_central(tmp_path_factory, "central", 40)


@pytest.fixture
def shell_settings() -> Any:
    from console.config import load_settings

    return load_settings().with_changes(sync_interval_s=3600, tiles_url=None, live_updates=False)


@pytest.fixture
def shell_session(shell_central: Any, shell_settings: Any) -> Iterator[Any]:
    """A signed-in operator's work session over the live server and a fresh local cache."""
    from console.connection import sign_in
    from widgets.opening import open_session

    session = open_session(shell_settings, sign_in(shell_central.base_url, "operator", "demo"))
    yield session
    session.cache.close()


@pytest.fixture
def main_window(qtbot: Any, shell_session: Any) -> Iterator[Any]:
    """The main window, started (its first sync runs), without a tray icon. Closed at the
    end, with a check that none of its workers or timers is still running."""
    from PySide6.QtCore import QTimer

    from widgets.main_window import MainWindow

    window = MainWindow(shell_session, use_tray=False)
    qtbot.addWidget(window)
    window.show()
    window.start()
    yield window
    window.close()
    assert not window.sync.running
    assert window.runner.active() == 0 and window.runner.busy_threads() == 0
    assert [t.objectName() for t in window.findChildren(QTimer) if t.isActive()] == []


@pytest.fixture
def vietnamese(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The application in Vietnamese, as `start_gui` makes it; plain source texts afterwards."""
    from PySide6.QtCore import QLocale

    from widgets import i18n

    locale = QLocale()
    monkeypatch.setattr(i18n._Installed, "language", "vi")
    monkeypatch.setattr(i18n._Installed, "translators", [])
    i18n.install_translators(qapp, "vi")
    yield
    i18n.remove_translators(qapp, i18n.installed_translators())
    QLocale.setDefault(locale)


@pytest.fixture
def run_sync(qtbot: Any) -> Callable[..., Any]:
    """`run_sync(window, manual=False)`: one sync (or the running one), its SyncOutcome."""

    def run(window: Any, *, manual: bool = False, timeout: int = 60_000) -> Any:
        with qtbot.waitSignal(window.sync.finished, timeout=timeout) as blocker:
            if not window.sync.running:
                window.sync.sync_now(manual=manual)
        return blocker.args[0]

    return run


# -- queue and detail fixtures (queue helper) ------------------------------------------------
# Reports and queue rows built in memory with plausible Huế data; overrides per test.


@pytest.fixture
def queue_reference() -> Any:
    from console.domain.reference import load_reference

    return load_reference()


@pytest.fixture
def queue_sla() -> Any:
    from console.domain.sla import load_sla

    return load_sla()


@pytest.fixture
def make_report() -> Callable[..., Any]:
    """`make_report(id, **fields)`: a Report created an hour ago, status new, in Vỹ Dạ."""
    from datetime import timedelta

    from console.domain.model import Report, Reporter, Status, Urgency, utcnow

    def make(report_id: int, **fields: Any) -> Any:
        created = fields.pop("created_at", utcnow() - timedelta(hours=1))
        values: dict[str, Any] = {
            "id": report_id,
            "code": f"PA-2026-{report_id:06d}",
            "title": f"Phản ánh số {report_id}",
            "description": "Rác thải tập kết không đúng nơi quy định.",
            "category": "environment",
            "urgency": Urgency.NORMAL,
            "status": Status.NEW,
            "ward": "vy-da",
            "lat": 16.4695,
            "lon": 107.6010,
            "address": "12 Nguyễn Sinh Cung",
            "channel": "app",
            "created_at": created,
            "updated_at": created,
            "reporter": Reporter(name="Nguyễn Văn An", phone="0905123456", email="an@example.vn"),
        }
        values.update(fields)
        return Report(**values)

    return make


@pytest.fixture
def make_queue_row(make_report: Callable[..., Any]) -> Callable[..., Any]:
    """`make_queue_row(id, **report_fields)`: the queue line of `make_report(id, ...)`."""
    from console.store.queue_filter import queue_row_from_report

    return lambda report_id, **fields: queue_row_from_report(make_report(report_id, **fields))


def choose_language(qtbot: Any, window: Any, name: str) -> None:
    """Opens the Language menu with the mouse and clicks `name` in it."""
    bar = window.menuBar()
    menu = window.menus.language_menu
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
    )
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    action = next(a for a in menu.actions() if a.text() == name)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=5000)
