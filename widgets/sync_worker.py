"""Background sync with the central API: at start, then live or every few seconds, and when
asked (F5, an action queued).

One-off syncs run on their own single worker thread, so the GUI thread never waits on the
network and two of them never overlap. With `live`, a second thread holds the live channel
(console.sync.live.LiveFeed: it polls by itself against a server without it); an operator's
sync does not wait behind its long-poll, the engine keeps the two from storing a page twice.
Every outcome (with fresh cache and outbox counts, read off the GUI thread) comes back as one
signal; the window decides what the operator sees.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.model import utcnow
from console.store.queue_memory import bulk_allocation
from widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from console.sync.live import LiveBatch, LiveFeed


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
    #: The central's database was restored or replaced: the cache was filled again from it.
    rebuilt: bool = False

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
    # `live` here says the server offers the channel (it answered the wait header).
    return outcome_of(result, cache, outbox, live=bool(getattr(result.pull, "live", False)))


def outcome_of(
    result: Any,
    cache: Any,
    outbox: Any,
    *,
    live: bool = False,
    last_change_at: datetime | None = None,
) -> SyncOutcome:
    """A sync result with the counts the status bar shows (reads the store: off the GUI)."""
    counts = cache.counts()
    box = outbox.counts()
    pull = result.pull
    return SyncOutcome(
        online=bool(result.online),
        error=result.error,
        finished_at=utcnow(),
        received=_count(pull, "received"),
        stored=_count(pull, "stored"),
        quarantined_now=_count(pull, "quarantined"),
        reports=_count(counts, "reports"),
        quarantined=_count(counts, "quarantined"),
        pending=_count(box, "queued") + _count(box, "failed"),
        conflicts=_count(box, "conflicts") + _count(box, "refused"),
        new_ids=tuple(getattr(pull, "new_ids", ())),
        live=live,
        last_change_at=last_change_at or getattr(pull, "last_change_at", None),
        rebuilt=bool(getattr(pull, "rebuilt", False)),
    )


class SyncController(QObject):
    """Owns the sync threads and the timer; `stop()` leaves nothing running. With `live` the
    channel is held after the first sync instead of the periodic timer."""

    #: manual: the operator asked for this sync.
    started = Signal(bool)
    progressed = Signal(int, object)
    #: (SyncOutcome, manual)
    finished = Signal(object, bool)
    #: A live batch's SyncOutcome, from the channel's thread.
    _arrived = Signal(object)

    def __init__(
        self,
        engine: Any,
        cache: Any,
        outbox: Any,
        interval_s: int,
        parent: QObject | None = None,
        *,
        live: bool = False,
    ) -> None:
        super().__init__(parent)
        self._interval_s = interval_s
        self._live_wanted = live
        self._feed: LiveFeed | None = None
        self._feed_thread: threading.Thread | None = None
        self._again = False
        self._last_change_at: datetime | None = None
        self._arrived.connect(self._on_arrived)
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
        """A one-off sync runs (the live channel's thread is not counted)."""
        return self._running

    @property
    def live(self) -> bool:
        """The live channel is held: changes arrive as they happen."""
        return self._feed is not None and self._feed.live

    def start(self) -> None:
        """The first sync now, then the live channel or one sync every interval."""
        if not self._live_wanted:
            self.timer.start()
        self.sync_now(manual=False)

    def push_now(self) -> None:
        """An action was queued: send it at once, after the running sync if there is one."""
        if not self.sync_now(manual=False) and self._running:
            self._again = True

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
        if self._feed is not None and self._feed_thread is not None:
            self._feed.stop()
            self._feed_thread.join(msecs / 1000)
        finished = self._runner.shutdown(msecs)
        self._running = False
        return finished

    def _start_feed(self) -> None:
        from console.sync.live import LiveFeed

        feed = LiveFeed(self._engine, self._batch_done, interval_s=self._interval_s)
        self._feed = feed
        self._feed_thread = threading.Thread(target=feed.run, name="sync-live", daemon=True)
        self._feed_thread.start()

    def _batch_done(self, batch: LiveBatch) -> None:
        """On the channel's thread: the counts are read here, not on the GUI thread."""
        outcome = outcome_of(
            batch.result,
            self._cache,
            self._outbox,
            live=batch.live,
            last_change_at=batch.last_change_at,
        )
        self._arrived.emit(outcome)

    def _on_arrived(self, outcome: SyncOutcome) -> None:
        if self._stop.is_set():
            return
        self._remember(outcome)
        self.finished.emit(outcome, False)

    def _remember(self, outcome: SyncOutcome) -> None:
        if outcome.last_change_at is not None:
            self._last_change_at = outcome.last_change_at
        self.last_outcome = outcome

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
        # The channel is held, or is taken right after this sync from a server that offers it.
        live = self.live or (self._live_wanted and outcome.live and outcome.ok)
        outcome = replace(
            outcome, live=live, last_change_at=outcome.last_change_at or self._last_change_at
        )
        self._remember(outcome)
        self.finished.emit(outcome, manual)
        if self._stop.is_set():
            return
        if self._live_wanted and self._feed is None:
            self._start_feed()
        if self._again:
            self._again = False
            self.sync_now(manual=False)


def _still_online(exc: BaseException) -> bool:
    """An HTTP error answer means the server is reachable; status 0 means it is not."""
    status = getattr(exc, "status", 0)
    return isinstance(status, int) and status > 0
