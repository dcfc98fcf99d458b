"""The live map with many reports: the page keeps them in columns and shows packed id sets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.widgets.conftest import select_marker_at_rest
from tests.widgets.test_map_view import WAIT_MS, demo_rows, show_markers
from widgets.map_view import MapView

pytestmark = pytest.mark.webengine

MakeView = Callable[..., MapView]


def test_a_narrowed_then_widened_set_shows_exactly_its_reports(
    qtbot: QtBot, make_map_view: MakeView
) -> None:
    view = make_map_view()
    rows = demo_rows(60_000, spread=0.03)
    show_markers(qtbot, view, rows)
    late = [row for row in rows if row.overdue]

    show_markers(qtbot, view, late)
    assert view.evaluate("paht.state().count") == len(late)
    target = late[len(late) // 2]
    assert view.evaluate(f"paht.highlight({target.id})") is True
    assert view.evaluate(f"paht.highlight({rows[0].id})") is (rows[0] in late)

    changed = replace(rows[5], status="closed", overdue=False, title="Đã sửa xong")
    show_markers(qtbot, view, [*rows[:5], changed, *rows[6:]])
    point = select_marker_at_rest(qtbot, view, changed.id)
    with qtbot.waitSignal(view.markerClicked, timeout=WAIT_MS) as clicked:
        QTest.mouseClick(view.focusProxy(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [changed.id]
    popup = "document.querySelector('.leaflet-popup-content').textContent"
    assert changed.code in view.evaluate(popup)
    # The title comes from Python when shown: the page keeps none.
    qtbot.waitUntil(lambda: "Đã sửa xong" in view.evaluate(popup), timeout=WAIT_MS)
    assert "Quá hạn" not in view.evaluate(popup)


def test_ids_beyond_32_bits_are_shown(qtbot: QtBot, make_map_view: MakeView) -> None:
    view = make_map_view()
    big = 2**40
    rows = [replace(row, id=big + row.id) for row in demo_rows(300)]
    show_markers(qtbot, view, rows)
    show_markers(qtbot, view, rows[:100])
    assert view.evaluate(f"paht.highlight({rows[50].id})") is True
    assert view.evaluate("paht.state().selected") == rows[50].id
    assert view.evaluate(f"paht.highlight({rows[150].id})") is False


def test_many_reports_are_drawn_as_clusters(
    qtbot: QtBot, make_map_view: MakeView, tmp_path: Path
) -> None:
    view = make_map_view()
    show_markers(qtbot, view, demo_rows(200_000, spread=0.04))
    state = view.evaluate("paht.state()")
    assert 0 < state["visible"] < 2_000
    assert view.grab().save(str(tmp_path / "many.png"))
