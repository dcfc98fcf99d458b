"""The /api/v1 account routes (admin role, and one's own password): thin glue over accounts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.security import HTTPAuthorizationCredentials

from console.central import accounts
from console.central.api import Caller, Service, _errors, bearer, json_response
from console.central.auth import refuse_read_only, require_role
from console.central.errors import ApiError
from console.central.principal import Principal
from console.central.schemas import (
    AccountList,
    AccountOut,
    OwnPasswordIn,
    PasswordIn,
    UserIn,
    UserPatch,
)
from console.domain.model import Role

_ADMIN = frozenset({Role.ADMIN})

UserName = Annotated[
    str, Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.@-]+$", description="Account")
]


def _token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> str:
    if credentials is None:
        raise ApiError(401, "not_authenticated", "Chưa đăng nhập.")
    return credentials.credentials


Token = Annotated[str, Depends(_token)]


def admin(caller: Caller) -> Principal:
    refuse_read_only(caller, "quản lý tài khoản")
    require_role(caller, _ADMIN, "quản lý tài khoản")
    return caller


Admin = Annotated[Principal, Depends(admin)]

router = APIRouter(prefix="/api/v1", tags=["accounts"])


@router.get("/users", response_model=AccountList, responses=_errors(403))
def list_users(
    svc: Service,
    caller: Admin,
    unit: Annotated[str | None, Query(max_length=64, description="A unit's staff")] = None,
    active: Annotated[bool | None, Query(description="Only active or inactive accounts")] = None,
) -> Response:
    if unit is not None and svc.reference.unit(unit) is None:
        raise ApiError(422, "unknown_unit", f"Không có đơn vị «{unit}» trong danh mục đơn vị.")
    return json_response({"items": accounts.list_accounts(svc.engine, unit=unit, active=active)})


@router.post("/users", response_model=AccountOut, status_code=201, responses=_errors(403, 409))
def add_user(svc: Service, caller: Admin, body: UserIn) -> Response:
    created = accounts.add_account(
        svc.engine,
        caller,
        name=body.name,
        role=body.role,
        password=body.password,
        unit_code=body.unit_code,
        display_name=body.display_name,
        known_units=svc.known_units,
        now=svc.now(),
    )
    return json_response(created, 201)


@router.patch("/users/{name}", response_model=AccountOut, responses=_errors(403, 404, 409))
def update_user(svc: Service, caller: Admin, name: UserName, body: UserPatch) -> Response:
    changes = body.model_dump(include=body.model_fields_set)
    return json_response(
        accounts.update_account(svc.engine, caller, name, changes, svc.known_units)
    )


@router.post(
    "/users/{name}/password", status_code=204, response_class=Response, responses=_errors(403, 404)
)
def reset_password(
    svc: Service, caller: Admin, token: Token, name: UserName, body: PasswordIn
) -> Response:
    accounts.reset_password(svc.engine, caller, name, body.password, token)
    return Response(status_code=204)


@router.post("/me/password", status_code=204, response_class=Response, responses=_errors(403))
def change_own_password(
    svc: Service, caller: Caller, token: Token, body: OwnPasswordIn
) -> Response:
    refuse_read_only(caller, "đổi mật khẩu (quản trị viên đặt lại mật khẩu cho màn hình)")
    accounts.change_own_password(svc.engine, caller, body.current, body.new, token)
    return Response(status_code=204)
