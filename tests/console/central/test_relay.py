"""The relay over real HTTP: a published result sent to local Zalo OA, Telegram, webhook and
SMTP servers arrives once in each with nothing personal in it; failures are retried with
backoff and end in `failed` with the channel's own words; retry; idempotency keys."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from console.central.server import CentralServer
from tests.console.central.conftest import Api, Clock
from tests.console.central.relay_helpers import (
    PERSONAL,
    Fakes,
    blurred_photo,
    configure,
    fakes,
    published,
    send,
    settle,
)

__all__ = ["fakes"]
TEXT = (
    "Phản ánh của Nguyễn Văn A (0905123456, a@example.vn) về xe 75A-123.45 chắn lối "
    "đã được xử lý xong."
)


def test_a_published_result_arrives_once_in_each_channel_with_nothing_personal(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    media, citizen = login("media"), login("citizen")
    report = published(login("operator"), citizen, login("unit"))
    photo = blurred_photo()
    photos = [{"jpeg_b64": base64.b64encode(photo).decode(), "reviewed": True, "caption": "Sau"}]
    channels = ["zalo-xanh", "telegram-ioc", "webhook-portal", "email-tttt"]

    answer = send(media, report["id"], channels, TEXT, photos=photos)

    assert answer.status_code == 202, answer.text
    assert [m["channel"] for m in answer.json()["messages"]] == channels
    items = settle(media, server, clock)
    assert {m["state"] for m in items} == {"sent"} and len(items) == 4
    assert all(m["remote_id"] and m["photo_count"] == 1 for m in items)
    zalo_text, zalo_photo = fakes.zalo.log
    telegram_text, telegram_photo = fakes.telegram.log
    (hook,) = fakes.webhook.log
    (mail,) = fakes.smtp.log
    mail_text = next(p for p in mail.walk() if p.get_content_type() == "text/plain")
    texts = [
        zalo_text["text"],
        telegram_text["text"],
        hook["text"],
        mail_text.get_payload(decode=True).decode(),
    ]
    for text in texts:
        assert "đã được xử lý xong" in text
        assert not [p for p in PERSONAL if p in text], text
    assert zalo_text["recipient"] == {"group_id": "g-xanh"}
    assert zalo_photo["photo"] == telegram_photo["photo"] == photo
    assert base64.b64decode(hook["photos"][0]["jpeg_b64"]) == photo
    attachment = next(p for p in mail.walk() if p.get_content_type() == "image/jpeg")
    assert attachment.get_payload(decode=True) == photo
    assert fakes.webhook.repeats == fakes.smtp.repeats == 0


def test_a_channel_failing_five_times_then_recovering_gets_it_exactly_once(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    operator = login("operator")
    report = published(operator, login("citizen"), login("unit"))
    fakes.telegram.fail_next = 5

    assert send(operator, report["id"], ["telegram-ioc"], TEXT).status_code == 202
    (message,) = settle(operator, server, clock)

    assert message["state"] == "sent" and message["attempts"] == 6
    assert message["last_error"] is None
    assert fakes.telegram.requests == 6
    assert len(fakes.telegram.log) == 1


def test_the_last_failure_shows_the_channels_words_and_retry_sends_it_again(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    operator = login("operator")
    report = published(operator, login("citizen"), login("unit"))
    fakes.zalo.fail_next = 8

    send(operator, report["id"], ["zalo-xanh"], TEXT)
    (message,) = settle(operator, server, clock)

    assert message["state"] == "failed" and message["attempts"] == 8
    assert message["last_error"] == (
        "Lỗi gửi qua Zalo OA «Nhóm Zalo Ngày chủ nhật xanh»: "
        "lỗi -32: Request exceeds the limit of the application"
    )
    assert [m["id"] for m in operator.get("/relay/messages", state="failed").json()["items"]] == [
        message["id"]
    ]
    assert fakes.zalo.log == []
    again = operator.post(f"/relay/messages/{message['id']}/retry", {})
    assert again.status_code == 200 and again.json()["state"] == "queued"
    assert again.json()["attempts"] == 8
    (message,) = settle(operator, server, clock)
    assert message["state"] == "sent" and len(fakes.zalo.log) == 1
    assert operator.post(f"/relay/messages/{message['id']}/retry", {}).status_code == 409


def test_the_same_idempotency_key_queues_nothing_twice(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    media = login("media")
    operator, citizen, unit = login("operator"), login("citizen"), login("unit")
    report, other = published(operator, citizen, unit), published(operator, citizen, unit)
    body = {
        "report_id": report["id"],
        "channels": ["webhook-portal", "telegram-ioc"],
        "text": TEXT,
        "idempotency_key": "key-of-the-console-0001",
    }

    first = media.post("/relay/messages", body)
    second = media.post("/relay/messages", body)
    reused = media.post("/relay/messages", {**body, "report_id": other["id"]})

    assert first.status_code == second.status_code == 202

    def ids(answer: Any) -> list[tuple[int, str]]:
        return [(m["id"], m["key"]) for m in answer.json()["messages"]]

    assert ids(first) == ids(second)
    assert [m["key"] for m in first.json()["messages"]] == [
        "key-of-the-console-0001:webhook-portal",
        "key-of-the-console-0001:telegram-ioc",
    ]
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"
    settle(media, server, clock)
    assert len(fakes.webhook.log) == len(fakes.telegram.log) == 1


def test_what_the_server_refuses_and_what_it_masks(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    operator, citizen = login("operator"), login("citizen")
    report = published(operator, citizen, login("unit"))
    fresh = citizen.new_report()
    photo = {"jpeg_b64": base64.b64encode(blurred_photo()).decode(), "reviewed": False}

    unreviewed = send(operator, report["id"], ["zalo-xanh"], TEXT, photos=[photo])
    not_jpeg = send(
        operator, report["id"], ["zalo-xanh"], TEXT, photos=[{"jpeg_b64": "aGk=", "reviewed": True}]
    )
    unpublished = send(operator, fresh["id"], ["zalo-xanh"], TEXT)
    unknown = send(operator, report["id"], ["zalo-khong-co"], TEXT)
    queued = send(operator, report["id"], ["zalo-xanh"], TEXT)

    assert unreviewed.status_code == 422 and unreviewed.json()["code"] == "photo_not_reviewed"
    assert not_jpeg.status_code == 422 and not_jpeg.json()["code"] == "invalid_photo"
    assert unpublished.status_code == 422 and unpublished.json()["code"] == "not_published"
    assert "chưa công khai" in unpublished.json()["message"]
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_channel"
    assert queued.status_code == 202
    (stored,) = operator.get("/relay/messages", report_id=report["id"]).json()["items"]
    assert not [p for p in PERSONAL if p in stored["text"]]
    assert "[đã ẩn]" in stored["text"]


def test_the_preview_is_masked_and_cut_to_each_channel(
    server: CentralServer, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    operator = login("operator")
    report = published(operator, login("citizen"), login("unit"), title="Rác " * 497)

    answer = operator.post(
        "/relay/preview", {"report_id": report["id"], "channels": ["zalo-xanh", "email-tttt"]}
    )

    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["text"].startswith(f"Phản ánh {report['code']}: Rác")
    assert "Đã thu gom rác" in body["text"]
    assert not [p for p in PERSONAL if p in body["text"]]
    zalo, email = body["per_channel"]
    assert len(zalo["text"]) == 2000 and zalo["text"].endswith("…")
    assert email["text"] == body["text"]
