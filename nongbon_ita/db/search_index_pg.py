"""The search indexes on PostgreSQL: pg_trgm GIN indexes over the same columns as SQLite's FTS5
tables (db/search_index.py), so `ILIKE '%…%'` — Thai substring search — is answered from an index.

pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. The indexes
are ordinary indexes of their tables, kept up to date by PostgreSQL itself (no triggers).
"""

from __future__ import annotations

from nongbon_ita.db.search_index_def import INDEXES, SearchIndex


def trigram_index_name(index: SearchIndex, column: str) -> str:
    return f"ix_{index.source}_{column}_trgm"


def pg_index_ddl(index: SearchIndex) -> list[str]:
    return [
        f"CREATE INDEX IF NOT EXISTS {trigram_index_name(index, column)} "
        f"ON {index.source} USING gin ({column} gin_trgm_ops)"
        for column in index.columns
    ]


def pg_create_ddl() -> list[str]:
    return ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
        statement for index in INDEXES for statement in pg_index_ddl(index)
    ]


def pg_drop_ddl() -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {trigram_index_name(index, column)}"
        for index in INDEXES
        for column in index.columns
    ]


def is_trigram_index(name: str | None) -> bool:
    return name is not None and name.endswith("_trgm")
