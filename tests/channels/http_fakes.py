"""Zalo OA-, Telegram bot- and webhook-shaped HTTP servers."""

from __future__ import annotations

import json
import re
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

HOLD_LIMIT_S = 60.0


class FakeChannel:
    """A channel server in a thread. `fail_next` failures are answered before success;
    `delay_s` slows every answer; `hold()` keeps requests open until `release()`."""

    def __init__(self) -> None:
        self.log: list[dict[str, Any]] = []
        self.requests = 0
        self.fail_next = 0
        self.delay_s = 0.0
        self.arrived = threading.Event()
        self._open = threading.Event()
        self._open.set()
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                with fake._lock:
                    fake.requests += 1
                    failing = fake.fail_next > 0
                    fake.fail_next -= 1 if failing else 0
                    status, answer = (
                        fake.failure(self.path)
                        if failing
                        else fake.handle(self.path, dict(self.headers), body)
                    )
                fake.arrived.set()
                fake._open.wait(HOLD_LIMIT_S)
                time.sleep(fake.delay_s)
                data = json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def hold(self) -> None:
        self.arrived.clear()
        self._open.clear()

    def release(self) -> None:
        self._open.set()

    def close(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        raise NotImplementedError

    def failure(self, path: str) -> tuple[int, Any]:
        raise NotImplementedError


def multipart(headers: dict[str, str], body: bytes) -> dict[str, Any]:
    """Form fields (str) and files (bytes) of a multipart/form-data body."""
    content_type = next(v for k, v in headers.items() if k.lower() == "content-type")
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        fields[str(name)] = payload if part.get_filename() else payload.decode()
    return fields


class FakeZalo(FakeChannel):
    """Zalo OA Open API: v3.0 group and cs messages, v2.0 image upload; `access_token`. And
    its OAuth v4 server: `expire()` ends the access token's life, /v4/oa/access_token trades
    the refresh token (good once) and the app's secret_key for a new pair."""

    APP_ID = "1234567890"
    SECRET = "zalo-app-secret"

    def __init__(self, token: str = "zalo-token") -> None:
        self.token = token
        self.refresh_token = "zalo-refresh-1"
        self.expired: set[str] = set()
        self.renewals = 0
        self.uploads: dict[str, bytes] = {}
        super().__init__()

    def expire(self) -> None:
        self.expired.add(self.token)

    def failure(self, path: str) -> tuple[int, Any]:
        return 200, {"error": -32, "message": "Request exceeds the limit of the application"}

    def renew(self, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        if headers.get("secret_key") != self.SECRET or form.get("app_id") != self.APP_ID:
            return 200, {"error": -14002, "error_name": "Invalid secret key"}
        if form.get("grant_type") != "refresh_token" or form.get("refresh_token") != (
            self.refresh_token
        ):
            return 200, {"error": -14014, "error_description": "Invalid refresh token"}
        self.renewals += 1
        self.token = f"zalo-token-{self.renewals + 1}"
        self.refresh_token = f"zalo-refresh-{self.renewals + 1}"
        return 200, {
            "access_token": self.token,
            "refresh_token": self.refresh_token,
            "expires_in": "90000",
        }

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        if path == "/v4/oa/access_token":
            return self.renew(headers, body)
        if headers.get("access_token") in self.expired:
            return 200, {"error": -124, "message": "Access token has expired"}
        if headers.get("access_token") != self.token:
            return 200, {"error": -216, "message": "Access token is invalid"}
        if path == "/v2.0/oa/upload/image":
            attachment = f"att-{len(self.uploads) + 1}"
            self.uploads[attachment] = multipart(headers, body)["file"]
            return 200, {"error": 0, "message": "Success", "data": {"attachment_id": attachment}}
        if path not in ("/v3.0/oa/group/message", "/v3.0/oa/message/cs"):
            return 404, {"error": 404, "message": "Not found"}
        request = json.loads(body)
        message = request["message"]
        entry = {"recipient": request["recipient"], "text": message.get("text", "")}
        attachment = message.get("attachment")
        if attachment:
            element = attachment["payload"]["elements"][0]
            entry["photo"] = self.uploads[element["attachment_id"]]
        self.log.append(entry)
        return 200, {"error": 0, "message": "Success", "data": {"message_id": f"z{len(self.log)}"}}


class FakeTelegram(FakeChannel):
    """The Bot API's /bot<token>/sendMessage (JSON) and /sendPhoto (multipart)."""

    def __init__(self, token: str = "123:tele-token") -> None:
        self.token = token
        super().__init__()

    def failure(self, path: str) -> tuple[int, Any]:
        return 429, {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 5",
        }

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        match = re.fullmatch(r"/bot([^/]+)/(sendMessage|sendPhoto)", path)
        if match is None or match.group(1) != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        if match.group(2) == "sendMessage":
            fields = json.loads(body)
            self.log.append({"chat_id": str(fields["chat_id"]), "text": fields["text"]})
        else:
            fields = multipart(headers, body)
            self.log.append(
                {
                    "chat_id": fields["chat_id"],
                    "caption": fields.get("caption", ""),
                    "photo": fields["photo"],
                }
            )
        return 200, {"ok": True, "result": {"message_id": len(self.log)}}


class FakeWebhook(FakeChannel):
    """Takes any JSON POST once per Idempotency-Key: a repeated key answers as before and
    delivers nothing again (counted in `repeats`)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        self.repeats = 0
        super().__init__()

    def failure(self, path: str) -> tuple[int, Any]:
        return 503, {"error": "Service Unavailable: receiver is restarting"}

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, Any]:
        key = next((v for k, v in headers.items() if k.lower() == "idempotency-key"), "")
        if key in self.seen:
            self.repeats += 1
            return 200, {"delivery": self.seen[key]}
        self.log.append({"key": key, **json.loads(body)})
        self.seen[key] = len(self.log)
        return 200, {"delivery": len(self.log)}
