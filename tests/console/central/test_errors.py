"""Every refusal is JSON {code, message} in Vietnamese; malformed input is a 4xx, never a 5xx."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from console.central.server import CentralServer
from tests.console.central.conftest import Api


def _assert_error(answer: requests.Response, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = answer.json()
    assert set(body) == {"code", "message"}
    assert body["message"] and body["code"]
    return body


def test_unknown_paths_and_methods(server: CentralServer) -> None:
    base = server.base_url
    _assert_error(requests.get(f"{base}/api/v1/nothing-here", timeout=10), 404)
    _assert_error(requests.delete(f"{base}/api/v1/changes", timeout=10), 405)
    body = _assert_error(requests.get(f"{base}/api/v1/reports/1", timeout=10), 401)
    assert "đăng nhập" in body["message"]


def test_malformed_bodies(server: CentralServer, login: Callable[[str], Api]) -> None:
    operator = login("operator")
    report = login("citizen").new_report()
    url = f"{operator.base}/reports/{report['id']}/actions"
    broken = operator.http.post(
        url, data=b"{not json", headers={"Content-Type": "application/json"}, timeout=10
    )
    assert _assert_error(broken, 400)["code"] == "invalid_json"
    bodies: list[Any] = [
        {},
        [],
        "text",
        {"type": "accept", "expected_version": "one", "idempotency_key": "k"},
        {"type": "fly", "expected_version": 1, "idempotency_key": "k"},
        {"type": "accept", "expected_version": 1, "idempotency_key": ""},
        {"type": "accept", "expected_version": 1, "idempotency_key": "k", "payload": [1]},
        {"type": "accept", "expected_version": 1, "idempotency_key": "k", "surprise": True},
    ]
    for body in bodies:
        answer = operator.http.post(url, json=body, timeout=10)
        assert _assert_error(answer, 422)["code"] == "invalid_request", body
    token = requests.post(f"{server.base_url}/api/v1/auth/token", json={"user": 5}, timeout=10)
    _assert_error(token, 422)


@pytest.mark.parametrize("report_id", ["abc", "0", "-3", "99999999999999999999", "1.5"])
def test_malformed_ids(login: Callable[[str], Api], report_id: str) -> None:
    _assert_error(login("operator").get(f"/reports/{report_id}"), 422)


def test_missing_report_and_media(login: Callable[[str], Api]) -> None:
    operator = login("operator")
    assert "phản ánh số 42" in _assert_error(operator.get("/reports/42"), 404)["message"]
    _assert_error(operator.get("/reports/42/media/1"), 404)
    report = login("citizen").new_report()
    _assert_error(operator.get(f"/reports/{report['id']}/media/1"), 404)
    missing = operator.post(
        "/reports/42/actions",
        {"type": "accept", "expected_version": 1, "idempotency_key": "k"},
    )
    _assert_error(missing, 404)


def test_bad_intake_is_refused_with_the_field(login: Callable[[str], Api]) -> None:
    citizen = login("citizen")
    unknown = citizen.post("/reports", {"title": "x", "category": "weather"})
    assert "weather" in _assert_error(unknown, 422)["message"]
    far = citizen.post("/reports", {"title": "x", "category": "roads", "lat": 200, "lon": 1})
    assert "lat" in _assert_error(far, 422)["message"]
    half = citizen.post("/reports", {"title": "x", "category": "roads", "lat": 16.4})
    _assert_error(half, 422)


def test_openapi_documents_every_endpoint_and_error(server: CentralServer) -> None:
    spec = requests.get(f"{server.base_url}/openapi.json", timeout=10).json()
    paths = spec["paths"]
    for path in (
        "/api/v1/auth/token",
        "/api/v1/changes",
        "/api/v1/reports",
        "/api/v1/reports/{report_id}",
        "/api/v1/reports/{report_id}/media/{n}",
        "/api/v1/reports/{report_id}/actions",
        "/api/v1/reference",
        "/api/v1/me",
        "/api/v1/users",
        "/api/v1/health",
    ):
        assert path in paths, path
    actions = paths["/api/v1/reports/{report_id}/actions"]["post"]["responses"]
    assert {"200", "401", "403", "404", "409", "422"} <= set(actions)
    assert actions["409"]["content"]["application/json"]["schema"]["$ref"].endswith("ConflictBody")
    assert actions["422"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorBody")
    changes = paths["/api/v1/changes"]["get"]["responses"]["200"]
    assert changes["content"]["application/json"]["schema"]["$ref"].endswith("ChangesPage")
