"""Network faults between the console's sync and the central API, through the fault proxy.

For each fault the workstation has operator notes waiting and the server has changes to
send. A sync under the persistent fault must end offline (or degraded) without an exception,
keep every action, and try exactly as often as the client documents: GETs and idempotent
POSTs are retried `retries` times on resets, timeouts, truncated bodies, 429 (after its
Retry-After), 502, 503 and 504; a 500, malformed JSON, a wrong content type or an oversized
body are not asked again. A fault that clears within the retries does not even end the sync
offline. Once the fault stops, one sync converges: every action applied exactly once, the
cache equal to the server.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.domain.model import ActionType, Role, utcnow
from console.domain.sla import load_sla
from console.domain.workflow import Context
from console.store import EntryState, open_cache, open_outbox, submit_action
from console.sync import CentralClient, SyncEngine
from reliability.crash_harness import CentralFixture
from reliability.fault_proxy import Fault, FaultKind, FaultProxy

RETRIES = 3
BACKOFF = 0.5
#: The client under test: a short read timeout so a held answer becomes a timeout quickly.
TIMEOUT = (2.0, 1.0)


@dataclass(frozen=True, slots=True)
class FaultCase:
    name: str
    fault: Fault
    retried: bool
    #: The answer gets through in the end (a delay within the timeout).
    survivable: bool = False


CASES: list[FaultCase] = [
    FaultCase("delay 0.3 s", Fault(FaultKind.DELAY, delay_s=0.3), retried=False, survivable=True),
    FaultCase("delay beyond the read timeout", Fault(FaultKind.DELAY, delay_s=1.6), retried=True),
    FaultCase("connection reset", Fault(FaultKind.RESET), retried=True),
    FaultCase("HTTP 500", Fault(FaultKind.STATUS, status=500), retried=False),
    FaultCase("HTTP 502", Fault(FaultKind.STATUS, status=502), retried=True),
    FaultCase("HTTP 503", Fault(FaultKind.STATUS, status=503), retried=True),
    FaultCase(
        "HTTP 429 Retry-After: 7", Fault(FaultKind.RATE_LIMIT, retry_after="7"), retried=True
    ),
    FaultCase("truncated body", Fault(FaultKind.TRUNCATE), retried=True),
    FaultCase("malformed JSON", Fault(FaultKind.BAD_JSON), retried=False),
    FaultCase("wrong content type (HTML)", Fault(FaultKind.WRONG_TYPE), retried=False),
    FaultCase("oversized body (65 MiB streamed)", Fault(FaultKind.OVERSIZE), retried=False),
    FaultCase("oversized Content-Length", Fault(FaultKind.OVERSIZE_DECLARED), retried=False),
]


@dataclass
class FaultOutcome:
    case: str
    injected: int
    attempts: int
    expected_attempts: int
    waits: list[float]
    online_under_fault: bool
    error_under_fault: str | None
    transient_recovered: bool | None
    converged: bool
    actions: int
    lost: int
    applied_twice: int
    violations: list[str] = field(default_factory=list)


class Workstation:
    """A console's store and sync engine whose client talks through the proxy and records
    every wait it would sleep instead of sleeping it."""

    def __init__(self, data_dir: Path, proxy_url: str, token: str) -> None:
        self.waits: list[float] = []
        self.client = CentralClient(
            proxy_url,
            token=token,
            timeout=TIMEOUT,
            retries=RETRIES,
            backoff=BACKOFF,
            sleep=self.waits.append,
        )
        self.cache, self.outbox = open_cache(data_dir), open_outbox(data_dir)
        self.engine = SyncEngine(self.client, self.cache, self.outbox, page_size=200)

    def close(self) -> None:
        self.client.close()
        self.cache.close()
        self.outbox.close()

    def queue_notes(self, count: int) -> dict[str, str]:
        ctx = Context(utcnow(), load_sla())
        rows = [r for r in self.cache.load_queue_rows() if r.status not in ("rejected", "closed")]
        markers = {}
        for row in (rows * count)[:count]:
            marker = f"net-{uuid.uuid4().hex[:12]}"
            entry = submit_action(
                self.cache,
                self.outbox,
                row.id,
                ActionType.NOTE,
                {"text": f"Ghi chú qua mạng lỗi [{marker}]"},
                actor="operator",
                role=Role.OPERATOR,
                ctx=ctx,
            )
            markers[entry.idempotency_key] = marker
        return markers


def _expected_attempts(case: FaultCase) -> int:
    return 1 + RETRIES if case.retried else 1


def _expected_waits(case: FaultCase) -> list[float]:
    if not case.retried:
        return []
    if case.fault.kind is FaultKind.RATE_LIMIT:
        return [float(case.fault.retry_after)] * RETRIES
    return [BACKOFF * 2**n for n in range(RETRIES)]


def _server_changes(
    central: CentralFixture, supervisor: CentralClient, count: int, spare: set[int]
) -> None:
    """Someone else works on the server meanwhile (on other reports than the workstation's
    queued ones), so the console has changes to pull."""
    done = 0
    for report_id, version in sorted(central.open_versions().items()):
        if done >= count:
            return
        if report_id in spare:
            continue
        supervisor.post_action(
            report_id, "note", {"text": "Giám sát viên ghi chú"}, version, uuid.uuid4().hex
        )
        done += 1


def fault_trial(
    central: CentralFixture,
    token: str,
    supervisor: CentralClient,
    data_dir: Path,
    case: FaultCase,
    actions: int = 3,
) -> FaultOutcome:
    violations: list[str] = []
    with FaultProxy(central.base_url) as proxy:
        ws = Workstation(data_dir, proxy.url, token)
        try:
            ws.engine.pull()
            markers = ws.queue_notes(actions)
            spare = {e.report_id for e in ws.outbox.all_entries()}
            _server_changes(central, supervisor, 5, spare)
            proxy.set_fault(case.fault)
            ws.waits.clear()
            start = len(proxy.stats.log)
            under = _guarded(ws.engine.sync_once, violations)
            injected = proxy.stats.injected
            seen = proxy.stats.log[start:]
            first_path = seen[0][1] if seen else ""
            attempts = sum(1 for _m, path, _o in seen if path == first_path)
            waits = list(ws.waits)
            online, error = (under.online, under.error) if under is not None else (False, None)
            if not case.survivable and (online and error is None):
                violations.append("the sync under the fault reported a healthy state")
            if case.survivable and not (online and error is None):
                violations.append(f"a survivable fault ended the sync: {error}")
            if not case.survivable:
                if attempts != _expected_attempts(case):
                    violations.append(
                        f"{attempts} attempt(s) on {first_path}, documented "
                        f"{_expected_attempts(case)}"
                    )
                if waits != _expected_waits(case):
                    violations.append(f"waits {waits}, documented {_expected_waits(case)}")
            kept = {e.idempotency_key for e in ws.outbox.all_entries()}
            lost = len(set(markers) - kept)
            if lost:
                violations.append(f"{lost} action(s) lost under the fault")

            transient: bool | None = None
            if case.retried:
                _server_changes(central, supervisor, 2, spare)
                proxy.set_fault(_transient(case.fault))
                again = _guarded(ws.engine.sync_once, violations)
                transient = again is not None and again.online and again.error is None
                if not transient:
                    violations.append("a fault shorter than the retries still ended the sync")

            proxy.clear()
            final = _guarded(ws.engine.sync_once, violations)
            cached = {row.id: row.version for row in ws.cache.load_queue_rows()}
            converged = (
                final is not None
                and final.online
                and final.error is None
                and cached == central.versions()
                and all(e.state is EntryState.SENT for e in ws.outbox.all_entries())
            )
            if not converged:
                violations.append("no convergence once the fault stopped")
        finally:
            ws.close()
    counts = [central.applications(m) for m in markers.values()]
    twice = sum(1 for c in counts if c > 1)
    if twice:
        violations.append(f"{twice} action(s) applied twice")
    return FaultOutcome(
        case=case.name,
        injected=injected,
        attempts=attempts,
        expected_attempts=_expected_attempts(case),
        waits=waits,
        online_under_fault=online,
        error_under_fault=error,
        transient_recovered=transient,
        converged=converged,
        actions=len(markers),
        lost=lost + sum(1 for c in counts if c == 0),
        applied_twice=twice,
        violations=violations,
    )


def _transient(fault: Fault) -> Fault:
    """The same fault for fewer requests than the client retries."""
    return Fault(
        fault.kind,
        status=fault.status,
        delay_s=fault.delay_s,
        retry_after=fault.retry_after,
        times=RETRIES - 1,
        path_prefix=fault.path_prefix,
        methods=fault.methods,
    )


def _guarded(run: Any, violations: list[str]) -> Any:
    """A sync that raises is a crash the operator would see: record it, keep going."""
    try:
        return run()
    except Exception as exc:
        violations.append(f"the sync raised {type(exc).__name__}: {exc}")
        return None


def run_fault_trials(
    work: Path, *, reports: int = 600, cases: list[FaultCase] | None = None, rounds: int = 1
) -> list[FaultOutcome]:
    central = CentralFixture(work, reports)
    try:
        token = CentralClient(central.base_url).login("operator", "demo").token
        supervisor = CentralClient(central.base_url)
        supervisor.login("supervisor", "demo")
        outcomes = []
        for round_number in range(rounds):
            for number, case in enumerate(cases or CASES):
                data_dir = work / f"ws-{round_number}-{number}"
                outcomes.append(fault_trial(central, token, supervisor, data_dir, case))
        supervisor.close()
        return outcomes
    finally:
        central.close()
