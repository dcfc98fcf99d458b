"""A damaged cache file is moved aside and rebuilt by a resync, with the outbox kept.

Each variant damages a synced cache the way a disk or a crash can (overwritten header, zeroed
pages, a truncated file, a file that is not SQLite at all, junk in the WAL), with operator
actions still waiting in the outbox. Reopening must move the damaged file aside (or find it
intact), keep every pending action, and one sync must bring back every report and apply
every action exactly once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.domain.model import ActionType, Role, utcnow
from console.domain.sla import load_sla
from console.domain.workflow import Context
from console.store import EntryState, open_cache, open_outbox, submit_action
from console.sync import CentralClient, SyncEngine
from reliability.crash_harness import CentralFixture, integrity

PAGE = 4096


def _header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))


def _zero_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    start = PAGE * 2
    data[start : start + PAGE * 4] = bytes(PAGE * 4)
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: max(PAGE * 3, len(data) * 2 // 5)])


def _not_sqlite(path: Path) -> None:
    path.write_text("Đây không phải cơ sở dữ liệu.\n" * 200, encoding="utf-8")


def _wal_junk(path: Path) -> None:
    path.with_name(path.name + "-wal").write_bytes(b"\x37\x7f\x06\x82" + bytes(range(256)) * 64)


VARIANTS: dict[str, Callable[[Path], None]] = {
    "header overwritten": _header,
    "pages zeroed": _zero_pages,
    "file truncated": _truncate,
    "not an SQLite file": _not_sqlite,
    "junk WAL file": _wal_junk,
}


@dataclass
class CorruptionOutcome:
    variant: str
    rebuilt: bool
    pending_kept: int
    pending_before: int
    converged: bool
    applied_once: int
    violations: list[str] = field(default_factory=list)


def _queue_notes(data_dir: Path, count: int) -> dict[str, str]:
    cache, outbox = open_cache(data_dir), open_outbox(data_dir)
    markers: dict[str, str] = {}
    try:
        ctx = Context(utcnow(), load_sla())
        rows = [r for r in cache.load_queue_rows() if r.status not in ("rejected", "closed")]
        for row in (rows * count)[:count]:
            marker = f"corrupt-{uuid.uuid4().hex[:12]}"
            entry = submit_action(
                cache,
                outbox,
                row.id,
                ActionType.NOTE,
                {"text": f"Ghi chú trước khi hỏng [{marker}]"},
                actor="operator",
                role=Role.OPERATOR,
                ctx=ctx,
            )
            markers[entry.idempotency_key] = marker
    finally:
        cache.close()
        outbox.close()
    return markers


def _sync(data_dir: Path, base_url: str, token: str) -> tuple[Any, bool]:
    cache, outbox = open_cache(data_dir), open_outbox(data_dir)
    client = CentralClient(base_url, token=token, backoff=0.05)
    try:
        return SyncEngine(client, cache, outbox).sync_once(), cache.needs_resync
    finally:
        client.close()
        cache.close()
        outbox.close()


def corruption_trial(
    central: CentralFixture, token: str, data_dir: Path, variant: str, actions: int = 3
) -> CorruptionOutcome:
    first, _ = _sync(data_dir, central.base_url, token)
    if not first.online:
        raise RuntimeError(f"the first sync failed: {first.error}")
    markers = _queue_notes(data_dir, actions)
    cache_file = data_dir / "cache.sqlite3"
    VARIANTS[variant](cache_file)

    cache, outbox = open_cache(data_dir), open_outbox(data_dir)
    rebuilt = cache.needs_resync
    moved_aside = cache.rebuilt_from is not None and cache.rebuilt_from.exists()
    kept = {e.idempotency_key for e in outbox.pending()}
    cache.close()
    outbox.close()
    result, _ = _sync(data_dir, central.base_url, token)

    violations: list[str] = []
    if rebuilt and not moved_aside:
        violations.append("the damaged file was not kept aside")
    if set(markers) - kept:
        violations.append(f"{len(set(markers) - kept)} pending action(s) lost with the cache")
    if not (result.online and result.error is None):
        violations.append(f"the resync failed: {result.error}")
    verdict = integrity(cache_file)
    if verdict != "ok":
        violations.append(f"the rebuilt cache fails integrity_check: {verdict[:200]}")
    cache, outbox = open_cache(data_dir), open_outbox(data_dir)
    try:
        cached = {row.id: row.version for row in cache.load_queue_rows()}
        unsent = [e for e in outbox.all_entries() if e.state is not EntryState.SENT]
    finally:
        cache.close()
        outbox.close()
    converged = cached == central.versions()
    if not converged:
        violations.append("the cache did not converge with the server")
    if unsent:
        violations.append(f"{len(unsent)} action(s) not sent after the resync")
    once = sum(1 for m in markers.values() if central.applications(m) == 1)
    if once != len(markers):
        violations.append(f"{len(markers) - once} action(s) not applied exactly once")
    return CorruptionOutcome(variant, rebuilt, len(kept), len(markers), converged, once, violations)


def run_corruption_trials(
    work: Path, *, reports: int = 600, rounds: int = 1
) -> list[CorruptionOutcome]:
    """Every variant `rounds` times, each on its own workstation folder."""
    central = CentralFixture(work, reports)
    try:
        token = CentralClient(central.base_url).login("operator", "demo").token
        outcomes = []
        for round_number in range(rounds):
            for number, variant in enumerate(VARIANTS):
                data_dir = work / f"ws-{round_number}-{number}"
                outcomes.append(corruption_trial(central, token, data_dir, variant))
        return outcomes
    finally:
        central.close()
