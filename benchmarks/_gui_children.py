"""The children of benchmarks.gui, each a fresh process: `python -m benchmarks._gui_children
--child MODE ARGS...` prints one JSON report as its last line.

- `bare`: a bare PySide6 main window, the floor the console's start is compared with;
- `start`: `paht-console`'s own start (`widgets.app.start_gui`) for a returning operator
  whose server does not answer, over the cache: until the window is usable, then until the
  first screen of queue rows is painted;
- `window`: the same start, then the queue's load and markers, filter changes timed to the
  queue's rows and to the map's markers, then the memory of the whole console (this process
  and its QtWebEngine processes, PSS);
- `sync`: a fresh cache filled by a full sync from a central API (run by the parent), with a
  10 ms heartbeat QTimer on the GUI thread recording the longest gap, from the start of the
  sync until the synced rows are in the queue and their markers on the map.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks._memory import memory_parts

HEARTBEAT_MS = 10
#: A returning operator's server that does not answer: the start works from the cache.
UNREACHABLE_SERVER = "http://127.0.0.1:9"
SYNC_TIMEOUT_S = 1800
#: What the `window` child types into the search box, one state per letter, then clears.
TYPED = ("d", "de", "den", "")


def _environment() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


def _wait(app: Any, done: Callable[[], bool], timeout_s: float) -> bool:
    """Runs the event loop, idle between events as in the application, until `done()` or
    the timeout (a 5 ms timer checks). Not `processEvents` in a loop: that keeps the GUI
    thread busy for the GIL, and in PySide6 6.12 each call drops a reference to None."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s

    def check() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return done()


def child_bare() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    return {"usable_at": time.monotonic()}


def remember_operator(config_dir: Path) -> None:
    """What a returning operator's computer holds: who signed in last, and their token."""
    from console.credentials import TokenStore
    from console.domain.model import Role
    from widgets.session import layout_settings, remember_identity

    remember_identity(layout_settings(config_dir), UNREACHABLE_SERVER, "operator", Role.OPERATOR)
    TokenStore(config_dir).save(UNREACHABLE_SERVER, "operator", "bench-token")


@dataclass
class _Started:
    """The console's own start, usable; what child modes measure from there."""

    app: Any
    launcher: Any
    window: Any
    usable_at: float
    #: The first moment the queue model held rows, and the first paint of the table's
    #: viewport with rows in the model (the operator sees them).
    rows_in_model_at: list[float] = field(default_factory=list)
    rows_painted_at: list[float] = field(default_factory=list)
    loaded: list[float] = field(default_factory=list)
    rows_at: list[float] = field(default_factory=list)
    markers_at: list[float] = field(default_factory=list)
    keep: list[Any] = field(default_factory=list)


