"""Issue 24: the rate window, the sender's columns, officers and the audit trail.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("conversations", sa.Column("window_started_at", sa.DateTime(), nullable=True))
    op.add_column(
        "conversations",
        sa.Column("window_count", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_index("ix_requests_office", "requests", ["office"])
    op.add_column(
        "outbox",
        sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
    )
    op.add_column(
        "outbox", sa.Column("attempts", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("outbox", sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
    op.add_column("outbox", sa.Column("claimed_by", sa.String(64), nullable=True))
    op.add_column("outbox", sa.Column("lease_until", sa.DateTime(), nullable=True))
    op.add_column("outbox", sa.Column("wa_message_id", sa.String(128), nullable=True))
    op.add_column("outbox", sa.Column("error", sa.Text(), nullable=True))
    op.add_column("outbox", sa.Column("updated_at", sa.DateTime(), nullable=True))
    op.create_index("ix_outbox_wa_message_id", "outbox", ["wa_message_id"])
    op.create_index("ix_outbox_due", "outbox", ["status", "next_attempt_at"])
    op.create_table(
        "officers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("office", sa.String(16), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("officer_id", sa.Integer(), sa.ForeignKey("officers.id"), nullable=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("office", sa.String(16), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("remote_addr", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_audit_request_id", "audit", ["request_id"])


def downgrade() -> None:
    op.drop_table("audit")
    op.drop_table("officers")
    with op.batch_alter_table("outbox") as outbox:  # SQLite drops columns by copying
        outbox.drop_index("ix_outbox_due")
        outbox.drop_index("ix_outbox_wa_message_id")
        for column in (
            "updated_at",
            "error",
            "wa_message_id",
            "lease_until",
            "claimed_by",
            "next_attempt_at",
            "attempts",
            "status",
        ):
            outbox.drop_column(column)
    op.drop_index("ix_requests_office", "requests")
    with op.batch_alter_table("conversations") as conversations:
        conversations.drop_column("window_count")
        conversations.drop_column("window_started_at")
