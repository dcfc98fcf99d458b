"""The HTTP client of the central API (v1): one session, timeouts, safe retries, typed errors."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import requests

from console.domain.model import Role, parse_time
from console.sync.accounts import UNCHANGED, Account, Unchanged, parse_account, parse_accounts
from console.sync.errors import ApiError, NetworkError, Unauthorized, error_for
from console.sync.hangup import HangUpAdapter
from console.sync.server_url import check_server_url

__all__ = [
    "Account",
    "ApiError",
    "CentralClient",
    "ChangesPage",
    "LoginInfo",
    "NetworkError",
]

DEFAULT_TIMEOUT = (3.05, 20.0)
#: Answers worth asking again for, when asking again is safe.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
MAX_BODY = 64 * 1024 * 1024
CHUNK = 256 * 1024
#: Read timeout beyond the wait the server was asked for.
WAIT_MARGIN = 15.0


@dataclass(frozen=True, slots=True)
class LoginInfo:
    token: str
    user: str
    role: str
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChangesPage:
    items: list[Any]
    next: str
    more: bool
    #: Seconds the server agreed to wait (its X-Paht-Wait header); None: it lacks the channel.
    wait: int | None = None
    #: The id of the database the cursors belong to (X-Paht-Database); None: not said.
    database: str | None = None

    @property
    def live(self) -> bool:
        return self.wait is not None


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class CentralClient:
    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        ca_bundle: str | None = None,
        retries: int = 3,
        backoff: float = 0.5,
        max_retry_after: float = 30.0,
        max_body: int = MAX_BODY,
        sleep: Callable[[float], None] = time.sleep,
        insecure_http: bool = False,
    ) -> None:
        """Raises InsecureServer for a plain-HTTP server off this machine unless
        `insecure_http`; `insecure_warning` then says what the operator must be told."""
        self.insecure_warning = check_server_url(base_url, insecure_http=insecure_http)
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.max_body = max_body
        self._sleep = sleep
        self._session = requests.Session()
        self._adapter = HangUpAdapter()
        self._session.mount("http://", self._adapter)
        self._session.mount("https://", self._adapter)
        self._session.headers["User-Agent"] = "paht-console/0.1"
        self._session.headers["Accept"] = "application/json"
        #: Passed on each call: requests lets REQUESTS_CA_BUNDLE in the environment override a
        #: session's own `verify`, and the Center's CA must win over the machine's default.
        self._verify: str | bool = ca_bundle if ca_bundle is not None else True
        self.set_token(token)

    def __repr__(self) -> str:
        return f"CentralClient({self.base_url!r})"

    def set_token(self, token: str | None) -> None:
        if token is None:
            self._session.headers.pop("Authorization", None)
        else:
            self._session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._session.close()

    def hang_up(self) -> None:
        """Cut every request in flight (from any thread): they fail with a NetworkError."""
        self._adapter.hang_up()

    # -- transport ------------------------------------------------------------------------

    def _wait(self, attempt: int, retry_after: float | None) -> None:
        delay = retry_after if retry_after is not None else self.backoff * (2**attempt)
        self._sleep(min(delay, self.max_retry_after))

    def _read(self, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            raise NetworkError(f"Câu trả lời quá lớn ({declared} byte).", "oversized_body")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(CHUNK):
            size += len(chunk)
            if size > self.max_body:
                raise NetworkError(f"Câu trả lời vượt quá {self.max_body} byte.", "oversized_body")
            chunks.append(chunk)
        return b"".join(chunks)

    def _send(
        self,
        method: str,
        path: str,
        *,
        safe: bool,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> tuple[requests.Response, bytes]:
        """One call, asked again (with backoff or Retry-After) only when `safe`."""
        url = self.base_url + path
        attempt = 0
        while True:
            try:
                response = self._session.request(
                    method,
                    url,
                    params=params,
                    json=body,
                    timeout=timeout or self.timeout,
                    stream=True,
                    verify=self._verify,
                )
                try:
                    content = self._read(response)
                finally:
                    response.close()
            except requests.Timeout as exc:
                error: ApiError = NetworkError(f"Máy chủ không trả lời kịp ({url}).", "timeout")
                cause: BaseException = exc
            except requests.RequestException as exc:
                error = NetworkError(f"Không kết nối được máy chủ ({url}): {type(exc).__name__}.")
                cause = exc
            else:
                status = response.status_code
                if status not in RETRY_STATUSES:
                    return response, content
                retry_after = _retry_after(response.headers.get("Retry-After"))
                error = error_for(status, _json_or_text(content), retry_after)
                if safe and attempt < self.retries:
                    self._wait(attempt, retry_after)
                    attempt += 1
                    continue
                raise error
            if safe and attempt < self.retries:
                self._wait(attempt, None)
                attempt += 1
                continue
            raise error from cause

    def _call(
        self,
        method: str,
        path: str,
        *,
        safe: bool,
        params: dict[str, Any] | None = None,
        body: dict[str, Any] | None = None,
    ) -> Any:
        return self._answer(*self._send(method, path, safe=safe, params=params, body=body))

    @staticmethod
    def _answer(response: requests.Response, content: bytes) -> Any:
        if response.status_code >= 400:
            raise error_for(response.status_code, _json_or_text(content))
        kind = response.headers.get("Content-Type", "")
        if "json" not in kind:
            raise NetworkError(
                f"Máy chủ trả về nội dung không phải JSON ({kind or 'không rõ'}).",
                "bad_content_type",
            )
        try:
            return json.loads(content)
        except ValueError as exc:
            raise NetworkError(f"Máy chủ trả về JSON hỏng: {exc}.", "bad_json") from exc

    # -- API ----------------------------------------------------------------------------------

    def login(self, user: str, password: str) -> LoginInfo:
        """Sign in and keep the bearer token for the next calls."""
        data = self._call(
            "POST", "/api/v1/auth/token", safe=False, body={"user": user, "password": password}
        )
        token = data.get("token") if isinstance(data, dict) else None
        if not isinstance(token, str):
            raise NetworkError("Câu trả lời đăng nhập không có mã truy cập.", "bad_answer")
        self.set_token(token)
        expires = data.get("expires_at")
        return LoginInfo(
            token=token,
            user=str(data.get("user") or user),
            role=str(data.get("role") or ""),
            expires_at=parse_time(expires) if isinstance(expires, str) else None,
        )

    def changes(self, after: str | None, limit: int = 1000, wait: int = 0) -> ChangesPage:
        """The changes after `after`; with `wait` a server with the live channel holds the
        request until one exists or `wait` seconds pass (the read timeout allows for that)."""
        params: dict[str, Any] = {"limit": limit, "wait": wait}
        if after is not None:
            params["after"] = after
        timeout = (self.timeout[0], wait + WAIT_MARGIN) if wait > 0 else self.timeout
        # A waiting request cut short is not asked again here: the live loop decides how.
        response, content = self._send(
            "GET", "/api/v1/changes", safe=wait == 0, params=params, timeout=timeout
        )
        data = self._answer(response, content)
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("items"), list)
            or not isinstance(data.get("next"), str | int)
        ):
            raise NetworkError("Trang thay đổi từ máy chủ sai cấu trúc.", "bad_answer")
        applied = response.headers.get("X-Paht-Wait", "")
        return ChangesPage(
            items=data["items"],
            next=str(data["next"]),
            more=bool(data.get("more")),
            wait=int(applied) if applied.isdigit() else None,
            database=response.headers.get("X-Paht-Database", "").strip() or None,
        )

    def report(self, report_id: int) -> dict[str, Any]:
        """One report with its `history` list."""
        return dict(self._call("GET", f"/api/v1/reports/{report_id}", safe=True))

    def media(self, report_id: int, n: int) -> bytes:
        response, content = self._send("GET", f"/api/v1/reports/{report_id}/media/{n}", safe=True)
        if response.status_code >= 400:
            raise error_for(response.status_code, _json_or_text(content))
        return content

    def post_action(
        self,
        report_id: int,
        action_type: str,
        payload: dict[str, Any],
        expected_version: int,
        idempotency_key: str,
    ) -> dict[str, Any]:
        """The report's new state; a 409 raises Conflict carrying the server's current one."""
        body = {
            "type": action_type,
            "payload": payload,
            "expected_version": expected_version,
            "idempotency_key": idempotency_key,
        }
        return dict(
            self._call("POST", f"/api/v1/reports/{report_id}/actions", safe=True, body=body)
        )

    def reference(self) -> dict[str, Any]:
        return dict(self._call("GET", "/api/v1/reference", safe=True))

    def health(self) -> dict[str, Any]:
        """The central's state, and which console version it needs."""
        return dict(self._call("GET", "/api/v1/health", safe=True))

    # -- accounts (admin role; change_own_password: any signed-in account) ------------------

    def list_users(self, unit: str | None = None, active: bool | None = None) -> list[Account]:
        params: dict[str, Any] = {}
        if unit is not None:
            params["unit"] = unit
        if active is not None:
            params["active"] = "true" if active else "false"
        return parse_accounts(self._call("GET", "/api/v1/users", safe=True, params=params))

    def create_user(
        self,
        name: str,
        role: Role,
        password: str,
        *,
        unit_code: str | None = None,
        display_name: str = "",
    ) -> Account:
        body = {
            "name": name,
            "role": Role(role).value,
            "password": password,
            "unit_code": unit_code,
            "display_name": display_name,
        }
        return parse_account(self._call("POST", "/api/v1/users", safe=False, body=body))

    def update_user(
        self,
        name: str,
        *,
        role: Role | None = None,
        unit_code: str | Unchanged | None = UNCHANGED,
        display_name: str | None = None,
        active: bool | None = None,
    ) -> Account:
        """Change only what is given; `unit_code=None` clears the unit."""
        body: dict[str, Any] = {}
        if role is not None:
            body["role"] = Role(role).value
        if not isinstance(unit_code, Unchanged):
            body["unit_code"] = unit_code
        if display_name is not None:
            body["display_name"] = display_name
        if active is not None:
            body["active"] = active
        return parse_account(
            self._call("PATCH", f"/api/v1/users/{quote(name, safe='')}", safe=True, body=body)
        )

    def reset_password(self, name: str, password: str) -> None:
        """Set `name`'s password; the server ends that account's sessions."""
        self._no_content(
            "POST", f"/api/v1/users/{quote(name, safe='')}/password", {"password": password}
        )

    def change_own_password(self, current: str, new: str) -> None:
        """The signed-in account's password; its other sessions end, this one goes on."""
        self._no_content("POST", "/api/v1/me/password", {"current": current, "new": new})

    def list_open311_keys(self) -> Any:
        """{"items": [...]}: the partner apps' Open311 keys (admin role), checked by the caller."""
        return self._call("GET", "/api/v1/open311/keys", safe=True)

    def create_open311_key(self, app: str) -> Any:
        return self._call("POST", "/api/v1/open311/keys", safe=False, body={"app": app})

    def revoke_open311_key(self, app: str) -> Any:
        return self._call("DELETE", "/api/v1/open311/keys/" + quote(app, safe=""), safe=True)

    def _no_content(self, method: str, path: str, body: dict[str, Any]) -> None:
        # Not asked again: a retried change of one's own password would meet the new one.
        response, content = self._send(method, path, safe=False, body=body)
        if response.status_code >= 400:
            raise error_for(response.status_code, _json_or_text(content))

    def me(self) -> dict[str, Any]:
        data = self._call("GET", "/api/v1/me", safe=True)
        if not isinstance(data, dict):
            raise Unauthorized(401, "bad_answer", "Không xác định được người dùng.", data)
        return data


def _json_or_text(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return content[:2000].decode("utf-8", "replace")
