"""The main window at 200,000 cached reports: start time, filter speed, stalls, memory.

Each measurement runs in a fresh subprocess (`python -m benchmarks.gui --child MODE`):
- `bare`: a bare PySide6 main window, the floor the console's start is compared with;
- `start`: `paht-console`'s own start (`widgets.app.start_gui`) for a returning operator
  whose server does not answer, over the 200,000-report cache, until the window is usable;
- `window`: the same start, then the queue's load and markers, filter changes timed to the
  queue's rows and to the map's markers, then resident memory;
- `sync`: a fresh cache filled by a full sync from a central API (run by this process),
  with a 10 ms heartbeat QTimer on the GUI thread recording the longest gap, from the start
  of the sync until the synced rows are in the queue and their markers on the map.
The caches and the central database are built once under /tmp/paht-bench-gui and reused.
"""

from __future__ import annotations

import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SCALE = int(os.environ.get("PAHT_BENCH_GUI_SCALE", "200000"))
SYNC_SCALE = int(os.environ.get("PAHT_BENCH_GUI_SYNC_SCALE", str(SCALE)))
SEED = 7
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
ROOT = Path("/tmp/paht-bench-gui")
BATCH = 5_000
CHILD_TIMEOUT_S = 1800
HEARTBEAT_MS = 10
#: Bare and console starts are measured this many times each, alternating; medians compared.
START_RUNS = 5
#: A returning operator's server that does not answer: the start works from the cache.
UNREACHABLE_SERVER = "http://127.0.0.1:9"
GOALS = {"start": 3.0, "rows": 100.0, "markers": 500.0, "stall": 100.0, "memory": 800.0}


# -- building the data -------------------------------------------------------------------------


def build_cache(data_dir: Path, count: int = SCALE) -> None:
    from console.central.demo.generate import generate_reports
    from console.domain.wire import report_from_json
    from console.store import open_cache

    cache = open_cache(data_dir)
    try:
        if cache.counts().reports >= count:
            return
        batch = []
        for raw in generate_reports(count, seed=SEED, now=NOW):
            raw.pop("events", None)
            batch.append(report_from_json(raw))
            if len(batch) >= BATCH:
                cache.upsert_reports(batch)
                batch = []
        if batch:
            cache.upsert_reports(batch)
    finally:
        cache.close()


def build_central(db_path: Path, count: int = SYNC_SCALE) -> None:
    from console.central.db import seed_demo

    marker = db_path.with_suffix(".seeded")
    if marker.exists() and db_path.exists():
        return
    db_path.unlink(missing_ok=True)
    seed_demo(f"sqlite:///{db_path}", count, seed=SEED, now=NOW)
    marker.write_text("ok", encoding="utf-8")


# -- children ----------------------------------------------------------------------------------


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


def _session(data_dir: Path, base_url: str) -> Any:
    from console.config import load_settings
    from console.connection import sign_in
    from widgets.opening import open_session

    settings = load_settings(data_dir=data_dir).with_changes(sync_interval_s=86_400, tiles_url=None)
    return open_session(settings, sign_in(base_url, "operator", "demo"))


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
    loaded: list[float] = field(default_factory=list)
    rows_at: list[float] = field(default_factory=list)
    markers_at: list[float] = field(default_factory=list)


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
    assert window is not None and answered, "the window did not become usable"
    started = _Started(app, launcher, window, answered[0])
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
    """Only the start (repeated by the parent, beside the bare window, for a steadier ratio)."""
    started = _start_window(data_dir)
    # A clean close once the store is open, so the next start skips the integrity check.
    _wait(started.app, started.window.is_open, 120)
    started.launcher.cleanup()
    return {"usable_at": started.usable_at}


