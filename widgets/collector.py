"""Python's cyclic garbage collector, run on the GUI thread only.

A Qt object caught in a reference cycle is destroyed by whichever thread runs the
collector; when that is a sync or a task thread, Qt deletes a widget outside its thread
and the process crashes (seen: a segmentation fault in a server thread's collection).
So automatic collection is switched off and this timer collects, generation by
generation, with the thresholds Python would have used, always on the GUI thread.
`widgets.runtime.apply` starts it, with the process's other settings.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from console.store.queue_memory import collection_paused

CHECK_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setObjectName("gcTimer")
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collects the oldest generation over its threshold; the number of objects freed."""
        if collection_paused():
            return 0
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        """Hands collection back to Python (as it was before)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
