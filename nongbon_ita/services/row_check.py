"""Rows changed outside the app: each current row of a watched table against the seal its last
write recorded in the audit trail (row_seals.py). A row whose seal differs was edited directly
in the file (the fields are named); a row with no seal was added outside the app; a sealed row
that is gone was deleted outside it.

A database made before rows were sealed is compared table by table from the first sealed write
on; one made since (`sealed_all` on its first event) is compared whole.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.errors import N_
from nongbon_ita.domain.row_seal import changed_columns
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.row_seals import key_of, watched_tables

CHANGED, ADDED, DELETED = "changed", "added", "deleted"
SHOWN = 20  # lines in the report; the count says how many more
TABLE_LABELS = {
    "loan": N_("loan"), "loan_item": N_("loan item"), "loan_return": N_("loan return"),
    "loan_follow_up": N_("loan follow-up"), "loan_liability": N_("loan liability"),
    "loan_review": N_("loan register review"), "asset": N_("asset"),
    "asset_category": N_("asset category"), "user_role": N_("user role"), "app_user": N_("user"),
    "complaint": N_("complaint"), "complaint_identity": N_("complainant identity"),
    "complaint_action": N_("complaint action"), "complaint_attachment": N_("complaint attachment"),
    "ita_measure": N_("ITA measure"), "ita_measure_result": N_("measure result"),
    "ita_evidence": N_("measure evidence"), "ita_measure_progress": N_("measure progress"),
}  # fmt: skip


@dataclass(frozen=True)
class RowChange:
    table: str
    row_id: str
    kind: str  # CHANGED, ADDED or DELETED
    fields: tuple[str, ...] = ()


def _recorded(session: Session) -> tuple[dict[tuple[str, str], tuple[list[str], str | None]], bool]:
    """The last seal of every row the trail sealed, and whether the office was sealed whole."""
    seals: dict[tuple[str, str], tuple[list[str], str | None]] = {}
    whole = False
    query = select(AuditEventRow.seals).where(AuditEventRow.seals != "").order_by(AuditEventRow.seq)
    for seals_json in session.scalars(query):
        data: dict[str, Any] = json.loads(seals_json)
        whole = whole or bool(data.get("sealed_all"))
        for table, part in (data.get("sealed") or {}).items():
            columns = str(part.get("c", "")).split(",")
            for row_id, found in (part.get("r") or {}).items():
                seals[(table, str(row_id))] = (columns, found)
    return seals, whole


def check_rows(session: Session) -> list[RowChange]:
    seals, whole = _recorded(session)
    sealed_tables = {table for table, _row in seals}
    changes: list[RowChange] = []
    for table in watched_tables():
        if not whole and table.name not in sealed_tables:
            continue  # an older database: this table was never written since sealing began
        key = key_of(table)
        for row in session.execute(select(table)).mappings():
            row_id = str(row[key.name])
            columns, found = seals.pop((table.name, row_id), ([], None))
            if found is None:
                changes.append(RowChange(table.name, row_id, ADDED))
                continue
            values = [row.get(name) for name in columns]
            fields = changed_columns(found, columns, values)
            if fields:
                changes.append(RowChange(table.name, row_id, CHANGED, tuple(fields)))
    for (table_name, row_id), (_columns, found) in sorted(seals.items()):
        if found is not None:
            changes.append(RowChange(table_name, row_id, DELETED))
    return changes


def row_lines(changes: tuple[RowChange, ...]) -> list[str]:
    """One line a row (the first SHOWN), in the UI language."""
    lines = []
    for change in changes[:SHOWN]:
        what = _(TABLE_LABELS.get(change.table, change.table))
        if change.kind == CHANGED:
            lines.append(_("Changed outside the app: {what} {id} (table {table}), field(s) "
                           "{fields}.").format(what=what, id=change.row_id, table=change.table,
                                               fields=", ".join(change.fields)))  # fmt: skip
        elif change.kind == ADDED:
            lines.append(_("Added outside the app: {what} {id} (table {table}).").format(
                what=what, id=change.row_id, table=change.table))  # fmt: skip
        else:
            lines.append(_("Deleted outside the app: {what} {id} (table {table}).").format(
                what=what, id=change.row_id, table=change.table))  # fmt: skip
    if len(changes) > SHOWN:
        lines.append(_("… and {n} more rows changed outside the app.").format(
            n=len(changes) - SHOWN))  # fmt: skip
    return lines
