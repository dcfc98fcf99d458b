"""Channel adapters: one call sends one message (text and photos) and answers the channel's
own id for it, or raises ChannelError with the channel's own words.

Written with requests and smtplib rather than apprise (checked: apprise 2.3): its Telegram
plugin fixes the base URL to https://api.telegram.org (a class constant), so nothing points
it at another server; `notify()` answers only True/False and leaves the reason in its log,
and its e-mail plugin makes a new random Message-ID on every send, which defeats the receiver's
de-duplication that a resend after a crash relies on. Every call has a timeout and every base
URL is a setting (default: the real service).
"""

from __future__ import annotations

import base64
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr
from typing import Any

import requests

TIMEOUT_S = 20.0
ZALO_URL = "https://openapi.zalo.me"
ZALO_OAUTH_URL = "https://oauth.zaloapp.com"
#: Zalo's answers to a message sent with an access token it no longer takes (invalid, expired).
ZALO_TOKEN_REJECTED = frozenset({-216, -124})
TELEGRAM_URL = "https://api.telegram.org"

#: Per kind: the longest text the channel takes, whether it takes photos, and whether a resend
#: is safe (the receiver de-duplicates on our key: webhook Idempotency-Key, e-mail Message-ID).
LIMITS: dict[str, tuple[int, bool, bool]] = {
    "zalo": (2000, True, False),
    "telegram": (4096, True, False),
    "email": (20000, True, True),
    "webhook": (20000, True, True),
}
#: What a Zalo channel needs to renew its own access token (optional settings).
ZALO_RENEWAL = ("refresh_token", "app_id", "secret_key")
KIND_LABELS = {"zalo": "Zalo OA", "telegram": "Telegram", "email": "E-mail", "webhook": "Webhook"}
REQUIRED: dict[str, tuple[str, ...]] = {
    "zalo": ("access_token",),
    "telegram": ("bot_token", "chat_id"),
    "email": ("host", "sender", "to"),
    "webhook": ("url",),
}


class ChannelError(Exception):
    """The channel refused or could not be reached; the text is its own words."""


class ZaloTokenRejected(ChannelError):
    """Zalo no longer takes the access token: renewing it may help."""


@dataclass(frozen=True)
class Outgoing:
    key: str
    text: str
    photos: tuple[tuple[bytes, str], ...]  # (jpeg, caption)
    report_code: str


def check_settings(kind: str, settings: dict[str, Any]) -> str | None:
    """What is missing from `settings` for `kind`, in Vietnamese, or None."""
    missing = [name for name in REQUIRED[kind] if not str(settings.get(name) or "").strip()]
    if kind == "zalo" and not (settings.get("group_id") or settings.get("user_id")):
        missing.append("group_id hoặc user_id")
    return f"Thiếu thiết lập: {', '.join(missing)}." if missing else None


def _post(url: str, **kwargs: Any) -> requests.Response:
    try:
        return requests.post(url, timeout=TIMEOUT_S, **kwargs)
    except requests.Timeout:
        raise ChannelError(f"không trả lời sau {TIMEOUT_S:.0f} giây") from None
    except requests.RequestException as exc:
        raise ChannelError(f"không kết nối được ({type(exc).__name__})") from None


def _json(answer: requests.Response) -> dict[str, Any]:
    try:
        body = answer.json()
    except ValueError:
        raise ChannelError(f"HTTP {answer.status_code}: {answer.text[:200]}") from None
    if not isinstance(body, dict):
        raise ChannelError(f"HTTP {answer.status_code}: {answer.text[:200]}")
    return body


def send_zalo(settings: dict[str, Any], out: Outgoing) -> str:
    """Zalo OA Open API v3: a group message (group_id) or a customer-service message (user_id);
    a photo is uploaded first (v2.0/oa/upload/image) and sent as a media template."""
    base = str(settings.get("base_url") or ZALO_URL).rstrip("/")
    group = settings.get("group_id")
    path = "/v3.0/oa/group/message" if group else "/v3.0/oa/message/cs"
    recipient = {"group_id": str(group)} if group else {"user_id": str(settings["user_id"])}

    def token() -> dict[str, str]:
        return {"access_token": str(settings["access_token"])}

    def call(path: str, **kwargs: Any) -> dict[str, Any]:
        """A call Zalo rejects for its token posted nothing: renew the token, call again."""
        try:
            return _zalo_ok(_post(f"{base}{path}", headers=token(), **kwargs))
        except ZaloTokenRejected:
            if not renew_zalo_token(settings):
                raise
        return _zalo_ok(_post(f"{base}{path}", headers=token(), **kwargs))

    def message(body: dict[str, Any]) -> str:
        answer = call(path, json={"recipient": recipient, "message": body})
        return str((answer.get("data") or {}).get("message_id", ""))

    remote = message({"text": out.text})
    for jpeg, caption in out.photos:
        uploaded = call("/v2.0/oa/upload/image", files={"file": ("photo.jpg", jpeg, "image/jpeg")})
        attachment = str((uploaded.get("data") or {}).get("attachment_id", ""))
        element = {"media_type": "image", "attachment_id": attachment}
        template = {"template_type": "media", "elements": [element]}
        message({"text": caption, "attachment": {"type": "template", "payload": template}})
    return remote


