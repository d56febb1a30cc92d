"""The complaint list's substring search: an FTS5 trigram index over the register number, subject
and details (db/search_index.py's helpers, one more index). Identities are never indexed.

Until the initial migration builds it with the other search indexes (add COMPLAINT_SEARCH to
search_index.INDEXES), `ensure_complaint_search` makes it on first use: idempotent, one look at
sqlite_master; the 'rebuild' in its DDL indexes the rows already there.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Engine, and_, text

from nongbon_ita.db.models_complaints import ComplaintRow
from nongbon_ita.db.search_index import SearchIndex, index_ddl, substring_condition
from nongbon_ita.domain.calendar import RegisterNumber

COMPLAINT_SEARCH = SearchIndex(
    "complaint_search", "complaint", ("register_text", "subject", "details")
)
_READY: set[int] = set()  # engines (by id) known to have the index


def ensure_complaint_search(engine: Engine) -> None:
    if engine.dialect.name != "sqlite" or id(engine) in _READY:
        return
    with engine.begin() as connection:
        found = connection.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = :name"),
            {"name": COMPLAINT_SEARCH.name},
        ).first()
        if found is None:
            for statement in index_ddl(COMPLAINT_SEARCH):
                connection.execute(text(statement))
    _READY.add(id(engine))


def complaint_text_condition(dialect_name: str, needle: str) -> ColumnElement[bool]:
    """Complaints whose number, subject or details contain `needle`; a register number typed
    whole ('5/2567', '๕/๒๕๖๗') finds exactly that complaint, not 15/2567 too."""
    try:
        register = RegisterNumber.parse(needle)
    except ValueError:
        columns = [ComplaintRow.register_text, ComplaintRow.subject, ComplaintRow.details]
        return substring_condition(dialect_name, COMPLAINT_SEARCH, ComplaintRow.id, columns, needle)
    return and_(
        ComplaintRow.number == register.number, ComplaintRow.fiscal_year == register.fiscal_year
    )
