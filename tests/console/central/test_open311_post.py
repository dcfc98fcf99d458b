"""POST requests with a partner app's api_key, tokens and the admin's keys, over plain HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from console.central.server import CentralServer
from tests.console.central.conftest import Api


@pytest.fixture
def base(server: CentralServer) -> str:
    return f"{server.base_url}/open311/v2"


@pytest.fixture
def api_key(login: Callable[[str], Api]) -> str:
    made = login("admin").post("/open311/keys", {"app": "hue-tourist"})
    assert made.status_code == 201, made.text
    key: str = made.json()["api_key"]
    return key


POTHOLE: dict[str, Any] = {
    "service_code": "roads",
    "lat": "16.4637",
    "long": "107.5909",
    "description": "Ổ gà lớn trước khách sạn, xe máy dễ ngã.\nGọi 0905123456.",
    "attribute[DAMAGE]": "pothole",
    "attribute[WIDTH_M]": "1,5",
    "first_name": "Anna",
    "last_name": "Schmidt",
    "email": "anna@example.de",
    "media_url": "https://partner.example/photos/1.jpg",
}


def test_a_partner_report_enters_as_new_with_its_channel(
    base: str, api_key: str, login: Callable[[str], Api]
) -> None:
    posted = requests.post(
        f"{base}/requests.json", data={**POTHOLE, "api_key": api_key}, timeout=10
    )
    assert posted.status_code == 200, posted.text
    [created] = posted.json()
    report_id = created["service_request_id"]

    records = login("operator").get("/changes", after="0").json()["items"]
    [report] = [r for r in records if str(r["id"]) == report_id]
    assert report["status"] == "new" and report["channel"] == "hue-tourist"
    assert report["category"] == "roads" and report["lat"] == 16.4637
    assert report["title"] == "Ổ gà lớn trước khách sạn, xe máy dễ ngã."
    assert "Loại hư hỏng mặt đường: Ổ gà" in report["description"]
    assert "Chiều rộng ước tính (mét): 1,5" in report["description"]
    assert "https://partner.example/photos/1.jpg" in report["description"]
    assert report["reporter"] == {"name": "Anna Schmidt", "phone": None, "email": "anna@example.de"}

    token = requests.get(f"{base}/tokens/{created['token']}.xml", timeout=10)
    assert f"<service_request_id>{report_id}</service_request_id>".encode() in token.content
    public = requests.get(f"{base}/requests/{report_id}.json", timeout=10).json()[0]
    assert "0905123456" not in public["description"] and "anna@" not in str(public)


def test_json_body_and_xml_answer(base: str, api_key: str) -> None:
    body = {
        "api_key": api_key,
        "service_code": "lighting",
        "address_string": "Cầu Trường Tiền",
        "attribute": {"FAULT": "off"},
    }
    posted = requests.post(f"{base}/requests.xml", json=body, timeout=10)
    assert posted.status_code == 200, posted.text
    assert posted.content.startswith(b"<?xml") and b"<token>" in posted.content
    assert b"<service_requests><request><service_request_id>" in posted.content


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"api_key": "not-a-key"}, 403, "api_key"),
        ({"service_code": ""}, 400, "service_code"),
        ({"service_code": "potholes"}, 400, "potholes"),
        ({"lat": "", "long": ""}, 400, "address_string"),
        ({"lat": "95"}, 400, "lat"),
        ({"attribute[DAMAGE]": ""}, 400, "DAMAGE"),
        ({"attribute[DAMAGE]": "volcano"}, 400, "volcano"),
        ({"attribute[WIDTH_M]": "wide"}, 400, "WIDTH_M"),
        ({"attribute[COLOUR]": "red"}, 400, "COLOUR"),
        ({"media_url": "file:///etc/passwd"}, 400, "media_url"),
        ({"jurisdiction_id": "hanoi"}, 404, "hanoi"),
    ],
)
def test_refusals_are_the_spec_error_lists(
    base: str, api_key: str, change: dict[str, str], status: int, words: str
) -> None:
    body = {**POTHOLE, "api_key": api_key, **change}
    answer = requests.post(f"{base}/requests.json", data=body, timeout=10)
    assert answer.status_code == status, answer.text
    [error] = answer.json()
    assert error["code"] == status and words in error["description"]
    xml = requests.post(f"{base}/requests.xml", data=body, timeout=10)
    assert xml.status_code == status
    assert f"<errors><error><code>{status}</code>".encode() in xml.content


def test_keys_are_the_admins_shown_once_and_revocable(
    base: str, api_key: str, login: Callable[[str], Api]
) -> None:
    admin = login("admin")
    assert login("operator").get("/open311/keys").status_code == 403
    [listed] = admin.get("/open311/keys").json()["items"]
    assert listed["app"] == "hue-tourist" and "api_key" not in listed
    assert admin.post("/open311/keys", {"app": "hue-tourist"}).status_code == 409
    assert admin.post("/open311/keys", {"app": "hotline"}).status_code == 409
    revoked = admin.http.delete(f"{admin.base}/open311/keys/hue-tourist", timeout=10)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    refused = requests.post(
        f"{base}/requests.json", data={**POTHOLE, "api_key": api_key}, timeout=10
    )
    assert refused.status_code == 403
    assert requests.get(f"{base}/tokens/unknown.json", timeout=10).status_code == 404
