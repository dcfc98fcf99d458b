"""A read-only GeoReport v2 client: the central client's transport (one session, timeouts,
safe retries, Retry-After, typed errors, hang-up), GETs only, JSON with a fallback to XML.

The spec makes XML mandatory and JSON optional: a server whose `.json` answers 404 is asked in
`.xml`, and from then on only in XML (`on_format` lets the caller keep that across runs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from console.sync.client import CentralClient
from console.sync.errors import ApiError, NetworkError, NotFound, error_for
from console.sync.open311.parse import error_text, looks_like_html, parse_body
from console.sync.server_url import open311_base

FORMATS = ("json", "xml")
#: Answers of a server that does not speak the format asked for.
NO_SUCH_FORMAT = frozenset({400, 404, 406, 415, 501})


class Open311Client(CentralClient):
    def __init__(
        self,
        url: str,
        *,
        fmt: str = "json",
        on_format: Callable[[str], None] | None = None,
        **options: Any,
    ) -> None:
        """`url`: `open311+https://host/open311/v2` (or the plain http(s) base)."""
        super().__init__(open311_base(url) or url, **options)
        self._session.headers["Accept"] = "application/json, application/xml;q=0.9, */*;q=0.1"
        self.fmt = fmt if fmt in FORMATS else "json"
        self.on_format = on_format

    def __repr__(self) -> str:
        return f"Open311Client({self.base_url!r}, {self.fmt})"

    def _get(self, resource: str, params: dict[str, Any] | None = None) -> list[Any]:
        """The records of `resource`.{format}; JSON refused as a format -> XML, remembered."""
        try:
            return self._get_as(resource, self.fmt, params)
        except ApiError as exc:
            if self.fmt != "json" or exc.status not in NO_SUCH_FORMAT:
                raise
            records = self._get_as(resource, "xml", params)
        self.fmt = "xml"
        if self.on_format is not None:
            self.on_format("xml")
        return records

    def _get_as(self, resource: str, fmt: str, params: dict[str, Any] | None) -> list[Any]:
        response, content = self._send("GET", f"/{resource}.{fmt}", safe=True, params=params)
        status = response.status_code
        if status >= 400:
            raise error_for(status, {"code": f"http_{status}", "message": _why(status, content)})
        return parse_body(content, response.headers.get("Content-Type", ""))

    def discovery(self) -> dict[str, Any] | None:
        """The discovery document, when the server has one (it is optional)."""
        try:
            records = self._get("discovery")
        except NetworkError:
            raise
        except ApiError:
            return None
        return records[0] if records and isinstance(records[0], dict) else None

    def services(self) -> list[Any]:
        return self._get("services")

    def requests(self, params: dict[str, Any]) -> list[Any]:
        return self._get("requests", params)

    def request(self, original_id: str) -> list[Any]:
        """One request by the server's own id (a list, as the spec answers)."""
        try:
            return self._get(f"requests/{quote(original_id, safe='')}")
        except NotFound:
            return []


def _why(status: int, content: bytes) -> str:
    """What to tell the operator about an error answer: the server's GeoReport description,
    else a plain sentence (an HTML error page says nothing useful)."""
    if content.strip() and not looks_like_html(content):
        described = error_text(content)
        if described:
            return f"Máy chủ Open311 trả lời lỗi {status}: {described}"
    return f"Máy chủ Open311 trả lời lỗi {status}."
