"""Waking the consoles that wait on the changes feed, with no thread per waiting console.

Writers run in worker threads and ring through `loop.call_soon_threadsafe`; a waiter holds a
ticket (a future of the server's event loop) taken before it reads the feed, so a change
committed between its read and its wait still wakes it. On PostgreSQL each server process
also listens to `NOTIFY paht_changes` (sent by every writer, delivered on commit), so a
report filed through one worker process wakes the consoles waiting on every other. The same
connection carries `paht_accounts`, which empties the process's token cache.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from console.central.db import CHANGES_CHANNEL
from console.central.errors import ApiError
from console.central.token_cache import ACCOUNTS_CHANNEL, TokenCache

log = logging.getLogger(__name__)

RECONNECT_MAX_S = 30.0
MAX_WAIT_S = 55


def parse_wait(raw: str | None, ceiling: int = MAX_WAIT_S) -> int:
    """Whole seconds to hold a /changes request: absent means 0, above the ceiling clamped."""
    if raw is None or raw == "":
        return 0
    if not (raw.isascii() and raw.isdigit()):
        raise ApiError(
            400, "bad_wait", f"Thời gian chờ «{raw[:40]}» không hợp lệ: cần số giây từ 0 đến 55."
        )
    digits = raw.lstrip("0")
    return ceiling if len(digits) > 6 else min(int(digits or "0"), ceiling)


class ChangeBell:
    """Rung after every commit that bumps the change counter; waiters await a ticket."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ticket: asyncio.Future[None] | None = None
        self.waiting = 0
        self._closing = False

    def ticket(self) -> asyncio.Future[None]:
        """The future the next ring resolves (call on the server's event loop)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop, self._ticket, self._closing = loop, None, False
        if self._ticket is None:
            self._ticket = loop.create_future()
        return self._ticket

    def ring(self) -> None:
        """Wake every waiter; safe from any thread, a no-op while nobody has waited yet."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits
            loop.call_soon_threadsafe(self._ring)

    def release(self) -> None:
        """The server is stopping: answer every wait now, and any new one at once."""
        self._closing = True
        self.ring()

    def _ring(self) -> None:
        ticket, self._ticket = self._ticket, None
        if ticket is not None and not ticket.done():
            ticket.set_result(None)

    async def wait(self, ticket: asyncio.Future[None], timeout: float) -> bool:
        """True when rung within `timeout` seconds (the shared ticket is never cancelled)."""
        if self._closing:
            return False
        self.waiting += 1
        try:
            done, _ = await asyncio.wait({ticket}, timeout=timeout)
        finally:
            self.waiting -= 1
        return bool(done)


async def listen_postgres(url: str, bell: ChangeBell | None, tokens: TokenCache) -> None:
    """Ring `bell` on every NOTIFY paht_changes and empty `tokens` on every paht_accounts;
    reconnect (1, 2, 4 ... 30 s) when cut. The token cache is used only while listening."""
    import psycopg

    delay = 1.0
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
                await conn.execute(f"LISTEN {CHANGES_CHANNEL}")
                await conn.execute(f"LISTEN {ACCOUNTS_CHANNEL}")
                delay = 1.0
                tokens.set_open(True)
                if bell is not None:
                    bell.ring()  # changes may have been committed while we were not listening
                async for note in conn.notifies():
                    if note.channel == ACCOUNTS_CHANNEL:
                        tokens.clear()
                    elif bell is not None:
                        bell.ring()
        except psycopg.Error as exc:
            log.warning("Kênh cập nhật trực tiếp mất kết nối cơ sở dữ liệu (%s); thử lại.", exc)
        finally:
            tokens.set_open(False)
        await asyncio.sleep(delay)
        delay = min(delay * 2, RECONNECT_MAX_S)
