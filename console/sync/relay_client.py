"""The relay endpoints of the central API, on CentralClient's session, timeouts and errors.

Channels and their credentials live on the server; the console lists them, sends composed
messages into the server's outbox and reads back what failed. A POST carries an idempotency
key, so it is asked again after a network error like any safe call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.domain.model import parse_time
from console.relay import Channel, Wording
from console.sync.client import CentralClient
from console.sync.errors import NetworkError

RELAY = "/api/v1/relay"


@dataclass(frozen=True, slots=True)
class RelayMessage:
    id: int
    report_id: int
    channel: str
    state: str
    attempts: int = 0
    last_error: str = ""
    created_at: datetime | None = None
    sent_at: datetime | None = None
    next_attempt_at: datetime | None = None
    text: str = ""
    photo_count: int = 0


def _time(value: Any) -> datetime | None:
    return parse_time(value) if isinstance(value, str) and value else None


def parse_message(data: Any) -> RelayMessage:
    if not isinstance(data, dict) or "id" not in data:
        raise NetworkError("Tin chuyển tiếp từ máy chủ sai cấu trúc.", "bad_answer")
    return RelayMessage(
        id=int(data["id"]),
        report_id=int(data.get("report_id") or 0),
        channel=str(data.get("channel") or ""),
        state=str(data.get("state") or ""),
        attempts=int(data.get("attempts") or 0),
        last_error=str(data.get("last_error") or ""),
        created_at=_time(data.get("created_at")),
        sent_at=_time(data.get("sent_at")),
        next_attempt_at=_time(data.get("next_attempt_at")),
        text=str(data.get("text") or ""),
        photo_count=int(data.get("photo_count") or 0),
    )


def _items(data: Any, key: str) -> list[Any]:
    items = data.get(key) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise NetworkError("Danh sách từ máy chủ sai cấu trúc.", "bad_answer")
    return items


class RelayClient(CentralClient):
    def channels(self) -> list[Channel]:
        """The channels a message may go to (enabled or not; the caller shows which)."""
        found = []
        for item in _items(self._call("GET", f"{RELAY}/channels", safe=True), "items"):
            found.append(
                Channel(
                    id=str(item["id"]),
                    kind=str(item.get("kind") or ""),
                    name=str(item.get("name") or item["id"]),
                    enabled=bool(item.get("enabled", True)),
                    photos=bool(item.get("photos", True)),
                    max_text=int(item.get("max_text") or 2000),
                )
            )
        return found

    def preview(self, report_id: int, channel_ids: list[str]) -> Wording:
        """The server's words for a result, as each channel will receive them."""
        body = {"report_id": report_id, "channels": channel_ids}
        data = self._call("POST", f"{RELAY}/preview", safe=True, body=body)
        try:
            texts = {str(c["channel"]): str(c["text"]) for c in _items(data, "per_channel")}
            wording = Wording(text=str(data["text"]), per_channel=texts)
        except (KeyError, TypeError) as exc:
            raise NetworkError("Bản xem trước từ máy chủ sai cấu trúc.", "bad_answer") from exc
        if set(channel_ids) - set(texts):
            raise NetworkError("Bản xem trước từ máy chủ thiếu kênh đã chọn.", "bad_answer")
        return wording

    def send(self, body: dict[str, Any]) -> list[RelayMessage]:
        """Queues one message body (see console.relay.Draft.requests); the same key again
        returns the same messages."""
        data = self._call("POST", f"{RELAY}/messages", safe=True, body=body)
        return [parse_message(m) for m in _items(data, "messages")]

    def messages(
        self, state: str | None = None, report_id: int | None = None, limit: int = 200
    ) -> list[RelayMessage]:
        params: dict[str, Any] = {"limit": limit}
        if state is not None:
            params["state"] = state
        if report_id is not None:
            params["report_id"] = report_id
        data = self._call("GET", f"{RELAY}/messages", safe=True, params=params)
        return [parse_message(m) for m in _items(data, "items")]

    def retry(self, message_id: int) -> RelayMessage:
        return parse_message(self._call("POST", f"{RELAY}/messages/{message_id}/retry", safe=False))
