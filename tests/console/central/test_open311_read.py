"""The Open311 face read by a real client (PyPI `georeport` 0.3.1), in XML and in JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
import requests
from georeport import GeoReport

from console.central.server import CentralServer
from tests.console.central.conftest import Api, Clock


@pytest.fixture(params=["json", "xml"])
def client(request: pytest.FixtureRequest, server: CentralServer) -> GeoReport:
    return GeoReport(
        f"{server.base_url}/open311/v2", jurisdiction="hue.gov.vn", output_format=request.param
    )


def test_services_and_their_definitions(client: GeoReport) -> None:
    services = {s["service_code"]: s for s in client.get_service_list()}
    assert services["environment"]["service_name"] == "Môi trường, vệ sinh đô thị"
    assert str(services["roads"]["metadata"]).lower() == "true"
    assert str(services["heritage"]["metadata"]).lower() == "false"

    roads = client.get_service_definition("roads")
    assert roads["service_code"] == "roads"
    attributes = roads["attributes"]
    # xmltodict gives {"attribute": [...]} where JSON has the list.
    listed = attributes if isinstance(attributes, list) else attributes["attribute"]
    damage = next(a for a in listed if a["code"] == "DAMAGE")
    assert damage["datatype"] == "singlevaluelist" and str(damage["required"]).lower() == "true"
    values = damage["values"] if isinstance(damage["values"], list) else damage["values"]["value"]
    assert {"key": "pothole", "name": "Ổ gà"} in [dict(v) for v in values]


def test_requests_in_both_formats_hide_personal_data(
    client: GeoReport, login: Callable[[str], Api]
) -> None:
    citizen = login("citizen")
    first = citizen.new_report(description="Gọi Nguyễn Văn A số 0905123456 khi tới.")
    second = citizen.new_report(category="lighting")

    listed = client.get_service_requests(status="open")
    ids = {r["service_request_id"] for r in listed}
    assert ids == {str(first["id"]), str(second["id"])}
    mine = next(r for r in listed if r["service_request_id"] == str(first["id"]))
    assert "0905123456" not in mine["description"] and "Nguyễn Văn A" not in mine["description"]
    assert mine["status"] == "open" and float(mine["lat"]) == 16.46

    only = client.get_service_requests(service_code="lighting")
    only = only if isinstance(only, list) else [only]
    assert [r["service_request_id"] for r in only] == [str(second["id"])]

    one = client.get_service_request(str(first["id"]))
    assert one["service_code"] == "environment" and float(one["long"]) == 107.59
    assert "reporter" not in one and "a@example.vn" not in str(one)


def test_without_dates_the_list_covers_the_last_90_days(
    server: CentralServer, login: Callable[[str], Api], clock: Clock
) -> None:
    old = login("citizen").new_report()
    clock.advance(timedelta(days=91))
    new = login("citizen").new_report()
    base = f"{server.base_url}/open311/v2"
    listed = requests.get(f"{base}/requests.json", timeout=10).json()
    assert [r["service_request_id"] for r in listed] == [str(new["id"])]
    dated = requests.get(
        f"{base}/requests.json", params={"start_date": "2026-01-01T00:00:00Z"}, timeout=10
    ).json()
    assert {r["service_request_id"] for r in dated} == {str(old["id"]), str(new["id"])}
    big = requests.get(f"{base}/requests.json", params={"page_size": "5000"}, timeout=10)
    assert big.status_code == 200


def test_discovery_and_errors_in_the_spec_shape(server: CentralServer) -> None:
    base = f"{server.base_url}/open311/v2"
    found = requests.get(f"{base}/discovery.json", timeout=10).json()
    [endpoint] = found["endpoints"]
    assert endpoint["url"] == base and "text/xml" in endpoint["formats"]
    xml = requests.get(f"{server.base_url}/open311/discovery.xml", timeout=10)
    assert xml.headers["content-type"].startswith("text/xml")
    assert b"<endpoint><specification>http://wiki.open311.org/GeoReport_v2" in xml.content

    other = requests.get(f"{base}/services.xml", params={"jurisdiction_id": "hanoi"}, timeout=10)
    assert other.status_code == 404
    assert b"<errors><error><code>404</code><description>" in other.content
    bad = requests.get(f"{base}/requests.xml", params={"status": "maybe"}, timeout=10)
    assert bad.status_code == 400 and b"<code>400</code>" in bad.content
    missing = requests.get(f"{base}/services/nothing.json", timeout=10)
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404
    gone = requests.get(f"{base}/requests/12345.xml", timeout=10)
    assert gone.status_code == 404 and b"<errors>" in gone.content
