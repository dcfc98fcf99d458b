"""The wall's map in a real QWebEngineView: dots by status, pulses, scale, and no text."""

from __future__ import annotations

import dataclasses
import json
import os
import random
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from console.domain.model import Status
from console.maps.page import TileProvider
from console.maps.wall_page import WallFeed
from console.wall.scene import WallMarker
from tests.widgets.conftest import write_tile_folder
from widgets.wall.wall_map import WallMap

pytestmark = pytest.mark.webengine

MakeMap = Callable[..., WallMap]
WAIT_MS = 30_000
SHOTS = Path("/tmp/shots/c")
STATUSES = [s.value for s in Status]
PLANTED = ["Nguyễn Văn Bình", "0905 123 456", "binh.nguyen@example.vn", "75A-123.45"]

# Counts the drawn (non-transparent) pixels of the canvas along the row through a dot.
DOT_WIDTH_JS = """(function (id) {
  var c = pahtWall.canvas(), p = pahtWall.point(id);
  var m = pahtWall.map.getContainer().getBoundingClientRect(), r = c.getBoundingClientRect();
  var k = c.width / r.width;
  var x0 = Math.round((p[0] + m.left - r.left) * k), y = Math.round((p[1] + m.top - r.top) * k);
  var d = c.getContext("2d").getImageData(0, y, c.width, 1).data, n = 0;
  for (var x = Math.max(0, x0 - 150); x < Math.min(c.width, x0 + 150); x++) {
    if (d[4 * x + 3] > 0) { n++; }
  }
  return n;
})(%d)"""


@pytest.fixture
def make_wall_map(qtbot: QtBot, dead_tiles: TileProvider) -> MakeMap:
    def make(width: int = 900, height: int = 600, tiles: TileProvider | None = None) -> WallMap:
        view = WallMap(tiles=tiles or dead_tiles)
        qtbot.addWidget(view, before_close_func=lambda v: v.shutdown())
        view.resize(width, height)
        view.show()
        with qtbot.waitSignal(view.ready, timeout=WAIT_MS):
            pass
        return view

    return make


def city_markers(n: int, seed: int = 17) -> list[WallMarker]:
    """Dots spread over central Huế, every status, about one in five overdue."""
    rnd = random.Random(seed)
    return [
        WallMarker(
            id=i + 1,
            lat=rnd.gauss(16.465, 0.025),
            lon=rnd.gauss(107.595, 0.03),
            status=STATUSES[i % len(STATUSES)],
            overdue=rnd.random() < 0.2,
        )
        for i in range(n)
    ]


def shown(qtbot: QtBot, view: WallMap, markers: list[WallMarker], fit: bool = False) -> None:
    view.show_markers(markers, fit=fit)
    qtbot.waitUntil(
        lambda: view.evaluate("pahtWall.state().count") == len(markers), timeout=WAIT_MS
    )


def test_every_marker_given_is_shown_and_a_new_set_replaces_it(
    qtbot: QtBot, make_wall_map: MakeMap
) -> None:
    view = make_wall_map()
    assert view.evaluate("typeof L") == "object"
    shown(qtbot, view, city_markers(120))
    layers = view.evaluate("pahtWall.state().layers")

    view.evaluate("(pahtWall.map.setView([16.47, 107.6], 14, {animate: false}), 1)")
    shown(qtbot, view, city_markers(40))
    state = view.evaluate("pahtWall.state()")
    assert state["zoom"] == 14
    assert state["layers"] == layers - 80

    shown(qtbot, view, city_markers(120), fit=True)
    assert view.evaluate("pahtWall.state().layers") == layers
    assert view.evaluate("pahtWall.state().zoom") < 14


