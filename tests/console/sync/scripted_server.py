"""A tiny real HTTP server on 127.0.0.1 that answers from a script, for client tests."""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

RESET = "reset"
HANG = "hang"


@dataclass
class Answer:
    status: int = 200
    body: bytes | Any = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})

    def payload(self) -> bytes:
        return self.body if isinstance(self.body, bytes) else json.dumps(self.body).encode()


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    """Answers each path from its queue of answers (the last one repeats)."""

    def __init__(self) -> None:
        self.script: dict[str, deque[Answer | str]] = defaultdict(deque)
        self.seen: list[Seen] = []
        self.release = threading.Event()
        handler = self._handler()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def on(self, path: str, *answers: Answer | str) -> None:
        self.script[path].extend(answers)

    def hits(self, path: str) -> int:
        return sum(1 for s in self.seen if s.path.split("?")[0] == path)

    def start(self) -> ScriptedServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.split("?")[0]
                server.seen.append(Seen(self.command, self.path, dict(self.headers), body))
                queue = server.script[path]
                answer = (
                    (queue.popleft() if len(queue) > 1 else queue[0])
                    if queue
                    else Answer(404, {"code": "not_found", "message": "?"})
                )
                if answer == RESET:
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.connection.close()
                    self.close_connection = True
                    return
                if answer == HANG:
                    server.release.wait(30)
                    return
                assert isinstance(answer, Answer)
                data = answer.payload()
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = _answer
            do_POST = _answer

            def finish(self) -> None:
                with contextlib.suppress(OSError):
                    super().finish()

        return Handler
