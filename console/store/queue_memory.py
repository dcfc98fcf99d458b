"""Keeping the queue's long-lived objects out of Python's cyclic garbage collector.

A full collection walks every tracked object while it holds the GIL, so with 200,000 queue
rows (and as many markers) in memory it stops every thread, the GUI's included, for a
large fraction of a second. The rows live for the whole shift and hold no reference cycles,
so they are made with collection paused and then frozen: kept out of every later collection.
A sync pauses collection too: its pages die young, and a collection in the middle of one
would walk them all.

The C library keeps memory that a large load or marker update used and freed for later;
`release_free_memory` hands it back to the system (glibc only; measured: 76 MB at 200,000)
after a bulk load, once the application asked for it (`trim_after_bulk`, from
widgets.runtime, the one place process-wide settings are made). glibc also raises the size
from which a block is mapped straight from the system each time such a block is freed, so
after the first queue load every list of a million rows a filter change makes came from the
heap and its memory stayed there: `map_large_blocks` fixes that size (measured at a million
reports: 135 MB less after the filter changes of benchmarks.scale).
"""

from __future__ import annotations

import ctypes
import gc
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

#: Tracked objects made in one bulk allocation above which they are frozen at its end.
FREEZE_ABOVE = 50_000
#: Blocks from this size on are mapped from the system and unmapped when freed.
LARGE_BLOCK = 1 << 20
#: glibc's mallopt parameter for that size.
_M_MMAP_THRESHOLD = -3

_lock = threading.Lock()
_depth = 0
_was_enabled = False
_freeze = False
_trim = False


@contextmanager
def bulk_allocation(*, freeze: bool = True) -> Iterator[None]:
    """No collection while the block runs (in any thread). At the end of the last block
    running, if one of them asked to `freeze`, a large number of new objects is frozen
    before collection resumes.

    Freezing also keeps any cyclic garbage of that moment forever, which is why only the
    blocks that make long-lived objects (a queue load, markers) ask for it; a sync, which
    makes and drops thousands of objects per page, only pauses collection.
    """
    global _depth, _was_enabled, _freeze
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            _freeze = False
            gc.disable()
        _depth += 1
        _freeze = _freeze or freeze
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            bulk = _depth == 0 and _freeze and gc.get_count()[0] > FREEZE_ABOVE
            if bulk:
                gc.freeze()
            if _depth == 0 and _was_enabled:
                gc.enable()
        if bulk and _trim:
            release_free_memory()


def trim_after_bulk(enabled: bool) -> bool:
    """Whether the end of a bulk load returns the C library's free memory to the system;
    the previous choice."""
    global _trim
    before, _trim = _trim, enabled
    return before


def collection_paused() -> bool:
    """A bulk allocation is running: a collector driven from elsewhere should wait."""
    return _depth > 0


def release_free_memory() -> None:
    """Returns the C library's free memory to the system (a few milliseconds; run it off
    the GUI thread). Does nothing where the C library cannot (anything but glibc)."""
    trim = _glibc("malloc_trim")
    if trim is not None:
        trim(0)


def map_large_blocks() -> bool:
    """Blocks of LARGE_BLOCK and more are always mapped from the system, so freeing one
    gives its memory back at once; whether the C library took the setting (glibc only).
    It lasts as long as the process."""
    mallopt = _glibc("mallopt")
    return mallopt is not None and mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK) == 1


@cache
def _glibc(name: str) -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    function: Callable[..., int] | None = getattr(ctypes.CDLL(None), name, None)
    return function
