"""An SMTP server (aiosmtpd) that de-duplicates on Message-ID like a careful mail relay."""

from __future__ import annotations

import asyncio
import email
import socket
import threading
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller

HOLD_LIMIT_S = 60.0


class FakeSmtp:
    def __init__(self) -> None:
        self.log: list[Message] = []
        self.seen: set[str] = set()
        self.repeats = 0
        self.fail_next = 0
        self.arrived = threading.Event()
        self._open = threading.Event()
        self._open.set()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        if self.fail_next > 0:
            self.fail_next -= 1
            return "451 4.3.0 Mailbox temporarily unavailable"
        message = email.message_from_bytes(envelope.original_content)
        key = str(message["Message-ID"])
        if key in self.seen:
            self.repeats += 1
        else:
            self.seen.add(key)
            self.log.append(message)
        self.arrived.set()
        for _ in range(int(HOLD_LIMIT_S * 20)):
            if self._open.is_set():
                break
            await asyncio.sleep(0.05)
        return "250 2.0.0 OK"

    def hold(self) -> None:
        self.arrived.clear()
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def close(self) -> None:
        self.release()
        self.controller.stop()