def child_window(data_dir: Path) -> dict[str, Any]:
    """The start, then the queue's load and markers (the heartbeat records the longest GUI
    stall from usable to the map's markers), then filter changes, then memory."""
    import psutil

    started = _start_window(data_dir)
    app, window = started.app, started.window
    loaded, rows_at, markers_at = started.loaded, started.rows_at, started.markers_at
    usable_at = started.usable_at
    heart = _Heartbeat()
    window.queue.set_view("all")
    _wait(app, lambda: bool(loaded) and len(window.queue.visible_rows()) > 0, 600)
    loaded_at = time.monotonic()
    _wait(app, lambda: bool(markers_at) and markers_at[-1] >= loaded_at, 600)
    markers_shown_at = time.monotonic()
    loading_stall_ms = heart.stop()

    categories = [c.code for c in window.place.reference.categories][:4]
    combo = window.queue.filter_bar.category
    rows_ms: list[float] = []
    markers_ms: list[float] = []
    for code in [*categories, None]:
        rows_at.clear()
        markers_at.clear()
        changed_at = time.monotonic()
        window.queue.filter_bar.set_choice(combo, code)
        window.queue.filter_bar.flush()
        _wait(app, lambda: bool(rows_at), 60)
        rows_ms.append((rows_at[0] - changed_at) * 1000)
        _wait(app, lambda: bool(markers_at), 120)
        markers_ms.append((markers_at[0] - changed_at) * 1000 if markers_at else float("inf"))

    me = psutil.Process()
    rss = me.memory_info().rss
    renderers = sum(_rss(child) for child in me.children(recursive=True))
    started.launcher.cleanup()
    return {
        "usable_at": usable_at,
        "loaded_at": loaded_at,
        "markers_shown_at": markers_shown_at,
        "loading_stall_ms": loading_stall_ms,
        "rows": len(window.queue.visible_rows()),
        "rows_ms": rows_ms,
        "markers_ms": markers_ms,
        "rss_mb": rss / 2**20,
        "renderer_rss_mb": renderers / 2**20,
    }


