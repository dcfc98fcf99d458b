"""The /api/v1/relay routes (docs/RELAY.md): channels (admin), the outbox, previews, rules."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel, Field

from console.central.api import Caller, Service, _errors, json_response
from console.central.auth import refuse_read_only, require_role
from console.central.errors import ApiError
from console.central.principal import Principal
from console.central.relay import outbox
from console.domain.model import Role

SENDING_ROLES = frozenset({Role.MEDIA, Role.OPERATOR, Role.SUPERVISOR})
READING_ROLES = SENDING_ROLES | {Role.ADMIN}
CHANNEL_PATTERN = r"^[a-z0-9][a-z0-9_.-]{1,63}$"
ChannelId = Annotated[str, Field(min_length=2, max_length=64, pattern=CHANNEL_PATTERN)]
ChannelList = Annotated[list[ChannelId], Field(min_length=1, max_length=20)]
Kind = Literal["zalo", "telegram", "email", "webhook"]
MAX_PHOTO_B64 = 8_000_000


def _role(roles: frozenset[Role], what: str) -> Any:
    def check(caller: Caller) -> Principal:
        refuse_read_only(caller, what)
        require_role(caller, roles, what)
        return caller

    return Depends(check)


Sender = Annotated[Principal, _role(SENDING_ROLES, "chuyển tiếp kết quả")]
Reader = Annotated[Principal, _role(READING_ROLES, "xem việc chuyển tiếp")]
RuleEditor = Annotated[Principal, _role(READING_ROLES, "đặt quy tắc chuyển tiếp")]
Admin = Annotated[Principal, _role(frozenset({Role.ADMIN}), "quản lý kênh chuyển tiếp")]


class ChannelOut(BaseModel):
    id: str
    kind: Kind
    name: str
    enabled: bool
    photos: bool
    max_text: int


class ChannelIn(BaseModel):
    id: ChannelId
    kind: Kind
    name: str = Field(min_length=1, max_length=200)
    settings: dict[str, Any] = Field(description="Kind-specific, with secrets; never answered")
    enabled: bool = True


class PhotoIn(BaseModel):
    jpeg_b64: str = Field(min_length=4, max_length=MAX_PHOTO_B64)
    reviewed: bool = Field(description="Faces and plates reviewed; false is refused")
    caption: str = Field(default="", max_length=1000)


class MessagesIn(BaseModel):
    report_id: int = Field(ge=1, le=2**31 - 1)
    channels: ChannelList
    text: str = Field(min_length=1, max_length=20000)
    photos: list[PhotoIn] = Field(default_factory=list, max_length=10)
    idempotency_key: str = Field(min_length=8, max_length=200)


class QueuedOne(BaseModel):
    id: int
    channel: str
    state: str
    key: str


class QueuedOut(BaseModel):
    messages: list[QueuedOne]


class MessageOut(BaseModel):
    id: int
    report_id: int
    channel: str
    state: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    sent_at: str | None
    created_at: str | None
    created_by: str
    text: str
    photo_count: int
    remote_id: str | None
    key: str


class MessageList(BaseModel):
    items: list[MessageOut]


class PreviewIn(BaseModel):
    report_id: int = Field(ge=1, le=2**31 - 1)
    channels: ChannelList


class ChannelText(BaseModel):
    channel: str
    text: str


class PreviewOut(BaseModel):
    text: str
    per_channel: list[ChannelText]


class RuleIn(BaseModel):
    channels: ChannelList
    category: str | None = Field(default=None, max_length=64)
    ward: str | None = Field(default=None, max_length=64)
    enabled: bool = True


class RuleOut(RuleIn):
    id: int


def _photos(photos: list[PhotoIn]) -> list[tuple[bytes, str]]:
    decoded = []
    for n, photo in enumerate(photos, 1):
        if not photo.reviewed:
            raise ApiError(
                422,
                "photo_not_reviewed",
                f"Ảnh số {n} chưa được duyệt che mặt, biển số: không gửi ảnh chưa duyệt.",
            )
        try:
            data = base64.b64decode(photo.jpeg_b64, validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if not data.startswith(b"\xff\xd8"):
            raise ApiError(422, "invalid_photo", f"Ảnh số {n} không phải ảnh JPEG hợp lệ.")
        decoded.append((data, photo.caption))
    return decoded


def _wake(request: Request) -> None:
    request.app.state.relay.wake()


router = APIRouter(prefix="/api/v1/relay", tags=["relay"])


@router.get("/channels", response_model=list[ChannelOut], responses=_errors(403))
def get_channels(svc: Service, caller: Reader) -> Response:
    return json_response(outbox.list_channels(svc.engine))


@router.post("/channels", response_model=ChannelOut, status_code=201, responses=_errors(403))
def add_channel(svc: Service, caller: Admin, body: ChannelIn) -> Response:
    saved = outbox.save_channel(
        svc.engine, body.id, body.kind, body.name, body.settings, svc.now(), body.enabled
    )
    return json_response(saved, 201)


@router.delete("/channels/{channel_id}", response_model=ChannelOut, responses=_errors(403, 404))
def delete_channel(
    svc: Service,
    caller: Admin,
    channel_id: Annotated[str, Path(min_length=2, max_length=64, pattern=CHANNEL_PATTERN)],
) -> Response:
    return json_response(outbox.remove_channel(svc.engine, channel_id))


@router.post("/messages", response_model=QueuedOut, status_code=202, responses=_errors(403, 404))
def post_messages(request: Request, svc: Service, caller: Sender, body: MessagesIn) -> Response:
    queued = outbox.queue(
        svc.engine,
        user=caller.name,
        report_id=body.report_id,
        channels=body.channels,
        text=body.text,
        photos=_photos(body.photos),
        key=body.idempotency_key,
        now=svc.now(),
    )
    _wake(request)
    return json_response({"messages": queued}, 202)


@router.get("/messages", response_model=MessageList, responses=_errors(403))
def get_messages(
    svc: Service,
    caller: Reader,
    state: Annotated[
        Literal["queued", "sending", "sent", "failed", "uncertain"] | None, Query()
    ] = None,
    report_id: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> Response:
    return json_response({"items": outbox.list_messages(svc.engine, state, report_id, limit)})


@router.post(
    "/messages/{message_id}/retry", response_model=MessageOut, responses=_errors(403, 404, 409)
)
def retry_message(
    request: Request,
    svc: Service,
    caller: Sender,
    message_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    answer = outbox.retry(svc.engine, message_id, svc.now())
    _wake(request)
    return json_response(answer)


@router.post("/preview", response_model=PreviewOut, responses=_errors(403, 404))
def preview(svc: Service, caller: Sender, body: PreviewIn) -> Response:
    return json_response(outbox.preview(svc.engine, svc.reference, body.report_id, body.channels))


@router.get("/rules", response_model=list[RuleOut], responses=_errors(403))
def get_rules(svc: Service, caller: Reader) -> Response:
    return json_response(outbox.list_rules(svc.engine))


@router.post("/rules", response_model=RuleOut, status_code=201, responses=_errors(403))
def add_rule(svc: Service, caller: RuleEditor, body: RuleIn) -> Response:
    if body.category is not None and body.category not in svc.known_categories:
        raise ApiError(422, "unknown_category", f"Lĩnh vực «{body.category}» không tồn tại.")
    if body.ward is not None and svc.reference.ward(body.ward) is None:
        raise ApiError(422, "unknown_ward", f"Địa bàn «{body.ward}» không tồn tại.")
    rule = outbox.add_rule(
        svc.engine, body.channels, body.category, body.ward, body.enabled, caller.name, svc.now()
    )
    return json_response(rule, 201)


@router.delete("/rules/{rule_id}", response_model=RuleOut, responses=_errors(403, 404))
def delete_rule(
    svc: Service, caller: RuleEditor, rule_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Response:
    return json_response(outbox.remove_rule(svc.engine, rule_id))
