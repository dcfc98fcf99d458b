"""Running the central API: in a background thread (embedded, tests) or in the foreground (CLI)."""

from __future__ import annotations

import logging
import socket
import threading
import time
import urllib.request
from collections.abc import Callable
from typing import Any

import uvicorn
from fastapi import FastAPI

from console.central.app import create_app
from console.central.live_server import LiveServer, release_waits
from console.central.workers import WorkerPool, refuse_sqlite

log = logging.getLogger(__name__)

START_TIMEOUT = 30.0


def _listen(host: str, port: int) -> socket.socket:
    # IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say TCP,
    # and with it on, every answer written in two parts waited ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class _ThreadServer(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        """Signals belong to the main thread's owner, not to an embedded server."""


class CentralServer:
    """The central API on 127.0.0.1 in a daemon thread; stop() then start() keeps the port."""

    def __init__(
        self, db_url: str, *, demo: bool = False, port: int = 0, **app_options: Any
    ) -> None:
        self.db_url = db_url
        self.demo = demo
        self.port = port
        self.host = "127.0.0.1"
        self.app: FastAPI = create_app(db_url, demo=demo, **app_options)
        self._server: _ThreadServer | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> str:
        """Serve in the background and return the base URL once connections are accepted."""
        if self._thread is not None:
            return self.base_url
        self._socket = _listen(self.host, self.port)
        self.port = self._socket.getsockname()[1]
        config = uvicorn.Config(
            self.app, log_level="warning", access_log=False, timeout_graceful_shutdown=2
        )
        server = _ThreadServer(config)
        sockets = [self._socket]
        self._server = server
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": sockets}, name="central-api", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Máy chủ trung tâm không khởi động được trên cổng {self.port}.")
            time.sleep(0.01)
        return self.base_url

    def stop(self) -> None:
        """Stop serving (open connections are closed); the database stays as it is."""
        if self._server is not None:
            release_waits(self.app)
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=START_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def close(self) -> None:
        """Stop and release the database connections."""
        self.stop()
        self.app.state.service.engine.dispose()

    def __enter__(self) -> CentralServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def run_server(
    db_url: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    demo: bool = False,
    simulate: bool = False,
    workers: int = 1,
    upgrade: bool = True,
    min_console_version: str | None = None,
    installer_url: str | None = None,
) -> int:
    """Serve in the foreground until interrupted (`paht-console serve`); the exit status.

    The database is upgraded to this code's schema first, once, unless `upgrade` is false:
    then a database behind it stops the start with SchemaError.

    With `simulate` in demo mode, the demo city simulator acts as the units and citizens
    (one simulator, in this process, however many workers serve). /health names
    `min_console_version` and `installer_url` to the consoles.
    """
    consoles = {"min_console_version": min_console_version, "installer_url": installer_url}
    if workers > 1:
        return _run_workers(db_url, host, port, demo, simulate, workers, upgrade, consoles)
    app = create_app(
        db_url,
        demo=demo,
        upgrade=upgrade,
        min_console_version=min_console_version,
        installer_url=installer_url,
    )
    server = LiveServer(
        uvicorn.Config(app, host=host, port=port, log_level="info", timeout_graceful_shutdown=3)
    )
    simulator: Any = None
    if demo and simulate:
        simulator = _start_simulator(
            lambda: server.started, lambda: server.should_exit, f"http://127.0.0.1:{port}"
        )
    try:
        server.run()
    finally:
        if simulator is not None:
            simulator.stop()
        app.state.service.engine.dispose()
    return 0


def _run_workers(
    db_url: str,
    host: str,
    port: int,
    demo: bool,
    simulate: bool,
    workers: int,
    upgrade: bool,
    consoles: dict[str, str | None],
) -> int:
    """The schema and accounts once here, then `workers` processes on one socket."""
    refuse_sqlite(db_url, workers)
    create_app(db_url, demo=demo, upgrade=upgrade).state.service.engine.dispose()
    sock = _listen(host, port)
    pool = WorkerPool(db_url, sock, workers, {"demo": demo, "upgrade": False, **consoles})
    base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    simulator: Any = None
    if demo and simulate:
        simulator = _start_simulator(lambda: _answers(base_url), pool.stopping.is_set, base_url)
    if simulator is not None:
        pool.before_stop.append(simulator.stop)
    try:
        return pool.run()
    finally:
        sock.close()


def _answers(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/api/v1/health", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def _start_simulator(ready: Callable[[], bool], stopped: Callable[[], bool], base_url: str) -> Any:
    """Start the simulator once the server accepts connections (in its own thread)."""
    try:
        from console.central.demo.simulator import CitySimulator
    except ImportError:
        log.warning("The demo city simulator is not available; serving without it.")
        return None
    simulator = CitySimulator(base_url)

    def start_when_ready() -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while not ready() and not stopped() and time.monotonic() < deadline:
            time.sleep(0.05)
        if ready():
            simulator.start()

    threading.Thread(target=start_when_ready, name="simulator-start", daemon=True).start()
    return simulator
