"""Every process-wide setting the console changes, applied once at start (`apply`), undone
at the end (`Runtime.restore`). Nothing else in the code base touches them.

- GIL switch interval 0.5 ms (Python's default is 5 ms). A busy worker held the GUI thread
  up to 5 ms for each call Qt makes into Python (every `data()` of a table cell): a repaint
  beside a 200,000-row marker job took 0.4 s. At 0.5 ms the worker loses a little
  throughput and the GUI stays fluid (benchmarks.gui, `stall_ms`).
- Automatic cyclic collection off, run by a timer on the GUI thread instead
  (`widgets.collector`). A Qt object in a reference cycle is destroyed by whichever thread
  collects; from a sync or task thread Qt deletes a widget outside its thread and the
  process crashes (seen: a segmentation fault in a server thread's collection).
- After the first window shows, everything alive is frozen (`gc.freeze`): modules, classes
  and widgets live as long as the process and each full collection that sync and loading
  trigger would walk them all again.
- After a bulk load (`console.store.queue_memory.bulk_allocation`), the C library's free
  memory goes back to the system (glibc `malloc_trim`; measured: 76 MB at 200,000 rows).
  The pauses of collection around a load stay in that context manager: they are scoped to
  the load, not settings of the process.
- Blocks of a megabyte and more (a million-row list, a marker payload) are always mapped
  from the system (`queue_memory.map_large_blocks`), so their memory goes back when they
  are freed. A C library setting: it is not undone.
"""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass

from PySide6.QtCore import QObject

from console.store import queue_memory
from widgets.collector import GuiThreadCollector

#: How long a thread waiting for the GIL waits before the running one must hand it over.
GIL_SWITCH_INTERVAL_S = 0.0005


@dataclass
class Runtime:
    """What `apply` changed, to put back when the application ends."""

    switch_interval: float
    trimmed: bool
    collector: GuiThreadCollector
    frozen: bool = False

    def freeze_long_lived(self) -> None:
        """Once, when the first window has shown: its objects stay out of later collections."""
        if not self.frozen:
            self.frozen = True
            gc.freeze()

    def restore(self) -> None:
        self.collector.stop()
        queue_memory.trim_after_bulk(self.trimmed)
        sys.setswitchinterval(self.switch_interval)


def apply(parent: QObject | None = None) -> Runtime:
    """The console's process settings; `parent` owns the collector's timer (GUI thread)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, GIL_SWITCH_INTERVAL_S))
    trimmed = queue_memory.trim_after_bulk(True)
    queue_memory.map_large_blocks()
    return Runtime(before, trimmed, GuiThreadCollector(parent))
