"""The searched columns of each table, one list for every database engine (db/search_index.py
builds FTS5 tables on SQLite, db/search_index_pg.py pg_trgm indexes on PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchIndex:
    name: str  # the FTS5 table
    source: str  # the indexed table, with an integer primary key `id`
    columns: tuple[str, ...]


ASSET_SEARCH = SearchIndex(
    "asset_search", "asset", ("asset_number", "name", "serial", "brand_model")
)
LOAN_SEARCH = SearchIndex(
    "loan_search", "loan", ("borrower_name", "borrower_organization", "purpose", "place_of_use")
)
# identities live in complaint_identity and are never indexed
COMPLAINT_SEARCH = SearchIndex(
    "complaint_search", "complaint", ("register_text", "subject", "details")
)
INDEXES = (ASSET_SEARCH, LOAN_SEARCH, COMPLAINT_SEARCH)
