"""The main window at 200,000 cached reports: start, first rows, filter speed, stalls, memory.

Each measurement runs in a fresh subprocess (see benchmarks._gui_children): a bare PySide6
window (the floor) and `paht-console`'s start alternate START_RUNS times each; each start
runs until the first screen of queue rows is painted. Then one full `window` run (queue
load, markers, filter changes, memory of the whole console) and one `sync` run (a fresh
cache filled from a central API while a heartbeat records GUI stalls). The cache and the
central database come from benchmarks._data (pinned seed and NOW, checked by content).
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
from pathlib import Path
from typing import Any

from benchmarks import _data
from benchmarks._figures import failed, figure

SCALE = int(os.environ.get("PAHT_BENCH_GUI_SCALE", "200000"))
SYNC_SCALE = int(os.environ.get("PAHT_BENCH_GUI_SYNC_SCALE", str(SCALE)))
ROOT = Path("/tmp/paht-bench-gui")
CHILD_TIMEOUT_S = 2400
#: Bare and console starts are measured this many times each, alternating; medians compared.
START_RUNS = int(os.environ.get("PAHT_BENCH_GUI_START_RUNS", "5"))
GOALS = {
    "start": 3.0,
    "first_rows": 5.0,
    "rows": 100.0,
    "markers": 500.0,
    "stall": 100.0,
    "memory": 800.0,
}


def _child(mode: str, *args: str, root: Path = ROOT) -> tuple[float, dict[str, Any]]:
    """Runs a child (its settings in `root`); returns the seconds from spawn to its
    `usable_at`, and its report with every `*_at` moment turned into seconds since spawn
    (`*_s`)."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks._gui_children", "--child", mode, *args],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        env={**os.environ, "PAHT_CONFIG_DIR": str(root / f"config-{mode}")},
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"child {mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(lines[-1])
    for key, value in list(report.items()):
        if key.endswith("_at"):
            report[key[:-3] + "_s"] = value - started if isinstance(value, float) else None
    return report.get("usable_s") or 0.0, report


def _starts(cache_dir: Path) -> tuple[list[float], list[dict[str, Any]]]:
    bares: list[float] = []
    starts: list[dict[str, Any]] = []
    for _ in range(START_RUNS):
        bares.append(_child("bare")[0])
        starts.append(_child("start", str(cache_dir))[1])
    return bares, starts


def _start_figures(
    bares: list[float], starts: list[dict[str, Any]], window: dict[str, Any], data: dict[str, Any]
) -> None:
    bare_s = statistics.median(bares)
    usable = [s["usable_s"] for s in starts]
    painted = [s["rows_painted_s"] for s in starts]
    in_model = [s["rows_in_model_s"] for s in starts]
    ours_s = statistics.median(usable)
    figure(
        "gui_start",
        ours_s / bare_s,
        "ratio",
        f"<= {GOALS['start']:g}",
        met=ours_s / bare_s <= GOALS["start"],
        measured="spawn of paht-console's start (returning operator, server silent) to "
        "window shown, search box focused, event loop answering",
        start_seconds=round(ours_s, 3),
        bare_seconds=round(bare_s, 3),
        start_samples=[round(v, 3) for v in usable],
        bare_samples=[round(v, 3) for v in bares],
        bytecode="compiled, as a wheel install leaves it",
        queue_loaded_seconds=round(window["loaded_s"], 3),
        usable_seconds_in_full_run=round(window["usable_s"], 3),
        markers_shown_seconds=round(window["markers_shown_s"], 3),
        longest_stall_while_loading_ms=round(window["loading_stall_ms"], 1),
        reports=SCALE,
        **data,
    )
    problems = [f"start {n + 1}: no row painted" for n, v in enumerate(painted) if v is None]
    problems += [
        f"start {n + 1}: no row shown" for n, s in enumerate(starts) if not s["rows_shown"]
    ]
    first_s = statistics.median(v if v is not None else float("inf") for v in painted)
    figure(
        "gui_first_rows",
        first_s / bare_s,
        "ratio",
        f"<= {GOALS['first_rows']:g}",
        met=first_s / bare_s <= GOALS["first_rows"],
        problems=problems,
        measured="spawn of paht-console's start (returning operator, server silent) to the "
        "first paint of the queue table with rows in its model, over the bare window's start",
        first_rows_seconds=round(first_s, 3),
        bare_seconds=round(bare_s, 3),
        first_rows_samples=[None if v is None else round(v, 3) for v in painted],
        rows_in_model_samples=[None if v is None else round(v, 3) for v in in_model],
        view=starts[0]["view"],
        rows_shown=starts[0]["rows_shown"],
        reports=SCALE,
    )