def renew_zalo_token(settings: dict[str, Any]) -> bool:
    """Trade the channel's refresh token for a new access token and refresh token (OAuth v4),
    written into `settings` for the sender to store: an OA access token lives 25 hours and a
    refresh token is good once. False when the channel has no refresh token to trade."""
    if not all(settings.get(name) for name in ZALO_RENEWAL):
        return False
    base = str(settings.get("oauth_url") or ZALO_OAUTH_URL).rstrip("/")
    body = _json(
        _post(
            f"{base}/v4/oa/access_token",
            headers={"secret_key": str(settings["secret_key"])},
            data={
                "app_id": str(settings["app_id"]),
                "grant_type": "refresh_token",
                "refresh_token": str(settings["refresh_token"]),
            },
        )
    )
    if not body.get("access_token"):
        words = body.get("error_description") or body.get("error_name") or body.get("error")
        raise ChannelError(f"không gia hạn được mã truy cập Zalo: {words}")
    settings["access_token"] = str(body["access_token"])
    settings["refresh_token"] = str(body.get("refresh_token") or settings["refresh_token"])
    return True


def _zalo_ok(answer: requests.Response) -> dict[str, Any]:
    body = _json(answer)
    error = body.get("error")
    if error != 0:
        problem = ZaloTokenRejected if error in ZALO_TOKEN_REJECTED else ChannelError
        raise problem(f"lỗi {error}: {body.get('message', '')}")
    return body


def send_telegram(settings: dict[str, Any], out: Outgoing) -> str:
    """Bot API: sendMessage, then sendPhoto per photo (its caption)."""
    base = str(settings.get("base_url") or TELEGRAM_URL).rstrip("/")
    bot = f"{base}/bot{settings['bot_token']}"
    chat = str(settings["chat_id"])
    body = _telegram_ok(_post(f"{bot}/sendMessage", json={"chat_id": chat, "text": out.text}))
    for jpeg, caption in out.photos:
        _telegram_ok(
            _post(
                f"{bot}/sendPhoto",
                data={"chat_id": chat, "caption": caption[:1024]},
                files={"photo": ("photo.jpg", jpeg, "image/jpeg")},
            )
        )
    return str((body.get("result") or {}).get("message_id", ""))


def _telegram_ok(answer: requests.Response) -> dict[str, Any]:
    body = _json(answer)
    if body.get("ok") is not True:
        raise ChannelError(
            f"lỗi {body.get('error_code', answer.status_code)}: {body.get('description', '')}"
        )
    return body


def send_webhook(settings: dict[str, Any], out: Outgoing) -> str:
    """A JSON POST with an Idempotency-Key header the receiver honours (a resend is safe)."""
    headers = {"Idempotency-Key": out.key, **dict(settings.get("headers") or {})}
    payload = {
        "key": out.key,
        "report": out.report_code,
        "text": out.text,
        "photos": [
            {"jpeg_b64": base64.b64encode(jpeg).decode("ascii"), "caption": caption}
            for jpeg, caption in out.photos
        ],
    }
    answer = _post(str(settings["url"]), headers=headers, json=payload)
    if answer.status_code >= 300:
        raise ChannelError(f"HTTP {answer.status_code}: {answer.text[:200]}")
    return answer.headers.get("X-Request-Id", "") or str(answer.status_code)


def message_id(key: str, sender: str) -> str:
    """The same Message-ID for every send of one message, so a resend is recognised."""
    domain = sender.rpartition("@")[2] or "paht.local"
    safe = "".join(c if c.isalnum() or c in "-." else "." for c in key)
    return f"<relay.{safe}@{domain}>"


def send_email(settings: dict[str, Any], out: Outgoing) -> str:
    """SMTP (STARTTLS when `starttls`, login when `user`), photos as JPEG attachments."""
    mail = EmailMessage()
    sender = str(settings["sender"])
    mail["From"] = formataddr((str(settings.get("sender_name") or "Trung tâm IOC Huế"), sender))
    mail["To"] = str(settings["to"])
    mail["Subject"] = str(settings.get("subject") or f"Kết quả xử lý phản ánh {out.report_code}")
    mail["Message-ID"] = message_id(out.key, sender)
    mail.set_content(out.text)
    for n, (jpeg, _caption) in enumerate(out.photos, 1):
        mail.add_attachment(jpeg, maintype="image", subtype="jpeg", filename=f"anh-{n}.jpg")
    try:
        with smtplib.SMTP(
            str(settings["host"]), int(settings.get("port") or 25), timeout=TIMEOUT_S
        ) as smtp:
            if settings.get("starttls"):
                smtp.starttls(context=ssl.create_default_context())
            if settings.get("user"):
                smtp.login(str(settings["user"]), str(settings.get("password") or ""))
            smtp.send_message(mail)
    except smtplib.SMTPResponseException as exc:
        words = (
            exc.smtp_error.decode("utf-8", "replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        raise ChannelError(f"SMTP {exc.smtp_code}: {words}") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise ChannelError(f"không gửi được thư ({type(exc).__name__}: {exc})") from None
    return str(mail["Message-ID"])


SENDERS: dict[str, Callable[[dict[str, Any], Outgoing], str]] = {
    "zalo": send_zalo,
    "telegram": send_telegram,
    "email": send_email,
    "webhook": send_webhook,
}
