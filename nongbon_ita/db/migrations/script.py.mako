"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import nongbon_ita.db.base
% if not down_revision:
from nongbon_ita.db.search_index import create_search_indexes, drop_search_indexes
% endif
${imports if imports else ""}

revision: str = ${repr(up_revision)}
down_revision: str | None = ${repr(down_revision)}
branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}
depends_on: str | Sequence[str] | None = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
% if not down_revision:
    create_search_indexes(op)  # FTS5 search tables and triggers: not models (db/search_index.py)
% endif


def downgrade() -> None:
% if not down_revision:
    drop_search_indexes(op)
% endif
    ${downgrades if downgrades else "pass"}
