"""The HTTP client against a real local server misbehaving in the ways networks do."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.sync import (
    CentralClient,
    Conflict,
    Forbidden,
    NetworkError,
    NotFound,
    RateLimited,
    ServerError,
    Unauthorized,
    Unprocessable,
)
from tests.console.store.factories import report_json
from tests.console.sync.scripted_server import HANG, RESET, Answer, ScriptedServer

CHANGES = "/api/v1/changes"
ACTIONS = "/api/v1/reports/1/actions"
PAGE = {"items": [report_json(1)], "next": "1", "more": False}


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer().start()
    yield scripted
    scripted.stop()


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _client(server: ScriptedServer, **options: object) -> tuple[CentralClient, Sleeps]:
    sleeps = Sleeps()
    return CentralClient(server.url, token="s3cret-token", sleep=sleeps, **options), sleeps  # type: ignore[arg-type]


def test_retry_after_is_honoured_on_429(server: ScriptedServer) -> None:
    server.on(
        CHANGES,
        Answer(
            429,
            {"code": "rate_limited", "message": "Chậm lại"},
            {"Content-Type": "application/json", "Retry-After": "2"},
        ),
        Answer(200, PAGE),
    )
    client, sleeps = _client(server)
    page = client.changes(None, 10)
    assert page.next == "1" and page.items[0]["id"] == 1 and not page.more
    assert sleeps == [2.0]
    assert server.hits(CHANGES) == 2
    assert server.seen[0].headers["Authorization"] == "Bearer s3cret-token"


def test_retry_after_is_capped_and_429_raised_when_retries_run_out(server: ScriptedServer) -> None:
    server.on(
        CHANGES,
        Answer(
            429,
            {"code": "rate_limited", "message": "Chậm lại"},
            {"Content-Type": "application/json", "Retry-After": "3600"},
        ),
    )
    client, sleeps = _client(server, retries=2, max_retry_after=5.0)
    with pytest.raises(RateLimited) as caught:
        client.changes(None, 10)
    assert caught.value.retry_after == 3600
    assert sleeps == [5.0, 5.0]
    assert server.hits(CHANGES) == 3


def test_503_is_retried_with_backoff_for_a_get(server: ScriptedServer) -> None:
    server.on(
        CHANGES,
        Answer(503, b"busy", {"Content-Type": "text/plain"}),
        Answer(503, b"busy", {"Content-Type": "text/plain"}),
        Answer(200, PAGE),
    )
    client, sleeps = _client(server)
    assert client.changes("0", 10).items[0]["id"] == 1
    assert sleeps == [0.5, 1.0]
    assert "after=0" in server.seen[-1].path


def test_a_post_with_an_idempotency_key_is_retried_but_sign_in_is_not(
    server: ScriptedServer,
) -> None:
    server.on(
        ACTIONS, Answer(503, {"code": "busy", "message": "Bận"}), Answer(200, report_json(1, 2))
    )
    server.on("/api/v1/auth/token", Answer(503, {"code": "busy", "message": "Máy chủ bận"}))
    client, _ = _client(server)
    assert client.post_action(1, "accept", {}, 1, "key-1")["version"] == 2
    assert server.hits(ACTIONS) == 2
    with pytest.raises(ServerError) as caught:
        client.login("operator", "demo")
    assert caught.value.status == 503 and caught.value.message == "Máy chủ bận"
    assert server.hits("/api/v1/auth/token") == 1


def test_a_reset_connection_is_retried_then_reported(server: ScriptedServer) -> None:
    server.on(CHANGES, RESET, Answer(200, PAGE))
    client, _ = _client(server)
    assert client.changes(None, 10).items
    server.on("/api/v1/reference", RESET)
    with pytest.raises(NetworkError) as caught:
        client.reference()
    assert caught.value.status == 0
    assert server.hits("/api/v1/reference") == 4
    assert "s3cret" not in str(caught.value)


def test_a_reset_during_sign_in_is_not_retried(server: ScriptedServer) -> None:
    server.on("/api/v1/auth/token", RESET)
    client, _ = _client(server)
    with pytest.raises(NetworkError):
        client.login("operator", "demo")
    assert server.hits("/api/v1/auth/token") == 1


def test_malformed_json_and_wrong_content_type_are_network_errors(server: ScriptedServer) -> None:
    server.on(CHANGES, Answer(200, b'{"items": [', {"Content-Type": "application/json"}))
    server.on(
        "/api/v1/reference",
        Answer(200, b"<html>captive portal</html>", {"Content-Type": "text/html"}),
    )
    client, sleeps = _client(server)
    with pytest.raises(NetworkError) as bad_json:
        client.changes(None, 10)
    assert bad_json.value.code == "bad_json"
    with pytest.raises(NetworkError) as bad_type:
        client.reference()
    assert bad_type.value.code == "bad_content_type"
    assert "text/html" in bad_type.value.message
    assert sleeps == []


def test_a_page_with_the_wrong_shape_is_refused(server: ScriptedServer) -> None:
    server.on(CHANGES, Answer(200, {"items": "none"}))
    client, _ = _client(server)
    with pytest.raises(NetworkError, match="sai cấu trúc"):
        client.changes(None, 10)


def test_an_oversized_body_is_refused(server: ScriptedServer) -> None:
    server.on(CHANGES, Answer(200, PAGE))
    client, _ = _client(server, max_body=100)
    with pytest.raises(NetworkError) as caught:
        client.changes(None, 10)
    assert caught.value.code == "oversized_body"


def test_a_server_that_does_not_answer_times_out(server: ScriptedServer) -> None:
    server.on(CHANGES, HANG)
    client, sleeps = _client(server, timeout=(1.0, 0.2), retries=1)
    with pytest.raises(NetworkError) as caught:
        client.changes(None, 10)
    assert caught.value.code == "timeout"
    assert len(sleeps) == 1


def test_typed_errors_carry_status_code_and_message(server: ScriptedServer) -> None:
    current = report_json(1, 5, status="assigned")
    server.on(
        ACTIONS,
        Answer(
            409, {"code": "version_conflict", "message": "Đã được cập nhật", "current": current}
        ),
        Answer(403, {"code": "forbidden_role", "message": "Vai trò không được phép"}),
        Answer(422, {"code": "illegal_transition", "message": "Không thể tiếp nhận"}),
    )
    server.on("/api/v1/reports/9", Answer(404, {"code": "not_found", "message": "Không tìm thấy"}))
    server.on("/api/v1/me", Answer(401, {"code": "unauthorized", "message": "Cần đăng nhập"}))
    client, sleeps = _client(server)
    with pytest.raises(Conflict) as conflict:
        client.post_action(1, "accept", {}, 1, "k")
    assert conflict.value.current == current
    assert conflict.value.message == "Đã được cập nhật"
    with pytest.raises(Forbidden):
        client.post_action(1, "accept", {}, 1, "k")
    with pytest.raises(Unprocessable) as refused:
        client.post_action(1, "accept", {}, 1, "k")
    assert (refused.value.status, refused.value.code) == (422, "illegal_transition")
    with pytest.raises(NotFound):
        client.report(9)
    with pytest.raises(Unauthorized):
        client.me()
    assert sleeps == []


def test_login_keeps_the_token_and_never_shows_it(server: ScriptedServer) -> None:
    server.on(
        "/api/v1/auth/token",
        Answer(
            200,
            {
                "token": "tok-123",
                "role": "operator",
                "user": "operator",
                "expires_at": "2030-01-01T00:00:00Z",
            },
        ),
    )
    server.on(CHANGES, Answer(200, PAGE))
    client = CentralClient(server.url)
    info = client.login("operator", "demo")
    assert (info.user, info.role, info.expires_at.year if info.expires_at else None) == (
        "operator",
        "operator",
        2030,
    )
    client.changes(None, 10)
    assert server.seen[-1].headers["Authorization"] == "Bearer tok-123"
    assert "tok-123" not in repr(client)
