"""The relay outbox and its channels and rules, independent of HTTP.

A message is one text (and photos) for one channel, keyed "<idempotency key>:<channel>":
the same key again answers the messages already queued and queues nothing.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from console.central.db import ReportRow, write_transaction
from console.central.errors import ApiError, not_found
from console.central.relay.channels import KIND_LABELS, LIMITS, check_settings
from console.central.relay.rows import (
    CHANNELS,
    MESSAGES,
    PHOTOS,
    RULES,
    RelayChannelRow,
    RelayPhotoRow,
    RelayRuleRow,
)
from console.domain.model import Status, format_time
from console.domain.privacy import hide_personal
from console.domain.reference import Reference
from console.domain.relay_text import cut_text, relay_text

STATES = ("queued", "sending", "sent", "failed", "uncertain")
RELAYABLE = frozenset({Status.PUBLISHED.value, Status.CLOSED.value})
Photo = tuple[bytes, str]


def channel_json(row: Any) -> dict[str, Any]:
    max_text, photos, _resend = LIMITS[row.kind]
    return {
        "id": row.id,
        "kind": row.kind,
        "name": row.name,
        "enabled": bool(row.enabled),
        "photos": photos,
        "max_text": max_text,
    }


def list_channels(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(CHANNELS).order_by(RelayChannelRow.id))
        return [channel_json(row) for row in rows]


def save_channel(
    engine: Engine,
    channel_id: str,
    kind: str,
    name: str,
    settings: dict[str, Any],
    now: datetime,
    enabled: bool = True,
) -> dict[str, Any]:
    """Create the channel, or replace its kind, name and settings (a new token, say)."""
    if kind not in LIMITS:
        raise ApiError(422, "unknown_kind", f"Loại kênh «{kind}» không có.")
    problem = check_settings(kind, settings)
    if problem:
        raise ApiError(422, "invalid_settings", f"Kênh {KIND_LABELS[kind]}: {problem}")
    values = {"kind": kind, "name": name, "settings": json.dumps(settings), "enabled": enabled}
    with write_transaction(engine) as conn:
        table = CHANNELS
        found = conn.execute(select(table.c.id).where(table.c.id == channel_id)).first()
        if found is None:
            conn.execute(insert(table).values(id=channel_id, created_at=now, **values))
        else:
            conn.execute(update(table).where(table.c.id == channel_id).values(**values))
        row = conn.execute(select(table).where(table.c.id == channel_id)).one()
    return channel_json(row)


def remove_channel(engine: Engine, channel_id: str) -> dict[str, Any]:
    with write_transaction(engine) as conn:
        table = CHANNELS
        row = conn.execute(select(table).where(table.c.id == channel_id)).first()
        if row is None:
            raise not_found(f"kênh «{channel_id}»")
        conn.execute(delete(table).where(table.c.id == channel_id))
    return channel_json(row)


def _channels(conn: Connection, ids: list[str]) -> dict[str, Any]:
    table = CHANNELS
    found = {row.id: row for row in conn.execute(select(table).where(table.c.id.in_(ids)))}
    unknown = [i for i in ids if i not in found or not found[i].enabled]
    if unknown:
        raise ApiError(
            422, "unknown_channel", f"Kênh không có hoặc đang tắt: {', '.join(unknown)}."
        )
    return found


def _report(conn: Connection, report_id: int) -> Any:
    row = conn.execute(select(ReportRow.__table__).where(ReportRow.id == report_id)).first()
    if row is None:
        raise not_found(f"phản ánh số {report_id}")
    return row


def preview(
    engine: Engine, reference: Reference, report_id: int, channels: list[str]
) -> dict[str, Any]:
    with engine.connect() as conn:
        row = _report(conn, report_id)
        found = _channels(conn, channels)
    text = relay_text(row, reference, row.reporter_name)
    return {
        "text": text,
        "per_channel": [
            {"channel": c, "text": cut_text(text, LIMITS[found[c].kind][0])} for c in channels
        ],
    }


def queue(
    engine: Engine,
    *,
    user: str,
    report_id: int,
    channels: list[str],
    text: str,
    photos: list[Photo],
    key: str,
    now: datetime,
) -> list[dict[str, Any]]:
    """Queue one message per channel (masked again, cut to the channel); idempotent on `key`."""
    try:
        with write_transaction(engine) as conn:
            return _queue(conn, user, report_id, channels, text, photos, key, now)
    except IntegrityError:
        with engine.connect() as conn:
            return _queued_already(conn, user, report_id, channels, key)


def _queued_already(
    conn: Connection, user: str, report_id: int, channels: list[str], key: str
) -> list[dict[str, Any]]:
    keys = [f"{key}:{c}" for c in dict.fromkeys(channels)]
    rows = conn.execute(select(MESSAGES).where(MESSAGES.c.key.in_(keys)).order_by(MESSAGES.c.id))
    found = list(rows)
    if any(r.report_id != report_id or r.created_by != user for r in found) or (
        found and len(found) != len(keys)
    ):
        raise ApiError(
            422,
            "idempotency_key_reused",
            "Khóa chống lặp này đã dùng cho một lần gửi khác; hãy tạo khóa mới.",
        )
    return [{"id": r.id, "channel": r.channel, "state": r.state, "key": r.key} for r in found]


def _queue(
    conn: Connection,
    user: str,
    report_id: int,
    channels: list[str],
    text: str,
    photos: list[Photo],
    key: str,
    now: datetime,
) -> list[dict[str, Any]]:
    already = _queued_already(conn, user, report_id, channels, key)
    if already:
        return already
    row = _report(conn, report_id)
    if row.status not in RELAYABLE:
        raise ApiError(
            422,
            "not_published",
            f"Phản ánh {row.code} chưa công khai kết quả; chỉ chuyển tiếp kết quả đã công khai.",
        )
    wanted = list(dict.fromkeys(channels))
    found = _channels(conn, wanted)
    masked = hide_personal(text, [row.reporter_name])
    for channel in wanted:
        max_text, takes_photos, _resend = LIMITS[found[channel].kind]
        message_id = conn.execute(
            insert(MESSAGES)
            .values(
                key=f"{key}:{channel}",
                report_id=report_id,
                channel=channel,
                text=cut_text(masked, max_text),
                state="queued",
                attempts=0,
                next_attempt_at=now,
                created_by=user,
                created_at=now,
            )
            .returning(MESSAGES.c.id)
        ).scalar_one()
        for n, (jpeg, caption) in enumerate(photos if takes_photos else [], 1):
            conn.execute(
                insert(PHOTOS).values(
                    message_id=message_id,
                    n=n,
                    data=jpeg,
                    caption=hide_personal(caption, [row.reporter_name]),
                )
            )
    return _queued_already(conn, user, report_id, channels, key)


def message_json(row: Any, photo_count: int) -> dict[str, Any]:
    return {
        "id": row.id,
        "report_id": row.report_id,
        "channel": row.channel,
        "state": row.state,
        "attempts": row.attempts,
        "next_attempt_at": format_time(row.next_attempt_at),
        "last_error": row.last_error,
        "sent_at": format_time(row.sent_at),
        "created_at": format_time(row.created_at),
        "created_by": row.created_by,
        "text": row.text,
        "photo_count": photo_count,
        "remote_id": row.remote_id,
        "key": row.key,
    }


def list_messages(
    engine: Engine, state: str | None, report_id: int | None, limit: int
) -> list[dict[str, Any]]:
    photos = (
        select(RelayPhotoRow.message_id, func.count().label("n"))
        .group_by(RelayPhotoRow.message_id)
        .subquery()
    )
    query = select(MESSAGES, photos.c.n).outerjoin(photos, photos.c.message_id == MESSAGES.c.id)
    if state is not None:
        query = query.where(MESSAGES.c.state == state)
    if report_id is not None:
        query = query.where(MESSAGES.c.report_id == report_id)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(MESSAGES.c.id.desc()).limit(limit)).all()
    return [message_json(row, int(row.n or 0)) for row in rows]


def retry(engine: Engine, message_id: int, now: datetime) -> dict[str, Any]:
    """A failed (or uncertain: the operator checked the group) message goes back in the queue."""
    with write_transaction(engine) as conn:
        row = conn.execute(select(MESSAGES).where(MESSAGES.c.id == message_id)).first()
        if row is None:
            raise not_found(f"tin chuyển tiếp số {message_id}")
        if row.state not in ("failed", "uncertain"):
            raise ApiError(
                409,
                "not_failed",
                f"Tin số {message_id} đang ở trạng thái «{row.state}», không gửi lại.",
            )
        conn.execute(
            update(MESSAGES)
            .where(MESSAGES.c.id == message_id)
            .values(state="queued", next_attempt_at=now)
        )
    return next(
        m for m in list_messages(engine, None, row.report_id, 1000) if m["id"] == message_id
    )


def rule_json(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "channels": json.loads(row.channels),
        "category": row.category,
        "ward": row.ward,
        "enabled": bool(row.enabled),
    }


def list_rules(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(select(RULES).order_by(RelayRuleRow.id))
        return [rule_json(row) for row in rows]


def add_rule(
    engine: Engine,
    channels: list[str],
    category: str | None,
    ward: str | None,
    enabled: bool,
    user: str,
    now: datetime,
) -> dict[str, Any]:
    table = RULES
    with write_transaction(engine) as conn:
        _channels(conn, list(dict.fromkeys(channels)))
        rule_id = conn.execute(
            insert(table)
            .values(
                channels=json.dumps(list(dict.fromkeys(channels))),
                category=category,
                ward=ward,
                enabled=enabled,
                created_by=user,
                created_at=now,
            )
            .returning(table.c.id)
        ).scalar_one()
        row = conn.execute(select(table).where(table.c.id == rule_id)).one()
    return rule_json(row)


def remove_rule(engine: Engine, rule_id: int) -> dict[str, Any]:
    table = RULES
    with write_transaction(engine) as conn:
        row = conn.execute(select(table).where(table.c.id == rule_id)).first()
        if row is None:
            raise not_found(f"quy tắc chuyển tiếp số {rule_id}")
        conn.execute(delete(table).where(table.c.id == rule_id))
    return rule_json(row)


def fire_rules(conn: Connection, report_id: int, reference: Reference, now: datetime) -> None:
    """In the publishing transaction: each matching enabled rule queues the server's own text
    (no photo) on its enabled channels, key "rule:<rule id>:<report id>"."""
    rules = conn.execute(select(RULES).where(RelayRuleRow.enabled.is_(True))).all()
    if not rules:
        return
    row = _report(conn, report_id)
    text = relay_text(row, reference, row.reporter_name)
    enabled = {
        r.id: r.kind
        for r in conn.execute(
            select(RelayChannelRow.id, RelayChannelRow.kind).where(
                RelayChannelRow.enabled.is_(True)
            )
        )
    }
    for rule in rules:
        if rule.category not in (None, row.category) or rule.ward not in (None, row.ward):
            continue
        for channel in json.loads(rule.channels):
            key = f"rule:{rule.id}:{report_id}:{channel}"
            if (
                channel not in enabled
                or conn.execute(select(MESSAGES.c.id).where(MESSAGES.c.key == key)).first()
            ):
                continue
            conn.execute(
                insert(MESSAGES).values(
                    key=key,
                    report_id=report_id,
                    channel=channel,
                    text=cut_text(text, LIMITS[enabled[channel]][0]),
                    state="queued",
                    attempts=0,
                    next_attempt_at=now,
                    created_by=f"rule:{rule.id}",
                    created_at=now,
                )
            )
