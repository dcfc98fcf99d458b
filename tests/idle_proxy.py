"""A TCP proxy on 127.0.0.1 that cuts a connection idle for `idle_s` seconds, as ordinary
HTTP proxies and load balancers do (their idle timeouts are commonly 30-60 s)."""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
import time


class IdleCuttingProxy:
    def __init__(self, upstream_port: int, idle_s: float) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.idle_s = idle_s
        self.cuts = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, name="idle-proxy", daemon=True)
        self._accepter.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        self._listener.settimeout(0.1)
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._pipe, args=(client,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _pipe(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            client.close()
            return
        other = {client: server, server: client}
        with selectors.DefaultSelector() as selector, client, server:
            selector.register(client, selectors.EVENT_READ)
            selector.register(server, selectors.EVENT_READ)
            last = time.monotonic()
            while not self._stop.is_set():
                if time.monotonic() - last > self.idle_s:
                    self.cuts += 1
                    return
                for key, _ in selector.select(0.1):
                    sock = key.fileobj
                    assert isinstance(sock, socket.socket)
                    try:
                        data = sock.recv(65536)
                        if not data:
                            return
                        other[sock].sendall(data)
                    except OSError:
                        return
                    last = time.monotonic()

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        self._accepter.join(5)
        for thread in self._threads:
            thread.join(5)
