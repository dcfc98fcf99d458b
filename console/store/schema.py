"""Tables of the two local SQLite files: the cache (rebuildable) and the outbox (precious).

Times are stored as ISO 8601 UTC text ("...Z", the wire format): they sort correctly, need no
per-value conversion on the bulk sync path, and parse fast with `datetime.fromisoformat`.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class CacheBase(DeclarativeBase):
    pass


class OutboxBase(DeclarativeBase):
    pass


class SchemaVersion(CacheBase):
    __tablename__ = "schema_version"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)


class OutboxSchemaVersion(OutboxBase):
    __tablename__ = "schema_version"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)


class Meta(CacheBase):
    """Small key/value facts: the sync cursor, the change revision, the reference payload."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CachedReport(CacheBase):
    """One report as the server last sent it: queue columns plus the whole wire record."""

    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(64))
    ward: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str | None] = mapped_column(String(64))
    deadline: Mapped[str | None] = mapped_column(String(40))
    urgency: Mapped[str] = mapped_column(String(16))
    escalation_level: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    duplicate_of: Mapped[int | None] = mapped_column(Integer)
    merged_count: Mapped[int] = mapped_column(Integer)
    rating: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    search_key: Mapped[str] = mapped_column(Text)
    #: The local change revision that last wrote this row (for incremental model updates).
    rev: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_reports_rev", "rev"),
        Index("ix_reports_status_deadline", "status", "deadline"),
        Index("ix_reports_lat_lon", "lat", "lon"),
        Index("ix_reports_created_at", "created_at"),
    )


class HistoryEvent(CacheBase):
    __tablename__ = "history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    data: Mapped[str] = mapped_column(Text)


class QuarantinedRecord(CacheBase):
    """A record from the server that failed validation, kept with its reason for review."""

    __tablename__ = "quarantine"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int | None] = mapped_column(Integer, index=True)
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    received_at: Mapped[str] = mapped_column(String(40))


class AuditEntry(CacheBase):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)


class OutboxRow(OutboxBase):
    """An operator action waiting for (or holding) the server's answer."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(Integer)
    action_type: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    expected_version: Mapped[int] = mapped_column(Integer)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(32))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    server_status: Mapped[int | None] = mapped_column(Integer)
    server_code: Mapped[str | None] = mapped_column(String(64))
    current_json: Mapped[str | None] = mapped_column(Text)
    result_json: Mapped[str | None] = mapped_column(Text)
    preview_json: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_outbox_state_id", "state", "id"),
        Index("ix_outbox_report_state", "report_id", "state"),
    )