def _watch_first_rows(launcher: Any, rows_in_model_at: list[float], painted: list[float]) -> Any:
    """A 5 ms timer that notes when the queue model first holds rows, and an event filter on
    the table's viewport that notes its first paint with rows (widgets are not edited)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatch(QObject):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def eventFilter(self, _obj: Any, event: Any) -> bool:
            if not painted and event.type() == QEvent.Type.Paint and self.model.rowCount() > 0:
                painted.append(time.monotonic())
            return False

    watch: list[Any] = []
    timer = QTimer()
    timer.setInterval(5)

    def poll() -> None:
        window = launcher.window
        if window is None:
            return
        if not watch:
            watch.append(PaintWatch(window.queue.model))
            window.queue.table.viewport().installEventFilter(watch[0])
        if not rows_in_model_at and window.queue.model.rowCount() > 0:
            rows_in_model_at.append(time.monotonic())
        if rows_in_model_at and painted:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    return timer, watch


def _start_window(data_dir: Path) -> _Started:
    """Starts as `paht-console` does for a returning operator, until the window is usable.

    The server does not answer (the operator works from the cache; sync is not measured
    here). `usable_at`: the window is shown, the search box has the keyboard focus and the
    event loop answers (a zero timer posted then has fired): the operator can type. The
    store opens, the queue loads and the map fills after that.
    """
    from PySide6.QtCore import QTimer

    from console.config import load_settings
    from widgets.app import start_gui

    settings = load_settings(
        data_dir=data_dir, server=UNREACHABLE_SERVER, user="operator"
    ).with_changes(sync_interval_s=86_400, tiles_url=None)
    app, launcher = start_gui(settings)
    rows_in_model_at: list[float] = []
    painted: list[float] = []
    watcher = _watch_first_rows(launcher, rows_in_model_at, painted)
    posted: list[bool] = []
    answered: list[float] = []

    def usable() -> bool:
        window = launcher.window
        if window is None or not window.isVisible():
            return False
        if window.focusWidget() is not window.queue.filter_bar.search:
            return False
        if not posted:
            posted.append(True)
            QTimer.singleShot(0, lambda: answered.append(time.monotonic()))
        return bool(answered)

    _wait(app, usable, 60)
    window = launcher.window
    if window is None or not answered:
        raise RuntimeError("the window did not become usable within 60 s")
    started = _Started(app, launcher, window, answered[0], rows_in_model_at, painted)
    started.keep.append(watcher)
    window.queue.loaded.connect(lambda: started.loaded.append(time.monotonic()))
    window.queue.visibleRowsChanged.connect(lambda _rows: started.rows_at.append(time.monotonic()))

    def watch_markers() -> None:
        window.map.markersUpdated.connect(
            lambda n: started.markers_at.append(time.monotonic()) if n else None
        )

    if window.is_open():
        watch_markers()
    else:
        window.opened.connect(watch_markers)
    return started


def child_start(data_dir: Path) -> dict[str, Any]:
    """The start until usable, then until the first screen of rows is painted."""
    started = _start_window(data_dir)
    _wait(started.app, lambda: bool(started.rows_painted_at), 120)
    # A clean close once the store is open, so the next start skips the integrity check.
    _wait(started.app, started.window.is_open, 120)
    queue = started.window.queue
    report = {
        "usable_at": started.usable_at,
        "rows_in_model_at": (started.rows_in_model_at or [None])[0],
        "rows_painted_at": (started.rows_painted_at or [None])[0],
        "view": queue.current_view().key,
        "rows_shown": queue.model.rowCount(),
    }
    started.launcher.cleanup()
    return report


class _Heartbeat:
    """A 10 ms timer on the GUI thread; `stop()` returns the longest gap beyond its interval.

    The gaps are kept as C doubles, not float objects: a float kept per beat, made amid a
    queue load's short-lived objects, held a block in each of thousands of the Python
    allocator's pools, and the console's measured memory grew by 165 MB that was the
    instrument's (benchmarks.scale, a million reports)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps = array("d")
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()

    def _beat(self) -> None:
        now = time.monotonic()
        self.gaps.append((now - self._last) * 1000 - HEARTBEAT_MS)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return max(self.gaps, default=0.0)


def _timed(app: Any, started: _Started, change: Callable[[], None]) -> tuple[float, float]:
    """Milliseconds from a filter change to the queue's new rows and to the map's markers."""
    rows_at, markers_at = started.rows_at, started.markers_at
    rows_at.clear()
    markers_at.clear()
    changed_at = time.monotonic()
    change()
    started.window.queue.filter_bar.flush()
    _wait(app, lambda: bool(rows_at), 60)
    _wait(app, lambda: bool(markers_at), 120)
    rows_ms = (rows_at[0] - changed_at) * 1000 if rows_at else float("inf")
    return rows_ms, (markers_at[0] - changed_at) * 1000 if markers_at else float("inf")