def _window_figures(window: dict[str, Any]) -> None:
    problems = [] if window["rows"] == SCALE else [f"queue shows {window['rows']} of {SCALE}"]
    for name, key in (("gui_filter_rows", "rows_ms"), ("gui_filter_markers", "markers_ms")):
        samples = window[key]
        worst = max(samples)
        goal = GOALS["rows" if key == "rows_ms" else "markers"]
        figure(
            name,
            worst,
            "ms",
            f"<= {goal:g}",
            met=worst <= goal,
            problems=problems
            + (["a filter change never answered"] if worst == float("inf") else []),
            median_ms=round(statistics.median(samples), 1),
            samples_ms=[round(v, 1) for v in samples],
            reports=SCALE,
        )
    parts = window["memory_mb"]
    total = sum(parts.values())
    figure(
        "gui_memory",
        total,
        "MB",
        f"<= {GOALS['memory']:g}",
        met=total <= GOALS["memory"],
        problems=problems + ([] if len(parts) > 1 else ["no QtWebEngine process found"]),
        measured="PSS of the whole console: the main process and every QtWebEngine process "
        "below it, after the load and the filter changes",
        parts_mb={name: round(mb, 1) for name, mb in parts.items()},
        reports=SCALE,
    )


def _sync_figure(central: _data.Dataset) -> None:
    from console.central.server import CentralServer

    sync_dir = ROOT / "sync-data"
    shutil.rmtree(sync_dir, ignore_errors=True)
    server = CentralServer(f"sqlite:///{central.path}", demo=True, port=0)
    server.start()
    try:
        _, sync = _child("sync", str(sync_dir), server.base_url)
    finally:
        server.close()
    expected = central.count
    problems = list(sync["problems"])
    if not sync["ok"]:
        problems.append("the sync did not succeed")
    if sync["received"] != expected:
        problems.append(f"received {sync['received']} reports, expected {expected}")
    if sync["queue_rows"] != expected:
        problems.append(f"the queue shows {sync['queue_rows']} rows, expected {expected}")
    figure(
        "gui_sync_stall",
        sync["stall_ms"],
        "ms",
        f"<= {GOALS['stall']:g}",
        met=sync["stall_ms"] <= GOALS["stall"],
        problems=problems,
        p99_gap_ms=round(sync["p99_gap_ms"], 1),
        sync_seconds=round(sync["sync_seconds"], 1),
        expected=expected,
        received=sync["received"],
        stored=sync["stored"],
        queue_rows=sync["queue_rows"],
        sync_ok=sync["ok"],
        **central.describe(),
    )


def run() -> None:
    from benchmarks._gui_children import remember_operator
    from console.store import open_cache

    ROOT.mkdir(parents=True, exist_ok=True)
    try:
        cache = _data.cache(SCALE)
        # A clean close noted, so every start below finds the cache as the last one left it.
        open_cache(cache.folder).close()
        for mode in ("start", "window"):
            shutil.rmtree(ROOT / f"config-{mode}", ignore_errors=True)
            remember_operator(ROOT / f"config-{mode}")
        # Bytecode as a wheel install leaves it (PySide6's is; PYTHONDONTWRITEBYTECODE may be set).
        for package in ("console", "widgets"):
            compileall.compile_dir(Path(__file__).parent.parent / package, quiet=1)
        bares, starts = _starts(cache.folder)
        _, window = _child("window", str(cache.folder))
    except Exception as exc:
        for name in ("start", "first_rows", "filter_rows", "filter_markers", "memory"):
            failed(f"gui_{name}", exc, reports=SCALE)
    else:
        _start_figures(bares, starts, window, cache.describe())
        _window_figures(window)
    try:
        _sync_figure(_data.central(SYNC_SCALE))
    except Exception as exc:
        failed("gui_sync_stall", exc, reports=SYNC_SCALE)


if __name__ == "__main__":
    run()
