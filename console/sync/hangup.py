"""Cutting a request that waits: the live channel holds a request open for up to a minute,
and stopping the console must not wait for it. Shutting its socket down from another thread
ends the read at once (the request fails with a connection error)."""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class HangUpAdapter(HTTPAdapter):
    """An HTTPAdapter that remembers its connections so `hang_up` can cut them all."""

    def __init__(self, **kwargs: Any) -> None:
        self._lock = threading.Lock()
        self._open: weakref.WeakSet[Any] = weakref.WeakSet()
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": self._tracked(HTTPConnectionPool),
            "https": self._tracked(HTTPSConnectionPool),
        }

    def _tracked(self, pool: type[HTTPConnectionPool]) -> type[HTTPConnectionPool]:
        adapter = self

        class Connection(pool.ConnectionCls):  # type: ignore[name-defined,misc]
            def connect(self) -> None:
                super().connect()
                with adapter._lock:
                    adapter._open.add(self)

        return type(pool.__name__, (pool,), {"ConnectionCls": Connection})

    def hang_up(self) -> None:
        with self._lock:
            connections = list(self._open)
        for connection in connections:
            sock = getattr(connection, "sock", None)
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
