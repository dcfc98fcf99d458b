"""A fault-injecting HTTP proxy on 127.0.0.1, between the console and the central API.

Each request is read whole, then either forwarded to the real API or answered (or broken) by
the fault switched on at that moment: delays, connection resets, 5xx, 429 with Retry-After,
truncated bodies, malformed JSON, a wrong content type, an oversized response, a hang. A
fault may be limited to a number of requests, a path prefix and methods, so a test can say
"the next two GETs of /changes fail" and watch the console retry and then converge.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

#: Hop-by-hop headers are the proxy's own business, never forwarded.
HOP_HEADERS = frozenset(
    {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "upgrade"}
)
OVERSIZE_BYTES = 65 * 1024 * 1024
_JUNK = b"x" * (1024 * 1024)


class FaultKind(StrEnum):
    DELAY = "delay"
    RESET = "reset"
    STATUS = "status"
    RATE_LIMIT = "rate_limit"
    TRUNCATE = "truncate"
    BAD_JSON = "bad_json"
    WRONG_TYPE = "wrong_type"
    OVERSIZE = "oversize"
    OVERSIZE_DECLARED = "oversize_declared"
    HANG = "hang"


@dataclass(frozen=True, slots=True)
class Fault:
    kind: FaultKind
    #: STATUS: the answer's status (500, 502, 503...).
    status: int = 503
    #: DELAY: seconds before the request is forwarded.
    delay_s: float = 0.5
    #: RATE_LIMIT: the Retry-After header sent with the 429.
    retry_after: str = "2"
    #: Break this many matching requests, then pass through (None: until cleared).
    times: int | None = None
    path_prefix: str = "/api/v1/"
    methods: frozenset[str] | None = None

    def matches(self, method: str, path: str) -> bool:
        if not path.startswith(self.path_prefix):
            return False
        return self.methods is None or method in self.methods

    @property
    def label(self) -> str:
        if self.kind is FaultKind.STATUS:
            return f"http_{self.status}"
        if self.kind is FaultKind.RATE_LIMIT:
            return "http_429_retry_after"
        return self.kind.value


@dataclass
class ProxyStats:
    requests: int = 0
    injected: int = 0
    forwarded: int = 0
    by_fault: Counter[str] = field(default_factory=Counter)
    #: (method, path without query, what happened)
    log: list[tuple[str, str, str]] = field(default_factory=list)

    def hits(self, path: str, method: str | None = None) -> int:
        return sum(1 for m, p, _ in self.log if p == path and (method is None or m == method))


class FaultProxy:
    """`with FaultProxy(api_url) as proxy:` then point the console at `proxy.url`."""

    def __init__(self, upstream: str, *, upstream_timeout: float = 60.0) -> None:
        parts = urlsplit(upstream)
        if parts.scheme != "http" or parts.hostname is None:
            raise ValueError(f"upstream must be http://host:port, not {upstream!r}")
        self.upstream_host = parts.hostname
        self.upstream_port = parts.port or 80
        self.upstream_timeout = upstream_timeout
        self.stats = ProxyStats()
        self._fault: Fault | None = None
        self._left: int | None = None
        self._lock = threading.Lock()
        self._release = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, args=(0.05,), name="fault-proxy", daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=10)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def set_fault(self, fault: Fault | None) -> None:
        """Switch a fault on (None: pass everything through); hanging requests are released."""
        with self._lock:
            self._release.set()
            self._release = threading.Event()
            self._fault = fault
            self._left = None if fault is None else fault.times

    def clear(self) -> None:
        self.set_fault(None)

    def release(self) -> None:
        """Let requests held by a HANG fault go on (they are then forwarded)."""
        self._release.set()

    def _take(self, method: str, path: str) -> tuple[Fault | None, threading.Event]:
        with self._lock:
            fault = self._fault
            release = self._release
            self.stats.requests += 1
            if fault is None or not fault.matches(method, path):
                return None, release
            if self._left is not None:
                if self._left <= 0:
                    return None, release
                self._left -= 1
            self.stats.injected += 1
            self.stats.by_fault[fault.label] += 1
            return fault, release

    def _note(self, method: str, path: str, outcome: str) -> None:
        with self._lock:
            self.stats.log.append((method, path, outcome))
            if outcome == "forwarded":
                self.stats.forwarded += 1

    def forward(
        self, method: str, target: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(
            self.upstream_host, self.upstream_port, timeout=self.upstream_timeout
        )
        try:
            sent = {k: v for k, v in headers.items() if k.lower() not in HOP_HEADERS}
            sent["Host"] = f"{self.upstream_host}:{self.upstream_port}"
            conn.request(method, target, body=body or None, headers=sent)
            answer = conn.getresponse()
            data = answer.read()
            kept = [
                (k, v)
                for k, v in answer.getheaders()
                if k.lower() not in HOP_HEADERS and k.lower() != "content-length"
            ]
            return answer.status, kept, data
        finally:
            conn.close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:
                pass

            def _send(
                self,
                status: int,
                headers: list[tuple[str, str]],
                body: bytes,
                *,
                length: int | None = None,
            ) -> None:
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body) if length is None else length))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()

            def _reset(self) -> None:
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()

            def _stream_oversize(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(b'{"items": ["')
                sent = 0
                while sent < OVERSIZE_BYTES:
                    self.wfile.write(_JUNK)
                    sent += len(_JUNK)

            def _relay(self) -> None:
                self.close_connection = True
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?", 1)[0]
                fault, release = proxy._take(self.command, path)
                headers = {k: v for k, v in self.headers.items()}
                kind = None if fault is None else fault.kind
                proxy._note(self.command, path, "forwarded" if fault is None else fault.label)
                if fault is not None and kind is FaultKind.DELAY:
                    release.wait(fault.delay_s)
                if fault is not None and kind is FaultKind.HANG:
                    release.wait(proxy.upstream_timeout)
                if kind is FaultKind.RESET:
                    self._reset()
                    return
                if fault is not None and kind is FaultKind.STATUS:
                    self._send(fault.status, *_error_page(fault.status))
                    return
                if fault is not None and kind is FaultKind.RATE_LIMIT:
                    payload = json.dumps(
                        {"code": "rate_limited", "message": "Quá nhiều yêu cầu."}
                    ).encode()
                    self._send(
                        429,
                        [("Content-Type", "application/json"), ("Retry-After", fault.retry_after)],
                        payload,
                    )
                    return
                if kind is FaultKind.OVERSIZE:
                    self._stream_oversize()
                    return
                if kind is FaultKind.OVERSIZE_DECLARED:
                    self._send(
                        200, [("Content-Type", "application/json")], b"{", length=OVERSIZE_BYTES
                    )
                    return
                if kind is FaultKind.WRONG_TYPE:
                    page = b"<html><body><h1>Wi-Fi login</h1><form>...</form></body></html>"
                    self._send(200, [("Content-Type", "text/html; charset=utf-8")], page)
                    return
                try:
                    status, answer_headers, data = proxy.forward(
                        self.command, self.path, headers, body
                    )
                except OSError:
                    self._send(502, *_error_page(502))
                    return
                if kind is FaultKind.TRUNCATE:
                    self._send(status, answer_headers, data[: len(data) // 2], length=len(data))
                    return
                if kind is FaultKind.BAD_JSON:
                    broken = data[: max(1, len(data) // 3)] + b'"}]},{oops'
                    self._send(status, answer_headers, broken)
                    return
                self._send(status, answer_headers, data)

            def handle_one_request(self) -> None:
                with contextlib.suppress(OSError):
                    super().handle_one_request()

            def finish(self) -> None:
                with contextlib.suppress(OSError):
                    super().finish()

            do_GET = _relay
            do_POST = _relay
            do_PUT = _relay
            do_PATCH = _relay
            do_DELETE = _relay
            do_HEAD = _relay

        return Handler


def _error_page(status: int) -> tuple[list[tuple[str, str]], bytes]:
    """5xx as a gateway would send it: HTML for 502/503/504, the API's JSON shape for 500."""
    if status == 500:
        body = json.dumps({"code": "internal_error", "message": "Lỗi máy chủ."}).encode()
        return [("Content-Type", "application/json")], body
    page = f"<html><body><h1>{status}</h1>upstream unavailable</body></html>".encode()
    return [("Content-Type", "text/html")], page
