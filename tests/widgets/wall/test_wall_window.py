"""The video wall as the room sees it: a real central on 127.0.0.1, the wall's own read-only
account and cache, the real map page; pictures at both wall sizes, nothing personal in what it
shows, and a server restart it gets over by itself."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.widgets.desks import TriageApi, seeded_central
from widgets.wall.look import BACKGROUND

pytestmark = pytest.mark.webengine

WAIT_MS = 60_000
SHOTS = Path("/tmp/shots/wall")
PLANTED_NAME = "Trần Văn Khải"
PLANTED = [PLANTED_NAME, "0905 123 456", "0905123456", "khai.tran@example.vn", "75A-123.45"]
PLANTED_TITLE = "Trần Văn Khải báo rác ở kiệt 12, gọi 0905 123 456, xe 75A-123.45 chắn lối"
PLANTED_TEXT = "Liên hệ khai.tran@example.vn hoặc 0905123456; Trần Văn Khải ở kiệt 12."


@pytest.fixture
def wall_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from seeded_central(tmp_path_factory, "wall-central", 60)


def plant(central: Any) -> dict[str, Any]:
    """A report whose texts carry a name, phones, an e-mail and a plate, filed as the app."""
    return TriageApi(central.base_url, "citizen").file(
        title=PLANTED_TITLE,
        description=PLANTED_TEXT,
        address="Kiệt 12 Lê Lợi, gọi 0905123456",
        reporter={"name": PLANTED_NAME, "phone": "0905123456", "email": "khai.tran@example.vn"},
    )


class Wall:
    """A wall process's parts in this test: session, window, controller."""

    def __init__(self, qtbot: QtBot, central: Any, size: tuple[int, int], **options: Any) -> None:
        from console.config import load_settings
        from widgets.wall.look import WallLook
        from widgets.wall.opening import open_wall
        from widgets.wall.start import wall_controller
        from widgets.wall.wall_map import WallMap
        from widgets.wall.window import WallWindow

        self.qtbot = qtbot
        settings = load_settings(server=central.base_url, user="wall").with_changes(
            sync_interval_s=1, tiles_url=None, live_updates=options.pop("live", False)
        )
        self.session = open_wall(settings, "demo", options.pop("press", False), **options)
        self.map = WallMap(tiles=None)
        self.window = WallWindow(
            WallLook.for_height(size[1]), self.map, press=self.session.state.press
        )
        qtbot.addWidget(self.window)
        self.window.resize(*size)
        self.window.show()
        self.controller = wall_controller(self.window, self.session, settings)
        with qtbot.waitSignal(self.map.ready, timeout=WAIT_MS):
            pass
        with qtbot.waitSignal(self.controller.shown, timeout=WAIT_MS):
            self.controller.start()
        qtbot.waitUntil(lambda: self.map_state()["count"] > 0, timeout=WAIT_MS)

    def map_state(self) -> dict[str, Any]:
        return dict(self.map.evaluate("pahtWall.state()"))

    def next_scene(self, action: Callable[[], object] = lambda: None) -> Any:
        with self.qtbot.waitSignal(self.controller.shown, timeout=WAIT_MS) as shown:
            action()
        return shown.args[0]

    def close(self) -> None:
        self.window.close()
        self.session.close()


@pytest.fixture
def open_wall_at(qtbot: QtBot, wall_central: Any) -> Iterator[Callable[..., Wall]]:
    walls: list[Wall] = []

    def make(size: tuple[int, int] = (1920, 1080), **options: Any) -> Wall:
        wall = Wall(qtbot, wall_central, size, **options)
        walls.append(wall)
        return wall

    yield make
    for wall in walls:
        wall.close()


