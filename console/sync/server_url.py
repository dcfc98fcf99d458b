"""Which central servers the console talks to: HTTPS, or plain HTTP on this machine.

A password and a bearer token travel in every sign-in and request; over plain HTTP anyone on
the path reads them. Loopback never leaves the machine (the embedded demo, tests). A lab
without certificates opts in with `--insecure-http` (setting `insecure_http`) and is warned.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from console.sync.errors import ApiError

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
#: `open311+https://host/open311/v2`: another city's Open311 GeoReport v2 backend (read-only).
OPEN311_PREFIX = "open311+"


class InsecureServer(ApiError):
    """A plain-HTTP server off this machine, not allowed by the settings."""

    def __init__(self, message: str) -> None:
        super().__init__(0, "insecure_http", message)


def open311_base(url: str) -> str | None:
    """The plain http(s) base of an `open311+http(s)://` server URL; None for any other."""
    if url.lower().startswith(OPEN311_PREFIX):
        return url[len(OPEN311_PREFIX) :]
    return None


def is_loopback(url: str) -> bool:
    return (urlsplit(url).hostname or "").lower() in LOOPBACK_HOSTS


def check_server_url(url: str, *, insecure_http: bool) -> str | None:
    """None for HTTPS or loopback; the warning to show when plain HTTP is allowed; raises
    InsecureServer when it is not."""
    url = open311_base(url) or url
    parts = urlsplit(url)
    if parts.scheme == "https" or is_loopback(url):
        return None
    if parts.scheme != "http":
        raise InsecureServer(f"Địa chỉ máy chủ «{url}» phải bắt đầu bằng https://.")
    if not insecure_http:
        raise InsecureServer(
            f"Máy chủ «{url}» dùng http:// không mã hoá: mật khẩu và phiên đăng nhập có thể "
            "bị đọc trộm trên đường truyền. Hãy dùng địa chỉ https://; chỉ trong phòng thí "
            "nghiệm mới chạy với tuỳ chọn --insecure-http."
        )
    return (
        f"Cảnh báo: kết nối tới {parts.hostname} không mã hoá (http://, --insecure-http); "
        "mật khẩu và dữ liệu có thể bị đọc trộm. Chỉ dùng trong phòng thí nghiệm."
    )
