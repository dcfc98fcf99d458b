"""The wall benchmark's wall: `python -m benchmarks._wall_child BASE_URL DATA_DIR` assembles the
video wall as `paht-console wall` does (its read-only account and own cache, live channel,
real map page) at 1920x1080, with its clocks 10x faster, as the room's time runs 10x.

It prints a `{"ready": ...}` line once the first sync is stored and the first scene shown,
then measures until the parent writes the simulator's filed report ids (JSON) to its stdin:
a 10 ms heartbeat (the GUI thread's gaps), PSS of itself and its QtWebEngine processes every
SAMPLE_S, and per new report the moment its page was stored in the cache (on the sync thread)
and the moment the map page said its pulse started. Then it waits up to GRACE_S for the last
reports to pulse and prints its report as one JSON line."""

from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks._gui_children import HEARTBEAT_MS, _environment, _Heartbeat, _wait
from benchmarks._memory import memory_parts
from console.store.records import ROW_COLUMNS

SAMPLE_S = 10.0
GRACE_S = 15.0
READY_TIMEOUT_S = 300.0
#: The wall's clocks over 10: panels turn every 1.5 s, the time-only scene every 3 s.
SPEEDUP = 10
ID, LAT, LON = (ROW_COLUMNS.index(name) for name in ("id", "lat", "lon"))
#: What the map page holds, sampled with the memory: its JS heap (MB; precise with Chromium's
#: --enable-precise-memory-info, which the parent sets) and its DOM's element count.
PAGE_PROBE = (
    "JSON.stringify([performance.memory ? performance.memory.usedJSHeapSize / 1048576 : -1,"
    " document.getElementsByTagName('*').length])"
)


class Arrivals:
    """Wraps the cache's store step: the first store of each report id not in the cache
    before `watch()`, with whether it has a place on the map."""

    def __init__(self, cache: Any) -> None:
        self.known: set[int] = set()
        self.first: dict[int, float] = {}
        self.unplaced: set[int] = set()
        self.watching = False
        store = cache.store_rows

        def recording(rows: Any, bad: Any, cursor: Any, **kwargs: Any) -> Any:
            result = store(rows, bad, cursor, **kwargs)
            at = time.monotonic()
            for row in rows:
                report_id = int(row[ID])
                if not self.watching:
                    self.known.add(report_id)
                elif report_id not in self.known and report_id not in self.first:
                    self.first[report_id] = at
                    if row[LAT] is None or row[LON] is None:
                        self.unplaced.add(report_id)
            return result

        cache.store_rows = recording

    def watch(self) -> None:
        self.watching = True


