"""Crash safety: a syncing console process killed (SIGKILL) at random points, then restarted.

The harness keeps the reference central API in its own process over a seeded SQLite file and
starts the console's sync as a child process (`python -m reliability.crash_harness child`).
Push trials queue many operator notes first; pull trials throw the cache away first so the
child has a long paged pull to do. The child is killed at a random moment of its run; then
the harness checks what a crash must never break, restarts the sync and checks convergence:

- no outbox action lost (every queued idempotency key is still there, none dropped);
- none applied twice on the server (each note's marker appears in at most one event, and in
  exactly one once the outbox is empty);
- the cache and the outbox pass `PRAGMA integrity_check`;
- the cursor agrees with the stored data (every report the server changed at or below the
  cursor is cached at its server version; nothing cached is newer than the server);
- a further sync converges (cache versions == server versions, nothing pending).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.central.seed import seed_demo
from console.central.server import CentralServer
from console.domain.model import ActionType, Role, utcnow
from console.domain.sla import load_sla
from console.domain.workflow import Context
from console.store import EntryState, open_cache, open_outbox, submit_action
from console.sync import CentralClient, SyncEngine

TOKEN_ENV = "PAHT_CRASH_TOKEN"
CHILD_TIMEOUT = 300.0


@dataclass
class TrialResult:
    number: int
    kind: str
    killed: bool
    phase: str
    queued: int
    violations: list[str] = field(default_factory=list)


@dataclass
class CrashSummary:
    trials: list[TrialResult] = field(default_factory=list)
    actions_queued: int = 0
    actions_applied_once: int = 0
    actions_lost: int = 0
    actions_applied_twice: int = 0

    @property
    def kills(self) -> int:
        return sum(1 for t in self.trials if t.killed)

    @property
    def violations(self) -> list[str]:
        return [f"trial {t.number}: {v}" for t in self.trials for v in t.violations]

    def phases(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for trial in self.trials:
            counts[trial.phase] = counts.get(trial.phase, 0) + 1
        return counts


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "; ".join(str(r[0]) for r in rows)


class CentralFixture:
    """The reference API over a seeded SQLite file, with direct reads for the checks."""

    def __init__(self, work: Path, reports: int) -> None:
        work.mkdir(parents=True, exist_ok=True)
        self.db_path = work / "central.sqlite3"
        seed_demo(f"sqlite:///{self.db_path}", reports)
        self.server = CentralServer(f"sqlite:///{self.db_path}", demo=True, port=0)
        self.base_url = self.server.start()

    def close(self) -> None:
        self.server.close()

    def _rows(self, sql: str, *params: Any) -> list[Any]:
        conn = sqlite3.connect(self.db_path, timeout=30)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def versions(self) -> dict[int, int]:
        return {int(i): int(v) for i, v in self._rows("SELECT id, version FROM reports")}

    def open_versions(self) -> dict[int, int]:
        """Reports still open (a note is allowed on them), with their versions."""
        rows = self._rows(
            "SELECT id, version FROM reports WHERE status NOT IN ('rejected', 'closed')"
        )
        return {int(i): int(v) for i, v in rows}

    def versions_at_or_below(self, seq: int) -> dict[int, int]:
        rows = self._rows("SELECT id, version FROM reports WHERE seq <= ?", seq)
        return {int(i): int(v) for i, v in rows}

    def applications(self, marker: str) -> int:
        pattern = f"%{marker}%"
        return int(self._rows("SELECT count(*) FROM events WHERE payload LIKE ?", pattern)[0][0])


def _child_command(url: str, data_dir: Path, page_size: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "reliability.crash_harness",
        "child",
        url,
        str(data_dir),
        str(page_size),
    ]


def child_main(url: str, data_dir: str, page_size: int) -> int:
    """The console side: open the local store, sync once, say how it went."""
    cache, outbox = open_cache(Path(data_dir)), open_outbox(Path(data_dir))
    client = CentralClient(url, token=os.environ[TOKEN_ENV], backoff=0.05)
    engine = SyncEngine(client, cache, outbox, page_size=page_size)
    print("go", flush=True)
    result = engine.sync_once()
    print(json.dumps({"online": result.online, "error": result.error}), flush=True)
    return 0 if result.online and result.error is None else 2


class CrashHarness:
    def __init__(
        self,
        work: Path,
        *,
        reports: int = 3000,
        page_size: int = 100,
        actions_per_push: int = 24,
        seed: int = 7,
        log: Any = None,
    ) -> None:
        self.work = work
        self.data_dir = work / "workstation"
        self.page_size = page_size
        self.actions_per_push = actions_per_push
        self.random = random.Random(seed)
        self.log = log or (lambda _msg: None)
        self.central = CentralFixture(work, reports)
        self.token = CentralClient(self.central.base_url).login("operator", "demo").token
        self.markers: dict[str, str] = {}  # idempotency key -> marker in the note's text
        self.estimate = {"push": 1.0, "pull": 2.0}
        self.summary = CrashSummary()

    def close(self) -> None:
        self.central.close()

    # -- the child -----------------------------------------------------------------------

    def _spawn(self) -> subprocess.Popen[str]:
        env = {**os.environ, TOKEN_ENV: self.token}
        return subprocess.Popen(
            _child_command(self.central.base_url, self.data_dir, self.page_size),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
        )

    def _wait_go(self, child: subprocess.Popen[str]) -> None:
        assert child.stdout is not None
        line = child.stdout.readline()
        if line.strip() != "go":
            child.wait(CHILD_TIMEOUT)
            raise RuntimeError(
                f"the sync child did not start: {child.stderr and child.stderr.read()}"
            )

    def run_uninterrupted(self) -> tuple[float, str]:
        child = self._spawn()
        self._wait_go(child)
        started = time.monotonic()
        out, err = child.communicate(timeout=CHILD_TIMEOUT)
        elapsed = time.monotonic() - started
        if child.returncode != 0:
            return elapsed, f"restart sync failed ({child.returncode}): {out.strip()} {err[-500:]}"
        return elapsed, ""

    def _run_and_kill(self, kind: str) -> bool:
        child = self._spawn()
        self._wait_go(child)
        time.sleep(self.random.uniform(0.0, self.estimate[kind]))
        killed = child.poll() is None
        if killed:
            os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=CHILD_TIMEOUT)
        return killed

    # -- preparing a trial ---------------------------------------------------------------

    def queue_notes(self, count: int) -> int:
        """Queue `count` operator notes over the open reports, several chained on one report
        when there are few of them, each carrying a marker to count it on the server."""
        cache, outbox = open_cache(self.data_dir), open_outbox(self.data_dir)
        try:
            ctx = Context(utcnow(), load_sla())
            rows = [r for r in cache.load_queue_rows() if r.status not in ("rejected", "closed")]
            self.random.shuffle(rows)
            queued = 0
            while rows and queued < count:
                for row in rows[: count - queued]:
                    marker = f"crash-{uuid.uuid4().hex[:12]}"
                    entry = submit_action(
                        cache,
                        outbox,
                        row.id,
                        ActionType.NOTE,
                        {"text": f"Ghi chú kiểm thử [{marker}]"},
                        actor="operator",
                        role=Role.OPERATOR,
                        ctx=ctx,
                    )
                    self.markers[entry.idempotency_key] = marker
                    queued += 1
            return queued
        finally:
            cache.close()
            outbox.close()

    def drop_cache(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            (self.data_dir / f"cache.sqlite3{suffix}").unlink(missing_ok=True)

    # -- checks --------------------------------------------------------------------------

    def check_after_crash(self) -> tuple[str, list[str]]:
        """What a kill must never break; returns where the kill landed and any violation."""
        problems: list[str] = []
        for name in ("cache.sqlite3", "outbox.sqlite3"):
            verdict = integrity(self.data_dir / name)
            if verdict != "ok":
                problems.append(f"{name} integrity_check: {verdict[:200]}")
        cache, outbox = open_cache(self.data_dir), open_outbox(self.data_dir)
        try:
            if cache.needs_resync:
                problems.append("the cache had to be rebuilt after the kill")
            entries = {e.idempotency_key: e for e in outbox.all_entries()}
            lost = [k for k in self.markers if k not in entries]
            dropped = [k for k, e in entries.items() if e.state is EntryState.DROPPED]
            wrong = [
                k
                for k, e in entries.items()
                if e.state in (EntryState.CONFLICT, EntryState.REFUSED)
            ]
            if lost or dropped:
                problems.append(f"{len(lost) + len(dropped)} outbox action(s) lost")
            if wrong:
                problems.append(f"{len(wrong)} action(s) ended in conflict or refusal")
            twice = [k for k, m in self.markers.items() if self.central.applications(m) > 1]
            if twice:
                problems.append(f"{len(twice)} action(s) applied twice on the server")
            cached = {row.id: row.version for row in cache.load_queue_rows()}
            cursor = cache.cursor()
            pending = len(outbox.pending())
        finally:
            cache.close()
            outbox.close()
        server = self.central.versions()
        below = self.central.versions_at_or_below(int(cursor)) if cursor else {}
        behind = [i for i, v in below.items() if cached.get(i) != v]
        if behind:
            problems.append(f"cursor {cursor}: {len(behind)} report(s) at or below it not stored")
        ahead = [i for i, v in cached.items() if v > server.get(i, 0)]
        if ahead:
            problems.append(f"{len(ahead)} cached report(s) newer than the server")
        if pending:
            phase = "push"
        elif len(cached) < len(server) or len(below) < len(server):
            phase = "pull"
        else:
            phase = "after the work"
        return phase, problems

    def check_converged(self) -> list[str]:
        problems: list[str] = []
        for name in ("cache.sqlite3", "outbox.sqlite3"):
            verdict = integrity(self.data_dir / name)
            if verdict != "ok":
                problems.append(f"after restart, {name} integrity_check: {verdict[:200]}")
        cache, outbox = open_cache(self.data_dir), open_outbox(self.data_dir)
        try:
            cached = {row.id: row.version for row in cache.load_queue_rows()}
            entries = outbox.all_entries()
        finally:
            cache.close()
            outbox.close()
        if cached != self.central.versions():
            problems.append("the cache did not converge with the server after the restart")
        unsent = [e for e in entries if e.state is not EntryState.SENT]
        if unsent:
            problems.append(f"{len(unsent)} action(s) not sent after the restart")
        counts = [self.central.applications(m) for m in self.markers.values()]
        if any(c != 1 for c in counts):
            missing = sum(1 for c in counts if c == 0)
            problems.append(
                f"after the restart: {missing} never applied, {sum(c > 1 for c in counts)} twice"
            )
        return problems

    # -- trials --------------------------------------------------------------------------

    def prepare(self) -> None:
        """A first full sync, uninterrupted, that also measures how long a pull takes."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        elapsed, error = self.run_uninterrupted()
        if error:
            raise RuntimeError(error)
        self.estimate["pull"] = max(0.2, elapsed)

    def trial(self, number: int) -> TrialResult:
        kind = "push" if number % 2 else "pull"
        queued = self.queue_notes(self.actions_per_push if kind == "push" else 3)
        if kind == "pull":
            self.drop_cache()
        killed = self._run_and_kill(kind)
        phase, problems = self.check_after_crash()
        elapsed, error = self.run_uninterrupted()
        if error:
            problems.append(error)
        else:
            self.estimate[kind] = max(0.1, elapsed)
        problems.extend(self.check_converged())
        result = TrialResult(number, kind, killed, phase if killed else "finished first", queued)
        result.violations = problems
        self.summary.trials.append(result)
        self.log(
            f"trial {number:3d} {kind}: killed={killed} in {result.phase}, "
            f"queued {queued}, {problems or 'OK'}"
        )
        return result

    def run(self, trials: int) -> CrashSummary:
        self.prepare()
        for number in range(1, trials + 1):
            self.trial(number)
        counts = [self.central.applications(m) for m in self.markers.values()]
        self.summary.actions_queued = len(self.markers)
        self.summary.actions_applied_once = sum(1 for c in counts if c == 1)
        self.summary.actions_applied_twice = sum(1 for c in counts if c > 1)
        self.summary.actions_lost = sum(1 for c in counts if c == 0)
        return self.summary


def run_crash_trials(work: Path, trials: int, **options: Any) -> CrashSummary:
    harness = CrashHarness(work, **options)
    try:
        return harness.run(trials)
    finally:
        harness.close()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "child":
        raise SystemExit(child_main(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    raise SystemExit("usage: python -m reliability.crash_harness child URL DATA_DIR PAGE_SIZE")
