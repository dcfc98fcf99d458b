"""The console at 1,000,000 reports (issue 15): initial sync, queue filter, map update,
memory of the whole console and the weekly report.

One central database (benchmarks._data: pinned seed and NOW, checked by content) is served
by the reference API in its own process. The console's initial sync and the plain floor of
benchmarks.sync_initial each fill a fresh folder, alternating ROUNDS times; the last cache
the console filled is what the rest works on, as an operator's would be after the first
sync. Then benchmarks._gui_children's `window` child starts the console over it (filter
changes and a word typed, each timed to the queue's rows and to the map's markers, then the
PSS of the console and its QtWebEngine processes), and the weekly export runs against
benchmarks.weekly's floor over the same cache.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

from benchmarks import _data, gui, sync_initial, weekly
from benchmarks._figures import failed, figure
from benchmarks._server import ServerProcess

SCALE = int(os.environ.get("PAHT_BENCH_SCALE_REPORTS", "1000000"))
ROUNDS = int(os.environ.get("PAHT_BENCH_SCALE_ROUNDS", "1"))
ROOT = Path("/tmp/paht-bench-scale")
#: A central database file to use as it is (its reports counted and hashed), instead of the
#: pinned build, whose digest changes with every edit of the code that generates it.
GIVEN_CENTRAL = os.environ.get("PAHT_BENCH_SCALE_CENTRAL")
GOALS = {"sync": 0.5, "filter_ms": 150.0, "markers_ms": 1000.0, "memory_mb": 1536.0}


def _sync(central: _data.Dataset) -> Path:
    """The sync figure; returns the folder of the last cache the console filled."""
    runs: dict[str, list[float]] = {"console": [], "floor": []}
    cache_dir = ROOT / "console-0"
    server = ServerProcess(f"sqlite:///{central.path}")
    try:
        for n in range(2 * ROUNDS):
            kind = ("console", "floor")[(n + n // 2) % 2]  # console, floor, floor, console...
            target = ROOT / f"{kind}-{n}"
            shutil.rmtree(target, ignore_errors=True)
            if kind == "console":
                seconds, stored = sync_initial.console_sync(server.base_url, target, SCALE)
                cache_dir = target
            else:
                target.mkdir(parents=True)
                seconds, stored = sync_initial.floor_sync(server.base_url, target / "floor.db")
                shutil.rmtree(target)
            if stored != SCALE:
                raise RuntimeError(f"{kind} stored {stored} reports, expected {SCALE}")
            runs[kind].append(seconds)
            print(f"{kind} sync: {seconds:.1f} s", file=sys.stderr, flush=True)
    finally:
        server.stop()
    console_s, floor_s = statistics.median(runs["console"]), statistics.median(runs["floor"])
    ratio = floor_s / console_s
    figure(
        "scale_sync_initial",
        ratio,
        "ratio",
        f">= {GOALS['sync']:g}",
        met=ratio >= GOALS["sync"],
        measured="console reports/s over benchmarks.sync_initial's pipelined plain floor's "
        "into a fresh folder; medians of alternating rounds",
        reports=SCALE,
        console_reports_per_s=round(SCALE / console_s, 1),
        floor_reports_per_s=round(SCALE / floor_s, 1),
        console_samples=[round(s, 1) for s in runs["console"]],
        floor_samples=[round(s, 1) for s in runs["floor"]],
        **central.describe(),
    )
    return cache_dir


def _worst(bench: str, samples: list[float], goal: float, problems: list[str], **raw: Any) -> None:
    worst = max(samples)
    figure(
        bench,
        worst,
        "ms",
        f"<= {goal:g}",
        met=worst <= goal,
        problems=problems + (["a change never answered"] if worst == float("inf") else []),
        median_ms=round(statistics.median(samples), 1),
        samples_ms=[round(v, 1) for v in samples],
        reports=SCALE,
        **raw,
    )


def _window(cache_dir: Path) -> None:
    from benchmarks._gui_children import TYPED, remember_operator

    shutil.rmtree(ROOT / "config-window", ignore_errors=True)
    remember_operator(ROOT / "config-window")
    _, window = gui._child("window", str(cache_dir), root=ROOT)
    problems = [] if window["rows"] == SCALE else [f"queue shows {window['rows']} of {SCALE}"]
    picked, typed = "4 categories picked then all", f"typed {list(TYPED)}"
    _worst(
        "scale_queue_filter",
        window["rows_ms"] + window["typed_rows_ms"],
        GOALS["filter_ms"],
        problems,
        measured=f"filter change to the queue's new rows: {picked}, then {typed}",
        picked_ms=[round(v, 1) for v in window["rows_ms"]],
        typed_ms=[round(v, 1) for v in window["typed_rows_ms"]],
        queue_loaded_seconds=round(window["loaded_s"], 1),
    )
    _worst(
        "scale_map_update",
        window["markers_ms"] + window["typed_markers_ms"],
        GOALS["markers_ms"],
        problems,
        measured=f"filter change to the map's new markers: {picked}, then {typed}",
        markers_shown_seconds=round(window["markers_shown_s"], 1),
    )
    parts = window["memory_mb"]
    total = sum(parts.values())
    figure(
        "scale_memory",
        total,
        "MB",
        f"<= {GOALS['memory_mb']:g}",
        met=total <= GOALS["memory_mb"],
        problems=problems + ([] if len(parts) > 1 else ["no QtWebEngine process found"]),
        measured="PSS of the whole console (main process and its QtWebEngine processes) "
        "with the cache loaded, after the filter changes",
        parts_mb={name: round(mb, 1) for name, mb in parts.items()},
        reports=SCALE,
    )


def _central() -> _data.Dataset:
    if not GIVEN_CENTRAL:
        return _data.central(SCALE)
    path = Path(GIVEN_CENTRAL)
    count, content = _data.content_hash(path)
    if count != SCALE:
        raise RuntimeError(f"{path} holds {count} reports, not {SCALE}")
    return _data.Dataset("central (given file)", path.parent, path, {}, count, content, 0.0, True)


def run(argv: list[str] | None = None) -> None:
    """`--skip-sync`: the rest over the cache the console filled in an earlier run."""
    ROOT.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"data": "the console's cache of an earlier run"}
    cache_dir = ROOT / "console-0"
    if "--skip-sync" not in (argv or []):
        try:
            central = _central()
            data = central.describe()
            cache_dir = _sync(central)
        except Exception as exc:
            failed("scale_sync_initial", exc, reports=SCALE)
            return
    try:
        _window(cache_dir)
    except Exception as exc:
        for name in ("queue_filter", "map_update", "memory"):
            failed(f"scale_{name}", exc, reports=SCALE)
    try:
        weekly.weekly_figure(cache_dir, SCALE, "scale_weekly", **data)
    except Exception as exc:
        failed("scale_weekly", exc, reports=SCALE)


if __name__ == "__main__":
    run()
