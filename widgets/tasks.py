"""Background work for widgets: run a callable on a thread pool, hear back on the GUI thread.

The GUI thread must never wait on the network or on a query that scales with the cache, so
everything slow goes through `TaskRunner.run`. Results, errors and progress come back through
queued signals, so callbacks always run on the thread that owns the runner. The GIL's switch
interval that keeps the GUI fluid beside busy workers is set in `widgets.runtime`.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]


@dataclass(slots=True)
class _Callbacks:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None]
    on_progress: Progress | None


class _Job(QRunnable):
    def __init__(
        self,
        runner: TaskRunner,
        task: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        wants_progress: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._task = task
        self._fn = fn
        self._args = args
        self._wants_progress = wants_progress

    def run(self) -> None:
        runner, task = self._runner, self._task
        try:
            if self._wants_progress:
                result = self._fn(*self._args, progress=self._report_progress)
            else:
                result = self._fn(*self._args)
        except BaseException as exc:
            log.debug("background task failed", exc_info=True)
            runner.failed.emit(task, exc)
        else:
            runner.done.emit(task, result)

    def _report_progress(self, done: int, total: int | None) -> None:
        self._runner.progressed.emit(self._task, done, total)


class TaskRunner(QObject):
    """A small QThreadPool front: `run(fn, *args, on_done=, on_error=, on_progress=)`.

    With `on_progress`, `fn` is called with an extra keyword `progress(done, total)`.
    Workers emit the runner's own signals; its slots run on the runner's thread and call
    the task's callbacks there. `shutdown()` stops accepting work and waits for running
    tasks (used at window close, so no thread outlives the window).
    """

    done = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, object)

    def __init__(self, parent: QObject | None = None, *, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads is not None:
            self._pool.setMaxThreadCount(max_threads)
        self._tasks: dict[int, _Callbacks] = {}
        self._ids = itertools.count(1)
        self._closed = False
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Progress | None = None,
    ) -> bool:
        """Starts `fn(*args)` in the pool; False when the runner is already shut down."""
        if self._closed:
            return False
        task = next(self._ids)
        self._tasks[task] = _Callbacks(on_done, on_error or _log_error, on_progress)
        self._pool.start(_Job(self, task, fn, args, on_progress is not None))
        return True

    @property
    def closed(self) -> bool:
        return self._closed

    def active(self) -> int:
        """Tasks started whose outcome has not been delivered yet."""
        return len(self._tasks)

    def busy_threads(self) -> int:
        """Pool threads running a task right now."""
        return int(self._pool.activeThreadCount())

    def wait(self, msecs: int = -1) -> bool:
        """Blocks until every running task ended (tests and shutdown only)."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Refuses new work, drops queued tasks, waits for the running ones."""
        self._closed = True
        self._pool.clear()
        finished = self.wait(msecs)
        self._tasks.clear()
        return finished

    @Slot(int, object)
    def _deliver_done(self, task: int, value: Any) -> None:
        callbacks = self._tasks.pop(task, None)
        if callbacks is not None and callbacks.on_done is not None and not self._closed:
            callbacks.on_done(value)

    @Slot(int, object)
    def _deliver_error(self, task: int, exc: BaseException) -> None:
        callbacks = self._tasks.pop(task, None)
        if callbacks is not None and not self._closed:
            callbacks.on_error(exc)

    @Slot(int, int, object)
    def _deliver_progress(self, task: int, done: int, total: int | None) -> None:
        callbacks = self._tasks.get(task)
        if callbacks is not None and callbacks.on_progress is not None and not self._closed:
            callbacks.on_progress(done, total)


def _log_error(exc: BaseException) -> None:
    log.error("background task failed: %s", exc, exc_info=exc)
