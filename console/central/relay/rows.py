"""The relay's tables: channels (with their secrets), the outbox of messages and their photos,
and the rules that queue a message when a report is published."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.central.db_base import Base, UtcDateTime


class RelayChannelRow(Base):
    """A channel; `settings` (JSON) holds its credentials and is never answered by the API."""

    __tablename__ = "relay_channels"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    settings: Mapped[str] = mapped_column(Text, default="{}")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RelayMessageRow(Base):
    """One text (and photos) for one channel; `key` is "<idempotency key>:<channel>"."""

    __tablename__ = "relay_messages"
    __table_args__ = (UniqueConstraint("key", name="uq_relay_messages_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300))
    report_id: Mapped[int] = mapped_column(Integer, index=True)
    channel: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    remote_id: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class RelayPhotoRow(Base):
    __tablename__ = "relay_photos"

    message_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    n: Mapped[int] = mapped_column(Integer, primary_key=True)
    caption: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RelayRuleRow(Base):
    """Every report published in `category` (None: any) and `ward` (None: any) goes to
    `channels` (a JSON list)."""

    __tablename__ = "relay_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channels: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(64))
    ward: Mapped[str | None] = mapped_column(String(64))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


Index("ix_relay_messages_due", RelayMessageRow.state, RelayMessageRow.next_attempt_at)

CHANNELS = cast(Table, RelayChannelRow.__table__)
MESSAGES = cast(Table, RelayMessageRow.__table__)
PHOTOS = cast(Table, RelayPhotoRow.__table__)
RULES = cast(Table, RelayRuleRow.__table__)
