"""Shared by the relay tests: the four local channel servers configured on a central, a
published report, and waiting for the outbox to settle (moving the test clock past backoffs)."""

from __future__ import annotations

import io
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PIL import Image

from console.central.server import CentralServer
from console.domain.model import parse_time
from console.exports.briefing.redaction import redact_photo
from tests.channels.http_fakes import FakeTelegram, FakeWebhook, FakeZalo
from tests.channels.smtp_fake import FakeSmtp
from tests.console.central.conftest import UNIT_CODE, Api, Clock

REPORTER = {"name": "Nguyễn Văn A", "phone": "0905123456", "email": "a@example.vn"}
PERSONAL = ("Nguyễn Văn A", "0905123456", "a@example.vn", "75A-123.45")
SETTLED = frozenset({"sent", "failed", "uncertain"})


@dataclass
class Fakes:
    zalo: FakeZalo
    telegram: FakeTelegram
    webhook: FakeWebhook
    smtp: FakeSmtp

    def channels(self) -> list[dict[str, Any]]:
        """The POST /relay/channels bodies pointing at these servers."""
        return [
            {
                "id": "zalo-xanh",
                "kind": "zalo",
                "name": "Nhóm Zalo Ngày chủ nhật xanh",
                "settings": {
                    "base_url": self.zalo.url,
                    "access_token": self.zalo.token,
                    "group_id": "g-xanh",
                },
            },
            {
                "id": "telegram-ioc",
                "kind": "telegram",
                "name": "Kênh Telegram IOC",
                "settings": {
                    "base_url": self.telegram.url,
                    "bot_token": self.telegram.token,
                    "chat_id": "-100200",
                },
            },
            {
                "id": "webhook-portal",
                "kind": "webhook",
                "name": "Cổng thông tin",
                "settings": {"url": f"{self.webhook.url}/relay"},
            },
            {
                "id": "email-tttt",
                "kind": "email",
                "name": "Hộp thư Truyền thông",
                "settings": {
                    "host": "127.0.0.1",
                    "port": self.smtp.port,
                    "sender": "ioc@hue.gov.vn",
                    "to": "truyenthong@hue.gov.vn",
                },
            },
        ]


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    made = Fakes(FakeZalo(), FakeTelegram(), FakeWebhook(), FakeSmtp())
    yield made
    for fake in (made.zalo, made.telegram, made.webhook, made.smtp):
        fake.close()


def configure(admin: Api, fakes: Fakes) -> None:
    for body in fakes.channels():
        answer = admin.post("/relay/channels", body)
        assert answer.status_code == 201, answer.text


def published(operator: Api, citizen: Api, unit: Api, **fields: Any) -> dict[str, Any]:
    report = citizen.new_report(reporter=REPORTER, **fields)
    report = operator.step(report, "accept", {"category": "environment", "urgency": "normal"})
    report = operator.step(report, "assign", {"unit": UNIT_CODE})
    report = unit.step(
        report,
        "resolve",
        {"result_text": "Đã thu gom rác; anh Nguyễn Văn A (0905123456) xác nhận."},
    )
    return operator.step(report, "publish", {"reply": "Cảm ơn."})


def blurred_photo() -> bytes:
    """A photograph with a face, blurred by the briefing packs' redaction."""
    data = pytest.importorskip("skimage.data")
    buffer = io.BytesIO()
    Image.fromarray(data.astronaut()).save(buffer, "JPEG")
    clean, boxes, _faces = redact_photo(buffer.getvalue())
    assert boxes, "the redaction found the face"
    return clean


def send(api: Api, report_id: int, channels: list[str], text: str, **extra: Any) -> Any:
    body = {
        "report_id": report_id,
        "channels": channels,
        "text": text,
        "idempotency_key": uuid.uuid4().hex,
        **extra,
    }
    return api.post("/relay/messages", body)


def settle(api: Api, server: CentralServer, clock: Clock, within: float = 30.0) -> list[Any]:
    """Every message once nothing is queued or sending (the clock jumps past each backoff)."""
    deadline = time.monotonic() + within
    while True:
        items: list[Any] = api.get("/relay/messages", limit=1000).json()["items"]
        if all(m["state"] in SETTLED for m in items):
            return items
        assert time.monotonic() < deadline, items
        due = [parse_time(m["next_attempt_at"]) for m in items if m["state"] == "queued"]
        if due and min(due) > clock.current:
            clock.advance(min(due) - clock.current)
        server.app.state.relay.wake()
        time.sleep(0.05)
