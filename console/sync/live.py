"""Holding the live channel: push the outbox, pull with a wait, apply, report, again.

The central API holds a waiting `/changes` request until something newer than the cursor
exists (the answer carries `X-Paht-Wait`). A server without that header lacks the channel:
the feed then polls every `interval_s`, and every poll asks again whether it can wait. A
request cut during its wait (a proxy closing idle connections) is asked again at once with
half the wait (not below `min_wait_s`); a server that does not answer is asked again after
1, 2, 4 ... `max_backoff_s` seconds. `stop()` ends the loop at once, even mid-wait.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from console.sync.engine import SyncEngine
from console.sync.results import SyncResult

DEFAULT_WAIT_S = 25
MIN_WAIT_S = 5
MAX_BACKOFF_S = 30.0


@dataclass(frozen=True, slots=True)
class LiveBatch:
    """One round of the feed: what it stored, the reports new to the cache, whether the
    channel is held (else the feed polls) and when the newest change it saw happened."""

    result: SyncResult
    new_ids: tuple[int, ...]
    live: bool
    last_change_at: datetime | None


class LiveFeed:
    def __init__(
        self,
        engine: SyncEngine,
        on_batch: Callable[[LiveBatch], None],
        *,
        interval_s: float,
        wait_s: int = DEFAULT_WAIT_S,
        min_wait_s: int = MIN_WAIT_S,
        max_backoff_s: float = MAX_BACKOFF_S,
    ) -> None:
        self.engine = engine
        self.on_batch = on_batch
        self.interval_s = interval_s
        self.wait_s = wait_s
        self.min_wait_s = min_wait_s
        self.max_backoff_s = max_backoff_s
        self.live = False
        self._stop = threading.Event()
        self._done = threading.Event()
        self._done.set()
        self._failures = 0
        self._last_change_at: datetime | None = None

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def stop(self, timeout: float = 2.0) -> bool:
        """Ends `run` promptly (call it from another thread): the request waiting on the
        server is cut, again until `run` has returned, in case one was just being sent.
        True when `run` ended within `timeout`."""
        self._stop.set()
        deadline = time.monotonic() + timeout
        while True:
            self.engine.client.hang_up()
            if self._done.wait(0.05) or time.monotonic() > deadline:
                return self._done.is_set()

    def run(self) -> None:
        self._done.clear()
        try:
            while not self._stop.is_set():
                self._stop.wait(self.round())
        finally:
            self._done.set()

    def round(self) -> float:
        """One push and pull; returns how long to pause before the next."""
        result = self.engine.sync_once(should_stop=self._stop.is_set, wait=self.wait_s)
        if self._stop.is_set():
            return 0.0
        pull = result.pull
        if pull.last_change_at is not None:
            self._last_change_at = pull.last_change_at
        pause = self._after(result)
        self.on_batch(LiveBatch(result, pull.new_ids, self.live, self._last_change_at))
        return pause

    def _after(self, result: SyncResult) -> float:
        """The channel's state after a round, and the pause before the next."""
        if result.error is None:
            self._failures = 0
            self.live = result.pull.live
            return 0.0 if self.live else self.interval_s
        self._failures += 1
        if self.live and self._failures == 1:
            # Cut during the wait: maybe a proxy's idle timeout; ask again now, waiting less.
            self.wait_s = max(self.min_wait_s, self.wait_s // 2)
            return 0.0
        self.live = False
        return min(self.max_backoff_s, 2.0 ** (self._failures - 1))
