"""Accounts as the central API describes them, parsed strictly (a wrong shape is the server's
fault, said as a NetworkError, never a half-filled Account)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from console.domain.model import Role, parse_time
from console.sync.errors import NetworkError


class Unchanged(enum.Enum):
    UNCHANGED = "unchanged"


#: `update_user(unit_code=UNCHANGED)` leaves the unit as it is (None clears it).
UNCHANGED: Final = Unchanged.UNCHANGED


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: Role
    unit_code: str | None
    display_name: str
    active: bool
    created_at: datetime


def _bad(why: str) -> NetworkError:
    return NetworkError(f"Thông tin tài khoản từ máy chủ sai cấu trúc ({why}).", "bad_answer")


def parse_account(data: Any) -> Account:
    if not isinstance(data, dict):
        raise _bad("không phải đối tượng JSON")
    name, role, unit = data.get("name"), data.get("role"), data.get("unit_code")
    display, active, created = data.get("display_name"), data.get("active"), data.get("created_at")
    if not isinstance(name, str) or not name:
        raise _bad("thiếu tên")
    if role not in {r.value for r in Role}:
        raise _bad(f"vai trò «{role}» không rõ")
    if unit is not None and not isinstance(unit, str):
        raise _bad("mã đơn vị")
    if not isinstance(display, str) or not isinstance(active, bool):
        raise _bad("tên hiển thị hoặc trạng thái")
    try:
        created_at = parse_time(created) if isinstance(created, str) else None
    except ValueError:
        created_at = None
    if created_at is None:
        raise _bad("thời điểm tạo")
    return Account(name, Role(role), unit, display, active, created_at)


def parse_accounts(data: Any) -> list[Account]:
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise _bad("thiếu danh sách items")
    return [parse_account(item) for item in items]
