"""Who may relay and manage channels, secrets that never leave the server, and rules that
queue the server's own masked text when a report is published."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from console.central.server import CentralServer
from tests.console.central.conftest import Api, Clock
from tests.console.central.relay_helpers import (
    PERSONAL,
    Fakes,
    configure,
    fakes,
    published,
    send,
    settle,
)

__all__ = ["fakes"]


@pytest.mark.parametrize("role", ["wall", "unit", "citizen"])
def test_roles_outside_the_newsroom_may_neither_read_nor_send(
    server: CentralServer, login: Callable[[str], Api], fakes: Fakes, role: str
) -> None:
    configure(login("admin"), fakes)
    report = published(login("operator"), login("citizen"), login("unit"))
    api = login(role)

    answers = [
        api.get("/relay/channels"),
        api.get("/relay/messages"),
        send(api, report["id"], ["webhook-portal"], "Đã xử lý."),
        api.post("/relay/preview", {"report_id": report["id"], "channels": ["webhook-portal"]}),
        api.post("/relay/rules", {"channels": ["webhook-portal"]}),
    ]

    assert [a.status_code for a in answers] == [403] * 5
    assert all(a.json()["code"] in ("forbidden_role", "read_only_role") for a in answers)


def test_only_the_admin_manages_channels_and_no_secret_is_ever_answered(
    server: CentralServer, login: Callable[[str], Api], fakes: Fakes
) -> None:
    admin, operator = login("admin"), login("operator")
    body = fakes.channels()[1]

    refused = operator.post("/relay/channels", body)
    created = admin.post("/relay/channels", body)
    missing = admin.post("/relay/channels", {**body, "id": "telegram-2", "settings": {}})
    listed = operator.get("/relay/channels")

    assert refused.status_code == 403
    assert created.status_code == 201
    assert missing.status_code == 422 and "bot_token" in missing.json()["message"]
    assert listed.json() == [
        {
            "id": "telegram-ioc",
            "kind": "telegram",
            "name": "Kênh Telegram IOC",
            "enabled": True,
            "photos": True,
            "max_text": 4096,
        }
    ]
    for answer in (created, listed, admin.get("/relay/channels")):
        assert fakes.telegram.token not in answer.text
    assert operator.http.delete(f"{operator.base}/relay/channels/telegram-ioc").status_code == 403
    gone = admin.http.delete(f"{admin.base}/relay/channels/telegram-ioc")
    assert gone.status_code == 200 and fakes.telegram.token not in gone.text
    assert operator.get("/relay/channels").json() == []


def test_a_rule_queues_the_servers_masked_text_when_a_matching_report_is_published(
    server: CentralServer, clock: Clock, login: Callable[[str], Api], fakes: Fakes
) -> None:
    configure(login("admin"), fakes)
    media, operator, citizen, unit = (login(n) for n in ("media", "operator", "citizen", "unit"))
    rule = media.post(
        "/relay/rules",
        {
            "channels": ["zalo-xanh", "webhook-portal"],
            "category": "environment",
            "ward": "phu-xuan",
        },
    )
    elsewhere = media.post("/relay/rules", {"channels": ["telegram-ioc"], "ward": "phong-dien"})
    assert rule.status_code == 201, rule.text
    assert elsewhere.status_code == 201, elsewhere.text

    report = published(operator, citizen, unit)
    items = settle(media, server, clock)

    rule_id = rule.json()["id"]
    assert sorted(m["key"] for m in items) == [
        f"rule:{rule_id}:{report['id']}:webhook-portal",
        f"rule:{rule_id}:{report['id']}:zalo-xanh",
    ]
    assert {m["state"] for m in items} == {"sent"}
    assert all(m["photo_count"] == 0 and m["created_by"] == f"rule:{rule_id}" for m in items)
    (zalo,) = fakes.zalo.log
    assert zalo["text"].startswith(f"Phản ánh {report['code']}: ")
    assert "Đã thu gom rác" in zalo["text"]
    assert not [p for p in PERSONAL if p in zalo["text"]]
    assert fakes.telegram.log == []
    assert [r["id"] for r in media.get("/relay/rules").json()] == [
        rule_id,
        elsewhere.json()["id"],
    ]
    assert media.http.delete(f"{media.base}/relay/rules/{rule_id}").status_code == 200
    published(operator, citizen, unit)
    assert len(settle(media, server, clock)) == 2
