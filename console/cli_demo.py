"""demo-data's progress on stderr, so an admin seeding a million reports sees it moving."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

EVERY = 100_000


def progress_printer(total: int, every: int = EVERY) -> Callable[[int], None]:
    """A `progress(done)` that prints count, rate and time left each `every` reports."""
    started = time.monotonic()
    shown = [0]

    def progress(done: int) -> None:
        if done // every == shown[0] // every and done < total:
            return
        shown[0] = done
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = done / elapsed
        left = (total - done) / rate if rate else 0.0
        print(
            f"  {done:,}/{total:,} phản ánh ({done / total:.0%}), {rate:,.0f}/giây, "
            f"đã {elapsed:.0f} giây, còn khoảng {left:.0f} giây",
            file=sys.stderr,
            flush=True,
        )

    return progress
