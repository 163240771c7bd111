"""Translators' tokens (scoped to target languages) and the organisers' curation decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _keep_token_ids(change: Callable[[], None]) -> None:
    """Copying the table would restart its AUTOINCREMENT counter: a new token could take the id of
    a deleted one, and the audit trail's "token 3" would name two people. Carry the counter over."""
    bind = op.get_bind()
    seq = bind.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'tokens'").scalar()
    change()
    if seq is not None:
        bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'tokens'")
        bind.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('tokens', ?)", (seq,))


def _tokens_with_translators() -> None:
    with op.batch_alter_table(
        "tokens", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(sa.Column("languages", sa.JSON(), nullable=False, server_default="[]"))
        batch.drop_constraint(op.f("ck_tokens_role"), type_="check")
        batch.create_check_constraint("role", "role IN ('rapporteur', 'organiser', 'translator')")


def _tokens_without_translators() -> None:
    with op.batch_alter_table(
        "tokens", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.drop_constraint(op.f("ck_tokens_role"), type_="check")
        batch.create_check_constraint("role", "role IN ('rapporteur', 'organiser')")
        batch.drop_column("languages")


def upgrade() -> None:
    # SQLite cannot alter a CHECK constraint in place: batch mode copies the table.
    _keep_token_ids(_tokens_with_translators)
    op.create_table(
        "decisions",
        sa.Column("summit_id", sa.String(length=64), nullable=False),
        sa.Column("decision_id", sa.String(length=120), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("summit_id", "decision_id", name=op.f("pk_decisions")),
    )


def downgrade() -> None:
    op.drop_table("decisions")
    with op.batch_alter_table(
        "tokens", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.drop_constraint(op.f("ck_tokens_role"), type_="check")
        batch.create_check_constraint("role", "role IN ('rapporteur', 'organiser')")
        batch.drop_column("languages")
