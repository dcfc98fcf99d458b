"""The live channel: GET /changes?wait=S holds the request until a change after the cursor is
committed (intake, an action), or answers empty after S seconds; no thread per waiting console."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

from console.central.server import CentralServer
from tests.console.central.conftest import (
    PG_URL,
    Api,
    Clock,
    answered_at,
    top_cursor,
    wait_until_parked,
    wipe_postgres,
)


def test_a_filed_report_wakes_a_waiting_console_at_once(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    operator, citizen = login("operator"), login("citizen")
    cursor = top_cursor(operator)
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(operator.get, "/changes", after=cursor, wait=20)
        wait_until_parked(server, 1)
        report = citizen.new_report(title="Cây đổ chắn đường Lê Lợi", urgency="urgent")
        filed = time.monotonic()
        answer, at = answered_at(waiting)
    assert at - filed < 5  # woken, not the 20 s wait running out
    assert answer.headers["X-Paht-Wait"] == "20"
    page = answer.json()
    assert [item["code"] for item in page["items"]] == [report["code"]]
    assert page["items"][0]["title"] == "Cây đổ chắn đường Lê Lợi"
    assert int(page["next"]) > int(cursor)


def test_an_action_wakes_a_waiting_console(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    operator, citizen = login("operator"), login("citizen")
    report = citizen.new_report()
    cursor = top_cursor(operator)
    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(operator.get, "/changes", after=cursor, wait=20)
        wait_until_parked(server, 1)
        operator.step(report, "accept", {"category": "environment", "urgency": "normal"})
        acted = time.monotonic()
        answer, at = answered_at(waiting)
    assert at - acted < 5  # woken, not the 20 s wait running out
    assert [(i["id"], i["status"]) for i in answer.json()["items"]] == [(report["id"], "accepted")]


def test_a_quiet_wait_ends_empty_after_its_seconds_with_the_cursor_unchanged(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    operator, citizen = login("operator"), login("citizen")
    citizen.new_report()
    cursor = top_cursor(operator)
    started = time.monotonic()
    answer = operator.get("/changes", after=cursor, wait=1)
    took = time.monotonic() - started
    assert 0.9 <= took < 10
    assert answer.status_code == 200
    assert answer.headers["X-Paht-Wait"] == "1"
    assert answer.json() == {"items": [], "next": cursor, "more": False}


def test_a_newer_change_answers_at_once_and_wait_zero_still_says_the_channel_exists(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    operator, citizen = login("operator"), login("citizen")
    citizen.new_report()
    started = time.monotonic()
    answer = operator.get("/changes", after="0", wait=30)
    assert time.monotonic() - started < 10  # not held for the 30 s wait
    assert len(answer.json()["items"]) == 1
    assert operator.get("/changes", after="0", wait=0).headers["X-Paht-Wait"] == "0"


@pytest.mark.parametrize(
    ("asked", "applied"), [("56", "55"), ("3600", "55"), ("00000000000000000090", "55")]
)
def test_a_long_wait_is_clamped_to_55_seconds(
    server: CentralServer, login: Callable[[str], Api], asked: str, applied: str
) -> None:
    operator, citizen = login("operator"), login("citizen")
    citizen.new_report()
    answer = operator.get("/changes", after="0", wait=asked)
    assert answer.headers["X-Paht-Wait"] == applied


@pytest.mark.parametrize("bad", ["soon", "-1", "2.5", "１０"])
def test_a_bad_wait_is_a_400_in_vietnamese(
    server: CentralServer, login: Callable[[str], Api], bad: str
) -> None:
    answer = login("operator").get("/changes", after="0", wait=bad)
    assert answer.status_code == 400
    assert answer.headers["Content-Type"] == "application/json"
    body = answer.json()
    assert body["code"] == "bad_wait"
    assert "Thời gian chờ" in body["message"]


def test_a_hundred_waiting_consoles_hold_no_thread_and_all_wake(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    """More waiters than the server's 40 worker threads: a filed report still gets through
    and wakes every one of them."""
    operator, citizen = login("operator"), login("citizen")
    cursor = top_cursor(operator)
    token = operator.http.headers["Authorization"]

    def wait_once() -> dict[str, Any]:
        with requests.Session() as http:
            answer = http.get(
                operator.base + "/changes",
                params={"after": cursor, "wait": 20},
                headers={"Authorization": token},
                timeout=30,
            )
        answer.raise_for_status()
        body: dict[str, Any] = answer.json()
        return body

    with ThreadPoolExecutor(100) as pool:
        waiters = [pool.submit(wait_once) for _ in range(100)]
        wait_until_parked(server, 100, within=20)
        shared = server.app.state.pages
        reads_before = shared.reads
        started = time.monotonic()
        report = citizen.new_report(title="Ngập sâu hầm chui Kim Long")
        filed = time.monotonic()
        pages = [w.result(timeout=20) for w in waiters]
        woke = time.monotonic()
    # A thread per waiter (40 in the pool) would hold the intake and the wake-ups until the
    # 20 s waits ran out; half of that leaves room for a slow machine.
    assert filed - started < 10
    assert woke - started < 10
    assert all([i["code"] for i in page["items"]] == [report["code"]] for page in pages)
    # Woken together at one cursor, they share the page read for the first of them.
    assert shared.reads - reads_before <= 5


def test_a_server_without_the_channel_answers_at_once_without_the_header(
    tmp_path: Path, clock: Clock
) -> None:
    with CentralServer(
        f"sqlite:///{tmp_path / 'old.sqlite3'}", demo=True, now=clock, live=False
    ) as old:
        operator = Api(old.base_url, "operator")
        started = time.monotonic()
        answer = operator.get("/changes", after="0", wait=20)
        assert time.monotonic() - started < 10  # not held for the 20 s wait
        assert answer.status_code == 200
        assert "X-Paht-Wait" not in answer.headers
        assert answer.json()["items"] == []


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set")
def test_on_postgresql_a_report_filed_on_one_server_wakes_a_wait_on_another(
    clock: Clock,
) -> None:
    """Two server processes' worth of API on one database: NOTIFY carries the wake-up."""
    assert PG_URL is not None
    wipe_postgres(PG_URL)
    with (
        CentralServer(PG_URL, demo=True, now=clock) as first,
        CentralServer(PG_URL, demo=True, now=clock) as second,
    ):
        citizen, operator = Api(first.base_url, "citizen"), Api(second.base_url, "operator")
        citizen.new_report()
        cursor = top_cursor(operator)
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(operator.get, "/changes", after=cursor, wait=20)
            wait_until_parked(second, 1)
            report = citizen.new_report(title="Đèn đường hỏng trên cầu Trường Tiền")
            filed = time.monotonic()
            answer, at = answered_at(waiting)
        assert at - filed < 5  # woken, not the 20 s wait running out
        assert [i["code"] for i in answer.json()["items"]] == [report["code"]]


def test_stopping_the_server_answers_the_waiting_consoles_at_once(
    tmp_path: Path, clock: Clock
) -> None:
    central = CentralServer(f"sqlite:///{tmp_path / 'c.sqlite3'}", demo=True, now=clock)
    try:
        central.start()
        operator = Api(central.base_url, "operator")
        with ThreadPoolExecutor(1) as pool:
            waiting = pool.submit(operator.get, "/changes", after="0", wait=30)
            wait_until_parked(central, 1)
            started = time.monotonic()
            central.stop()
            answer, at = answered_at(waiting)
        assert at - started < 10  # answered, not left to the 30 s wait
        assert answer.status_code == 200
        assert answer.json() == {"items": [], "next": "0", "more": False}
    finally:
        central.close()
