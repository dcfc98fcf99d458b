"""Syncing the cache from another city's Open311 backend: read-only, paged by `updated_after`.

The cursor is the newest `updated_datetime` seen and the ids seen at that very instant, so a
request updated in the same second as the last one stored is neither lost nor counted twice.
Pages are stored as they come, the cursor only when a run has read to the end (a server may
order by creation, not update): a run cut short asks again from the old cursor, repeats
nothing in the cache (upserts) and loses nothing. Actions are refused, never dropped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from console.domain.model import Report, format_time, parse_time
from console.store.cache import Cache
from console.store.outbox import Outbox
from console.sync.engine import validate_page
from console.sync.errors import ApiError, NetworkError, RateLimited, ServerError
from console.sync.open311.client import Open311Client
from console.sync.open311.ids import Open311Memory
from console.sync.open311.mapping import (
    BadRequestRecord,
    open311_time,
    original_id,
    reference_from_services,
    to_wire,
)
from console.sync.results import Progress, PullResult, PullTally, PushResult, SyncResult

PAGE_SIZE = 100
#: The first run asks from here: without a date the spec lets a server answer 90 days only.
FIRST_AFTER = "2000-01-01T00:00:00Z"
#: A server that ignores `page` and never runs dry is stopped here.
MAX_PAGES = 1000
READ_ONLY = (
    "Máy chủ Open311 chỉ cho đọc: thao tác này không gửi được tới hệ thống của đơn vị khác; "
    "hãy xử lý trực tiếp trên hệ thống đó."
)
UNAVAILABLE = (NetworkError, ServerError, RateLimited)


@dataclass(frozen=True)
class Cursor:
    after: datetime | None = None
    ids: frozenset[str] = frozenset()

    @classmethod
    def load(cls, raw: str | None) -> Cursor:
        try:
            data = json.loads(raw or "")
            return cls(parse_time(data["after"]), frozenset(str(i) for i in data["ids"]))
        except (ValueError, TypeError, KeyError):
            return cls()

    def dump(self) -> str:
        after = self.after.isoformat() if self.after else None
        return json.dumps({"after": after, "ids": sorted(self.ids)})

    def knows(self, updated: datetime | None, original: str) -> bool:
        if self.after is None or updated is None:
            return False
        return updated < self.after or (updated == self.after and original in self.ids)

    def advanced(self, updated: datetime, original: str) -> Cursor:
        if self.after is None or updated > self.after:
            return Cursor(updated, frozenset({original}))
        if updated == self.after:
            return Cursor(updated, self.ids | {original})
        return self


@dataclass
class _Run(PullTally):
    """A pull's tally, and the requests already taken in this run (pages overlap)."""

    seen: set[str] = field(default_factory=set)

    def ended(self, cursor: Cursor, rebuilt: bool = False) -> PullResult:
        self.last_change_at, self.rebuilt = cursor.after, rebuilt
        return self.result()


