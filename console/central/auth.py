"""Accounts, passwords, bearer tokens and the brake on password guessing."""

from __future__ import annotations

import functools
import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from console.central.db import SignInFailureRow, TokenRow, UserRow, write_transaction
from console.central.errors import ApiError
from console.central.principal import Principal
from console.central.token_cache import cache_for
from console.domain.model import ROLE_LABELS_VI, Role, format_time

TOKEN_LIFETIME = timedelta(hours=12)
#: Failed sign-ins allowed for one (user, address) before each new try must wait.
FREE_FAILURES = 5
MAX_WAIT_SECONDS = 900
DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS: dict[str, Role] = {
    "operator": Role.OPERATOR,
    "supervisor": Role.SUPERVISOR,
    "media": Role.MEDIA,
    "admin": Role.ADMIN,
    "unit": Role.UNIT,
    "citizen": Role.CITIZEN,
    "wall": Role.WALL,
}
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    principal: Principal
    expires_at: datetime

    def to_json(self) -> dict[str, str | None]:
        return {
            "token": self.token,
            "role": self.principal.role.value,
            "user": self.principal.name,
            "expires_at": format_time(self.expires_at),
        }


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(digest_hex)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=len(expected), **_SCRYPT)
    return hmac.compare_digest(digest, expected)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@functools.cache
def _demo_hash() -> str:
    """The demo password is public: hashing it once per process keeps demo start-up quick."""
    return hash_password(DEMO_PASSWORD)


def create_user(
    conn: Connection,
    name: str,
    role: Role,
    password: str,
    *,
    now: datetime,
    unit_code: str | None = None,
    display_name: str = "",
) -> Principal:
    """Add an account; ApiError 409 if the name is taken."""
    if conn.execute(select(UserRow.id).where(UserRow.name == name)).first() is not None:
        raise ApiError(409, "user_exists", f"Tài khoản «{name}» đã tồn tại.")
    conn.execute(
        insert(UserRow).values(
            name=name,
            role=role.value,
            password_hash=_demo_hash() if password == DEMO_PASSWORD else hash_password(password),
            unit_code=unit_code,
            display_name=display_name,
            created_at=now,
        )
    )
    return Principal(name, role, unit_code)


def ensure_account(engine: Engine, name: str, role: Role, password: str, now: datetime) -> None:
    """Create the account unless it exists (demo accounts, the admin from the environment)."""
    with write_transaction(engine) as conn:
        if conn.execute(select(UserRow.id).where(UserRow.name == name)).first() is None:
            create_user(conn, name, role, password, now=now)


def _wait_left(failures: Row[Any] | None, now: datetime) -> float:
    if failures is None or failures.attempts < FREE_FAILURES:
        return 0.0
    wait = min(2.0 ** (int(failures.attempts) - FREE_FAILURES + 1), MAX_WAIT_SECONDS)
    last_at: datetime = failures.last_at
    return max(0.0, (last_at + timedelta(seconds=wait) - now).total_seconds())


def _insert_if_missing(conn: Connection) -> Any:
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    return dialect_insert(SignInFailureRow).on_conflict_do_nothing(
        index_elements=[SignInFailureRow.key]
    )


def _claim_attempt(engine: Engine, key: str, now: datetime) -> float:
    """Count this try before its password is checked, under a row lock, so parallel guesses
    (on any number of server processes) each see the ones before; the seconds still to wait
    (the try is then not counted), or 0."""
    with write_transaction(engine) as conn:
        conn.execute(_insert_if_missing(conn).values(key=key, attempts=0, last_at=now))
        failures = conn.execute(
            select(SignInFailureRow.__table__).where(SignInFailureRow.key == key).with_for_update()
        ).one()
        wait = _wait_left(failures, now)
        if wait == 0:
            conn.execute(
                update(SignInFailureRow)
                .where(SignInFailureRow.key == key)
                .values(attempts=SignInFailureRow.attempts + 1, last_at=now)
            )
    return wait


def sign_in(engine: Engine, name: str, password: str, address: str, now: datetime) -> IssuedToken:
    """Check the password and issue a token; after repeated failures answer 429 first.

    The try is counted before the slow password check and forgiven when the password is
    right; the check itself runs outside any write transaction, so sign-ins never hold up
    report actions.
    """
    key = f"{name}|{address}"[:300]
    wait = _claim_attempt(engine, key, now)
    if wait > 0:
        seconds = math.ceil(wait)
        raise ApiError(
            429,
            "too_many_attempts",
            f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.",
            headers={"Retry-After": str(seconds)},
        )
    with engine.connect() as conn:
        user = conn.execute(select(UserRow.__table__).where(UserRow.name == name)).first()
    stored_hash = user.password_hash if user is not None else _demo_hash()
    if not verify_password(password, stored_hash) or user is None:
        raise ApiError(401, "bad_credentials", "Sai tên đăng nhập hoặc mật khẩu.")
    with write_transaction(engine) as conn:
        conn.execute(delete(SignInFailureRow).where(SignInFailureRow.key == key))
    if not user.active:
        raise ApiError(
            403,
            "account_disabled",
            "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên của Trung tâm.",
        )
    token = secrets.token_urlsafe(32)
    expires_at = now + TOKEN_LIFETIME
    with write_transaction(engine) as conn:
        conn.execute(delete(TokenRow).where(TokenRow.expires_at < now))
        conn.execute(
            insert(TokenRow).values(
                token_hash=token_hash(token), user_id=user.id, expires_at=expires_at
            )
        )
    return IssuedToken(token, Principal(user.name, Role(user.role), user.unit_code), expires_at)


def cached_principal(engine: Engine, token: str, now: datetime) -> Principal | None:
    """The caller from this process's token cache, asking the database nothing (safe on the
    event loop); None when the token is not cached."""
    known = cache_for(engine).get(token_hash(token))
    return None if known is None else _unexpired(*known, now)


def principal_for_token(engine: Engine, token: str, now: datetime) -> Principal:
    """The caller behind a bearer token, or ApiError 401 with the reason; remembered in the
    process's token cache."""
    cached = cached_principal(engine, token, now)
    if cached is not None:
        return cached
    key = token_hash(token)
    cache = cache_for(engine)
    generation = cache.generation
    with engine.connect() as conn:
        row = conn.execute(
            select(UserRow.name, UserRow.role, UserRow.unit_code, TokenRow.expires_at)
            .join(UserRow, UserRow.id == TokenRow.user_id)
            .where(TokenRow.token_hash == key, UserRow.active)
        ).first()
    if row is None:
        raise ApiError(
            401, "invalid_token", "Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại."
        )
    caller = Principal(row.name, Role(row.role), row.unit_code)
    cache.put(key, caller, row.expires_at, generation)
    return _unexpired(caller, row.expires_at, now)


def _unexpired(caller: Principal, expires_at: datetime, now: datetime) -> Principal:
    if expires_at <= now:
        raise ApiError(401, "token_expired", "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.")
    return caller


def require_role(principal: Principal, roles: frozenset[Role], what: str) -> None:
    if principal.role not in roles:
        raise ApiError(
            403,
            "forbidden_role",
            f"Vai trò «{ROLE_LABELS_VI[principal.role]}» không được {what}.",
        )


def refuse_read_only(principal: Principal, what: str) -> None:
    """The video wall's account only reads: every change is refused with the reason."""
    if principal.role is Role.WALL:
        raise ApiError(
            403,
            "read_only_role",
            f"Tài khoản «{ROLE_LABELS_VI[Role.WALL]}» chỉ được xem, không được {what}.",
        )
