"""The server's life (restart on the same port), the reference, demo data, pictures, Open311."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import requests

from console.central.seed import seed_demo
from console.central.server import CentralServer
from tests.console.central.conftest import Api


def test_restart_on_the_same_port_keeps_the_data(server: CentralServer) -> None:
    citizen = Api(server.base_url, "citizen")
    report = citizen.new_report()
    port = server.port
    server.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{server.base_url}/api/v1/health", timeout=2)
    assert server.start() == f"http://127.0.0.1:{port}"
    operator = Api(server.base_url, "operator")
    assert operator.get(f"/reports/{report['id']}").json()["title"] == report["title"]
    health = operator.get("/health").json()
    assert health["status"] == "ok" and health["reports"] == 1 and health["demo"] is True


def test_reference_carries_rules_and_places(login: Callable[[str], Api]) -> None:
    reference = login("operator").get("/reference").json()
    assert {c["code"] for c in reference["categories"]} >= {"environment", "roads"}
    assert any(w["code"] == "phu-xuan" for w in reference["wards"])
    assert reference["units"] and reference["sla"] and reference["escalation"]["levels"]


def test_demo_city_seeds_and_serves_its_pictures(db_url: str) -> None:
    now = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)
    assert seed_demo(db_url, 300, seed=3, now=now) == 300
    assert seed_demo(db_url, 300, seed=3, now=now) == 0
    with CentralServer(db_url, demo=True) as central:
        operator = Api(central.base_url, "operator")
        page = operator.get("/changes", limit=300).json()
        assert len(page["items"]) == 300 and page["more"] is False
        detail = operator.get(f"/reports/{page['items'][-1]['id']}").json()
        assert detail["history"] or detail["status"] == "new"
        pytest.importorskip("console.central.demo.photos")
        with_photo = next(item for item in page["items"] if item["media"])
        picture = operator.http.get(central.base_url + with_photo["media"][0]["url"], timeout=10)
        assert picture.status_code == 200
        assert picture.headers["content-type"] == "image/jpeg"
        assert picture.content[:2] == b"\xff\xd8"
        again = operator.http.get(central.base_url + with_photo["media"][0]["url"], timeout=10)
        assert again.content == picture.content


def test_open311_face_is_public_and_without_reporter(
    login: Callable[[str], Api], server: CentralServer
) -> None:
    report = login("citizen").new_report()
    base = f"{server.base_url}/open311/v2"
    services = requests.get(f"{base}/services.json", timeout=10).json()
    assert any(s["service_code"] == "environment" for s in services)
    listed = requests.get(f"{base}/requests.json", params={"status": "open"}, timeout=10)
    [one] = listed.json()
    assert one["service_request_id"] == str(report["id"]) and one["status"] == "open"
    assert "0905123456" not in listed.text and "Nguyễn Văn A" not in listed.text
    assert (
        requests.get(f"{base}/requests.json", params={"status": "closed"}, timeout=10).json() == []
    )
    single = requests.get(f"{base}/requests/{report['id']}.json", timeout=10).json()
    assert single[0]["lat"] == 16.46 and single[0]["long"] == 107.59
    missing = requests.get(f"{base}/requests/999.json", timeout=10)
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404
    bad = requests.get(f"{base}/requests.json", params={"updated_after": "yesterday"}, timeout=10)
    assert bad.status_code == 400 and "updated_after" in bad.json()[0]["description"]


def test_served_records_are_exactly_the_domain_wire_form(db_url: str) -> None:
    """/changes builds records straight from rows; they must equal Report.to_json."""
    from sqlalchemy import select

    from console.central.db import ReportRow, make_engine
    from console.central.report_rows import report_from_row, report_json

    now = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)
    engine = make_engine(db_url)
    try:
        seed_demo(engine, 200, seed=5, now=now)
        with engine.connect() as conn:
            rows = conn.execute(select(ReportRow.__table__)).all()
    finally:
        engine.dispose()
    assert len(rows) == 200
    for row in rows:
        report = report_from_row(row)
        for contact in (True, False):
            assert report_json(row, with_reporter=contact) == report.to_json(with_reporter=contact)
