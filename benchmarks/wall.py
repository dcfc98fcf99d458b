"""The video wall through an accelerated 2-hour run (issue 17).

A fresh demo city (SEED_REPORTS reports seeded at the real present, so today's and this week's
figures have content) is served by the reference API in its own process; the wall
(benchmarks._wall_child, a process of its own, 1920x1080 offscreen, its own cache, live
channel, panels turning) signs in as `wall`. Then the demo simulator runs at SPEED (10x its
default 60) from the feed's start, so the units also act on the seeded reports in hand: the
room's 2 hours in 12 real minutes (`--quick`: 3). Figures:

- wall_memory_growth: PSS of the memory the wall and its QtWebEngine processes allocated
  (Pss_Anon + Pss_Shmem), the median of the last three samples (every 10 s) against the median
  of the first three after warm-up (the first 20 % of the run), in %. The whole PSS is printed
  beside but is not the figure: it counts the Qt libraries' pages split with every other
  program mapping them, and other Qt processes on this shared machine moved it by +-25 %;
- wall_frame_stall: the longest gap of a 10 ms heartbeat on the GUI thread beyond its
  interval, with the p99 beside it;
- wall_pulse_latency: for each report the simulator filed, from its page stored in the wall's
  cache to the map page saying its pulse started. A report without lat/lon has no dot to pulse
  and is left out (counted as `unplaced`); every other one must pulse (its creation is "now",
  so it is among today's markers).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks._figures import failed, figure
from benchmarks._server import ServerProcess

SEED_REPORTS = 3000
SPEED = 600.0
RUN_S, QUICK_S = 720.0, 180.0
WARM_UP = 0.2
GOAL_GROWTH_PCT, GOAL_STALL_MS, GOAL_PULSE_P95_S = 5.0, 100.0, 1.0


def _simulator(base_url: str) -> Any:
    from console.central.demo.simulator import CitySimulator

    class Recording(CitySimulator):
        """The demo simulator, noting the id of every report its citizens file."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.filed: list[int] = []

        def _send(self, method: str, path: str, account: str, **kwargs: Any) -> Any:
            answer = super()._send(method, path, account, **kwargs)
            if method == "POST" and path == "/reports" and answer.status_code == 201:
                self.filed.append(int(answer.json()["id"]))
            return answer

    return Recording(base_url, speed=SPEED, seed=17, from_start=True)


def _run_wall(folder: Path, seconds: float) -> dict[str, Any]:
    """Seeds, serves, runs the wall child and the simulator; the child's report and the run's."""
    from console.central.seed import seed_demo

    db_url = f"sqlite:///{folder / 'central.sqlite3'}"
    started = time.monotonic()
    seed_demo(db_url, SEED_REPORTS)
    seed_s = time.monotonic() - started
    server = ServerProcess(db_url)
    stderr = (folder / "wall-child.stderr").open("w")
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._wall_child", server.base_url, str(folder / "wall")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        env={
            **os.environ,
            "PAHT_CONFIG_DIR": str(folder / "config"),
            "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --disable-gpu --enable-precise-memory-info",
        },
    )
    assert child.stdin is not None and child.stdout is not None
    simulator = None
    problems: list[str] = []
    try:
        line = child.stdout.readline()
        if not line.startswith("{"):
            raise RuntimeError("the wall did not start: " + _tail(folder))
        ready = json.loads(line)
        simulator = _simulator(server.base_url)
        simulator.start()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and server.proc.poll() is None and child.poll() is None:
            time.sleep(1.0)
        simulator.stop()
        if server.proc.poll() is not None:
            problems.append(f"the server died (exit {server.proc.returncode})")
        child.stdin.write(json.dumps(simulator.filed))
        child.stdin.close()
        lines = [x for x in child.stdout.read().splitlines() if x.startswith("{")]
        child.wait(timeout=120)
        if child.returncode != 0 or not lines:
            raise RuntimeError(f"the wall child failed ({child.returncode}): " + _tail(folder))
        report: dict[str, Any] = json.loads(lines[-1])
    finally:
        if simulator is not None and simulator.is_alive():
            simulator.stop()
        if child.poll() is None:
            child.kill()
            child.wait()
        stderr.close()
        server.stop()
    if simulator.errors:
        problems.append(f"the simulator met {simulator.errors} errors")
    if not simulator.filed:
        problems.append("the simulator filed no report")
    report.update(
        problems=problems,
        filed=simulator.filed,
        actions=simulator.actions_done,
        seed_s=round(seed_s, 1),
        ready=ready,
    )
    return report


def _tail(folder: Path) -> str:
    return (folder / "wall-child.stderr").read_text(errors="replace")[-1500:]