class Sampler(threading.Thread):
    """Memory of the whole wall every SAMPLE_S, off the GUI thread: (seconds since start, PSS
    MB of each process, PSS MB of the memory the wall's processes allocated themselves)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.started_at = time.monotonic()
        self.samples: list[tuple[float, dict[str, float], dict[str, float]]] = []
        self.done = threading.Event()

    def take(self) -> None:
        at = time.monotonic() - self.started_at
        self.samples.append((at, memory_parts(), _allocated_mb()))

    def run(self) -> None:
        self.take()
        while not self.done.wait(SAMPLE_S):
            self.take()


def _allocated_mb() -> dict[str, float]:
    """Pss_Anon + Pss_Shmem of this process and those below it: their heaps and the memory
    they share among themselves, not the library files that other programs running Qt on the
    machine share (and so shrink or swell) as they start and end."""
    import psutil

    me = psutil.Process()
    kb = {"main": 0, "engine": 0}
    for process in [me, *me.children(recursive=True)]:
        try:
            lines = Path(f"/proc/{process.pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        for line in lines:
            if line.startswith(("Pss_Anon:", "Pss_Shmem:")):
                kb["main" if process.pid == me.pid else "engine"] += int(line.split()[1])
    return {name: n / 1024 for name, n in kb.items()}


class FullCollections:
    """The duration (ms) of every collection of Python's oldest generation while it runs: they
    run on the GUI thread (widgets.collector) and walk every object not frozen."""

    def __init__(self) -> None:
        import gc
        from array import array

        self.ms = array("d")
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.monotonic()
        else:
            self.ms.append((time.monotonic() - self._started) * 1000)


def _worst(gaps: Any, count: int = 8) -> list[tuple[float, float]]:
    """The longest gaps as (seconds since the heartbeat started, ms beyond its interval)."""
    at, moments = 0.0, []
    for gap in gaps:
        at += (gap + HEARTBEAT_MS) / 1000
        moments.append(at)
    worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-count:]
    return [(round(moments[i], 2), round(gaps[i], 1)) for i in sorted(worst)]


def _assemble(base_url: str, data_dir: Path) -> tuple[Any, ...]:
    from console.config import load_settings
    from widgets.wall.look import WallLook
    from widgets.wall.opening import open_wall
    from widgets.wall.start import wall_controller
    from widgets.wall.wall_map import WallMap
    from widgets.wall.window import WallWindow

    settings = load_settings(data_dir=data_dir, server=base_url, user="wall").with_changes(
        tiles_url=None, live_updates=True
    )
    session = open_wall(settings, "demo", False)
    arrivals = Arrivals(session.cache)
    wall_map = WallMap(tiles=None)
    window = WallWindow(WallLook.for_height(1080), wall_map)
    window.resize(1920, 1080)
    window.show()
    window.panels.timer.setInterval(window.panels.timer.interval() // SPEEDUP)
    controller = wall_controller(window, session, settings)
    controller.timer.setInterval(controller.timer.interval() // SPEEDUP)
    return session, arrivals, wall_map, window, controller.sync, controller


def measure(base_url: str, data_dir: Path) -> dict[str, Any]:
    import PySide6.QtWebEngineWidgets  # noqa: F401
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from widgets import runtime

    app = QApplication([])
    applied = runtime.apply()
    session, arrivals, wall_map, window, sync, controller = _assemble(base_url, data_dir)
    outcomes: list[Any] = []
    sync.finished.connect(lambda outcome, _manual: outcomes.append(outcome))
    shown: list[int] = []
    controller.shown.connect(lambda scene, _ids: shown.append(len(scene.markers)))
    pulses: dict[int, float] = {}

    def pulsed(ids: list[int]) -> None:
        now = time.monotonic()
        for report_id in ids:
            pulses.setdefault(report_id, now)

    wall_map.pulsed.connect(pulsed)
    crashes: list[int] = []
    wall_map.page().renderProcessTerminated.connect(lambda *_: crashes.append(1))
    controller.start()
    ready = _wait(
        app,
        lambda: wall_map.is_ready() and bool(shown) and any(o.ok for o in outcomes),
        READY_TIMEOUT_S,
    )
    if not ready:
        raise RuntimeError(f"the wall was not up in {READY_TIMEOUT_S:.0f} s: {outcomes[-1:]}")
    applied.freeze_long_lived()  # as widgets.wall.start does after the first scene
    arrivals.watch()
    heart = _Heartbeat()
    collections = FullCollections()
    sampler = Sampler()
    sampler.start()
    ready_markers = shown[-1]
    page_samples: list[Any] = []
    probe = QTimer()
    probe.setInterval(int(SAMPLE_S * 1000))
    probe.timeout.connect(lambda: wall_map.page().runJavaScript(PAGE_PROBE, 0, page_samples.append))
    probe.start()
    print(json.dumps({"ready": len(arrivals.known), "markers": ready_markers}), flush=True)
    filed: list[int] = []
    stopped = threading.Event()

    def listen() -> None:
        filed.extend(json.loads(sys.stdin.read() or "[]"))
        sampler.done.set()
        sampler.join()
        sampler.take()
        stopped.set()

    threading.Thread(target=listen, daemon=True).start()
    _wait(app, stopped.is_set, 86_400)
    stall_ms = heart.stop()
    probe.stop()
    gaps = heart.gaps
    expected = [i for i in filed if i not in arrivals.unplaced]
    _wait(app, lambda: all(i in pulses for i in expected), GRACE_S)
    failures = [o.error or "offline" for o in outcomes if not o.ok]
    texts = window.shown_texts()
    window.close()
    session.close()
    applied.restore()
    return {
        "known": len(arrivals.known),
        "arrivals": {str(i): t for i, t in arrivals.first.items()},
        "unplaced": sorted(arrivals.unplaced),
        "pulses": {str(i): t for i, t in pulses.items()},
        "stall_ms": stall_ms,
        "p99_gap_ms": statistics.quantiles(gaps, n=100)[98] if len(gaps) > 100 else 0.0,
        "beats": len(gaps),
        "worst_gaps_s_ms": _worst(gaps),
        "full_collections": [len(collections.ms), round(max(collections.ms, default=0.0), 1)],
        "memory": sampler.samples,
        "markers_at_start": ready_markers,
        "page_heap_mb_elements": page_samples,
        "scenes": len(shown),
        "markers": shown[-1],
        "sync_failures": failures[:5],
        "sync_failed": len(failures),
        "syncs": len(outcomes),
        "renderer_crashes": len(crashes),
        "texts_shown": len(texts),
    }


if __name__ == "__main__":
    _environment()
    report = measure(sys.argv[1], Path(sys.argv[2]))
    print(json.dumps(report), flush=True)
    os._exit(0)  # the web engine's teardown is not part of the measurement
