"""central_load's figures from what the clients recorded (pure: tested without a server)."""

from __future__ import annotations

import os
import statistics
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from benchmarks._load_clients import Action, Page


def percentiles_ms(values: list[float]) -> dict[str, float | None]:
    """p50, p95 and max of seconds, in milliseconds (None when nothing was measured)."""
    if not values:
        return {"p50_ms": None, "p95_ms": None, "max_ms": None, "n": 0}
    ordered = sorted(values)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else []
    p50 = cuts[49] if cuts else ordered[0]
    p95 = cuts[94] if cuts else ordered[0]
    return {
        "p50_ms": round(p50 * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "n": len(ordered),
    }


def page_latencies(
    pages: Iterable[Page], made: dict[tuple[int, int], tuple[float, float]]
) -> tuple[list[float], list[float]]:
    """(serve times, wake delays) of one console's pages that carried items.

    `made` maps (report id, version) to the (start, end) of the request that made it. A page
    is a serve time (request to full answer) when its request started after its first
    change was answered, so the data was there and nothing was waited for; every change's
    first arrival gives a wake delay (the start of the request that made it to the page).
    """
    serve, wake = [], []
    seen: set[tuple[int, int]] = set()
    for page in pages:
        known = [made[c] for c in page.changes if c in made]
        if known and page.start >= min(end for _, end in known):
            serve.append(page.end - page.start)
        for change in page.changes:
            if change in made and change not in seen:
                seen.add(change)
                wake.append(page.end - made[change][0])
    return serve, wake


def missed(pages: Iterable[Page], made: dict[tuple[int, int], tuple[float, float]]) -> int:
    """Reports whose last made version never reached this console (a feed sends a report
    once per page at its latest version, so only the last one must arrive)."""
    last: dict[int, int] = {}
    for report_id, version in made:
        last[report_id] = max(version, last.get(report_id, 0))
    seen: dict[int, int] = {}
    for page in pages:
        for report_id, version in page.changes:
            seen[report_id] = max(version, seen.get(report_id, 0))
    return sum(1 for report_id, version in last.items() if seen.get(report_id, 0) < version)


def _expected(actions: Iterable[Action]) -> dict[int, Counter[tuple[str, str | None]]]:
    expected: dict[int, Counter[tuple[str, str | None]]] = {}
    for action in actions:
        if action.status == 200:
            expected.setdefault(action.report_id, Counter())[(action.type, action.text)] += 1
    return expected


def lost_and_twice(
    actions: list[Action], histories: dict[int, list[dict[str, Any]]]
) -> tuple[int, int]:
    """Actions answered 200 but missing from the report's history (lost), and history events
    beyond those answered (applied twice: a replayed key, or one action stored twice)."""
    lost = twice = 0
    for report_id, wanted in _expected(actions).items():
        got: Counter[tuple[str, str | None]] = Counter(
            (e["action"], (e.get("payload") or {}).get("text") if e["action"] == "note" else None)
            for e in histories.get(report_id, [])
        )
        lost += sum((wanted - got).values())
        twice += sum((got - wanted).values())
    return lost, twice


def replays_changed(actions: Iterable[Action]) -> int:
    """Replayed keys whose second answer differed from the first (status or version)."""
    return sum(
        1
        for a in actions
        if a.replay_status is not None
        and (a.replay_status != a.status or a.replay_version != a.version)
    )


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def processes() -> dict[int, tuple[int, str]]:
    """Every process: pid -> (parent pid, command name)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, tail = (entry / "stat").read_text().rsplit(")", 1)
            except OSError:
                continue
            found[int(entry.name)] = (int(tail.split()[1]), head.split("(", 1)[1])
    return found


def tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds of `root` and its descendants, by pid."""
    table = processes()
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, (ppid, _) in table.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    return _cpu_of(tree)


def postgres_cpu() -> dict[int, float]:
    """CPU seconds of every PostgreSQL process (the whole cluster: others' tests included)."""
    return _cpu_of(pid for pid, (_, name) in processes().items() if name == "postgres")


def _cpu_of(pids: Iterable[int]) -> dict[int, float]:
    found = {}
    for pid in pids:
        try:
            found[pid] = cpu_seconds(pid)
        except OSError:
            continue
    return found


def used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds spent between two snapshots (processes born since count from zero)."""
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())
