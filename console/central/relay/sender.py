"""The relay sender: one thread per server process, and one process sending.

A message is marked `sending` in its own committed transaction before the channel is called,
then `sent`, or `queued` again with backoff, or `failed` after the last attempt. At start, a
message left `sending` by a dead server is sent again only through a channel that recognises
a resend (webhook Idempotency-Key, e-mail Message-ID); elsewhere (Zalo, Telegram) it becomes
`uncertain` for a person to check, never resent by itself. Whatever the number of server
processes on one database, only the one whose turn it is sends (turn.py).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, update

from console.central.db import ReportRow, connect, write_transaction
from console.central.relay.channels import (
    KIND_LABELS,
    LIMITS,
    SENDERS,
    ChannelError,
    Outgoing,
)
from console.central.relay.rows import CHANNELS, MESSAGES, RelayChannelRow, RelayPhotoRow
from console.central.relay.turn import SendingTurn

log = logging.getLogger(__name__)

BACKOFF_S = (5, 30, 120, 600, 3600, 3600, 3600)
MAX_ATTEMPTS = 8
POLL_S = 1.0
UNCERTAIN = "Máy chủ dừng khi đang gửi: kiểm tra nhóm rồi gửi lại nếu chưa có"


class RelaySender:
    """Works through an engine (pool) of its own, so its polling never mixes with, or is
    counted among, the API's requests."""

    def __init__(self, db_url: str, now: Callable[[], datetime], poll_s: float = POLL_S):
        self.engine = connect(db_url)
        self.now = now
        self.poll_s = poll_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.turn = SendingTurn(self.engine)

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="relay-sender", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """After the message in hand (a channel call is bounded by its timeout)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=60)
        self._thread = None
        self.turn.give_up()
        self.engine.dispose()

    def wake(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        recovered = False
        while not self._stop.is_set():
            try:
                if self.turn.take():
                    if not recovered:
                        recover(self.engine)
                        recovered = True
                    while not self._stop.is_set() and self.send_one():
                        pass
            except Exception:
                log.exception("Relay sender: a round failed; trying again shortly")
                self.turn.give_up()
                recovered = False
            self._wake.wait(self.poll_s)
            self._wake.clear()

    def send_one(self) -> bool:
        """Send the next due message, if any; whether there was one."""
        claimed = self._claim()
        if claimed is None:
            return False
        message_id, attempts = claimed
        remote, error = self._deliver(message_id)
        now = self.now()
        if error is None:
            values: dict[str, Any] = {
                "state": "sent",
                "sent_at": now,
                "remote_id": remote[:200],
                "last_error": None,
            }
        elif attempts >= MAX_ATTEMPTS:
            values = {"state": "failed", "last_error": error}
        else:
            delay = BACKOFF_S[min(attempts, len(BACKOFF_S)) - 1]
            values = {
                "state": "queued",
                "next_attempt_at": now + timedelta(seconds=delay),
                "last_error": error,
            }
        with write_transaction(self.engine) as conn:
            conn.execute(update(MESSAGES).where(MESSAGES.c.id == message_id).values(**values))
        return True

    def _claim(self) -> tuple[int, int] | None:
        with write_transaction(self.engine) as conn:
            row = conn.execute(
                select(MESSAGES.c.id, MESSAGES.c.attempts)
                .where(MESSAGES.c.state == "queued", MESSAGES.c.next_attempt_at <= self.now())
                .order_by(MESSAGES.c.next_attempt_at, MESSAGES.c.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            ).first()
            if row is None:
                return None
            conn.execute(
                update(MESSAGES)
                .where(MESSAGES.c.id == row.id)
                .values(state="sending", attempts=row.attempts + 1)
            )
        return int(row.id), int(row.attempts) + 1

    def _deliver(self, message_id: int) -> tuple[str, str | None]:
        """The channel's id for the message, or the error to show (Vietnamese prefix, then
        the channel's own words)."""
        with self.engine.connect() as conn:
            message = conn.execute(select(MESSAGES).where(MESSAGES.c.id == message_id)).one()
            channel = conn.execute(
                select(CHANNELS).where(RelayChannelRow.id == message.channel)
            ).first()
            photos = conn.execute(
                select(RelayPhotoRow.data, RelayPhotoRow.caption)
                .where(RelayPhotoRow.message_id == message_id)
                .order_by(RelayPhotoRow.n)
            ).all()
            code = conn.execute(
                select(ReportRow.code).where(ReportRow.id == message.report_id)
            ).scalar_one_or_none()
        if channel is None or not channel.enabled:
            return "", f"Kênh «{message.channel}» không còn hoặc đang tắt."
        out = Outgoing(
            key=message.key,
            text=message.text,
            photos=tuple((bytes(p.data), p.caption) for p in photos),
            report_code=code or str(message.report_id),
        )
        prefix = f"Lỗi gửi qua {KIND_LABELS[channel.kind]} «{channel.name}»"
        settings = json.loads(channel.settings)
        try:
            return SENDERS[channel.kind](settings, out), None
        except ChannelError as exc:
            return "", f"{prefix}: {exc}"
        except Exception as exc:
            log.exception("Relay: unexpected failure sending message %s", message_id)
            return "", f"{prefix}: lỗi không lường trước ({type(exc).__name__})"
        finally:
            if settings != json.loads(channel.settings):
                self._store_renewed(channel.id, channel.settings, settings)

    def _store_renewed(self, channel_id: str, before: str, settings: dict[str, Any]) -> None:
        """Credentials the adapter renewed (a Zalo refresh token is good once), stored even
        when the send then failed; an admin's new settings saved meanwhile are kept instead."""
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(CHANNELS)
                .where(CHANNELS.c.id == channel_id, CHANNELS.c.settings == before)
                .values(settings=json.dumps(settings))
            )
        log.info("Relay: channel %s renewed its credentials", channel_id)


def recover(engine: Engine) -> int:
    """Messages a dead server left `sending`: queued again where the channel recognises a
    resend, `uncertain` elsewhere. How many there were."""
    with write_transaction(engine) as conn:
        rows = conn.execute(
            select(MESSAGES.c.id, RelayChannelRow.kind)
            .outerjoin(RelayChannelRow, RelayChannelRow.id == MESSAGES.c.channel)
            .where(MESSAGES.c.state == "sending")
        ).all()
        for row in rows:
            resend = row.kind is not None and LIMITS[row.kind][2]
            values = (
                {"state": "queued"} if resend else {"state": "uncertain", "last_error": UNCERTAIN}
            )
            conn.execute(update(MESSAGES).where(MESSAGES.c.id == row.id).values(**values))
    if rows:
        log.warning("Relay: %d message(s) left sending by a stopped server recovered", len(rows))
    return len(rows)
