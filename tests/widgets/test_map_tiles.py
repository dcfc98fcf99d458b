"""Tiles that fail are visible: a note on the map, and an offline background under the dots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from console.maps.page import TileProvider
from widgets.i18n import install_translators, remove_translators
from widgets.map_view import MapView

from .conftest import MAP_READY_TIMEOUT_MS, write_tile_folder

pytestmark = pytest.mark.webengine

NOTE_VI = (
    "Không tải được nền bản đồ — đang hiển thị vị trí trên nền trống. "
    "Đặt PAHT_TILES_URL để dùng máy chủ bản đồ nội bộ."
)


def _state(view: MapView) -> dict[str, Any]:
    state: dict[str, Any] = view.evaluate("pahtOffline.state()")
    return state


def test_unreachable_tiles_show_a_note_in_the_ui_language(
    qtbot: Any, make_map_view: Callable[..., MapView]
) -> None:
    view = make_map_view()
    qtbot.waitUntil(lambda: _state(view)["note"], timeout=MAP_READY_TIMEOUT_MS)
    state = _state(view)
    assert state["tiles"] == "failed" and state["loaded"] == 0
    assert state["noteText"].startswith("The map background could not be loaded")
    assert (
        view.evaluate("getComputedStyle(document.querySelector('.paht-tile-note')).display")
        == "block"
    )

    translators = install_translators(QApplication.instance(), "vi")  # switched while open
    try:
        qtbot.waitUntil(lambda: _state(view)["noteText"] == NOTE_VI, timeout=10_000)
    finally:
        remove_translators(QApplication.instance(), translators)


def test_the_offline_background_names_the_wards_and_draws_the_river(
    make_map_view: Callable[..., MapView],
) -> None:
    view = make_map_view()
    names = view.evaluate(
        "Array.from(document.querySelectorAll('.paht-ward-label')).map(e => e.textContent)"
    )
    assert len(names) == 40 and "Vỹ Dạ" in names and "Phú Xuân" in names
    assert view.evaluate("document.querySelector('.paht-river-label').textContent") == "Sông Hương"
    # Under the tile pane: tiles that load cover it.
    assert view.evaluate("+paht.map.getPane('pahtOffline').style.zIndex") < view.evaluate(
        "+getComputedStyle(paht.map.getPane('tilePane')).zIndex"
    )


def test_tiles_from_a_local_folder_load_and_no_note_shows(qtbot: Any, tmp_path: Path) -> None:
    write_tile_folder(tmp_path / "tiles", 12)
    tiles = TileProvider((tmp_path / "tiles").as_uri() + "/{z}/{x}/{y}.png", "local", 19)
    view = MapView(tiles=tiles)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=MAP_READY_TIMEOUT_MS):
        pass
    qtbot.waitUntil(lambda: _state(view)["loaded"] > 0, timeout=MAP_READY_TIMEOUT_MS)
    state = _state(view)
    assert state["tiles"] == "ok" and not state["note"]
    assert (
        view.evaluate("getComputedStyle(document.querySelector('.paht-tile-note')).display")
        == "none"
    )
    view.shutdown()
