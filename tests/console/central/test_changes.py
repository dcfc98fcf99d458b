"""Pulling changes by cursor: nothing lost, nothing stale, nothing private for media staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from console.central.seed import insert_reports
from console.central.server import CentralServer
from tests.console.central.conftest import START, Api, wire_report


def _seed(server: CentralServer, count: int) -> None:
    insert_reports(
        server.app.state.service.engine, (wire_report(i, START) for i in range(1, count + 1))
    )


def test_paging_loses_nothing_while_reports_change(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    _seed(server, 2_500)
    operator = login("operator")
    latest: dict[int, dict[str, Any]] = {}
    seen: list[int] = []
    cursor = "0"
    pages = 0
    changed = False
    while True:
        page = operator.get("/changes", after=cursor, limit=1000).json()
        pages += 1
        for item in page["items"]:
            seen.append(item["id"])
            latest[item["id"]] = item
        cursor = page["next"]
        if not changed:
            early, late = latest[5], {"id": 2_400, "version": 1}
            operator.step(early, "accept")
            operator.step(late, "accept")
            changed = True
        if not page["more"]:
            break
    assert set(latest) == set(range(1, 2_501))
    assert len(seen) == 2_501  # report 5 comes again with its new state, 2 400 only once
    assert latest[5]["status"] == "accepted" and latest[5]["version"] == 2
    assert latest[2_400]["status"] == "accepted"
    assert pages == 3
    empty = operator.get("/changes", after=cursor).json()
    assert empty == {"items": [], "next": cursor, "more": False}


def test_limit_is_capped_and_defaulted(server: CentralServer, login: Callable[[str], Api]) -> None:
    _seed(server, 1_200)
    operator = login("operator")
    assert len(operator.get("/changes").json()["items"]) == 1_000
    everything = operator.get("/changes", limit=999_999).json()
    assert len(everything["items"]) == 1_200 and everything["more"] is False


def test_bad_cursor_or_limit_is_a_400_with_a_reason(login: Callable[[str], Api]) -> None:
    operator = login("operator")
    for params in (
        {"after": "abc"},
        {"after": "-1"},
        {"after": "1.5"},
        {"limit": "0"},
        {"limit": "x"},
    ):
        answer = operator.get("/changes", **params)
        assert answer.status_code == 400, params
        body = answer.json()
        assert set(body) == {"code", "message"} and body["code"] in {"bad_cursor", "bad_limit"}


def test_media_staff_never_receive_the_reporter(login: Callable[[str], Api]) -> None:
    report = login("citizen").new_report()
    media, operator = login("media"), login("operator")
    [item] = media.get("/changes").json()["items"]
    assert "reporter" not in item
    assert "reporter" not in media.get(f"/reports/{report['id']}").json()
    assert "0905123456" not in media.get("/changes").text
    [seen] = operator.get("/changes").json()["items"]
    assert seen["reporter"] == {
        "name": "Nguyễn Văn A",
        "phone": "0905123456",
        "email": "a@example.vn",
    }
    unit = login("unit")
    assert "reporter" not in unit.get("/changes").json()["items"][0]


def test_report_carries_its_history(login: Callable[[str], Api]) -> None:
    operator = login("operator")
    report = login("citizen").new_report()
    operator.step(report, "accept", {"urgency": "urgent"})
    detail = operator.get(f"/reports/{report['id']}").json()
    assert detail["urgency"] == "urgent" and detail["version"] == 2
    [event] = detail["history"]
    assert event["action"] == "accept" and event["actor"] == "operator"
    assert (event["from_status"], event["to_status"]) == ("new", "accepted")
