"""Administering accounts over real HTTP: listing, creating, changing, deactivating, passwords,
and the refusals that keep a Center from locking itself out."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from console.central.accounts import list_accounts, update_account
from console.central.errors import ApiError
from console.central.principal import Principal
from console.central.server import CentralServer
from console.domain.model import Role
from tests.console.central.conftest import UNIT_CODE, Api, Clock

PASSWORD = "mat-khau-du-dai"


def _token(base: str, user: str, password: str) -> requests.Response:
    return requests.post(
        f"{base}/api/v1/auth/token", json={"user": user, "password": password}, timeout=10
    )


def _patch(api: Api, name: str, body: dict[str, Any]) -> requests.Response:
    return api.http.patch(f"{api.base}/users/{name}", json=body, timeout=10)


def _add(admin: Api, name: str, role: str = "operator", **fields: Any) -> dict[str, Any]:
    answer = admin.post("/users", {"name": name, "password": PASSWORD, "role": role, **fields})
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


def _refusal(answer: requests.Response, status: int, code: str) -> str:
    assert answer.status_code == status, answer.text
    assert answer.json()["code"] == code
    message: str = answer.json()["message"]
    return message


def test_admin_creates_a_unit_account_and_lists_a_units_staff(
    server: CentralServer, login: Callable[[str], Api], caplog: pytest.LogCaptureFixture
) -> None:
    admin = login("admin")
    with caplog.at_level(logging.INFO, logger="console.central.accounts"):
        created = _add(admin, "hoa.tran", "unit", unit_code=UNIT_CODE, display_name="Trần Hoa")
    assert created == {
        "name": "hoa.tran",
        "role": "unit",
        "unit_code": UNIT_CODE,
        "display_name": "Trần Hoa",
        "active": True,
        "created_at": "2026-01-05T02:00:00Z",
    }
    assert "admin created hoa.tran" in caplog.text and PASSWORD not in caplog.text
    _add(admin, "lan.nguyen")

    everyone = [a["name"] for a in admin.get("/users").json()["items"]]
    assert {"admin", "operator", "hoa.tran", "lan.nguyen"} <= set(everyone)
    assert everyone == sorted(everyone)
    staff = admin.get("/users", unit=UNIT_CODE).json()["items"]
    assert [a["name"] for a in staff] == ["hoa.tran"]
    _refusal(admin.get("/users", unit="khong-co"), 422, "unknown_unit")
    assert admin.get("/users", active="false").json()["items"] == []


def test_creating_refuses_a_wrong_unit_or_a_weak_password(login: Callable[[str], Api]) -> None:
    admin = login("admin")
    body = {"name": "x.unit", "password": PASSWORD, "role": "unit"}
    _refusal(admin.post("/users", body), 422, "unit_required")
    assert "khong-co" in _refusal(
        admin.post("/users", {**body, "unit_code": "khong-co"}), 422, "unknown_unit"
    )
    _refusal(
        admin.post("/users", {**body, "role": "operator", "unit_code": UNIT_CODE}),
        422,
        "unit_not_allowed",
    )
    short = {**body, "role": "operator", "password": "ngan-qua"}
    assert "10" in _refusal(admin.post("/users", short), 422, "weak_password")
    _refusal(
        admin.post("/users", {**body, "name": "admin", "role": "operator"}), 409, "user_exists"
    )


@pytest.mark.parametrize("user", ["operator", "supervisor", "unit", "citizen"])
def test_only_admins_administer_accounts(login: Callable[[str], Api], user: str) -> None:
    api = login(user)
    _refusal(api.get("/users"), 403, "forbidden_role")
    _refusal(_patch(api, "media", {"active": False}), 403, "forbidden_role")
    _refusal(api.post("/users/media/password", {"password": PASSWORD}), 403, "forbidden_role")


def test_deactivation_ends_the_live_session_at_once_and_blocks_sign_in(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    admin = login("admin")
    _add(admin, "lan.nguyen")
    lan = Api(server.base_url, "lan.nguyen", PASSWORD)
    assert lan.get("/me").status_code == 200

    changed = _patch(admin, "lan.nguyen", {"active": False})
    assert changed.status_code == 200 and changed.json()["active"] is False
    _refusal(lan.get("/me"), 401, "invalid_token")
    _refusal(_token(server.base_url, "lan.nguyen", PASSWORD), 403, "account_disabled")
    inactive = admin.get("/users", active="false").json()["items"]
    assert [a["name"] for a in inactive] == ["lan.nguyen"]

    assert _patch(admin, "lan.nguyen", {"active": True}).json()["active"] is True
    assert _token(server.base_url, "lan.nguyen", PASSWORD).status_code == 200
    _refusal(lan.get("/me"), 401, "invalid_token")


def test_changing_role_unit_and_name(login: Callable[[str], Api]) -> None:
    admin = login("admin")
    _add(admin, "hoa.tran", "unit", unit_code=UNIT_CODE)
    moved = _patch(admin, "hoa.tran", {"role": "supervisor", "display_name": "Trần Thị Hoa"})
    assert moved.status_code == 200, moved.text
    assert moved.json()["role"] == "supervisor" and moved.json()["unit_code"] is None
    assert moved.json()["display_name"] == "Trần Thị Hoa"
    _refusal(_patch(admin, "hoa.tran", {"role": "unit"}), 422, "unit_required")
    _refusal(_patch(admin, "hoa.tran", {"unit_code": UNIT_CODE}), 422, "unit_not_allowed")
    back = _patch(admin, "hoa.tran", {"role": "unit", "unit_code": UNIT_CODE}).json()
    assert back["role"] == "unit" and back["unit_code"] == UNIT_CODE
    renamed = _patch(admin, "hoa.tran", {"display_name": "Hoa"}).json()
    assert renamed["unit_code"] == UNIT_CODE and renamed["role"] == "unit"
    assert "khong-co" in _refusal(
        _patch(admin, "khong-co", {"active": False}), 404, "user_not_found"
    )
    _refusal(_patch(admin, "hoa.tran", {"role": "chief"}), 422, "invalid_request")


def test_an_admin_cannot_lock_themselves_out(login: Callable[[str], Api]) -> None:
    admin = login("admin")
    _refusal(_patch(admin, "admin", {"active": False}), 409, "self_lockout")
    _refusal(_patch(admin, "admin", {"role": "operator"}), 409, "self_lockout")
    assert _patch(admin, "admin", {"display_name": "Quản trị Trung tâm"}).status_code == 200
    assert admin.get("/me").status_code == 200


def test_the_last_active_admin_stays(server: CentralServer, login: Callable[[str], Api]) -> None:
    admin = login("admin")
    _add(admin, "second.admin", "admin")
    assert _patch(admin, "second.admin", {"active": False}).status_code == 200
    engine = server.app.state.service.engine
    units = server.app.state.service.known_units
    with pytest.raises(ApiError) as refused:
        update_account(engine, Principal("ghost", Role.ADMIN), "admin", {"active": False}, units)
    assert refused.value.status == 409 and refused.value.code == "last_admin"
    with pytest.raises(ApiError) as demoted:
        update_account(engine, Principal("ghost", Role.ADMIN), "admin", {"role": "media"}, units)
    assert demoted.value.code == "last_admin"
    assert admin.get("/me").status_code == 200


def test_reset_password_ends_the_accounts_sessions(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    admin = login("admin")
    _add(admin, "lan.nguyen")
    lan = Api(server.base_url, "lan.nguyen", PASSWORD)
    _refusal(admin.post("/users/lan.nguyen/password", {"password": "ngan"}), 422, "weak_password")
    assert lan.get("/me").status_code == 200
    answer = admin.post("/users/lan.nguyen/password", {"password": "mat-khau-moi-2026"})
    assert answer.status_code == 204 and answer.content == b""
    _refusal(lan.get("/me"), 401, "invalid_token")
    assert _token(server.base_url, "lan.nguyen", PASSWORD).status_code == 401
    assert _token(server.base_url, "lan.nguyen", "mat-khau-moi-2026").status_code == 200
    _refusal(admin.post("/users/khong-co/password", {"password": PASSWORD}), 404, "user_not_found")
    # The admin resetting their own password keeps the session doing it.
    other_admin_session = Api(server.base_url, "admin")
    assert admin.post("/users/admin/password", {"password": PASSWORD}).status_code == 204
    assert admin.get("/me").status_code == 200
    _refusal(other_admin_session.get("/me"), 401, "invalid_token")


def test_own_password_change_keeps_this_session_and_ends_the_others(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    here, elsewhere = login("operator"), login("operator")
    _refusal(here.post("/me/password", {"current": "sai", "new": PASSWORD}), 422, "wrong_password")
    _refusal(here.post("/me/password", {"current": "demo", "new": "ngan"}), 422, "weak_password")
    assert here.post("/me/password", {"current": "demo", "new": PASSWORD}).status_code == 204
    assert here.get("/me").status_code == 200
    _refusal(elsewhere.get("/me"), 401, "invalid_token")
    assert _token(server.base_url, "operator", "demo").status_code == 401
    assert _token(server.base_url, "operator", PASSWORD).status_code == 200


def test_revocation_holds_on_another_server_over_the_same_database(
    server: CentralServer, db_url: str, clock: Clock, login: Callable[[str], Api]
) -> None:
    admin = login("admin")
    _add(admin, "lan.nguyen")
    with CentralServer(db_url, demo=True, port=0, now=clock) as second:
        lan_there = Api(second.base_url, "lan.nguyen", PASSWORD)
        assert lan_there.get("/me").status_code == 200
        assert _patch(admin, "lan.nguyen", {"active": False}).status_code == 200
        _refusal(lan_there.get("/me"), 401, "invalid_token")
        _refusal(_token(second.base_url, "lan.nguyen", PASSWORD), 403, "account_disabled")


def test_two_admins_deactivating_each_other_leave_one(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    admin = login("admin")
    _add(admin, "an.admin", "admin")
    _add(admin, "binh.admin", "admin")
    an, binh = (
        Api(server.base_url, "an.admin", PASSWORD),
        Api(server.base_url, "binh.admin", PASSWORD),
    )
    assert _patch(an, "admin", {"active": False}).status_code == 200
    start = threading.Barrier(2)

    def deactivate(caller: Api, other: str) -> int:
        start.wait()
        return _patch(caller, other, {"active": False}).status_code

    with ThreadPoolExecutor(2) as pool:
        statuses = sorted(
            pool.map(lambda pair: deactivate(*pair), [(an, "binh.admin"), (binh, "an.admin")])
        )
    assert statuses[0] == 200 and statuses[1] in {401, 409}
    engine = server.app.state.service.engine
    names = [a["name"] for a in list_accounts(engine, active=True) if a["role"] == "admin"]
    assert len(names) == 1
