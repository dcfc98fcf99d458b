"""The relay: channels, the outbox of messages and their photos, rules.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "relay_channels",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "relay_messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("report_id", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=False),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.Column("remote_id", sa.String(200), nullable=True),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("key", name="uq_relay_messages_key"),
    )
    op.create_index("ix_relay_messages_report_id", "relay_messages", ["report_id"])
    op.create_index("ix_relay_messages_due", "relay_messages", ["state", "next_attempt_at"])
    op.create_table(
        "relay_photos",
        sa.Column("message_id", sa.Integer, primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True),
        sa.Column("caption", sa.Text, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "relay_rules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channels", sa.Text, nullable=False),
        sa.Column("category", sa.String(64), nullable=True),
        sa.Column("ward", sa.String(64), nullable=True),
        sa.Column("enabled", sa.Boolean, nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("relay_rules")
    op.drop_table("relay_photos")
    op.drop_index("ix_relay_messages_due", "relay_messages")
    op.drop_index("ix_relay_messages_report_id", "relay_messages")
    op.drop_table("relay_messages")
    op.drop_table("relay_channels")