def child_window(data_dir: Path) -> dict[str, Any]:
    """The start, then the queue's load and markers (the heartbeat records the longest GUI
    stall from usable to the map's markers), then filter changes, then memory."""
    started = _start_window(data_dir)
    app, window = started.app, started.window
    loaded, markers_at = started.loaded, started.markers_at
    heart = _Heartbeat()
    window.queue.set_view("all")
    if not _wait(app, lambda: bool(loaded) and len(window.queue.visible_rows()) > 0, 600):
        raise RuntimeError("the queue did not load within 600 s")
    loaded_at = time.monotonic()
    if not _wait(app, lambda: bool(markers_at) and markers_at[-1] >= loaded_at, 600):
        raise RuntimeError("the map showed no markers within 600 s")
    markers_shown_at = time.monotonic()
    loading_stall_ms = heart.stop()
    rows = len(window.queue.visible_rows())

    categories = [c.code for c in window.place.reference.categories][:4]
    bar = window.queue.filter_bar
    picked = [_timed(app, started, lambda c=c: bar.set_choice(bar.category, c)) for c in categories]
    picked.append(_timed(app, started, lambda: bar.set_choice(bar.category, None)))
    # A word typed a letter at a time (each letter applied at once, not after the debounce).
    typed = [_timed(app, started, lambda t=t: bar.search.setText(t)) for t in TYPED]
    memory = memory_parts()
    started.launcher.cleanup()
    return {
        "usable_at": started.usable_at,
        "loaded_at": loaded_at,
        "markers_shown_at": markers_shown_at,
        "loading_stall_ms": loading_stall_ms,
        "rows": rows,
        "rows_ms": [rows for rows, _markers in picked],
        "markers_ms": [markers for _rows, markers in picked],
        "typed_rows_ms": [rows for rows, _markers in typed],
        "typed_markers_ms": [markers for _rows, markers in typed],
        "memory_mb": memory,
    }


def child_sync(data_dir: Path, base_url: str) -> dict[str, Any]:
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from console.config import load_settings
    from console.connection import sign_in
    from widgets import runtime
    from widgets.main_window import MainWindow
    from widgets.opening import open_session

    app = QApplication([])
    applied = runtime.apply()  # as `paht-console` runs: collection on the GUI thread
    settings = load_settings(data_dir=data_dir).with_changes(sync_interval_s=86_400, tiles_url=None)
    session = open_session(settings, sign_in(base_url, "operator", "demo"))
    window = MainWindow(session, use_tray=False)
    window.show()
    window.queue.set_view("all")  # every synced row must reach the queue
    finished: list[Any] = []
    loaded: list[float] = []
    window.sync.finished.connect(lambda outcome, _manual: finished.append(outcome))
    window.queue.loaded.connect(lambda: loaded.append(time.monotonic()))
    markers_at: list[float] = []
    window.map.markersUpdated.connect(lambda n: markers_at.append(time.monotonic()) if n else None)
    _wait(app, window.map.is_ready, 120)
    heart = _Heartbeat()
    started = time.monotonic()
    window.start()
    _wait(app, lambda: bool(finished), SYNC_TIMEOUT_S)
    synced_at = time.monotonic()
    outcome = finished[0] if finished else None
    problems = [] if outcome is not None else [f"the sync did not finish in {SYNC_TIMEOUT_S} s"]
    if outcome is not None and not outcome.ok:
        problems.append(f"the sync failed: {getattr(outcome, 'error', None) or outcome}")
    if not problems and not _wait(app, lambda: bool(loaded) and loaded[-1] >= synced_at, 600):
        problems.append("the queue did not load the synced rows within 600 s")
    seconds = time.monotonic() - started
    if not problems and not _wait(
        app, lambda: bool(markers_at) and markers_at[-1] >= loaded[-1], 600
    ):
        problems.append("the map showed no markers for the synced rows within 600 s")
    stall_ms = heart.stop()
    gaps = heart.gaps
    queue_rows = len(window.queue.visible_rows())
    window.close()
    session.cache.close()
    applied.restore()
    return {
        "stall_ms": stall_ms,
        "p99_gap_ms": statistics.quantiles(gaps, n=100)[98] if len(gaps) > 100 else 0.0,
        "sync_seconds": seconds,
        "received": getattr(outcome, "received", 0),
        "stored": getattr(outcome, "stored", 0),
        "quarantined": getattr(outcome, "quarantined_now", 0),
        "ok": bool(outcome and outcome.ok),
        "queue_rows": queue_rows,
        "problems": problems,
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "--child":
        print("usage: python -m benchmarks._gui_children --child MODE ARGS...", file=sys.stderr)
        return 2
    _environment()
    mode, args = argv[1], argv[2:]
    if mode == "bare":
        report = child_bare()
    elif mode == "start":
        report = child_start(Path(args[0]))
    elif mode == "window":
        report = child_window(Path(args[0]))
    elif mode == "sync":
        report = child_sync(Path(args[0]), args[1])
    else:
        raise SystemExit(f"unknown child mode {mode}")
    print(json.dumps(report), flush=True)
    os._exit(0)  # the web engine's teardown is not part of any measurement


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
