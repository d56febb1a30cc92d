"""The loan list's substring search: an FTS5 trigram index over borrower, organisation, purpose
and place (db/search_index.py's helpers, one more index).

Until the initial migration builds it with the other search indexes, `ensure_loan_search` makes
it on first use (idempotent: a look at sqlite_master when it is there).
"""

from __future__ import annotations

from weakref import WeakSet

from sqlalchemy import ColumnElement, Engine, text

from nongbon_ita.db.models_loans import LoanRow
from nongbon_ita.db.search_index import SearchIndex, index_ddl, substring_condition

LOAN_SEARCH = SearchIndex(
    "loan_search", "loan", ("borrower_name", "borrower_organization", "purpose", "place_of_use")
)
_READY: WeakSet[Engine] = WeakSet()  # engines known to have the index


def ensure_loan_search(engine: Engine) -> None:
    if engine.dialect.name != "sqlite" or engine in _READY:
        return
    with engine.begin() as connection:
        found = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = :name"), {"name": LOAN_SEARCH.name}
        ).first()
        if found is None:
            for statement in index_ddl(LOAN_SEARCH):
                connection.execute(text(statement))
    _READY.add(engine)


def loan_text_condition(dialect_name: str, needle: str) -> ColumnElement[bool]:
    columns = [LoanRow.borrower_name, LoanRow.borrower_organization, LoanRow.purpose,
               LoanRow.place_of_use]  # fmt: skip
    return substring_condition(dialect_name, LOAN_SEARCH, LoanRow.id, columns, needle)
