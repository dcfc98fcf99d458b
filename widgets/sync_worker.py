"""Background sync with the central API: at start, every few seconds, and when asked (F5).

Sync runs on its own single worker thread, so the GUI thread never waits on the network and
two syncs never overlap. The outcome (with fresh cache and outbox counts, read on the worker
too) comes back as one signal; the window decides what the operator sees.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.model import utcnow
from console.store.queue_memory import bulk_allocation
from widgets.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    online: bool
    error: str | None
    finished_at: datetime
    received: int = 0
    stored: int = 0
    quarantined_now: int = 0
    reports: int = 0
    quarantined: int = 0
    pending: int = 0
    conflicts: int = 0
    #: Reports first seen in this batch (the queue highlights them, the map pulses them).
    new_ids: tuple[int, ...] = ()
    #: The live channel is held: changes arrive as they happen, not at the next interval.
    live: bool = False
    #: When the newest change in the cache happened on the server (UTC), if known.
    last_change_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.online and self.error is None


def _count(obj: Any, name: str) -> int:
    value = getattr(obj, name, 0) if obj is not None else 0
    return int(value or 0)


def run_sync(
    engine: Any,
    cache: Any,
    outbox: Any,
    should_stop: Callable[[], bool],
    refresh_reference: bool,
    progress: Callable[[int, int | None], None],
) -> SyncOutcome:
    """One sync (push, then pull) and the counts the status bar shows; runs on the worker."""
    if refresh_reference:
        # Without the server's reference data the shipped one still works.
        with contextlib.suppress(Exception):
            engine.refresh_reference()
    # Thousands of short-lived objects per page: no collection stops the GUI thread meanwhile.
    with bulk_allocation(freeze=False):
        result = engine.sync_once(progress=progress, should_stop=should_stop)
    counts = cache.counts()
    box = outbox.counts()
    return SyncOutcome(
        online=bool(result.online),
        error=result.error,
        finished_at=utcnow(),
        received=_count(result.pull, "received"),
        stored=_count(result.pull, "stored"),
        quarantined_now=_count(result.pull, "quarantined"),
        reports=_count(counts, "reports"),
        quarantined=_count(counts, "quarantined"),
        pending=_count(box, "queued") + _count(box, "failed"),
        conflicts=_count(box, "conflicts") + _count(box, "refused"),
    )


class SyncController(QObject):
    """Owns the sync thread and its timer; `stop()` leaves nothing running."""

    #: manual: the operator asked for this sync.
    started = Signal(bool)
    progressed = Signal(int, object)
    #: (SyncOutcome, manual)
    finished = Signal(object, bool)

    def __init__(
        self, engine: Any, cache: Any, outbox: Any, interval_s: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._cache = cache
        self._outbox = outbox
        self._runner = TaskRunner(self, max_threads=1)
        self._stop = threading.Event()
        self._running = False
        self._manual = False
        self._reference_fresh = False
        self.last_outcome: SyncOutcome | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(1, interval_s) * 1000)
        self.timer.timeout.connect(self._on_timer)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """The first sync now, then one every interval."""
        self.timer.start()
        self.sync_now(manual=False)

    def sync_now(self, *, manual: bool = True) -> bool:
        """Starts a sync; when one runs already, the operator's request is merged into it."""
        if self._stop.is_set():
            return False
        if self._running:
            self._manual = self._manual or manual
            return False
        self._running = True
        self._manual = manual
        refresh = not self._reference_fresh
        self.started.emit(manual)
        self._runner.run(
            run_sync,
            self._engine,
            self._cache,
            self._outbox,
            self._stop.is_set,
            refresh,
            on_done=self._on_done,
            on_error=self._on_error,
            on_progress=self.progressed.emit,
        )
        return True

    def stop(self, msecs: int = 30_000) -> bool:
        self.timer.stop()
        self._stop.set()
        finished = self._runner.shutdown(msecs)
        self._running = False
        return finished

    def _on_timer(self) -> None:
        if not self._running:
            self.sync_now(manual=False)

    def _on_done(self, outcome: SyncOutcome) -> None:
        if outcome.online:
            self._reference_fresh = True
        self._finish(outcome)

    def _on_error(self, exc: BaseException) -> None:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        self._finish(SyncOutcome(online=_still_online(exc), error=message, finished_at=utcnow()))

    def _finish(self, outcome: SyncOutcome) -> None:
        manual = self._manual
        self._running = False
        self._manual = False
        self.last_outcome = outcome
        self.finished.emit(outcome, manual)


def _still_online(exc: BaseException) -> bool:
    """An HTTP error answer means the server is reachable; status 0 means it is not."""
    status = getattr(exc, "status", 0)
    return isinstance(status, int) and status > 0
