"""A per-process memory of bearer tokens, so a request's caller costs no database round trip.

Deactivated accounts must lose their tokens at once on every server process: in the process
that made the change before it answers, in the others as soon as PostgreSQL's notification
reaches them (milliseconds; it is not ordered with the requests they serve). Each write that
changes what a token means calls `tokens_changed` inside its transaction: after the commit the
local cache empties and, on PostgreSQL, `NOTIFY paht_accounts` (delivered on commit) empties
the cache of every other process through its LISTEN connection. While that connection is not
up no note can be trusted to arrive, so the cache is bypassed; on (re)connect it starts empty.
A generation counter keeps an answer read before an invalidation from being stored after it.
"""

from __future__ import annotations

import threading
import weakref
from datetime import datetime

from sqlalchemy import Connection, Engine, text

from console.central.db import after_commit
from console.central.principal import Principal

ACCOUNTS_CHANNEL = "paht_accounts"
MAX_ENTRIES = 10_000


class TokenCache:
    """token hash -> (caller, expiry); usable only while `open` (always on SQLite)."""

    def __init__(self, *, open_: bool, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: dict[str, tuple[Principal, datetime]] = {}
        self._lock = threading.Lock()
        self._generation = 0
        self._open = open_
        self.max_entries = max_entries

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def is_open(self) -> bool:
        return self._open

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> tuple[Principal, datetime] | None:
        if not self._open:
            return None
        return self._entries.get(key)

    def put(self, key: str, principal: Principal, expires_at: datetime, generation: int) -> None:
        """Remember a database answer read after `generation` was taken, unless the cache was
        cleared since (the answer may predate the change that cleared it)."""
        with self._lock:
            if not self._open or generation != self._generation:
                return
            if len(self._entries) >= self.max_entries:
                del self._entries[next(iter(self._entries))]
            self._entries[key] = (principal, expires_at)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()

    def set_open(self, open_: bool) -> None:
        """The note channel came up (start empty) or went down (bypass until it is back)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()
            self._open = open_


_caches: weakref.WeakKeyDictionary[Engine, TokenCache] = weakref.WeakKeyDictionary()
_sqlite_files: weakref.WeakValueDictionary[str, TokenCache] = weakref.WeakValueDictionary()
_caches_guard = threading.Lock()


def cache_for(engine: Engine) -> TokenCache:
    """The cache of `engine` in this process. Engines on one SQLite file share one (its
    writers are all in this process); on PostgreSQL it stays bypassed until a LISTEN
    connection opens it."""
    with _caches_guard:
        found = _caches.get(engine)
        if found is None:
            if engine.dialect.name == "postgresql":
                found = TokenCache(open_=False)
            else:
                found = _sqlite_files.get(str(engine.url))
                if found is None:
                    found = _sqlite_files[str(engine.url)] = TokenCache(open_=True)
            _caches[engine] = found
        return found


def tokens_changed(conn: Connection) -> None:
    """Call inside a write transaction that changes an account or its tokens."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_notify(:channel, '')"), {"channel": ACCOUNTS_CHANNEL})
    after_commit(conn, cache_for(conn.engine).clear)