def test_pulse_emits_the_ids_once_the_animation_started_and_leaves_nothing_behind(
    qtbot: QtBot, make_wall_map: MakeMap
) -> None:
    view = make_wall_map()
    shown(qtbot, view, city_markers(30))
    with qtbot.waitSignal(view.pulsed, timeout=WAIT_MS) as blocker:
        view.pulse([3, 7, 999])
    assert sorted(blocker.args[0]) == [3, 7]
    assert sorted(view.evaluate("pahtWall.state().pulsing")) == [3, 7]
    qtbot.waitUntil(lambda: view.evaluate("pahtWall.state().pulseNodes") == 0, timeout=WAIT_MS)
    assert view.evaluate("pahtWall.state().pulsing") == []


def test_the_page_and_every_call_to_it_hold_numbers_and_status_codes_only(
    qtbot: QtBot, make_wall_map: MakeMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert [f.name for f in dataclasses.fields(WallMarker)] == [
        "id",
        "lat",
        "lon",
        "status",
        "overdue",
    ]

    @dataclasses.dataclass(frozen=True)
    class Titled(WallMarker):
        """A marker someone tried to give a title: the map takes its five fields only."""

        title: str = " ".join(PLANTED)

    view = make_wall_map()
    scripts: list[str] = []
    taken: list[str] = []
    run, take = view._run, view._feed.take

    def record_script(script: str) -> None:
        scripts.append(script)
        run(script)

    def record_take() -> str:
        taken.append(take())
        return taken[-1]

    monkeypatch.setattr(view, "_run", record_script)
    monkeypatch.setattr(view._feed, "take", record_take)
    markers: list[WallMarker] = [Titled(i, 16.46, 107.59 + i / 1000, "new", False) for i in (1, 2)]
    markers.append(WallMarker(3, 16.47, 107.6, PLANTED[0], True))
    shown(qtbot, view, markers)
    with qtbot.waitSignal(view.pulsed, timeout=WAIT_MS):
        view.pulse([1, 3])
    view.set_scale(2.0)
    view.fit_city()
    with qtbot.waitSignal(view.ready, timeout=WAIT_MS):
        view.reload()
    qtbot.waitUntil(lambda: view.evaluate("pahtWall.state().count") == 3, timeout=WAIT_MS)

    html = view.evaluate("document.documentElement.outerHTML")
    source = Path(view.url().toLocalFile()).read_text(encoding="utf-8")
    for text in (html, source, *scripts, *taken):
        for planted in PLANTED:
            assert planted not in text
    assert set(scripts) == {"pahtWall.pull()", "pahtWall.setScale(2.0)", "pahtWall.fitCity()"}
    assert len(taken) >= 4
    for payload in map(json.loads, taken):
        assert set(payload) == {"set", "remove", "fit", "pulse"}
        assert isinstance(payload["fit"], bool)
        assert all(isinstance(i, int) for i in payload["pulse"] + payload["remove"])
        for ident, lat, lon, status, overdue in payload["set"]:
            assert isinstance(ident, int) and isinstance(lat, float) and isinstance(lon, float)
            assert status in (*STATUSES, "other") and overdue in (0, 1)


def test_scale_two_draws_the_dots_twice_as_big(qtbot: QtBot, make_wall_map: MakeMap) -> None:
    view = make_wall_map()
    shown(qtbot, view, [WallMarker(1, 16.46, 107.59, "new", False)])
    view.evaluate("(pahtWall.map.setView([16.46, 107.59], 13, {animate: false}), 1)")
    qtbot.waitUntil(lambda: view.evaluate(DOT_WIDTH_JS % 1) >= 14, timeout=WAIT_MS)
    small = view.evaluate(DOT_WIDTH_JS % 1)

    view.set_scale(2.0)
    qtbot.waitUntil(lambda: view.evaluate(DOT_WIDTH_JS % 1) >= 1.8 * small, timeout=WAIT_MS)
    assert view.evaluate("pahtWall.state().scale") == 2
    legend = "parseFloat(getComputedStyle(document.querySelector('.paht-wall-legend')).fontSize)"
    assert view.evaluate(legend) == 44


def test_the_wall_map_at_1920x1080(qtbot: QtBot, make_wall_map: MakeMap) -> None:
    view = make_wall_map(1920, 1080)
    shown(qtbot, view, city_markers(250), fit=False)
    view.evaluate("(pahtWall.map.setView([16.465, 107.595], 13, {animate: false}), 1)")
    with qtbot.waitSignal(view.pulsed, timeout=WAIT_MS):
        view.pulse([1, 2, 3])
    legend = view.evaluate("document.querySelector('.paht-wall-legend').innerText")
    assert "Quá hạn" in legend and "Phản ánh mới" in legend
    qtbot.wait(400)
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = view.grab().toImage()
    assert image.width() == 1920 and image.height() == 1080
    assert image.save(str(SHOTS / "wall_map_1920x1080.png"))
    # Dark theme: the corner (no dot, no legend) is the wall's backdrop.
    corner = image.pixelColor(1900, 20)
    assert corner.lightness() < 40


@pytest.mark.qt_log_ignore("^wall map page: ")
def test_a_script_error_on_the_page_is_a_qt_warning(
    qtbot: QtBot, make_wall_map: MakeMap, qtlog: Any
) -> None:
    view = make_wall_map()
    view.evaluate("(setTimeout(function () { pahtWall.noSuchCall(); }, 0), 1)")
    qtbot.waitUntil(
        lambda: any("wall map page" in r.message for r in qtlog.records), timeout=WAIT_MS
    )


def test_tiles_that_load_are_shown_darkened_under_the_dots(
    qtbot: QtBot, make_wall_map: MakeMap, tmp_path: Path
) -> None:
    write_tile_folder(tmp_path / "tiles", 12)
    view = make_wall_map(
        tiles=TileProvider((tmp_path / "tiles").as_uri() + "/{z}/{x}/{y}.png", "local")
    )
    view.evaluate("(pahtWall.map.setView([16.46, 107.59], 12, {animate: false}), 1)")
    qtbot.waitUntil(lambda: view.evaluate("pahtOffline.state().loaded") > 0, timeout=WAIT_MS)
    tile_filter = "getComputedStyle(pahtWall.map.getPane('tilePane')).filter"
    assert "invert" in view.evaluate(tile_filter)


def test_a_crashed_renderer_comes_back_with_its_markers(
    qtbot: QtBot, make_wall_map: MakeMap
) -> None:
    view = make_wall_map()
    shown(qtbot, view, city_markers(25))
    view.set_scale(2.0)
    pid = view.page().renderProcessPid()
    assert pid > 0
    with qtbot.waitSignal(view.ready, timeout=WAIT_MS):
        os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: view.evaluate("pahtWall.state().count") == 25, timeout=WAIT_MS)
    assert view.evaluate("pahtWall.state().scale") == 2


def test_the_feed_keeps_the_newest_pulses_and_sends_only_what_changed() -> None:
    feed = WallFeed()
    feed.put_pulse(range(WallFeed.MAX_PULSES + 10))
    feed.put_markers(city_markers(3), fit=True)
    feed.put_markers(city_markers(2))
    payload = json.loads(feed.take())
    assert payload["pulse"] == list(range(10, WallFeed.MAX_PULSES + 10))
    assert len(payload["set"]) == 2 and payload["remove"] == [] and payload["fit"] is True
    nothing = {"set": [], "remove": [], "fit": False, "pulse": []}
    assert json.loads(feed.take()) == nothing
    # The same markers again cross as nothing; one changed and one gone cross as such.
    feed.put_markers(city_markers(2))
    assert json.loads(feed.take()) == nothing
    first, second = city_markers(2)
    feed.put_markers([dataclasses.replace(first, status="resolved")])
    payload = json.loads(feed.take())
    assert [row[0] for row in payload["set"]] == [first.id] and payload["set"][0][3] == "resolved"
    assert payload["remove"] == [second.id]
    # A page loaded again holds nothing: every marker crosses.
    feed.page_reset()
    feed.put_markers([first])
    assert len(json.loads(feed.take())["set"]) == 1
