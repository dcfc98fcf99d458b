"""Memory the queue frees goes back to the system (glibc; each case in a fresh process, since
the setting lasts as long as the process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the setting is glibc's (Linux)"
)

#: A filter change's life: a million-row list after an earlier one was freed, with small
#: long-lived objects made in between; then the lists go. Prints resident MB held, then left.
_FILTER_CHANGES = textwrap.dedent(
    """
    import sys
    import psutil
    from console.store import queue_memory

    if sys.argv[1] == "mapped":
        assert queue_memory.map_large_blocks()
    first = bytearray(8 << 20)
    del first
    lists, kept = [], []
    for _ in range(40):
        lists.append(bytearray(4 << 20))
        kept.append(bytearray(64 << 10))
    held = psutil.Process().memory_info().rss
    lists.clear()
    print(held >> 20, psutil.Process().memory_info().rss >> 20)
    """
)


def _held_then_left(mode: str) -> tuple[int, int]:
    done = subprocess.run(
        [sys.executable, "-c", _FILTER_CHANGES, mode],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    held, left = done.stdout.split()
    return int(held), int(left)


def test_large_blocks_freed_go_back_to_the_system() -> None:
    held, left = _held_then_left("mapped")
    assert held - left >= 150, (held, left)


def test_without_it_the_heap_keeps_them() -> None:
    """The case `map_large_blocks` is for: glibc's own threshold kept 160 MB."""
    held, left = _held_then_left("default")
    assert held - left < 50, (held, left)