def _percentile(values: list[float], cut: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[cut - 1]


def _growth(values: list[float]) -> tuple[float, float, float]:
    """(median of the first 3, median of the last 3, growth in %)."""
    if len(values) < 2:
        return float("nan"), float("nan"), float("nan")
    warm, end = statistics.median(values[:3]), statistics.median(values[-3:])
    return warm, end, (end - warm) / warm * 100


def _memory_figure(m: dict[str, Any], seconds: float, raw: dict[str, Any]) -> None:
    after = [(parts, own) for t, parts, own in m["memory"] if t >= WARM_UP * seconds]
    problems = list(m["problems"])
    if len(after) < 6:
        problems.append(f"only {len(after)} memory samples after warm-up")
    warm, end, growth = _growth([sum(own.values()) for _, own in after])
    main = _growth([own["main"] for _, own in after])
    pss_warm, pss_end, pss_growth = _growth([sum(p.values()) for p, _ in after])
    last = m["memory"][-1][1] if m["memory"] else {}
    figure(
        "wall_memory_growth",
        growth,
        "%",
        f"<= {GOAL_GROWTH_PCT:g}",
        met=growth <= GOAL_GROWTH_PCT,
        problems=problems + ([] if len(last) > 1 else ["no QtWebEngine process found"]),
        measured="PSS of the memory the wall and its QtWebEngine processes allocated (Pss_Anon "
        "+ Pss_Shmem): median of the last 3 samples over the median of the first 3 after "
        f"warm-up ({WARM_UP:.0%} of the run); whole PSS beside (it moves with every other "
        "program mapping the Qt libraries)",
        warm_mb=round(warm, 1),
        end_mb=round(end, 1),
        allocated_main_mb=[round(main[0], 1), round(main[1], 1)],
        pss_growth_pct=round(pss_growth, 2),
        pss_warm_mb=round(pss_warm, 1),
        pss_end_mb=round(pss_end, 1),
        parts_mb={k: round(v, 1) for k, v in last.items()},
        markers=[m["markers_at_start"], m["markers"]],
        page_js_heap_mb_elements=[
            [round(v, 1) for v in json.loads(x)] if x else None for x in m["page_heap_mb_elements"]
        ],
        samples_s_allocated_pss_mb=[
            [round(t, 1), round(sum(own.values()), 1), round(sum(parts.values()), 1)]
            for t, parts, own in m["memory"]
        ],
        **raw,
    )


def _stall_figure(m: dict[str, Any], raw: dict[str, Any]) -> None:
    stall = m["stall_ms"]
    figure(
        "wall_frame_stall",
        stall,
        "ms",
        f"<= {GOAL_STALL_MS:g}",
        met=stall <= GOAL_STALL_MS,
        problems=m["problems"] + ([] if m["beats"] > 100 else ["the heartbeat did not beat"]),
        measured="the longest gap of a 10 ms heartbeat on the wall's GUI thread beyond its "
        "interval, from the first scene to the end of the run",
        p99_gap_ms=round(m["p99_gap_ms"], 1),
        beats=m["beats"],
        worst_gaps_s_ms=m["worst_gaps_s_ms"],
        full_collections_n_max_ms=m["full_collections"],
        scenes=m["scenes"],
        **raw,
    )


def _pulse_figure(m: dict[str, Any], raw: dict[str, Any]) -> None:
    arrivals, pulses = m["arrivals"], m["pulses"]
    unplaced = set(m["unplaced"])
    filed = [i for i in m["filed"] if i not in unplaced]
    latencies = [pulses[str(i)] - arrivals[str(i)] for i in filed if str(i) in pulses]
    never_stored = [i for i in filed if str(i) not in arrivals]
    never_pulsed = [i for i in filed if str(i) in arrivals and str(i) not in pulses]
    problems = list(m["problems"])
    if not latencies:
        problems.append("no pulse seen")
    if never_stored:
        problems.append(f"{len(never_stored)} filed reports never reached the wall's cache")
    if never_pulsed:
        problems.append(f"{len(never_pulsed)} placed new reports never pulsed")
    p95 = _percentile(latencies, 95)
    figure(
        "wall_pulse_latency",
        p95,
        "s",
        f"p95 <= {GOAL_PULSE_P95_S:g} s, every placed new report pulses",
        met=p95 <= GOAL_PULSE_P95_S,
        problems=problems,
        measured="a filed report's page stored in the wall's cache (sync thread) to the map "
        "page's pulseStarted for it; reports without lat/lon have no dot and are left out",
        p50_s=round(_percentile(latencies, 50), 3),
        max_s=round(max(latencies, default=float("nan")), 3),
        n=len(latencies),
        unplaced=len(unplaced),
        never_stored=never_stored[:20],
        never_pulsed=never_pulsed[:20],
        **raw,
    )


def run(options: list[str] | None = None) -> None:
    quick = "--quick" in (options or [])
    seconds = QUICK_S if quick else RUN_S
    raw: dict[str, Any] = {"quick": quick, "run_s": seconds, "speed": SPEED}
    with tempfile.TemporaryDirectory(prefix="paht-wall-") as tmp:
        try:
            m = _run_wall(Path(tmp), seconds)
        except Exception as exc:
            for name in ("memory_growth", "frame_stall", "pulse_latency"):
                failed(f"wall_{name}", exc, **raw)
            return
    raw.update(
        seeded=SEED_REPORTS,
        filed=len(m["filed"]),
        unit_actions=m["actions"],
        syncs=m["syncs"],
        sync_failed=m["sync_failed"],
        renderer_crashes=m["renderer_crashes"],
    )
    if m["sync_failed"]:
        m["problems"].append(f"{m['sync_failed']} syncs failed: {m['sync_failures']}")
    if m["renderer_crashes"]:
        m["problems"].append(f"the map's renderer ended {m['renderer_crashes']} times")
    _memory_figure(m, seconds, raw)
    _stall_figure(m, raw)
    _pulse_figure(m, raw)


if __name__ == "__main__":
    run(sys.argv[1:])
