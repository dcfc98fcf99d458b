"""Signing in to the central API: tokens, refusals, the brake on guessing, accounts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
import requests

from console.central.server import CentralServer
from tests.console.central.conftest import Api, Clock


def _token(base: str, user: str, password: str) -> requests.Response:
    return requests.post(
        f"{base}/api/v1/auth/token", json={"user": user, "password": password}, timeout=10
    )


def test_demo_account_signs_in_and_sees_itself(server: CentralServer) -> None:
    answer = _token(server.base_url, "supervisor", "demo")
    assert answer.status_code == 200
    body = answer.json()
    assert body["role"] == "supervisor" and body["user"] == "supervisor"
    assert body["expires_at"].startswith("2026-01-05T14:00")
    me = requests.get(
        f"{server.base_url}/api/v1/me",
        headers={"Authorization": f"Bearer {body['token']}"},
        timeout=10,
    )
    assert me.json() == {"name": "supervisor", "role": "supervisor", "unit_code": None}


@pytest.mark.parametrize(("user", "password"), [("operator", "wrong"), ("nobody", "demo")])
def test_bad_credentials_are_refused_with_a_reason(
    server: CentralServer, user: str, password: str
) -> None:
    answer = _token(server.base_url, user, password)
    assert answer.status_code == 401
    assert answer.json() == {
        "code": "bad_credentials",
        "message": "Sai tên đăng nhập hoặc mật khẩu.",
    }


def test_repeated_failures_make_the_next_try_wait(server: CentralServer, clock: Clock) -> None:
    for _ in range(5):
        assert _token(server.base_url, "operator", "guess").status_code == 401
    blocked = _token(server.base_url, "operator", "demo")
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) >= 1
    assert blocked.json()["code"] == "too_many_attempts"
    assert "thử lại sau" in blocked.json()["message"]
    assert _token(server.base_url, "supervisor", "demo").status_code == 200
    clock.advance(timedelta(seconds=int(blocked.headers["Retry-After"])))
    assert _token(server.base_url, "operator", "demo").status_code == 200


def test_expired_or_missing_token_is_401(server: CentralServer, clock: Clock) -> None:
    api = Api(server.base_url, "operator")
    assert api.get("/changes").status_code == 200
    clock.advance(timedelta(hours=13))
    expired = api.get("/changes")
    assert expired.status_code == 401 and expired.json()["code"] == "token_expired"
    anonymous = requests.get(f"{server.base_url}/api/v1/changes", timeout=10)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "not_authenticated"
    forged = requests.get(
        f"{server.base_url}/api/v1/changes", headers={"Authorization": "Bearer forged"}, timeout=10
    )
    assert forged.status_code == 401 and forged.json()["code"] == "invalid_token"


def test_a_server_is_a_demo_only_when_asked(tmp_path: Path) -> None:
    with CentralServer(f"sqlite:///{tmp_path / 'central.sqlite3'}") as central:
        assert not central.demo
        for user in ("operator", "supervisor", "media", "admin"):
            assert _token(central.base_url, user, "demo").status_code == 401


def test_outside_demo_only_the_configured_admin_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAHT_ADMIN_PASSWORD", "s3cret-admin")
    with CentralServer(f"sqlite:///{tmp_path / 'prod.sqlite3'}", demo=False) as central:
        assert _token(central.base_url, "operator", "demo").status_code == 401
        assert _token(central.base_url, "admin", "demo").status_code == 401
        admin = Api(central.base_url, "admin", "s3cret-admin")
        created = admin.post(
            "/users", {"name": "lan.nguyen", "password": "mat-khau-dai", "role": "operator"}
        )
        assert created.status_code == 201
        assert created.json() == {
            "name": "lan.nguyen",
            "role": "operator",
            "unit_code": None,
            "display_name": "",
            "active": True,
            "created_at": created.json()["created_at"],
        }
        again = admin.post(
            "/users", {"name": "lan.nguyen", "password": "mat-khau-dai", "role": "operator"}
        )
        assert again.status_code == 409
        operator = Api(central.base_url, "lan.nguyen", "mat-khau-dai")
        refused = operator.post(
            "/users", {"name": "x", "password": "mat-khau-dai", "role": "admin"}
        )
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden_role"


def test_only_citizens_and_admins_file_new_reports(login: Callable[[str], Api]) -> None:
    answer = login("operator").post("/reports", {"title": "x", "category": "environment"})
    assert answer.status_code == 403
    report = login("citizen").new_report()
    assert report["status"] == "new" and report["version"] == 1
    assert report["code"] == f"PA-2026-{report['id']:06d}"
