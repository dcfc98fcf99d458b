"""The database's identity: central_meta(key, value) holding a random database_id.

Revision ID: 0003
Revises: 0002

Consoles keep this id beside their change cursor; `paht-console db new-identity` gives a
restored database a new one (see console.central.identity).
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "central_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.bulk_insert(meta, [{"key": "database_id", "value": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("central_meta")
