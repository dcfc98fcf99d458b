"""The central database as release 1 created it with create_all (before migrations).

Revision ID: 0001
Revises: none
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("from_status", sa.String(32), nullable=False),
        sa.Column("to_status", sa.String(32), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_events_report_at", "events", ["report_id", "at"])
    op.create_table(
        "idempotency",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("user_name", sa.String(128), nullable=False),
        sa.Column("report_id", sa.Integer, nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "media_blobs",
        sa.Column("report_id", sa.Integer, primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        sa.Column("content_type", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False, unique=True),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("category", sa.String(64), nullable=False),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("ward", sa.String(64), nullable=False),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("channel", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("unit", sa.String(64)),
        sa.Column("deadline", sa.DateTime),
        sa.Column("escalation_level", sa.Integer, nullable=False),
        sa.Column("escalated_at", sa.DateTime),
        sa.Column("duplicate_of", sa.Integer),
        sa.Column("merged_count", sa.Integer, nullable=False),
        sa.Column("media", sa.Text, nullable=False),
        sa.Column("rating", sa.Integer),
        sa.Column("reporter_name", sa.Text),
        sa.Column("reporter_phone", sa.String(64)),
        sa.Column("reporter_email", sa.String(320)),
        sa.Column("reject_reason", sa.String(64)),
        sa.Column("result_text", sa.Text),
        sa.Column("resolved_at", sa.DateTime),
        sa.Column("extension_deadline", sa.DateTime),
        sa.Column("extension_reason", sa.Text),
        sa.Column("extended", sa.Boolean, nullable=False),
        sa.Column("views", sa.Integer, nullable=False),
    )
    for column in ("category", "code", "created_at", "status", "unit", "ward"):
        op.create_index(f"ix_reports_{column}", "reports", [column])
    op.create_table(
        "sign_in_failures",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(128), nullable=False, unique=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("password_hash", sa.String(512), nullable=False),
        sa.Column("unit_code", sa.String(64)),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_tokens_expires_at", "tokens", ["expires_at"])


def downgrade() -> None:
    for table in (
        "tokens",
        "users",
        "sign_in_failures",
        "reports",
        "media_blobs",
        "idempotency",
        "events",
        "change_counter",
    ):
        op.drop_table(table)
