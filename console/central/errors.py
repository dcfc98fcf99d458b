"""The one error the central API raises: it becomes a JSON `{code, message}` answer."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An answer other than success; `message` is Vietnamese and says why."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, **self.extra}


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"Không tìm thấy {what}.")
