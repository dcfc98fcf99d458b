"""Administering accounts: list, create, change, deactivate, passwords.

Every refusal is an ApiError with a Vietnamese message. Deactivating an account or setting
its password deletes its tokens in the same transaction, and every change empties the token
caches of all server processes (token_cache): the revocation holds at once where it was made
and within a notification's delivery everywhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, select, update

from console.central.auth import create_user, hash_password, token_hash, verify_password
from console.central.db import TokenRow, UserRow, write_transaction
from console.central.errors import ApiError
from console.central.principal import Principal
from console.central.token_cache import tokens_changed
from console.domain.model import ROLE_LABELS_VI, Role, format_time

log = logging.getLogger(__name__)

#: New and reset passwords need at least this many characters (demo accounts predate it).
MIN_PASSWORD = 10


def account_json(row: Row[Any]) -> dict[str, Any]:
    return {
        "name": row.name,
        "role": row.role,
        "unit_code": row.unit_code,
        "display_name": row.display_name or "",
        "active": bool(row.active),
        "created_at": format_time(row.created_at),
    }


def _not_found(name: str) -> ApiError:
    return ApiError(404, "user_not_found", f"Không tìm thấy tài khoản «{name}».")


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ApiError(
            422,
            "weak_password",
            f"Mật khẩu quá ngắn: cần ít nhất {MIN_PASSWORD} ký tự.",
        )


def check_unit(role: Role, unit_code: str | None, known_units: Collection[str]) -> None:
    """A unit account belongs to one known unit; the other roles belong to none."""
    if role is Role.UNIT:
        if not unit_code:
            raise ApiError(
                422, "unit_required", "Tài khoản đơn vị xử lý cần mã đơn vị (unit_code)."
            )
        if unit_code not in known_units:
            raise ApiError(
                422, "unknown_unit", f"Không có đơn vị «{unit_code}» trong danh mục đơn vị."
            )
    elif unit_code is not None:
        raise ApiError(
            422,
            "unit_not_allowed",
            f"Vai trò «{ROLE_LABELS_VI[role]}» không gắn với đơn vị; bỏ mã đơn vị.",
        )


def _user(conn: Connection, name: str, *, lock: bool = False) -> Row[Any]:
    query = select(UserRow.__table__).where(UserRow.name == name)
    row = conn.execute(query.with_for_update() if lock else query).first()
    if row is None:
        raise _not_found(name)
    return row


def list_accounts(
    engine: Engine, *, unit: str | None = None, active: bool | None = None
) -> list[dict[str, Any]]:
    query = select(UserRow.__table__).order_by(UserRow.name)
    if unit is not None:
        query = query.where(UserRow.unit_code == unit)
    if active is not None:
        query = query.where(UserRow.active == active)
    with engine.connect() as conn:
        return [account_json(row) for row in conn.execute(query)]


def add_account(
    engine: Engine,
    caller: Principal,
    *,
    name: str,
    role: Role,
    password: str,
    unit_code: str | None,
    display_name: str,
    known_units: Collection[str],
    now: datetime,
) -> dict[str, Any]:
    check_unit(role, unit_code, known_units)
    check_password(password)
    with write_transaction(engine) as conn:
        create_user(
            conn,
            name,
            role,
            password,
            now=now,
            unit_code=unit_code,
            display_name=display_name,
        )
        created = _user(conn, name)
    log.info("Account: %s created %s (role %s, unit %s)", caller.name, name, role.value, unit_code)
    return account_json(created)


def update_account(
    engine: Engine,
    caller: Principal,
    name: str,
    changes: dict[str, Any],
    known_units: Collection[str],
) -> dict[str, Any]:
    """Apply `changes` (role, unit_code, display_name, active: only the keys given).

    Leaving the unit role without naming a unit clears the unit; deactivating deletes the
    account's tokens. Nobody locks themselves out, and one active admin always remains.
    """
    with write_transaction(engine) as conn:
        if "role" in changes or "active" in changes:
            # Every admin row, in one order: two admins demoting each other wait, not deadlock.
            conn.execute(
                select(UserRow.id)
                .where(UserRow.role == Role.ADMIN.value)
                .order_by(UserRow.id)
                .with_for_update()
            ).all()
        row = _user(conn, name, lock=True)
        role = Role(changes.get("role") or row.role)
        active = row.active if changes.get("active") is None else bool(changes["active"])
        unit_code = changes.get("unit_code", row.unit_code if role is Role.UNIT else None)
        if role.value != row.role or "unit_code" in changes:
            check_unit(role, unit_code, known_units)
        if name == caller.name and (not active or role is not Role.ADMIN):
            raise ApiError(
                409,
                "self_lockout",
                "Không thể tự vô hiệu hóa hoặc tự hạ quyền tài khoản quản trị đang dùng.",
            )
        if row.role == Role.ADMIN.value and row.active and (role is not Role.ADMIN or not active):
            _keep_an_admin(conn, name)
        values: dict[str, Any] = {"role": role.value, "unit_code": unit_code, "active": active}
        if changes.get("display_name") is not None:
            values["display_name"] = changes["display_name"]
        conn.execute(update(UserRow).where(UserRow.id == row.id).values(**values))
        tokens_changed(conn)
        if not active:
            conn.execute(delete(TokenRow).where(TokenRow.user_id == row.id))
        updated = _user(conn, name)
    log.info(
        "Account: %s changed %s (role %s -> %s, unit %s -> %s, active %s -> %s)",
        caller.name,
        name,
        row.role,
        updated.role,
        row.unit_code,
        updated.unit_code,
        bool(row.active),
        bool(updated.active),
    )
    return account_json(updated)


def _keep_an_admin(conn: Connection, leaving: str) -> None:
    others = conn.execute(
        select(UserRow.id).where(
            UserRow.role == Role.ADMIN.value, UserRow.active, UserRow.name != leaving
        )
    ).all()
    if not others:
        raise ApiError(
            409,
            "last_admin",
            f"«{leaving}» là tài khoản quản trị cuối cùng còn hoạt động; "
            "hãy tạo hoặc kích hoạt một quản trị viên khác trước.",
        )


def _set_password(conn: Connection, user_id: int, password: str, keep_token: str | None) -> int:
    """New password hash; delete the account's tokens but `keep_token` (the caller's own)."""
    conn.execute(
        update(UserRow).where(UserRow.id == user_id).values(password_hash=hash_password(password))
    )
    revoke = delete(TokenRow).where(TokenRow.user_id == user_id)
    if keep_token is not None:
        revoke = revoke.where(TokenRow.token_hash != token_hash(keep_token))
    tokens_changed(conn)
    return conn.execute(revoke).rowcount


def reset_password(
    engine: Engine, caller: Principal, name: str, password: str, caller_token: str
) -> None:
    """An admin sets `name`'s password; its sessions end (the admin's own current one stays)."""
    check_password(password)
    with write_transaction(engine) as conn:
        row = _user(conn, name, lock=True)
        ended = _set_password(conn, row.id, password, caller_token if name == caller.name else None)
    log.info("Account: %s reset the password of %s (%d sessions ended)", caller.name, name, ended)


def change_own_password(
    engine: Engine, caller: Principal, current: str, new: str, caller_token: str
) -> None:
    """The caller's own password; its other sessions end, this one stays."""
    with engine.connect() as conn:
        stored = conn.execute(
            select(UserRow.password_hash).where(UserRow.name == caller.name)
        ).scalar_one_or_none()
    if stored is None:
        raise _not_found(caller.name)
    if not verify_password(current, stored):
        raise ApiError(422, "wrong_password", "Mật khẩu hiện tại không đúng.")
    check_password(new)
    if new == current:
        raise ApiError(422, "same_password", "Mật khẩu mới phải khác mật khẩu hiện tại.")
    with write_transaction(engine) as conn:
        row = _user(conn, caller.name, lock=True)
        ended = _set_password(conn, row.id, new, caller_token)
    log.info("Account: %s changed their own password (%d other sessions ended)", caller.name, ended)
