"""Killing the server mid-send loses nothing and duplicates nothing: `paht-console serve` in a
child process is killed (SIGKILL) while a channel holds the relay's request open, then started
again on the same database; every channel's log is checked after the restarts.

A webhook (Idempotency-Key) and e-mail (Message-ID) are sent again and their receivers drop
the repeat; a Telegram message may or may not have arrived, so it is left `uncertain` for a
person to check, never sent again by itself."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from console.central.relay.sender import UNCERTAIN
from tests.channels.http_fakes import FakeTelegram, FakeWebhook, FakeZalo
from tests.channels.smtp_fake import FakeSmtp
from tests.console.central.relay_helpers import Fakes
from tests.integration.conftest import PG_URL, Serve, signed_in
from tests.postgres import own_database

TEXT = "Rác trên đường Lê Lợi đã được thu gom."


@pytest.fixture
def fakes() -> Iterator[Fakes]:
    made = Fakes(FakeZalo(), FakeTelegram(), FakeWebhook(), FakeSmtp())
    yield made
    for fake in (made.zalo, made.telegram, made.webhook, made.smtp):
        fake.close()


def _step(
    session: requests.Session,
    serve: Serve,
    report: dict[str, Any],
    action: str,
    payload: dict[str, Any],
) -> dict[str, Any]:
    body = {
        "type": action,
        "payload": payload,
        "expected_version": report["version"],
        "idempotency_key": uuid.uuid4().hex,
    }
    answer = session.post(f"{serve.base}/reports/{report['id']}/actions", json=body, timeout=10)
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()
    return result


def _published(serve: Serve) -> dict[str, Any]:
    citizen, operator, unit = (signed_in(serve, n) for n in ("citizen", "operator", "unit"))
    body = {"title": "Rác tràn lòng đường", "category": "environment", "ward": "phu-xuan"}
    report = citizen.post(f"{serve.base}/reports", json=body, timeout=10).json()
    report = _step(
        operator, serve, report, "accept", {"category": "environment", "urgency": "normal"}
    )
    units = operator.get(f"{serve.base}/reference", timeout=10).json()["units"]
    report = _step(operator, serve, report, "assign", {"unit": units[0]["code"]})
    report = _step(unit, serve, report, "resolve", {"result_text": "Đã thu gom."})
    return _step(operator, serve, report, "publish", {})


def _messages(serve: Serve) -> list[dict[str, Any]]:
    answer = signed_in(serve, "operator").get(f"{serve.base}/relay/messages", timeout=10)
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def _settled(serve: Serve, count: int) -> dict[str, dict[str, Any]]:
    deadline = time.monotonic() + 30
    while True:
        items = _messages(serve)
        if len(items) == count and all(m["state"] in ("sent", "uncertain") for m in items):
            return {m["channel"]: m for m in items}
        assert time.monotonic() < deadline, items
        time.sleep(0.2)


def _settled_all(serve: Serve, count: int) -> list[str]:
    deadline = time.monotonic() + 30
    while True:
        states = [m["state"] for m in _messages(serve)]
        if len(states) == count and "queued" not in states and "sending" not in states:
            return states
        assert time.monotonic() < deadline, states
        time.sleep(0.2)


def test_a_server_killed_mid_send_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, fakes: Fakes
) -> None:
    db_url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    serve = Serve(db_url, tmp_path / "data", workers=1)
    try:
        admin = signed_in(serve, "admin")
        for body in fakes.channels():
            assert admin.post(f"{serve.base}/relay/channels", json=body, timeout=10).ok
        report = _published(serve)
        held = {
            "webhook-portal": fakes.webhook,
            "email-tttt": fakes.smtp,
            "telegram-ioc": fakes.telegram,
        }
        for channel, fake in held.items():
            fake.hold()
            body = {
                "report_id": report["id"],
                "channels": [channel],
                "text": TEXT,
                "idempotency_key": uuid.uuid4().hex,
            }
            sent = signed_in(serve, "media").post(
                f"{serve.base}/relay/messages", json=body, timeout=10
            )
            assert sent.status_code == 202, sent.text
            assert fake.arrived.wait(20), f"{channel} got nothing"
            serve.kill()
            fake.release()
            serve = Serve(db_url, tmp_path / "data", workers=1)

        states = _settled(serve, 3)
    finally:
        serve.kill()

    assert states["webhook-portal"]["state"] == states["email-tttt"]["state"] == "sent"
    assert states["webhook-portal"]["attempts"] == states["email-tttt"]["attempts"] == 2
    assert states["telegram-ioc"]["state"] == "uncertain"
    assert states["telegram-ioc"]["last_error"] == UNCERTAIN
    assert [h["text"] for h in fakes.webhook.log] == [TEXT]
    assert fakes.webhook.repeats == 1
    assert len(fakes.smtp.log) == 1 and fakes.smtp.repeats == 1
    assert [t["text"] for t in fakes.telegram.log] == [TEXT]
    assert fakes.telegram.requests == 1


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set")
def test_with_two_server_processes_only_one_sends(tmp_path: Path, fakes: Fakes) -> None:
    """`serve --workers 2`: each process runs a sender, the advisory lock lets one send."""
    with own_database("relay_workers") as db_url:
        serve = Serve(db_url, tmp_path / "data", workers=2)
        try:
            admin = signed_in(serve, "admin")
            assert admin.post(
                f"{serve.base}/relay/channels", json=fakes.channels()[1], timeout=10
            ).ok
            report = _published(serve)
            media = signed_in(serve, "media")
            for n in range(12):
                body = {
                    "report_id": report["id"],
                    "channels": ["telegram-ioc"],
                    "text": f"{TEXT} ({n})",
                    "idempotency_key": uuid.uuid4().hex,
                }
                assert media.post(f"{serve.base}/relay/messages", json=body, timeout=10).ok
            states = _settled_all(serve, 12)
        finally:
            serve.kill()

    assert states == ["sent"] * 12
    assert sorted(t["text"] for t in fakes.telegram.log) == sorted(
        f"{TEXT} ({n})" for n in range(12)
    )
    assert fakes.telegram.requests == 12


def _is_sender(serve: Serve) -> bool:
    answer = requests.get(f"{serve.base}/health", timeout=10)
    return bool(answer.json()["relay_sender"])


def _relay(serve: Serve, report: dict[str, Any], text: str) -> None:
    body = {
        "report_id": report["id"],
        "channels": ["telegram-ioc"],
        "text": text,
        "idempotency_key": uuid.uuid4().hex,
    }
    sent = signed_in(serve, "media").post(f"{serve.base}/relay/messages", json=body, timeout=10)
    assert sent.status_code == 202, sent.text


def test_a_second_server_on_the_same_sqlite_file_stands_by_until_the_first_dies(
    tmp_path: Path, fakes: Fakes
) -> None:
    """Started by mistake on the first one's file, it must not take the message the first is
    sending for one a dead server left (Telegram would get it twice, or it would be marked
    uncertain under a person's nose); once the first dies, it sends."""
    db_url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    first = Serve(db_url, tmp_path / "data-1", workers=1)
    second: Serve | None = None
    try:
        admin = signed_in(first, "admin")
        assert admin.post(f"{first.base}/relay/channels", json=fakes.channels()[1], timeout=10).ok
        report = _published(first)
        fakes.telegram.hold()
        _relay(first, report, f"{TEXT} (1)")
        assert fakes.telegram.arrived.wait(20), "telegram got nothing"
        second = Serve(db_url, tmp_path / "data-2", workers=1)
        assert _is_sender(first) and not _is_sender(second)
        time.sleep(3)  # three of the second's polling rounds: a sender would recover at once
        assert [m["state"] for m in _messages(second)] == ["sending"]
        fakes.telegram.release()
        assert _settled_all(first, 1) == ["sent"]

        first.kill()
        deadline = time.monotonic() + 20
        while not _is_sender(second):
            assert time.monotonic() < deadline, "the second server never took the turn"
            time.sleep(0.2)
        _relay(second, report, f"{TEXT} (2)")
        states = _settled_all(second, 2)
    finally:
        first.kill()
        if second is not None:
            second.kill()

    assert states == ["sent", "sent"]
    assert [t["text"] for t in fakes.telegram.log] == [f"{TEXT} (1)", f"{TEXT} (2)"]
    assert fakes.telegram.requests == 2
