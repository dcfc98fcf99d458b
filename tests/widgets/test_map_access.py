"""The map page reaches nothing but its own files and the configured tile server: Chromium
runs without its sandbox as root, and the page shows text citizens wrote."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from console.maps.page import TileProvider
from widgets.map_view import MapView

from .conftest import MAP_READY_TIMEOUT_MS, write_tile_folder

pytestmark = pytest.mark.webengine


class _Server:
    """A static HTTP server on 127.0.0.1 that remembers every path asked of it."""

    def __init__(self, folder: Path) -> None:
        self.paths: list[str] = []
        paths = self.paths

        class Handler(SimpleHTTPRequestHandler):
            def do_GET(self) -> None:
                paths.append(self.path)
                super().do_GET()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=folder))
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.thread.join()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[_Server, _Server]]:
    """A tile server over a folder of tiles, and another host holding a secret."""
    write_tile_folder(tmp_path / "tiles", 12)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "secret.txt").write_text("secret")
    tiles, other = _Server(tmp_path / "tiles"), _Server(tmp_path / "other")
    yield tiles, other
    tiles.close()
    other.close()


PROBE = """(() => {
  window.probe = {};
  const note = (key) => [
    (response) => response.text().then((text) => { probe[key] = 'read ' + text.length; }),
    (error) => { probe[key] = 'failed'; },
  ];
  const xhr = (key, url) => {
    const request = new XMLHttpRequest();
    request.onload = () => { probe[key] = 'read ' + request.responseText.length; };
    request.onerror = () => { probe[key] = 'failed'; };
    try { request.open('GET', url); request.send(); } catch (e) { probe[key] = 'failed'; }
  };
  fetch(%(other)s).then(...note('fetch other'));
  fetch(%(other)s, {mode: 'no-cors'}).then(() => { probe['sent other'] = 'sent'; },
                                           () => { probe['sent other'] = 'failed'; });
  fetch('file:///etc/passwd').then(...note('fetch passwd'));
  xhr('xhr other', %(other)s);
  xhr('xhr passwd', 'file:///etc/passwd');
  return true;
})()"""


def test_the_page_loads_tiles_but_reaches_no_other_host_and_no_local_file(
    qtbot: Any, servers: tuple[_Server, _Server]
) -> None:
    tile_server, other = servers
    view = MapView(tiles=TileProvider(tile_server.url + "/{z}/{x}/{y}.png", "test", 19))
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=MAP_READY_TIMEOUT_MS):
        pass
    qtbot.waitUntil(
        lambda: view.evaluate("pahtOffline.state()")["loaded"] > 0, timeout=MAP_READY_TIMEOUT_MS
    )
    assert view.evaluate("pahtOffline.state()")["tiles"] == "ok"
    assert any(path.endswith(".png") for path in tile_server.paths)
    assert view.evaluate("typeof L") == "object"

    secret = f"'{other.url}/secret.txt'"
    assert view.evaluate(PROBE % {"other": secret}) is True
    qtbot.waitUntil(lambda: len(view.evaluate("probe")) == 5, timeout=10_000)
    assert view.evaluate("probe") == {
        "fetch other": "failed",
        "sent other": "failed",
        "fetch passwd": "failed",
        "xhr other": "failed",
        "xhr passwd": "failed",
    }
    assert other.paths == []  # blocked before it left the browser, not only unreadable
    view.shutdown()