class Open311Engine:
    """The SyncEngine's interface (sync_once, push, refresh_reference, check_central,
    refresh_report) over a GeoReport v2 server."""

    def __init__(
        self,
        client: Open311Client,
        cache: Cache,
        outbox: Outbox,
        *,
        memory: Open311Memory | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.client = client
        self.cache = cache
        self.outbox = outbox
        self.page_size = page_size
        self.memory = memory or Open311Memory(cache.path.parent)
        self.database = f"open311:{client.base_url}"
        known = self.memory.fact(f"format:{client.base_url}")
        if known:
            client.fmt = known
        client.on_format = lambda fmt: self.memory.set_fact(f"format:{client.base_url}", fmt)
        self._reference_read = False

    @classmethod
    def for_server(
        cls,
        url: str,
        cache: Cache,
        outbox: Outbox,
        *,
        ca_bundle: str | None = None,
        insecure_http: bool = False,
        page_size: int = PAGE_SIZE,
    ) -> Open311Engine:
        """No sign-in: Open311 reads are public (an api_key is only for creating requests)."""
        client = Open311Client(url, ca_bundle=ca_bundle, insecure_http=insecure_http)
        return cls(client, cache, outbox, page_size=page_size)

    # -- pull -----------------------------------------------------------------------------

    def pull(
        self, progress: Progress | None = None, should_stop: Callable[[], bool] | None = None
    ) -> PullResult:
        """Every request updated since the cursor, page by page, until a page brings nothing
        new; an ApiError propagates after the pages already stored are kept."""
        if self.cache.database() not in (None, self.database):
            self.cache.start_rebuild(self.database)
        cursor = Cursor.load(self.cache.cursor())
        run = _Run()
        newest = cursor
        after = format_time(cursor.after) if cursor.after is not None else FIRST_AFTER
        params: dict[str, Any] = {"page_size": self.page_size, "updated_after": after}
        for page in range(1, MAX_PAGES + 1):
            records = self.client.requests({**params, "page": page})
            run.pages += 1
            run.received += len(records)
            fresh = [item for item in records if self._fresh(item, cursor, run)]
            if not fresh:
                break
            for report, original in self._store(fresh, run, first_fill=cursor.after is None):
                newest = newest.advanced(report.updated_at, original)
            if progress is not None:
                progress(run.received, None)
            if should_stop is not None and should_stop():
                return run.ended(newest)
        self.cache.store_rows([], [], newest.dump(), database=self.database)
        rebuilt = self.cache.rebuilding()
        if rebuilt:
            self.cache.finish_rebuild()
        return run.ended(newest, rebuilt)

    def _fresh(self, item: Any, cursor: Cursor, run: _Run) -> bool:
        """Not seen in this run, and not already stored by an earlier one."""
        key, updated = _key_and_time(item)
        if key in run.seen or cursor.knows(updated, key):
            return False
        run.seen.add(key)
        return True

    def _store(
        self, records: list[Any], run: _Run, *, first_fill: bool
    ) -> list[tuple[Report, str]]:
        """Map, validate as the sync engine does, store; what fails is quarantined with the
        server's own record and the reason."""
        wires: list[dict[str, Any]] = []
        originals: dict[int, Any] = {}
        bad: list[tuple[Any, str]] = []
        for record in records:
            try:
                wire = to_wire(record, self.memory.number)
            except BadRequestRecord as exc:
                bad.append((record, f"open311: {exc}"))
                continue
            wires.append(wire)
            originals[id(wire)] = record
        good, raws, invalid = validate_page(wires)
        bad.extend((originals[id(wire)], f"open311: {why}") for wire, why in invalid)
        if not first_fill and good:
            known = self.cache.known_ids([r.id for r in good])
            run.new_ids.extend(r.id for r in good if r.id not in known)
        self.cache.upsert_page(good, bad, None, raw_good=raws, database=self.database)
        run.stored += len(good)
        run.quarantined += len(bad)
        return [
            (report, original_id(originals[id(raw)]))
            for report, raw in zip(good, raws, strict=True)
        ]

    # -- push -----------------------------------------------------------------------------

    def push(self) -> PushResult:
        """Every pending action is refused and kept as refused, with the reason."""
        refused = 0
        for entry in self.outbox.pending():
            self.outbox.mark_refused(entry.id, 0, "open311_read_only", READ_ONLY)
            refused += 1
        return PushResult(refused=refused)

    # -- one run --------------------------------------------------------------------------

    def sync_once(
        self,
        progress: Progress | None = None,
        should_stop: Callable[[], bool] | None = None,
        wait: int = 0,
    ) -> SyncResult:
        """Refuse the outbox, read the services once per engine, then pull. `wait` is
        ignored: Open311 has no live channel, the caller polls."""
        pushed = self.push()
        try:
            if not self._reference_read:
                self.check_central()
                self.refresh_reference()
            pulled = self.pull(progress, should_stop)
        except UNAVAILABLE as exc:
            return SyncResult(PullResult(), pushed, False, _offline(exc))
        except ApiError as exc:
            return SyncResult(
                PullResult(), pushed, True, f"Đồng bộ Open311 bị từ chối: {exc.message}"
            )
        return SyncResult(pulled, pushed, True, None)

    def check_central(self) -> None:
        """Read the optional discovery: a server that lists formats without JSON is asked in
        XML from the start."""
        found = self.client.discovery()
        formats = json.dumps(found.get("endpoints") if found else None).lower()
        if found and "xml" in formats and "json" not in formats:
            self.client.fmt = "xml"

    def refresh_reference(self) -> dict[str, Any]:
        """The server's services as the cache's categories (one unit: the server's host)."""
        agency = urlsplit(self.client.base_url).hostname or "Open311"
        data = reference_from_services(self.client.services(), f"Open311 {agency}")
        self.cache.set_reference(data)
        self._reference_read = True
        return data

    def refresh_report(self, report_id: int) -> Report | None:
        """One request again, by the server's own id (kept as the report's code)."""
        cached = self.cache.get_report(report_id)
        if cached is None:
            return None
        mine = [r for r in self.client.request(cached.code) if _key_and_time(r)[0] == cached.code]
        if not mine:
            return None
        stored = self._store(mine[:1], _Run(), first_fill=True)
        return stored[0][0] if stored else None


def _key_and_time(item: Any) -> tuple[str, datetime | None]:
    """The server's id (the record itself when it has none) and its update time, if any."""
    try:
        key = original_id(item)
    except (BadRequestRecord, AttributeError):
        return json.dumps(item, sort_keys=True, default=str), None
    try:
        updated = parse_time(
            open311_time(item.get("updated_datetime") or item.get("requested_datetime"))
        )
    except ValueError:
        updated = None
    return key, updated


def _offline(error: ApiError) -> str:
    if isinstance(error, RateLimited):
        return f"Máy chủ Open311 đang quá tải (429), sẽ thử lại sau: {error.message}"
    if isinstance(error, ServerError):
        return f"Máy chủ Open311 đang lỗi ({error.status}): {error.message}"
    return f"Mất kết nối tới máy chủ Open311: {error.message}"
