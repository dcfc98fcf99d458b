"""`paht-console serve --workers N`: several server processes sharing one listening socket.

A small supervisor of our own rather than uvicorn's `workers=` or gunicorn: each worker must
run the server that answers held long-polls as soon as it is told to stop (uvicorn's
supervisor always builds its plain Server), the one-time start-up work (schema, demo and
admin accounts, the demo simulator) must run once in the parent before any worker opens,
and gunicorn would add a dependency that does not run on Windows. The parent binds the
socket, spawns the workers, restarts one that dies after it was serving, and on Ctrl+C or
SIGTERM asks every worker to stop, then kills whichever has not ended in STOP_TIMEOUT s.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event as EventType
from typing import Any

import uvicorn

from console.domain.clock import NOW_ENV, pin_clock, utcnow

log = logging.getLogger(__name__)

STOP_TIMEOUT = 10.0


def refuse_sqlite(db_url: str, workers: int) -> None:
    """SQLite serialises writers inside one process only: several processes need PostgreSQL."""
    if workers > 1 and not db_url.startswith("postgresql"):
        raise ValueError(
            f"--workers {workers} cần PostgreSQL (--db postgresql+psycopg://...): SQLite không "
            "phục vụ được nhiều tiến trình cùng ghi. Dùng --workers 1 với SQLite."
        )


def _worker_main(
    db_url: str,
    sock: socket.socket,
    app_options: dict[str, Any],
    anchor: tuple[datetime, float],
    serving: EventType,
) -> None:
    """One worker process: its own app, engine, change bell and LISTEN task."""
    from console.central.app import create_app
    from console.central.live_server import WorkerServer

    if os.environ.get(NOW_ENV):
        # PAHT_NOW pins each process from its own start: carry the parent's clock instead,
        # so every worker reads the same now (sign-in waits span processes).
        moment, at = anchor
        pin_clock(moment + timedelta(seconds=time.monotonic() - at))

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = create_app(db_url, **app_options)
    server = WorkerServer(
        uvicorn.Config(app, log_level="info", access_log=False, timeout_graceful_shutdown=3)
    )
    threading.Thread(
        target=_watch, args=(server, os.getppid(), serving), name="worker-watch", daemon=True
    ).start()
    try:
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises Ctrl+C once stopped
            server.run(sockets=[sock])
    finally:
        app.state.service.engine.dispose()


def _watch(server: uvicorn.Server, parent: int, serving: EventType) -> None:
    """Tell the parent once serving; stop when the parent is gone (killed outright: SIGKILL,
    OOM), as it can no longer stop its workers."""
    while os.getppid() == parent:
        if server.started and not serving.is_set():
            serving.set()
        time.sleep(0.2)
    log.warning("Tiến trình cha đã dừng; tiến trình %s dừng theo.", os.getpid())
    server.handle_exit(signal.SIGTERM, None)


class WorkerPool:
    """The parent's view of the workers: start, watch, stop."""

    def __init__(
        self, db_url: str, sock: socket.socket, count: int, app_options: dict[str, Any]
    ) -> None:
        self._args = (db_url, sock, app_options)
        self._count = count
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[tuple[BaseProcess, EventType]] = []
        self.stopping = threading.Event()
        #: Called when stopping begins, while the workers still answer (the demo simulator).
        self.before_stop: list[Callable[[], None]] = []

    def _spawn(self) -> tuple[BaseProcess, EventType]:
        anchor = (utcnow(), time.monotonic())
        serving = self._context.Event()
        process = self._context.Process(
            target=_worker_main, args=(*self._args, anchor, serving), name="paht-central-worker"
        )
        process.start()
        return process, serving

    def run(self) -> int:
        """Serve until a signal (or a broken worker); 0 on a clean stop."""
        previous = {
            sig: signal.signal(sig, lambda *_: self.stopping.set())
            for sig in (signal.SIGINT, signal.SIGTERM)
        }
        status = 0
        try:
            self._workers = [self._spawn() for _ in range(self._count)]
            log.info("Máy chủ trung tâm chạy %d tiến trình.", self._count)
            while not self.stopping.wait(0.5):
                status = self._replace_dead()
                if status:
                    break
        finally:
            for hook in self.before_stop:
                hook()
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return status

    def _replace_dead(self) -> int:
        for index, (process, serving) in enumerate(self._workers):
            if process.is_alive():
                continue
            if not serving.is_set():
                log.error("Tiến trình %s dừng trước khi phục vụ; dừng máy chủ.", process.pid)
                return 1
            log.warning(
                "Tiến trình %s đã dừng (mã %s); khởi động lại.", process.pid, process.exitcode
            )
            self._workers[index] = self._spawn()
        return 0

    def _stop_all(self) -> None:
        for process, _ in self._workers:
            if process.is_alive() and process.pid is not None:
                process.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT
        for process, _ in self._workers:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                log.warning("Tiến trình %s không dừng kịp; buộc dừng.", process.pid)
                process.kill()
                process.join()
