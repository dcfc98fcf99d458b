"""The living demo city against a real central API: citizens report, units answer."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from console.central.demo.simulator import CitySimulator
from console.central.server import CentralServer
from tests.console.central.conftest import Api


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the simulator did not get there in time"
        time.sleep(0.05)


@pytest.fixture
def simulator(server: CentralServer) -> Iterator[CitySimulator]:
    # One city hour per real 0.1 s: reports every few tenths, units answer within seconds.
    city = CitySimulator(server.base_url, speed=36_000.0, seed=5, rate_per_hour=1.0)
    city.start()
    yield city
    city.stop()


def test_citizens_report_and_units_answer_what_operators_assign(
    simulator: CitySimulator, login: Callable[[str], Api]
) -> None:
    operator = login("operator")

    def new_reports() -> list[dict[str, Any]]:
        items = operator.get("/changes", limit="1000").json()["items"]
        return [r for r in items if r["status"] == "new"]

    wait_until(lambda: len(new_reports()) >= 3)
    report = new_reports()[0]
    assert report["title"] and report["reporter"]["name"]
    assert report["lat"] is not None and report["ward"]
    report = operator.step(report, "accept", {"category": report["category"], "urgency": "normal"})
    report = operator.step(report, "assign", {"unit": "moi-truong-do-thi"})

    def answered() -> bool:
        current = operator.get(f"/reports/{report['id']}").json()
        return current["status"] in ("returned", "resolved", "extension_requested")

    wait_until(answered)
    current = operator.get(f"/reports/{report['id']}").json()
    unit_steps = [e["action"] for e in current["history"] if e["role"] == "unit"]
    assert unit_steps[-1] in ("return", "resolve", "request_extension")
    if current["status"] == "resolved":
        assert current["result_text"].startswith("Kính gửi: Quý Ông/Bà.")
        assert any(m["kind"] == "result_photo" for m in current["media"])
    if current["status"] == "extension_requested":
        assert current["extension_deadline"] > current["deadline"]
    assert simulator.reports_sent >= 3 and simulator.actions_done >= 1
    simulator.stop()
    assert not simulator.is_alive()


def test_a_missing_server_is_retried_without_killing_the_thread() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    city = CitySimulator(f"http://127.0.0.1:{port}", speed=36_000.0, seed=1)
    city.start()
    try:
        wait_until(lambda: city.errors >= 1)
        assert city.is_alive()
    finally:
        city.stop()
    assert not city.is_alive()
