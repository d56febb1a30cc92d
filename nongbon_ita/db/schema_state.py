"""What a database file is, judged from its table names and Alembic revision alone.

Kept free of SQLAlchemy and Alembic so the quick print path (db/plain.py) can ask it; the head
revision is a constant so that opening an up-to-date database never imports Alembic (a test
checks it equals the migration chain's single head).
"""

from __future__ import annotations

from collections.abc import Collection
from enum import Enum

from nongbon_ita.domain.errors import N_, DatabaseRefused

HEAD_REVISION = "0001_initial"


class SchemaState(Enum):
    EMPTY = "empty"  # no tables yet: a new database
    CURRENT = "current"
    BEHIND = "behind"  # a known older revision: migrate


def state_without_alembic(tables: Collection[str], revision: str | None) -> SchemaState | None:
    """EMPTY or CURRENT when the names tell; None when Alembic's revision list must decide.

    A file with tables but without ours (alembic_version, audit_event) is refused as foreign.
    """
    if not tables:
        return SchemaState.EMPTY
    if "alembic_version" not in tables or ("audit_event" not in tables and len(tables) > 1):
        raise DatabaseRefused(N_("This file is not a nongbon-ita database."))
    return SchemaState.CURRENT if revision == HEAD_REVISION else None
