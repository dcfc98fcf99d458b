"""POST requests (a partner app's new report) and GET tokens, as GeoReport v2 has them.

The body is form-encoded as the spec says (JSON is accepted too). A report enters through the
same intake as the app's (status new, in the Center's New view), its channel the partner app's
name. Attribute answers and the media link are appended to the description, where the operator
reads them. Creation is never deferred: the answer carries both the id and a token, and
`GET tokens/{token}` gives the id back for clients written for deferred servers.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy import insert, select
from starlette.concurrency import run_in_threadpool

from console.central.api import service
from console.central.db import Open311TokenRow, write_transaction
from console.central.errors import ApiError
from console.central.open311_format import (
    FORMATS,
    JURISDICTION,
    Format,
    answer,
    documented,
    jurisdiction_problem,
    problem,
)
from console.central.open311_keys import app_for_key
from console.central.open311_services import AttributeRefused, answers
from console.central.principal import Principal
from console.central.schemas import IntakeIn, ReporterIn
from console.central.service import CentralService
from console.domain.model import Role

router = APIRouter(prefix="/open311/v2", tags=["open311"])
Service = Annotated[CentralService, Depends(service)]
TITLE_LENGTH = 120


class PostAnswerOut(BaseModel):
    service_request_id: str
    token: str
    service_notice: str
    account_id: str | None


class TokenOut(BaseModel):
    service_request_id: str
    token: str


class Refused(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _fields(raw: bytes, content_type: str) -> dict[str, list[str]]:
    """Every field as a list of strings, from a form or a JSON object."""
    if content_type.startswith("application/json"):
        try:
            body = json.loads(raw or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise Refused(400, "Nội dung JSON không hợp lệ.") from None
        if not isinstance(body, dict):
            raise Refused(400, "Nội dung JSON phải là một đối tượng.")
        fields: dict[str, list[str]] = {}
        for key, value in body.items():
            if key == "attribute" and isinstance(value, dict):
                for code, given in value.items():
                    fields[f"attribute[{code}]"] = _strings(given)
            else:
                fields[str(key)] = _strings(value)
        return fields
    try:
        return parse_qs(raw.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        raise Refused(400, "Nội dung phải là UTF-8.") from None


def _strings(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return ["" if v is None else str(v) for v in values]


def _one(fields: dict[str, list[str]], name: str, limit: int = 2000) -> str:
    value = (fields.get(name) or [""])[0].strip()
    if len(value) > limit:
        raise Refused(400, f"Trường {name} dài quá {limit} ký tự.")
    return value


def _coordinate(fields: dict[str, list[str]], name: str, bound: float) -> float | None:
    raw = _one(fields, name, 64)
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise Refused(400, f"Trường {name} phải là một số.") from None
    if not -bound <= value <= bound:
        raise Refused(400, f"Trường {name} phải nằm trong khoảng ±{bound:g}.")
    return value


def _attributes(fields: dict[str, list[str]]) -> dict[str, list[str]]:
    return {
        key[len("attribute[") : -1]: values
        for key, values in fields.items()
        if key.startswith("attribute[") and key.endswith("]")
    }


def _intake(svc: CentralService, app: str, fields: dict[str, list[str]]) -> IntakeIn:
    code = _one(fields, "service_code", 64)
    if not code:
        raise Refused(400, "Thiếu service_code.")
    if code not in svc.known_categories:
        raise Refused(400, f"Không có dịch vụ «{code}» (service_code).")
    lat, lon = _coordinate(fields, "lat", 90), _coordinate(fields, "long", 180)
    address = _one(fields, "address_string")
    if (lat is None) != (lon is None):
        raise Refused(400, "Cần cả lat và long, hoặc bỏ trống cả hai.")
    if lat is None and not address:
        raise Refused(400, "Cần vị trí: lat và long, hoặc address_string.")
    try:
        extra = answers(code, _attributes(fields))
    except AttributeRefused as exc:
        raise Refused(400, str(exc)) from None
    media = _one(fields, "media_url")
    if media and not media.startswith(("https://", "http://")):
        raise Refused(400, "media_url phải là địa chỉ http(s)://.")
    description = _one(fields, "description", 100_000)
    lines = [*extra, *([f"Ảnh/video đính kèm: {media}"] if media else [])]
    full = "\n\n".join(part for part in (description, "\n".join(lines)) if part)
    first_line = description.splitlines()[0] if description else ""
    title = first_line[:TITLE_LENGTH] or f"{svc.reference.category_name(code)} (qua {app})"
    name = " ".join(
        p for p in (_one(fields, "first_name", 100), _one(fields, "last_name", 100)) if p
    )
    email, phone = _one(fields, "email", 320), _one(fields, "phone", 64)
    reporter = ReporterIn(name=name or None, phone=phone or None, email=email or None)
    try:
        return IntakeIn(
            title=title,
            description=full,
            category=code,
            lat=lat,
            lon=lon,
            address=address,
            channel=app,
            reporter=reporter if name or email or phone else None,
        )
    except ValidationError as exc:
        raise Refused(400, f"Dữ liệu không hợp lệ: {exc.errors()[0]['msg']}.") from None


def _create(
    svc: CentralService, query_key: str | None, fields: dict[str, list[str]]
) -> dict[str, Any]:
    key = (query_key or _one(fields, "api_key", 200))[:200]
    app = app_for_key(svc.engine, key) if key else None
    if app is None:
        raise Refused(403, "api_key không hợp lệ hoặc đã bị thu hồi.")
    data = _intake(svc, app, fields)
    try:
        created = svc.intake(Principal(f"open311:{app}", Role.CITIZEN), data)
    except ApiError as exc:
        raise Refused(400, exc.message) from None
    token = secrets.token_urlsafe(16)
    with write_transaction(svc.engine) as conn:
        conn.execute(
            insert(Open311TokenRow).values(
                token=token, report_id=created["id"], created_at=svc.now()
            )
        )
    return {
        "service_request_id": str(created["id"]),
        "token": token,
        "service_notice": f"Đã nhận phản ánh {created['code']}; Trung tâm IOC sẽ xem xét.",
        "account_id": None,
    }


def _post(fmt: Format) -> Callable[..., Coroutine[Any, Any, Response]]:
    async def post_request(
        request: Request,
        svc: Service,
        api_key: Annotated[str | None, Query()] = None,
        jurisdiction_id: Annotated[str | None, Query()] = None,
    ) -> Response:
        raw = await request.body()
        try:
            fields = _fields(raw, request.headers.get("content-type", ""))
            where = jurisdiction_id or _one(fields, "jurisdiction_id", 200) or None
            refused = jurisdiction_problem(fmt, where)
            if refused is not None:
                return refused
            created = await run_in_threadpool(_create, svc, api_key, fields)
        except Refused as exc:
            return problem(fmt, exc.status, exc.description)
        return answer(fmt, [created], "service_requests", "request")

    return post_request


def _token(fmt: Format) -> Callable[..., Response]:
    def token_lookup(
        svc: Service, token: str, jurisdiction_id: Annotated[str | None, Query()] = None
    ) -> Response:
        refused = jurisdiction_problem(fmt, jurisdiction_id)
        if refused is not None:
            return refused
        with svc.engine.connect() as conn:
            found = conn.execute(
                select(Open311TokenRow.report_id).where(Open311TokenRow.token == token[:64])
            ).scalar_one_or_none()
        if found is None:
            return problem(fmt, 404, "Không tìm thấy token này.")
        body = [{"service_request_id": str(found), "token": token}]
        return answer(fmt, body, "service_requests", "request")

    return token_lookup


_TEXT = {"type": "string", "maxLength": 2000}
_BODY_SCHEMA = {
    "type": "object",
    "required": ["api_key", "service_code"],
    "properties": {
        "api_key": _TEXT,
        "jurisdiction_id": {"type": "string", "enum": [JURISDICTION]},
        "service_code": _TEXT,
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "long": {"type": "number", "minimum": -180, "maximum": 180},
        "address_string": _TEXT,
        "description": _TEXT,
        "first_name": _TEXT,
        "last_name": _TEXT,
        "email": _TEXT,
        "phone": _TEXT,
        "media_url": _TEXT,
    },
    "additionalProperties": {"type": "string", "description": "attribute[CODE] answers"},
}
_EXAMPLE = {
    "api_key": "the-partner-apps-key",
    "service_code": "roads",
    "lat": 16.4637,
    "long": 107.5909,
    "description": "Ổ gà lớn trước khách sạn",
    "attribute[DAMAGE]": "pothole",
}
_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            kind: {"schema": _BODY_SCHEMA, "example": _EXAMPLE}
            for kind in ("application/x-www-form-urlencoded", "application/json")
        },
    }
}

for _fmt in FORMATS:
    _class = Response if _fmt == "xml" else JSONResponse
    router.add_api_route(
        f"/requests.{_fmt}",
        _post(_fmt),
        methods=["POST"],
        responses=documented(_fmt, list[PostAnswerOut], 400, 403, 404),
        openapi_extra=_REQUEST_BODY,
        response_class=_class,
    )
    router.add_api_route(
        f"/tokens/{{token}}.{_fmt}",
        _token(_fmt),
        methods=["GET"],
        responses=documented(_fmt, list[TokenOut], 404),
        response_class=_class,
    )
