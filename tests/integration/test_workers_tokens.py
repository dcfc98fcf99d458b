"""The token cache of each server process on one PostgreSQL database: an account changed
through one process is seen by the very next request on another, where its token was cached."""

from __future__ import annotations

import uuid

import requests

from tests.integration import test_workers
from tests.integration.test_workers import Serve, signed_in

pytestmark = test_workers.pytestmark
db_url = test_workers.db_url
pair = test_workers.pair

PASSWORD = "mat-khau-du-dai"


def _account(admin: requests.Session, serve: Serve) -> str:
    name = f"t1.{uuid.uuid4().hex[:8]}"
    created = admin.post(
        f"{serve.base}/users",
        json={"name": name, "password": PASSWORD, "role": "operator"},
        timeout=10,
    )
    assert created.status_code == 201, created.text
    return name


def _signed_in_as(serve: Serve, name: str) -> requests.Session:
    session = requests.Session()
    answer = session.post(
        f"{serve.base}/auth/token", json={"user": name, "password": PASSWORD}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    session.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return session


def _me(session: requests.Session, serve: Serve) -> requests.Response:
    return session.get(f"{serve.base}/me", timeout=10)


def test_an_account_deactivated_through_one_process_is_refused_at_once_by_another(
    pair: tuple[Serve, Serve],
) -> None:
    a, b = pair
    admin = signed_in(b, "admin")
    name = _account(admin, b)
    there = _signed_in_as(a, name)
    for _ in range(3):  # cached on a by now
        assert _me(there, a).status_code == 200
    changed = admin.patch(f"{b.base}/users/{name}", json={"active": False}, timeout=10)
    assert changed.status_code == 200, changed.text
    refused = _me(there, a)
    assert refused.status_code == 401 and refused.json()["code"] == "invalid_token"


def test_a_role_changed_through_one_process_is_seen_at_once_by_another(
    pair: tuple[Serve, Serve],
) -> None:
    a, b = pair
    admin = signed_in(b, "admin")
    name = _account(admin, b)
    there = _signed_in_as(a, name)
    for _ in range(3):
        assert _me(there, a).json()["role"] == "operator"
    changed = admin.patch(f"{b.base}/users/{name}", json={"role": "supervisor"}, timeout=10)
    assert changed.status_code == 200, changed.text
    assert _me(there, a).json()["role"] == "supervisor"
