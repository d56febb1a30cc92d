"""The loan list's substring search over borrower, organisation, purpose and place
(the index itself, LOAN_SEARCH, is built by the migrations with the others: db/search_index.py)."""

from __future__ import annotations

from sqlalchemy import ColumnElement

from nongbon_ita.db.models_loans import LoanRow
from nongbon_ita.db.search_index import LOAN_SEARCH, substring_condition


def loan_text_condition(dialect_name: str, needle: str) -> ColumnElement[bool]:
    columns = [LoanRow.borrower_name, LoanRow.borrower_organization, LoanRow.purpose,
               LoanRow.place_of_use]  # fmt: skip
    return substring_condition(dialect_name, LOAN_SEARCH, LoanRow.id, columns, needle)
