"""Typed answers of the central API other than success, each with its status and body."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """The server (or the network) said no. `message` is for people, in Vietnamese."""

    def __init__(self, status: int, code: str, message: str, body: Any = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.body = body


class NetworkError(ApiError):
    """No usable answer: connection refused or reset, timeout, bad JSON, wrong content type,
    oversized body. Status 0."""

    def __init__(self, message: str, code: str = "network_error", body: Any = None) -> None:
        super().__init__(0, code, message, body)


class Unauthorized(ApiError):
    pass


class Forbidden(ApiError):
    pass


class NotFound(ApiError):
    pass


class Conflict(ApiError):
    """409: the report changed on the server; `current` is its state there (wire JSON)."""

    @property
    def current(self) -> dict[str, Any] | None:
        if isinstance(self.body, dict) and isinstance(self.body.get("current"), dict):
            return dict(self.body["current"])
        return None


class CursorAhead(ApiError):
    """409 cursor_ahead: the cursor is beyond the central database's history (it was restored,
    or is another database); `database` is its id when the server said it."""

    @property
    def database(self) -> str | None:
        found = self.body.get("database") if isinstance(self.body, dict) else None
        return found if isinstance(found, str) and found else None


class Unprocessable(ApiError):
    pass


class RateLimited(ApiError):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        body: Any = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(status, code, message, body)
        self.retry_after = retry_after


class ServerError(ApiError):
    pass


_BY_STATUS: dict[int, type[ApiError]] = {
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    422: Unprocessable,
    429: RateLimited,
}


def error_for(status: int, body: Any, retry_after: float | None = None) -> ApiError:
    """Build the typed error of an HTTP answer from its status and (JSON or text) body."""
    code = f"http_{status}"
    message = f"Máy chủ trả lời lỗi {status}."
    if isinstance(body, dict):
        code = str(body.get("code") or code)
        message = str(body.get("message") or body.get("detail") or message)
    if status == 429:
        return RateLimited(status, code, message, body, retry_after)
    if status >= 500:
        return ServerError(status, code, message, body)
    if status == 409 and code == "cursor_ahead":
        return CursorAhead(status, code, message, body)
    return _BY_STATUS.get(status, ApiError)(status, code, message, body)