def _clipped(window: Any) -> list[str]:
    """Visible labels whose text is wider or taller than the room they were given."""
    from PySide6.QtWidgets import QLabel

    return [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisible()
        and label.text()
        and not label.wordWrap()
        and (
            label.sizeHint().width() > label.width() + 1
            or label.sizeHint().height() > label.height() + 1
        )
    ]


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)], ids=["1080p", "2160p"])
def test_the_wall_fills_its_screen_readably_at_both_sizes(
    open_wall_at: Callable[..., Wall], qtbot: QtBot, size: tuple[int, int], vietnamese: None
) -> None:
    from PySide6.QtGui import QColor

    wall = open_wall_at(size)
    area = wall.map.geometry()

    def dot_colours(picture: Any) -> set[str]:
        return {
            QColor(picture.pixel(x, y)).name()
            for x in range(area.left(), area.right(), 3)
            for y in range(area.top(), area.bottom(), 3)
        } & {"#fcc419", "#3bc9db", "#69db7c", "#da77f2"}

    pictures: list[Any] = []
    # The page paints its dots in its own process: the picture is taken once they show.
    qtbot.waitUntil(
        lambda: bool(pictures.append(wall.window.grab().toImage()) or dot_colours(pictures[-1])),
        timeout=WAIT_MS,
    )
    picture = pictures[-1]
    SHOTS.mkdir(parents=True, exist_ok=True)
    picture.save(str(SHOTS / f"wall-{size[0]}x{size[1]}.png"))
    ratio = picture.devicePixelRatio()
    assert (round(picture.width() / ratio), round(picture.height() / ratio)) == size
    assert _clipped(wall.window) == []
    texts = wall.window.shown_texts()
    assert {"HÔM NAY", "TUẦN NÀY", "Tiếp nhận", "Đúng hạn"} <= set(texts)
    # Large type: a figure is 1/23 of the screen's height at either size.
    figure = wall.window.figures.today.values[0]
    assert figure.fontInfo().pixelSize() >= size[1] // 25
    assert QColor(picture.pixel(2, 2)).name() == BACKGROUND
    assert wall.map_state()["scale"] == pytest.approx(size[1] / 1080)


def test_nothing_personal_reaches_the_wall_text_or_its_map(
    open_wall_at: Callable[..., Wall], wall_central: Any
) -> None:
    planted = plant(wall_central)
    wall = open_wall_at(press=True, spotlight=planted["id"])
    scene = wall.window.scene
    assert scene is not None
    assert any(line.report_id == planted["id"] for line in scene.ticker)
    texts = "\n".join(wall.window.shown_texts())
    assert "kiệt 12" in texts  # the report is on the wall, masked
    spotlight = scene.spotlight
    assert spotlight is not None and spotlight.report_id == planted["id"]
    page = wall.map.evaluate("document.documentElement.outerHTML")
    markers = json.dumps(wall.map.evaluate("pahtWall.state()"), ensure_ascii=False)
    whole = "\n".join([texts, repr(scene), page, markers])
    assert [value for value in PLANTED if value in whole] == []


def test_the_wall_gets_over_a_server_restart_by_itself(
    open_wall_at: Callable[..., Wall], wall_central: Any, qtbot: QtBot
) -> None:
    wall = open_wall_at(live=True)
    link = wall.window.header.link
    wall_central.stop()
    qtbot.waitUntil(lambda: link.text().startswith("▲"), timeout=WAIT_MS)
    assert wall.window.isVisible()
    wall_central.start()  # same port, same database
    filed = TriageApi(wall_central.base_url, "citizen").file(title="Đèn đường tắt cả dãy phố")
    qtbot.waitUntil(
        lambda: (
            wall.window.scene is not None
            and any(line.report_id == filed["id"] for line in wall.window.scene.ticker)
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: link.text().startswith("●"), timeout=WAIT_MS)
    assert "Đèn đường tắt cả dãy phố" in "\n".join(wall.window.shown_texts())


def test_the_wall_signs_in_again_when_its_token_runs_out(
    open_wall_at: Callable[..., Wall], wall_central: Any, qtbot: QtBot, clock_at: Any
) -> None:
    from datetime import timedelta

    from console.central.auth import TOKEN_LIFETIME
    from console.domain.clock import utcnow

    wall = open_wall_at()
    link = wall.window.header.link
    headers = wall.session.connection.client._session.headers  # the bearer the wall sends
    token = headers["Authorization"]
    # A wall runs for days; its token lasts hours.
    clock_at(utcnow() + TOKEN_LIFETIME + timedelta(minutes=5))
    filed = TriageApi(wall_central.base_url, "citizen").file(title="Cây đổ chắn ngang đường")
    qtbot.waitUntil(
        lambda: (
            wall.window.scene is not None
            and any(line.report_id == filed["id"] for line in wall.window.scene.ticker)
        ),
        timeout=WAIT_MS,
    )
    assert headers["Authorization"] != token
    assert link.text().startswith("●")
