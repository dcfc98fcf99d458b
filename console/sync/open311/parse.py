"""Reading an Open311 answer body into a list of flat records, whatever shape the server chose.

Servers differ: a bare JSON array, a JSON object wrapping it (`{"service_requests": [...]}`,
`{"requests": [{"request": [...]}]}`, a converter's `{"service_requests": {"request": {...}}}`
where one element became an object), a single object, XML (always read as a list here, even
with one element), an empty body. Records are dicts of the spec's field names.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from typing import Any

from console.sync.errors import NetworkError

#: Keys that only wrap a list of records (a dict made of nothing else is an envelope).
WRAPPERS = frozenset(
    {"service_requests", "requests", "request", "services", "service", "discovery"}
)


def looks_like_html(content: bytes) -> bool:
    head = content[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _element(node: ElementTree.Element) -> Any:
    """An element's text, or a dict of its children (repeated children become a list)."""
    children = list(node)
    if not children:
        return (node.text or "").strip() if node.text is not None else None
    data: dict[str, Any] = {}
    for child in children:
        value = _element(child)
        if child.tag in data:
            known = data[child.tag]
            data[child.tag] = [*known, value] if isinstance(known, list) else [known, value]
        else:
            data[child.tag] = value
    return data


def parse_xml(content: bytes) -> list[Any]:
    """The root's children as records: one child still makes a list of one."""
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError as exc:
        raise NetworkError(f"Máy chủ Open311 trả về XML hỏng: {exc}.", "bad_xml") from exc
    if root.tag in ("service_requests", "services", "errors", "endpoints"):
        return [_element(child) for child in root]
    return [_element(root)]


def unwrap(data: Any) -> list[Any]:
    """The records inside any envelope; a lone record becomes a list of one."""
    if isinstance(data, list):
        found: list[Any] = []
        for item in data:
            found.extend(unwrap(item) if _is_envelope(item) else [item])
        return found
    if _is_envelope(data):
        found = []
        for value in data.values():
            found.extend(unwrap(value))
        return found
    if data is None or data == "":
        return []
    return [data]


def _is_envelope(data: Any) -> bool:
    return isinstance(data, dict) and bool(data) and all(key in WRAPPERS for key in data)


def parse_body(content: bytes, kind: str) -> list[Any]:
    """Records from a successful answer's body, JSON or XML (by its content, not its header:
    servers mislabel both); an empty body is no records; an HTML page is an error."""
    text = content.strip()
    if not text:
        return []
    if looks_like_html(text):
        raise NetworkError(
            "Máy chủ Open311 trả về một trang HTML thay vì dữ liệu "
            "(sai địa chỉ, hoặc trang lỗi của máy chủ).",
            "html_page",
        )
    if text.startswith(b"<"):
        return parse_xml(text)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise NetworkError(
            f"Máy chủ Open311 trả về dữ liệu không đọc được ({kind or 'không rõ'}): {exc}.",
            "bad_json",
        ) from exc
    return unwrap(data)


def error_text(content: bytes) -> str | None:
    """The description of a GeoReport error list (JSON or XML), if the body is one."""
    try:
        records = parse_body(content, "")
    except NetworkError:
        return None
    for record in records:
        if isinstance(record, dict) and record.get("description"):
            return str(record["description"])[:500]
    return None
