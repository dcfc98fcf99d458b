"""The token cache of each server process on one PostgreSQL database: an account changed
through one process is seen on another, where its token was cached, as soon as the database's
notification reaches it (milliseconds; a request or two under load)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

import requests

from tests.integration.conftest import ON_POSTGRES, Serve, signed_in

pytestmark = ON_POSTGRES

PASSWORD = "mat-khau-du-dai"
#: How long another process may take to hear of an account change (a loaded CI machine).
NOTE_DELIVERY_S = 2.0


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


def _until(
    ask: Callable[[], requests.Response], seen: Callable[[requests.Response], bool]
) -> requests.Response:
    """The first answer in which the change is seen. The other process learns of it by a
    PostgreSQL notification, delivered in milliseconds but not ordered with the requests it
    serves: under load a request or two may still be answered from its cache."""
    deadline = time.monotonic() + NOTE_DELIVERY_S
    while True:
        answer = ask()
        if seen(answer):
            return answer
        assert time.monotonic() < deadline, f"still not seen: {answer.status_code} {answer.text}"
        time.sleep(0.01)


def _changed_while_cached(
    pair: tuple[Serve, Serve], change: dict[str, object]
) -> Callable[[], requests.Response]:
    """A new operator's token, cached on the first process, then its account changed through
    the second; asks the first who the token belongs to."""
    a, b = pair
    admin = signed_in(b, "admin")
    name = _account(admin, b)
    there = _signed_in_as(a, name)
    for _ in range(3):  # cached on a by now
        answer = _me(there, a)
        assert answer.status_code == 200 and answer.json()["role"] == "operator"
    changed = admin.patch(f"{b.base}/users/{name}", json=change, timeout=10)
    assert changed.status_code == 200, changed.text
    return lambda: _me(there, a)


def test_an_account_deactivated_through_one_process_is_refused_at_once_by_another(
    pair: tuple[Serve, Serve],
) -> None:
    ask = _changed_while_cached(pair, {"active": False})
    refused = _until(ask, lambda answer: answer.status_code == 401)
    assert refused.json()["code"] == "invalid_token"


def test_a_role_changed_through_one_process_is_seen_at_once_by_another(
    pair: tuple[Serve, Serve],
) -> None:
    ask = _changed_while_cached(pair, {"role": "supervisor"})
    _until(ask, lambda answer: answer.json()["role"] == "supervisor")