class _Heartbeat:
    """A 10 ms timer on the GUI thread; `stop()` returns the longest gap beyond its interval."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
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


def _rss(process: Any) -> int:
    try:
        return int(process.memory_info().rss)
    except Exception:
        return 0


def child_sync(data_dir: Path, base_url: str) -> dict[str, Any]:
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtWidgets import QApplication

    from widgets.collector import GuiThreadCollector
    from widgets.main_window import MainWindow

    app = QApplication([])
    collector = GuiThreadCollector()  # as `paht-console` runs: collection on the GUI thread
    session = _session(data_dir, base_url)
    window = MainWindow(session, use_tray=False)
    window.show()
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
    _wait(app, lambda: bool(finished), CHILD_TIMEOUT_S)
    synced_at = time.monotonic()
    _wait(app, lambda: bool(loaded) and loaded[-1] >= synced_at, 600)
    seconds = time.monotonic() - started
    _wait(app, lambda: bool(markers_at) and markers_at[-1] >= loaded[-1], 600)
    stall_ms = heart.stop()
    gaps = heart.gaps
    outcome = finished[0] if finished else None
    window.close()
    session.cache.close()
    collector.stop()
    return {
        "stall_ms": stall_ms,
        "p99_gap_ms": statistics.quantiles(gaps, n=100)[98] if len(gaps) > 100 else 0.0,
        "sync_seconds": seconds,
        "received": getattr(outcome, "received", 0),
        "ok": bool(outcome and outcome.ok),
    }


# -- the parent --------------------------------------------------------------------------------


def _child(mode: str, *args: str) -> tuple[float, dict[str, Any]]:
    """Runs a child; returns the seconds from spawn to its `usable_at`, and its report
    (with `spawned_at`, this process's clock when the child was started)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui", "--child", mode, *args],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        env={**os.environ, "PAHT_CONFIG_DIR": str(ROOT / f"config-{mode}")},
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child {mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(lines[-1])
    report["spawned_at"] = started
    usable = report.get("usable_at")
    return (usable - started if isinstance(usable, float) else 0.0), report


def _figure(bench: str, value: float, unit: str, goal: float, **raw: Any) -> dict[str, Any]:
    figure = {
        "bench": bench,
        "value": round(value, 2),
        "unit": unit,
        "goal": f"<= {goal:g}",
        "ok": value <= goal,
        **raw,
    }
    print(json.dumps(figure, ensure_ascii=False), flush=True)
    return figure


def run() -> list[dict[str, Any]]:
    from console.central.server import CentralServer

    ROOT.mkdir(parents=True, exist_ok=True)
    cache_dir = ROOT / f"cache-v2-{SCALE}"  # v2: search keys with each word once
    built = time.perf_counter()
    build_cache(cache_dir)
    central_db = ROOT / f"central-{SYNC_SCALE}.sqlite3"
    build_central(central_db)
    build_seconds = round(time.perf_counter() - built, 1)

    for mode in ("start", "window"):
        remember_operator(ROOT / f"config-{mode}")
    # Bytecode as a wheel install leaves it (PySide6's is; PYTHONDONTWRITEBYTECODE may be set).
    for package in ("console", "widgets"):
        compileall.compile_dir(Path(__file__).parent.parent / package, quiet=1)
    figures: list[dict[str, Any]] = []
    bares: list[float] = []
    starts: list[float] = []
    for _ in range(START_RUNS):
        bares.append(_child("bare")[0])
        starts.append(_child("start", str(cache_dir))[0])
    bare_s, ours_s = statistics.median(bares), statistics.median(starts)
    _, window = _child("window", str(cache_dir))
    figures.append(
        _figure(
            "gui_start",
            ours_s / bare_s,
            "ratio",
            GOALS["start"],
            measured="spawn of paht-console's start (returning operator, server silent) to "
            "window shown, search box focused, event loop answering",
            start_seconds=round(ours_s, 3),
            bare_seconds=round(bare_s, 3),
            start_samples=[round(v, 3) for v in starts],
            bare_samples=[round(v, 3) for v in bares],
            bytecode="compiled, as a wheel install leaves it",
            queue_loaded_seconds=round(window["loaded_at"] - window["spawned_at"], 3),
            usable_seconds_in_full_run=round(window["usable_at"] - window["spawned_at"], 3),
            markers_shown_seconds=round(window["markers_shown_at"] - window["spawned_at"], 3),
            longest_stall_while_loading_ms=round(window["loading_stall_ms"], 1),
            reports=SCALE,
            data_build_seconds=build_seconds,
        )
    )
    figures.append(
        _figure(
            "gui_filter_rows",
            max(window["rows_ms"]),
            "ms",
            GOALS["rows"],
            median_ms=round(statistics.median(window["rows_ms"]), 1),
            samples_ms=[round(v, 1) for v in window["rows_ms"]],
            reports=SCALE,
        )
    )
    figures.append(
        _figure(
            "gui_filter_markers",
            max(window["markers_ms"]),
            "ms",
            GOALS["markers"],
            median_ms=round(statistics.median(window["markers_ms"]), 1),
            samples_ms=[round(v, 1) for v in window["markers_ms"]],
            reports=SCALE,
        )
    )
    figures.append(
        _figure(
            "gui_memory",
            window["rss_mb"],
            "MB",
            GOALS["memory"],
            renderer_mb=round(window["renderer_rss_mb"], 1),
            reports=SCALE,
        )
    )

    sync_dir = ROOT / "sync-data"
    shutil.rmtree(sync_dir, ignore_errors=True)
    server = CentralServer(f"sqlite:///{central_db}", demo=True, port=0)
    server.start()
    try:
        _, sync = _child("sync", str(sync_dir), server.base_url)
    finally:
        server.close()
    figures.append(
        _figure(
            "gui_sync_stall",
            sync["stall_ms"],
            "ms",
            GOALS["stall"],
            p99_gap_ms=round(sync["p99_gap_ms"], 1),
            sync_seconds=round(sync["sync_seconds"], 1),
            received=sync["received"],
            sync_ok=sync["ok"],
        )
    )
    return figures


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "--child":
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
    run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
