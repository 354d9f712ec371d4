"""Issue 28: a conversation that finishes: the applicant, the request awaiting files, attachments.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("conversations", sa.Column("applicant_name", sa.String(200), nullable=True))
    op.add_column("conversations", sa.Column("request_id", sa.Integer(), nullable=True))
    op.add_column("requests", sa.Column("wa_id", sa.String(20), nullable=True))
    op.add_column("requests", sa.Column("applicant_name", sa.String(200), nullable=True))
    op.create_index("ix_requests_wa_id", "requests", ["wa_id"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("requests.id"), nullable=False),
        sa.Column("message_id", sa.String(128), nullable=False),
        sa.Column("content_type", sa.String(32), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_attachments_request_id", "attachments", ["request_id"])


def downgrade() -> None:
    op.drop_table("attachments")
    op.drop_index("ix_requests_wa_id", "requests")
    with op.batch_alter_table("requests") as requests:  # SQLite drops columns by copying
        requests.drop_column("applicant_name")
        requests.drop_column("wa_id")
    with op.batch_alter_table("conversations") as conversations:
        conversations.drop_column("request_id")
        conversations.drop_column("applicant_name")
