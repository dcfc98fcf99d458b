"""The live map in a real QWebEngineView: markers, filters, clicks, selection, safety."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from console.maps.markers import MarkerRow
from tests.widgets.conftest import select_marker_at_rest
from widgets.map_view import MapView

pytestmark = pytest.mark.webengine

MakeView = Callable[..., MapView]
WAIT_MS = 15_000
STATUSES = ["new", "accepted", "assigned", "in_progress", "resolved", "published", "closed"]


def demo_rows(n: int, seed: int = 7, spread: float = 0.05) -> list[MarkerRow]:
    rnd = random.Random(seed)
    return [
        MarkerRow(
            id=i + 1,
            lat=rnd.gauss(16.46, spread),
            lon=rnd.gauss(107.59, spread),
            status=rnd.choice(STATUSES),
            overdue=rnd.random() < 0.15,
            escalation_level=rnd.choice([0, 0, 0, 1, 2, 3]),
            code=f"PA-2025-{i + 1:06d}",
            title=f"Rác thải tồn đọng trên đường số {i + 1}",
        )
        for i in range(n)
    ]


def show_markers(qtbot: QtBot, view: MapView, rows: list[MarkerRow]) -> None:
    view.set_markers(rows)
    qtbot.waitUntil(lambda: view.marker_count() == len(rows), timeout=WAIT_MS)


def marker_point(view: MapView, report_id: int) -> list[float] | None:
    point: list[float] | None = view.evaluate(f"paht.markerPoint({report_id})")
    return point


def test_markers_show_on_grey_when_tiles_are_unreachable(
    qtbot: QtBot, make_map_view: MakeView
) -> None:
    view = make_map_view()
    rows = demo_rows(300)
    show_markers(qtbot, view, rows)
    assert view.evaluate("typeof L") == "object"
    assert view.evaluate("document.querySelectorAll('img.leaflet-tile-loaded').length") == 0
    assert view.evaluate("paht.state().visible") > 0


def test_filter_change_keeps_page_zoom_and_position(qtbot: QtBot, make_map_view: MakeView) -> None:
    view = make_map_view()
    rows = demo_rows(1_000)
    show_markers(qtbot, view, rows)
    view.evaluate("window.__probe = 42")
    view.evaluate("(paht.map.setView([16.47, 107.6], 14, {animate: false}), 1)")
    before = view.evaluate("paht.state()")

    overdue = [row for row in rows if row.overdue]
    show_markers(qtbot, view, overdue)

    after = view.evaluate("paht.state()")
    assert view.evaluate("window.__probe") == 42
    assert after["count"] == len(overdue) < len(rows)
    assert after["zoom"] == before["zoom"] == 14
    assert after["center"] == before["center"]


def test_clicking_a_marker_sends_its_report_id(qtbot: QtBot, make_map_view: MakeView) -> None:
    view = make_map_view()
    rows = demo_rows(400)
    show_markers(qtbot, view, rows)
    target = rows[123].id
    point = select_marker_at_rest(qtbot, view, target)

    with qtbot.waitSignal(view.markerClicked, timeout=WAIT_MS) as clicked:
        QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [target]
    popup = view.evaluate("document.querySelector('.leaflet-popup-content').textContent")
    assert rows[123].code in popup


def test_select_pans_to_the_report_inside_a_cluster(qtbot: QtBot, make_map_view: MakeView) -> None:
    view = make_map_view()
    rows = demo_rows(2_000, spread=0.01)
    show_markers(qtbot, view, rows)
    off_centre = [row for row in rows if abs(row.lat - 16.46) + abs(row.lon - 107.59) > 0.008]
    far = next(row for row in off_centre if marker_point(view, row.id) is None)  # in a cluster

    view.select(far.id)

    size = view.size()
    middle = (size.width() / 2, size.height() / 2)
    qtbot.waitUntil(
        lambda: math.dist(marker_point(view, far.id) or (0, 0), middle) < 3, timeout=WAIT_MS
    )
    state = view.evaluate("paht.state()")
    assert state["selected"] == far.id
    assert math.isclose(state["center"][0], far.lat, abs_tol=1e-4)
    assert math.isclose(state["center"][1], far.lon, abs_tol=1e-4)


def test_report_text_is_shown_as_text_never_run(qtbot: QtBot, make_map_view: MakeView) -> None:
    view = make_map_view()
    evil = '<img src=x onerror="window.__pwned=1">'
    rows = [*demo_rows(20), MarkerRow(999, 16.5, 107.6, "new", True, 2, "PA-<b>X</b>", evil)]
    show_markers(qtbot, view, rows)
    point = select_marker_at_rest(qtbot, view, 999)

    QTest.mouseMove(view.focusProxy(), point)
    with qtbot.waitSignal(view.markerClicked, timeout=WAIT_MS):
        QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(
        lambda: view.evaluate("!!document.querySelector('.leaflet-popup-content .paht-title')"),
        timeout=WAIT_MS,
    )

    popup_title = view.evaluate(
        "document.querySelector('.leaflet-popup-content .paht-title').textContent"
    )
    assert popup_title == evil
    assert view.evaluate("document.querySelectorAll('.leaflet-popup-content img').length") == 0
    assert view.evaluate("typeof window.__pwned") == "undefined"


def test_page_loads_scripts_and_styles_only_from_local_files(
    qtbot: QtBot, make_map_view: MakeView
) -> None:
    view = make_map_view()
    urls = view.evaluate(
        "Array.from(document.querySelectorAll('script[src], link[href]'), e => e.src || e.href)"
    )
    assert urls
    assert all(url.startswith(("file:", "qrc:")) for url in urls), urls


def test_calls_before_the_page_is_ready_are_replayed(qtbot: QtBot, make_map_view: MakeView) -> None:
    view = make_map_view(wait=False)
    rows = demo_rows(50)
    view.set_markers(rows)
    view.set_heatmap(True)
    view.select(rows[0].id)
    assert not view.is_ready()
    with qtbot.waitSignal(view.ready, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: view.marker_count() == len(rows), timeout=WAIT_MS)
    # The calls made meanwhile run once the page says it applied the markers.
    qtbot.waitUntil(lambda: view.evaluate("paht.state().heat") is True, timeout=WAIT_MS)
    assert view.evaluate("paht.state().selected") == rows[0].id


def test_heat_map_replaces_markers_and_back(qtbot: QtBot, make_map_view: MakeView) -> None:
    view = make_map_view()
    rows = demo_rows(500)
    show_markers(qtbot, view, rows)
    view.set_heatmap(True)
    qtbot.waitUntil(lambda: view.evaluate("paht.state().heat") is True, timeout=WAIT_MS)
    assert view.evaluate("!!document.querySelector('canvas.leaflet-heatmap-layer')")
    assert not view.evaluate("!!document.querySelector('canvas.paht-canvas')")

    view.set_heatmap(False)
    qtbot.waitUntil(
        lambda: view.evaluate("!!document.querySelector('canvas.paht-canvas')"), timeout=WAIT_MS
    )
    assert view.marker_count() == len(rows)


def test_screenshot_shows_coloured_markers(
    qtbot: QtBot, make_map_view: MakeView, tmp_path: Path
) -> None:
    view = make_map_view()
    show_markers(qtbot, view, demo_rows(2_000, spread=0.03))

    def markers_painted() -> bool:
        """Cluster and marker colours in the map area, away from the legend's sample dots."""
        image = view.grab().toImage()
        wanted = [QColor(name) for name in ("#283a4d", "#1c64d6", "#f08c00", "#2b9348")]
        seen = set()
        for y in range(0, image.height() // 2, 2):
            for x in range(0, image.width() - 250, 2):
                pixel = image.pixelColor(x, y)
                for colour in wanted:
                    if (
                        abs(pixel.red() - colour.red())
                        + abs(pixel.green() - colour.green())
                        + abs(pixel.blue() - colour.blue())
                        < 24
                    ):
                        seen.add(colour.name())
        return len(seen) >= 3

    qtbot.waitUntil(markers_painted, timeout=WAIT_MS)
    assert view.grab().save(str(tmp_path / "map.png"))


def test_selecting_a_report_already_on_screen_keeps_the_view(
    qtbot: QtBot, make_map_view: MakeView
) -> None:
    view = make_map_view()
    rows = demo_rows(30, spread=0.02)
    show_markers(qtbot, view, rows)
    on_screen = next(row for row in rows if marker_point(view, row.id) is not None)
    before = view.evaluate("paht.state()")

    view.select(on_screen.id)

    qtbot.waitUntil(lambda: view.evaluate("paht.state().selected") == on_screen.id)
    after = view.evaluate("paht.state()")
    assert (after["zoom"], after["center"]) == (before["zoom"], before["center"])
