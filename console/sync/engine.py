"""The sync engine: push the outbox in order, then pull changes after the stored cursor.

Every page is stored in one transaction with its cursor, and every outbox entry stays until
the server's answer is stored, so a run killed or cut off at any point loses nothing and
repeats nothing on the next run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from console.domain.model import Report
from console.domain.wire import InvalidRecord, report_from_json
from console.store.cache import Cache
from console.store.outbox import Outbox, OutboxEntry
from console.store.page_rows import PageRows, page_rows
from console.store.records import event_from_json
from console.sync.client import CentralClient, ChangesPage
from console.sync.errors import (
    ApiError,
    Conflict,
    CursorAhead,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
)
from console.sync.results import Progress, PullResult, PullTally, PushResult, SyncResult
from console.version import needed_by

PAGE_SIZE = 1000


@dataclass
class _PushTally:
    sent: int = 0
    applied: int = 0
    conflicts: int = 0
    refused: int = 0
    failed: int = 0

    def result(self, error: str | None) -> PushResult:
        return PushResult(self.sent, self.applied, self.conflicts, self.refused, self.failed, error)


#: Failures that say nothing about the action itself: it stays queued and the run ends.
UNAVAILABLE = (NetworkError, ServerError, RateLimited)


def _offline_message(error: ApiError) -> str:
    if isinstance(error, RateLimited):
        return f"Máy chủ trung tâm đang quá tải (429), sẽ thử lại sau: {error.message}"
    if isinstance(error, ServerError):
        return f"Máy chủ trung tâm đang lỗi ({error.status}): {error.message}"
    return f"Mất kết nối tới máy chủ trung tâm: {error.message}"


def validate_page(
    items: list[Any],
) -> tuple[list[Report], list[dict[str, Any]], list[tuple[Any, str]]]:
    """Split a page into valid reports (with their wire records) and bad records with reasons."""
    good: list[Report] = []
    raws: list[dict[str, Any]] = []
    bad: list[tuple[Any, str]] = []
    for item in items:
        try:
            good.append(report_from_json(item))
        except InvalidRecord as exc:
            bad.append((item, str(exc)))
        except (TypeError, ValueError, AttributeError) as exc:
            bad.append((item, f"record: {type(exc).__name__}: {exc}"))
        else:
            raws.append(item)
    return good, raws, bad


class SyncEngine:
    def __init__(
        self, client: CentralClient, cache: Cache, outbox: Outbox, *, page_size: int = PAGE_SIZE
    ) -> None:
        self.client = client
        self.cache = cache
        self.outbox = outbox
        self.page_size = page_size
        # Two runs may overlap (the live channel and an operator's F5): each page is stored
        # only if the cursor is still the one it was asked after, and pushes go one at a time.
        self._store_lock = threading.Lock()
        self._push_lock = threading.Lock()
        self._central_checked = False

    # -- pull -----------------------------------------------------------------------------

    def pull(
        self,
        progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
        wait: int = 0,
    ) -> PullResult:
        """Fetch and store every page after the cursor (the first may wait `wait` seconds for
        a change); an ApiError propagates after the pages already stored are kept."""
        tally = PullTally()
        self._pull_into(tally, progress, should_stop, wait)
        return tally.result()

    def _pull_into(
        self,
        tally: PullTally,
        progress: Progress | None,
        should_stop: Callable[[], bool] | None,
        wait: int = 0,
    ) -> None:
        """Pull after the cursor; when the central's database turns out to be another history
        than the cache's (another id, or the cursor is ahead of it), start over from nothing."""
        if should_stop is not None and should_stop():
            return
        after = self.cache.cursor()
        try:
            other = self._pull_pages(tally, after, progress, should_stop, wait)
        except CursorAhead as exc:
            other = exc.database or self.cache.database() or ""
        if other is None:
            return
        with self._store_lock:
            if self.cache.cursor() != after:
                return
            self.cache.start_rebuild(other or None)
        self._pull_pages(tally, None, progress, should_stop)

    def _pull_pages(
        self,
        tally: PullTally,
        after: str | None,
        progress: Progress | None,
        should_stop: Callable[[], bool] | None,
        wait: int = 0,
    ) -> str | None:
        """Store pages in order while the next one is already being fetched: the server's time
        and ours overlap. A page is only ever stored with its own cursor, so a page fetched
        but not stored (stop, failure, another run stored it first) is fetched again next time.
        Returns the database id of a page from another database than the cache's (unstored)."""
        first_fill = after is None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-prefetch") as fetcher:
            pending = fetcher.submit(self._fetch, after, wait)
            while True:
                page, checked = pending.result()
                tally.live = tally.live or page.live
                last = not page.more or not page.items
                if not last:
                    pending = fetcher.submit(self._fetch, page.next)
                with self._store_lock:
                    if self.cache.cursor() != after:
                        return None
                    if not first_fill and _another(page.database, self.cache.database()):
                        return page.database
                    if not first_fill and checked.ids:
                        known = self.cache.known_ids(checked.ids)
                        tally.new_ids.extend(i for i in checked.ids if i not in known)
                    self.cache.store_rows(
                        checked.rows, checked.bad, page.next, database=page.database
                    )
                    if last and self.cache.rebuilding():
                        self.cache.finish_rebuild()
                        tally.rebuilt = True
                after = page.next
                tally.saw(checked.newest)
                tally.pages += 1
                tally.received += len(page.items)
                tally.stored += len(checked.rows)
                tally.quarantined += len(checked.bad)
                if progress is not None:
                    progress(tally.received, None)
                if last or (should_stop is not None and should_stop()):
                    return None

    def _fetch(self, after: str | None, wait: int = 0) -> tuple[ChangesPage, PageRows]:
        """A page and its rows, made on the fetching thread: the driver stores the previous
        page without holding the GIL meanwhile, so checking this one overlaps it."""
        page = self.client.changes(after, self.page_size, wait)
        return page, page_rows(page.items)

    # -- push -----------------------------------------------------------------------------

    def push(self) -> PushResult:
        """Post pending entries oldest first; stop at the first network or server failure so
        later actions never overtake earlier ones. An entry after a conflict or refusal on the
        same report is not sent: it was built on a state that did not happen."""
        with self._push_lock:
            if self.outbox.held is not None:  # the central needs a newer console
                return PushResult()
            return self._push()

    def _push(self) -> PushResult:
        tally = _PushTally()
        blocked: dict[int, dict[str, Any] | None] = {}
        for entry in self.outbox.pending():
            if entry.report_id in blocked:
                self.outbox.mark_conflict(
                    entry.id,
                    blocked[entry.report_id],
                    "Thao tác trước đó trên phản ánh này không được máy chủ chấp nhận; "
                    "cần xem lại trước khi gửi thao tác này.",
                )
                tally.conflicts += 1
                continue
            tally.sent += 1
            try:
                answer = self.client.post_action(
                    entry.report_id,
                    entry.action_type.value,
                    entry.payload,
                    entry.expected_version,
                    entry.idempotency_key,
                )
            except Conflict as exc:
                current = exc.current
                self._store_server_report(current)
                self.outbox.mark_conflict(entry.id, current, exc.message)
                blocked[entry.report_id] = current
                tally.conflicts += 1
            except UNAVAILABLE as exc:
                self.outbox.mark_failed(entry.id, exc.message)
                tally.failed += 1
                return tally.result(_offline_message(exc))
            except Unauthorized:
                raise
            except ApiError as exc:
                self.outbox.mark_refused(entry.id, exc.status, exc.code, exc.message)
                blocked[entry.report_id] = None
                tally.refused += 1
            else:
                self._accept_answer(entry, answer)
                tally.applied += 1
        return tally.result(None)

    def _accept_answer(self, entry: OutboxEntry, answer: dict[str, Any]) -> None:
        """Store the server's report first, then mark the entry: if the run dies between the
        two, the entry is pushed again and its idempotency key replays the same answer."""
        self._store_server_report(answer)
        self.outbox.mark_sent_ok(entry.id, answer)

    def _store_server_report(self, data: dict[str, Any] | None) -> Report | None:
        if data is None:
            return None
        good, raws, bad = validate_page([data])
        if bad:
            self.cache.upsert_page([], bad, None)
            return None
        self.cache.upsert_page(good, [], None, raw_good=raws)
        return good[0]

    # -- one run --------------------------------------------------------------------------

    def sync_once(
        self,
        progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
        wait: int = 0,
    ) -> SyncResult:
        """Push, then pull (its first page may wait `wait` seconds for a change). A network or
        server failure ends the run offline; whatever was stored before it stays stored."""
        tally = PullTally()
        try:
            if not self._central_checked:
                self.check_central()
            pushed = self.push()
        except UNAVAILABLE as exc:
            return SyncResult(tally.result(), PushResult(), False, _offline_message(exc))
        except Unauthorized as exc:
            return SyncResult(tally.result(), PushResult(), True, _session_message(exc))
        if pushed.error is not None:
            self._central_checked = False  # back online, it may run a newer release
            return SyncResult(tally.result(), pushed, False, pushed.error)
        try:
            self._pull_into(tally, progress, should_stop, wait)
        except UNAVAILABLE as exc:
            self._central_checked = False
            return SyncResult(tally.result(), pushed, False, _offline_message(exc))
        except Unauthorized as exc:
            return SyncResult(tally.result(), pushed, True, _session_message(exc))
        except ApiError as exc:
            return SyncResult(tally.result(), pushed, True, f"Đồng bộ bị từ chối: {exc.message}")
        return SyncResult(tally.result(), pushed, True, None)

    def check_central(self) -> None:
        """Which console the central needs (an older one holds its outbox, keeps reading)."""
        try:
            health = self.client.health()
        except UNAVAILABLE:
            raise
        except ApiError:  # a central without /health names no minimum
            health = {}
        self.outbox.hold(needed_by(health))
        self._central_checked = True

    def refresh_reference(self) -> dict[str, Any]:
        """Store the server's reference data (categories, units, wards, SLA...) in the cache."""
        data = self.client.reference()
        self.cache.set_reference(data)
        return data

    def refresh_report(self, report_id: int) -> Report | None:
        """Fetch one report with its history into the cache (for the detail view)."""
        try:
            data = self.client.report(report_id)
        except NotFound:
            return None
        history = data.pop("history", None)
        report = self._store_server_report(data)
        if report is not None and isinstance(history, list):
            events = []
            for item in history:
                try:
                    events.append(event_from_json(item))
                except InvalidRecord as exc:
                    self.cache.upsert_page([], [(item, f"history: {exc}")], None)
            self.cache.store_history(report_id, events)
        return report


def _another(served: str | None, known: str | None) -> bool:
    """The page names a database, and not the one the cache follows (if it knows one)."""
    return served is not None and known is not None and served != known


def _session_message(error: ApiError) -> str:
    return f"Phiên đăng nhập hết hạn hoặc không hợp lệ, cần đăng nhập lại: {error.message}"
