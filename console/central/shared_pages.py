"""One read of the changes feed for all the consoles that ask for the same page at once.

A change wakes every console holding the live channel. Those that were up to date all ask for
the page after the same cursor, so fifty consoles cost fifty identical queries and fifty
identical JSON documents. Here the first request of a burst reads the page and the others
await its answer.

A request shares only with requests that hold the same bell ticket. A read that began before
a ring is never handed to a request that took its ticket after that ring. Such a request
reads again, so it never misses the change it was woken for. A shared answer can only be
older than the request in the way any snapshot is: the rows after it come with the next page.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _retrieve(task: asyncio.Future[Any]) -> None:
    """A failed read nobody else awaited is still 'retrieved' (no asyncio warning)."""
    if not task.cancelled():
        task.exception()


class SharedPages(Generic[T]):
    """Reads in flight by key. `reads` counts the reads actually made; `joined` counts the
    requests answered by another request's read."""

    def __init__(self) -> None:
        self._running: dict[Hashable, asyncio.Future[T]] = {}
        self.reads = 0
        self.joined = 0

    async def get(self, key: Hashable, read: Callable[[], Awaitable[T]]) -> T:
        """The answer of the read in flight under `key`, else of a new one. The read runs
        as its own task: a console that hangs up does not cancel it for the others."""
        task = self._running.get(key)
        if task is None:
            task = asyncio.ensure_future(read())
            self.reads += 1
            self._running[key] = task
            task.add_done_callback(lambda done: self._forget(key, done))
            task.add_done_callback(_retrieve)
        else:
            self.joined += 1
        return await asyncio.shield(task)

    def _forget(self, key: Hashable, done: asyncio.Future[T]) -> None:
        if self._running.get(key) is done:
            del self._running[key]
