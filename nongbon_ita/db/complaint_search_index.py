"""The complaint list's substring search over the register number, subject and details (the
index, COMPLAINT_SEARCH, is built by the migrations: db/search_index.py). Identities are never
indexed."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_

from nongbon_ita.db.models_complaints import ComplaintRow
from nongbon_ita.db.search_index import COMPLAINT_SEARCH, substring_condition
from nongbon_ita.domain.calendar import RegisterNumber


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
