"""What every Open311 answer shares: JSON or XML bodies, the spec's error lists, jurisdiction.

GeoReport v2 makes XML mandatory and JSON optional; both carry the same data. An error is a
list of `{code, description}` (JSON) or `<errors><error>...` (XML), never the /api/v1 shape,
because Open311 clients expect that.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal
from xml.etree import ElementTree as ET

from fastapi import Response
from pydantic import BaseModel

from console.central.api import json_response

Format = Literal["json", "xml"]
FORMATS: tuple[Format, ...] = ("json", "xml")
XML_TYPE = "text/xml; charset=utf-8"
#: The one jurisdiction this server answers for (GeoReport v2 `jurisdiction_id`).
JURISDICTION = "hue.gov.vn"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


class Problem(BaseModel):
    code: int
    description: str


_XML_SCHEMA: dict[str, Any] = {"schema": {"type": "string"}}


def documented(fmt: Format, model: Any, *statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for one format: the answer and the error lists it may send."""
    described = {400: "Bad parameter", 403: "Bad api_key", 404: "Not found"}
    answers: dict[int | str, dict[str, Any]] = {}
    for status in (200, *statuses):
        about = "OK" if status == 200 else described[status]
        if fmt == "json":
            answers[status] = {"model": model if status == 200 else list[Problem]}
            answers[status]["description"] = about
        else:
            answers[status] = {"description": about, "content": {"text/xml": _XML_SCHEMA}}
    return answers


def answer(
    fmt: Format,
    body: Sequence[Mapping[str, Any]] | Mapping[str, Any],
    root: str,
    item: str,
    status: int = 200,
) -> Response:
    """A list of objects (or one object) as JSON, or as XML under `<root><item>...`."""
    if fmt == "json":
        return json_response(body, status)
    element = ET.Element(root)
    if isinstance(body, Mapping):
        _fill(element, body)
    else:
        for entry in body:
            _fill(ET.SubElement(element, item), entry)
    return xml_response(element, status)


def xml_response(element: ET.Element, status: int = 200) -> Response:
    content = _DECLARATION + ET.tostring(element, encoding="unicode").encode("utf-8")
    return Response(content, status_code=status, media_type=XML_TYPE)


def _fill(element: ET.Element, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        child = ET.SubElement(element, key)
        if isinstance(value, Mapping):
            _fill(child, value)
        elif isinstance(value, list):
            singular = key[:-1] if key.endswith("s") else key
            for entry in value:
                grandchild = ET.SubElement(child, singular)
                if isinstance(entry, Mapping):
                    _fill(grandchild, entry)
                else:
                    grandchild.text = _text(entry)
        else:
            child.text = _text(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def problem(fmt: Format, status: int, description: str) -> Response:
    """The spec's error list with one error."""
    return answer(fmt, [{"code": status, "description": description}], "errors", "error", status)


def jurisdiction_problem(fmt: Format, jurisdiction_id: str | None) -> Response | None:
    """A 404 for a jurisdiction other than ours; none given means ours (the spec allows it)."""
    if jurisdiction_id in (None, "", JURISDICTION):
        return None
    return problem(fmt, 404, f"Không phục vụ jurisdiction_id «{jurisdiction_id[:64]}».")
