"""The last gate before the database: no text with control or invisible characters is written.

The services check what people type or import where they validate it (asset drafts, imports…),
so a form or an import preview can name the field first; this gate catches every other path —
GUI, CLI, imports and whatever is added later — at flush time: a new or changed text column
holding a character `domain.text` refuses aborts the transaction with a ValidationError naming
the field. `Text` columns are multi-line (tab and line breaks allowed); `String` ones are not.

Only values being written are looked at: a legacy row with a bad character can still be edited
in its other fields (and exports make such values harmless, see reports/xlsx.py).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Mapper, Session, sessionmaker

from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.text import check_text

# The audit trail records values as they were (old values included): it is not input.
SKIPPED_TABLES = frozenset({"audit_event"})

# How the user knows a column, where a column name alone would not say it.
LABELS = {
    "asset_number": N_("Asset number"),
    "name": N_("Name"),
    "full_name": N_("Full name"),
    "username": N_("User name"),
    "serial": N_("Serial number"),
    "brand_model": N_("Brand/model"),
    "borrower_name": N_("Borrower"),
    "subject": N_("Subject"),
    "position": N_("Position"),
}


@cache
def _text_columns(mapper: Mapper[Any]) -> tuple[tuple[str, bool], ...]:
    """(attribute, multi-line) for every text column of a mapped class."""
    found: list[tuple[str, bool]] = []
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if isinstance(column.type, String):
            found.append((attr.key, isinstance(column.type, Text)))
    return tuple(found)


def _check_object(obj: object, new: bool) -> None:
    state = inspect(obj)
    mapper = state.mapper
    if mapper.local_table.name in SKIPPED_TABLES:  # type: ignore[attr-defined]
        return
    for key, multiline in _text_columns(mapper):
        history = state.attrs[key].history
        values = [getattr(obj, key, None)] if new else list(history.added or ())
        for value in values:
            if isinstance(value, str):
                check_text(value, key, LABELS.get(key), multiline)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    for obj in session.new:
        _check_object(obj, new=True)
    for obj in session.dirty:
        _check_object(obj, new=False)


def install(sessions: sessionmaker[Session]) -> None:
    """Check every flush of sessions made by `sessions` (idempotent)."""
    if not event.contains(sessions, "before_flush", _before_flush):
        event.listen(sessions, "before_flush", _before_flush)
