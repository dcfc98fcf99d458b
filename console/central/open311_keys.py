"""Partner apps' Open311 api_keys: created, listed and revoked by the admin role.

A key is shown once, at creation, and stored as its SHA-256 (like sign-in tokens). The app's
name becomes the channel of the reports it sends, so the Center sees where each came from.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from console.central.api import Service, _errors, json_response
from console.central.api_accounts import Admin
from console.central.auth import token_hash
from console.central.db import Open311KeyRow, write_transaction
from console.central.errors import ApiError, not_found
from console.domain.model import format_time

APP_PATTERN = r"^[a-z0-9][a-z0-9_.-]{1,63}$"
AppName = Annotated[
    str, Path(min_length=2, max_length=64, pattern=APP_PATTERN, description="Partner app")
]


class KeyIn(BaseModel):
    app: str = Field(
        min_length=2,
        max_length=64,
        pattern=APP_PATTERN,
        description="The partner app's name, lower case: it becomes the reports' channel",
    )


class KeyOut(BaseModel):
    app: str
    created_at: str
    revoked_at: str | None


class NewKeyOut(KeyOut):
    api_key: str = Field(description="Shown once: only its hash is kept")


class KeyList(BaseModel):
    items: list[KeyOut]


def _key_json(row: Any) -> dict[str, Any]:
    return {
        "app": row.app,
        "created_at": format_time(row.created_at),
        "revoked_at": format_time(row.revoked_at),
    }


def create_key(engine: Engine, app: str, reserved: frozenset[str], now: datetime) -> dict[str, Any]:
    """A new key for `app`; a revoked app's name stays taken (its reports carry it)."""
    if app in reserved:
        raise ApiError(409, "reserved_app", f"«{app}» là tên một kênh có sẵn, hãy chọn tên khác.")
    key = secrets.token_urlsafe(24)
    try:
        with write_transaction(engine) as conn:
            conn.execute(
                insert(Open311KeyRow).values(app=app, key_hash=token_hash(key), created_at=now)
            )
    except IntegrityError:
        raise ApiError(409, "app_exists", f"Ứng dụng «{app}» đã có khóa.") from None
    return {"app": app, "created_at": format_time(now), "revoked_at": None, "api_key": key}


def list_keys(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(Open311KeyRow.__table__).order_by(Open311KeyRow.app)).all()
    return [_key_json(row) for row in rows]


def revoke_key(engine: Engine, app: str, now: datetime) -> dict[str, Any]:
    with write_transaction(engine) as conn:
        row = conn.execute(select(Open311KeyRow.__table__).where(Open311KeyRow.app == app)).first()
        if row is None:
            raise not_found(f"ứng dụng «{app}»")
        if row.revoked_at is None:
            conn.execute(
                update(Open311KeyRow).where(Open311KeyRow.app == app).values(revoked_at=now)
            )
        row = conn.execute(select(Open311KeyRow.__table__).where(Open311KeyRow.app == app)).one()
    return _key_json(row)


def app_for_key(engine: Engine, key: str) -> str | None:
    """The partner app whose live key this is, or None."""
    with engine.connect() as conn:
        found = conn.execute(
            select(Open311KeyRow.app).where(
                Open311KeyRow.key_hash == token_hash(key), Open311KeyRow.revoked_at.is_(None)
            )
        ).scalar_one_or_none()
    return found


router = APIRouter(prefix="/api/v1/open311", tags=["open311 keys"])


@router.get("/keys", response_model=KeyList, responses=_errors(403))
def get_keys(svc: Service, caller: Admin) -> Response:
    return json_response({"items": list_keys(svc.engine)})


@router.post("/keys", response_model=NewKeyOut, status_code=201, responses=_errors(403, 409))
def add_key(svc: Service, caller: Admin, body: KeyIn) -> Response:
    reserved = frozenset(svc.reference.channels)
    return json_response(create_key(svc.engine, body.app, reserved, svc.now()), 201)


@router.delete("/keys/{app}", response_model=KeyOut, responses=_errors(403, 404))
def delete_key(svc: Service, caller: Admin, app: AppName) -> Response:
    return json_response(revoke_key(svc.engine, app, svc.now()))
